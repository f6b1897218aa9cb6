@testable import DossierSupport
@testable import DossierModel
@testable import DossierAudit
@testable import DossierLoad
@testable import DossierScore
@testable import DossierSite
@testable import DossierCore
import Foundation
import Testing

/// The example events behind audit findings (SCORING.md, "Sources of findings from raw events"):
/// chosen by log path and line, whatever the chunks, threads and merge order, and pointed at by
/// the findings, their messages and the site's links.
struct ExampleEventTests {
    // MARK: A reference model

    /// One line of a generated log: an event, or a line that is not one.
    struct Line {
        var agent = ""
        var action = ""
        var allowed = true
        var amount: String?
        var tool: String?
        var violations: [(policy: String, severity: String)] = []
        var id: String?
        /// The line as written, for lines that are not events (blank, malformed).
        var raw: String?

        var text: String {
            if let raw { return raw }
            var members = [#""agent_name": "\#(agent)""#, #""timestamp": 1782800000"#, #""action": "\#(action)""#,
                           #""allowed": \#(allowed)"#]
            if let id { members.insert(#""event_id": "\#(id)""#, at: 0) } else { members.append(#""event_id": 17"#) }
            if let amount { members.append(#""tool_args": {"amount": \#(amount)}"#) }
            if let tool { members.append(#""tool_name": "\#(tool)""#) }
            let checks = violations.map { #"{"policy": "\#($0.policy)", "result": "blocked", "severity": "\#($0.severity)"}"# }
            members.append(#""policy_checks": [\#((checks + [#"{"policy": "ok", "result": "passed"}"#]).joined(separator: ", "))]"#)
            return "{" + members.joined(separator: ", ") + "}"
        }
    }

    /// Lines with few distinct names and amounts, so that firsts and ties are contested; every event id is unique.
    static func randomLines(_ count: Int, seed: UInt64, prefix: String) -> [Line] {
        var random = SplitMix(seed: seed)
        let amounts = ["100", "100.0", "1e2", "250.5", "99.99", "250.50", "7"]
        return (0..<count).map { n in
            switch Int.random(in: 0..<20, using: &random) {
            case 0: return Line(raw: "")
            case 1: return Line(raw: "not json")
            case 2: return Line(raw: #"{"agent_name": "a", "action": "pay"}"#)
            default: break
            }
            var line = Line()
            line.agent = ["a", "b"].randomElement(using: &random)!
            line.action = ["pay", "send", "search"].randomElement(using: &random)!
            line.allowed = Int.random(in: 0..<3, using: &random) > 0
            if line.action == "pay" && Int.random(in: 0..<4, using: &random) > 0 { line.amount = amounts.randomElement(using: &random)! }
            if Bool.random(using: &random) { line.tool = ["shell", "mail", "web"].randomElement(using: &random)! }
            for _ in 0..<Int.random(in: 0..<3, using: &random) {
                line.violations.append((["pii", "spend"].randomElement(using: &random)!, ["critical", "high", "low"].randomElement(using: &random)!))
            }
            line.id = Int.random(in: 0..<8, using: &random) == 0 ? nil : "\(prefix)-\(n)"
            return line
        }
    }

    /// The examples SCORING.md asks for, read file by file (in byte order of path) and line by line.
    static func expectedExamples(_ files: [(path: String, lines: [Line])]) -> [String: AuditExamples] {
        var result: [String: AuditExamples] = [:]
        var largest: [String: [String: (Double, EventExample)]] = [:]
        for (path, lines) in files.sorted(by: { ByteOrder.less($0.path, $1.path) }) {
            for (index, line) in lines.enumerated() where line.raw == nil {
                let example = EventExample(file: path, line: index + 1, eventID: line.id)
                var examples = result[line.agent, default: AuditExamples()]
                if line.allowed {
                    if examples.firstExecuted[line.action] == nil { examples.firstExecuted[line.action] = example }
                    if let amount = line.amount.flatMap(Double.init) {
                        if let current = largest[line.agent]?[line.action], current.0 >= amount {} else {
                            largest[line.agent, default: [:]][line.action] = (amount, example)
                            examples.largestAmount[line.action] = example
                        }
                    }
                } else if examples.firstBlocked[line.action] == nil {
                    examples.firstBlocked[line.action] = example
                }
                if let tool = line.tool, examples.firstToolUse[tool] == nil { examples.firstToolUse[tool] = example }
                for violation in line.violations where violation.severity == "critical" && examples.firstCritical[violation.policy] == nil {
                    examples.firstCritical[violation.policy] = example
                }
                result[line.agent] = examples
            }
        }
        return result
    }

    /// The examples the summarizer finds, reading `files` with the given chunk size and threads.
    static func summarizedExamples(_ files: [(path: String, lines: [Line])], gzip: Set<String> = [], chunkBytes: Int64,
                                   threads: Int) throws -> [String: AuditExamples] {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-examples-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var logs: [LogFile] = []
        for (index, file) in files.sorted(by: { ByteOrder.less($0.path, $1.path) }).enumerated() {
            let url = folder.appendingPathComponent("\(index).log")
            let text = Data(file.lines.map(\.text).joined(separator: "\n").utf8)
            if gzip.contains(file.path) {
                try text.write(to: url.appendingPathExtension("raw"))
                let process = Process()
                process.executableURL = URL(fileURLWithPath: "/bin/sh")
                process.arguments = ["-c", "gzip -c -n '\(url.path).raw' > '\(url.path)'"]
                try process.run()
                process.waitUntilExit()
            } else {
                try text.write(to: url)
            }
            logs.append(LogFile(path: file.path, url: url))
        }
        let result = try LogSummarizer(files: logs, chunkBytes: chunkBytes).run(threads: threads)
        return result.tally.agents.mapValues { $0.summary(agent: "", file: "", logs: logs.map(\.path)).examples! }
    }

    static let corpus: [(path: String, lines: [Line])] = [
        ("audit/2026/05.jsonl", randomLines(300, seed: 1, prefix: "may")),
        ("audit/2026/04.jsonl", randomLines(250, seed: 2, prefix: "apr")),
        ("audit/z-latest.jsonl", randomLines(200, seed: 3, prefix: "z")),
    ]

    // MARK: Choice and stability

    @Test(arguments: [(Int64(1 << 20), 1), (1, 2), (7, 3), (100, 2), (333, 4), (4096, 2)])
    func examplesFollowTheLogsWhateverTheChunksAndThreads(chunkBytes: Int64, threads: Int) throws {
        let expected = Self.expectedExamples(Self.corpus)
        #expect(expected["a"]?.largestAmount["pay"] != nil && expected["b"]?.firstCritical.isEmpty == false)
        #expect(try Self.summarizedExamples(Self.corpus, chunkBytes: chunkBytes, threads: threads) == expected)
    }

    @Test func aGzipLogCountsTheLinesOfItsText() throws {
        let expected = Self.expectedExamples(Self.corpus)
        let gzipped = Self.corpus.map { ($0.path + ".gz", $0.lines) }
        let gzipExpected = Self.expectedExamples(gzipped)
        #expect(gzipExpected.mapValues { $0.firstExecuted.mapValues(\.line) } == expected.mapValues { $0.firstExecuted.mapValues(\.line) })
        #expect(try Self.summarizedExamples(gzipped, gzip: Set(gzipped.map(\.0)), chunkBytes: 64, threads: 2) == gzipExpected)
        // A mix: one plain file cut in chunks, two whole gzip files read first.
        let mixed = [Self.corpus[0], gzipped[1], gzipped[2]]
        #expect(try Self.summarizedExamples(mixed, gzip: [gzipped[1].0, gzipped[2].0], chunkBytes: 50, threads: 3)
                == Self.expectedExamples(mixed))
    }

    /// Splitting a log into parts (in path order) moves the example lines, never the events chosen.
    @Test(arguments: [1, 2, 3, 4, 5])
    func examplesAreTheSameEventsWhenTheLogsAreSplit(seed: UInt64) throws {
        var random = SplitMix(seed: seed)
        var split: [(path: String, lines: [Line])] = []
        for (path, lines) in Self.corpus {
            let cut = Int.random(in: 0...lines.count, using: &random)
            let stem = path.replacingOccurrences(of: ".jsonl", with: "")
            split.append(("\(stem)-part1.jsonl", Array(lines[..<cut])))
            split.append(("\(stem)-part2.jsonl", Array(lines[cut...])))
        }
        func ids(_ examples: [String: AuditExamples]) -> [String: [String: [String: String?]]] {
            examples.mapValues { e in
                ["executed": e.firstExecuted.mapValues(\.eventID), "blocked": e.firstBlocked.mapValues(\.eventID),
                 "largest": e.largestAmount.mapValues(\.eventID), "tool": e.firstToolUse.mapValues(\.eventID),
                 "critical": e.firstCritical.mapValues(\.eventID)]
            }
        }
        let whole = try Self.summarizedExamples(Self.corpus, chunkBytes: 97, threads: 2)
        let parts = try Self.summarizedExamples(split.shuffled(using: &random), chunkBytes: 89, threads: 3)
        #expect(ids(parts) == ids(whole))
        #expect(parts == Self.expectedExamples(split))
    }

    @Test func linesCountBlankMalformedAndOverlongOnes() throws {
        let event = #"{"event_id": "e-1", "agent_name": "a", "timestamp": 1, "action": "pay", "allowed": true, "tool_args": {"amount": 5}}"#
        let lines = ["", "   ", "{", #"{"agent_name": "a"}"#, event]
        let examples = try Self.summarizedExamples([("audit/a.jsonl", lines.map { Line(raw: $0) })], chunkBytes: 3, threads: 2)
        #expect(examples["a"]?.firstExecuted["pay"] == EventExample(file: "audit/a.jsonl", line: 5, eventID: "e-1"))
        #expect(examples["a"]?.largestAmount["pay"] == EventExample(file: "audit/a.jsonl", line: 5, eventID: "e-1"))
    }

    @Test func ofEqualLargestAmountsTheFirstIsTheExample() throws {
        func pay(_ id: String, _ amount: String) -> Line {
            Line(raw: #"{"event_id": "\#(id)", "agent_name": "a", "timestamp": 1, "action": "pay", "allowed": true, "tool_args": {"amount": \#(amount)}}"#)
        }
        let files = [("audit/b.jsonl", [pay("b1", "1e3"), pay("b2", "999")]), ("audit/a.jsonl", [pay("a1", "5"), pay("a2", "1000.0")])]
        for threads in 1...3 {
            let examples = try Self.summarizedExamples(files, chunkBytes: 10, threads: threads)
            #expect(examples["a"]?.largestAmount["pay"] == EventExample(file: "audit/a.jsonl", line: 2, eventID: "a2"))
        }
    }

    // MARK: Findings

    static let agent = """
        name: Payments
        risk:
          level: high
          can_make_financial_transactions: true
          can_execute_code: false
          max_transaction_amount: 500
        allowed_tools: [ledger]
        """

    static let log = [
        #"{"event_id": "e-1", "agent_name": "pay", "timestamp": 1, "action": "execute_code", "allowed": false}"#,
        "",
        #"{"event_id": "e-3", "agent_name": "pay", "timestamp": 2, "action": "execute_transaction", "allowed": true, "tool_name": "ledger", "tool_args": {"amount": 900}}"#,
        #"{"event_id": "e-4", "agent_name": "pay", "timestamp": 3, "action": "execute_transaction", "allowed": true, "tool_name": "shell", "tool_args": {"amount": 1250.0}, "policy_checks": [{"policy": "spend", "result": "blocked", "severity": "critical"}]}"#,
        #"{"event_id": "e-5", "agent_name": "pay", "timestamp": 4, "action": "execute_transaction", "allowed": true, "tool_args": {"amount": 1250}}"#,
    ].joined(separator: "\n") + "\n"

    func findings(_ log: String, logPath: String = "audit/pay.jsonl", sourceURL: String = "") throws -> Report {
        let repo = try TestRepository([
            "dossier.yaml": TestRepository.config + (sourceURL.isEmpty ? "" : "source_url: \"\(sourceURL)\"\n"),
            "agents/pay.yaml": Self.agent,
            logPath: log,
        ])
        defer { repo.remove() }
        return try repo.score()
    }

    @Test func findingsPointAtTheirExampleEvents() throws {
        let report = try findings(Self.log)
        let gaps = try #require(report.agents.first).gaps
        func gap(_ rule: String) -> Gap? { gaps.first { $0.rule == rule } }
        #expect(gap("undeclared-capability-attempted")?.source?.fileAndLine == "audit/pay.jsonl:1")
        #expect(gap("undeclared-capability-attempted")?.message.hasSuffix("; the first is event e-1") == true)
        // 1250.0 and 1250 are equal: the first of them.
        #expect(gap("transaction-over-limit")?.source?.fileAndLine == "audit/pay.jsonl:4")
        #expect(gap("transaction-over-limit")?.message.hasSuffix("amounts up to 1,250.00, above the limit of 500.00; the largest is event e-4") == true)
        #expect(gap("critical-violation")?.source?.fileAndLine == "audit/pay.jsonl:4")
        #expect(gap("tool-outside-allowlist")?.source?.fileAndLine == "audit/pay.jsonl:4")
        #expect(gap("tool-outside-allowlist")?.message.contains("event e-4") == true)
        // Other audit rules: the log file, without a line.
        #expect(gap("violation-rate")?.source?.fileAndLine == "audit/pay.jsonl")
    }

    @Test func anEventWithoutAStringIDIsPointedAtByItsLineAlone() throws {
        let log = #"{"event_id": 17, "agent_name": "pay", "timestamp": 1, "action": "execute_code", "allowed": true}"# + "\n"
        let gap = try #require(try findings(log).agents.first?.gaps.first { $0.rule == "undeclared-capability" })
        #expect(gap.source?.fileAndLine == "audit/pay.jsonl:1")
        #expect(!gap.message.contains("event 17") && gap.message.hasSuffix("declares false"))
    }

    @Test func aLongEventIDIsCutInTheMessage() throws {
        let id = String(repeating: "x", count: 300)
        let log = #"{"event_id": "\#(id)", "agent_name": "pay", "timestamp": 1, "action": "execute_code", "allowed": true}"# + "\n"
        let gap = try #require(try findings(log).agents.first?.gaps.first { $0.rule == "undeclared-capability" })
        #expect(gap.message.hasSuffix("; the first is event " + String(repeating: "x", count: Limits.exampleEventIDCharacters) + "…"))
    }

    /// A mapped `event_id` (audit_fields) names the example like the reference key does.
    @Test func aMappedEventIDNamesTheExample() throws {
        let repo = try TestRepository([
            "dossier.yaml": TestRepository.config + "audit_fields:\n  event_id: /log/id\n  agent_name: /log/agent\n",
            "agents/pay.yaml": Self.agent,
            "audit/otel.jsonl": "\n" + #"{"log": {"id": "span-7", "agent": "pay"}, "event_id": "not-this", "timestamp": 1, "action": "execute_code", "allowed": true}"# + "\n",
        ])
        defer { repo.remove() }
        let gap = try #require(try repo.score().agents.first?.gaps.first { $0.rule == "undeclared-capability" })
        #expect(gap.source?.fileAndLine == "audit/otel.jsonl:2")
        #expect(gap.message.hasSuffix("; the first is event span-7"))
    }

    @Test func aSummaryFileCarriesNoExamples() throws {
        let summary = #"{"agent": "pay", "events": 1, "allowed": 1, "blocked": 0, "actions": {"execute_code": {"total": 1, "blocked": 0}}}"#
        let report = try findings(summary, logPath: "audit/pay.json")
        let gap = try #require(report.agents.first?.gaps.first { $0.rule == "undeclared-capability" })
        #expect(report.agents.first?.audit?.examples == nil)
        #expect(gap.source?.file == "agents/pay.yaml")
        #expect(!gap.message.contains("is event"))
    }

    @Test func theSiteLinksTheExampleLineButNeverAGzipLogsLine() throws {
        let template = "https://git.example.com/acme/blob/main/{path}#L{line}"
        let plain = try findings(Self.log, sourceURL: template)
        let gap = try #require(plain.agents.first?.gaps.first { $0.rule == "transaction-over-limit" })
        #expect(plain.sourceLink.url(for: gap.source!) == "https://git.example.com/acme/blob/main/audit/pay.jsonl#L4")

        let compressed = try gzipped(Self.log)
        let repo = try TestRepository([
            "dossier.yaml": TestRepository.config + "source_url: \"\(template)\"\n",
            "agents/pay.yaml": Self.agent,
        ])
        defer { repo.remove() }
        try repo.write("audit/pay.jsonl.gz", compressed)
        let report = try repo.score()
        let gz = try #require(report.agents.first?.gaps.first { $0.rule == "transaction-over-limit" })
        #expect(gz.source?.fileAndLine == "audit/pay.jsonl.gz:4")
        #expect(report.sourceLink.url(for: gz.source!) == nil)
        #expect(SourceLink(template: "https://git.example.com/{path}", commit: nil).url(for: gz.source!) == "https://git.example.com/audit/pay.jsonl.gz")
    }

    func gzipped(_ text: String) throws -> Data {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-gz-\(UUID().uuidString)")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url); try? FileManager.default.removeItem(atPath: url.path + ".gz") }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", "gzip -n '\(url.path)'"]
        try process.run()
        process.waitUntilExit()
        return try Data(contentsOf: URL(fileURLWithPath: url.path + ".gz"))
    }
}
