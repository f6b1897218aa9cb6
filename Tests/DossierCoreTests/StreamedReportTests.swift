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

/// report.json, SARIF, JUnit and report.md handed over in pieces: the same bytes as
/// the whole document, in pieces no larger than one agent's part.
struct StreamedReportTests {
    /// Three agents (findings from a record and an audit, no compliance record, a waived gap
    /// with its waiver and text to escape), or none.
    static func reports() throws -> [Report] {
        var report = try MachineReportTests.score(MachineReportTests.files().merging([
            "agents/gamma.yaml": """
                name: "Gamma <&> \\"quoted\\" javascript:alert(1)"
                owner: "x@example.com"
                risk: {level: critical}
                checklist:
                  stakeholders_identified: {done: n/a, note: "a\\tb | c", by: "ops <ops@example.com>", date: 2026-01-02}
                attestations:
                  art-9: {by: "risk \\"office\\"", date: 2026-01-01, evidence: [docs/none.md, "https://x.example/a:b"], note: "n/a"}
                  art-13: {by: legal@example.com, date: 2020-01-01}

                """,
        ]) { $1 })
        var agents = report.agents
        var gaps = agents[0].gaps
        gaps[0].status = .waived
        gaps[0].waiver = Waiver(agent: agents[0].agent.id, rule: gaps[0].rule, justification: "accepted: javascript:void(0)",
                                approvedBy: "ciso@example.com", approvedOn: CalendarDate("2026-06-01")!,
                                expires: CalendarDate("2026-12-31")!, location: SourceLocation(file: "waivers.yaml", line: 4, column: 3))
        let first = agents[0]
        agents[0] = AgentReport(agent: first.agent, audit: first.audit, checks: first.checks, gaps: gaps, checklist: first.checklist)
        report = Report(organization: report.organization, title: report.title, release: report.release,
                        asOf: report.asOf, agents: agents, extensions: report.extensions)
        let empty = try MachineReportTests.score(["dossier.yaml": TestRepository.config])
        return [report, empty]
    }

    static func pieces(_ write: ((String) -> Void) -> Void) -> [String] {
        var pieces: [String] = []
        write { pieces.append($0) }
        return pieces
    }

    @Test func reportJSONWrittenDirectlyIsThePrettyPrintedTree() throws {
        for report in try Self.reports() {
            let pieces = Self.pieces { ReportJSON.write(report, to: $0) }
            #expect(pieces.joined() == ReportJSON.value(report).rendered())
            for (index, agent) in report.agents.enumerated() {
                #expect(pieces[index + 1].hasPrefix("    " + ReportJSON.agentValue(agent).rendered(indent: 4)))
            }
        }
    }

    @Test func sarifStreamedIsTheWholeLog() throws {
        for report in try Self.reports() {
            let pieces = Self.pieces { SARIFReport.write(report, to: $0) }
            #expect(pieces.joined() == SARIFReport.value(report).rendered())
            let withResults = report.agents.filter { !$0.gaps.isEmpty }.count
            #expect(pieces.count == (withResults == 0 ? 1 : withResults + 2), "a head, one piece per agent with gaps, a tail")
            #expect(SARIFReport.render(report) == pieces.joined())
        }
    }

    @Test func sarifPiecesHoldOneAgentEach() throws {
        let report = try Self.reports()[0]
        let pieces = Self.pieces { SARIFReport.write(report, to: $0) }
        let agents = report.agents.filter { !$0.gaps.isEmpty }
        for (piece, agent) in zip(pieces.dropFirst(), agents) {
            #expect(piece.components(separatedBy: "\"ruleId\"").count - 1 == agent.gaps.count)
        }
    }

    @Test func junitStreamedIsTheWholeDocument() throws {
        for report in try Self.reports() {
            let pieces = Self.pieces { JUnitReport.write(report, to: $0) }
            // The document as it was rendered whole: the suites first, the totals summed from them.
            let suites = report.agents.map { JUnitReport.suite(for: $0, report: report) }
            var whole = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            whole += "<testsuites" + JUnitReport.attributes([
                ("name", "dossier"),
                ("tests", String(suites.map(\.tests).reduce(0, +))),
                ("failures", String(suites.map(\.failures).reduce(0, +))),
                ("errors", "0"),
                ("skipped", String(suites.map(\.skipped).reduce(0, +))),
            ]) + ">\n"
            for suite in suites { whole += suite.xml }
            whole += "</testsuites>\n"
            #expect(pieces.joined() == whole)
            #expect(pieces.count == report.agents.count + 2, "the root, one suite per piece, the end")
            #expect(Array(pieces.dropFirst().dropLast()) == suites.map(\.xml))
            for (agent, suite) in zip(report.agents, suites) {
                let counts = JUnitReport.counts(for: agent)
                #expect(counts.tests == suite.tests && counts.failures == suite.failures && counts.skipped == suite.skipped)
            }
        }
    }

    @Test func markdownStreamedInBoundedPieces() throws {
        var files = ["dossier.yaml": TestRepository.config]
        for index in 0..<300 {
            files["agents/agent-\(index).yaml"] = "name: Agent \(index) with a longer name\nrisk: {level: high}\n"
        }
        let report = try MachineReportTests.score(files)
        let pieces = Self.pieces { ReportMarkdown.write(report, to: $0) }
        #expect(pieces.joined() == ReportMarkdown.render(report))
        #expect(pieces.count > 2, "a report over many agents is not one piece")
        let largestAgent = report.agents.map { agent in
            let single = Report(organization: report.organization, title: report.title, release: report.release,
                                asOf: report.asOf, agents: [agent], extensions: report.extensions)
            return ReportMarkdown.render(single).utf8.count
        }.max() ?? 0
        #expect(pieces.allSatisfy { $0.utf8.count < ReportMarkdown.pieceBytes + largestAgent })
        for report in try Self.reports() {
            #expect(Self.pieces { ReportMarkdown.write(report, to: $0) }.joined() == ReportMarkdown.render(report))
        }
    }

    @Test func markdownStartsWithTheSummary() throws {
        let report = try Self.reports()[0]
        let markdown = ReportMarkdown.render(report)
        #expect(markdown.hasPrefix("# Test Org: "))
        #expect(markdown.contains("## Alpha (`alpha`)"))
        #expect(markdown.contains("*waived* until 2026-12-31, approved by ciso\\@example\\.com: accepted\\: javascript\\:void\\(0\\)"))
    }

    @Test func junitEscapingOfPlainText() {
        for text in ["", "plain text", "agents/a.yaml:12", "tab\there\nline", "café ✓ 😀", "see javascript:alert(1)"] {
            let expectedText = text.replacingOccurrences(of: "javascript:", with: "javascript&#58;")
            #expect(JUnitReport.escapeText(text) == expectedText)
            #expect(JUnitReport.escapeAttribute(text) == expectedText
                .replacingOccurrences(of: "\t", with: "&#9;").replacingOccurrences(of: "\n", with: "&#10;"))
        }
        #expect(JUnitReport.escapeText("a\u{FFFE}b\u{FFFF}c\u{FFFD}") == "abc\u{FFFD}")
        #expect(JUnitReport.escapeText("it's <b> & \"q\"\r") == "it&apos;s &lt;b&gt; &amp; &quot;q&quot;&#13;")
    }
}
