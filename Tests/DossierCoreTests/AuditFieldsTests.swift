@testable import DossierModel
@testable import DossierAudit
@testable import DossierLoad
import Foundation
import Testing

/// `audit_fields:` and `summarize --fields` (INPUT.md): JSON Pointers, their errors, and build-time ingestion.
struct AuditFieldsTests {
    @Test(arguments: [
        ("/a/b", ["a", "b"]), ("/gen_ai.agent.name", ["gen_ai.agent.name"]), ("/a~1b", ["a/b"]), ("/m~0n", ["m~n"]),
        ("/~01", ["~1"]), ("/a//b", ["a", "", "b"]), ("/", [""]), ("", []), ("/@timestamp", ["@timestamp"]),
    ])
    func pointerTokens(pointer: String, tokens: [String]) {
        #expect(AuditFields.tokens(pointer) == tokens)
    }

    @Test(arguments: ["a/b", "/a~2", "/a~", "~1", "#/a"])
    func invalidPointers(pointer: String) {
        #expect(AuditFields.tokens(pointer) == nil)
    }

    @Test func readPathsKeepUnmappedKeysInTheirPlace() {
        var fields = AuditFields()
        #expect(fields.map("tool_args", to: "/attributes/tool") == nil)
        #expect(fields.map("metadata", to: "/meta") == nil)
        let paths = Dictionary(uniqueKeysWithValues: fields.readPaths.map { ($0.key, $0.path) })
        #expect(paths["amount"] == ["attributes", "tool", "amount"])
        #expect(paths["approval_status"] == ["meta", "approval_status"])
        #expect(paths["agent_name"] == ["agent_name"])
        #expect(fields.map("timestamp", to: "") != nil, "the whole line is no key")
        #expect(fields.map("agent", to: "/a") == "unknown event key")
    }

    @Test func conflictingPathsAreProblems() {
        var fields = AuditFields()
        _ = fields.map("action", to: "/x")
        _ = fields.map("tool_name", to: "/x")
        _ = fields.map("timestamp", to: "/x/y")
        let problems = fields.conflicts
        #expect(problems.contains { $0.contains("action and tool_name are read at the same place") })
        #expect(problems.contains { $0.contains("timestamp (/x/y) is inside") })
    }

    /// dossier.yaml's `audit_fields` applies when build and check read raw logs.
    @Test func buildTimeIngestionUsesTheMapping() throws {
        let repo = try TestRepository([
            "dossier.yaml": TestRepository.config + "audit_fields:\n  agent_name: /resource/service.name\n  timestamp: /@timestamp\n",
            "agents/ledger.yaml": "name: Ledger\nrisk: {level: low}\n",
            "audit/export.jsonl": #"{"@timestamp": "2026-05-01T10:00:00+02:00", "resource": {"service.name": "ledger"}, "action": "transfer", "allowed": true}"# + "\n",
        ])
        defer { repo.remove() }
        let audit = try #require(try repo.load().repository?.audits["ledger"])
        #expect(audit.events == 1)
        #expect(audit.periodStart == "2026-05-01T08:00:00Z")
    }

    @Test func dossierYAMLErrors() throws {
        let repo = try TestRepository([
            "dossier.yaml": TestRepository.config + "audit_fields:\n  agent_nam: /a\n  action: a/b\n  timestamp: /x\n  allowed: /x/y\n",
            "agents/a.yaml": "name: A\nrisk: {level: low}\n",
        ])
        defer { repo.remove() }
        let result = try repo.load()
        #expect(result.repository == nil)
        let messages = result.diagnostics.map(\.description)
        #expect(messages.contains { $0.contains("dossier.yaml:4:3: audit_fields.agent_nam") && $0.contains("did you mean 'agent_name'") })
        #expect(messages.contains { $0.contains("audit_fields.action") && $0.contains("is not a JSON Pointer") })
        #expect(messages.contains { $0.contains("allowed (/x/y) is inside timestamp (/x)") })
    }
}
