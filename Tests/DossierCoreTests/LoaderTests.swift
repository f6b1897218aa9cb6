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

struct LoaderTests {
    func errors(_ files: [String: String]) throws -> [String] {
        let repo = try TestRepository(files)
        defer { repo.remove() }
        return try repo.load().errors.map(\.description)
    }

    @Test func validMinimalRepository() throws {
        let repo = try TestRepository(["dossier.yaml": TestRepository.config,
                                       "agents/a.yaml": "name: A\nrisk: {level: low}\n"])
        defer { repo.remove() }
        let result = try repo.load()
        #expect(result.errors.isEmpty)
        #expect(result.repository?.agents.map(\.id) == ["a"])
    }

    @Test func everyErrorOfEveryFileInOneRun() throws {
        let found = try errors([
            "dossier.yaml": "organization: X\nrelease: \"1\"\ntresholds: {}\n",
            "agents/a.yaml": "name: A\nrisk:\n  level: severe\n",
            "agents/b.yaml": "name: B\nrisk: {level: low, can_write_data: yes}\ncompliance:\n  log_retention_days: 180.0\n",
        ])
        #expect(found == [
            "agents/a.yaml:3:10: risk.level: expected one of low, medium, high, critical, found 'severe'",
            "agents/b.yaml:2:36: risk.can_write_data: expected true or false, found 'yes'",
            "agents/b.yaml:4:23: compliance.log_retention_days: expected a whole number >= 0, found '180.0'",
            "dossier.yaml:3:1: tresholds: unknown key (did you mean 'thresholds'?)",
        ])
    }

    @Test func badLevelDoesNotHideTheOtherRiskErrors() throws {
        let found = try errors(["dossier.yaml": TestRepository.config,
                                "agents/a.yaml": "name: A\nrisk:\n  level: severe\n  can_write_data: yes\n"])
        #expect(found == [
            "agents/a.yaml:3:10: risk.level: expected one of low, medium, high, critical, found 'severe'",
            "agents/a.yaml:4:19: risk.can_write_data: expected true or false, found 'yes'",
        ])
    }

    @Test func requiredTextMustSaySomething() throws {
        let found = try errors(["dossier.yaml": "organization: \"  \"\nrelease: \"\"\n",
                                "agents/a.yaml": "name: \"\"\nrisk: {level: low}\n"])
        #expect(found == [
            "agents/a.yaml:1:7: name: must not be empty",
            "dossier.yaml:1:15: organization: must not be empty",
            "dossier.yaml:2:10: release: must not be empty",
        ])
    }

    @Test func duplicateIdFileIsStillChecked() throws {
        let found = try errors(["dossier.yaml": TestRepository.config,
                                "agents/a.yaml": "name: A\nrisk: {level: low}\n",
                                "agents/a.yml": "name: A\nrisk: {level: bad}\n"])
        #expect(found.count == 2, "\(found)")
        #expect(found.contains { $0.hasPrefix("agents/a.yml:2:15: risk.level") })
    }

    @Test func duplicateKeyIsReportedAtTheRepeatWithItsPath() throws {
        let found = try errors(["dossier.yaml": TestRepository.config,
                                "agents/a.yaml": "name: A\nrisk:\n  level: low\n  level: high\n"])
        #expect(found == ["agents/a.yaml:4:3: risk.level: duplicate key (first given at line 3)"])
    }

    @Test func missingKeysAreAtTheStartOfTheirMap() throws {
        let found = try errors(["dossier.yaml": "# comment\n\norganization: X\n",
                                "agents/a.yaml": "# agent\nversion: \"1\"\nrisk:\n  can_write_data: true\n"])
        #expect(found == [
            "agents/a.yaml:1:1: name: missing required key",
            "agents/a.yaml:4:3: risk.level: missing required key",
            "dossier.yaml:1:1: release: missing required key (or pass --release)",
        ])
    }

    @Test func releaseOverrideMakesReleaseOptional() throws {
        let repo = try TestRepository(["dossier.yaml": "organization: X\n"])
        defer { repo.remove() }
        #expect(try repo.load(release: "v2").errors.isEmpty)
    }

    @Test func stringsInYAMLAndJSON() throws {
        let repo = try TestRepository([
            "dossier.yaml": "organization: X\nrelease: 2026.11\n",
            "agents/a.yaml": "name: A\nversion: 1.10\nrisk: {level: low}\n",
            "agents/b.json": "{\"name\": \"B\", \"version\": 2, \"risk\": {\"level\": \"low\"}}",
        ])
        defer { repo.remove() }
        let result = try repo.load()
        #expect(result.errors.map(\.description) == ["agents/b.json:1:26: version: expected a string, found '2'"])
        let valid = try TestRepository(["dossier.yaml": "organization: X\nrelease: 2026.11\n",
                                        "agents/a.yaml": "name: A\nversion: 1.10\nrisk: {level: low}\n"])
        defer { valid.remove() }
        let loaded = try valid.load().repository
        #expect(loaded?.config.release == "2026.11")
        #expect(loaded?.agents.first?.version == "1.10")
    }

    @Test func dataclassDefaultsMeanNotSet() throws {
        let compliance = """
        {"risk_assessment_completed": true, "risk_assessment_date": "", "residual_risks_documented": false,
         "training_data_documented": false, "data_quality_measures": false, "bias_testing_completed": false,
         "system_description": "", "intended_purpose": "", "performance_metrics": null,
         "audit_logs_enabled": false, "log_retention_days": 0, "users_informed_of_ai": false,
         "ai_disclosure_text": "", "human_oversight_measures": null, "override_capability": false,
         "accuracy_metrics": null, "adversarial_testing": false}
        """
        let repo = try TestRepository(["dossier.yaml": TestRepository.config,
                                       "agents/a.json": "{\"name\": \"A\", \"risk\": {\"level\": \"low\"}, \"compliance\": \(compliance)}"])
        defer { repo.remove() }
        let result = try repo.load()
        #expect(result.errors.isEmpty, "\(result.errors)")
        let agent = try #require(result.repository?.agents.first)
        #expect(agent.compliance.riskAssessmentDate == nil)
        #expect(agent.compliance.humanOversightMeasures.isEmpty)
        #expect(agent.hasComplianceBlock)
    }

    @Test func filesAreClassified() throws {
        let found = try errors([
            "dossier.yaml": TestRepository.config,
            "agents/a.yaml": "name: A\nrisk: {level: low}\n",
            "agents/a.json": "{\"name\": \"A\", \"risk\": {\"level\": \"low\"}}",
            "agents/Bad.yaml": "name: B\nrisk: {level: low}\n",
            "agents/c.txt": "x",
            "agents/.gitkeep": "",
            "agents/sub/ignored.txt": "x",
            "audit/notes.md": "x",
        ])
        #expect(found.count == 4, "\(found)")
        #expect(found.contains { $0.hasPrefix("agents/Bad.yaml: bad file name") })
        #expect(found.contains { $0.hasPrefix("agents/a.yaml: duplicate agent id 'a'") })
        #expect(found.contains { $0.hasPrefix("agents/c.txt: unknown file type") })
        #expect(found.contains { $0.hasPrefix("audit/notes.md: unknown file type") })
    }

    @Test func recordFilesAreLimitedTo16MiB() throws {
        let repo = try TestRepository(["dossier.yaml": TestRepository.config])
        defer { repo.remove() }
        try repo.write("agents/big.yaml", Data(repeating: UInt8(ascii: "#"), count: 50 * 1024 * 1024))
        let found = try repo.load().errors.map(\.description)
        #expect(found.count == 1)
        #expect(found.first?.hasPrefix("agents/big.yaml: file is 52428800 bytes, over the 16 MiB limit") == true)
    }

    @Test func invalidUTF8AndNULAreReportedAtTheirLine() throws {
        let repo = try TestRepository(["dossier.yaml": TestRepository.config])
        defer { repo.remove() }
        try repo.write("agents/a.yaml", Data("name: A\nrisk: {level: low}\nowner: x".utf8) + Data([0xC3, 0x28]) + Data("\n".utf8))
        try repo.write("agents/b.yaml", Data("name: B\nowner: \0\n".utf8))
        let found = try repo.load().errors.map(\.description)
        #expect(found == ["agents/a.yaml:3:9: invalid UTF-8 (files must be UTF-8 text)",
                          "agents/b.yaml:2:8: the file contains a NUL byte (files must be UTF-8 text)"])
    }

    @Test func byteOrderMarkDoesNotShiftColumns() throws {
        let found = try errors(["dossier.yaml": TestRepository.config,
                                "agents/a.yaml": "\u{FEFF}nme: A\nrisk: {level: low}\n"])
        #expect(found.contains("agents/a.yaml:1:1: nme: unknown key (did you mean 'name'?)"))
    }

    @Test func missingRepositoryIsAnIOError() {
        #expect(throws: InputOutputError.self) {
            try RepositoryLoader(root: URL(fileURLWithPath: "/nonexistent/dossier-repo"), rules: .standard).load()
        }
    }

    @Test func missingConfigIsInvalidInput() throws {
        let found = try errors(["agents/a.yaml": "name: A\nrisk: {level: low}\n"])
        #expect(found == ["dossier.yaml: required file is missing"])
    }

    @Test func auditSummaryConsistency() throws {
        let found = try errors([
            "dossier.yaml": TestRepository.config,
            "agents/a.yaml": "name: A\nrisk: {level: low}\n",
            "audit/a.json": """
            {"agent": "a",
             "events": 10, "allowed": 9, "blocked": 2,
             "actions": {"x": {"total": 4, "blocked": 1}}}
            """,
            "audit/ghost.json": "{\"agent\": \"ghost\", \"events\": 0, \"allowed\": 0, \"blocked\": 0}",
        ])
        #expect(found == [
            "audit/a.json:2:12: events: allowed + blocked = 9 + 2 does not equal events = 10",
            "audit/a.json:3:13: actions: per-action blocked counts add up to 1, but blocked = 2",
            "audit/a.json:3:13: actions: per-action totals add up to 4, but events = 10",
            "audit/ghost.json:1:11: agent: no agent 'ghost' in agents/ (renamed or removed agent?)",
        ])
    }

    @Test func evidencePaths() throws {
        let repo = try TestRepository(["dossier.yaml": TestRepository.config, "docs/plan.md": "# Plan\n"])
        defer { repo.remove() }
        try FileManager.default.createSymbolicLink(atPath: repo.root.appendingPathComponent("docs/outside").path,
                                                   withDestinationPath: "/etc/hostname")
        try FileManager.default.createSymbolicLink(atPath: repo.root.appendingPathComponent("docs/inside").path,
                                                   withDestinationPath: "plan.md")
        #expect(EvidencePath.exists("docs/plan.md", in: repo.root))
        #expect(EvidencePath.exists("docs/plan.md#section", in: repo.root))
        #expect(EvidencePath.exists("docs", in: repo.root), "a folder counts as existing")
        #expect(EvidencePath.exists("docs/inside", in: repo.root))
        #expect(!EvidencePath.exists("docs/outside", in: repo.root), "a symlink out of the repository is missing")
        #expect(!EvidencePath.exists("../\(repo.root.lastPathComponent)/docs/plan.md", in: repo.root))
        #expect(!EvidencePath.exists("/etc/hostname", in: repo.root))
        #expect(!EvidencePath.exists("docs/nope.md", in: repo.root))
        #expect(!EvidencePath.exists("", in: repo.root))
        #expect(EvidencePath.isURL("HTTPS://example.com/x"))
        #expect(!EvidencePath.isURL("javascript:alert(1)"))
    }

    @Test func listingOrderDoesNotMatter() throws {
        var files = ["dossier.yaml": TestRepository.config]
        for id in ["b", "a_b", "ab", "a0", "a.b", "a-b", "a", "9lives", "0day"] {
            files["agents/\(id).yaml"] = "name: \(id)\nrisk: {level: low}\n"
        }
        let repo = try TestRepository(files)
        defer { repo.remove() }
        let ids = try repo.load().repository?.agents.map(\.id)
        #expect(ids == ["0day", "9lives", "a", "a-b", "a.b", "a0", "a_b", "ab", "b"])
    }
}

struct ConfigEdgeTests {
    @Test func emptyAsOfIsAnError() throws {
        let repo = try TestRepository(["dossier.yaml": "organization: X\nrelease: \"1\"\nas_of: \"\"\n"])
        defer { repo.remove() }
        #expect(try repo.load().errors.map(\.description) == ["dossier.yaml:3:8: as_of: expected a date YYYY-MM-DD, found the string ''"])
    }

    @Test func emptySourceDateEpochIsUnset() throws {
        #expect(try EvaluationDate.resolve(configured: nil, environment: ["SOURCE_DATE_EPOCH": ""], now: 86_400).description == "1970-01-02")
    }

    @Test func shortenedKeysGetSuggestions() {
        #expect(KeySuggestion.closest(to: "human_oversight", in: AgentReader.complianceKeys) == "human_oversight_measures")
        #expect(KeySuggestion.closest(to: "requires_approval", in: AgentReader.riskKeys) == "requires_human_approval")
    }
}
