import Foundation
import Testing

/// `dossier build` over a site it built before: unchanged agent pages are hard-linked
/// from the old site, and the result is byte for byte what a build from scratch writes.
struct IncrementalBuildTests {
    static let acme = BuildCommandTests.acme
    static let agents = ["customer-support", "financial-advisor", "knowledge-base-qa"]

    /// A copy of examples/acme to change.
    func repository() throws -> URL {
        let copy = SiteFiles.temporaryFolder("incremental-repo")
        try FileManager.default.copyItem(at: Self.acme, to: copy)
        return copy
    }

    func build(_ repo: URL, out: URL, _ extra: [String] = []) throws {
        let result = try DossierRunner.run(["build", repo.path, "--out", out.path] + extra)
        #expect(result.exitCode == 0, "\(result.stderr)")
    }

    func inode(_ url: URL) -> UInt64? {
        (try? FileManager.default.attributesOfItem(atPath: url.path))?[.systemFileNumber] as? UInt64
    }

    func inodes(_ site: URL) -> [String: UInt64] {
        var result: [String: UInt64] = [:]
        for id in Self.agents { result[id] = inode(site.appendingPathComponent("agents/\(id).html")) }
        return result
    }

    func edit(_ file: URL, _ change: (String) -> String) throws {
        try change(String(contentsOf: file, encoding: .utf8)).write(to: file, atomically: true, encoding: .utf8)
    }

    /// Builds `repo` into a site, applies `change`, builds again over it and from scratch,
    /// and checks both are the same bytes; returns the agent pages' inodes before and after.
    func rebuild(_ extra: [String] = [], change: (URL) throws -> Void) throws -> (before: [String: UInt64], after: [String: UInt64]) {
        let repo = try repository()
        let site = SiteFiles.temporaryFolder("incremental-site")
        let fresh = SiteFiles.temporaryFolder("incremental-fresh")
        defer {
            for folder in [repo, site, fresh] { try? FileManager.default.removeItem(at: folder) }
        }
        try build(repo, out: site, extra)
        let before = inodes(site)
        try change(repo)
        try build(repo, out: site, extra)
        try build(repo, out: fresh, extra)
        let incremental = try SiteFiles.read(site)
        let full = try SiteFiles.read(fresh)
        #expect(incremental.keys.sorted() == full.keys.sorted())
        for (path, data) in full where incremental[path] != data {
            Issue.record("\(path) differs between the incremental and the full build")
        }
        let verify = try DossierRunner.run(["verify", site.path])
        #expect(verify.exitCode == 0, "\(verify.stdout)\(verify.stderr)")
        return (before, inodes(site))
    }

    @Test func nothingChangedLinksEveryAgentPage() throws {
        let (before, after) = try rebuild { _ in }
        for id in Self.agents {
            #expect(before[id] != nil && before[id] == after[id], "\(id).html is not linked from the previous site")
        }
    }

    @Test func oneAgentChangedRendersOnlyThatPage() throws {
        let (before, after) = try rebuild { repo in
            try edit(repo.appendingPathComponent("agents/customer-support.yaml")) {
                $0.replacingOccurrences(of: "name: Customer Support Agent", with: "name: Customer Care Agent")
            }
        }
        #expect(before["customer-support"] != after["customer-support"])
        #expect(before["financial-advisor"] == after["financial-advisor"])
        #expect(before["knowledge-base-qa"] == after["knowledge-base-qa"])
    }

    @Test func agentAdded() throws {
        _ = try rebuild { repo in
            try FileManager.default.copyItem(at: repo.appendingPathComponent("agents/customer-support.yaml"),
                                             to: repo.appendingPathComponent("agents/customer-support-eu.yaml"))
        }
    }

    @Test func agentRemoved() throws {
        _ = try rebuild { repo in
            try FileManager.default.removeItem(at: repo.appendingPathComponent("agents/knowledge-base-qa.yaml"))
            try FileManager.default.removeItem(at: repo.appendingPathComponent("audit/knowledge-base-qa.json"))
        }
    }

    @Test func configChanged() throws {
        let (before, after) = try rebuild { repo in
            try edit(repo.appendingPathComponent("dossier.yaml")) {
                $0.replacingOccurrences(of: "organization: Acme Corp", with: "organization: Acme Group")
            }
        }
        for id in Self.agents { #expect(before[id] != after[id], "\(id).html was reused after dossier.yaml changed") }
    }

    @Test func templateOverrideChanged() throws {
        let templates = SiteFiles.temporaryFolder("incremental-templates")
        defer { try? FileManager.default.removeItem(at: templates) }
        try FileManager.default.createDirectory(at: templates.appendingPathComponent("partials"), withIntermediateDirectories: true)
        let foot = try String(contentsOf: BuildCommandTests.packageRoot.appendingPathComponent("templates/partials/foot.mustache"), encoding: .utf8)
        let override = templates.appendingPathComponent("partials/foot.mustache")
        try foot.write(to: override, atomically: true, encoding: .utf8)
        let (before, after) = try rebuild(["--templates", templates.path]) { _ in
            try foot.replacingOccurrences(of: "</footer>", with: "<p>Internal use only.</p></footer>")
                .write(to: override, atomically: true, encoding: .utf8)
        }
        for id in Self.agents { #expect(before[id] != after[id], "\(id).html was reused after a template changed") }
    }

    @Test func tamperedPageIsNotReused() throws {
        let repo = try repository()
        let site = SiteFiles.temporaryFolder("incremental-tampered")
        let fresh = SiteFiles.temporaryFolder("incremental-tampered-fresh")
        defer {
            for folder in [repo, site, fresh] { try? FileManager.default.removeItem(at: folder) }
        }
        try build(repo, out: site)
        let page = site.appendingPathComponent("agents/financial-advisor.html")
        // Same size, other bytes, edited in place (the stored key stays with the file).
        let handle = try FileHandle(forUpdating: page)
        try handle.seek(toOffset: 100)
        try handle.write(contentsOf: Data("X".utf8))
        try handle.close()
        let tampered = inode(page)
        try build(repo, out: site)
        try build(repo, out: fresh)
        #expect(inode(site.appendingPathComponent("agents/financial-advisor.html")) != tampered)
        #expect(try SiteFiles.read(site) == SiteFiles.read(fresh))
        #expect(inode(site.appendingPathComponent("agents/customer-support.html")) != nil)
    }

    @Test func siteOfAnotherGeneratorIsRebuilt() throws {
        let repo = try repository()
        let site = SiteFiles.temporaryFolder("incremental-generator")
        defer {
            for folder in [repo, site] { try? FileManager.default.removeItem(at: folder) }
        }
        try build(repo, out: site)
        let before = inodes(site)
        let manifest = site.appendingPathComponent("manifest.json")
        try edit(manifest) { $0.replacingOccurrences(of: "\"generator\": \"dossier ", with: "\"generator\": \"dossier 0.") }
        try build(repo, out: site)
        let after = inodes(site)
        for id in Self.agents { #expect(before[id] != after[id], "\(id).html was reused from another generator's site") }
    }
}
