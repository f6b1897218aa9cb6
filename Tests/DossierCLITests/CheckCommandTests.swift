import Foundation
import Testing

/// `dossier check` end to end: exit codes, streams, formats and determinism.
struct CheckCommandTests {
    static let acme = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("examples/acme")

    func repository(_ files: [String: String]) throws -> URL {
        var text = ""
        for (path, content) in files.sorted(by: { $0.key < $1.key }) { text += "-- \(path) --\n\(content)\n" }
        return try TxtarArchive(parsing: text).materialize()
    }

    @Test func acmeSummaryAsJSON() throws {
        let result = try DossierRunner.run(["check", Self.acme.path, "--format", "json", "--fail-on", "none"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let summary = try #require(json["summary"] as? [String: Any])
        #expect(summary["agents"] as? Int == 3)
        #expect(json["organization"] as? String == "Acme Corp")
        #expect(result.stderr.isEmpty, "no warnings on the example: \(result.stderr)")
    }

    @Test func acmeFailsTheDefaultGate() throws {
        let result = try DossierRunner.run(["check", Self.acme.path])
        #expect(result.exitCode == 1)
        #expect(result.stdout.contains("check failed:"))
        #expect(!result.stdout.contains("\u{1B}["), "no colors when stdout is not a terminal")
    }

    @Test(arguments: [("critical", Int32(1)), ("high", 1), ("medium", 1), ("low", 1), ("none", 0)])
    func failOnLevels(_ level: String, _ expected: Int32) throws {
        let repo = try repository(["dossier.yaml": "organization: X\nrelease: \"1\"\nas_of: 2026-11-24",
                                   "agents/a.yaml": "name: A\nowner: o@example.com\nrisk: {level: critical}"])
        defer { try? FileManager.default.removeItem(at: repo) }
        let result = try DossierRunner.run(["check", repo.path, "--fail-on", level])
        #expect(result.exitCode == expected)
    }

    @Test func onlyLowGapsPassTheDefaultGate() throws {
        let repo = try repository(["dossier.yaml": "organization: X\nrelease: \"1\"\nas_of: 2026-11-24",
                                   "agents/a.yaml": "name: A\nrisk: {level: low}"])
        defer { try? FileManager.default.removeItem(at: repo) }
        #expect(try DossierRunner.run(["check", repo.path]).exitCode == 0)
        #expect(try DossierRunner.run(["check", repo.path, "--fail-on", "low"]).exitCode == 1)
        #expect(try DossierRunner.run(["check", repo.path, "--fail-on", "medium"]).exitCode == 1, "owner-missing is medium")
    }

    @Test func usageErrors() throws {
        for arguments in [["check", Self.acme.path, "--format", "xml"], ["check", Self.acme.path, "--format", "yaml"],
                          ["check", Self.acme.path, "--fail-on", "severe"], ["check", "--bogus"], ["nonsense"]] {
            let result = try DossierRunner.run(arguments)
            #expect(result.exitCode == 64, "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        let xml = try DossierRunner.run(["check", Self.acme.path, "--format", "xml"])
        #expect(xml.stderr.contains("'text', 'json', 'junit', 'sarif' or 'prometheus'"), "\(xml.stderr)")
    }

    @Test func missingRepositoryIsAnIOError() throws {
        let result = try DossierRunner.run(["check", "/nonexistent/governance"])
        #expect(result.exitCode == 74)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("/nonexistent/governance"))
    }

    @Test func repositoryDefaultsToTheCurrentFolder() throws {
        let result = try DossierRunner.run(["check", "--fail-on", "none"], in: Self.acme)
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("Acme Corp"))
    }

    @Test func releaseOverride() throws {
        let repo = try repository(["dossier.yaml": "organization: X", "agents/a.yaml": "name: A\nrisk: {level: low}"])
        defer { try? FileManager.default.removeItem(at: repo) }
        #expect(try DossierRunner.run(["check", repo.path, "--fail-on", "none"]).exitCode == 65)
        let result = try DossierRunner.run(["check", repo.path, "--release", "v4.2.0", "--format", "json", "--fail-on", "none"])
        #expect(result.exitCode == 0)
        #expect(result.stdout.contains("\"release\": \"v4.2.0\""))
    }

    @Test func sourceDateEpochSetsTheDefaultAsOf() throws {
        let repo = try repository(["dossier.yaml": "organization: X\nrelease: \"1\"", "agents/a.yaml": "name: A\nrisk: {level: low}"])
        defer { try? FileManager.default.removeItem(at: repo) }
        let result = try DossierRunner.run(["check", repo.path, "--format", "json"],
                                           environment: ["SOURCE_DATE_EPOCH": "1782862200", "TZ": "Pacific/Kiritimati"])
        #expect(result.stdout.contains("\"as_of\": \"2026-06-30\""))
        let bad = try DossierRunner.run(["check", repo.path], environment: ["SOURCE_DATE_EPOCH": "soon"])
        #expect(bad.exitCode == 64)
        #expect(bad.stderr.contains("SOURCE_DATE_EPOCH"))
    }

    @Test func sameBytesWhateverTimeZoneLocaleOrFileOrder() throws {
        // The commit pinned: the example in place sits inside this repository's .git, its copy does not.
        let base = try DossierRunner.run(["check", Self.acme.path, "--format", "json", "--fail-on", "none",
                                          "--commit", BuildCommandTests.exampleCommit],
                                         environment: ["TZ": "UTC", "LANG": "C"])
        // The same repository written in reverse order, under another time zone and locale.
        let copy = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-copy-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: copy) }
        let files = try FileManager.default.subpathsOfDirectory(atPath: Self.acme.path).sorted().reversed()
        for path in files {
            let source = Self.acme.appendingPathComponent(path)
            var isDirectory: ObjCBool = false
            FileManager.default.fileExists(atPath: source.path, isDirectory: &isDirectory)
            let target = copy.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: isDirectory.boolValue ? target : target.deletingLastPathComponent(),
                                                    withIntermediateDirectories: true)
            if !isDirectory.boolValue { try FileManager.default.copyItem(at: source, to: target) }
        }
        let other = try DossierRunner.run(["check", copy.path, "--format", "json", "--fail-on", "none",
                                           "--commit", BuildCommandTests.exampleCommit],
                                          environment: ["TZ": "Pacific/Kiritimati", "LANG": "tr_TR.UTF-8", "LC_ALL": "tr_TR.UTF-8"])
        #expect(base.exitCode == 0)
        #expect(base.stdout == other.stdout)
    }

    @Test func invalidInputPrintsNothingOnStdout() throws {
        let repo = try repository(["dossier.yaml": "organization: X\nrelease: \"1\"", "agents/a.yaml": "name: A\nrisk: {level: severe}"])
        defer { try? FileManager.default.removeItem(at: repo) }
        for format in ["text", "json"] {
            let result = try DossierRunner.run(["check", repo.path, "--format", format])
            #expect(result.exitCode == 65)
            #expect(result.stdout.isEmpty)
            #expect(result.stderrLines.first == "agents/a.yaml:2:15: risk.level: expected one of low, medium, high, critical, found 'severe'")
        }
    }
}
