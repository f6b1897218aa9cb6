import Foundation
import Testing

/// Table-driven end-to-end cases: each `Fixtures/{invalid,cases}/*.txtar` is a small
/// repository plus, in its comment, what `dossier` must do with it.
///
/// Directives (one per comment line; `#` lines are prose):
///
///     args check --format json --fail-on none   arguments (this is the default; REPO is appended)
///     exit 65                                   expected exit code (default 0)
///     stderr <text>                             some stderr line starts with <text>
///     stderr-re <regex>                         some stderr line starts with a match of <regex>
///                                               (for "one of its occurrences" and whole-file errors: `a\.txt:\s`)
///     stdout-empty                              nothing on stdout
///     gap <agent> <rule> [<subject>]            an open gap with this rule (and subject) exists
///     no-gap <agent> <rule> [<subject>]         no such gap
///     gap-field <agent> <rule> <field> <source> the gap's field and source (`file:line`, or `null`)
///     severity <agent> <rule> <severity>        the gap's severity
///     check <agent> <check-id> pass|fail        an article check result
///     checklist <agent> <item-id> done|open|n/a a checklist item status
///     score <agent> <passed>/7                  compliance score
///     deployable <agent> true|false             verdict
///     summary <key> <value>                     e.g. `summary deployable 1`, `summary gaps.high 2`
///     audit <agent> null|present                whether the agent has audit evidence
///     gaps <agent> <rule>[:<subject>]…          the agent's gaps, exactly these, in this order (none: no words)
///     report <path> <value>                     a report value by dotted path, a list element by its `id`
///                                               or `#<index>` (`report release 2026.11`, `report agents.a.version 1.10`,
///                                               `report agents.#0.id a`); `null` for JSON null, `(absent)` for no such key
struct FixtureCaseTests {
    static func archives(_ folder: String) -> [String] {
        let url = DossierRunner.fixtures.appendingPathComponent(folder)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
        return names.filter { $0.hasSuffix(".txtar") }.sorted()
    }

    @Test("invalid repositories exit 65 with the exact location", arguments: archives("invalid"))
    func invalid(_ name: String) throws {
        try runCase("invalid/\(name)", defaultExit: 65)
    }

    @Test("scoring cases", arguments: archives("cases"))
    func scoring(_ name: String) throws {
        try runCase("cases/\(name)", defaultExit: 0)
    }

    @Test func thereAreEnoughInvalidRepositories() {
        #expect(Self.archives("invalid").count >= 35)
    }

    private func runCase(_ path: String, defaultExit: Int32) throws {
        let text = try String(contentsOf: DossierRunner.fixtures.appendingPathComponent(path), encoding: .utf8)
        let archive = TxtarArchive(parsing: text)
        let root = try archive.materialize()
        defer { try? FileManager.default.removeItem(at: root) }

        var arguments = ["check", "--format", "json", "--fail-on", "none"]
        var expectedExit = defaultExit
        var directives: [(String, [String])] = []
        for line in archive.comment.split(separator: "\n") {
            let words = line.split(separator: " ").map(String.init)
            guard let keyword = words.first, !keyword.hasPrefix("#") else { continue }
            switch keyword {
            case "args": arguments = Array(words.dropFirst())
            case "exit": expectedExit = Int32(words[1]) ?? -1
            default: directives.append((keyword, Array(words.dropFirst())))
            }
        }
        let result = try DossierRunner.run(arguments + [root.path])
        #expect(result.exitCode == expectedExit, "\(path): exit \(result.exitCode), stderr:\n\(result.stderr)")
        let report = (try? JSONSerialization.jsonObject(with: Data(result.stdout.utf8))) as? [String: Any]

        for (keyword, words) in directives {
            let context = "\(path): \(keyword) \(words.joined(separator: " "))"
            switch keyword {
            case "stderr":
                let text = words.joined(separator: " ")
                #expect(result.stderrLines.contains { $0.hasPrefix(text) }, "\(context)\nstderr was:\n\(result.stderr)")
            case "stderr-re":
                let pattern = words.joined(separator: " ")
                guard let regex = try? Regex(pattern) else {
                    Issue.record("\(context): bad regular expression")
                    continue
                }
                #expect(result.stderrLines.contains { (try? regex.prefixMatch(in: $0)) != nil },
                        "\(context)\nstderr was:\n\(result.stderr)")
            case "report":
                let value = Self.value(at: words[0], in: report)
                #expect(value == words.dropFirst().joined(separator: " "), "\(context): found \(value)")
            case "stdout-empty":
                #expect(result.stdout.isEmpty, "\(context)\nstdout was:\n\(result.stdout)")
            case "summary":
                var value: Any? = report?["summary"]
                for part in words[0].split(separator: ".") { value = (value as? [String: Any])?[String(part)] }
                #expect("\(value ?? "nil")" == words[1], "\(context): found \(value ?? "nil")")
            default:
                guard let agent = Self.agent(words[0], in: report) else {
                    Issue.record("\(context): no agent '\(words[0])' in the report\nstderr:\n\(result.stderr)")
                    continue
                }
                check(keyword, Array(words.dropFirst()), agent: agent, context: context)
            }
        }
    }

    /// The value at a dotted path (a list element chosen by `#index` or, for objects, by its `id`), as text.
    private static func value(at path: String, in report: [String: Any]?) -> String {
        var value: Any? = report
        for part in path.split(separator: ".").map(String.init) {
            if let object = value as? [String: Any] {
                value = object[part]
            } else if let list = value as? [Any] {
                if part.hasPrefix("#"), let index = Int(part.dropFirst()) {
                    value = list.indices.contains(index) ? list[index] : nil
                } else {
                    value = list.first { ($0 as? [String: Any])?["id"] as? String == part }
                }
            } else {
                return "(absent)"
            }
        }
        switch value {
        case nil: return "(absent)"
        case is NSNull: return "null"
        case let text as String: return text
        case let number as NSNumber where String(cString: number.objCType) == "c": return number.boolValue ? "true" : "false"
        default: return "\(value!)"
        }
    }

    private static func agent(_ id: String, in report: [String: Any]?) -> [String: Any]? {
        (report?["agents"] as? [[String: Any]])?.first { $0["id"] as? String == id }
    }

    private func check(_ keyword: String, _ words: [String], agent: [String: Any], context: String) {
        let gaps = agent["gaps"] as? [[String: Any]] ?? []
        func matching(_ rule: String, _ subject: String?) -> [[String: Any]] {
            gaps.filter { $0["rule"] as? String == rule && (subject == nil || $0["subject"] as? String == subject) }
        }
        let gapList = gaps.map { "\($0["rule"] ?? "") \($0["subject"] ?? "")" }.joined(separator: "; ")
        switch keyword {
        case "gaps":
            let found = gaps.map { gap in
                (gap["rule"] as? String ?? "") + ((gap["subject"] as? String).map { ":\($0)" } ?? "")
            }
            #expect(found == words, "\(context)\nfound: \(found.joined(separator: " "))")
        case "gap":
            let open = matching(words[0], words.count > 1 ? words[1] : nil).filter { $0["status"] as? String == "open" }
            #expect(!open.isEmpty, "\(context)\ngaps: \(gapList)")
        case "no-gap":
            #expect(matching(words[0], words.count > 1 ? words[1] : nil).isEmpty, "\(context)\ngaps: \(gapList)")
        case "gap-field":
            // `rule` or `rule:subject` (the first colon splits: subjects may hold colons).
            let named = words[0].split(separator: ":", maxSplits: 1).map(String.init)
            let gap = matching(named[0], named.count > 1 ? named[1] : nil).first
            #expect(gap?["field"] as? String == (words[1] == "null" ? nil : words[1]), "\(context): \(gap ?? [:])")
            #expect(gap?["source"] as? String == (words[2] == "null" ? nil : words[2]), "\(context): \(gap ?? [:])")
        case "severity":
            let named = words[0].split(separator: ":", maxSplits: 1).map(String.init)
            let gap = matching(named[0], named.count > 1 ? named[1] : nil).first
            #expect(gap?["severity"] as? String == words[1], "\(context): \(gap ?? [:])")
        case "check":
            let checks = agent["checks"] as? [String: Bool]
            #expect(checks?[words[0]] == (words[1] == "pass"), "\(context): \(checks ?? [:])")
        case "checklist":
            let items = agent["checklist"] as? [[String: Any]] ?? []
            let item = items.first { $0["id"] as? String == words[0] }
            #expect(item?["status"] as? String == words[1], "\(context): \(item ?? [:])")
        case "score":
            #expect(agent["compliance_score"] as? String == words[0], "\(context): \(agent["compliance_score"] ?? "nil")")
        case "deployable":
            #expect(agent["deployable"] as? Bool == (words[0] == "true"), "\(context)\ngaps: \(gapList)")
        case "audit":
            #expect((agent["audit"] is NSNull) == (words[0] == "null"), "\(context): \(agent["audit"] ?? "nil")")
        default:
            Issue.record("\(context): unknown directive '\(keyword)'")
        }
    }
}
