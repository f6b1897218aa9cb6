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

/// `check --format prometheus`: the text exposition format for node_exporter's textfile collector.
struct PrometheusReportTests {
    // MARK: - Building reports

    static let asOf = CalendarDate("2026-11-24")!

    /// An agent with `passed` of the seven checks passing, the given gaps and an optional audit summary.
    static func agent(_ id: String, passed: Int = 7, gaps: [Gap] = [], audit: AuditSummary? = nil) -> AgentReport {
        let checks = (0..<7).map { index in
            ArticleCheckResult(id: "check_\(index)", article: "Art. \(9 + index)", passed: index < passed,
                               failingField: index < passed ? nil : "compliance.field_\(index)")
        }
        return AgentReport(agent: AgentRecord(id: id, file: "agents/\(id).yaml", name: id, risk: RiskProfile(level: .high)),
                           audit: audit, checks: checks, gaps: gaps, checklist: [])
    }

    static func gap(_ severity: Severity, status: Gap.Status = .open) -> Gap {
        var gap = Gap(rule: "rule-\(severity.rawValue)", kind: .finding, severity: severity, field: nil,
                      message: "A gap.", remediation: "Fix it.", source: nil)
        gap.status = status
        return gap
    }

    static func audit(_ id: String, actions: [String: (total: Int, blocked: Int)] = [:],
                      violations: [String: (count: Int, severity: Severity)] = [:],
                      approvals: AuditSummary.Approvals = .init()) -> AuditSummary {
        let total = actions.values.map(\.total).reduce(0, +)
        let blocked = actions.values.map(\.blocked).reduce(0, +)
        var summary = AuditSummary(agent: id, file: "audit/\(id).json", events: total, allowed: total - blocked, blocked: blocked)
        summary.actions = actions.mapValues { AuditSummary.ActionStats(total: $0.total, blocked: $0.blocked) }
        summary.policyViolations = violations.mapValues { AuditSummary.PolicyViolations(count: $0.count, severity: $0.severity) }
        summary.approvals = approvals
        return summary
    }

    static func report(_ agents: [AgentReport], organization: String = "Test Org", release: String = "1") -> Report {
        Report(organization: organization, title: "Test", release: release, asOf: asOf, agents: agents, extensions: [:])
    }

    /// Two agents: `alpha` with gaps (one waived) and audit evidence, `beta` with no audit summary.
    static let small = report([
        agent("alpha", passed: 5, gaps: [gap(.high), gap(.high), gap(.low), gap(.critical, status: .waived)],
              audit: audit("alpha", actions: ["search": (10, 2), "email": (3, 0)],
                           violations: ["tool-access": (2, .critical)],
                           approvals: .init(approved: 4, rejected: 1, timeout: 0))),
        agent("beta"),
    ])

    // MARK: - Parsing the output back

    /// One sample line, its label values unescaped.
    struct ParsedSample: Equatable {
        let name: String
        let labels: [(String, String)]
        let value: String

        static func == (a: Self, b: Self) -> Bool {
            a.name == b.name && a.value == b.value && a.labels.elementsEqual(b.labels, by: { $0 == $1 })
        }

        func label(_ name: String) -> String? { labels.first { $0.0 == name }?.1 }
    }

    struct Parsed {
        var help: [String: Int] = [:]
        var type: [String: String] = [:]
        var typeCount: [String: Int] = [:]
        /// Family names in the order their TYPE lines appear.
        var families: [String] = []
        var samples: [ParsedSample] = []

        func samples(_ name: String) -> [ParsedSample] { samples.filter { $0.name == name } }
    }

    struct ParseError: Error, CustomStringConvertible {
        let description: String
    }

    /// A strict reader of the subset of format 0.0.4 the renderer writes: HELP
    /// and TYPE lines, then samples `name{label="value",…} value` with only the
    /// `\\`, `\"` and `\n` escapes, every line ending in a line feed. It throws
    /// on anything else, so a value that broke out of its quotes is caught.
    static func parse(_ text: String) throws -> Parsed {
        var parsed = Parsed()
        guard text.isEmpty || text.hasSuffix("\n") else { throw ParseError(description: "no final line feed") }
        // Split by scalar: a CR LF pair is one Character.
        let lines = text.unicodeScalars.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { String($0) }
        for line in lines {
            if line.hasPrefix("# HELP ") {
                let name = String(line.dropFirst(7).prefix { $0 != " " })
                parsed.help[name, default: 0] += 1
            } else if line.hasPrefix("# TYPE ") {
                let parts = line.dropFirst(7).split(separator: " ", omittingEmptySubsequences: false)
                guard parts.count == 2 else { throw ParseError(description: "bad TYPE line: \(line)") }
                parsed.type[String(parts[0])] = String(parts[1])
                parsed.typeCount[String(parts[0]), default: 0] += 1
                parsed.families.append(String(parts[0]))
            } else {
                parsed.samples.append(try parseSample(line))
            }
        }
        return parsed
    }

    static func parseSample(_ line: String) throws -> ParsedSample {
        var scalars = Substring(line).unicodeScalars[...]
        func isNameScalar(_ s: Unicode.Scalar) -> Bool {
            ("a"..."z").contains(s) || ("A"..."Z").contains(s) || ("0"..."9").contains(s) || s == "_" || s == ":"
        }
        let name = String(String.UnicodeScalarView(scalars.prefix(while: isNameScalar)))
        guard !name.isEmpty else { throw ParseError(description: "no metric name: \(line)") }
        scalars = scalars.dropFirst(name.unicodeScalars.count)
        var labels: [(String, String)] = []
        if scalars.first == "{" {
            scalars = scalars.dropFirst()
            while scalars.first != "}" {
                let labelName = String(String.UnicodeScalarView(scalars.prefix(while: isNameScalar)))
                scalars = scalars.dropFirst(labelName.unicodeScalars.count)
                guard !labelName.isEmpty, scalars.first == "=" else { throw ParseError(description: "bad label: \(line)") }
                scalars = scalars.dropFirst()
                guard scalars.first == "\"" else { throw ParseError(description: "unquoted value: \(line)") }
                scalars = scalars.dropFirst()
                var value = String.UnicodeScalarView()
                while true {
                    guard let scalar = scalars.popFirst() else { throw ParseError(description: "unterminated value: \(line)") }
                    if scalar == "\"" { break }
                    if scalar == "\\" {
                        switch scalars.popFirst() {
                        case "\\": value.append("\\")
                        case "\"": value.append("\"")
                        case "n": value.append("\n")
                        default: throw ParseError(description: "bad escape: \(line)")
                        }
                    } else {
                        value.append(scalar)
                    }
                }
                labels.append((labelName, String(value)))
                if scalars.first == "," { scalars = scalars.dropFirst() } else if scalars.first != "}" {
                    throw ParseError(description: "expected , or }: \(line)")
                }
            }
            scalars = scalars.dropFirst()
        }
        guard scalars.first == " " else { throw ParseError(description: "no value: \(line)") }
        let value = String(String.UnicodeScalarView(scalars.dropFirst()))
        guard Int(value) != nil else { throw ParseError(description: "value \(value) is not an integer (no timestamps): \(line)") }
        return ParsedSample(name: name, labels: labels, value: value)
    }

    // MARK: - Structure

    @Test func smallReportExactly() {
        #expect(PrometheusReport.render(Self.small) == #"""
            # HELP ai_agent_actions_total Actions of the agent in its audit evidence, allowed or blocked by policy.
            # TYPE ai_agent_actions_total counter
            ai_agent_actions_total{agent_name="alpha",action="email",allowed="false"} 0
            ai_agent_actions_total{agent_name="alpha",action="email",allowed="true"} 3
            ai_agent_actions_total{agent_name="alpha",action="search",allowed="false"} 2
            ai_agent_actions_total{agent_name="alpha",action="search",allowed="true"} 8
            # HELP ai_agent_approval_requests_total Human approval requests of the agent in its audit evidence, by outcome.
            # TYPE ai_agent_approval_requests_total counter
            ai_agent_approval_requests_total{agent_name="alpha",status="approved"} 4
            ai_agent_approval_requests_total{agent_name="alpha",status="rejected"} 1
            ai_agent_approval_requests_total{agent_name="alpha",status="timeout"} 0
            # HELP ai_agent_policy_violations_total Policy violations of the agent in its audit evidence, with the most severe severity seen.
            # TYPE ai_agent_policy_violations_total counter
            ai_agent_policy_violations_total{agent_name="alpha",policy_name="tool-access",severity="critical"} 2
            # HELP dossier_agent_checks_passed Article checks (EU AI Act Articles 9-15) the agent passes, out of 7.
            # TYPE dossier_agent_checks_passed gauge
            dossier_agent_checks_passed{agent="alpha"} 5
            dossier_agent_checks_passed{agent="beta"} 7
            # HELP dossier_agent_deployable 1 when the agent is deployable (no open high or critical gap, checklist complete), else 0.
            # TYPE dossier_agent_deployable gauge
            dossier_agent_deployable{agent="alpha"} 0
            dossier_agent_deployable{agent="beta"} 1
            # HELP dossier_agent_gaps Open (not waived) gaps of the agent, by severity.
            # TYPE dossier_agent_gaps gauge
            dossier_agent_gaps{agent="alpha",severity="critical"} 0
            dossier_agent_gaps{agent="alpha",severity="high"} 2
            dossier_agent_gaps{agent="alpha",severity="low"} 1
            dossier_agent_gaps{agent="alpha",severity="medium"} 0
            dossier_agent_gaps{agent="beta",severity="critical"} 0
            dossier_agent_gaps{agent="beta",severity="high"} 0
            dossier_agent_gaps{agent="beta",severity="low"} 0
            dossier_agent_gaps{agent="beta",severity="medium"} 0
            # HELP dossier_agent_obligations AI Act obligations of the agent beyond Articles 9-15, by status.
            # TYPE dossier_agent_obligations gauge
            dossier_agent_obligations{agent="alpha",status="met"} 0
            dossier_agent_obligations{agent="alpha",status="not-applicable"} 0
            dossier_agent_obligations{agent="alpha",status="open"} 0
            dossier_agent_obligations{agent="alpha",status="upcoming"} 0
            dossier_agent_obligations{agent="beta",status="met"} 0
            dossier_agent_obligations{agent="beta",status="not-applicable"} 0
            dossier_agent_obligations{agent="beta",status="open"} 0
            dossier_agent_obligations{agent="beta",status="upcoming"} 0
            # HELP dossier_agents Number of agents in the report.
            # TYPE dossier_agents gauge
            dossier_agents 2
            # HELP dossier_incidents Serious incidents (Art. 73) known on the as-of date, by status.
            # TYPE dossier_incidents gauge
            dossier_incidents{status="due"} 0
            dossier_incidents{status="late"} 0
            dossier_incidents{status="overdue"} 0
            dossier_incidents{status="reported"} 0
            # HELP dossier_report_info The report the dossier metrics come from (always 1).
            # TYPE dossier_report_info gauge
            dossier_report_info{organization="Test Org",release="1",as_of="2026-11-24"} 1

            """#)
    }

    /// A named report, so that a test case shows the name and not the whole report.
    struct NamedReport: CustomTestStringConvertible, Sendable {
        let name: String
        let report: Report
        var testDescription: String { name }
    }

    static let shapes = [
        NamedReport(name: "small", report: small),
        NamedReport(name: "no agents", report: report([])),
        NamedReport(name: "empty audit summary", report: report([agent("solo", audit: audit("solo"))])),
    ]

    /// Each family: one HELP and one TYPE line, right before its samples, which are contiguous.
    @Test(arguments: shapes)
    func helpAndTypeOncePerFamily(_ shape: NamedReport) throws {
        let text = PrometheusReport.render(shape.report)
        let parsed = try Self.parse(text)
        #expect(Set(parsed.families).count == parsed.families.count)
        for family in parsed.families {
            #expect(parsed.help[family] == 1 && parsed.typeCount[family] == 1, "\(family)")
            #expect(!parsed.samples(family).isEmpty, "a family is written only with samples")
        }
        #expect(Set(parsed.samples.map(\.name)) == Set(parsed.families))
        // Counters end in _total and nothing else does (promtool's lint).
        for (name, type) in parsed.type {
            #expect(name.hasSuffix("_total") == (type == "counter"), "\(name) \(type)")
        }
        // HELP, TYPE, samples: the line before a family's first sample is its TYPE line.
        let lines = text.split(separator: "\n").map(String.init)
        for family in parsed.families {
            let typeLine = try #require(lines.firstIndex(of: "# TYPE \(family) \(parsed.type[family]!)"))
            #expect(lines[typeLine - 1].hasPrefix("# HELP \(family) "))
            let sampleLines = lines.indices.filter { !lines[$0].hasPrefix("#") && (try? Self.parseSample(lines[$0]).name) == family }
            #expect(sampleLines == Array(typeLine + 1 ..< typeLine + 1 + sampleLines.count), "\(family)'s samples follow its TYPE line")
        }
    }

    @Test func emptyReportHasAgentCountIncidentsAndInfoOnly() throws {
        let parsed = try Self.parse(PrometheusReport.render(Self.report([])))
        // The incident counts are always there, 0 included, so that an alert on `overdue` sees 0 rather than nothing.
        #expect(parsed.families == ["dossier_agents", "dossier_incidents", "dossier_report_info"])
        #expect(parsed.samples(("dossier_agents")).map(\.value) == ["0"])
    }

    /// Families by name, then series by label values in label order, byte-wise:
    /// upper case before lower case, `-` before `_`, ASCII before any other
    /// letter, and a decomposed `e` + accent by its `e` (Swift's `<` would put
    /// it after `zeta`, as if it were `é`).
    @Test func seriesSortedByteWise() throws {
        let names = ["zeta", "é-policy", "Zeta", "a_b", "e\u{301}x", "a-b", "aB", "a", "🙂"]
        let violations = Dictionary(uniqueKeysWithValues: names.map { ($0, (count: 1, severity: Severity.low)) })
        let report = Self.report([
            Self.agent("b-agent", audit: Self.audit("b-agent", violations: violations)),
            Self.agent("a.agent", audit: Self.audit("a.agent", violations: violations)),
            Self.agent("a-agent"),
        ])
        let parsed = try Self.parse(PrometheusReport.render(report))
        #expect(parsed.families == parsed.families.sorted { PrometheusReport.precedes([$0], [$1]) })
        #expect(parsed.families.first == "ai_agent_approval_requests_total" && parsed.families.last == "dossier_report_info")

        let byteSorted = ["Zeta", "a", "a-b", "aB", "a_b", "e\u{301}x", "zeta", "é-policy", "🙂"]
        #expect(parsed.samples("ai_agent_policy_violations_total").compactMap { $0.label("policy_name") }
            == byteSorted + byteSorted)
        #expect(parsed.samples("ai_agent_policy_violations_total").compactMap { $0.label("agent_name") }
            == Array(repeating: "a.agent", count: 9) + Array(repeating: "b-agent", count: 9))
        #expect(parsed.samples("dossier_agent_checks_passed").compactMap { $0.label("agent") } == ["a-agent", "a.agent", "b-agent"])
    }

    @Test func everyAgentHasFourSeverities() throws {
        let report = Self.report([
            Self.agent("clean"),
            Self.agent("gappy", passed: 3, gaps: [Self.gap(.medium), Self.gap(.medium), Self.gap(.critical), Self.gap(.low)]),
        ])
        let gaps = try Self.parse(PrometheusReport.render(report)).samples("dossier_agent_gaps")
        for id in ["clean", "gappy"] {
            let series = gaps.filter { $0.label("agent") == id }
            #expect(series.compactMap { $0.label("severity") } == ["critical", "high", "low", "medium"])
            let expected = id == "clean" ? ["0", "0", "0", "0"] : ["1", "0", "1", "2"]
            #expect(series.map(\.value) == expected, "\(id)")
        }
    }

    @Test func waivedGapsAreNotCounted() throws {
        let report = Self.report([Self.agent("w", gaps: [Self.gap(.critical, status: .waived), Self.gap(.high, status: .waived)])])
        let parsed = try Self.parse(PrometheusReport.render(report))
        #expect(parsed.samples("dossier_agent_gaps").allSatisfy { $0.value == "0" })
        #expect(parsed.samples("dossier_agent_deployable").map(\.value) == ["1"])
    }

    // MARK: - Audit evidence

    @Test func countersFromAuditSummary() throws {
        let parsed = try Self.parse(PrometheusReport.render(Self.small))
        let actions = parsed.samples("ai_agent_actions_total")
        func action(_ name: String, _ allowed: String) -> String? {
            actions.first { $0.label("action") == name && $0.label("allowed") == allowed }?.value
        }
        #expect(action("search", "true") == "8" && action("search", "false") == "2")
        #expect(action("email", "true") == "3" && action("email", "false") == "0")
        #expect(parsed.samples("ai_agent_policy_violations_total") == [ParsedSample(
            name: "ai_agent_policy_violations_total",
            labels: [("agent_name", "alpha"), ("policy_name", "tool-access"), ("severity", "critical")], value: "2")])
        #expect(parsed.samples("ai_agent_approval_requests_total").map { "\($0.label("status")!)=\($0.value)" }
            == ["approved=4", "rejected=1", "timeout=0"])
        // beta has no audit summary: no ai_agent_ series for it.
        #expect(!parsed.samples.contains { $0.name.hasPrefix("ai_agent_") && $0.label("agent_name") != "alpha" })
    }

    @Test func noAuditEvidenceNoAuditFamilies() throws {
        let parsed = try Self.parse(PrometheusReport.render(Self.report([Self.agent("a"), Self.agent("b")])))
        #expect(!parsed.families.contains { $0.hasPrefix("ai_agent_") })
    }

    /// The loader keeps blocked ≤ total; a summary built otherwise still gives no negative counter.
    @Test func countersNeverNegative() throws {
        var summary = Self.audit("x", violations: ["p": (-3, .low)], approvals: .init(approved: -1))
        summary.actions = ["odd": .init(total: 2, blocked: 5), "neg": .init(total: -4, blocked: -1)]
        let parsed = try Self.parse(PrometheusReport.render(Self.report([Self.agent("x", audit: summary)])))
        #expect(parsed.samples.allSatisfy { !$0.value.hasPrefix("-") })
        #expect(parsed.samples("ai_agent_actions_total").map(\.value) == ["0", "0", "2", "0"])
    }

    // MARK: - Escaping

    /// Input text and how it must appear between a label's quotes.
    struct Hostile: CustomTestStringConvertible, Sendable {
        let input: String
        let escaped: String
        init(_ input: String, _ escaped: String) {
            self.input = input
            self.escaped = escaped
        }
        /// Escaped for the test log, which a raw NUL or line feed would garble.
        var testDescription: String { input.debugDescription }
    }

    static let hostile: [Hostile] = [
        Hostile(#"say "hi""#, #"say \"hi\""#),
        Hostile(#"C:\tools\"#, #"C:\\tools\\"#),
        Hostile("two\nlines", #"two\nlines"#),
        Hostile("crlf\r\nend", "crlf\r" + #"\n"# + "end"),
        Hostile(#"\n is not a newline"#, #"\\n is not a newline"#),
        Hostile("x\"} 1\nevil_metric 666\n# TYPE", #"x\"} 1\nevil_metric 666\n# TYPE"#),
        Hostile("Zürich ünïcödé 政策 🙂", "Zürich ünïcödé 政策 🙂"),
        Hostile("e\u{301} decomposed", "e\u{301} decomposed"),
        Hostile("tab\tnul\u{0}del\u{7F}", "tab\tnul\u{0}del\u{7F}"),
        Hostile("", ""),
    ]

    @Test(arguments: hostile)
    func labelValueEscaping(_ text: Hostile) {
        let out = PrometheusReport.escapeLabelValue(text.input)
        #expect(out.unicodeScalars.elementsEqual(text.escaped.unicodeScalars))
        // An unescaped line feed or quote would end the line or the value.
        #expect(!out.unicodeScalars.contains("\n"))
    }

    /// Hostile text wherever input reaches a label: action and policy names, organization, release.
    @Test(arguments: hostile)
    func hostileValuesRoundTrip(_ text: Hostile) throws {
        let input = text.input
        let report = Self.report([Self.agent("a", audit: Self.audit("a", actions: [input: (1, 0)], violations: [input: (1, .high)]))],
                                 organization: input, release: input)
        let text = PrometheusReport.render(report)
        let parsed = try Self.parse(text)
        #expect(parsed.samples.count == 1 + 1 + 1 + 4 + 4 + 4 + 1 + 2 + 1 + 3, "no line was split or injected")
        for (name, label) in [("ai_agent_actions_total", "action"), ("ai_agent_policy_violations_total", "policy_name"),
                              ("dossier_report_info", "organization"), ("dossier_report_info", "release")] {
            let values = parsed.samples(name).compactMap { $0.label(label) }
            #expect(!values.isEmpty && values.allSatisfy { $0.unicodeScalars.elementsEqual(input.unicodeScalars) }, "\(name) \(label)")
        }
        #expect(!parsed.families.contains("evil_metric"))
    }

    /// The same input through the loader: YAML and JSON escapes decoded into hostile names.
    @Test func hostileInputFromFiles() throws {
        let repo = try TestRepository([
            "dossier.yaml": "organization: \"Acme \\\"Q\\\" \\\\ Co\\nLtd\"\nrelease: \"2026.1 \\u00e9\"\n",
            "agents/a.yaml": "name: A\nrisk: {level: low}\n",
            "audit/a.json": #"""
                {"agent": "a", "events": 3, "allowed": 2, "blocked": 1,
                 "actions": {"say \"hi\"\n\\": {"total": 2, "blocked": 1}, "\u00fcber 🙂": {"total": 1, "blocked": 0}},
                 "policy_violations": {"tool-access\"}": {"count": 1, "severity": "critical"}}}
                """#,
        ])
        defer { repo.remove() }
        let report = try repo.score()
        let parsed = try Self.parse(PrometheusReport.render(report))
        #expect(parsed.samples("dossier_report_info").first?.label("organization") == "Acme \"Q\" \\ Co\nLtd")
        #expect(parsed.samples("dossier_report_info").first?.label("release") == "2026.1 é")
        #expect(Set(parsed.samples("ai_agent_actions_total").compactMap { $0.label("action") }) == ["say \"hi\"\n\\", "über 🙂"])
        #expect(parsed.samples("ai_agent_policy_violations_total").first?.label("policy_name") == "tool-access\"}")
    }

    // MARK: - Determinism

    @Test func sameReportSameBytes() {
        // The same keys inserted in other orders: dictionaries may iterate them differently.
        let names = (0..<40).map { "action-\($0)" }
        func build(_ order: [String]) -> Report {
            var actions: [String: (total: Int, blocked: Int)] = [:]
            var violations: [String: (count: Int, severity: Severity)] = [:]
            for name in order {
                actions[name] = (total: name.count, blocked: 1)
                violations[name] = (count: 1, severity: .medium)
            }
            return Self.report([Self.agent("a", audit: Self.audit("a", actions: actions, violations: violations))])
        }
        let first = PrometheusReport.render(build(names))
        #expect(first == PrometheusReport.render(build(names.reversed())))
        #expect(first == PrometheusReport.render(build(names.shuffled())))
        #expect(PrometheusReport.render(Self.small) == PrometheusReport.render(Self.small))
    }

    // MARK: - The example repository

    static let repositoryRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    static func acme() throws -> Report {
        let result = try RepositoryLoader(root: repositoryRoot.appendingPathComponent("examples/acme"), rules: .standard, releaseOverride: nil).load()
        let repository = try #require(result.repository)
        return Scorer(asOf: asOf, release: repository.config.release ?? "test").score(repository)
    }

    /// examples/acme: every agent's series, and the counters add up to its audit summaries.
    @Test func acmeExample() throws {
        let report = try Self.acme()
        let parsed = try Self.parse(PrometheusReport.render(report))
        #expect(parsed.samples("dossier_agents").map(\.value) == [String(report.agents.count)])
        for agent in report.agents {
            let id = agent.agent.id
            #expect(parsed.samples("dossier_agent_gaps").filter { $0.label("agent") == id }.count == 4)
            #expect(parsed.samples("dossier_agent_checks_passed").first { $0.label("agent") == id }?.value == String(agent.passed))
            let audit = try #require(agent.audit)
            let actions = parsed.samples("ai_agent_actions_total").filter { $0.label("agent_name") == id }
            #expect(actions.compactMap { Int($0.value) }.reduce(0, +) == audit.events)
            #expect(actions.filter { $0.label("allowed") == "false" }.compactMap { Int($0.value) }.reduce(0, +) == audit.blocked)
            let violations = parsed.samples("ai_agent_policy_violations_total").filter { $0.label("agent_name") == id }
            #expect(violations.compactMap { Int($0.value) }.reduce(0, +) == audit.totalViolations)
        }
    }
}
