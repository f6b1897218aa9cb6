import Foundation
import Testing

/// `dossier init` and `dossier verify` end to end.
struct InitVerifyCommandTests {
    func temporaryFolder() -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("dossier-\(UUID().uuidString)")
    }

    @Test func initWritesARepositoryThatPassesCheckAndBuilds() throws {
        let folder = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let repo = folder.appendingPathComponent("governance")
        let result = try DossierRunner.run(["init", repo.path])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stdout.isEmpty)
        for path in ["dossier.yaml", "agents/example-agent.yaml", ".gitignore", "README.md", "docs/incident-response.md"] {
            #expect(FileManager.default.fileExists(atPath: repo.appendingPathComponent(path).path), "\(path)")
        }
        let agent = try String(contentsOf: repo.appendingPathComponent("agents/example-agent.yaml"), encoding: .utf8)
        #expect(agent.contains("\n#") || agent.contains("  # "), "commented")
        let check = try DossierRunner.run(["check", repo.path])
        #expect(check.exitCode == 0, "\(check.stdout)\n\(check.stderr)")
        #expect(check.stderr.isEmpty, "no warnings: \(check.stderr)")
        let site = folder.appendingPathComponent("site")
        let build = try DossierRunner.run(["build", repo.path, "--out", site.path])
        #expect(build.exitCode == 0, "\(build.stderr)")
    }

    @Test func initNeverOverwrites() throws {
        let repo = temporaryFolder()
        defer { try? FileManager.default.removeItem(at: repo) }
        try FileManager.default.createDirectory(at: repo.appendingPathComponent("agents"), withIntermediateDirectories: true)
        let mine = repo.appendingPathComponent("agents/example-agent.yaml")
        try Data("name: mine\n".utf8).write(to: mine)
        let result = try DossierRunner.run(["init", repo.path])
        #expect(result.exitCode == 74)
        #expect(result.stderr.contains("agents/example-agent.yaml: already exists; not overwritten"), "\(result.stderr)")
        #expect(try String(contentsOf: mine, encoding: .utf8) == "name: mine\n")
        #expect(!FileManager.default.fileExists(atPath: repo.appendingPathComponent("dossier.yaml").path), "nothing written")
    }

    /// A fresh build of examples/acme.
    func builtSite() throws -> URL {
        let site = temporaryFolder()
        let result = try DossierRunner.run(["build", CheckCommandTests.acme.path, "--out", site.path])
        #expect(result.exitCode == 0, "\(result.stderr)")
        return site
    }

    @Test func verifyPassesOnABuiltSite() throws {
        let site = try builtSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let result = try DossierRunner.run(["verify", site.path])
        #expect(result.exitCode == 0, "\(result.stdout)\(result.stderr)")
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.contains("site matches its manifest"))
        let withInputs = try DossierRunner.run(["verify", site.path, "--repository", CheckCommandTests.acme.path])
        #expect(withInputs.exitCode == 0, "\(withInputs.stdout)\(withInputs.stderr)")
    }

    @Test(arguments: ["change", "delete", "add"])
    func verifyNamesEveryDifference(_ tamper: String) throws {
        let site = try builtSite()
        defer { try? FileManager.default.removeItem(at: site) }
        let page = site.appendingPathComponent("agents/financial-advisor.html")
        switch tamper {
        case "change":
            var bytes = [UInt8](try Data(contentsOf: page))
            bytes[bytes.count / 2] ^= 0x01
            try Data(bytes).write(to: page)
        case "delete":
            try FileManager.default.removeItem(at: page)
        default:
            try Data("<p>extra</p>".utf8).write(to: site.appendingPathComponent("agents/extra.html"))
        }
        let result = try DossierRunner.run(["verify", site.path])
        #expect(result.exitCode == 1)
        let expected = ["change": "changed: agents/financial-advisor.html", "delete": "missing: agents/financial-advisor.html",
                        "add": "extra: agents/extra.html"][tamper]!
        #expect(result.stdout == expected + "\n", "\(result.stdout)")
    }

    @Test func verifyRefusesABrokenManifestAndAMissingSite() throws {
        let site = try builtSite()
        defer { try? FileManager.default.removeItem(at: site) }
        try Data(#"{"schema": "something/else"}"#.utf8).write(to: site.appendingPathComponent("manifest.json"))
        #expect(try DossierRunner.run(["verify", site.path]).exitCode == 65)
        #expect(try DossierRunner.run(["verify", site.appendingPathComponent("nope").path]).exitCode == 74)
    }
}
