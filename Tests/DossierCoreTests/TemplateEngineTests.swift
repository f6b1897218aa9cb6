@testable import DossierSupport
@testable import DossierModel
@testable import DossierLoad
@testable import DossierScore
@testable import DossierRender
@testable import DossierSite
import Foundation
import Testing

/// The compiled template engine against swift-mustache: both must render every
/// template the compiled engine accepts to the same bytes, and a template it does
/// not accept must leave the whole set to swift-mustache.
struct TemplateEngineTests {
    /// A context whose names are a dictionary's keys.
    struct Object: TemplateObject {
        let values: [String: any TemplateRepresentable]

        init(_ values: [String: any TemplateRepresentable]) { self.values = values }

        func value(named name: String) -> (any TemplateRepresentable)? { values[name] }
    }

    static var context: Object { Object([
        "yes": true, "no": false, "name": "Ada <admin> & \"co\" 'x'", "count": 7, "empty": "",
        "items": ["one", "two", "three"], "none": [String](),
        "people": [Object(["name": "Grace", "role": "lead"]), Object(["name": "Linus"])],
        "nested": Object(["inner": Object(["deep": "found"]), "name": "nested-name"]),
        "lists": [["a", "b"], ["c"]],
        "html": "<b>bold</b>",
    ]) }

    /// Templates (the first is rendered, the others are partials) that exercise standalone lines,
    /// indentation, escaping and lookups.
    static let cases: [(String, [String: String])] = [
        ("standalone section lines", ["main": "a\n{{#yes}}\nb\n{{/yes}}\nc\n"]),
        ("indented standalone section", ["main": "a\n  {{#yes}}\n  b\n  {{/yes}}\nc"]),
        ("inverted, false, missing and empty", ["main": "{{^no}}n{{/no}}{{^missing}}m{{/missing}}{{^none}}e{{/none}}{{^items}}x{{/items}}{{#none}}y{{/none}}|"]),
        ("indented partials, nested", ["main": "x\n  {{> p}}\ny\n", "p": "1\n{{> q}}\n2\n", "q": "  i\nj\n"]),
        ("inline partial", ["main": "a {{> p}} b\n", "p": "P\nQ"]),
        ("missing partial", ["main": "a\n  {{> nothing}}\nb"]),
        ("partial with a section", ["main": "list:\n  {{> p}}\nend\n", "p": "{{#items}}\n- {{.}}\n{{/items}}\n"]),
        ("CRLF lines", ["main": "a\r\n{{#yes}}\r\nb\r\n{{/yes}}\r\n{{! note }}\r\nc\r\n"]),
        ("comments", ["main": "  {{! standalone }}\nkeep {{! inline }} text\n  {{! pending }} after\n{{!\nmulti\nline\n}}\nend"]),
        ("content types", ["main": "{{name}}{{% CONTENT_TYPE: TEXT}}{{name}}{{> p}}{{name}}\n{{% CONTENT_TYPE: HTML }}{{name}}", "p": "[{{name}}]"]),
        ("unescaped", ["main": "{{{html}}}{{& html}}{{html}}"]),
        ("dotted and anchored names", ["main": "{{nested.inner.deep}}|{{nested.missing.deep}}|{{#nested}}{{.name}}{{name}}{{inner.deep}}{{/nested}}|{{#people}}{{.role}}{{/people}}"]),
        ("lookup up the stack", ["main": "{{#people}}{{name}}:{{role}}:{{count}};{{/people}}"]),
        ("current item", ["main": "{{#items}}<{{.}}>{{/items}}{{#lists}}[{{#.}}{{.}}{{/.}}]{{/lists}}{{#name}}{{.}}{{/name}}"]),
        ("booleans, numbers, empty text", ["main": "{{yes}} {{no}} {{count}} [{{empty}}] {{#empty}}entered{{/empty}} {{#count}}{{.}}{{/count}}"]),
        ("objects and lists as text", ["main": "[{{nested}}][{{{nested}}}][{{items}}][{{people}}]"]),
        ("close tag then a tag on the same line", ["main": "{{#yes}}\nx\n{{/yes}}{{#yes}}\ny\n{{/yes}}\nz\n"]),
        ("spaces and tabs in tags", ["main": "{{ name }}{{\tcount\t}}{{# yes }}s{{/ yes }}{{>  p }}", "p": "p"]),
        ("text edges", ["main": "no newline at the end {{count}}"]),
        ("empty template", ["main": ""]),
        ("lone carriage return and braces", ["main": "a\rb { c } {d}} }}\n{ {{count}}"]),
        ("unicode", ["main": "Ünïcödé — {{name}} ✓\n  {{#yes}}\n  ✓\n  {{/yes}}\n"]),
        ("standalone at the end of input", ["main": "a\n{{#yes}}\nb\n  {{/yes}}"]),
        ("standalone line ending with spaces", ["main": "a\n  {{#yes}}  \nb\n  {{/yes}}\t\nc"]),
        ("section on a line with text", ["main": "a {{#yes}}\nb\n{{/yes}} c\n"]),
        ("partial on a line of its own inside an indented partial", ["main": "  {{> p}}\n", "p": "a\n  {{> q}}\nb\n", "q": "x\ny\n"]),
    ]

    static func set(_ templates: [String: String]) throws -> TemplateSet {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-engine-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        for (name, text) in templates {
            let url = folder.appendingPathComponent("\(name).mustache")
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }
        let (set, diagnostics) = try TemplateSet.load(overriding: folder)
        #expect(diagnostics.isEmpty, "\(diagnostics)")
        return try #require(set)
    }

    @Test(arguments: cases.map(\.0))
    func bothEnginesRenderTheSameBytes(name: String) throws {
        let templates = try #require(Self.cases.first { $0.0 == name }?.1)
        let set = try Self.set(templates)
        #expect(set.isCompiled, "the compiled engine reads every template of \(name)")
        let compiled = try set.render("main", Self.context)
        let reference = try set.renderWithMustache("main", Self.context)
        #expect(compiled == reference, "\(name): compiled \(compiled.debugDescription), swift-mustache \(reference.debugDescription)")
    }

    /// Random templates over the pieces where engines tend to differ (line ends, indentation,
    /// standalone tags, partials, sections over every kind of value): the same bytes.
    @Test func randomTemplatesRenderTheSameInBothEngines() throws {
        var generator = SplitMix(seed: 2026)
        let texts = ["a", "b c", " ", "  ", "\t", "\n", "\n", "\r\n", "<&>", "é", "}", "{ x"]
        let leaves = ["{{name}}", "{{{html}}}", "{{& html}}", "{{count}}", "{{yes}}", "{{.}}", "{{! note }}", "{{> p}}",
                      "{{nested.inner.deep}}", "{{missing}}", "{{% CONTENT_TYPE: TEXT}}", "{{% CONTENT_TYPE: HTML}}"]
        let sections = ["yes", "no", "items", "none", "people", "nested", "name", "empty", "missing", "lists"]
        // The partial must not include itself: swift-mustache would recurse without end.
        func template(depth: Int, partials: Bool = true) -> String {
            var out = ""
            for _ in 0..<Int.random(in: 1...8, using: &generator) {
                switch Int.random(in: 0..<10, using: &generator) {
                case 0..<4: out += texts.randomElement(using: &generator)!
                case 4..<7:
                    let leaf = leaves.randomElement(using: &generator)!
                    if partials || leaf != "{{> p}}" { out += leaf }
                default:
                    guard depth < 3 else { continue }
                    let name = sections.randomElement(using: &generator)!
                    let sigil = Bool.random(using: &generator) ? "#" : "^"
                    let lineBreak = Bool.random(using: &generator) ? "\n" : ""
                    let indent = Bool.random(using: &generator) ? "  " : ""
                    out += "\(indent){{\(sigil)\(name)}}\(lineBreak)" + template(depth: depth + 1, partials: partials) + "\(lineBreak)\(indent){{/\(name)}}\(lineBreak)"
                }
            }
            return out
        }
        var compared = 0
        for _ in 0..<250 {
            let templates = ["main": template(depth: 0), "p": template(depth: 2, partials: false)]
            let set = try Self.set(templates)
            guard set.isCompiled else { continue }
            compared += 1
            let compiled = try set.render("main", Self.context)
            let reference = try set.renderWithMustache("main", Self.context)
            #expect(compiled == reference, "\(templates.debugDescription)")
        }
        #expect(compared > 200, "most random templates are within the compiled engine (\(compared) of 250)")
    }

    /// What the compiled engine does not know goes to swift-mustache, for the whole set.
    @Test(arguments: [
        ("transform", "{{count(items)}}|{{#items}}{{.}}{{^last()}}, {{/last()}}{{/items}}", "3|one, two, three"),
        ("set delimiters", "{{=<% %>=}}<% name %>", "Ada &lt;admin&gt; &amp; &quot;co&quot; &#39;x&#39;"),
        // swift-mustache's own reading: a newline right after `{{` ends a line of text.
        ("newline inside a tag", "{{#yes}}{{\nname}}{{/yes}}", "\nname}}"),
    ])
    func unsupportedFeaturesFallBackToSwiftMustache(name: String, template: String, expected: String) throws {
        let set = try Self.set(["main": template])
        #expect(!set.isCompiled, "\(name) is left to swift-mustache")
        #expect(try set.render("main", Self.context) == expected)
    }

    @Test func defaultTemplatesAreCompiled() throws {
        #expect(try TemplateSet.defaults().isCompiled)
    }

    /// A template that does not parse is reported as before, by swift-mustache, with its line and column.
    @Test func templatesThatDoNotParseAreReported() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-engine-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("line\n  {{#open}}never closed".utf8).write(to: folder.appendingPathComponent("main.mustache"))
        let (set, diagnostics) = try TemplateSet.load(overriding: folder)
        #expect(set == nil)
        #expect(diagnostics.map(\.description).contains { $0.contains("main.mustache:2:") && $0.contains("expectedSectionEnd") })
    }

    /// A partial that includes itself stops at a fixed depth instead of exhausting the stack.
    @Test func recursivePartialsStop() throws {
        let set = try Self.set(["main": "[{{> main}}]"])
        let text = try set.render("main", Self.context)
        #expect(text.hasPrefix("[[[") && text.hasSuffix("]]]"))
        #expect(text.count == 2 * (TemplateRenderer.maximumDepth + 1))
    }

    /// Every page of examples/acme, rendered by both engines: the same files, byte for byte.
    @Test func exampleSiteIsTheSameWithBothEngines() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var loader = RepositoryLoader(root: root.appendingPathComponent("examples/acme"), rules: .standard, loadDocuments: true)
        loader.digestRawLogs = true
        let repository = try #require(try loader.load().repository)
        let report = Scorer(asOf: try #require(CalendarDate("2026-09-30")), release: "2026.09").score(repository)
        let templates = try TemplateSet.defaults()
        var outputs: [[FileDigest]] = []
        for set in [templates, templates.withoutCompiledEngine] {
            let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-engine-site-\(UUID().uuidString)")
            defer { try? FileManager.default.removeItem(at: folder) }
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            outputs.append(try SiteBuilder(report: report, repository: repository, templates: set).write(into: folder))
        }
        #expect(outputs[0].count > 20)
        #expect(outputs[0].map(\.path) == outputs[1].map(\.path))
        for (compiled, reference) in zip(outputs[0], outputs[1]) {
            #expect(compiled.sha256 == reference.sha256, "\(compiled.path) differs between the engines")
        }
    }
}

