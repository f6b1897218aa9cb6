import DossierSupport
import DossierModel
import DossierLoad
import DossierScore
import DossierRender
import CSystem
import Crypto
import Dispatch
import Foundation
import Mustache
#if canImport(Glibc)
import Glibc
#endif

/// Renders every page of the site into a folder and returns what it wrote.
///
/// Agent pages are rendered on all cores, each worker writing its own pages,
/// so that memory stays bounded (no page is kept once written).
package struct SiteBuilder: Sendable {
    package let report: Report
    package let repository: Repository
    package let templates: TemplateSet

    package init(report: Report, repository: Repository, templates: TemplateSet) {
        self.report = report
        self.repository = repository
        self.templates = templates
    }

    package struct RenderError: Error, Sendable, CustomStringConvertible {
        package let description: String
    }

    /// One output file and how to make it.
    private struct Job: Sendable {
        typealias Stream = @Sendable ((String) throws -> Void) throws -> Void
        let path: String
        /// Makes the whole file, or (for the largest) hands it over in pieces.
        let make: (@Sendable () throws -> [UInt8])?
        let stream: (@Sendable ((String) throws -> Void) throws -> Void)?
        /// For a page that may be reused from the previous site: its key.
        let key: (@Sendable () -> String)?

        init(path: String, key: (@Sendable () -> String)? = nil, make: @escaping @Sendable () throws -> [UInt8]) {
            self.path = path
            self.make = make
            self.stream = nil
            self.key = key
        }

        init(path: String, stream: @escaping @Sendable ((String) throws -> Void) throws -> Void) {
            self.path = path
            self.make = nil
            self.stream = stream
            self.key = nil
        }
    }

    /// Writes every output into `directory` (which must exist and be empty). Agent pages
    /// whose key did not change are linked from `previous` instead of rendered.
    package func write(into directory: URL, reusing previous: PreviousSite? = nil) throws -> [FileDigest] {
        let model = SiteModel(report: report, repository: repository, templates: templates)
        let output = OutputFolder(root: directory)
        let report = report
        let templates = templates
        let render: @Sendable (String, any TemplateObject) throws -> [UInt8] = { name, context in
            do {
                return try templates.renderBytes(name, context)
            } catch {
                throw RenderError(description: "\(error)")
            }
        }

        // The pages over all agents are the largest: they go first, so that they overlap with the
        // agent pages, and their long lists are streamed into place.
        let streamed: @Sendable (String, @escaping @Sendable (inout [StreamedList]) -> any TemplateObject) -> Job.Stream = { name, context in
            { sink in
                var lists: [StreamedList] = []
                let page = try render(name, context(&lists))
                try StreamedList.write(page, lists: lists) { try sink(HTMLSafety.neutralizeSchemes($0)) }
            }
        }
        var jobs: [Job] = [
            Job(path: "report.html", stream: streamed("report") { model.reportContext(lists: &$0) }),
            Job(path: "gaps.html", stream: streamed("gaps") { model.gapsContext(lists: &$0) }),
            Job(path: "checklist.html", stream: streamed("checklist") { model.checklistPageContext(lists: &$0) }),
        ]
        for check in ArticleCheck.all {
            let page = SitePaths.articlePage(check.article)
            jobs.append(Job(path: page) { try render("article", model.articleContext(check, page: page)) })
        }
        // The obligations' pages all sit in articles/ and link alike: their agents are made once.
        let articleAgents = model.articleObligations()
        for definition in ObligationCatalog.all {
            let page = SitePaths.obligationPage(definition.id)
            jobs.append(Job(path: page) {
                try render("obligation", model.obligationArticleContext(definition, page: page, agents: articleAgents))
            })
        }
        jobs.append(Job(path: "obligations.html") { try render("obligations", model.obligationsPageContext()) })
        jobs.append(Job(path: "incidents.html") { try render("incidents", model.incidentsPageContext()) })
        jobs.append(Job(path: "index.html") { try render("index", model.indexContext()) })
        jobs.append(Job(path: "owners.html") { try render("owners", model.ownersContext()) })
        for level in RiskLevel.allCases where report.agents.contains(where: { $0.agent.risk.level == level }) {
            let page = "risk/\(level.rawValue).html"
            jobs.append(Job(path: page) { try render("risk", model.riskContext(level, page: page)) })
        }
        if !repository.documents.isEmpty {
            jobs.append(Job(path: "documents.html") { try render("docs", model.docsIndexContext()) })
            for document in repository.documents {
                let page = SitePaths.docPage(document.path)
                jobs.append(Job(path: page) { try render("doc", model.docContext(document, page: page)) })
            }
        }
        if report.changes != nil {
            jobs.append(Job(path: "changes.html") { try render("changes", model.changesContext()) })
        }
        jobs.append(Job(path: "style.css") { Array(templates.text("style.css").utf8) })
        jobs.append(Job(path: "report.json", stream: { sink in try ReportJSON.write(report, to: sink) }))
        jobs.append(Job(path: "report.md", stream: { sink in try ReportMarkdown.write(report, to: sink) }))
        // For code review and CI tools that read the published site.
        jobs.append(Job(path: "dossier.sarif", stream: { sink in try SARIFReport.write(report, to: sink) }))
        jobs.append(Job(path: "junit.xml", stream: { sink in try JUnitReport.write(report, to: sink) }))
        let keys = PageKeys(report: report, repository: repository, templates: templates)
        for agent in report.agents {
            let page = SitePaths.agentPage(agent.agent.id)
            jobs.append(Job(path: page, key: { keys.agentPage(agent) }) { try render("agent", model.agentPageContext(agent, page: page)) })
        }
        try run(jobs, output: output, previous: previous)
        return output.digests
    }

    /// Runs the jobs on all cores; each worker renders and writes one page at a time,
    /// so that no more than one page per worker is held in memory.
    private func run(_ jobs: [Job], output: OutputFolder, previous: PreviousSite?) throws {
        try Parallel.forEach(count: jobs.count) { (index) throws(any Error) in
            let job = jobs[index]
            let key = job.key?()
            if let key, let previous, try output.reuse(job.path, key: key, from: previous) { return }
            if let make = job.make {
                try output.write(job.path, try make(), key: key)
            } else if let stream = job.stream {
                try output.write(job.path, stream: stream)
            }
        }
    }
}

/// Writes files under a root folder and remembers their digests. Safe to use from several threads.
final class OutputFolder: @unchecked Sendable {
    let root: URL
    private let lock = NSLock()
    private var written: [FileDigest] = []
    private var folders: Set<String> = []
    private var reused = 0

    init(root: URL) { self.root = root }

    /// Writes a whole file; with a `key`, stores it with the file for the next build to reuse the page.
    func write(_ path: String, _ bytes: [UInt8], key: String? = nil) throws {
        var bytes = bytes
        if path.hasSuffix(".html") { HTMLSafety.neutralizeSchemes(&bytes) }
        try makeFolder(of: path)
        let url = root.appendingPathComponent(path)
        // One open, write and close, straight from the page's bytes.
        let digest = try bytes.withUnsafeBufferPointer { bytes in
            let descriptor = try create(url)
            defer { close(descriptor) }
            try writeAll(bytes, to: descriptor, url: url)
            let digest = FileDigest(path: path, sha256: Digest.sha256(bytes), bytes: bytes.count)
            if let key {
                // Best effort: where the file system has no extended attributes, the next build renders the page.
                let stamp = PreviousSite.stamp(key: key, sha256: digest.sha256)
                _ = dossier_set_attribute(descriptor, PreviousSite.attribute, stamp, UInt(stamp.utf8.count))
            }
            return digest
        }
        lock.withLock { written.append(digest) }
    }

    /// Links `path` from the previous site when its key is unchanged (see `PreviousSite`).
    func reuse(_ path: String, key: String, from previous: PreviousSite) throws -> Bool {
        try makeFolder(of: path)
        guard let digest = previous.reuse(path, key: key, to: root.appendingPathComponent(path)) else { return false }
        lock.withLock {
            written.append(digest)
            reused += 1
        }
        return true
    }

    /// How many pages were linked from the previous site.
    var reusedCount: Int { lock.withLock { reused } }

    /// Creates the folder a file goes in, once per folder.
    private func makeFolder(of path: String) throws {
        guard let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) else { return }
        let folder = String(path[..<slash])
        // Created under the lock: another thread must not write into a folder that is still being made.
        try lock.withLock {
            guard !folders.contains(folder) else { return }
            let url = root.appendingPathComponent(folder)
            do {
                try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
            } catch {
                throw InputOutputError(path: url.path, reason: "cannot create the folder\(InputOutputError.cause(error))")
            }
            folders.insert(folder)
        }
    }

    /// open(2) rather than FileManager.createFile, whose failure has no reason.
    private func create(_ url: URL) throws -> Int32 {
        let descriptor = open(url.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o666)
        guard descriptor >= 0 else {
            throw InputOutputError(path: url.path, reason: "cannot write the file\(InputOutputError.cause(errno: errno))")
        }
        return descriptor
    }

    private func writeAll(_ bytes: UnsafeBufferPointer<UInt8>, to descriptor: Int32, url: URL) throws {
        guard var next = bytes.baseAddress else { return }
        var left = bytes.count
        while left > 0 {
            let count = Glibc.write(descriptor, next, left)
            if count < 0 {
                if errno == EINTR { continue }
                throw InputOutputError(path: url.path, reason: "cannot write the file\(InputOutputError.cause(errno: errno))")
            }
            next += count
            left -= count
        }
    }

    /// Writes a file from pieces, hashing as it goes (for outputs too large to hold whole).
    func write(_ path: String, stream: ((String) throws -> Void) throws -> Void) throws {
        try makeFolder(of: path)
        let url = root.appendingPathComponent(path)
        let descriptor = try create(url)
        defer { close(descriptor) }
        var hasher = SHA256()
        var bytes = 0
        // Only a failed write is an I/O error; what the page's own code throws (a template error) passes through.
        try stream { piece in
            var piece = piece
            try piece.withUTF8 { buffer in
                try writeAll(buffer, to: descriptor, url: url)
                hasher.update(bufferPointer: UnsafeRawBufferPointer(buffer))
                bytes += buffer.count
            }
        }
        let digest = FileDigest(path: path, sha256: Digest.hex(hasher.finalize()), bytes: bytes)
        lock.withLock { written.append(digest) }
    }

    var digests: [FileDigest] { lock.withLock { written.sorted { ByteOrder.less($0.path, $1.path) } } }
}
