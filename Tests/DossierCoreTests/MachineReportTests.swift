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
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `check --format junit` and `--format sarif`: the reports CI systems and code review tools read.
struct MachineReportTests {
    static let alpha = """
        name: Alpha
        owner: alpha@example.com
        allowed_tools: [search]
        risk:
          level: high
          requires_human_approval: false
        compliance:
          risk_assessment_completed: true
          risk_assessment_date: 2026-06-01
          residual_risks_documented: true
          training_data_documented: true
          data_quality_measures: true
          bias_testing_completed: false
          system_description: Alpha answers questions.
          intended_purpose: Testing.
          audit_logs_enabled: true
          log_retention_days: 180
          users_informed_of_ai: true
          ai_disclosure_text: You are talking to an AI.
          human_oversight_measures: [kill switch]
          override_capability: true
          accuracy_metrics: {accuracy: 0.9}
          adversarial_testing: true
        checklist:
          failure_modes_documented: {done: true, evidence: docs/missing.md}
          stakeholders_identified: {done: true}

        """

    /// Two agents: a high-risk one with findings from its record and audit, and a
    /// low-risk one with no compliance record (gaps located at the file, no line).
    static func files(alpha: String = alpha, tools: String = #"{"search": 5, "shell": 5}"#) -> [String: String] {
        [
            "dossier.yaml": TestRepository.config,
            "agents/alpha.yaml": alpha,
            "audit/alpha.json": #"{"agent": "alpha", "events": 10, "allowed": 10, "blocked": 0, "tools": \#(tools)}"#,
            "agents/beta.yaml": "name: Beta\nrisk: {level: low}\n",
        ]
    }

    static func score(_ files: [String: String]) throws -> Report {
        let repo = try TestRepository(files)
        defer { repo.remove() }
        return try repo.score()
    }

    // MARK: - JUnit

    static func parseXML(_ text: String) throws -> XMLElement {
        let document = try XMLDocument(data: Data(text.utf8), options: [])
        return try #require(document.rootElement())
    }

    static func attribute(_ element: XMLElement, _ name: String) -> String? {
        element.attribute(forName: name)?.stringValue
    }

    static func count(_ element: XMLElement, _ name: String) -> Int? {
        attribute(element, name).flatMap { Int($0) }
    }

    @Test func junitCountsAddUp() throws {
        let report = try Self.score(Self.files())
        let text = JUnitReport.render(report)
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"dossier\""))
        #expect(text == JUnitReport.render(try Self.score(Self.files())), "the same input gives the same bytes")
        #expect(!text.contains("timestamp") && !text.contains("hostname") && !text.contains("time="))

        let root = try Self.parseXML(text)
        #expect(root.name == "testsuites")
        let suites = root.elements(forName: "testsuite")
        #expect(suites.map { Self.attribute($0, "name") } == ["alpha", "beta"], "one suite per agent, in report order")

        var totals = (tests: 0, failures: 0, skipped: 0)
        for (suite, agent) in zip(suites, report.agents) {
            let cases = suite.elements(forName: "testcase")
            let failures = cases.flatMap { $0.elements(forName: "failure") }.count
            let skipped = cases.flatMap { $0.elements(forName: "skipped") }.count
            #expect(Self.count(suite, "tests") == cases.count)
            #expect(Self.count(suite, "failures") == failures)
            #expect(Self.count(suite, "skipped") == skipped)
            #expect(Self.count(suite, "errors") == 0)
            let openItems = agent.checklist.filter { $0.status == .open }.count
            #expect(failures == agent.openGaps.count + openItems, "a failure per open gap and per open checklist item")
            let findings = agent.gaps.filter { $0.kind == .finding }.count
            #expect(cases.count == 7 + 19 + findings)
            #expect(cases.allSatisfy { Self.attribute($0, "classname") == agent.agent.id })
            totals.tests += cases.count
            totals.failures += failures
            totals.skipped += skipped
        }
        #expect(Self.count(root, "tests") == totals.tests)
        #expect(Self.count(root, "failures") == totals.failures)
        #expect(Self.count(root, "skipped") == totals.skipped)
        #expect(Self.count(root, "errors") == 0)
    }

    @Test func junitNamesAndFailureText() throws {
        let report = try Self.score(Self.files())
        let root = try Self.parseXML(JUnitReport.render(report))
        let alpha = try #require(root.elements(forName: "testsuite").first)
        let cases = alpha.elements(forName: "testcase")
        let names = cases.compactMap { Self.attribute($0, "name") }
        #expect(Array(names.prefix(7)) == ArticleCheck.all.map(\.id), "article checks by id, in table order")
        #expect(Array(names[7..<26]) == ChecklistCatalog.items.map { "checklist:\($0.id)" })
        #expect(names.contains("approval-gate-missing"))
        #expect(names.contains("tool-outside-allowlist:shell"))
        #expect(names.contains("evidence-missing:failure_modes_documented"))

        let dataGovernance = try #require(cases.first { Self.attribute($0, "name") == "data_governance" })
        let failure = try #require(dataGovernance.elements(forName: "failure").first)
        #expect(Self.attribute(failure, "type") == "high")
        #expect(Self.attribute(failure, "message") == "bias testing is not completed")
        let body = failure.stringValue ?? ""
        #expect(body.contains("rule: data_governance (Art. 10)"))
        #expect(body.contains("field: compliance.bias_testing_completed"))
        #expect(body.contains("source: agents/alpha.yaml:13"))
        #expect(body.contains("remediation: Test the agent for bias"))

        let passing = try #require(cases.first { Self.attribute($0, "name") == "risk_management" })
        #expect(passing.children == nil || passing.children?.isEmpty == true, "a passed check is an empty testcase")
        let gate = try #require(cases.first { Self.attribute($0, "name") == "checklist:approval_gate_for_high_risk" })
        #expect(Self.attribute(try #require(gate.elements(forName: "failure").first), "type") == "checklist")

        let beta = try #require(root.elements(forName: "testsuite").last)
        let notApplicable = try #require(beta.elements(forName: "testcase").first { Self.attribute($0, "name") == "checklist:approval_gate_for_high_risk" })
        #expect(Self.attribute(try #require(notApplicable.elements(forName: "skipped").first), "message") == "n/a")
    }

    @Test func junitSurvivesHostileText() throws {
        let hostile = "<b>&\"' ]]> \u{01}\u{0B}\tx\r\ny"
        // Reaches the XML as a testcase name (tool-outside-allowlist:<tool>) and in messages.
        let tool = String(data: try JSONSerialization.data(withJSONObject: [hostile], options: []), encoding: .utf8) ?? ""
        let alpha = Self.alpha.replacingOccurrences(
            of: "evidence: docs/missing.md",
            with: #"evidence: "docs/<x>&\"'\x01\v]]>.md""#)
        var files = Self.files(alpha: alpha, tools: #"{"search": 5, \#(tool.dropFirst().dropLast()): 5}"#)
        files["agents/beta.yaml"] = nil
        let report = try Self.score(files)
        let gaps = report.agents[0].gaps
        let toolGap = try #require(gaps.first { $0.rule == "tool-outside-allowlist" })
        #expect(toolGap.subject == hostile, "the hostile tool name reached the report")
        #expect(gaps.contains { $0.rule == "evidence-missing" && $0.message.contains("\u{01}") })

        let text = JUnitReport.render(report)
        #expect(!text.unicodeScalars.contains { $0.value < 0x20 && $0 != "\n" && $0 != "\t" }, "no control character but LF and tab is written")
        #expect(!text.contains("]]>"))
        let root = try Self.parseXML(text)
        let cases = try #require(root.elements(forName: "testsuite").first).elements(forName: "testcase")
        let stripped = String(String.UnicodeScalarView(hostile.unicodeScalars.filter { $0 != "\u{01}" && $0 != "\u{0B}" }))
        let toolCase = try #require(cases.first { Self.attribute($0, "name") == "tool-outside-allowlist:\(stripped)" },
                                    "tab, CR and LF survive in attributes; forbidden characters are dropped")
        let failure = try #require(toolCase.elements(forName: "failure").first)
        #expect(failure.stringValue?.contains("subject: \(stripped)") == true, "CR survives in text")
    }

    @Test func escapingFollowsXML() {
        #expect(JUnitReport.escapeAttribute("a\tb\nc\r\u{01}\u{0B}\u{FFFE}\u{FFFF}<&>\"'é\u{1F600}")
            == "a&#9;b&#10;c&#13;&lt;&amp;&gt;&quot;&apos;é\u{1F600}")
        #expect(JUnitReport.escapeText("a\tb\nc\r]]>\u{00}") == "a\tb\nc&#13;]]&gt;")
    }

    @Test func waivedGapIsSkippedAndSuppressed() throws {
        let report = try Self.score(Self.files())
        let waived = Self.waivingFirstGap(of: report)
        let gap = try #require(waived.agents.first?.gaps.first)
        #expect(gap.status == .waived)

        let root = try Self.parseXML(JUnitReport.render(waived))
        let original = try Self.parseXML(JUnitReport.render(report))
        #expect(Self.count(root, "failures") == (Self.count(original, "failures") ?? 0) - 1)
        #expect(Self.count(root, "skipped") == (Self.count(original, "skipped") ?? 0) + 1)
        let suite = try #require(root.elements(forName: "testsuite").first)
        let testCase = try #require(suite.elements(forName: "testcase").first { Self.attribute($0, "name") == gap.rule })
        #expect(Self.attribute(try #require(testCase.elements(forName: "skipped").first), "message")?.hasPrefix("waived") == true)

        let sarif = try Self.parseJSON(SARIFReport.render(waived))
        let result = try #require(Self.results(sarif).first)
        let suppressions = try #require(result["suppressions"] as? [[String: Any]])
        #expect(suppressions.first?["kind"] as? String == "external")
        #expect((result["properties"] as? [String: Any])?["status"] as? String == "waived")
        #expect(Self.results(sarif).dropFirst().allSatisfy { $0["suppressions"] == nil })
    }

    /// The report with the first agent's first gap waived (waivers.yaml is read elsewhere).
    static func waivingFirstGap(of report: Report) -> Report {
        var agents = report.agents
        if let first = agents.first {
            var gaps = first.gaps
            if !gaps.isEmpty { gaps[0].status = .waived }
            agents[0] = AgentReport(agent: first.agent, audit: first.audit, checks: first.checks, gaps: gaps, checklist: first.checklist)
        }
        return Report(organization: report.organization, title: report.title, release: report.release,
                      asOf: report.asOf, agents: agents, extensions: report.extensions)
    }

    // MARK: - SARIF

    static func parseJSON(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    static func run(_ sarif: [String: Any]) -> [String: Any] {
        (sarif["runs"] as? [[String: Any]])?.first ?? [:]
    }

    static func results(_ sarif: [String: Any]) -> [[String: Any]] {
        run(sarif)["results"] as? [[String: Any]] ?? []
    }

    static func physicalLocation(_ result: [String: Any]) -> [String: Any]? {
        (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
    }

    @Test func sarifStructure() throws {
        let report = try Self.score(Self.files())
        let text = SARIFReport.render(report)
        #expect(text.hasSuffix("}\n"))
        #expect(text == SARIFReport.render(try Self.score(Self.files())), "the same input gives the same bytes")
        let sarif = try Self.parseJSON(text)
        #expect(sarif["version"] as? String == "2.1.0")
        #expect(sarif["$schema"] as? String == "https://json.schemastore.org/sarif-2.1.0.json")
        #expect((sarif["runs"] as? [Any])?.count == 1)
        let run = Self.run(sarif)
        #expect(run["columnKind"] as? String == "unicodeCodePoints")
        #expect(run["invocations"] == nil)
        #expect(((run["originalUriBaseIds"] as? [String: Any])?["%SRCROOT%"]) != nil)

        let driver = try #require((run["tool"] as? [String: Any])?["driver"] as? [String: Any])
        #expect(driver["name"] as? String == "dossier")
        #expect(driver["version"] as? String == DossierVersion.number)
        let rules = try #require(driver["rules"] as? [[String: Any]])
        let ruleIDs = rules.compactMap { $0["id"] as? String }
        #expect(ruleIDs == ArticleCheck.all.map(\.id) + FindingRule.catalog.map(\.id), "every rule, fired or not")
        #expect(ruleIDs.contains("waiver-expired") && ruleIDs.contains("waiver-unused"))
        #expect(Set(ruleIDs).count == ruleIDs.count)
        for rule in rules {
            #expect(rule["name"] as? String != nil)
            #expect(((rule["shortDescription"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            #expect(((rule["fullDescription"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            #expect(((rule["help"] as? [String: Any])?["text"] as? String)?.isEmpty == false)
            let level = (rule["defaultConfiguration"] as? [String: Any])?["level"] as? String
            #expect(["error", "warning", "note"].contains(level ?? ""))
        }
        #expect(rules.first { $0["id"] as? String == "risk_management" }?["name"] as? String == "RiskManagement")
        #expect(rules.first { $0["id"] as? String == "tool-outside-allowlist" }?["name"] as? String == "ToolOutsideAllowlist")

        let results = Self.results(sarif)
        let gaps = report.agents.flatMap { agent in agent.gaps.map { (agent.agent, $0) } }
        #expect(results.count == gaps.count, "one result per gap")
        for (result, (agent, gap)) in zip(results, gaps) {
            #expect(result["ruleId"] as? String == gap.rule)
            let index = try #require(result["ruleIndex"] as? Int)
            #expect(rules.indices.contains(index) && rules[index]["id"] as? String == gap.rule)
            #expect(result["level"] as? String == SARIFReport.level(gap.severity))
            let message = (result["message"] as? [String: Any])?["text"] as? String
            #expect(message == "\(gap.message) — \(gap.remediation)")
            let physical = try #require(Self.physicalLocation(result))
            let artifact = physical["artifactLocation"] as? [String: Any]
            #expect(artifact?["uri"] as? String == (gap.source?.file ?? agent.file))
            #expect(artifact?["uriBaseId"] as? String == "%SRCROOT%")
            let region = physical["region"] as? [String: Any]
            #expect(region?["startLine"] as? Int == gap.source?.line)
            #expect(region?["startColumn"] as? Int == gap.source?.column)
            let properties = result["properties"] as? [String: Any]
            #expect(properties?["agent"] as? String == agent.id)
            #expect(properties?["severity"] as? String == gap.severity.rawValue)
            #expect(properties?["status"] as? String == "open")
        }
        // The levels in use: high → error, medium → warning, low → note.
        #expect(Set(results.compactMap { $0["level"] as? String }) == ["error", "warning", "note"])
        let located = try #require(results.first { $0["ruleId"] as? String == "data_governance" })
        #expect((Self.physicalLocation(located)?["region"] as? [String: Any])?["startLine"] as? Int == 13)
        let wholeFile = try #require(results.first { ($0["properties"] as? [String: Any])?["agent"] as? String == "beta" })
        #expect(Self.physicalLocation(wholeFile)?["region"] == nil, "a gap with no line has no region")
    }

    static func fingerprint(_ result: [String: Any]) -> String? {
        (result["partialFingerprints"] as? [String: Any])?["dossierGap/v1"] as? String
    }

    @Test func fingerprintsFollowTheGapNotTheLine() throws {
        let before = Self.results(try Self.parseJSON(SARIFReport.render(try Self.score(Self.files()))))
        let moved = Self.alpha.replacingOccurrences(of: "  level: high\n", with: "  level: high\n  can_write_data: false\n")
        let after = Self.results(try Self.parseJSON(SARIFReport.render(try Self.score(Self.files(alpha: moved)))))
        #expect(before.count == after.count)

        func line(_ result: [String: Any]) -> Int? {
            (Self.physicalLocation(result)?["region"] as? [String: Any])?["startLine"] as? Int
        }
        for rule in ["approval-gate-missing", "data_governance"] {
            let old = try #require(before.first { $0["ruleId"] as? String == rule })
            let new = try #require(after.first { $0["ruleId"] as? String == rule })
            #expect(line(new) == (line(old) ?? 0) + 1, "the field moved down a line")
            #expect(Self.fingerprint(old) == Self.fingerprint(new), "\(rule) keeps its fingerprint")
        }

        let fingerprints = before.compactMap(Self.fingerprint)
        #expect(fingerprints.count == before.count)
        #expect(Set(fingerprints).count == fingerprints.count, "distinct gaps, distinct fingerprints")
        #expect(fingerprints.allSatisfy { $0.count == 64 && $0.allSatisfy(\.isHexDigit) })
        let gap = Gap(rule: "owner-missing", kind: .finding, severity: .medium, field: "owner", message: "m", remediation: "r", source: nil)
        #expect(SARIFReport.fingerprint(agent: "a", gap: gap) == Digest.sha256(Data("a\u{0}owner-missing\u{0}owner\u{0}".utf8)))
    }

    @Test func unknownRulesAreListedAndPathsAreURIs() throws {
        let report = try Self.score(Self.files())
        var agents = report.agents
        let first = agents[0]
        let extra = Gap(rule: "retired-rule", kind: .finding, severity: .low, field: nil, message: "unused",
                        remediation: "remove it", source: SourceLocation(file: "audit/May 1.jsonl"))
        agents[0] = AgentReport(agent: first.agent, audit: first.audit, checks: first.checks, gaps: first.gaps + [extra], checklist: first.checklist)
        let extended = Report(organization: report.organization, title: report.title, release: report.release,
                              asOf: report.asOf, agents: agents, extensions: report.extensions)
        let sarif = try Self.parseJSON(SARIFReport.render(extended))
        let rules = try #require(((Self.run(sarif)["tool"] as? [String: Any])?["driver"] as? [String: Any])?["rules"] as? [[String: Any]])
        #expect(rules.last?["id"] as? String == "retired-rule", "a rule no catalog lists is added after the others")
        let result = try #require(Self.results(sarif).first { $0["ruleId"] as? String == "retired-rule" })
        #expect(result["ruleIndex"] as? Int == rules.count - 1)
        #expect((Self.physicalLocation(result)?["artifactLocation"] as? [String: Any])?["uri"] as? String == "audit/May%201.jsonl")
        #expect(SARIFReport.uriReference("agents/a.b_c-d~.yaml") == "agents/a.b_c-d~.yaml")
        #expect(SARIFReport.uriReference("docs/é#1?.md") == "docs/%C3%A9%231%3F.md")
    }
}
