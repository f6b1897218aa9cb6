import Foundation
import Testing

/// Checklist `evidence:` paths, docs pages and their links, file names and `--out` can never make
/// `dossier` read or write outside the repository or the output folder (INPUT.md, OUTPUT.md).
///
/// Every test works in a sandbox folder of its own: `sandbox/repo` (written by `dossier init`),
/// files beside it that play "outside the repository", and `sandbox/out` for the site.
struct PathSafetyTests {
    /// A temporary folder with a starter repository in `repo/`; removed by `remove()`.
    struct Sandbox {
        let base: URL
        var repo: URL { base.appendingPathComponent("repo") }
        var out: URL { base.appendingPathComponent("out") }
        var agentFile: URL { repo.appendingPathComponent("agents/example-agent.yaml") }

        init() throws {
            // The real path, so that symlink targets and the repository agree (macOS: /var → /private/var).
            let folder = SiteFiles.temporaryFolder("paths")
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            base = folder.resolvingSymlinksInPath()
            let result = try DossierRunner.run(["init", base.appendingPathComponent("repo").path])
            #expect(result.exitCode == 0, "dossier init: \(result.stderr)")
        }

        func remove() { try? FileManager.default.removeItem(at: base) }

        func write(_ text: String, to path: String) throws {
            let url = base.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(text.utf8).write(to: url)
        }

        func link(_ path: String, to destination: String) throws {
            let url = base.appendingPathComponent(path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: destination)
        }

        /// Replaces the evidence of attested checklist items of the starter agent.
        func setEvidence(_ evidence: [String: String]) throws {
            var lines = try String(contentsOf: agentFile, encoding: .utf8).components(separatedBy: "\n")
            for (item, path) in evidence {
                let index = try #require(lines.firstIndex { $0.hasPrefix("  \(item):") }, "no checklist line for \(item)")
                lines[index] = "  \(item): {done: true, evidence: \"\(path)\"}"
            }
            try Data(lines.joined(separator: "\n").utf8).write(to: agentFile)
        }
    }

    /// One entry of a folder tree, symlinks not followed.
    enum Entry: Equatable {
        case folder
        case link(String)
        case file(Data)
    }

    /// Every entry under `root` (hidden ones too), by relative path; symlinks are recorded, not followed.
    static func snapshot(_ root: URL, excluding excluded: Set<String> = []) throws -> [String: Entry] {
        var entries: [String: Entry] = [:]
        var pending = [""]
        while let folder = pending.popLast() {
            let names = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)
            for name in names {
                let path = folder.isEmpty ? name : "\(folder)/\(name)"
                if excluded.contains(path) { continue }
                let url = root.appendingPathComponent(path)
                if let destination = try? FileManager.default.destinationOfSymbolicLink(atPath: url.path) {
                    entries[path] = .link(destination)
                    continue
                }
                var isDirectory: ObjCBool = false
                FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
                if isDirectory.boolValue {
                    entries[path] = .folder
                    pending.append(path)
                } else {
                    entries[path] = .file(try Data(contentsOf: url))
                }
            }
        }
        return entries
    }

    static func hasControlCharacter(_ text: String, allowingNewlines: Bool = false) -> Bool {
        text.unicodeScalars.contains { $0.properties.generalCategory == .control && !(allowingNewlines && $0 == "\n") }
    }

    /// The gaps of `check --format json`, as (rule, subject).
    static func gaps(_ result: DossierRunner.Result) throws -> [(rule: String, subject: String?)] {
        let json = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let agents = try #require(json["agents"] as? [[String: Any]])
        return agents.flatMap { ($0["gaps"] as? [[String: Any]]) ?? [] }
            .map { ($0["rule"] as? String ?? "", $0["subject"] as? String) }
    }

    // MARK: 1. Evidence paths

    @Test func evidenceOutsideTheRepositoryIsMissing() throws {
        let box = try Sandbox()
        defer { box.remove() }
        // Outside the repository, all of them existing.
        try box.write("outside\n", to: "outside.txt")
        try box.write("secret\n", to: "outside-folder/secret.txt")
        let systemFile = ["/etc/hostname", "/etc/hosts", "/etc/passwd"].first { FileManager.default.fileExists(atPath: $0) }!
        // Inside the repository: a file, a folder, and symlinks out of and within it.
        try box.write("ok\n", to: "repo/evidence/ok.txt")
        try box.link("repo/evidence/link.txt", to: box.base.appendingPathComponent("outside-folder/secret.txt").path)
        try box.link("repo/evidence/folder-link", to: box.base.appendingPathComponent("outside-folder").path)
        try box.link("repo/evidence/inside-link.txt", to: "ok.txt")
        try box.link("repo/evidence/docs-link", to: "../docs")
        try box.link("repo/evidence/absolute-inside-link.txt", to: box.repo.appendingPathComponent("evidence/ok.txt").path)

        let leaving = [
            "failure_modes_documented": "../outside.txt",
            "stakeholders_identified": box.base.appendingPathComponent("outside.txt").path,
            "data_access_documented": systemFile,
            "policy_engine_tested": "evidence/link.txt",
            "rate_limiting": "evidence/folder-link",
            "output_filtering": "evidence/folder-link/secret.txt",
            "violation_metrics": "docs/../../outside.txt",
        ]
        let staying = [
            "unusual_behavior_alerts": "evidence/ok.txt",
            "governance_dashboard": "evidence/inside-link.txt",
            "gdpr_documented": "evidence/docs-link/data-handling.md",
            "incident_response_plan": "evidence",
            "sector_requirements_reviewed": "evidence/absolute-inside-link.txt#top",
        ]
        try box.setEvidence(leaving.merging(staying) { $1 })
        // What each leaving path names does exist: only leaving the repository makes it missing.
        for path in ["outside.txt", "outside-folder/secret.txt", "outside-folder"] {
            #expect(FileManager.default.fileExists(atPath: box.base.appendingPathComponent(path).path))
        }
        #expect(FileManager.default.fileExists(atPath: box.repo.appendingPathComponent("evidence/link.txt").path))

        let result = try DossierRunner.run(["check", box.repo.path, "--format", "json", "--fail-on", "none"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let missing = Set(try Self.gaps(result).filter { $0.rule == "evidence-missing" }.compactMap { $0.subject })
        #expect(missing == Set(leaving.keys), "evidence-missing for exactly the paths that leave the repository")

        // The site links none of them.
        let built = try DossierRunner.run(["build", box.repo.path, "--out", box.out.path])
        #expect(built.exitCode == 0, "\(built.stderr)")
        for (page, html) in try SiteFiles.pages(box.out) {
            for href in Self.references(in: html) {
                #expect(!href.contains("outside") && !href.contains("/etc/") && !href.contains("secret"), "\(page): \(href)")
            }
        }
    }

    // MARK: 2. Docs pages

    /// The `href` and `src` values of a page, entities decoded.
    static func references(in html: String) -> [String] {
        let pattern = try! NSRegularExpression(pattern: #"\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)')"#, options: [.caseInsensitive])
        let range = NSRange(html.startIndex..., in: html)
        return pattern.matches(in: html, range: range).compactMap { match in
            for group in 1...2 {
                if let range = Range(match.range(at: group), in: html) {
                    return String(html[range]).replacingOccurrences(of: "&amp;", with: "&")
                        .replacingOccurrences(of: "&#39;", with: "'").replacingOccurrences(of: "&quot;", with: "\"")
                }
            }
            return nil
        }
    }

    /// The site file a relative reference on `page` points at, or nil when it leaves the site.
    static func target(of reference: String, on page: String) -> String? {
        var path = reference
        if let index = path.firstIndex(where: { $0 == "#" || $0 == "?" }) { path = String(path[..<index]) }
        path = path.removingPercentEncoding ?? path
        var parts = page.split(separator: "/").map(String.init).dropLast()
        for part in path.split(separator: "/", omittingEmptySubsequences: false).map(String.init) {
            switch part {
            case "", ".": continue
            case "..":
                guard !parts.isEmpty else { return nil }
                parts.removeLast()
            default: parts.append(part)
            }
        }
        return parts.joined(separator: "/")
    }

    @Test func docsCannotPublishOrLinkOutsideTheRepository() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let marker = "SECRET-MARKER-123"
        try box.write("# Secret\n\n\(marker)\n", to: "outside/secret.md")
        try box.write("# Also secret\n\n\(marker)\n", to: "outside/folder/page.md")
        try box.link("repo/docs/leak.md", to: box.base.appendingPathComponent("outside/secret.md").path)
        try box.link("repo/docs/leak-relative.md", to: "../../outside/secret.md")
        try box.link("repo/docs/shared", to: box.base.appendingPathComponent("outside/folder").path)
        try box.link("repo/docs/inside-link.md", to: "failure-modes.md")
        try box.write("""
            # Links

            [x](../../../etc/passwd) [y](/etc/passwd) [z](file:///etc/passwd) [w](<../../../../../../etc/passwd>)
            [v](%2e%2e/%2e%2e/%2e%2e/etc/passwd) [u](..%2F..%2F..%2Fetc%2Fpasswd) [t](\\\\server\\share\\passwd)
            ![i](/etc/passwd) ![j](../../../etc/passwd) [leak](leak.md) [shared](shared/page.md)
            [outside](../../outside/secret.md) [ok](failure-modes.md)

            [ref]: ../../../etc/passwd

            [r][ref] <file:///etc/passwd> <a href="/etc/passwd">raw</a>
            """, to: "repo/docs/links.md")
        let before = try Self.snapshot(box.base)

        let result = try DossierRunner.run(["build", box.repo.path, "--out", box.out.path])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stderr.contains("docs/leak.md: warning: links outside the repository; not published"), "\(result.stderr)")
        #expect(!Self.hasControlCharacter(result.stderr, allowingNewlines: true))

        // Nothing outside the output folder was created, changed or removed (no temporary folder left either).
        #expect(try Self.snapshot(box.base, excluding: ["out"]) == before)

        let files = try SiteFiles.read(box.out)
        #expect(files["docs/links.html"] != nil)
        #expect(files["docs/inside-link.html"] != nil, "a symlink to a page inside the repository is published")
        for page in ["docs/leak.html", "docs/leak-relative.html", "docs/shared/page.html"] {
            #expect(files[page] == nil, "\(page) is published")
        }
        for (path, data) in files {
            #expect(data.range(of: Data(marker.utf8)) == nil, "\(path) shows a file outside the repository")
        }

        // Every link and source of every page stays in the site and names a file of it.
        for (page, html) in try SiteFiles.pages(box.out) {
            for reference in Self.references(in: html) {
                let lowered = reference.lowercased()
                if lowered.hasPrefix("https://") || lowered.hasPrefix("http://") || lowered.hasPrefix("mailto:") || reference.hasPrefix("#") {
                    #expect(!lowered.contains("passwd") && !lowered.contains("secret"), "\(page): \(reference)")
                    continue
                }
                #expect(!reference.contains(":") && !reference.hasPrefix("/") && !reference.contains("\\"), "\(page): \(reference)")
                let target = Self.target(of: reference, on: page)
                #expect(target.map { files[$0] != nil } == true, "\(page): \(reference) is not a file of the site")
            }
        }
        let links = String(decoding: try #require(files["docs/links.html"]), as: UTF8.self)
        #expect(links.contains("href=\"../docs/failure-modes.html\""), "a link inside the repository still works")
        for reference in Self.references(in: links) {
            #expect(!reference.contains("passwd") && !reference.lowercased().contains("file:") && !reference.contains("secret"),
                    "docs/links.html: \(reference)")
        }
        #expect(links.contains("file:///etc/passwd"), "an autolink to a file: URL is shown as text")
        let manifest = String(decoding: try #require(files["manifest.json"]), as: UTF8.self)
        #expect(!manifest.contains("docs/leak.md") && !manifest.contains("docs/shared"), "the manifest lists no file outside")
    }

    // MARK: 3. Control characters in file names

    @Test func agentFileNamesWithControlCharactersAreEscapedErrors() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let agent = try String(contentsOf: box.agentFile, encoding: .utf8)
        for name in ["a\nb.yaml", "x\u{1b}[31m.yaml", "tab\tname.yaml", "bell\u{7}.json", "del\u{7f}.yaml", "c1\u{85}x.yaml"] {
            try box.write(agent, to: "repo/agents/\(name)")
        }
        let before = try Self.snapshot(box.base)
        for arguments in [["check", box.repo.path], ["build", box.repo.path, "--out", box.out.path]] {
            let result = try DossierRunner.run(arguments)
            #expect(result.exitCode == 65, "\(arguments[0]): \(result.stderr)")
            #expect(result.stdout.isEmpty)
            #expect(!Self.hasControlCharacter(result.stderr, allowingNewlines: true), "a raw control character on stderr: \(result.stderr)")
            // One line per message: a newline in a name did not split one.
            for line in result.stderrLines {
                #expect(line.hasPrefix("agents/") || line.hasPrefix("dossier: "), "\(line)")
            }
            for shown in ["agents/a\\u{a}b.yaml: bad file name", "agents/x\\u{1b}[31m.yaml: bad file name",
                          "agents/tab\\u{9}name.yaml: bad file name", "agents/bell\\u{7}.json: bad file name",
                          "agents/del\\u{7f}.yaml: bad file name", "agents/c1\\u{85}x.yaml: bad file name"] {
                #expect(result.stderr.contains(shown), "\(arguments[0]): \(shown) not in \(result.stderr)")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: box.out.path), "nothing written")
        #expect(try Self.snapshot(box.base) == before)
    }

    @Test func docsPageNamesWithControlCharactersAreRefused() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.write("# Evil\n", to: "repo/docs/evil\nname.md")
        try box.write("# Red\n", to: "repo/docs/x\u{1b}[31m.md")
        try box.write("# Tab\n", to: "repo/docs/sub\tfolder/page.md")
        let before = try Self.snapshot(box.base)
        for arguments in [["build", box.repo.path, "--out", box.out.path], ["check", box.repo.path, "--format", "json"]] {
            let result = try DossierRunner.run(arguments)
            #expect(result.exitCode == 65, "\(arguments[0]): \(result.stderr)")
            #expect(result.stdout.isEmpty)
            #expect(!Self.hasControlCharacter(result.stderr, allowingNewlines: true), "a raw control character on stderr: \(result.stderr)")
            for line in result.stderrLines {
                #expect(line.hasPrefix("docs/") || line.hasPrefix("dossier: "), "\(line)")
            }
            for shown in ["docs/evil\\u{a}name.md: bad file name", "docs/x\\u{1b}[31m.md: bad file name",
                          "docs/sub\\u{9}folder/page.md: bad file name"] {
                #expect(result.stderr.contains(shown), "\(arguments[0]): \(shown) not in \(result.stderr)")
            }
        }
        #expect(!FileManager.default.fileExists(atPath: box.out.path), "nothing written")
        #expect(try Self.snapshot(box.base) == before)

        // Without them the site builds, and no output file name has a control character.
        for name in ["evil\nname.md", "x\u{1b}[31m.md", "sub\tfolder"] {
            try FileManager.default.removeItem(at: box.repo.appendingPathComponent("docs/\(name)"))
        }
        try box.write("# Fine\n", to: "repo/docs/spaced name é.md")
        let result = try DossierRunner.run(["build", box.repo.path, "--out", box.out.path])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let files = try SiteFiles.read(box.out)
        #expect(files["docs/spaced name é.html"] != nil)
        for path in files.keys { #expect(!Self.hasControlCharacter(path), "\(path)") }
    }

    /// Raw logs are read wherever they are under audit/: a strange name is shown escaped, never raw.
    @Test func rawLogNamesWithControlCharactersAreShownEscaped() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.write("not json\n", to: "repo/audit/a\nb\u{1b}[2J.jsonl")
        let result = try DossierRunner.run(["check", box.repo.path, "--fail-on", "none"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(result.stderr.contains("audit/a\\u{a}b\\u{1b}[2J.jsonl: warning:"), "\(result.stderr)")
        #expect(!Self.hasControlCharacter(result.stderr, allowingNewlines: true), "\(result.stderr)")
    }

    // MARK: 4. Names that differ only by case

    /// Writes two files into `folder` of the repository and tells whether they are two files: a case- (or
    /// normalization-) insensitive file system, as on macOS or Windows, makes them one, and then there is
    /// nothing to refuse.
    static func writeBoth(_ box: Sandbox, in folder: String, _ first: String, _ second: String) throws -> Bool {
        func files() -> [String] {
            ((try? FileManager.default.subpathsOfDirectory(atPath: box.repo.appendingPathComponent(folder).path)) ?? [])
                .filter { !$0.hasPrefix(".") && $0.contains(".") }
        }
        let before = files().count
        try box.write("# One\n", to: "repo/\(folder)/\(first)")
        try box.write("# Two\n", to: "repo/\(folder)/\(second)")
        let distinct = files().count == before + 2
        #if os(Linux)
        #expect(distinct, "\(first) and \(second) should be two files on Linux")
        #endif
        return distinct
    }

    @Test func agentFilesDifferingByCaseAreRefused() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let agent = try String(contentsOf: box.agentFile, encoding: .utf8)
        try box.write(agent, to: "repo/agents/Example-Agent.yaml")
        // On a case-insensitive file system the write went to example-agent.yaml: one agent, nothing to refuse.
        let names = try FileManager.default.contentsOfDirectory(atPath: box.repo.appendingPathComponent("agents").path)
        #if os(Linux)
        #expect(names.count == 2)
        #endif
        guard names.count == 2 else { return }
        for arguments in [["check", box.repo.path], ["build", box.repo.path, "--out", box.out.path]] {
            let result = try DossierRunner.run(arguments)
            #expect(result.exitCode == 65, "\(arguments[0]): \(result.stderr)")
            #expect(result.stderr.contains("agents/Example-Agent.yaml: bad file name: 'Example-Agent' is not a valid agent id"),
                    "\(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: box.out.path), "nothing written")
    }

    @Test(arguments: [("Guide.md", "guide.md"), ("Policies/a.md", "policies/a.md"), ("RÉSUMÉ.md", "résumé.md"),
                      ("cafe\u{301}.md", "caf\u{E9}.md")])
    func docsPagesDifferingByCaseAreRefused(_ first: String, _ second: String) throws {
        let box = try Sandbox()
        defer { box.remove() }
        guard try Self.writeBoth(box, in: "docs", first, second) else { return }
        let before = try Self.snapshot(box.base)
        for arguments in [["build", box.repo.path, "--out", box.out.path], ["check", box.repo.path]] {
            let result = try DossierRunner.run(arguments)
            #expect(result.exitCode == 65, "\(arguments[0]): \(result.stderr)")
            #expect(result.stderrLines.contains { $0.hasPrefix("docs/") && $0.contains(": same name as docs/")
                && $0.hasSuffix(" on a case-insensitive file system; rename one of them") }, "\(result.stderr)")
            #expect(result.stderr.contains("docs/\(second): same name as docs/\(first)"), "\(result.stderr)")
        }
        #expect(!FileManager.default.fileExists(atPath: box.out.path), "nothing written")
        #expect(try Self.snapshot(box.base) == before)

        // Either one alone is fine, with its name kept.
        try FileManager.default.removeItem(at: box.repo.appendingPathComponent("docs/\(second)"))
        let alone = try DossierRunner.run(["build", box.repo.path, "--out", box.out.path])
        #expect(alone.exitCode == 0, "\(alone.stderr)")
        #expect(try SiteFiles.read(box.out)["docs/" + String(first.dropLast(3)) + ".html"] != nil)
    }

    // MARK: 5. --out and --report

    @Test func outputThatWouldOverwriteTheRepositoryIsRefused() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.link("alias", to: box.repo.path)
        let repo = box.repo.path
        let cases: [(arguments: [String], cwd: URL?)] = [
            (["build", repo, "--out", repo], nil),
            (["build", repo, "--out", repo + "/"], nil),
            (["build", repo, "--out", box.repo.appendingPathComponent("docs/site").path], nil),
            (["build", repo, "--out", box.repo.appendingPathComponent("agents").path], nil),
            (["build", repo, "--out", box.repo.appendingPathComponent("audit/site").path], nil),
            (["build", repo, "--out", box.repo.appendingPathComponent("dossier.yaml").path], nil),
            (["build", repo, "--out", "/"], nil),
            (["build", repo, "--out", repo + "/.."], nil),
            (["build", repo, "--out", box.base.path], nil),
            (["build", repo, "--out", box.base.appendingPathComponent("alias").path], nil),
            (["build", repo, "--out", box.base.appendingPathComponent("alias/docs/site").path], nil),
            (["build", "--out", "."], box.repo),
            (["build", ".", "--out", "docs/public"], box.repo),
        ]
        let before = try Self.snapshot(box.base)
        for (arguments, cwd) in cases {
            let result = try DossierRunner.run(arguments, in: cwd)
            #expect(result.exitCode == 64, "\(arguments): \(result.stderr)")
            #expect(result.stderr.hasPrefix("dossier: --out cannot "), "\(arguments): \(result.stderr)")
            #expect(result.stdout.isEmpty)
        }
        #expect(try Self.snapshot(box.base) == before, "nothing was written anywhere in the sandbox")
        let root = try FileManager.default.contentsOfDirectory(atPath: "/")
        #expect(!root.contains { $0.contains("dossier-tmp") }, "no temporary folder at /")

        // A sibling of the repository is fine.
        let sibling = try DossierRunner.run(["build", repo, "--out", box.out.path])
        #expect(sibling.exitCode == 0, "\(sibling.stderr)")
        #expect(try Self.snapshot(box.base, excluding: ["out"]) == before)
    }

    /// `dossier build` at the repository's root writes `site/` there, and the next build replaces it;
    /// the site is never read back as input.
    @Test func theDefaultOutputAtTheRepositorysRootIsItsSiteFolder() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let first = try DossierRunner.run(["build"], in: box.repo)
        #expect(first.exitCode == 0, "\(first.stderr)")
        let site = box.repo.appendingPathComponent("site")
        let manifest = try Data(contentsOf: site.appendingPathComponent("manifest.json"))
        let inputs = try #require((try JSONSerialization.jsonObject(with: manifest) as? [String: Any])?["inputs"] as? [[String: Any]])
        #expect(!inputs.contains { ($0["path"] as? String)?.hasPrefix("site/") == true }, "the site is not an input")
        let second = try DossierRunner.run(["build", "."], in: box.repo)
        #expect(second.exitCode == 0, "\(second.stderr)")
        #expect(try Data(contentsOf: site.appendingPathComponent("manifest.json")) == manifest, "the same inputs give the same site")
        let nested = try DossierRunner.run(["build", ".", "--out", "public/governance"], in: box.repo)
        #expect(nested.exitCode == 0, "\(nested.stderr)")
        #expect(FileManager.default.fileExists(atPath: box.repo.appendingPathComponent("public/governance/index.html").path))
    }

    /// The swap removes what the build did not write: a folder of other files is never the output.
    @Test func aFolderOfOtherFilesIsNeverReplaced() throws {
        let box = try Sandbox()
        defer { box.remove() }
        try box.write("keep me\n", to: "photos/holiday.txt")
        try box.write("{\"name\": \"web-app\"}\n", to: "webapp/manifest.json")
        try box.write("", to: "empty/.keep")
        try FileManager.default.removeItem(at: box.base.appendingPathComponent("empty/.keep"))
        let before = try Self.snapshot(box.base)
        for folder in ["photos", "webapp"] {
            let result = try DossierRunner.run(["build", box.repo.path, "--out", box.base.appendingPathComponent(folder).path])
            #expect(result.exitCode == 64, "\(folder): \(result.stderr)")
            #expect(result.stderr.contains("not empty and holds no manifest.json of a previous build"), "\(result.stderr)")
        }
        let file = try DossierRunner.run(["build", box.repo.path, "--out", box.base.appendingPathComponent("photos/holiday.txt").path])
        #expect(file.exitCode == 64, "\(file.stderr)")
        #expect(try Self.snapshot(box.base) == before, "nothing was touched")

        // An empty folder is fine, and so is a previous site, which is replaced whole.
        let empty = try DossierRunner.run(["build", box.repo.path, "--out", box.base.appendingPathComponent("empty").path])
        #expect(empty.exitCode == 0, "\(empty.stderr)")
        try box.write("stale\n", to: "empty/stale.html")
        let again = try DossierRunner.run(["build", box.repo.path, "--out", box.base.appendingPathComponent("empty").path])
        #expect(again.exitCode == 0, "\(again.stderr)")
        #expect(!FileManager.default.fileExists(atPath: box.base.appendingPathComponent("empty/stale.html").path))
        #expect(FileManager.default.fileExists(atPath: box.base.appendingPathComponent("empty/index.html").path))
    }

    /// `--out` may not be, contain or lie inside a path the build reads.
    @Test func outputOverlappingAnotherInputIsRefused() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let first = try DossierRunner.run(["build", box.repo.path, "--out", box.out.path])
        #expect(first.exitCode == 0, "\(first.stderr)")
        try box.write("", to: "history/.keep")
        try box.write("<p>{{organization}}</p>\n", to: "theme/index.mustache")
        let base = box.base.path
        let cases: [[String]] = [
            ["--out", "\(base)/history", "--history", "\(base)/history"],
            ["--out", "\(base)/history/site", "--history", "\(base)/history"],
            ["--out", "\(base)/theme/site", "--templates", "\(base)/theme"],
            ["--out", base + "/out", "--compare-to", "\(base)/out/report.json"],
        ]
        let before = try Self.snapshot(box.base)
        for arguments in cases {
            let result = try DossierRunner.run(["build", box.repo.path] + arguments)
            #expect(result.exitCode == 64, "\(arguments): \(result.stderr)")
            #expect(result.stderr.hasPrefix("dossier: --out cannot "), "\(arguments): \(result.stderr)")
        }
        #expect(try Self.snapshot(box.base) == before, "nothing was touched")
    }

    @Test func reportFileGoesWhereItIsAsked() throws {
        let box = try Sandbox()
        defer { box.remove() }
        let path = box.base.appendingPathComponent("reports/nested/report.json")
        let result = try DossierRunner.run(["check", box.repo.path, "--format", "json", "--fail-on", "none",
                                            "--report", "json=\(path.path)", "--report", "junit=relative/junit.xml"], in: box.base)
        #expect(result.exitCode == 0, "\(result.stderr)")
        #expect(try Data(contentsOf: path) == Data(result.stdout.utf8), "the file holds what --format json prints")
        #expect(FileManager.default.fileExists(atPath: box.base.appendingPathComponent("relative/junit.xml").path),
                "a relative PATH is from the current folder")
        let siblings = try FileManager.default.contentsOfDirectory(atPath: path.deletingLastPathComponent().path)
        #expect(siblings == ["report.json"], "no temporary file left beside it")

        // Not refused inside the repository (it is a file the user asked for), but nothing else changes.
        let before = try Self.snapshot(box.repo)
        let inside = try DossierRunner.run(["check", box.repo.path, "--fail-on", "none", "--report", "json=report.json"], in: box.repo)
        #expect(inside.exitCode == 0, "\(inside.stderr)")
        var after = try Self.snapshot(box.repo)
        #expect(after.removeValue(forKey: "report.json") == .file(try Data(contentsOf: path)))
        #expect(after == before)

        // On invalid input, nothing is written.
        try box.write("name: A\nrisk: {level: severe}\n", to: "repo/agents/bad.yaml")
        let failed = box.base.appendingPathComponent("failed/report.json")
        let invalid = try DossierRunner.run(["check", box.repo.path, "--report", "json=\(failed.path)"])
        #expect(invalid.exitCode == 65)
        #expect(!FileManager.default.fileExists(atPath: failed.deletingLastPathComponent().path))
    }
}
