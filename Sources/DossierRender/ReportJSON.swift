import DossierSupport
import DossierModel
import DossierScore

/// `report.json` (OUTPUT.md): the machine-readable report, `dossier.report/v1`.
public enum ReportJSON {
    public static let schema = Report.schema

    public static func render(_ report: Report) -> String {
        var out = ""
        write(report) { out += $0 }
        return out
    }

    /// Writes the report in pieces, one agent at a time, so that a report over
    /// thousands of agents is never held whole in memory. The bytes are those of
    /// `value(report).rendered()`.
    public static func write(_ report: Report, to sink: (String) throws -> Void) rethrows {
        guard case let .object(members) = header(report) else { return }
        // Header members, written exactly as the pretty-printer would.
        var head = "{\n"
        for (key, value) in members {
            head += "  "
            JSONValue.writeString(key, into: &head)
            head += ": " + value.rendered(indent: 2) + ",\n"
        }
        // With --compare-to, `changes` follows the agents.
        let tail = report.changes.map { ",\n  \"changes\": " + $0.json.rendered(indent: 2) + "\n}\n" } ?? "\n}\n"
        guard !report.agents.isEmpty else {
            try sink(head + "  \"agents\": []" + tail)
            return
        }
        try sink(head + "  \"agents\": [\n")
        for (index, agent) in report.agents.enumerated() {
            let separator = index == report.agents.count - 1 ? "\n" : ",\n"
            try sink("    " + agentValue(agent).rendered(indent: 4) + separator)
        }
        try sink("  ]" + tail)
    }

    public static func value(_ report: Report) -> JSONValue {
        guard case let .object(members) = header(report) else { return .null }
        var all = members + [("agents", .array(report.agents.map(agentValue)))]
        if let changes = report.changes { all.append(("changes", changes.json)) }
        return .object(all)
    }

    /// Every top-level member before `agents`.
    static func header(_ report: Report) -> JSONValue {
        let summary = report.summary
        return .object([
            ("schema", .string(schema)),
            ("generator", .string(DossierVersion.generator)),
            ("organization", .string(report.organization)),
            ("release", .string(report.release)),
            ("as_of", .string(report.asOf.description)),
            ("summary", .object([
                ("agents", .int(summary.agents)),
                ("fully_compliant", .int(summary.fullyCompliant)),
                ("deployable", .int(summary.deployable)),
                ("gaps", .object(Severity.allCases.map { ($0.rawValue, .int(summary.gaps[$0] ?? 0)) })),
                ("waived", .int(summary.waived)),
            ])),
        ])
    }

    static func agentValue(_ report: AgentReport) -> JSONValue {
        let agent = report.agent
        return .object([
            ("id", .string(agent.id)),
            ("name", .string(agent.name)),
            ("version", .optional(agent.version)),
            ("owner", TextRules.isBlank(agent.owner) && agent.sources["owner"] == nil ? .null : .string(agent.owner)),
            ("risk_level", .string(agent.risk.level.rawValue)),
            ("compliance_score", .string(report.complianceScore)),
            ("passed", .int(report.passed)),
            ("total", .int(report.total)),
            ("fully_compliant", .bool(report.fullyCompliant)),
            ("checks", .object(report.checks.map { ($0.id, .bool($0.passed)) })),
            ("article_gaps", .array(report.articleGaps.map { .string($0) })),
            ("gaps", .array(report.gaps.map(gapValue))),
            ("checklist", .array(report.checklist.map(checklistValue))),
            ("deployable", .bool(report.deployable)),
            ("audit", report.audit.map(auditValue) ?? .null),
        ])
    }

    static func gapValue(_ gap: Gap) -> JSONValue {
        var members: [(String, JSONValue)] = [
            ("rule", .string(gap.rule)),
            ("kind", .string(gap.kind.rawValue)),
            ("article", .optional(gap.article)),
            ("severity", .string(gap.severity.rawValue)),
            ("status", .string(gap.status.rawValue)),
            ("field", .optional(gap.field)),
            ("subject", .optional(gap.subject)),
            ("message", .string(gap.message)),
            ("remediation", .string(gap.remediation)),
            ("source", .optional(gap.source?.fileAndLine)),
        ]
        // A waived gap ends with its waiver; an open gap has no `waiver` key.
        if let waiver = gap.waiver { members.append(("waiver", waiverValue(waiver))) }
        return .object(members)
    }

    static func waiverValue(_ waiver: Waiver) -> JSONValue {
        .object([
            ("justification", .string(waiver.justification)),
            ("approved_by", .string(waiver.approvedBy)),
            ("approved_on", .string(waiver.approvedOn.description)),
            ("expires", .string(waiver.expires.description)),
            ("source", .string(waiver.location.fileAndLine)),
        ])
    }

    static func checklistValue(_ entry: ChecklistEntry) -> JSONValue {
        .object([
            ("id", .string(entry.item.id)),
            ("section", .string(entry.item.section)),
            ("title", .string(entry.item.title)),
            ("status", .string(entry.status.rawValue)),
            ("auto", .bool(entry.item.isAuto)),
            ("evidence", .optional(entry.evidence)),
            ("note", .optional(entry.note)),
        ])
    }

    static func auditValue(_ audit: AuditSummary) -> JSONValue {
        .object([
            ("events", .int(audit.events)),
            ("blocked", .int(audit.blocked)),
            ("violations", .int(audit.totalViolations)),
            ("approvals", .object([
                ("approved", .int(audit.approvals.approved)),
                ("rejected", .int(audit.approvals.rejected)),
                ("timeout", .int(audit.approvals.timeout)),
            ])),
        ])
    }
}
