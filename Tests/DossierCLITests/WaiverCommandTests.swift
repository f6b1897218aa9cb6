import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// waivers.yaml end to end: a waived gap in every output (text, JUnit, SARIF, the site) and in the manifest.
/// The scoring rules and validation errors are in the fixture cases (`cases/waiver-*`, `invalid/waiver-*`).
struct WaiverCommandTests {
    static let justification = "Shell access approved for the data migration window."

    /// `cases/waiver-report-fields.txtar` materialized: one agent whose only gap is waived until 2026-12-31 (its waiver on line 2).
    func repository() throws -> URL {
        let url = DossierRunner.fixtures.appendingPathComponent("cases/waiver-report-fields.txtar")
        return try TxtarArchive(parsing: String(contentsOf: url, encoding: .utf8)).materialize()
    }

    @Test func textShowsTheWaiverAndPassesTheGate() throws {
        let repo = try repository()
        defer { try? FileManager.default.removeItem(at: repo) }
        let result = try DossierRunner.run(["check", repo.path, "--fail-on", "low"])
        #expect(result.exitCode == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.contains("tool-outside-allowlist [shell] (waived)"))
        #expect(result.stdout.contains("waived until 2026-12-31 (approved by ciso@example.com on 2026-06-01, waivers.yaml:2): \(Self.justification)"))
        #expect(result.stdout.contains("· 1 waived"))
        #expect(result.stdout.contains("check passed"))
    }

    @Test func junitSkipsAWaivedGapWithItsJustificationAndExpiry() throws {
        let repo = try repository()
        defer { try? FileManager.default.removeItem(at: repo) }
        let result = try DossierRunner.run(["check", repo.path, "--format", "junit", "--fail-on", "low"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let root = try #require(try XMLDocument(data: Data(result.stdout.utf8)).rootElement())
        #expect(root.attribute(forName: "failures")?.stringValue == "0")
        let testCase = try #require(root.elements(forName: "testsuite").first?.elements(forName: "testcase")
            .first { $0.attribute(forName: "name")?.stringValue == "tool-outside-allowlist:shell" })
        #expect(testCase.elements(forName: "failure").isEmpty)
        let skipped = try #require(testCase.elements(forName: "skipped").first)
        #expect(skipped.attribute(forName: "message")?.stringValue == "waived: \(Self.justification) (expires 2026-12-31)")
    }

    @Test func sarifSuppressesAWaivedGapWithItsJustification() throws {
        let repo = try repository()
        defer { try? FileManager.default.removeItem(at: repo) }
        let result = try DossierRunner.run(["check", repo.path, "--format", "sarif"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let log = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let results = try #require((log["runs"] as? [[String: Any]])?.first?["results"] as? [[String: Any]])
        #expect(results.count == 1)
        let suppression = try #require((results.first?["suppressions"] as? [[String: Any]])?.first)
        #expect(suppression["kind"] as? String == "external")
        #expect(suppression["status"] as? String == "accepted")
        #expect(suppression["justification"] as? String == Self.justification)
        let properties = suppression["properties"] as? [String: Any]
        #expect(properties?["expires"] as? String == "2026-12-31")
        #expect(properties?["source"] as? String == "waivers.yaml:2")
    }

    @Test func theSiteShowsWaivedGapsAndHashesWaiversYAML() throws {
        let repo = try repository()
        defer { try? FileManager.default.removeItem(at: repo) }
        let out = SiteFiles.temporaryFolder("waivers")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try DossierRunner.run(["build", repo.path, "--out", out.path])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let pages = try SiteFiles.pages(out)
        for page in ["gaps.html", "agents/a.html", "report.html"] {
            let html = try #require(pages[page], "\(page)")
            #expect(html.contains("<span class=\"badge waived\">Waived</span>"), "\(page)")
            #expect(html.contains("<strong>Waived until 2026-12-31</strong>, approved by ciso@example.com on 2026-06-01 "
                                  + "(<code>waivers.yaml:2</code>): \(Self.justification)"), "\(page)")
        }
        let markdown = try String(contentsOf: out.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(markdown.contains("*waived* until 2026-12-31"))
        let manifest = try String(contentsOf: out.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"path\": \"waivers.yaml\""))
    }

    @Test func anInvalidWaiverWritesNothing() throws {
        let url = DossierRunner.fixtures.appendingPathComponent("invalid/waiver-unknown-rule.txtar")
        let repo = try TxtarArchive(parsing: String(contentsOf: url, encoding: .utf8)).materialize()
        defer { try? FileManager.default.removeItem(at: repo) }
        let out = SiteFiles.temporaryFolder("waivers-invalid")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try DossierRunner.run(["build", repo.path, "--out", out.path])
        #expect(result.exitCode == 65)
        #expect(!FileManager.default.fileExists(atPath: out.path))
    }
}
