import DossierSupport
import DossierModel
import Foundation
import Synchronization

/// A raw audit log to read.
package struct LogFile: Sendable {
    /// How messages name the file (relative to the repository, or as given).
    package let path: String
    package let url: URL

    package init(path: String, url: URL) {
        self.path = path
        self.url = url
    }
}

/// How far reading has got, for a progress display. Updated from the reading threads.
public final class ReadProgress: Sendable {
    public let totalBytes: Int
    public let totalFiles: Int
    private let bytes = Atomic<Int>(0)
    private let files = Atomic<Int>(0)

    init(totalBytes: Int, totalFiles: Int) {
        self.totalBytes = totalBytes
        self.totalFiles = totalFiles
    }

    public var bytesRead: Int { bytes.load(ordering: .relaxed) }
    public var filesRead: Int { files.load(ordering: .relaxed) }

    func add(bytes count: Int) { bytes.add(count, ordering: .relaxed) }
    func fileDone() { files.add(1, ordering: .relaxed) }
}

/// Told when logs start and finish being read, to show progress.
public protocol LogProgressObserver: Sendable {
    func started(_ progress: ReadProgress)
    func finished()
}

/// Summarizes raw audit logs (docs/reference/audit-logs.md) on all cores.
///
/// Plain files are cut into newline-aligned chunks; each thread reads chunks
/// (and whole gzip files) into an accumulator of its own, and the tallies are
/// merged at the end. Memory depends on the number of agents, actions, tools
/// and policies, not on the size of the logs.
package struct LogSummarizer: Sendable {
    package static let chunkBytes: Int64 = 16 * 1024 * 1024

    package let files: [LogFile]
    package let progress: ReadProgress
    /// Where the event keys are found (`audit_fields`), or `nil` for the reference layout.
    private let plan: FieldPlan?
    /// In the order they are read; a unit's number (`Unit.ordinal`) follows the files and their bytes.
    private let units: [Unit]

    private struct Unit: Sendable {
        enum Kind: Sendable {
            case range(start: Int64, end: Int64)
            case gzip
        }

        /// Numbers the units in the order of the files and of their bytes, so that an event's place
        /// (its unit's number, its line in the unit) orders events as the logs' lines are.
        var ordinal: Int
        var file: Int
        var kind: Kind
    }

    /// What reading produced.
    package struct Result: Sendable {
        package var tally: AuditTally
        /// Gzip files that end inside a member.
        package var truncatedFiles: [Int]
    }

    /// Plans the work: sizes and kinds of the files. `files` should be in byte order of path;
    /// plain files are cut into chunks of `chunkBytes`.
    package init(files: [LogFile], fields: AuditFields = AuditFields(),
                 chunkBytes: Int64 = LogSummarizer.chunkBytes) throws(LogReadError) {
        self.files = files
        plan = fields.isEmpty ? nil : FieldPlan(fields)
        var units: [Unit] = []
        var total = 0
        for (index, file) in files.enumerated() {
            let (size, isGzip) = try Self.inspect(file)
            total += Int(size)
            if isGzip {
                units.append(Unit(ordinal: units.count, file: index, kind: .gzip))
            } else {
                var start: Int64 = 0
                repeat {
                    let end = min(size, start + max(1, chunkBytes))
                    units.append(Unit(ordinal: units.count, file: index, kind: .range(start: start, end: end)))
                    start = end
                } while start < size
            }
        }
        // Whole gzip files first: they cannot be split, so they should not be the last to start.
        func isGzip(_ unit: Unit) -> Bool {
            if case .gzip = unit.kind { return true }
            return false
        }
        self.units = units.filter(isGzip) + units.filter { !isGzip($0) }
        progress = ReadProgress(totalBytes: total, totalFiles: files.count)
    }

    private static func inspect(_ file: LogFile) throws(LogReadError) -> (size: Int64, isGzip: Bool) {
        var info = stat()
        guard stat(file.url.path, &info) == 0 else {
            throw .unreadable(path: file.path, reason: "cannot read the file (\(String(cString: strerror(errno))))")
        }
        guard info.st_mode & S_IFMT == S_IFREG else { throw .unreadable(path: file.path, reason: "not a regular file") }
        var source = try FileRangeSource(path: file.path, url: file.url, offset: 0)
        var magic: [UInt8] = [0, 0]
        let n = try magic.withUnsafeMutableBufferPointer { buffer throws(LogReadError) in
            try source.read(into: buffer.baseAddress!, count: 2)
        }
        return (Int64(info.st_size), n == 2 && magic == [0x1F, 0x8B])
    }

    /// The warnings about whole files of a run: gzip data that ends early, and malformed lines naming no agent.
    package func fileWarnings(_ result: Result) -> [Diagnostic] {
        var warnings: [Diagnostic] = result.truncatedFiles.map {
            Diagnostic(.warning, at: SourceLocation(file: files[$0].path),
                       "the gzip data ends early (a log still being compressed?); its unfinished last line is malformed")
        }
        for (file, count) in result.tally.unattributed.sorted(by: { $0.key < $1.key }) {
            warnings.append(Diagnostic(.warning, at: SourceLocation(file: files[file].path),
                                       "\(Counted.phrase(count, "malformed line")) naming no agent (not JSON, or no agent_name string)"))
        }
        return warnings
    }

    /// Reads every file; `threads` defaults to the number of cores.
    package func run(threads: Int? = nil) throws(LogReadError) -> Result {
        var unitsPerFile = [Int](repeating: 0, count: files.count)
        for unit in units { unitsPerFile[unit.file] += 1 }
        let unitsLeft = Mutex(unitsPerFile)
        let units = self.units
        let files = self.files
        let progress = self.progress
        let plan = self.plan
        // Each worker keeps its own tally and buffers; the tallies merge at the end (in any order: a monoid).
        let parts = try Parallel.run(count: units.count, workers: threads ?? Parallel.cores) {
            (_, next) throws(LogReadError) -> (tally: AuditTally, truncated: [Int], lines: [(unit: Int, lines: Int)]) in
            var accumulator = EventAccumulator()
            var scanner = EventScanner(plan: plan)
            var reader = LineReader()
            var truncated: [Int] = []
            var lines: [(unit: Int, lines: Int)] = []
            while let index = next() {
                let unit = units[index]
                let file = files[unit.file]
                accumulator.begin(unit: unit.ordinal, file: unit.file)
                switch unit.kind {
                case let .range(start, end):
                    // From the byte before the chunk, to see whether a line starts at its first byte.
                    let from = max(0, start - 1)
                    var source = try FileRangeSource(path: file.path, url: file.url, offset: from)
                    let reported = try reader.read(&source, limit: end - from, skipFirst: start > 0,
                                                   scanner: &scanner, into: &accumulator, progress: progress)
                    progress.add(bytes: Int(end - start) - reported)
                case .gzip:
                    var source = try GzipSource(path: file.path, url: file.url)
                    try reader.read(&source, limit: .max, skipFirst: false, scanner: &scanner, into: &accumulator,
                                    progress: progress)
                    if source.truncated { truncated.append(unit.file) }
                }
                lines.append((unit.ordinal, accumulator.line))
                let fileDone = unitsLeft.withLock { left in
                    left[unit.file] -= 1
                    return left[unit.file] == 0
                }
                if fileDone { progress.fileDone() }
            }
            return (accumulator.tally(), truncated, lines)
        }
        var tally = AuditTally()
        var truncated: [Int] = []
        var linesPerUnit = [Int](repeating: 0, count: units.count)
        for part in parts {
            tally.merge(part.tally)
            truncated += part.truncated
            for (unit, lines) in part.lines { linesPerUnit[unit] = lines }
        }
        // Each unit's lines follow those of the units of its file before it.
        var placement = [(file: Int, linesBefore: Int)](repeating: (0, 0), count: units.count)
        for unit in units { placement[unit.ordinal].file = unit.file }
        var linesBefore = 0
        for ordinal in placement.indices {
            if ordinal > 0 && placement[ordinal - 1].file != placement[ordinal].file { linesBefore = 0 }
            placement[ordinal].linesBefore = linesBefore
            linesBefore += linesPerUnit[ordinal]
        }
        tally.placeExamples(units: placement)
        return Result(tally: tally, truncatedFiles: truncated.sorted())
    }
}
