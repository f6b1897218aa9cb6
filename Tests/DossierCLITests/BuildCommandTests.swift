import Foundation
import Testing

/// `dossier build` end to end: the example site, exit codes, atomicity, determinism and safety.
struct BuildCommandTests {
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    static let acme = packageRoot.appendingPathComponent("examples/acme")
    /// The commit `make site` pins for the example (the Makefile's EXAMPLE).
    static let exampleCommit = "9f2c1e4a7b3d5f60182736455463728190a1b2c3"

    func build(_ repo: URL, out: URL, _ extra: [String] = [], environment: [String: String] = [:]) throws -> DossierRunner.Result {
        try DossierRunner.run(["build", repo.path, "--out", out.path] + extra, environment: environment)
    }

    func repository(_ files: [String: String]) throws -> URL {
        var text = ""
        for (path, content) in files.sorted(by: { $0.key < $1.key }) { text += "-- \(path) --\n\(content)\n" }
        return try TxtarArchive(parsing: text).materialize()
    }

    /// The committed example site is exactly what the current code builds (`make site` updates it).
    @Test func committedSiteIsCurrent() throws {
        let out = SiteFiles.temporaryFolder("acme")
        defer { try? FileManager.default.removeItem(at: out) }
        let history = Self.packageRoot.appendingPathComponent("examples/acme-history")
        // As `make site` builds it.
        let result = try build(Self.acme, out: out, ["--compare-to", history.appendingPathComponent("2026.08.json").path,
                                                     "--history", history.path, "--commit", Self.exampleCommit])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let built = try SiteFiles.read(out)
        let committed = try SiteFiles.read(Self.packageRoot.appendingPathComponent("site"))
        #expect(built.keys.sorted() == committed.keys.sorted(), "run `make site` and commit site/")
        for (path, data) in built where committed[path] != data {
            Issue.record("site/\(path) differs from a fresh build: run `make site` and commit site/")
        }
    }

    @Test func sitePagesAndReportJSON() throws {
        let out = SiteFiles.temporaryFolder("pages")
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(try build(Self.acme, out: out).exitCode == 0)
        let files = try SiteFiles.read(out)
        for page in ["index.html", "gaps.html", "checklist.html", "report.html", "report.md", "report.json", "manifest.json",
                     "style.css", "documents.html", "agents/financial-advisor.html", "docs/incident-response.html"]
            + (9...15).map({ "articles/art-\($0).html" }) {
            #expect(files[page] != nil, "missing \(page)")
        }
        // Executed and blocked apart: the blocked attempt above the limit is the limit holding.
        let advisor = String(decoding: files["agents/financial-advisor.html"]!, as: UTF8.self)
        #expect(advisor.contains("25,000.00 <span class=\"limit-held\">above the 1,000.00 limit — blocked by policy</span>"))
        #expect(advisor.contains("1,250.00 <span class=\"over-limit\">above the 1,000.00 limit</span>"))
        #expect(advisor.contains("<span class=\"attestation attestation-stale\">Stale</span>"))
        #expect(advisor.contains("Confirmed by sre@acme.example, 2026-10-01"), "who confirmed a checklist item, and when")
        let index = String(decoding: files["index.html"]!, as: UTF8.self)
        #expect(index.contains("6/7 declared · 3/7 evidenced"))
        // With no --commit, the example's commit is this repository's HEAD (or none in an export): a
        // template with {commit} links sources only when there is one.
        let linked = advisor.contains("Source <a href=\"https://git.acme.example/acme/governance/blob/")
        let report = try #require(try JSONSerialization.jsonObject(with: files["report.json"]!) as? [String: Any])
        #expect(linked == !(report["commit"] is NSNull))
        // report.html, the archive copy: sign-off, attestations and every input's SHA-256.
        let archive = String(decoding: files["report.html"]!, as: UTF8.self)
        let manifest = try #require(try JSONSerialization.jsonObject(with: files["manifest.json"]!) as? [String: Any])
        let inputs = try #require(manifest["inputs"] as? [[String: Any]])
        #expect(!inputs.isEmpty)
        for input in inputs {
            #expect(archive.contains("<code>\(input["path"]!)</code></th><td class=\"num\">"), "\(input["path"]!)")
            #expect(archive.contains("<code class=\"digest\">\(input["sha256"]!)</code>"))
        }
        #expect(archive.contains("<h2 id=\"sign-off\">Sign-off</h2>") && archive.contains("Chief Information Security Officer"))
        #expect(archive.contains("Art. 13: <span class=\"attestation-stale\">Stale</span>"))
        // Each Articles page says, per passing agent, who vouches for the article.
        let article9 = String(decoding: files["articles/art-9.html"]!, as: UTF8.self)
        #expect(article9.contains("financial-advisor</span> · <span class=\"attestation-evidenced\">Evidenced</span>: risk-office@acme.example, 2026-09-02"))
        let checklist = String(decoding: files["checklist.html"]!, as: UTF8.self)
        #expect(checklist.contains("href=\"agents/financial-advisor.html\""), "matrix rows link to the agent pages")
        let check = try DossierRunner.run(["check", Self.acme.path, "--format", "json", "--fail-on", "none"])
        #expect(files["report.json"] == Data(check.stdout.utf8), "report.json is the bytes of check --format json")
    }

    @Test func manifestListsEveryInputAndOutput() throws {
        let out = SiteFiles.temporaryFolder("manifest")
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(try build(Self.acme, out: out).exitCode == 0)
        let files = try SiteFiles.read(out)
        let manifest = try #require(try JSONSerialization.jsonObject(with: files["manifest.json"]!) as? [String: Any])
        #expect(manifest["schema"] as? String == "dossier.manifest/v1")
        #expect(manifest["release"] as? String == "2026.11")
        let outputs = try #require(manifest["outputs"] as? [[String: Any]])
        let listed = outputs.compactMap { $0["path"] as? String }
        #expect(listed == files.keys.filter { $0 != "manifest.json" }.sorted { $0.utf8.lexicographicallyPrecedes($1.utf8) })
        for entry in outputs {
            let path = entry["path"] as! String
            #expect(entry["bytes"] as? Int == files[path]?.count)
        }
        let inputs = try #require(manifest["inputs"] as? [[String: Any]]).compactMap { $0["path"] as? String }
        #expect(inputs.contains("dossier.yaml"))
        #expect(inputs.contains("agents/financial-advisor.yaml"))
        #expect(inputs.contains("audit/financial-advisor.json"))
        #expect(inputs.contains("docs/incident-response.md"))
    }

    @Test func outputOverTheRepositoryOrItsInputsIsRefused() throws {
        for out in [Self.acme, Self.acme.appendingPathComponent("docs/site"), Self.acme.appendingPathComponent("agents"),
                    URL(fileURLWithPath: "/")] {
            let result = try build(Self.acme, out: out)
            #expect(result.exitCode == 64, "\(out.path): \(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: Self.acme.appendingPathComponent("docs/site").path))
    }

    @Test func templateErrors() throws {
        let out = SiteFiles.temporaryFolder("templates")
        defer { try? FileManager.default.removeItem(at: out) }
        let missing = try build(Self.acme, out: out, ["--templates", "/nonexistent/templates"])
        #expect(missing.exitCode == 74)
        let folder = SiteFiles.temporaryFolder("bad-templates")
        defer { try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("<h1>{{#a}}\n{{/b}}\n".utf8).write(to: folder.appendingPathComponent("index.mustache"))
        let bad = try build(Self.acme, out: out, ["--templates", folder.path])
        #expect(bad.exitCode == 65)
        #expect(bad.stderr.contains("index.mustache:2:"), "\(bad.stderr)")
        #expect(!FileManager.default.fileExists(atPath: out.path), "nothing written")
    }

    @Test func templateOverrideByFileName() throws {
        let out = SiteFiles.temporaryFolder("override")
        let folder = SiteFiles.temporaryFolder("override-templates")
        defer { try? FileManager.default.removeItem(at: out); try? FileManager.default.removeItem(at: folder) }
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("partials"), withIntermediateDirectories: true)
        try Data("<footer>Custom footer for {{site.organization}}</footer></body></html>\n".utf8)
            .write(to: folder.appendingPathComponent("partials/foot.mustache"))
        try Data("body { color: black; }\n".utf8).write(to: folder.appendingPathComponent("style.css"))
        #expect(try build(Self.acme, out: out, ["--templates", folder.path]).exitCode == 0)
        let files = try SiteFiles.read(out)
        #expect(String(decoding: files["index.html"]!, as: UTF8.self).contains("Custom footer for Acme Corp"))
        #expect(files["style.css"] == Data("body { color: black; }\n".utf8))
        let manifest = String(decoding: files["manifest.json"]!, as: UTF8.self)
        #expect(manifest.contains("templates/partials/foot.mustache"))
    }

    @Test func failedBuildLeavesThePreviousSite() throws {
        let out = SiteFiles.temporaryFolder("atomic")
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(try build(Self.acme, out: out).exitCode == 0)
        try Data("stale".utf8).write(to: out.appendingPathComponent("stale.txt"))
        let before = try SiteFiles.read(out)

        let broken = try repository(["dossier.yaml": "organization: X\nrelease: \"1\"", "agents/a.yaml": "name: A\nrisk: {level: severe}"])
        defer { try? FileManager.default.removeItem(at: broken) }
        let failed = try build(broken, out: out)
        #expect(failed.exitCode == 65)
        #expect(try SiteFiles.read(out) == before, "a failed build leaves the old site byte for byte")

        let good = try repository(["dossier.yaml": "organization: X\nrelease: \"1\"\nas_of: 2026-01-01", "agents/a.yaml": "name: A\nrisk: {level: low}"])
        defer { try? FileManager.default.removeItem(at: good) }
        #expect(try build(good, out: out).exitCode == 0)
        let after = try SiteFiles.read(out)
        #expect(after["stale.txt"] == nil, "the site holds only what the build wrote")
        #expect(after["agents/a.html"] != nil)
        let siblings = try FileManager.default.contentsOfDirectory(atPath: out.deletingLastPathComponent().path)
        #expect(!siblings.contains { $0.hasPrefix(".\(out.lastPathComponent).dossier-tmp") }, "no temporary folder left")
    }

    @Test func sameBytesWhateverTheEnvironment() throws {
        let first = SiteFiles.temporaryFolder("det-a")
        let second = SiteFiles.temporaryFolder("det-b")
        defer { try? FileManager.default.removeItem(at: first); try? FileManager.default.removeItem(at: second) }
        #expect(try build(Self.acme, out: first, environment: ["TZ": "UTC", "LANG": "C"]).exitCode == 0)
        #expect(try build(Self.acme, out: second, environment: ["TZ": "Pacific/Kiritimati", "LANG": "tr_TR.UTF-8", "LC_ALL": "tr_TR.UTF-8"]).exitCode == 0)
        #expect(try SiteFiles.read(first) == SiteFiles.read(second))
    }

    static func tags(in html: String) -> [String] {
        var tags: [String] = []
        var rest = Substring(html)
        while let open = rest.firstIndex(of: "<") {
            guard let close = rest[open...].firstIndex(of: ">") else { break }
            tags.append(String(rest[open...close]))
            rest = rest[rest.index(after: close)...]
        }
        return tags
    }

    @Test func hostileInputCannotInjectMarkup() throws {
        let repo = try repository([
            "dossier.yaml": "organization: \"<script>alert(1)</script>\"\nrelease: \"\\\"><img src=x onerror=alert(1)>\"\nas_of: 2026-01-01",
            "agents/evil.yaml": """
            name: "<script>alert('name')</script> {{site.organization}}"
            owner: "\\"><script>alert(1)</script>@example.com"
            description: |
              <script>alert('desc')</script>
              [click](javascript:alert(1)) [vb](VBScript:msgbox(1)) [data](data:text/html;base64,PHNjcmlwdD4=)
              ![pixel](https://tracker.example/p.png) <img src=x onerror=alert(1)>
              [doc](../docs/page.md) [away](../../etc/passwd)
            allowed_tools: ["<b>tool</b>"]
            risk: {level: high, approval_threshold: "<style>body{}</style>"}
            checklist:
              rate_limiting: {done: true, evidence: "javascript:alert(1)"}
              output_filtering: {done: true, evidence: "https://ok.example/\\"onmouseover=\\"alert(1)"}
              gdpr_documented: {done: true, note: "</td><script>alert(1)</script>"}
            """,
            "audit/evil.json": #"{"agent": "evil", "events": 1, "allowed": 1, "blocked": 0, "actions": {"<svg onload=alert(1)>": {"total": 1, "blocked": 0}}, "tools": {"<b>x</b>": 1}}"#,
            "docs/page.md": "# Page <script>x</script>\n\n<iframe src=x></iframe>\n\n[agent](../agents/evil.yaml) [raw](<javascript:alert(1)>)\n",
        ])
        let out = SiteFiles.temporaryFolder("hostile")
        defer { try? FileManager.default.removeItem(at: repo); try? FileManager.default.removeItem(at: out) }
        let result = try build(repo, out: out)
        #expect(result.exitCode == 0, "\(result.stderr)")
        for (path, html) in try SiteFiles.pages(out) {
            let lowered = html.lowercased()
            #expect(!lowered.contains("<script"), "\(path) has a script element")
            #expect(!lowered.contains("javascript:") && !lowered.contains("vbscript:") && !lowered.contains("data:text/html"), "\(path) has an unsafe URL")
            // Every literal "<" starts a tag (text is escaped), so tags can be checked one by one.
            for tag in Self.tags(in: lowered) {
                #expect(tag.range(of: #"\son[a-z]+\s*="#, options: .regularExpression) == nil, "\(path): event handler in \(tag)")
                #expect(tag.range(of: #"\s(style|srcdoc)\s*="#, options: .regularExpression) == nil, "\(path): style attribute in \(tag)")
                #expect(!tag.hasPrefix("<iframe") && !tag.hasPrefix("<img") && !tag.hasPrefix("<object") && !tag.hasPrefix("<embed"), "\(path): \(tag)")
            }
            #expect(html.contains("Content-Security-Policy"), "\(path) has no CSP")
        }
        let agent = try #require(try SiteFiles.pages(out)["agents/evil.html"])
        #expect(agent.contains("{{site.organization}}"), "template syntax in input is shown literally")
        #expect(agent.contains("&lt;script&gt;alert(&#39;name&#39;)&lt;/script&gt;"))
        #expect(agent.contains("href=\"../docs/page.html\""), "docs links are rewritten to the built page")
        #expect(!agent.contains("etc/passwd\""), "links out of the repository lose their href")
        #expect(agent.contains("href=\"https://tracker.example/p.png\""), "an external image is shown as a link")
        let doc = try #require(try SiteFiles.pages(out)["docs/page.html"])
        #expect(doc.contains("href=\"../agents/evil.html\""), "links to agent files go to agent pages")
    }
}

/// The templates and the starter embedded in the binary are the ones in templates/ and starter/ (`make resources` updates them).
struct EmbeddedTemplatesTests {
    @Test func embeddedTemplatesAreCurrent() throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", BuildCommandTests.packageRoot.appendingPathComponent("scripts/embed-resources.py").path, "--check"]
        let error = Pipe()
        process.standardError = error
        try process.run()
        process.waitUntilExit()
        let message = String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        #expect(process.terminationStatus == 0, "\(message)")
    }
}

struct SiteEdgeTests {
    @Test func reportHTMLStandsAlone() throws {
        let out = SiteFiles.temporaryFolder("standalone")
        defer { try? FileManager.default.removeItem(at: out) }
        #expect(try DossierRunner.run(["build", BuildCommandTests.acme.path, "--out", out.path]).exitCode == 0)
        let html = try #require(try SiteFiles.pages(out)["report.html"])
        #expect(!html.contains("<link rel=\"stylesheet\""), "the stylesheet is inline")
        for tag in BuildCommandTests.tags(in: html) {
            guard let range = tag.range(of: #"(href|src)="[^"]*""#, options: .regularExpression) else { continue }
            let value = tag[range].split(separator: "\"", omittingEmptySubsequences: false)[1]
            #expect(value.hasPrefix("#") || value.hasPrefix("http://") || value.hasPrefix("https://") || value.hasPrefix("mailto:"),
                    "report.html links to another file: \(tag)")
        }
    }

    @Test func docsPageLinkedOutOfTheRepositoryIsNotPublished() throws {
        let secret = SiteFiles.temporaryFolder("secret").appendingPathExtension("md")
        try Data("# Secret\n\nsalaries\n".utf8).write(to: secret)
        let text = "-- dossier.yaml --\norganization: X\nrelease: \"1\"\n-- agents/a.yaml --\nname: A\nrisk: {level: low}\n-- docs/ok.md --\n# OK\n"
        let repo = try TxtarArchive(parsing: text).materialize()
        try FileManager.default.createSymbolicLink(atPath: repo.appendingPathComponent("docs/leak.md").path, withDestinationPath: secret.path)
        let out = SiteFiles.temporaryFolder("leak")
        defer { [secret, repo, out].forEach { try? FileManager.default.removeItem(at: $0) } }
        let result = try DossierRunner.run(["build", repo.path, "--out", out.path])
        #expect(result.exitCode == 0)
        #expect(result.stderr.contains("docs/leak.md: warning: links outside the repository"))
        let files = try SiteFiles.read(out)
        #expect(files["docs/leak.html"] == nil)
        #expect(files["docs/ok.html"] != nil)
        #expect(!files.values.contains { String(decoding: $0, as: UTF8.self).contains("salaries") })
    }
}

struct SiteOptionTests {
    func build(_ files: [String: String]) throws -> (URL, URL, DossierRunner.Result) {
        var text = ""
        for (path, content) in files.sorted(by: { $0.key < $1.key }) { text += "-- \(path) --\n\(content)\n" }
        let repo = try TxtarArchive(parsing: text).materialize()
        let out = SiteFiles.temporaryFolder("options")
        return (repo, out, try DossierRunner.run(["build", repo.path, "--out", out.path]))
    }

    @Test func baseURLMakesLinksAbsolute() throws {
        let (repo, out, result) = try build([
            "dossier.yaml": "organization: X\nrelease: \"1\"\nbase_url: https://gov.example/site",
            "agents/a.yaml": "name: A\nrisk: {level: low}",
            "docs/p.md": "# P\n\n[a](../agents/a.yaml) [mail](mailto:someone@example.com)",
        ])
        defer { try? FileManager.default.removeItem(at: repo); try? FileManager.default.removeItem(at: out) }
        #expect(result.exitCode == 0, "\(result.stderr)")
        let pages = try SiteFiles.pages(out)
        #expect(pages["index.html"]?.contains("href=\"https://gov.example/site/agents/a.html\"") == true)
        #expect(pages["index.html"]?.contains("href=\"https://gov.example/site/style.css\"") == true)
        let doc = try #require(pages["docs/p.html"])
        #expect(doc.contains("href=\"https://gov.example/site/agents/a.html\""))
        #expect(!doc.contains("mailto:"), "mailto: links come only from owner addresses")
    }

    @Test func unsafeBaseURLIsInvalid() throws {
        let (repo, out, result) = try build(["dossier.yaml": "organization: X\nrelease: \"1\"\nbase_url: \"javascript:alert(1)//\"",
                                             "agents/a.yaml": "name: A\nrisk: {level: low}"])
        defer { try? FileManager.default.removeItem(at: repo); try? FileManager.default.removeItem(at: out) }
        #expect(result.exitCode == 65)
        #expect(result.stderr.hasPrefix("dossier.yaml:3:11: base_url: expected an http(s) URL"))
    }

    @Test func noScriptURLInAnyOutput() throws {
        let (repo, out, result) = try build([
            "dossier.yaml": "organization: X\nrelease: \"1\"",
            "agents/a.yaml": "name: A\nrisk: {level: low}\nchecklist:\n  rate_limiting: {done: true, evidence: \"JavaScript:alert(1)\"}\n  output_filtering: {done: true, evidence: \"data:text/html,x\"}",
        ])
        defer { try? FileManager.default.removeItem(at: repo); try? FileManager.default.removeItem(at: out) }
        #expect(result.exitCode == 0)
        for (path, data) in try SiteFiles.read(out) {
            let text = String(decoding: data, as: UTF8.self).lowercased()
            #expect(!text.contains("javascript:") && !text.contains("data:text/html"), "\(path)")
        }
        let json = try #require(try JSONSerialization.jsonObject(with: SiteFiles.read(out)["report.json"]!) as? [String: Any])
        let checklist = ((json["agents"] as? [[String: Any]])?.first?["checklist"] as? [[String: Any]]) ?? []
        #expect(checklist.contains { $0["evidence"] as? String == "JavaScript:alert(1)" }, "the value is unchanged")
    }
}

/// The index's "Fix first" list and `owners.html`: what to fix first, and who acts on it.
struct FixFirstAndOwnersTests {
    static let config = "organization: Test Org\nrelease: \"1\"\nas_of: 2026-06-30\n"

    func agent(_ name: String, owner: String?, level: String, failing: Bool) -> String {
        var text = "name: \(name)\n"
        if let owner { text += "owner: \"\(owner)\"\n" }
        text += "risk:\n  level: \(level)\n  requires_human_approval: true\n"
        if !failing {
            text += "compliance:\n  risk_assessment_completed: true\n  risk_assessment_date: 2026-03-15\n  residual_risks_documented: true\n"
                + "  audit_logs_enabled: true\n  log_retention_days: 365\n  users_informed_of_ai: true\n  ai_disclosure_text: An AI answers.\n"
        }
        return text
    }

    @Test func theIndexListsTheMostSevereOpenGapsAndTheOwnersPageEachOwnersAgents() throws {
        var files = ["dossier.yaml": Self.config]
        files["agents/alpha.yaml"] = agent("Alpha", owner: "x@example.com", level: "medium", failing: true)
        files["agents/bravo.yaml"] = agent("Bravo", owner: "x@example.com", level: "low", failing: false)
        files["agents/charlie.yaml"] = agent("Charlie", owner: nil, level: "critical", failing: true)
        files["agents/delta.yaml"] = agent("Delta", owner: "Team Y", level: "high", failing: true)
        var text = ""
        for (path, content) in files.sorted(by: { $0.key < $1.key }) { text += "-- \(path) --\n\(content)\n" }
        let repo = try TxtarArchive(parsing: text).materialize()
        defer { try? FileManager.default.removeItem(at: repo) }
        let out = SiteFiles.temporaryFolder("fix-first")
        defer { try? FileManager.default.removeItem(at: out) }
        let result = try DossierRunner.run(["build", repo.path, "--out", out.path])
        #expect(result.exitCode == 0, "\(result.stderr)")

        // The expected five, from report.json: severity, then the agent's risk, then the report's order.
        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("report.json"))) as? [String: Any])
        let severities = ["critical", "high", "medium", "low"]
        var open: [(severity: Int, risk: Int, order: Int, agent: String, rule: String)] = []
        for agent in report["agents"] as? [[String: Any]] ?? [] {
            let risk = severities.firstIndex(of: agent["risk_level"] as! String)!
            for gap in agent["gaps"] as? [[String: Any]] ?? [] where gap["status"] as? String == "open" {
                open.append((severities.firstIndex(of: gap["severity"] as! String)!, risk, open.count, agent["name"] as! String, gap["rule"] as! String))
            }
        }
        #expect(open.count > 5)
        let expected = open.sorted { ($0.severity, $0.risk, $0.order) < ($1.severity, $1.risk, $1.order) }.prefix(5)
        let index = try String(contentsOf: out.appendingPathComponent("index.html"), encoding: .utf8)
        let section = try #require(index.components(separatedBy: "<h2 id=\"fix-first-heading\">").dropFirst().first?
            .components(separatedBy: "</section>").first)
        let cards = section.components(separatedBy: "<li class=\"gap gap-top sev-").dropFirst()
        #expect(cards.count == 5)
        for (card, gap) in zip(cards, expected) {
            #expect(card.hasPrefix(severities[gap.severity]), "\(card.prefix(40)) is not \(gap)")
            #expect(card.contains(">\(gap.agent)</a>") && card.contains("<code class=\"rule\">\(gap.rule)</code>"), "\(gap)")
        }
        #expect(section.contains("href=\"owners.html\""))

        let owners = try String(contentsOf: out.appendingPathComponent("owners.html"), encoding: .utf8)
        let headings = owners.components(separatedBy: "<h2>").dropFirst().map { $0.components(separatedBy: " <span").first! }
        #expect(headings == ["Team Y", "<a href=\"mailto:x@example.com\">x@example.com</a>", "No owner"], "\(headings)")
        let sections = owners.components(separatedBy: "<section class=\"owner\"").dropFirst()
        #expect(sections.map { $0.contains(">Alpha</a>") && $0.contains(">Bravo</a>") } == [false, true, false])
        #expect(sections.last?.contains(">Charlie</a>") == true)
        #expect(sections.first?.contains("1 agent ·") == true)
        #expect(index.contains("href=\"owners.html\">Owners</a>") || index.contains("href=\"owners.html\" aria-current"), "in the navigation")
    }
}
