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

/// The fuzzing inputs replayed in the ordinary test run: the seed corpus
/// (`Fuzz/corpus/<target>/`) and every input that once crashed, hung or exhausted
/// memory (`Fuzz/regressions/<target>/`), through the code each libFuzzer target
/// drives. A crash fails the whole run; the checks below fail the test.
struct FuzzCorpusTests {
    static let fuzz = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("Fuzz")

    static func inputs(_ target: String) -> [String] {
        ["corpus", "regressions"].flatMap { folder -> [String] in
            let url = fuzz.appendingPathComponent(folder).appendingPathComponent(target)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: url.path)) ?? []
            return names.filter { !$0.hasPrefix(".") }.sorted().map { "\(folder)/\(target)/\($0)" }
        }
    }

    static func bytes(_ input: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: fuzz.appendingPathComponent(input)))
    }

    @Test func everyTargetHasInputs() {
        for target in ["FuzzAgentYAML", "FuzzAgentJSON", "FuzzEventLine", "FuzzMarkdown"] {
            #expect(Self.inputs(target).count >= 3, "\(target)")
        }
    }

    @Test(arguments: inputs("FuzzAgentYAML").map { ($0, RecordReader.Format.yaml) } + inputs("FuzzAgentJSON").map { ($0, .json) })
    func agentFile(_ input: String, _ format: RecordReader.Format) throws {
        let log = DiagnosticLog()
        let reader = RecordReader(file: "agents/a.\(format == .json ? "json" : "yaml")", format: format, log: log)
        let start = Date()
        if case let .some(.some(document)) = RepositoryLoader.parse(try Self.bytes(input), reader: reader) {
            _ = AgentReader(reader: reader, id: "a").read(document)
        }
        #expect(Date().timeIntervalSince(start) < 10, "\(input) took too long")
        // A file either reads or says why, at a line.
        let errors = log.all.filter { $0.severity == .error }
        for diagnostic in errors { #expect(diagnostic.location.line != nil, "\(diagnostic)") }
        // Each regression is past a limit or invalid.
        if input.hasPrefix("regressions/") { #expect(!errors.isEmpty, "\(input) was accepted") }
    }

    @Test(arguments: inputs("FuzzEventLine"))
    func eventLine(_ input: String) throws {
        let bytes = try Self.bytes(input)
        var scanner = EventScanner()
        bytes.withUnsafeBufferPointer { buffer in
            let start = buffer.baseAddress!
            for end in [buffer.count, buffer.count / 2] {
                let kind = scanner.scan(start, start + end)
                if kind == .event {
                    #expect(scanner.event.agent != nil && scanner.event.action != nil && scanner.event.timestamp != nil)
                }
                // Each regression line is malformed.
                if end == buffer.count, input.hasPrefix("regressions/") { #expect(kind != .event, "\(input) was an event") }
            }
        }
    }

    @Test(arguments: inputs("FuzzMarkdown"))
    func markdown(_ input: String) throws {
        let source = String(decoding: try Self.bytes(input), as: UTF8.self)
        let policy = LinkPolicy(docs: ["docs/index.md"], agentFiles: ["agents/bot.yaml": "bot"])
        let html = HTMLSafety.neutralizeSchemes(
            Markdown.render(source) { policy.decide($0, writtenIn: "docs/page.md", shownOn: "docs/page.html") }.html)
        let lowered = html.lowercased()
        for needle in ["<script", "javascript:", "vbscript:", "data:text/html", "<iframe", "<object", "<embed", "<svg", "<img"] {
            #expect(!lowered.contains(needle), "\(input): output contains \(needle)")
        }
    }
}
