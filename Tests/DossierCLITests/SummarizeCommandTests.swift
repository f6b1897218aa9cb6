import Foundation
import Testing

/// `dossier summarize` end to end: the golden corpus of raw logs, output modes and exit codes.
struct SummarizeCommandTests {
    static let corpus = Bundle.module.resourceURL!.appendingPathComponent("Fixtures/audit-logs")

    static var cases: [String] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: corpus.path)) ?? []
        return names.filter { FileManager.default.fileExists(atPath: corpus.appendingPathComponent("\($0)/expected.json").path) }.sorted()
    }

    @Test func theCorpusIsThere() {
        #expect(Self.cases.count >= 25)
    }

    /// Every case of the corpus: `expected.json` (percentiles within 0.1% and 1 µs,
    /// everything else exactly) and the warnings of `expected-warnings.json`.
    @Test(arguments: cases)
    func goldenSummaries(_ name: String) throws {
        let folder = Self.corpus.appendingPathComponent(name)
        // A case with fields.yaml reads its logs through that mapping (audit_fields).
        let fields = FileManager.default.fileExists(atPath: folder.appendingPathComponent("fields.yaml").path) ? ["--fields", "fields.yaml"] : []
        let result = try DossierRunner.run(["summarize", "."] + fields, in: folder)
        #expect(result.exitCode == 0, "\(name): \(result.stderr)")
        let actual = try JSONSerialization.jsonObject(with: Data(result.stdout.utf8))
        let expected = try JSONSerialization.jsonObject(with: Data(contentsOf: folder.appendingPathComponent("expected.json")))
        compare(actual, expected, path: name)

        let warnings = try #require(try JSONSerialization.jsonObject(
            with: Data(contentsOf: folder.appendingPathComponent("expected-warnings.json"))) as? [String: Any])
        let lines = result.stderrLines
        for (file, count) in warnings["malformed_by_file"] as? [String: Int] ?? [:] {
            let prefix = "./\(file): warning: \(count) malformed line\(count == 1 ? "" : "s") naming no agent"
            #expect(lines.contains { $0.hasPrefix(prefix) }, "\(name): expected '\(prefix)'\nstderr:\n\(result.stderr)")
        }
        let unattributed = lines.filter { $0.contains("naming no agent") }
        #expect(unattributed.count == (warnings["malformed_by_file"] as? [String: Int] ?? [:]).count, "\(name): \(result.stderr)")
        for file in warnings["gzip_ends_early"] as? [String] ?? [] {
            #expect(lines.contains { $0.hasPrefix("./\(file): warning: the gzip data ends early") }, "\(name): \(result.stderr)")
        }
        let invalid = warnings["invalid_agents"] as? [String: [String: Int]] ?? [:]
        let invalidLines = lines.filter { $0.contains("is not a valid agent id") }
        #expect(invalidLines.count == invalid.count, "\(name): \(result.stderr)")
        for (_, counts) in invalid {
            let text = "its \(counts["events"] ?? -1) events and \(counts["malformed_lines"] ?? -1) malformed lines are left out"
            #expect(invalidLines.contains { $0.contains(text) }, "\(name): \(text)\nstderr:\n\(result.stderr)")
        }
    }

    func compare(_ actual: Any, _ expected: Any, path: String) {
        switch (actual, expected) {
        case let (a as [String: Any], e as [String: Any]):
            #expect(Set(a.keys) == Set(e.keys), "\(path): keys \(a.keys.sorted()) vs \(e.keys.sorted())")
            for (key, value) in e {
                guard let other = a[key] else { continue }
                compare(other, value, path: "\(path).\(key)")
            }
        case let (a as NSNumber, e as NSNumber):
            if path.hasSuffix(".p50") || path.hasSuffix(".p95") {
                let tolerance = max(abs(e.doubleValue) * 0.001, 0.001)
                #expect(abs(a.doubleValue - e.doubleValue) <= tolerance, "\(path): \(a) vs \(e)")
            } else {
                #expect(a.doubleValue == e.doubleValue, "\(path): \(a) vs \(e)")
            }
        case let (a as String, e as String):
            #expect(a == e, "\(path)")
        default:
            Issue.record("\(path): \(actual) vs \(expected)")
        }
    }

    // MARK: Output modes

    func logFolder(_ files: [String: String]) throws -> URL {
        var text = ""
        for (path, content) in files.sorted(by: { $0.key < $1.key }) { text += "-- \(path) --\n\(content)\n" }
        return try TxtarArchive(parsing: text).materialize()
    }

    static let events = """
    {"agent_name": "b", "timestamp": 1782800000, "action": "search", "allowed": true}
    {"agent_name": "a", "timestamp": 1782800001, "action": "search", "allowed": false}
    {"agent_name": "Bad Id", "timestamp": 1782800001, "action": "search", "allowed": false}
    """

    @Test func stdoutIsOneObjectKeyedBySortedAgentIds() throws {
        let folder = try logFolder(["logs/x.jsonl": Self.events])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try DossierRunner.run(["summarize", folder.appendingPathComponent("logs/x.jsonl").path])
        #expect(result.exitCode == 0)
        #expect(result.stdout.hasPrefix("{\n  \"a\": {\n    \"agent\": \"a\",\n    \"period_start\""))
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(json.keys.sorted() == ["a", "b"])
        #expect(result.stderr.contains("agent_name 'Bad Id' is not a valid agent id"))
    }

    @Test func aFileNamedTwiceIsReadOnce() throws {
        let folder = try logFolder(["logs/x.jsonl": Self.events])
        defer { try? FileManager.default.removeItem(at: folder) }
        let logs = folder.appendingPathComponent("logs")
        let result = try DossierRunner.run(["summarize", logs.path, logs.appendingPathComponent("x.jsonl").path,
                                            logs.appendingPathComponent("./x.jsonl").path])
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: [String: Any]])
        #expect(json["a"]?["events"] as? Int == 1)
    }

    @Test func outWritesOneFilePerAgentAndLeavesOthersAlone() throws {
        let folder = try logFolder(["logs/x.jsonl": Self.events, "summaries/keep.txt": "mine"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("summaries/new")
        let result = try DossierRunner.run(["summarize", folder.appendingPathComponent("logs").path, "--out", out.path])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        let written = try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        #expect(written == ["a.json", "b.json"])
        let a = try String(contentsOf: out.appendingPathComponent("a.json"), encoding: .utf8)
        #expect(a.contains("\"blocked\": 1"))
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("summaries/keep.txt").path))
    }

    @Test func aSummaryWrittenByOutLoadsAsAnAuditSummary() throws {
        let folder = try logFolder(["logs/a.jsonl": Self.events,
                                    "repo/dossier.yaml": "organization: X\nrelease: \"1\"\nas_of: 2026-07-01",
                                    "repo/agents/a.yaml": "name: A\nowner: o@example.com\nrisk: {level: low}"])
        defer { try? FileManager.default.removeItem(at: folder) }
        let out = folder.appendingPathComponent("out")
        let summarize = try DossierRunner.run(["summarize", folder.appendingPathComponent("logs").path, "--out", out.path])
        #expect(summarize.exitCode == 0)
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("repo/audit"), withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: out.appendingPathComponent("a.json"), to: folder.appendingPathComponent("repo/audit/a.json"))
        let check = try DossierRunner.run(["check", folder.appendingPathComponent("repo").path, "--format", "json", "--fail-on", "none"])
        #expect(check.exitCode == 0, "\(check.stderr)")
        #expect(check.stdout.contains("\"events\": 1"))
    }

    @Test func exitCodes() throws {
        let missing = try DossierRunner.run(["summarize", "/nonexistent/log.jsonl"])
        #expect(missing.exitCode == 74)
        #expect(missing.stdout.isEmpty)
        let none = try DossierRunner.run(["summarize"])
        #expect(none.exitCode == 64)

        let folder = try logFolder(["x.jsonl": Self.events])
        defer { try? FileManager.default.removeItem(at: folder) }
        // Corrupt gzip data: a gzip file with bytes changed in the middle of its data.
        let corrupt = folder.appendingPathComponent("corrupt.jsonl.gz")
        let gzip = Process()
        gzip.executableURL = URL(fileURLWithPath: "/bin/sh")
        gzip.arguments = ["-c", "yes '\(Self.events.split(separator: "\n")[0])' | head -n 2000 | gzip -c > '\(corrupt.path)'"]
        try gzip.run()
        gzip.waitUntilExit()
        var bytes = [UInt8](try Data(contentsOf: corrupt))
        for i in 20..<min(60, bytes.count) { bytes[i] ^= 0x55 }
        try Data(bytes).write(to: corrupt)
        let bad = try DossierRunner.run(["summarize", corrupt.path])
        #expect(bad.exitCode == 65, "\(bad.stderr)")
        #expect(bad.stderr.contains("corrupt gzip data"))
        #expect(bad.stdout.isEmpty)
        // --out where a file is in the way.
        let blocker = folder.appendingPathComponent("blocker")
        try Data("x".utf8).write(to: blocker)
        let unwritable = try DossierRunner.run(["summarize", folder.appendingPathComponent("x.jsonl").path,
                                                "--out", blocker.appendingPathComponent("out").path])
        #expect(unwritable.exitCode == 74)
    }

    @Test func noProgressLineWhenStderrIsNotATerminal() throws {
        let folder = try logFolder(["x.jsonl": Self.events])
        defer { try? FileManager.default.removeItem(at: folder) }
        let result = try DossierRunner.run(["summarize", folder.path])
        #expect(!result.stderr.contains("reading audit logs"))
        #expect(!result.stderr.contains("\u{1B}["))
    }

    /// On a terminal, a progress line shows while logs are read and is erased at the end; `--quiet` turns it off.
    @Test(arguments: [false, true])
    func progressLineOnATerminal(quiet: Bool) throws {
        let folder = try logFolder(["x.jsonl": ""])
        defer { try? FileManager.default.removeItem(at: folder) }
        // About 40 MB.
        let line = #"{"agent_name": "a", "timestamp": 1782800000, "action": "search", "allowed": true, "tool_result": "\#(String(repeating: "x", count: 900))"}"# + "\n"
        let block = Data(String(repeating: line, count: 1000).utf8)
        let handle = try FileHandle(forWritingTo: folder.appendingPathComponent("x.jsonl"))
        for _ in 0..<40 { handle.write(block) }
        try handle.close()
        // `script` runs the command on a pseudo-terminal and copies what it shows to its own stdout.
        let command = "'\(DossierRunner.executable.path)' summarize '\(folder.path)/x.jsonl'\(quiet ? " --quiet" : "") > /dev/null"
        let result = try DossierRunner.run(["-qfec", command, "/dev/null"], executable: URL(fileURLWithPath: "/usr/bin/script"))
        #expect(result.exitCode == 0, "\(result.stderr)")
        if quiet {
            #expect(!result.stdout.contains("reading audit logs"), "\(result.stdout)")
        } else {
            #expect(result.stdout.hasPrefix("\r\u{1B}[Kreading audit logs: 0/1 files, 0 of 40 MB"), "\(result.stdout.debugDescription)")
            #expect(result.stdout.hasSuffix("\r\u{1B}[K"), "erased when done: \(result.stdout.suffix(80).debugDescription)")
        }
    }

    @Test func buildListsRawLogsInTheManifest() throws {
        let repo = try logFolder(["dossier.yaml": "organization: X\nrelease: \"1\"\nas_of: 2026-07-01",
                                  "agents/a.yaml": "name: A\nowner: o@example.com\nrisk: {level: low}",
                                  "audit/2026/a.jsonl": Self.events])
        defer { try? FileManager.default.removeItem(at: repo) }
        let out = repo.deletingLastPathComponent().appendingPathComponent(repo.lastPathComponent + "-site")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try DossierRunner.run(["build", repo.path, "--out", out.path])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let manifest = try String(contentsOf: out.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"path\": \"audit/2026/a.jsonl\""))
        let page = try String(contentsOf: out.appendingPathComponent("agents/a.html"), encoding: .utf8)
        #expect(page.contains("audit/2026/a.jsonl"))
        #expect(page.contains("Blocked share"))
    }
}
