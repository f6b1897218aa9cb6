import DossierSupport
import DossierModel
import DossierAudit
import Foundation

/// What loading produced: a repository when the input is valid, and every diagnostic.
package struct LoadResult: Sendable {
    /// `nil` when any error was found (see `diagnostics`).
    package let repository: Repository?
    package let diagnostics: [Diagnostic]

    package var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }
    package var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}

/// Reads a governance repository from disk (INPUT.md) and validates it.
///
/// The only part of loading that touches the file system: everything it reads
/// goes through `DocumentParser` and the record readers, which are pure.
package struct RepositoryLoader: Sendable {
    /// Record files (`dossier.yaml`, agent files, audit summaries, `waivers.yaml`) larger than this are refused.
    package static let maxRecordBytes = Limits.recordFileBytes

    package let root: URL
    /// The rule ids `waivers.yaml` may name (scoring's own catalog).
    package let rules: RuleCatalog
    package var releaseOverride: String?
    /// Whether to read the pages under `docs/` (the site needs them, `check` does not).
    package var loadDocuments: Bool
    /// Whether to list raw audit logs among the inputs, with their SHA-256 (the site's manifest needs them).
    package var digestRawLogs = false
    /// `Limits.agentFiles` and `Limits.docsBytes`, lowered by tests.
    var agentFileLimit = Limits.agentFiles
    var docsByteLimit = Limits.docsBytes
    /// Told when raw audit logs start and finish being read (a progress display).
    package var logProgress: (any LogProgressObserver)?

    package init(root: URL, rules: RuleCatalog, releaseOverride: String? = nil, loadDocuments: Bool = false) {
        self.root = root.standardizedFileURL
        self.rules = rules
        self.releaseOverride = releaseOverride
        self.loadDocuments = loadDocuments
    }

    package func load() throws(InputOutputError) -> LoadResult {
        try checkRoot()
        let log = DiagnosticLog()
        var inputs: [FileDigest] = []
        let read = try readConfig(log: log, inputs: &inputs)
        var config = read.config
        let declaresRole = read.declaresRole
        guard let (agents, knownAgents) = try readAgents(log: log, inputs: &inputs) else {
            return LoadResult(repository: nil, diagnostics: log.sorted)
        }
        let audits = try readAudits(knownAgents: knownAgents, fields: config?.auditFields ?? AuditFields(), log: log, inputs: &inputs)
        let waivers = try readWaivers(agents: agents, knownAgents: knownAgents, log: log, inputs: &inputs)
        let incidents = try readIncidents(knownAgents: knownAgents, log: log, inputs: &inputs)
        let documents = loadDocuments ? try readDocuments(log: log, inputs: &inputs) : []
        // Also when dossier.yaml has errors of its own, as long as it has no role key.
        if config?.role == nil && (config != nil || !declaresRole) { requireRoles(agents, log: log) }
        if let organization = config?.attestations {
            let checks = EvidenceChecks(root: root)
            config?.attestations = organization.mapValues(checks.checked)
        }
        let diagnostics = log.sorted
        guard let config, !log.hasErrors else {
            return LoadResult(repository: nil, diagnostics: diagnostics)
        }
        var repository = Repository(config: config, agents: agents, audits: audits, documents: documents, inputs: inputs,
                                    waivers: waivers)
        repository.incidents = incidents
        return LoadResult(repository: repository, diagnostics: diagnostics)
    }

    /// The repository folder exists, is a folder, and can be read.
    private func checkRoot() throws(InputOutputError) {
        var isDirectory: ObjCBool = false
        guard FileManager.default.fileExists(atPath: root.path, isDirectory: &isDirectory) else {
            throw InputOutputError(path: root.path, reason: "no such repository folder")
        }
        guard isDirectory.boolValue else { throw InputOutputError(path: root.path, reason: "not a folder") }
        guard FileManager.default.isReadableFile(atPath: root.path) else {
            throw InputOutputError(path: root.path, reason: "cannot read the repository folder")
        }
    }

    /// `dossier.yaml`; `nil` when it is missing or invalid (reported). `declaresRole` says whether it has
    /// a `role` key, so that the classified agents' need of a role is reported even when it is invalid otherwise.
    private func readConfig(log: DiagnosticLog, inputs: inout [FileDigest]) throws(InputOutputError) -> (config: Config?, declaresRole: Bool) {
        guard let file = try readDocument("dossier.yaml", format: .yaml, log: log, required: true) else { return (nil, false) }
        inputs.append(file.digest)
        guard let document = file.document else { return (nil, false) }
        var declaresRole = false
        if case let .map(map)? = document { declaresRole = map.entries.contains { $0.key.text == "role" } }
        return (ConfigReader(reader: file.reader, releaseOverride: releaseOverride).read(document), declaresRole)
    }

    /// `agents/`: named and checked for duplicates in order, then read and parsed on all cores. The valid agents
    /// and every agent id with a file; `nil` when there are more files than the limit (reported).
    private func readAgents(log: DiagnosticLog, inputs: inout [FileDigest]) throws(InputOutputError) -> ([AgentRecord], Set<String>)? {
        // agents/: named and checked for duplicates in order, then read and parsed on all cores.
        struct AgentFile: Sendable {
            let path: String
            let stem: String
            let format: RecordReader.Format
            let duplicate: Bool
        }
        var agentFiles: [AgentFile] = []
        var stems: [String: String] = [:]
        for name in try listFiles("agents") {
            let path = "agents/\(name)"
            guard let (stem, format) = classifyAgentFile(name, path: path, log: log) else { continue }
            let duplicate = stems[stem]
            if let other = duplicate {
                log.error(SourceLocation(file: path), "", "duplicate agent id '\(stem)': \(other) has the same name")
            } else {
                stems[stem] = path
            }
            // A duplicate is still checked, so that its own errors show up in the same run.
            agentFiles.append(AgentFile(path: path, stem: stem, format: format, duplicate: duplicate != nil))
        }
        guard agentFiles.count <= agentFileLimit else {
            log.error(SourceLocation(file: "agents"), "",
                      "\(agentFiles.count) agent files, over the limit of \(agentFileLimit) per repository")
            return nil
        }
        let evidence = EvidenceChecks(root: root)
        let agentResults = try Parallel.map(agentFiles) { (file) throws(InputOutputError) in
            try loadRecord(file.path, format: file.format) { reader, document -> AgentRecord? in
                guard var agent = AgentReader(reader: reader, id: file.stem).read(document), !file.duplicate else { return nil }
                evidence.check(&agent)
                return agent
            }
        }
        var agents: [AgentRecord] = []
        for (digest, agent, diagnostics) in agentResults {
            if let digest { inputs.append(digest) }
            if let agent { agents.append(agent) }
            diagnostics.forEach(log.append)
        }

        return (agents, Set(stems.keys))
    }

    /// `audit/`: summaries (`<id>.json`), read on all cores, and raw logs (`**/*.jsonl[.gz]`), which win.
    private func readAudits(knownAgents: Set<String>, fields: AuditFields, log: DiagnosticLog,
                            inputs: inout [FileDigest]) throws(InputOutputError) -> [String: AuditSummary] {
        var audits: [String: AuditSummary] = [:]
        var summaryFiles: [(path: String, stem: String)] = []
        var rawLogs: [LogFile] = []
        for path in try listAuditFiles() {
            let name = String(path.dropFirst("audit/".count))
            if name.hasSuffix(".jsonl") || name.hasSuffix(".jsonl.gz") {
                rawLogs.append(LogFile(path: path, url: url(path)))
                continue
            }
            guard name.hasSuffix(".json") else {
                log.error(SourceLocation(file: path), "", "unknown file type in audit/ (expected <agent>.json, .jsonl or .jsonl.gz)")
                continue
            }
            if name.contains("/") {
                log.error(SourceLocation(file: path), "", "audit summaries belong directly in audit/ (raw logs may be in subfolders)")
                continue
            }
            let stem = String(name.dropLast(".json".count))
            guard AgentID.isValid(stem) else {
                log.error(SourceLocation(file: path), "", "bad file name: '\(TextRules.displayable(stem))' is not a valid agent id (\(AgentID.rule))")
                continue
            }
            summaryFiles.append((path, stem))
        }
        let summaryResults = try Parallel.map(summaryFiles) { (file) throws(InputOutputError) in
            try loadRecord(file.path, format: .json) { reader, document in
                AuditSummaryReader(reader: reader, id: file.stem, knownAgents: knownAgents).read(document)
            }
        }
        for (digest, summary, diagnostics) in summaryResults {
            if let digest { inputs.append(digest) }
            if let summary { audits[summary.agent] = summary }
            diagnostics.forEach(log.append)
        }
        if !rawLogs.isEmpty {
            try summarizeRawLogs(rawLogs, knownAgents: knownAgents, fields: fields, into: &audits, log: log)
            if digestRawLogs { inputs += try digests(of: rawLogs) }
        }

        return audits
    }

    /// `waivers.yaml`: checked against the agent ids, and the risk levels of the valid agent files.
    private func readWaivers(agents: [AgentRecord], knownAgents: Set<String>, log: DiagnosticLog,
                             inputs: inout [FileDigest]) throws(InputOutputError) -> [Waiver] {
        guard let file = try readDocument("waivers.yaml", format: .yaml, log: log) else { return [] }
        inputs.append(file.digest)
        guard let document = file.document else { return [] }
        let levels = Dictionary(agents.map { ($0.id, $0.risk.level) }, uniquingKeysWith: { first, _ in first })
        return WaiverReader(reader: file.reader, knownAgents: knownAgents, levels: levels, rules: rules).read(document) ?? []
    }

    /// `incidents.yaml` (OBLIGATIONS.md): checked against the agent ids.
    private func readIncidents(knownAgents: Set<String>, log: DiagnosticLog,
                               inputs: inout [FileDigest]) throws(InputOutputError) -> [Incident] {
        guard let file = try readDocument("incidents.yaml", format: .yaml, log: log) else { return [] }
        inputs.append(file.digest)
        guard let document = file.document else { return [] }
        return IncidentReader(reader: file.reader, knownAgents: knownAgents).read(document) ?? []
    }

    /// dossier.yaml has no role: every classified agent needs its own (OBLIGATIONS.md), reported at its
    /// `classification` key.
    private func requireRoles(_ agents: [AgentRecord], log: DiagnosticLog) {
        for agent in agents where agent.classification != nil && agent.classification?.role == nil {
            log.error(agent.sources.location(of: "classification"), "classification.role",
                      "a classified agent needs a role: set classification.role, or role in dossier.yaml (provider, deployer or provider-and-deployer; an organization that builds its agents on a model API is usually their provider)")
        }
    }

    /// `docs/**/*.md`, within the Markdown limits, published under their own names.
    private func readDocuments(log: DiagnosticLog, inputs: inout [FileDigest]) throws(InputOutputError) -> [Document] {
        var documents: [Document] = []
        var docsBytes = 0
        var pages: [String: String] = [:]  // lowercased path → the first page with it
        for path in try listTree("docs") where path.hasSuffix(".md") {
            // The path becomes a file name of the site: no control characters in it.
            if path.unicodeScalars.contains(where: { $0.properties.generalCategory == .control }) {
                log.error(SourceLocation(file: path), "", "bad file name: a docs page name cannot contain a control character")
                continue
            }
            // A page that is a symlink out of the repository is not published (it would leak the file).
            guard EvidencePath.exists(path, in: root) else {
                log.warning(SourceLocation(file: path), "", "links outside the repository; not published")
                continue
            }
            // Two pages differing only by case would be one file on a case-insensitive file system (macOS, Windows).
            if let other = pages[path.lowercased()] {
                log.error(SourceLocation(file: path), "",
                          "same name as \(other) on a case-insensitive file system; rename one of them")
                continue
            }
            pages[path.lowercased()] = path
            guard let bytes = try readDocsPage(path, log: log) else { continue }
            docsBytes += bytes.count
            if docsBytes > docsByteLimit {
                log.error(SourceLocation(file: path), "",
                          "the pages under docs/ are over the \(Limits.mebibytes(docsByteLimit)) limit together")
                break
            }
            if let problem = TextCheck.firstProblem(in: bytes) {
                log.error(SourceLocation(file: path, line: problem.line, column: problem.column), "", problem.message)
                continue
            }
            inputs.append(FileDigest(path: path, sha256: Digest.sha256(bytes), bytes: bytes.count))
            documents.append(Document(path: path, source: String(decoding: bytes, as: UTF8.self)))
        }
        return documents
    }

    // MARK: Raw audit logs

    /// Summarizes `audit/**/*.jsonl[.gz]`; raw events win over `audit/<id>.json`.
    private func summarizeRawLogs(_ logs: [LogFile], knownAgents: Set<String>, fields: AuditFields, into audits: inout [String: AuditSummary],
                                  log: DiagnosticLog) throws(InputOutputError) {
        let result: LogSummarizer.Result
        do {
            let summarizer = try LogSummarizer(files: logs, fields: fields)
            logProgress?.started(summarizer.progress)
            defer { logProgress?.finished() }
            result = try summarizer.run()
            summarizer.fileWarnings(result).forEach(log.append)
        } catch {
            switch error {
            case let .unreadable(path, reason):
                throw InputOutputError(path: path, reason: reason)
            case let .corrupt(path, reason):
                log.error(SourceLocation(file: path), "", reason)
                return
            }
        }
        let logPaths = logs.map(\.path)
        for (agent, tally) in result.tally.agents.sortedByKey {
            let file = logs[tally.firstFile].path
            guard knownAgents.contains(agent) else {
                log.warning(SourceLocation(file: file), "",
                            "raw events for '\(TextRules.displayable(agent))', which has no agent file in agents/; ignored")
                continue
            }
            if var summary = audits[agent] {
                // Malformed lines alone are no events: the summary stays, and counts them too.
                guard tally.events > 0 else {
                    summary.malformedLines = [summary.malformedLines, tally.malformedLines].saturatingSum
                    audits[agent] = summary
                    log.warning(SourceLocation(file: file), "",
                                "\(Counted.phrase(tally.malformedLines, "malformed line")) for '\(agent)' and no event; "
                                + "audit/\(agent).json is used, counting them")
                    continue
                }
                log.warning(SourceLocation(file: "audit/\(agent).json"), "",
                            "raw audit events for '\(agent)' exist too (\(file)); the raw events are used, not this summary")
            }
            audits[agent] = tally.summary(agent: agent, file: file, logs: logPaths)
        }
    }

    private func digests(of logs: [LogFile]) throws(InputOutputError) -> [FileDigest] {
        try Parallel.map(logs) { (file) throws(InputOutputError) in
            guard let (hex, bytes) = Digest.sha256(fileAt: file.url) else {
                throw InputOutputError(path: file.path, reason: "cannot read the file")
            }
            return FileDigest(path: file.path, sha256: hex, bytes: bytes)
        }
    }

    // MARK: Files

    private func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    /// The path of `relative` on disk, for system calls (what `url(relative).path` is, without a URL per file).
    private func fullPath(_ relative: String) -> String {
        let rootPath = root.path
        return rootPath.hasSuffix("/") ? rootPath + relative : rootPath + "/" + relative
    }

    /// The visible files of a folder (not its subfolders): everything but folders and links to folders,
    /// by path relative to the repository, in byte order; none when the folder is absent.
    private func listFiles(_ folder: String) throws(InputOutputError) -> [String] {
        try FolderWalker(recursive: false).entries(under: root, folder).filter(Self.isReadable).map { String($0.path.dropFirst(folder.count + 1)) }
    }

    /// Every visible file under `folder`, recursively (linked folders are not entered), in byte order.
    private func listTree(_ folder: String) throws(InputOutputError) -> [String] {
        try FolderWalker().entries(under: root, folder).filter(Self.isReadable).map(\.path)
    }

    private static func isReadable(_ entry: FolderWalker.Entry) -> Bool {
        entry.kind != .folder && entry.kind != .link(toFolder: true)
    }

    private func listAuditFiles() throws(InputOutputError) -> [String] { try listTree("audit") }

    private func classifyAgentFile(_ name: String, path: String, log: DiagnosticLog) -> (String, RecordReader.Format)? {
        let formats: [(String, RecordReader.Format)] = [(".yaml", .yaml), (".yml", .yaml), (".json", .json)]
        guard let (suffix, format) = formats.first(where: { name.hasSuffix($0.0) }) else {
            log.error(SourceLocation(file: path), "", "unknown file type in agents/ (expected .yaml, .yml or .json)")
            return nil
        }
        let stem = String(name.dropLast(suffix.count))
        guard AgentID.isValid(stem) else {
            log.error(SourceLocation(file: path), "", "bad file name: '\(TextRules.displayable(stem))' is not a valid agent id (\(AgentID.rule))")
            return nil
        }
        return (stem, format)
    }

    /// A record file read and parsed: its digest, the reader for its values, and its document
    /// (`nil` when it does not parse; `.some(nil)` when it is empty).
    private struct RecordFile {
        let digest: FileDigest
        let reader: RecordReader
        let document: DocumentNode??
    }

    /// Reads and parses a record file, reporting into `log`. `nil` when it is missing or too large.
    private func readDocument(_ path: String, format: RecordReader.Format, log: DiagnosticLog,
                              required: Bool = false) throws(InputOutputError) -> RecordFile? {
        guard let bytes = try readRecord(path, log: log, required: required) else { return nil }
        let reader = RecordReader(file: path, format: format, log: log)
        return RecordFile(digest: FileDigest(path: path, sha256: Digest.sha256(bytes), bytes: bytes.count),
                          reader: reader, document: Self.parse(bytes, reader: reader))
    }

    /// Reads, parses and reads the values of one record file with a log of its own (files load in parallel).
    private func loadRecord<R>(_ path: String, format: RecordReader.Format,
                               read: (RecordReader, DocumentNode?) -> R?) throws(InputOutputError) -> (FileDigest?, R?, [Diagnostic]) {
        let fileLog = DiagnosticLog()
        // A parsed file takes many times its size in memory: large files take turns.
        let size = Self.entrySize(fullPath(path)) ?? 0
        return try Limits.recordGate.withBytes(size) { () throws(InputOutputError) in
            guard let file = try readDocument(path, format: format, log: fileLog) else { return (nil, nil, fileLog.all) }
            guard let document = file.document else { return (file.digest, nil, fileLog.all) }
            return (file.digest, read(file.reader, document), fileLog.all)
        }
    }

    /// Reads a record file, enforcing the size limit. `nil` (after reporting) when it is missing or too large.
    private func readRecord(_ path: String, log: DiagnosticLog, required: Bool = false) throws(InputOutputError) -> [UInt8]? {
        var info = stat()
        guard stat(fullPath(path), &info) == 0 else {
            if required { log.error(SourceLocation(file: path), "", "required file is missing") }
            return nil
        }
        return try readLimited(path, limit: Self.maxRecordBytes, kind: "record files", log: log)
    }

    /// Reads a page under `docs/`, enforcing the Markdown size limit. `nil` (after reporting) when it is
    /// too large, or if it vanished.
    private func readDocsPage(_ path: String, log: DiagnosticLog) throws(InputOutputError) -> [UInt8]? {
        try readLimited(path, limit: Limits.markdownBytes, kind: "Markdown pages", log: log)
    }

    /// Reads a file of at most `limit` bytes; a larger one is reported and not read whole. `nil` when it
    /// is too large or missing.
    private func readLimited(_ path: String, limit: Int, kind: String, log: DiagnosticLog) throws(InputOutputError) -> [UInt8]? {
        let full = fullPath(path)
        guard let size = Self.entrySize(full) else { return nil }
        let tooLarge = "over the \(Limits.mebibytes(limit)) limit for \(kind)"
        if size > limit {
            log.error(SourceLocation(file: path), "", "file is \(size) bytes, \(tooLarge)")
            return nil
        }
        let descriptor = open(full, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw InputOutputError(path: path, reason: "cannot read the file") }
        defer { close(descriptor) }
        // A file that grew since it was measured (or a special file) is still never read past the limit.
        var bytes = [UInt8](repeating: 0, count: min(size, limit) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                guard count <= limit else { break }
                bytes.append(contentsOf: repeatElement(0, count: min(max(count, 4096), limit + 1 - count)))
            }
            let got = bytes.withUnsafeMutableBytes { buffer in
                read(descriptor, buffer.baseAddress! + count, buffer.count - count)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw InputOutputError(path: path, reason: "cannot read the file")
            }
            if got == 0 { break }
            count += got
        }
        guard count <= limit else {
            log.error(SourceLocation(file: path), "", "file is \(tooLarge)")
            return nil
        }
        bytes.removeLast(bytes.count - count)
        return bytes
    }

    /// The size of a directory entry, not following a symbolic link (as `FileManager.attributesOfItem`);
    /// `nil` when there is no such entry.
    private static func entrySize(_ path: String) -> Int? {
        var info = stat()
        guard lstat(path, &info) == 0 else { return nil }
        return Int(info.st_size)
    }

    /// Checks the encoding and parses; `nil` (after reporting) when the file cannot be parsed.
    static func parse(_ raw: [UInt8], reader: RecordReader) -> DocumentNode?? {
        var bytes = raw
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes.removeFirst(3) }
        if let problem = TextCheck.firstProblem(in: bytes) {
            reader.log.error(reader.location(problem.line, problem.column), "", problem.message)
            return nil
        }
        let parsed = reader.format == .json ? JSONDocumentParser.parse(bytes) : DocumentParser.parse(bytes)
        switch parsed {
        case let .success(document):
            return .some(document)
        case let .failure(failure):
            reader.log.error(reader.location(failure.line, failure.column), "", failure.message)
            return nil
        }
    }

    // MARK: Evidence

    /// Whether each checklist evidence path exists, asked of the disk once per distinct path
    /// (agents cite the same few documents), from all loading threads.
    private final class EvidenceChecks: @unchecked Sendable {
        private let root: URL
        private let realRoot: String?
        private let lock = NSLock()
        private var known: [String: Bool] = [:]

        init(root: URL) {
            self.root = root
            realRoot = EvidencePath.realPath(root.path)
        }

        func check(_ agent: inout AgentRecord) {
            for (id, attestation) in agent.checklist {
                guard let evidence = attestation.evidence, !EvidencePath.isURL(evidence) else { continue }
                agent.checklist[id]?.evidenceExists = exists(evidence)
            }
            for (key, attestation) in agent.attestations {
                agent.attestations[key] = checked(attestation)
            }
        }

        /// `attestation` with each evidence path's existence decided (URLs exist).
        func checked(_ attestation: Attestation) -> Attestation {
            var attestation = attestation
            for (index, evidence) in attestation.evidence.enumerated() where !EvidencePath.isURL(evidence.ref) {
                attestation.evidence[index].exists = exists(evidence.ref)
            }
            return attestation
        }

        private func exists(_ evidence: String) -> Bool {
            if let answer = lock.withLock({ known[evidence] }) { return answer }
            let answer = EvidencePath.exists(evidence, in: root, realRoot: realRoot)
            lock.withLock { known[evidence] = answer }
            return answer
        }
    }
}
