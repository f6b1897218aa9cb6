@testable import DossierSupport
@testable import DossierModel
@testable import DossierAudit
@testable import DossierLoad
@testable import DossierScore
@testable import DossierCompare
@testable import DossierRender
@testable import DossierSite
@testable import DossierCore
import Foundation
import Testing

/// The documented input limits (docs/reference/limits.md): each is a clear
/// error naming the file, checked just past the limit and, where cheap, at it.
struct LimitTests {
    private func loadErrors(_ repo: TestRepository, documents: Bool = false, agentFileLimit: Int = Limits.agentFiles,
                            docsByteLimit: Int = Limits.docsBytes) throws -> [String] {
        var loader = RepositoryLoader(root: repo.root, rules: .standard)
        loader.loadDocuments = documents
        // The real limits are checked by `make stress` with a release build; a debug build is too slow for them.
        loader.agentFileLimit = agentFileLimit
        loader.docsByteLimit = docsByteLimit
        return try loader.load().errors.map(\.description)
    }

    /// The README's limits paragraph states the limits the code enforces.
    @Test func theReadmeStatesTheLimitsInForce() throws {
        let readme = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("README.md")
        let text = try String(contentsOf: readme, encoding: .utf8).split(whereSeparator: \.isWhitespace).joined(separator: " ")
        let agentFiles = Limits.agentFiles.formatted(.number.grouping(.automatic).locale(Locale(identifier: "en_US")))
        for statement in ["A record file may be up to \(Limits.mebibytes(Limits.recordFileBytes))",
                          "up to \(agentFiles) agent files",
                          "a Markdown text up to \(Limits.mebibytes(Limits.markdownBytes))",
                          "`docs/` up to \(Limits.mebibytes(Limits.docsBytes))",
                          "a line may be up to \(Limits.mebibytes(Limits.auditLineBytes))"] {
            #expect(text.contains(statement), "README.md should say: \(statement)")
        }
    }

    @Test func docsPageOverOneMiBIsAnError() throws {
        let repo = try TestRepository(["dossier.yaml": TestRepository.config,
                                       "agents/a.yaml": "name: A\nrisk: {level: low}\n"])
        defer { repo.remove() }
        try repo.write("docs/at-limit.md", Data(repeating: UInt8(ascii: "["), count: Limits.markdownBytes))
        #expect(try loadErrors(repo, documents: true).isEmpty)
        try repo.write("docs/over.md", Data(repeating: UInt8(ascii: "["), count: Limits.markdownBytes + 1))
        #expect(try loadErrors(repo, documents: true)
            == ["docs/over.md: file is 1048577 bytes, over the 1 MiB limit for Markdown pages"])
        // Not read unless asked for (the loader of a library user that needs no pages).
        #expect(try loadErrors(repo).isEmpty)
    }

    @Test func docsPagesTogetherAreLimited() throws {
        let repo = try TestRepository(["dossier.yaml": TestRepository.config])
        defer { repo.remove() }
        let limit = 3 * 1024 * 1024
        let page = Data(repeating: UInt8(ascii: "a"), count: Limits.markdownBytes)
        for index in 0..<3 { try repo.write("docs/p\(index).md", page) }
        #expect(try loadErrors(repo, documents: true, docsByteLimit: limit).isEmpty)
        try repo.write("docs/q.md", Data("one byte too many\n".utf8))
        #expect(try loadErrors(repo, documents: true, docsByteLimit: limit)
            == ["docs/q.md: the pages under docs/ are over the 3 MiB limit together"])
    }

    @Test func descriptionOverOneMiBIsAnErrorAtItsKey() throws {
        let long = String(repeating: "*", count: Limits.markdownBytes + 1)
        let repo = try TestRepository(["dossier.yaml": TestRepository.config,
                                       "agents/a.yaml": "name: A\nrisk: {level: low}\ndescription: \"\(long)\"\n"])
        defer { repo.remove() }
        #expect(try loadErrors(repo) == ["agents/a.yaml:3:14: description: Markdown text is 1048577 bytes, over the 1 MiB limit"])
    }

    @Test func moreAgentFilesThanTheLimitIsOneError() throws {
        let repo = try TestRepository(["dossier.yaml": TestRepository.config])
        defer { repo.remove() }
        let agent = Data("name: A\nrisk: {level: low}\n".utf8)
        for index in 0...50 { try repo.write("agents/a\(index).yaml", agent) }
        #expect(try loadErrors(repo, agentFileLimit: 50) == ["agents: 51 agent files, over the limit of 50 per repository"])
        try FileManager.default.removeItem(at: repo.root.appendingPathComponent("agents/a0.yaml"))
        #expect(try loadErrors(repo, agentFileLimit: 50).isEmpty)
    }

    /// Raw logs have no limit on the agents they name (events for agents outside the
    /// repository are ignored with a warning, INPUT.md): split over two files and threads,
    /// every agent is counted once.
    @Test func rawLogsMayNameManyAgents() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-limits-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var files: [LogFile] = []
        for part in 0..<2 {
            var text = ""
            for index in 0..<12_000 {
                text += #"{"agent_name":"agent-\#(index)","timestamp":1764000000,"action":"a-\#(part)","allowed":true,"duration_ms":\#(index)}"# + "\n"
            }
            let url = folder.appendingPathComponent("log-\(part).jsonl")
            try Data(text.utf8).write(to: url)
            files.append(LogFile(path: "log-\(part).jsonl", url: url))
        }
        let tally = try LogSummarizer(files: files).run(threads: 2).tally
        #expect(tally.agents.count == 12_000)
        #expect(tally.agents["agent-11999"]?.events == 2)
        #expect(tally.agents["agent-11999"]?.durations?.count == 2)
    }

    @Test func byteGateLetsLargeWorkRunAlone() async {
        let gate = Parallel.ByteGate(capacity: 10)
        let peak = Peak()
        await withTaskGroup(of: Void.self) { group in
            for bytes in [3, 3, 3, 25, 3, 8, 8, 1] {
                group.addTask {
                    gate.withBytes(bytes) {
                        peak.enter(min(bytes, 10))
                        usleep(2_000)
                        peak.leave(min(bytes, 10))
                    }
                }
            }
        }
        #expect(peak.highest <= 10)
        #expect(peak.entered == 8)
    }

    private final class Peak: @unchecked Sendable {
        private let lock = NSLock()
        private var current = 0
        private(set) var highest = 0
        private(set) var entered = 0
        func enter(_ bytes: Int) { lock.withLock { current += bytes; entered += 1; highest = max(highest, current) } }
        func leave(_ bytes: Int) { lock.withLock { current -= bytes } }
    }
}
