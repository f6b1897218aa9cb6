import Foundation
import Testing

/// `--compare-to`, `--fail-on-new` and `--history`: two releases of one repository.
struct CompareCommandTests {
    static let config = "organization: Test Org\nrelease: \"2026.08\"\nas_of: 2026-08-31\n"
    static let compliant = """
    compliance:
      risk_assessment_completed: true
      risk_assessment_date: 2026-06-01
      residual_risks_documented: true
      training_data_documented: true
      data_quality_measures: true
      bias_testing_completed: true
      system_description: Answers questions.
      intended_purpose: Help desk.
      audit_logs_enabled: true
      log_retention_days: 365
      users_informed_of_ai: true
      ai_disclosure_text: You are talking to an AI.
      human_oversight_measures: [review]
      override_capability: true
      accuracy_metrics: {accuracy: 0.9}
      adversarial_testing: true
    """

    /// Every article attested with a link as its evidence (a high-risk agent otherwise has `article-unattested` gaps),
    /// and classified, minimal risk, with its two obligations attested (else `classification-missing`).
    static let attested = "\nclassification: {role: provider}\nattestations:\n"
        + [4, 5, 9, 10, 11, 12, 13, 14, 15].map { "  art-\($0): {by: grc@example.com, date: 2026-11-01, evidence: [\"https://grc.example/\($0)\"]}\n" }.joined()

    /// The previous release: agents a (one gap: no bias testing), b (compliant) and old (removed later).
    static let previous: [String: String] = [
        "dossier.yaml": config,
        "agents/a.yaml": "name: A\nowner: a@example.com\nrisk: {level: low}\n" + compliant.replacingOccurrences(of: "bias_testing_completed: true", with: "bias_testing_completed: false"),
        "agents/b.yaml": "name: B\nowner: b@example.com\nrisk: {level: low}\n" + compliant,
        "agents/old.yaml": "name: Old\nowner: o@example.com\nrisk: {level: low}\n" + compliant.replacingOccurrences(of: "override_capability: true", with: "override_capability: false"),
    ]

    /// This release: a fixed its gap, b gained a high gap (critical risk, no oversight), old removed, new added.
    static let current: [String: String] = [
        "dossier.yaml": config.replacingOccurrences(of: "2026.08", with: "2026.11").replacingOccurrences(of: "2026-08-31", with: "2026-11-24"),
        "agents/a.yaml": "name: A\nowner: a@example.com\nrisk: {level: low}\n" + compliant,
        "agents/b.yaml": "name: B\nowner: b@example.com\nrisk: {level: high, requires_human_approval: true, approval_threshold: all}\n"
            + compliant.replacingOccurrences(of: "override_capability: true", with: "override_capability: false") + attested,
        "audit/b.json": #"{"agent": "b", "events": 0, "allowed": 0, "blocked": 0}"#,
        "agents/new.yaml": "name: New\nowner: n@example.com\nrisk: {level: low}\n" + compliant,
    ]

    func repository(_ files: [String: String]) throws -> URL {
        var text = ""
        for (path, content) in files.sorted(by: { $0.key < $1.key }) { text += "-- \(path) --\n\(content)\n" }
        return try TxtarArchive(parsing: text).materialize()
    }

    /// The previous release's report.json, in a folder of its own.
    func previousReport() throws -> URL {
        let repo = try repository(Self.previous)
        defer { try? FileManager.default.removeItem(at: repo) }
        let result = try DossierRunner.run(["check", repo.path, "--format", "json", "--fail-on", "none"])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-history-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data(result.stdout.utf8).write(to: folder.appendingPathComponent("2026.08.json"))
        return folder
    }

    @Test func changesListEverything() throws {
        let history = try previousReport()
        let repo = try repository(Self.current)
        defer { try? FileManager.default.removeItem(at: history); try? FileManager.default.removeItem(at: repo) }
        let result = try DossierRunner.run(["check", repo.path, "--format", "json", "--fail-on", "none",
                                            "--compare-to", history.appendingPathComponent("2026.08.json").path])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let changes = try #require(report["changes"] as? [String: Any])
        #expect(changes["previous_release"] as? String == "2026.08")
        #expect(changes["agents_added"] as? [String] == ["new"])
        #expect(changes["agents_removed"] as? [String] == ["old"])
        func keys(_ name: String) -> [String] {
            (changes[name] as? [[String: Any]] ?? []).map { "\($0["agent"]!):\($0["rule"]!):\($0["field"] as? String ?? "-")" }
        }
        #expect(keys("gaps_new") == ["b:human_oversight:compliance.override_capability"])
        // The removed agent's gap is not resolved: it left with the agent.
        #expect(keys("gaps_resolved") == ["a:data_governance:compliance.bias_testing_completed"])
        let changed = try #require(changes["agents_changed"] as? [[String: Any]])
        #expect(changed.map { $0["id"] as? String } == ["a", "b"])
        #expect(changed.first?["score_before"] as? String == "6/7" && changed.first?["score_after"] as? String == "7/7")
        #expect(changed.last?["score_before"] as? String == "7/7" && changed.last?["score_after"] as? String == "6/7")
        #expect(Array(report.keys).contains("changes"))
        // The text marks each gap new or known.
        let text = try DossierRunner.run(["check", repo.path, "--fail-on", "none", "--compare-to", history.path + "/2026.08.json"])
        #expect(text.stdout.contains("human_oversight (Art. 14) · new"))
        #expect(text.stdout.contains("compared with release 2026.08 (as of 2026-08-31): 1 new gap, 1 resolved, 1 left with removed agents, 1 agent added, 1 removed"))
    }

    @Test func failOnNewGatesOnlyNewGaps() throws {
        let history = try previousReport()
        let repo = try repository(Self.current)
        defer { try? FileManager.default.removeItem(at: history); try? FileManager.default.removeItem(at: repo) }
        let prev = history.appendingPathComponent("2026.08.json").path
        #expect(try DossierRunner.run(["check", repo.path]).exitCode == 1, "the new high gap fails --fail-on high")
        let newHigh = try DossierRunner.run(["check", repo.path, "--compare-to", prev, "--fail-on-new", "high"])
        #expect(newHigh.exitCode == 1)
        #expect(newHigh.stdout.contains("check failed: 1 new open gap at or above high"))
        #expect(try DossierRunner.run(["check", repo.path, "--compare-to", prev, "--fail-on-new", "critical"]).exitCode == 0)
        // Compared with itself, nothing is new: the gate passes whatever the known gaps.
        let now = try DossierRunner.run(["check", repo.path, "--format", "json", "--fail-on", "none"])
        let same = history.appendingPathComponent("same.json")
        try Data(now.stdout.utf8).write(to: same)
        #expect(try DossierRunner.run(["check", repo.path, "--compare-to", same.path, "--fail-on-new", "low"]).exitCode == 0)
        #expect(try DossierRunner.run(["check", repo.path, "--fail-on-new", "low"]).exitCode == 64, "needs --compare-to")
    }

    @Test func unusablePreviousReports() throws {
        let history = try previousReport()
        let repo = try repository(Self.current)
        defer { try? FileManager.default.removeItem(at: history); try? FileManager.default.removeItem(at: repo) }
        let text = try String(contentsOf: history.appendingPathComponent("2026.08.json"), encoding: .utf8)
        let other = history.appendingPathComponent("other.json")
        try Data(text.replacingOccurrences(of: "\"Test Org\"", with: "\"Other Org\"").utf8).write(to: other)
        let otherResult = try DossierRunner.run(["check", repo.path, "--compare-to", other.path])
        #expect(otherResult.exitCode == 65)
        #expect(otherResult.stderr.contains("is a report of 'Other Org', not of 'Test Org'"), "\(otherResult.stderr)")
        let future = history.appendingPathComponent("future.json")
        try Data(text.replacingOccurrences(of: "dossier.report/v1", with: "dossier.report/v9").utf8).write(to: future)
        let futureResult = try DossierRunner.run(["check", repo.path, "--compare-to", future.path])
        #expect(futureResult.exitCode == 65)
        #expect(futureResult.stderr.contains("unsupported report schema 'dossier.report/v9' (supported: dossier.report/v1)"))
        #expect(try DossierRunner.run(["check", repo.path, "--compare-to", history.path + "/missing.json"]).exitCode == 74)
    }

    @Test func theSiteShowsChangesAndTrend() throws {
        let history = try previousReport()
        let repo = try repository(Self.current)
        let site = FileManager.default.temporaryDirectory.appendingPathComponent("dossier-site-\(UUID().uuidString)")
        defer {
            for url in [history, repo, site] { try? FileManager.default.removeItem(at: url) }
        }
        // A site folder holding report.json works as PREV too.
        let previousSite = history.appendingPathComponent("site-2026.08")
        try FileManager.default.createDirectory(at: previousSite, withIntermediateDirectories: true)
        try FileManager.default.copyItem(at: history.appendingPathComponent("2026.08.json"), to: previousSite.appendingPathComponent("report.json"))
        let result = try DossierRunner.run(["build", repo.path, "--out", site.path, "--compare-to", previousSite.path,
                                            "--history", history.path])
        #expect(result.exitCode == 0, "\(result.stderr)")
        let changes = try String(contentsOf: site.appendingPathComponent("changes.html"), encoding: .utf8)
        #expect(changes.contains("Changes since release 2026.08"))
        #expect(changes.contains("<code>old</code>") && changes.contains("human_oversight"))
        let index = try String(contentsOf: site.appendingPathComponent("index.html"), encoding: .utf8)
        #expect(index.contains("Since release 2026.08"))
        #expect(index.contains("1 resolved · 1 left with removed agents"), "the removed agent's gap is not counted as resolved")
        #expect(changes.contains("<dt>Left with removed agents</dt><dd>1</dd>"))
        #expect(index.contains("chart-trend") && index.contains("<polyline"))
        // Two charts, each with its own labelled axes: critical and high open gaps on a count
        // scale, and the share of checks passed on a 0-100 % scale; never a percentage and a
        // count on one axis.
        let gapChart = try #require(index.range(of: "id=\"chart-trend\"").map { index[$0.lowerBound...] })
        let gapFigure = try #require(gapChart.range(of: "</figure>").map { gapChart[..<$0.lowerBound] })
        #expect(gapFigure.contains("Open critical and high gaps by release"))
        #expect(gapFigure.contains(">Open gaps</text>") && gapFigure.contains(">Release</text>"))
        #expect(gapFigure.contains("trend-line trend-critical") && gapFigure.contains("trend-line trend-high"))
        #expect(!gapFigure.contains("trend-score") && !gapFigure.contains("%"))
        let scoreChart = try #require(index.range(of: "id=\"chart-trend-score\"").map { index[$0.lowerBound...] })
        let scoreFigure = try #require(scoreChart.range(of: "</figure>").map { scoreChart[..<$0.lowerBound] })
        #expect(scoreFigure.contains(">Checks passed (%)</text>") && scoreFigure.contains(">Release</text>"))
        #expect(scoreFigure.contains(">0%</text>") && scoreFigure.contains(">100%</text>"))
        #expect(scoreFigure.contains("trend-line trend-score") && !scoreFigure.contains("trend-critical"))
        #expect(index.contains("<th scope=\"row\">2026.08</th>") && index.contains("<th scope=\"row\">2026.11</th>"))
        let markdown = try String(contentsOf: site.appendingPathComponent("report.md"), encoding: .utf8)
        #expect(markdown.contains("## Changes since 2026"), "\(markdown.prefix(600))")
        let json = try String(contentsOf: site.appendingPathComponent("report.json"), encoding: .utf8)
        #expect(json.contains("\"changes\": {"))
    }
}
