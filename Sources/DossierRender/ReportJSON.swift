import DossierSupport
import DossierModel
import DossierScore

/// `report.json` (OUTPUT.md): the machine-readable report, `dossier.report/v1`.
package enum ReportJSON {
    package static let schema = Report.schema

    package static func render(_ report: Report) -> String {
        var out = ""
        write(report) { out += $0 }
        return out
    }

    /// Writes the report in pieces, one agent at a time, so that a report over
    /// thousands of agents is never held whole in memory. The bytes are those of
    /// `value(report).rendered()`.
    package static func write(_ report: Report, to sink: (String) throws -> Void) rethrows {
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
        var writer = JSONWriter(indent: 4)
        for (index, agent) in report.agents.enumerated() {
            writer.raw("    ")
            writer.write(agent: agent)
            writer.raw(index == report.agents.count - 1 ? "\n" : ",\n")
            try sink(writer.take())
        }
        try sink("  ]" + tail)
    }

    /// One agent's entry of `agents`, as `write(_:to:)` prints it (without the indentation of the list).
    package static func agentJSON(_ agent: AgentReport) -> String {
        var writer = JSONWriter(indent: 0)
        writer.write(agent: agent)
        return writer.take()
    }

    package static func value(_ report: Report) -> JSONValue {
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
            ("commit", .optional(report.commit)),
            ("sign_off", .array(report.signOff.map { entry in
                .object([("by", .string(entry.by)), ("role", .optional(entry.role)), ("date", .string(entry.date.description)),
                         ("statement", .optional(entry.statement))])
            })),
            ("attestations", attestationsValue(report.attestations, stale: report.staleAttestations)),
            ("incidents", .array(report.incidents.map(incidentValue))),
            ("summary", .object([
                ("agents", .int(summary.agents)),
                ("fully_compliant", .int(summary.fullyCompliant)),
                ("fully_evidenced", .int(summary.fullyEvidenced)),
                ("deployable", .int(summary.deployable)),
                ("gaps", .object(Severity.allCases.map { ($0.rawValue, .int(summary.gaps[$0] ?? 0)) })),
                ("waived", .int(summary.waived)),
            ])),
        ])
    }

    package static func agentValue(_ report: AgentReport) -> JSONValue {
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
            ("evidenced_score", .string(report.evidencedScore)),
            ("attestations", attestationsValue(report)),
            ("ai_act_class", .string(report.aiActClass.rawValue)),
            ("obligations", .array(report.obligations.map(obligationValue))),
            ("gaps", .array(report.gaps.map(gapValue))),
            ("checklist", .array(report.checklist.map(checklistValue))),
            ("deployable", .bool(report.deployable)),
            ("audit", report.audit.map(auditValue) ?? .null),
        ])
    }

    /// The agent's attestations, in article order: who, when, the note, whether stale, and each evidence
    /// entry with whether it exists.
    static func attestationsValue(_ report: AgentReport) -> JSONValue {
        attestationsValue(report.agent.attestations, stale: report.staleAttestations)
    }

    /// Attestations by key in article order (`Attestation.allKeys`): an agent's, or the organization's.
    static func attestationsValue(_ attestations: [String: Attestation], stale: Set<String>) -> JSONValue {
        .object(Attestation.allKeys.compactMap { key in
            attestations[key].map { attestation in
                (key, .object([
                    ("by", .string(attestation.by)),
                    ("date", .string(attestation.date.description)),
                    ("note", .optional(attestation.note)),
                    ("stale", .bool(stale.contains(key))),
                    ("evidence", .array(attestation.evidence.map { .object([("ref", .string($0.ref)), ("exists", .bool($0.exists))]) })),
                ]))
            }
        })
    }

    static func obligationValue(_ obligation: Obligation) -> JSONValue {
        .object([
            ("id", .string(obligation.id)),
            ("article", .string(obligation.article)),
            ("title", .string(obligation.title)),
            ("status", .string(obligation.status.rawValue)),
            ("applies_from", .optional(obligation.appliesFrom?.description)),
            ("reason", .optional(obligation.reason)),
        ])
    }

    static func incidentValue(_ entry: IncidentEntry) -> JSONValue {
        .object([
            ("id", .string(entry.incident.id)),
            ("agent", .string(entry.incident.agent)),
            ("kind", .string(entry.incident.kind.rawValue)),
            ("aware_on", .string(entry.incident.awareOn.description)),
            ("deadline", .string(entry.incident.deadline.description)),
            ("reported_on", .optional(entry.incident.reportedOn?.description)),
            ("status", .string(entry.status.rawValue)),
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
            ("by", .optional(entry.by)),
            ("date", .optional(entry.date?.description)),
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

/// The members of `agentValue` and its parts, written without building the tree
/// (what `ReportJSON.write` hands over; a test checks both give the same bytes).
extension JSONWriter {
    mutating func write(agent report: AgentReport) {
        let agent = report.agent
        beginObject()
        member("id", agent.id)
        member("name", agent.name)
        member("version", agent.version)
        key("owner")
        if TextRules.isBlank(agent.owner) && agent.sources["owner"] == nil { null() } else { string(agent.owner) }
        member("risk_level", agent.risk.level.rawValue)
        member("compliance_score", report.complianceScore)
        member("passed", report.passed)
        member("total", report.total)
        member("fully_compliant", report.fullyCompliant)
        key("checks")
        beginObject()
        for check in report.checks { member(check.id, check.passed) }
        endObject()
        key("article_gaps")
        beginArray()
        for id in report.articleGaps { element(); string(id) }
        endArray()
        member("evidenced_score", report.evidencedScore)
        key("attestations")
        value(ReportJSON.attestationsValue(report))
        member("ai_act_class", report.aiActClass.rawValue)
        key("obligations")
        beginArray()
        for obligation in report.obligations { element(); value(ReportJSON.obligationValue(obligation)) }
        endArray()
        key("gaps")
        beginArray()
        for gap in report.gaps { element(); write(gap: gap) }
        endArray()
        key("checklist")
        beginArray()
        for entry in report.checklist { element(); write(checklistEntry: entry) }
        endArray()
        member("deployable", report.deployable)
        key("audit")
        if let audit = report.audit { write(audit: audit) } else { null() }
        endObject()
    }

    mutating func write(gap: Gap) {
        beginObject()
        member("rule", gap.rule)
        member("kind", gap.kind.rawValue)
        member("article", gap.article)
        member("severity", gap.severity.rawValue)
        member("status", gap.status.rawValue)
        member("field", gap.field)
        member("subject", gap.subject)
        member("message", gap.message)
        member("remediation", gap.remediation)
        member("source", gap.source?.fileAndLine)
        if let waiver = gap.waiver {
            key("waiver")
            beginObject()
            member("justification", waiver.justification)
            member("approved_by", waiver.approvedBy)
            member("approved_on", waiver.approvedOn.description)
            member("expires", waiver.expires.description)
            member("source", waiver.location.fileAndLine)
            endObject()
        }
        endObject()
    }

    mutating func write(checklistEntry entry: ChecklistEntry) {
        beginObject()
        member("id", entry.item.id)
        member("section", entry.item.section)
        member("title", entry.item.title)
        member("status", entry.status.rawValue)
        member("auto", entry.item.isAuto)
        member("evidence", entry.evidence)
        member("note", entry.note)
        member("by", entry.by)
        member("date", entry.date?.description)
        endObject()
    }

    mutating func write(audit: AuditSummary) {
        beginObject()
        member("events", audit.events)
        member("blocked", audit.blocked)
        member("violations", audit.totalViolations)
        key("approvals")
        beginObject()
        member("approved", audit.approvals.approved)
        member("rejected", audit.approvals.rejected)
        member("timeout", audit.approvals.timeout)
        endObject()
        endObject()
    }
}
