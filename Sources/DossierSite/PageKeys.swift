import DossierSupport
import DossierModel
import DossierLoad
import DossierScore
import DossierRender

import Crypto

/// The keys of incremental builds (docs/reference/incremental-builds.md): a
/// SHA-256 over everything an agent's page is rendered from. A page of the
/// previous site is reused only when its stored key equals the new one.
///
/// The key is deliberately coarse: it takes in every input of the build except
/// the other agents' own files (their agent file and audit summary), so a change
/// to dossier.yaml, waivers.yaml, a docs page, a raw log, a template, the set of
/// agents, the release, the as-of date or `--compare-to` renders every page again.
struct PageKeys: Sendable {
    /// Digest of what every agent page shares.
    private let shared: [UInt8]
    /// Digests of the agent files and audit summaries, by path (they go into their own agent's key).
    private let own: [String: String]

    init(report: Report, repository: Repository, templates: TemplateSet) {
        var hasher = SHA256()
        func add(_ text: String) {
            // Length-prefixed, so that no two sequences of values hash alike.
            add(count: text.utf8.count)
            hasher.update(data: Array(text.utf8))
        }
        func add(count: Int) {
            withUnsafeBytes(of: UInt64(count).littleEndian) { hasher.update(bufferPointer: $0) }
        }
        add("dossier.page-key/1")
        add(DossierVersion.generator)
        // Every template, stylesheet and text, built-in or overriding.
        let files = templates.files.sorted { ByteOrder.less($0.key, $1.key) }
        add(count: files.count)
        for (path, text) in files {
            add(path)
            add(text)
        }
        add(report.organization)
        add(report.title)
        add(report.release)
        add(report.asOf.description)
        // The commit is no input file: a page that links sources at it depends on it.
        add(report.commit ?? "no commit")
        add(report.changes == nil ? "no changes" : "changes")
        add(count: report.history.count)
        let ownPaths = Set(report.agents.flatMap { agent in [agent.agent.file, Self.auditSummaryPath(agent.agent.id)] })
        var own: [String: String] = [:]
        add(count: repository.inputs.count)
        for input in repository.inputs {
            if ownPaths.contains(input.path) {
                own[input.path] = input.sha256
                add("own")
                add(input.path)
            } else {
                add(input.path)
                add(input.sha256)
            }
        }
        // Agents link to each other (a description that links an agent file links its page).
        add(count: report.agents.count)
        for agent in report.agents {
            add(agent.agent.id)
            add(agent.agent.file)
        }
        add(count: repository.documents.count)
        for document in repository.documents { add(document.path) }
        shared = Array(hasher.finalize())
        self.own = own
    }

    static func auditSummaryPath(_ id: String) -> String { "audit/\(id).json" }

    /// The key of an agent's page.
    func agentPage(_ agent: AgentReport) -> String {
        var hasher = SHA256()
        func add(_ text: String) {
            withUnsafeBytes(of: UInt64(text.utf8.count).littleEndian) { hasher.update(bufferPointer: $0) }
            hasher.update(data: Array(text.utf8))
        }
        hasher.update(data: shared)
        let record = agent.agent
        add(record.id)
        add(record.file)
        add(own[record.file] ?? "-")
        add(own[Self.auditSummaryPath(record.id)] ?? "-")
        // What scoring made of it, which also reads the file system (evidence paths).
        add(ReportJSON.agentJSON(agent))
        for (id, attestation) in record.checklist.sorted(by: { ByteOrder.less($0.key, $1.key) }) {
            add(id)
            add(attestation.evidenceExists ? "exists" : "missing")
        }
        return Digest.hex(hasher.finalize())
    }
}
