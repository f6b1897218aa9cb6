import Dispatch
import Foundation

/// Renders every page of the site into a folder and returns what it wrote.
///
/// Agent pages are rendered on all cores, each worker writing its own pages,
/// so that memory stays bounded (no page is kept once written).
public struct SiteBuilder: Sendable {
    public let report: Report
    public let repository: Repository
    public let templates: TemplateSet

    public init(report: Report, repository: Repository, templates: TemplateSet) {
        self.report = report
        self.repository = repository
        self.templates = templates
    }

    public struct RenderError: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    /// Writes every output into `directory` (which must exist and be empty).
    public func write(into directory: URL) throws -> [FileDigest] {
        let model = SiteModel(report: report, repository: repository, templates: templates)
        let output = OutputFolder(root: directory)

        try output.write("style.css", templates.text("style.css"))
        try output.write("report.json", ReportJSON.render(report))
        try output.write("report.md", ReportMarkdown.render(report))
        try output.write("index.html", render("index", model.indexContext()))
        for level in RiskLevel.allCases where report.agents.contains(where: { $0.agent.risk.level == level }) {
            let page = "risk/\(level.rawValue).html"
            try output.write(page, render("risk", model.riskContext(level, page: page)))
        }
        try output.write("gaps.html", render("gaps", model.gapsContext()))
        try output.write("checklist.html", render("checklist", model.checklistPageContext()))
        for check in ArticleCheck.all {
            let page = SitePaths.articlePage(check.article)
            try output.write(page, render("article", model.articleContext(check, page: page)))
        }
        if !repository.documents.isEmpty {
            try output.write("documents.html", render("docs", model.docsIndexContext()))
            for document in repository.documents {
                let page = SitePaths.docPage(document.path)
                try output.write(page, render("doc", model.docContext(document, page: page)))
            }
        }
        try output.write("report.html", render("report", model.reportContext()))
        try writeAgentPages(model: model, output: output)
        return output.digests
    }

    private func render(_ template: String, _ context: [String: Any]) throws -> String {
        do {
            return try templates.render(template, context)
        } catch {
            throw RenderError(description: error.description)
        }
    }

    private func writeAgentPages(model: SiteModel, output: OutputFolder) throws {
        let agents = report.agents
        guard !agents.isEmpty else { return }
        let workers = min(agents.count, max(1, ProcessInfo.processInfo.activeProcessorCount))
        let failure = FirstError()
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            var index = worker
            while index < agents.count, !failure.isSet {
                let agent = agents[index]
                let page = SitePaths.agentPage(agent.agent.id)
                do {
                    try output.write(page, try render("agent", model.agentPageContext(agent, page: page)))
                } catch {
                    failure.set(error)
                }
                index += workers
            }
        }
        if let error = failure.error { throw error }
    }
}

/// The first error of parallel work.
private final class FirstError: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: Error?

    var isSet: Bool { lock.withLock { stored != nil } }
    var error: Error? { lock.withLock { stored } }
    func set(_ error: Error) { lock.withLock { if stored == nil { stored = error } } }
}

/// Writes files under a root folder and remembers their digests. Safe to use from several threads.
final class OutputFolder: @unchecked Sendable {
    let root: URL
    private let lock = NSLock()
    private var written: [FileDigest] = []
    private var folders: Set<String> = []

    init(root: URL) { self.root = root }

    func write(_ path: String, _ text: String) throws {
        let data = Data((path.hasSuffix(".html") ? HTMLSafety.neutralizeSchemes(text) : text).utf8)
        let url = root.appendingPathComponent(path)
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            let needed = lock.withLock { folders.insert(folder).inserted }
            if needed { try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true) }
        }
        do {
            try data.write(to: url)
        } catch {
            throw InputOutputError(path: url.path, reason: "cannot write the file")
        }
        let digest = FileDigest(path: path, sha256: Digest.sha256(data), bytes: data.count)
        lock.withLock { written.append(digest) }
    }

    var digests: [FileDigest] { lock.withLock { written.sorted { ByteOrder.less($0.path, $1.path) } } }
}
