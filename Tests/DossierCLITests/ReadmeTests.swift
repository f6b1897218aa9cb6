import Foundation
import Testing

/// What the README and the docs tell a reader to type works as written: the quick start runs in an
/// empty folder, the command list is the one `--help` prints, every option a `dossier` command line
/// in them names exists, and every local link leads to a file.
struct ReadmeTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent()

    static func text(_ path: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent(path), encoding: .utf8)
    }

    /// README.md and every Markdown file under docs/, by path.
    static func documents() throws -> [(path: String, text: String)] {
        var paths = ["README.md"]
        let docs = root.appendingPathComponent("docs")
        let walker = FileManager.default.enumerator(at: docs, includingPropertiesForKeys: nil)
        while let url = walker?.nextObject() as? URL {
            if url.pathExtension == "md" { paths.append("docs/" + url.path.dropFirst(docs.path.count + 1)) }
        }
        return try paths.sorted().map { ($0, try text($0)) }
    }

    /// The lines of the first ```sh block after `marker`.
    static func block(after marker: String, in text: String) throws -> [String] {
        let rest = try #require(text.range(of: marker)).upperBound
        let open = try #require(text.range(of: "```sh\n", range: rest..<text.endIndex))
        let close = try #require(text.range(of: "```", range: open.upperBound..<text.endIndex))
        return text[open.upperBound..<close.lowerBound].split(separator: "\n").map(String.init)
    }

    @Test func theQuickStartRunsAsWrittenInAnEmptyFolder() throws {
        let lines = try Self.block(after: "<!-- quick start:", in: try Self.text("README.md"))
        #expect(lines == ["dossier init governance", "dossier check governance", "dossier build governance"])
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-quickstart-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        // Only the system's folders and the built executable's on the PATH.
        let path = DossierRunner.executable.deletingLastPathComponent().path + ":/usr/bin:/bin"
        for line in lines {
            let result = try DossierRunner.run(["-c", line], in: folder, environment: ["PATH": path, "HOME": folder.path],
                                               executable: URL(fileURLWithPath: "/bin/sh"))
            #expect(result.exitCode == 0, "\(line): \(result.stdout)\(result.stderr)")
        }
        #expect(FileManager.default.fileExists(atPath: folder.appendingPathComponent("site/index.html").path),
                "the README says to open site/index.html")
    }

    @Test func theCommandListIsTheOneHelpPrints() throws {
        let readme = try Self.text("README.md")
        let start = try #require(readme.range(of: "<!-- commands:"))
        let open = try #require(readme.range(of: "```\n", range: start.upperBound..<readme.endIndex))
        let close = try #require(readme.range(of: "```\n<!-- /commands -->", range: open.upperBound..<readme.endIndex))
        let listed = readme[open.upperBound..<close.lowerBound].split(separator: "\n").map(String.init)
        let overview = try DossierRunner.run(["--help"]).stdout
        let names = overview.components(separatedBy: "SUBCOMMANDS:")[1].split(separator: "\n")
            .compactMap { line -> String? in
                guard line.hasPrefix("  "), !line.hasPrefix("   "), let name = line.split(separator: " ").first else { return nil }
                return name.allSatisfy(\.isLowercase) ? String(name) : nil
            }
        #expect(names.count == 6, "\(names)")
        let usage = try names.map { name in
            let help = try DossierRunner.run([name, "--help"]).stdout
            return try #require(help.split(separator: "\n").first { $0.hasPrefix("USAGE: ") }).dropFirst("USAGE: ".count)
        }.map(String.init)
        #expect(listed == usage, "run `make readme`")
    }

    /// Every `--option` on a `dossier <command>` line of the README or the docs is one that command takes.
    @Test func everyOptionTheDocsNameExists() throws {
        var help: [String: String] = [:]
        for command in ["check", "build", "summarize", "init", "verify", "schema"] {
            help[command] = try DossierRunner.run([command, "--help"]).stdout
        }
        let command = try Regex(#"\bdossier (check|build|summarize|init|verify|schema)\b([^|;&`\n]*)"#)
        let option = try Regex(#"(?:^|[\s\[(=])(--[a-z][a-z0-9-]*)"#)
        var checked = 0
        for (path, text) in try Self.documents() {
            // A command continued with a backslash is one line.
            let joined = text.replacingOccurrences(of: "\\\n", with: " ")
            for match in joined.matches(of: command) {
                let name = String(match.output[1].substring!)
                for found in match.output[2].substring!.matches(of: option) {
                    let flag = String(found.output[1].substring!)
                    guard flag != "--help" else { continue }
                    #expect(help[name]!.contains(flag), "\(path): `dossier \(name)` has no \(flag)")
                    checked += 1
                }
            }
        }
        #expect(checked > 50, "options checked: \(checked)")
    }

    /// Every relative link and image of the README and the docs leads to a file of the repository.
    @Test func localLinksLeadToFiles() throws {
        let link = try Regex(#"\]\(([^)\s#]+)(#[^)\s]*)?\)"#)
        let fence = try Regex(#"(?s)```.*?```"#)
        for (path, document) in try Self.documents() {
            // Links in code blocks are examples, not links.
            let text = document.replacing(fence, with: "")
            let folder = Self.root.appendingPathComponent(path).deletingLastPathComponent()
            for match in text.matches(of: link) {
                let target = String(match.output[1].substring!)
                if target.contains("://") || target.hasPrefix("mailto:") { continue }
                let url = folder.appendingPathComponent(target).standardizedFileURL
                #expect(FileManager.default.fileExists(atPath: url.path), "\(path): \(target)")
            }
        }
    }

    @Test func theReadmeStaysAFirstScreen() throws {
        let lines = try Self.text("README.md").split(separator: "\n", omittingEmptySubsequences: false).count
        #expect(lines <= 250, "README.md has \(lines) lines; reference material belongs in docs/")
    }
}
