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

struct RenderTests {
    @Test func cmarkRendersSafely() {
        #expect(Markdown.html("# Title\n\nSome *text*.") == "<h1>Title</h1>\n<p>Some <em>text</em>.</p>\n")
        #expect(Markdown.html("<script>alert(1)</script>") == "<!-- raw HTML omitted -->\n")
        #expect(Markdown.html("[x](javascript:alert(1))") == "<p><a href=\"\">x</a></p>\n")
        #expect(Markdown.html("[x](JaVaScRiPt:alert(1))") == "<p><a href=\"\">x</a></p>\n")
        #expect(Markdown.html("") == "")
    }

    @Test func jsonStringsAreEscaped() {
        let value = JSONValue.object([("k\"", .string("a\"b\\c\n\u{01}/é\u{2028}")), ("n", .null), ("e", .array([])), ("o", .object([]))])
        #expect(value.rendered() == "{\n  \"k\\\"\": \"a\\\"b\\\\c\\n\\u0001/é\\u2028\",\n  \"n\": null,\n  \"e\": [],\n  \"o\": {}\n}\n")
        let parsed = try? JSONSerialization.jsonObject(with: Data(value.rendered().utf8)) as? [String: Any]
        #expect(parsed?["k\""] as? String == "a\"b\\c\n\u{01}/é\u{2028}")
    }

    @Test func reportJSONShape() throws {
        let repo = try TestRepository([
            "dossier.yaml": "organization: Acme\nrelease: \"2026.11\"\n",
            "agents/b.yaml": "name: B\nrisk: {level: high}\ncompliance: {audit_logs_enabled: true}\n",
            "agents/a.yaml": "name: A\nowner: o@example.com\nversion: 1.0\nrisk: {level: low}\nx-team: payments\n",
        ])
        defer { repo.remove() }
        let report = try repo.score()
        let text = ReportJSON.render(report)
        #expect(text == ReportJSON.render(try repo.score()), "the same input gives the same bytes")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["schema"] as? String == "dossier.report/v1")
        #expect(json["as_of"] as? String == "2026-11-24")
        let agents = try #require(json["agents"] as? [[String: Any]])
        #expect(agents.map { $0["id"] as? String } == ["a", "b"])
        #expect(agents[1]["owner"] is NSNull)
        #expect(agents[1]["version"] is NSNull)
        #expect(agents[0]["version"] as? String == "1.0")
        #expect((agents[0]["checklist"] as? [Any])?.count == 19)
        #expect(agents[1]["audit"] is NSNull)
        #expect(!text.contains("x-team"), "extensions are not in the report")
        let keys = ["\"schema\"", "\"generator\"", "\"organization\"", "\"release\"", "\"as_of\"", "\"summary\"", "\"agents\""]
        let positions = keys.map { text.range(of: $0)!.lowerBound }
        #expect(positions == positions.sorted(), "top-level keys keep the documented order")
        let gap = try #require((agents[1]["gaps"] as? [[String: Any]])?.first)
        #expect(Array(gap.keys).sorted() == ["article", "field", "kind", "message", "remediation", "rule", "severity", "source", "status", "subject"])
        #expect(gap["source"] as? String == "agents/b.yaml:3")
        let summary = try #require(json["summary"] as? [String: Any])
        #expect((summary["gaps"] as? [String: Int])?["high"] == report.summary.gaps[.high])
    }

    @Test func streamedJSONIsThePrettyPrintedValue() throws {
        for agents in [[:], ["agents/a.yaml": "name: A\nrisk: {level: high}\n", "agents/b.yaml": "name: B\nrisk: {level: low}\n"]] {
            let repo = try TestRepository(["dossier.yaml": TestRepository.config].merging(agents) { $1 })
            defer { repo.remove() }
            let report = try repo.score()
            var pieces: [String] = []
            ReportJSON.write(report) { pieces.append($0) }
            #expect(pieces.joined() == ReportJSON.value(report).rendered())
            #expect(pieces.count == (agents.isEmpty ? 1 : agents.count + 2), "one piece per agent")
        }
    }

    @Test func textReportHasNoColorsUnlessAsked() throws {
        let repo = try TestRepository(["dossier.yaml": TestRepository.config,
                                       "agents/a.yaml": "name: \"A\\u001b[31m\"\nrisk: {level: low}\n"])
        defer { repo.remove() }
        let report = try repo.score()
        let plain = TextReport(colors: false, failOn: .high).render(report)
        #expect(!plain.contains("\u{1B}"), "no escape codes, not even from input text")
        #expect(plain.contains("check passed: no open gap at or above high"))
        #expect(TextReport(colors: true, failOn: .low).render(report).contains("\u{1B}[31m"))
    }
}

struct ReportMarkdownTests {
    @Test func valuesCannotBecomeMarkup() {
        let escaped = ReportMarkdown.escape("[click](https://evil.example) <b>x</b> *a* | `c` ![i](j) # h\nnext")
        #expect(!escaped.contains("<b>"))
        #expect(escaped == ##"\[click\]\(https\://evil\.example\) &lt;b\>x&lt;/b\> \*a\* \| \`c\` \!\[i\]\(j\) \# h next"##)
        // cmark (CommonMark) reads the escaped text back as the literal text.
        let html = Markdown.html(escaped)
        #expect(!html.contains("<a ") && !html.contains("<b>") && !html.contains("<em>") && !html.contains("<code>"))
    }

    @Test func reportHasEveryAgent() throws {
        let repo = try TestRepository(["dossier.yaml": TestRepository.config,
                                       "agents/a.yaml": "name: \"A | [x](y)\"\nrisk: {level: high}\n",
                                       "agents/b.yaml": "name: B\nrisk: {level: low}\n"])
        defer { repo.remove() }
        let markdown = ReportMarkdown.render(try repo.score())
        #expect(markdown.contains("## A \\| \\[x\\]\\(y\\) (`a`)"))
        #expect(markdown.contains("## B (`b`)"))
        #expect(markdown.contains("| Agents | Fully compliant | Fully evidenced | Deployable |"))
    }

    /// report.md: sign-off, the attestation behind each article, and sources linked to their lines when
    /// `source_url` is set; a link destination no input can break out of.
    @Test func reportShowsSignOffAttestationsAndSourceLinks() throws {
        let repo = try TestRepository([
            "dossier.yaml": TestRepository.config + """
                source_url: "https://git.example.com/o/r/blob/{commit}/{path}#L{line}"
                sign_off:
                  - {by: "ciso | x", role: CISO, date: 2026-11-01}

                """,
            "agents/a.yaml": """
                name: A
                owner: a@example.com
                risk: {level: high, requires_human_approval: true, approval_threshold: all}
                compliance: {risk_assessment_completed: true, residual_risks_documented: true}
                attestations:
                  art-9: {by: risk@example.com, date: 2026-11-01, evidence: ["https://grc.example/a b>c"]}

                """,
        ])
        defer { repo.remove() }
        var report = try repo.score()
        report.commit = "abcdef12"
        let markdown = ReportMarkdown.render(report)
        #expect(markdown.contains("commit `abcdef12`"))
        #expect(markdown.contains("| ciso \\| x | CISO | 2026-11-01 | — |"))
        #expect(markdown.contains("| risk_management | Art. 9 | pass | evidenced: risk\\@example\\.com, 2026-11-01; [https"))
        #expect(markdown.contains("(<https://grc.example/a%20b%3Ec>)"), "the destination stays one link")
        #expect(markdown.contains("| documentation | Art. 11 | **fail** | — |"))
        #expect(markdown.contains("[agents/a\\.yaml\\:4](<https://git.example.com/o/r/blob/abcdef12/agents/a.yaml#L4>)"))
        let junit = JUnitReport.render(report)
        #expect(junit.contains(#"<property name="attestation.art-9" value="evidenced by risk@example.com on 2026-11-01"/>"#))
        #expect(junit.contains(#"<property name="evidenced_score" value="1/7"/>"#))
        #expect(junit.contains(#"<property name="commit" value="abcdef12"/>"#))
        report.commit = nil
        #expect(!ReportMarkdown.render(report).contains("git.example.com"), "no commit, no link from a template that needs one")
    }
}
