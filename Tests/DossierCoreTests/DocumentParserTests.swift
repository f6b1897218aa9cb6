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

struct DocumentParserTests {
    func parse(_ text: String) throws -> DocumentNode? {
        try DocumentParser.parse(Array(text.utf8)).get()
    }

    func failure(_ text: String) -> DocumentParser.Failure? {
        if case let .failure(failure) = DocumentParser.parse(Array(text.utf8)) { return failure }
        return nil
    }

    @Test func marksAreOneBasedAndPointAtKeysAndValues() throws {
        let root = try #require(try parse("id: agent-7\n\nrisk:\n  level: high\n"))
        guard case let .map(map) = root else { Issue.record("not a map"); return }
        #expect(map.entries[0].key.line == 1 && map.entries[0].key.column == 1)
        #expect(map.entries[0].value.line == 1 && map.entries[0].value.column == 5)
        #expect(map.entries[1].key.line == 3)
        // A nested block map starts at its first key.
        #expect(map.entries[1].value.line == 4 && map.entries[1].value.column == 3)
    }

    @Test func jsonMarks() throws {
        let root = try #require(try parse("{\n  \"risk\": {\"level\": \"severe\"}\n}"))
        guard case let .map(map) = root, case let .map(risk) = map.entries[0].value else { Issue.record("shape"); return }
        #expect(risk.entries[0].value.line == 2)
        #expect(risk.entries[0].value.column == 21)
    }

    @Test func scalarStyles() throws {
        let root = try #require(try parse("a: true\nb: \"true\"\nc: |\n  text\nd: !!str 12\ne: ~\n"))
        guard case let .map(map) = root else { return }
        let styles = map.entries.map { entry -> ScalarNode.Style? in
            if case let .scalar(s) = entry.value { return s.style }
            return nil
        }
        #expect(styles == [.plain, .quoted, .quoted, .quoted, .plain])
        #expect(map.entries[4].value.isNull)
    }

    @Test func emptyStreamIsNil() throws {
        #expect(try parse("") == nil)
        #expect(try parse("# only a comment\n") == nil)
    }

    @Test func duplicateKeysAreKeptForTheReader() throws {
        let root = try #require(try parse("a: 1\nb: 2\na: 3\n"))
        guard case let .map(map) = root else { return }
        #expect(map.entries.map(\.key.text) == ["a", "b", "a"])
    }

    @Test func secondDocumentIsAnError() {
        let f = failure("a: 1\n---\nb: 2\n")
        #expect(f?.line == 2)
        #expect(f?.message.contains("single document") == true)
    }

    @Test func syntaxErrorHasALocation() {
        let f = failure("a: [1, 2\nb: 3\n")
        #expect(f != nil)
        #expect(f?.message.hasPrefix("syntax error") == true)
    }

    @Test func complexKeysAreRejected() {
        let f = failure("? [a, b]\n: 1\n")
        #expect(f?.message.contains("key must be a plain string") == true)
    }

    @Test func benignAliasesExpand() throws {
        let root = try #require(try parse("a: &x [1, 2]\nb: *x\n"))
        guard case let .map(map) = root, case let .list(list) = map.entries[1].value else { Issue.record("shape"); return }
        #expect(list.items.count == 2)
    }

    @Test func aliasBombIsRefusedQuickly() {
        var lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        for i in 1..<10 {
            let previous = String(UnicodeScalar(UInt8(97 + i - 1)))
            let current = String(UnicodeScalar(UInt8(97 + i)))
            lines.append("\(current): &\(current) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]")
        }
        let f = failure(lines.joined(separator: "\n"))
        #expect(f?.message.contains("expands to more than") == true)
    }

    @Test(arguments: ["flow lists", "flow maps", "block lists", "block maps"])
    func deepNestingIsAnErrorNotACrash(_ shape: String) {
        let depth = shape == "block maps" ? 2_000 : 10_000
        let text = switch shape {
        case "flow lists": "name: " + String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        case "flow maps": "name: " + String(repeating: "{a: ", count: depth) + "1" + String(repeating: "}", count: depth)
        case "block lists": String(repeating: "- ", count: depth) + "x"
        default: (0..<depth).map { String(repeating: " ", count: $0) + "k:" }.joined(separator: "\n") + " x"
        }
        let f = failure(text)
        #expect(f?.message.contains("nesting is deeper than") == true, "\(f?.message ?? "parsed")")
    }

    @Test func nestingWithinTheLimitParses() throws {
        let text = String(repeating: "[", count: 900) + String(repeating: "]", count: 900)
        #expect(try parse(text) != nil)
    }

    @Test func unsupportedTagIsAnError() {
        #expect(failure("a: !!binary aGVsbG8=\n")?.message.contains("unsupported tag") == true)
    }
}
