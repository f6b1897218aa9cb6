@testable import DossierSupport
@testable import DossierModel
@testable import DossierAudit
@testable import DossierLoad
@testable import DossierScore
@testable import DossierCompare
@testable import DossierRender
@testable import DossierSite
@testable import DossierCore
import Testing

struct JSONDocumentParserTests {
    func parse(_ text: String) throws -> DocumentNode? {
        try JSONDocumentParser.parse(Array(text.utf8)).get()
    }

    func failure(_ text: String) -> DocumentParser.Failure? {
        if case let .failure(f) = JSONDocumentParser.parse(Array(text.utf8)) { return f }
        return nil
    }

    func scalar(_ node: DocumentNode?) -> ScalarNode? {
        if case let .scalar(s)? = node { return s }
        return nil
    }

    @Test func surrogatePairsAsPythonWritesThem() throws {
        let root = try parse(#"{"name": "agent \ud83e\udd16 \u5ba2\u670d", "e": "\n\t\"\\\/"}"#)
        guard case let .map(map)? = root else { Issue.record("not a map"); return }
        #expect(scalar(map.entries[0].value)?.text == "agent 🤖 客服")
        #expect(scalar(map.entries[1].value)?.text == "\n\t\"\\/")
    }

    @Test func marksCountScalars() throws {
        let root = try parse("{\n  \"é\": {\"level\": \"severe\"},\n\t\"n\": -1.5e3\n}")
        guard case let .map(map)? = root, case let .map(inner) = map.entries[0].value else { Issue.record("shape"); return }
        #expect((map.line, map.column) == (1, 1))
        #expect((map.entries[0].key.line, map.entries[0].key.column) == (2, 3))
        #expect((inner.entries[0].value.line, inner.entries[0].value.column) == (2, 18))
        #expect(scalar(map.entries[1].value)?.text == "-1.5e3")
        #expect(scalar(map.entries[1].value)?.style == .plain)
        #expect((map.entries[1].value.line, map.entries[1].value.column) == (3, 7))
    }

    @Test func literalsAndEmptyContainers() throws {
        let root = try parse(#"[true, false, null, 0, {}, [], ""]"#)
        guard case let .list(list)? = root else { Issue.record("shape"); return }
        #expect(list.items.count == 7)
        #expect(list.items[2].isNull)
        #expect(!list.items[6].isNull, "an empty JSON string is a string, not null")
        #expect(try parse("  \n") == nil)
    }

    @Test(arguments: [
        ("{\"a\": 1,}", 1, 9), ("[1 2]", 1, 4), ("{a: 1}", 1, 2), ("{\"a\" 1}", 1, 6), ("01", 1, 2), ("[1] x", 1, 5),
        ("\"\\ud83e\"", 1, 8), ("\"a\nb\"", 1, 3), ("{\"a\": tru}", 1, 7), ("// c\n{}", 1, 1), ("[1.]", 1, 4), ("\"\\x\"", 1, 4),
    ])
    func syntaxErrorsHaveLocations(_ text: String, _ line: Int, _ column: Int) {
        let f = failure(text)
        #expect(f != nil, "\(text) parsed")
        #expect(f?.line == line && f?.column == column, "\(text): \(f.map { "\($0.line):\($0.column) \($0.message)" } ?? "")")
    }

    @Test func deepNestingIsAnError() {
        let f = failure(String(repeating: "[", count: 10_000) + String(repeating: "]", count: 10_000))
        #expect(f?.message == "nesting is deeper than 1000 levels")
        #expect(failure(String(repeating: "[", count: 999) + String(repeating: "]", count: 999)) == nil)
    }
}
