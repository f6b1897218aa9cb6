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
        #expect(try #require(ExactDecimal(text)).displayAmount == shown)
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
        #expect(Counted.grouped(1234567) == "1,234,567")
        #expect(Counted.grouped(0) == "0")
        let chart = Chart(id: "c", title: "T", rows: [Chart.Row(label: "a", segments: [.init(value: 10, style: "high")]),
                                                      Chart.Row(label: "b", segments: [.init(value: 5, style: "low")])])
        let context = chart.context()
        let span = Chart.width - Chart.minimumLabelWidth - Chart.valueWidth
        let widths = context.rows.compactMap { $0.segments.first?.width }
        #expect(widths == [span, span / 2])
        #expect(!context.axis.logScale && context.axis.title == "" && context.axis.ticks.isEmpty)
    }

    /// A long label wraps after `_` onto a second line; one longer still ends in "…"; the
    /// full name stays the row's label (its `<title>` and the data table's row header).
    @Test func chartLongLabels() {
        #expect(Chart.labelLines("market_data") == ["market_data"])
        #expect(Chart.labelLines("execute_transaction") == ["execute_", "transaction"])
        #expect(Chart.labelLines("request_human_approval_for_transfer") == ["request_human_", "approval_for_tra…"])
        #expect(Chart.labelLines("abcdefghijklmnopqrstuvwxyz") == ["abcdefghijklmnopq", "rstuvwxyz"])
        let chart = Chart(id: "c", title: "T", rows: [Chart.Row(label: "execute_transaction", segments: [.init(value: 3, style: "allowed")]),
                                                      Chart.Row(label: "request_human_approval_for_transfer", segments: [.init(value: 2, style: "allowed")])],
                          columns: ["Action", "Events"])
        let context = chart.context()
        #expect(context.rows.map(\.label) == ["execute_transaction", "request_human_approval_for_transfer"])
        #expect(context.rows[0].labelLines.map(\.text) == ["execute_", "transaction"])
        #expect(context.shortened)
        // Every line fits the label column: about 8 px a character, right-aligned before the bars.
        for row in context.rows {
            for line in row.labelLines { #expect(line.text.count * 8 <= context.labelX) }
            #expect(row.segments.allSatisfy { $0.x >= context.labelX + 8 })
        }
        // The rows are tall enough for two lines, which do not overlap the next row.
        #expect(context.rows[1].labelLines[0].y - context.rows[0].labelLines[1].y >= Chart.lineHeight)
        #expect(context.height >= 2 * (Chart.rowHeight + Chart.lineHeight))
    }

    @Test func chartSingleDataPoint() {
        let context = Chart(id: "c", title: "T", rows: [Chart.Row(label: "Only", segments: [.init(value: 7, style: "high")])],
                            columns: ["Severity", "Gaps"]).context()
        #expect(context.rows.count == 1)
        #expect(context.rows[0].value == "7")
        #expect(context.rows[0].segments.map(\.width) == [Chart.width - Chart.minimumLabelWidth - Chart.valueWidth])
        #expect(!context.axis.logScale && context.axis.title == "Gaps")
        #expect(context.description == "Only: 7")
    }

    @Test func chartAllZeros() {
        let context = Chart(id: "c", title: "T", rows: ["a", "b", "c"].map { Chart.Row(label: $0, segments: [.init(value: 0, style: "low")]) },
                            columns: ["Level", "Agents"]).context()
        #expect(context.rows.allSatisfy { $0.segments.isEmpty && $0.value == "0" })
        #expect(context.rows.allSatisfy { $0.valueX == context.labelX + 8 + 6 })
        #expect(!context.axis.logScale)
        #expect(context.height > 0)
    }

    /// 1 … 1,000,000: a log scale, said so in the axis label and the description, ticks at the
    /// powers of ten, and every bar visible and longer than the one before.
    @Test func chartSpanningSixOrdersOfMagnitude() {
        let values = [1, 10, 100, 1000, 10_000, 100_000, 1_000_000]
        let chart = Chart(id: "c", title: "T", rows: values.map { Chart.Row(label: "v\($0)", segments: [.init(value: $0, style: "allowed")]) },
                          columns: ["Action", "Events"], axisLabel: "Events")
        #expect(chart.usesLogScale)
        let context = chart.context()
        #expect(context.axis.logScale && context.axis.title == "Events (log scale)")
        #expect(context.description.hasSuffix("Bar lengths on a log scale."))
        #expect(context.axis.ticks.map(\.label) == ["1", "10", "100", "1k", "10k", "100k", "1M"])
        let widths = context.rows.map { $0.segments.map(\.width).reduce(0, +) }
        #expect(widths.allSatisfy { $0 >= 10 })
        #expect(zip(widths, widths.dropFirst()).allSatisfy { $0 < $1 })
        #expect(widths.last == context.axis.x2 - context.axis.x)
        #expect(context.rows.map(\.value).last == "1,000,000")
        // On a linear scale the smallest bars would be under a pixel wide: that is why.
        #expect(Double(values[2]) / Double(values[6]) * Double(context.axis.x2 - context.axis.x) < 1)
        // Two orders of magnitude are the threshold; zeros do not count.
        #expect(!Chart(id: "c", title: "T", rows: [99, 1, 0].map { Chart.Row(label: "x", segments: [.init(value: $0, style: "a")]) }).usesLogScale)
        #expect(Chart(id: "c", title: "T", rows: [100, 1, 0].map { Chart.Row(label: "x", segments: [.init(value: $0, style: "a")]) }).usesLogScale)
    }

    /// Identifiers break only after `_`, `.` and `/`.
    @Test func identifierParts() {
        #expect(IdentifierParts.of("can_send_external_messages") == ["can_", "send_", "external_", "messages"])
        #expect(IdentifierParts.of("compliance.log_retention_days") == ["compliance.", "log_", "retention_", "days"])
        #expect(IdentifierParts.of("plain") == ["plain"])
        #expect(IdentifierParts.of("") == [""])
        #expect(IdentifierParts.of("ends_") == ["ends_"])
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
