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

/// `dossier verify` (SiteVerifier) and `dossier init` (StarterRepository).
struct VerifyAndInitTests {
    // MARK: Support

    /// A fresh temporary folder, not created yet.
    static func temporaryFolder(_ name: String) -> URL {
        FileManager.default.temporaryDirectory.appendingPathComponent("dossier-verify-\(name)-\(UUID().uuidString)")
    }

    /// The starter repository written into `root/repo` and its site built into
    /// `root/site` by the real pipeline (loader, scorer, site builder, writer).
    struct BuiltSite {
        let root: URL
        var repository: URL { root.appendingPathComponent("repo") }
        var site: URL { root.appendingPathComponent("site") }

        init() throws {
            root = VerifyAndInitTests.temporaryFolder("site")
            _ = try StarterRepository.write(to: root.appendingPathComponent("repo"))
            var loader = RepositoryLoader(root: root.appendingPathComponent("repo"), rules: .standard, loadDocuments: true)
            loader.digestRawLogs = true
            let loaded = try #require(try loader.load().repository)
            let asOf = try #require(CalendarDate("2026-06-30"))
            let report = Scorer(asOf: asOf, release: loaded.config.release ?? "").score(loaded)
            let templates = try TemplateSet.defaults()
            _ = try SiteWriter(output: root.appendingPathComponent("site"))
                .write(release: report.release, asOf: asOf, inputs: loaded.inputs) { folder in
                    try SiteBuilder(report: report, repository: loaded, templates: templates).write(into: folder)
                }
        }

        func verify() throws -> Verification { try SiteVerifier(site: site).verify() }

        func file(_ path: String) -> URL { site.appendingPathComponent(path) }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    static let minimalManifest = #"""
    {"schema": "dossier.manifest/v1", "generator": "dossier 1.0.0", "release": "1", "as_of": "2026-01-01", "inputs": [], "outputs": []}
    """#

    /// A site folder holding only `manifest.json` with `text`.
    static func siteWithManifest(_ text: String) throws -> URL {
        let site = temporaryFolder("manifest")
        try FileManager.default.createDirectory(at: site, withIntermediateDirectories: true)
        try Data(text.utf8).write(to: site.appendingPathComponent("manifest.json"))
        return site
    }

    // MARK: verify

    @Test func freshSiteIsIntact() throws {
        let built = try BuiltSite()
        defer { built.remove() }
        let result = try built.verify()
        #expect(result.isIntact)
        #expect(result.changed.isEmpty && result.missing.isEmpty && result.extra.isEmpty)
        #expect(result.checked == result.manifest.outputs.count)
        #expect(result.checked > 20)
        #expect(result.manifest.release == "2026.1")
        #expect(result.manifest.asOf == CalendarDate("2026-06-30"))
        #expect(result.manifest.inputs.contains { $0.path == "agents/example-agent.yaml" })
    }

    @Test func oneChangedByteIsReported() throws {
        let built = try BuiltSite()
        defer { built.remove() }
        var page = try Data(contentsOf: built.file("index.html"))
        page[page.count / 2] ^= 0x01  // same size: only the hash can tell
        try page.write(to: built.file("index.html"))
        try Data("appended".utf8).write(to: built.file("agents/example-agent.html"))  // another size
        let result = try built.verify()
        #expect(result.changed == ["agents/example-agent.html", "index.html"])
        #expect(result.missing.isEmpty && result.extra.isEmpty)
        #expect(!result.isIntact)
    }

    @Test func deletedFilesAreMissing() throws {
        let built = try BuiltSite()
        defer { built.remove() }
        try FileManager.default.removeItem(at: built.file("gaps.html"))
        try FileManager.default.removeItem(at: built.file("docs"))
        let result = try built.verify()
        let docs = result.manifest.outputs.map(\.path).filter { $0.hasPrefix("docs/") }
        #expect(docs.count == 13)
        #expect(result.missing == docs + ["gaps.html"])
        #expect(result.changed.isEmpty && result.extra.isEmpty)
    }

    @Test func addedAndHiddenFilesAreExtra() throws {
        let built = try BuiltSite()
        defer { built.remove() }
        try Data("x".utf8).write(to: built.file("notes.txt"))
        try Data("x".utf8).write(to: built.file(".hidden"))
        try Data().write(to: built.file("agents/.DS_Store"))
        try FileManager.default.createDirectory(at: built.file("empty/folder"), withIntermediateDirectories: true)
        let result = try built.verify()
        #expect(result.extra == [".hidden", "agents/.DS_Store", "notes.txt"], "byte order; empty folders hold no file")
        #expect(result.changed.isEmpty && result.missing.isEmpty)
    }

    @Test func symbolicLinksAreReportedNotFollowed() throws {
        let built = try BuiltSite()
        defer { built.remove() }
        let outside = built.root.appendingPathComponent("outside")
        try FileManager.default.createDirectory(at: outside, withIntermediateDirectories: true)
        // A link to a byte-identical copy of the page is still not the page the build wrote.
        try FileManager.default.copyItem(at: built.file("index.html"), to: outside.appendingPathComponent("index.html"))
        try FileManager.default.removeItem(at: built.file("index.html"))
        try FileManager.default.createSymbolicLink(at: built.file("index.html"), withDestinationURL: outside.appendingPathComponent("index.html"))
        // A linked folder is one extra entry; what it points to is not walked.
        try FileManager.default.createSymbolicLink(at: built.file("more"), withDestinationURL: outside)
        try FileManager.default.createSymbolicLink(atPath: built.file("dangling").path, withDestinationPath: "nowhere")
        let result = try built.verify()
        #expect(result.changed == ["index.html"])
        #expect(result.extra == ["dangling", "more"])
        #expect(result.missing.isEmpty)
    }

    @Test func aLinkedFolderInPlaceOfASiteFolderHidesItsFiles() throws {
        let built = try BuiltSite()
        defer { built.remove() }
        let elsewhere = built.root.appendingPathComponent("articles-copy")
        try FileManager.default.moveItem(at: built.file("articles"), to: elsewhere)
        try FileManager.default.createSymbolicLink(at: built.file("articles"), withDestinationURL: elsewhere)
        let result = try built.verify()
        // Every article page: the seven checks' and the obligations', in byte order (art-10 … art-15, art-17, …, art-9).
        let pages = (9...15).map { "articles/art-\($0).html" } + ObligationCatalog.ids.map { "articles/\($0).html" }
        #expect(result.missing == pages.sorted(by: ByteOrder.less))
        #expect(result.missing.first == "articles/art-10.html" && result.missing.last == "articles/art-9.html")
        #expect(result.extra == ["articles"])
    }

    @Test func largeFilesAreHashedInBlocks() throws {
        let site = Self.temporaryFolder("large")
        defer { try? FileManager.default.removeItem(at: site) }
        try FileManager.default.createDirectory(at: site.appendingPathComponent("data"), withIntermediateDirectories: true)
        let large = Data((0..<(3 << 20) + 17).map { UInt8(truncatingIfNeeded: $0 &* 31) })
        try large.write(to: site.appendingPathComponent("data/large.bin"))
        let outputs = [FileDigest(path: "data/large.bin", sha256: Digest.sha256(large), bytes: large.count)]
        let manifest = Manifest.render(release: "1", asOf: try #require(CalendarDate("2026-01-01")), inputs: [], outputs: outputs)
        try Data(manifest.utf8).write(to: site.appendingPathComponent("manifest.json"))
        #expect(try SiteVerifier(site: site).verify().isIntact)

        var changed = large
        changed[(2 << 20) + 5] ^= 0x80  // in the third block
        try changed.write(to: site.appendingPathComponent("data/large.bin"))
        #expect(try SiteVerifier(site: site).verify().changed == ["data/large.bin"])
    }

    @Test func aSiteWithOnlyAManifestListingNothingIsIntact() throws {
        let site = try Self.siteWithManifest(Self.minimalManifest)
        defer { try? FileManager.default.removeItem(at: site) }
        let result = try SiteVerifier(site: site).verify()
        #expect(result.isIntact)
        #expect(result.checked == 0)
    }

    /// Each broken manifest, and the key path its diagnostic names.
    @Test(arguments: [
        ("not json", ""),
        ("[]", ""),
        (#"{"schema": "dossier.report/v1", "outputs": []}"#, "schema"),
        (#"{"generator": "x"}"#, "schema"),
        (#"{"schema": "dossier.manifest/v1", "generator": "g", "release": "1", "as_of": "2026-01-01", "inputs": []}"#, "outputs"),
        (#"{"schema": "dossier.manifest/v1", "generator": "g", "release": "1", "as_of": "2026-02-30", "inputs": [], "outputs": []}"#, "as_of"),
        (#"{"schema": "dossier.manifest/v1", "generator": "g", "release": 1, "as_of": "2026-01-01", "inputs": [], "outputs": []}"#, "release"),
        (#"{"schema": "dossier.manifest/v1", "generator": "g", "release": "1", "as_of": "2026-01-01", "inputs": [], "outputs": {}}"#, "outputs"),
        (#"{"schema": "dossier.manifest/v1", "generator": "g", "release": "1", "as_of": "2026-01-01", "inputs": [], "outputs": [{"path": "a", "sha256": "XYZ", "bytes": 1}]}"#, "outputs[0].sha256"),
        (#"{"schema": "dossier.manifest/v1", "generator": "g", "release": "1", "as_of": "2026-01-01", "inputs": [], "outputs": [{"path": "a", "sha256": "\#(String(repeating: "A", count: 64))", "bytes": 1}]}"#, "outputs[0].sha256"),
        (#"{"schema": "dossier.manifest/v1", "generator": "g", "release": "1", "as_of": "2026-01-01", "inputs": [], "outputs": [{"path": "a", "sha256": "\#(String(repeating: "0", count: 64))", "bytes": -1}]}"#, "outputs[0].bytes"),
        (#"{"schema": "dossier.manifest/v1", "generator": "g", "release": "1", "as_of": "2026-01-01", "inputs": [], "outputs": [{"path": "a", "sha256": "\#(String(repeating: "0", count: 64))", "bytes": 1.5}]}"#, "outputs[0].bytes"),
        (#"{"schema": "dossier.manifest/v1", "generator": "g", "release": "1", "as_of": "2026-01-01", "inputs": [], "outputs": [{"path": "a", "sha256": "\#(String(repeating: "0", count: 64))"}]}"#, "outputs[0].bytes"),
        (#"{"schema": "dossier.manifest/v1", "generator": "g", "release": "1", "as_of": "2026-01-01", "inputs": [{"path": "../etc/passwd", "sha256": "\#(String(repeating: "0", count: 64))", "bytes": 1}], "outputs": []}"#, "inputs[0].path"),
        (#"{"schema": "dossier.manifest/v1", "generator": "g", "release": "1", "as_of": "2026-01-01", "inputs": [], "outputs": [{"path": "/etc/passwd", "sha256": "\#(String(repeating: "0", count: 64))", "bytes": 1}]}"#, "outputs[0].path"),
        (#"{"schema": "dossier.manifest/v1", "generator": "g", "release": "1", "as_of": "2026-01-01", "inputs": [], "outputs": [{"path": "a", "sha256": "\#(String(repeating: "0", count: 64))", "bytes": 1}, {"path": "a", "sha256": "\#(String(repeating: "0", count: 64))", "bytes": 1}]}"#, "outputs[1].path"),
        (#"{"schema": "dossier.manifest/v1", "generator": "g", "release": "1", "as_of": "2026-01-01", "inputs": [], "outputs": [{"path": "manifest.json", "sha256": "\#(String(repeating: "0", count: 64))", "bytes": 1}]}"#, "outputs"),
        (#"{"schema": "dossier.manifest/v1", "schema": "dossier.manifest/v1", "generator": "g", "release": "1", "as_of": "2026-01-01", "inputs": [], "outputs": []}"#, "schema"),
    ])
    func invalidManifestsAreRefused(manifest: String, keyPath: String) throws {
        let site = try Self.siteWithManifest(manifest)
        defer { try? FileManager.default.removeItem(at: site) }
        do {
            _ = try SiteVerifier(site: site).verify()
            Issue.record("accepted: \(manifest)")
        } catch {
            guard case let .invalidManifest(diagnostics) = error else {
                Issue.record("expected an invalid manifest, got \(error)")
                return
            }
            #expect(diagnostics.contains { $0.keyPath == keyPath }, "\(diagnostics)")
            #expect(diagnostics.allSatisfy { $0.location.file.hasSuffix("/manifest.json") })
        }
    }

    @Test func problemsAreReportedAtTheirLineAllAtOnce() throws {
        let manifest = """
        {"schema": "dossier.manifest/v1", "generator": "g", "release": "1", "as_of": "2026-01-01", "inputs": [],
         "outputs": [
          {"path": "a", "sha256": "00", "bytes": 1},
          {"path": "b", "sha256": "\(String(repeating: "0", count: 64))", "bytes": "1"}
         ]}
        """
        let site = try Self.siteWithManifest(manifest)
        defer { try? FileManager.default.removeItem(at: site) }
        #expect {
            try SiteVerifier(site: site).verify()
        } throws: { error in
            guard case let .invalidManifest(diagnostics) = error as? VerificationError else { return false }
            return diagnostics.map(\.keyPath) == ["outputs[0].sha256", "outputs[1].bytes"]
                && diagnostics.map(\.location.line) == [3, 4]
        }
    }

    @Test func aFolderWithoutManifestIsNotASite() throws {
        let folder = Self.temporaryFolder("nomanifest")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        #expect {
            try SiteVerifier(site: folder).verify()
        } throws: { error in
            guard case .invalidManifest = error as? VerificationError else { return false }
            return true
        }
    }

    @Test func aMissingSiteIsAnInputOutputError() throws {
        let folder = Self.temporaryFolder("absent")
        #expect {
            try SiteVerifier(site: folder).verify()
        } throws: { error in
            guard case let .unreadable(io) = error as? VerificationError else { return false }
            return io.path == folder.path && io.reason == "no such site folder"
        }
    }

    @Test func inputsAreCheckedAgainstTheRepository() throws {
        let built = try BuiltSite()
        defer { built.remove() }
        let verifier = SiteVerifier(site: built.site)
        let intact = try verifier.verifyInputs(repository: built.repository)
        #expect(intact.isIntact)
        #expect(intact.checked == 16, "dossier.yaml, incidents.yaml, the agent and thirteen docs pages")

        let repo = built.repository
        try Data("name: Changed\n".utf8).write(to: repo.appendingPathComponent("agents/example-agent.yaml"))
        try FileManager.default.removeItem(at: repo.appendingPathComponent("docs/stakeholders.md"))
        try Data("name: New\n".utf8).write(to: repo.appendingPathComponent("agents/new-agent.yaml"))
        try FileManager.default.createDirectory(at: repo.appendingPathComponent("audit"), withIntermediateDirectories: true)
        try Data("{}".utf8).write(to: repo.appendingPathComponent("audit/new-agent.json"))
        try Data("# Notes\n".utf8).write(to: repo.appendingPathComponent("README.md"))  // not an input
        try Data("x".utf8).write(to: repo.appendingPathComponent("docs/.draft.md"))      // hidden: never read
        let result = try verifier.verifyInputs(repository: repo)
        #expect(result.changed == ["agents/example-agent.yaml"])
        #expect(result.missing == ["docs/stakeholders.md"])
        #expect(result.extra == ["agents/new-agent.yaml", "audit/new-agent.json"])
    }

    // MARK: init

    @Test func starterWritesEveryFileIntoANewFolder() throws {
        let root = Self.temporaryFolder("init")
        defer { try? FileManager.default.removeItem(at: root) }
        let folder = root.appendingPathComponent("a/new/governance")
        let written = try StarterRepository.write(to: folder)
        #expect(written == StarterRepository.files.map(\.path))
        #expect(written == written.sorted(by: ByteOrder.less))
        for file in StarterRepository.files {
            #expect(try String(contentsOf: folder.appendingPathComponent(file.path), encoding: .utf8) == file.contents)
        }
        for path in ["dossier.yaml", "agents/example-agent.yaml", "docs/incident-response.md", ".gitignore", "README.md"] {
            #expect(written.contains(path))
        }
    }

    @Test func starterLoadsCleanAndIsDeployable() throws {
        let root = Self.temporaryFolder("init")
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try StarterRepository.write(to: root)
        let result = try RepositoryLoader(root: root, rules: .standard, loadDocuments: true).load()
        #expect(result.diagnostics.isEmpty, "\(result.diagnostics.map(\.description))")
        let repository = try #require(result.repository)
        #expect(repository.agents.map(\.id) == ["example-agent"])
        #expect(repository.config.asOf == nil, "as_of is left to SOURCE_DATE_EPOCH or today")
        #expect(repository.documents.count == 13)

        // Within a year of the risk assessment: nothing at all to fix.
        let report = Scorer(asOf: try #require(CalendarDate("2026-06-30")), release: "2026.1").score(repository)
        let agent = try #require(report.agents.first)
        #expect(agent.gaps.isEmpty, "\(agent.gaps.map(\.message))")
        #expect(agent.fullyCompliant)
        #expect(agent.deployable)
        #expect(agent.checklist.count == 19)
        #expect(agent.checklist.allSatisfy { $0.status != .open })
    }

    /// `as_of` defaults to today, so the starter must pass `check --fail-on high` whatever the date it is
    /// written and checked on (its organization attestations are dated the day of `dossier init`).
    @Test(arguments: ["2025-06-01", "2026-01-15", "2027-01-15", "2027-01-16", "2031-12-31"])
    func starterPassesTheDefaultGateOnAnyDate(date: String) throws {
        let root = Self.temporaryFolder("init")
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try StarterRepository.write(to: root, today: try #require(CalendarDate(date)))
        let repository = try #require(try RepositoryLoader(root: root, rules: .standard).load().repository)
        let asOf = try EvaluationDate.resolve(configured: repository.config.asOf, environment: [:],
                                              now: Self.seconds(try #require(CalendarDate(date))))
        let report = Scorer(asOf: asOf, release: "2026.1").score(repository)
        #expect(report.openGaps(atLeast: .high).isEmpty)
        #expect(report.agents.allSatisfy { $0.deployable })
        #expect(report.agents.allSatisfy { $0.fullyCompliant })
        // Only an out-of-date assessment and attestations may show, as medium findings asking for new ones
        // (an obligation whose agent attestation is out of date is open, medium for a limited-risk agent);
        // an obligation about to apply is a low reminder.
        let gaps = report.agents.flatMap(\.gaps)
        #expect(Set(gaps.map(\.rule)).isSubset(of: ["stale-risk-assessment", "attestation-stale", "obligation-open", "obligation-upcoming"]))
        #expect(gaps.allSatisfy { !$0.severity.isAtLeast(.high) })
        #expect(report.agents.allSatisfy { $0.obligations.first { $0.id == "art-5" }?.status == .met }, "art-5 is met by the organization")
    }

    @Test func starterEvidenceExistsAndFilesAreCommented() throws {
        let root = Self.temporaryFolder("init")
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try StarterRepository.write(to: root)
        let repository = try #require(try RepositoryLoader(root: root, rules: .standard).load().repository)
        let attested = repository.agents.flatMap { $0.attestations.values.flatMap { $0.evidence.map(\.ref) } }
        #expect(repository.agents.allSatisfy { agent in Attestation.articleKeys.allSatisfy { agent.attestations[$0] != nil } }, "every article is attested")
        #expect(repository.config.attestations.keys.sorted() == ["art-4", "art-5"], "the obligations met once for the organization")
        let evidence = repository.agents.flatMap { $0.checklist.values.compactMap(\.evidence) } + attested
        #expect(!evidence.isEmpty)
        for path in evidence {
            #expect(!EvidencePath.isURL(path) && EvidencePath.exists(path, in: root), "\(path)")
        }
        let files = Dictionary(uniqueKeysWithValues: StarterRepository.files.map { ($0.path, $0.contents) })
        for path in ["dossier.yaml", "agents/example-agent.yaml"] {
            let comments = files[path, default: ""].split(separator: "\n").filter { $0.trimmingCharacters(in: .whitespaces).hasPrefix("#") }
            #expect(comments.count >= 8, "\(path) explains itself")
        }
        let agent = files["agents/example-agent.yaml", default: ""]
        for article in 9...15 { #expect(agent.contains("# Art. \(article) "), "Art. \(article) is explained") }
        #expect(files["dossier.yaml", default: ""].contains("# as_of: "))
        #expect(files["README.md", default: ""].contains("dossier check"))
        #expect(files["README.md", default: ""].contains("actions/checkout"))
        #expect(files[".gitignore", default: ""].contains("site/"))
    }

    @Test func starterNeverOverwrites() throws {
        let root = Self.temporaryFolder("init")
        defer { try? FileManager.default.removeItem(at: root) }
        _ = try StarterRepository.write(to: root)
        let edited = root.appendingPathComponent("dossier.yaml")
        try Data("organization: Mine\nrelease: \"7\"\n".utf8).write(to: edited)
        #expect {
            try StarterRepository.write(to: root)
        } throws: { error in
            let error = error as? InputOutputError
            return error?.path == root.appendingPathComponent(".gitignore").path && error?.reason == "already exists; not overwritten"
        }
        #expect(try String(contentsOf: edited, encoding: .utf8) == "organization: Mine\nrelease: \"7\"\n")
    }

    @Test func oneExistingFileMeansNothingIsWritten() throws {
        let root = Self.temporaryFolder("init")
        defer { try? FileManager.default.removeItem(at: root) }
        let existing = root.appendingPathComponent("docs/incident-response.md")
        try FileManager.default.createDirectory(at: existing.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("# Our plan\n".utf8).write(to: existing)
        #expect {
            try StarterRepository.write(to: root)
        } throws: { error in
            (error as? InputOutputError)?.path == existing.path
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: root.path) == ["docs"])
        #expect(try FileManager.default.contentsOfDirectory(atPath: existing.deletingLastPathComponent().path) == ["incident-response.md"])
        #expect(try String(contentsOf: existing, encoding: .utf8) == "# Our plan\n")
    }

    @Test func aDanglingLinkCountsAsExisting() throws {
        let root = Self.temporaryFolder("init")
        defer { try? FileManager.default.removeItem(at: root) }
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        let target = Self.temporaryFolder("target")
        try FileManager.default.createSymbolicLink(atPath: root.appendingPathComponent("README.md").path, withDestinationPath: target.path)
        #expect(throws: InputOutputError.self) { try StarterRepository.write(to: root) }
        #expect(!FileManager.default.fileExists(atPath: target.path), "nothing written through the link")
    }

    static func seconds(_ date: CalendarDate) -> Int64 {
        var components = DateComponents()
        components.year = date.year
        components.month = date.month
        components.day = date.day
        components.hour = 12
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = TimeZone(identifier: "UTC") ?? calendar.timeZone
        return Int64(calendar.date(from: components)?.timeIntervalSince1970 ?? 0)
    }
}
