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
import Mustache
import Testing

struct SiteTests {
    /// Amounts read the same in every locale: thousands separators and at least two decimals.
    @Test(arguments: [("25000.0", "25,000.00"), ("1250.5", "1,250.50"), ("0.125", "0.125"), ("-3", "-3.00"),
                      ("1234567", "1,234,567.00"), ("0", "0.00"), ("1e3", "1e3"), ("999", "999.00"), ("1000", "1,000.00")])
    func amounts(text: String, shown: String) throws {
        #expect(Chart.amount(try #require(ExactDecimal(text))) == shown)
    }

    @Test func schemesInTextAreNeutralized() {
        #expect(HTMLSafety.neutralizeSchemes("<p>JavaScript:alert(1) vbscript:x data:text/html,y data:image/png</p>")
                == "<p>JavaScript&#58;alert(1) vbscript&#58;x data&#58;text/html,y data:image/png</p>")
        let clean = "<p>nothing to see: data: javascript</p>"
        #expect(HTMLSafety.neutralizeSchemes(clean) == clean)
        #expect(HTMLSafety.neutralizeSchemes("é javascript:") == "é javascript&#58;")
    }

    @Test func relativePaths() {
        #expect(SitePaths.relative("index.html", from: "agents/a.html") == "../index.html")
        #expect(SitePaths.relative("docs/a b#?.html", from: "index.html") == "docs/a%20b%23%3F.html")
        #expect(SitePaths.root(of: "docs/x/y.html") == "../../")
        #expect(SitePaths.resolve("../agents/a.yaml", against: "docs/page.md") == "agents/a.yaml")
        #expect(SitePaths.resolve("../../x", against: "docs/page.md") == nil)
        #expect(SitePaths.hasScheme("JavaScript:alert(1)"))
        #expect(!SitePaths.hasScheme("docs/a:b.md"), "a colon after a slash is part of a path")
        #expect(!SitePaths.hasScheme("../a.md"))
    }

    @Test func linkPolicy() {
        let policy = LinkPolicy(docs: ["docs/policy.md", "docs/sub/plan.md"], agentFiles: ["agents/a.yaml": "a"])
        #expect(policy.decide("policy.md#scope", writtenIn: "docs/sub/plan.md", shownOn: "docs/sub/plan.html") == .text)
        #expect(policy.decide("../policy.md#scope", writtenIn: "docs/sub/plan.md", shownOn: "docs/sub/plan.html") == .link("../../docs/policy.html#scope"))
        #expect(policy.decide("../agents/a.yaml", writtenIn: "docs/policy.md", shownOn: "docs/policy.html") == .link("../agents/a.html"))
        #expect(policy.decide("../docs/policy.md", writtenIn: "agents/a.yaml", shownOn: "report.html") == .link("docs/policy.html"))
        #expect(policy.decide("https://example.com", writtenIn: "docs/policy.md", shownOn: "docs/policy.html") == .link("https://example.com"))
        #expect(policy.decide("javascript:alert(1)", writtenIn: "docs/policy.md", shownOn: "docs/policy.html") == .text)
        #expect(policy.decide("/etc/passwd", writtenIn: "docs/policy.md", shownOn: "docs/policy.html") == .text)
        #expect(policy.decide("missing.md", writtenIn: "docs/policy.md", shownOn: "docs/policy.html") == .text)
    }

    @Test func markdownImagesBecomeLinksAndTitlesAreFound() {
        let rendering = Markdown.render("Intro\n\n# The *Title*\n\n![chart](https://x.example/c.png) ![](data:image/png;base64,AAAA)") { url in
            url.hasPrefix("https://") ? .link(url) : .text
        }
        #expect(rendering.title == "The Title")
        #expect(rendering.html.contains("<a href=\"https://x.example/c.png\">chart</a>"))
        #expect(!rendering.html.contains("<img"))
    }

    @Test func emailAddresses() {
        #expect(SiteModel.isEmailAddress("wealth-platform@acme.example"))
        #expect(!SiteModel.isEmailAddress("team wealth"))
        #expect(!SiteModel.isEmailAddress("\"><script>@x.y"))
        #expect(!SiteModel.isEmailAddress("a@b"))
    }

    @Test func chartGeometryAndNumbers() {
        #expect(Chart.format(1234567) == "1,234,567")
        #expect(Chart.format(0) == "0")
        let chart = Chart(id: "c", title: "T", rows: [Chart.Row(label: "a", segments: [.init(value: 10, style: "high")]),
                                                      Chart.Row(label: "b", segments: [.init(value: 5, style: "low")])])
        let widths = chart.context().rows.compactMap { $0.segments.first?.width }
        #expect(widths == [Chart.width - Chart.labelWidth - Chart.valueWidth, (Chart.width - Chart.labelWidth - Chart.valueWidth) / 2])
    }

    /// A value that is absent renders as false in its own context: a section over it must not
    /// find the enclosing object's value of the same name (the engine searches enclosing contexts
    /// for a name a context does not have).
    @Test func absentValuesDoNotFallThroughToEnclosingContexts() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-contexts-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        try "{{#gaps}}[{{#field}}{{field}}{{/field}}{{^field}}no field{{/field}}|{{#subject}}{{subject}}{{/subject}}|{{#source}}{{source}}{{/source}}|{{article_href}}]{{/gaps}}"
            .write(to: folder.appendingPathComponent("probe.mustache"), atomically: true, encoding: .utf8)
        let (set, diagnostics) = try TemplateSet.load(overriding: folder)
        #expect(diagnostics.isEmpty)
        let templates = try #require(set)
        let gap = Gap(rule: "r", kind: .finding, severity: .high, field: nil, message: "m", remediation: "x", source: nil)
        let context = Outer(gaps: [GapContext(gap: gap, agentID: "a", agentName: "A", agentHref: "a.html", articleHref: nil)])
        // `field`, `subject` and `source` are false; `article_href` is not a gap's without an article, so it is the page's.
        #expect(try templates.render("probe", context) == "[no field|||page-href]")
    }

    /// An enclosing context that has every name a gap might look up.
    struct Outer: TemplateObject {
        let gaps: [GapContext]

        func value(named name: String) -> (any TemplateRepresentable)? {
            switch name {
            case "gaps": gaps
            case "article_href": "page-href"
            default: "outer-\(name)"
            }
        }
    }

    @Test func defaultTemplatesParseAndAreEmbeddedCurrently() throws {
        let set = try TemplateSet.defaults()
        for name in ["index", "agent", "gaps", "checklist", "article", "doc", "docs", "report", "risk"] {
            #expect(set.files["\(name).mustache"] != nil, "missing \(name).mustache")
        }
        #expect(!set.text("style.css").isEmpty)
    }
}
