import DossierSupport
import DossierModel

/// What a finding rule looks at: one agent, its audit evidence, the configuration and the evaluation date.
package struct RuleContext: Sendable {
    package let agent: AgentRecord
    package let audit: AuditSummary?
    package let config: Config
    package let asOf: CalendarDate
    /// The agent's class and obligations (OBLIGATIONS.md), decided before the rules run.
    package var aiActClass: AIActClass = .unclassified
    package var obligations: [Obligation] = []
    /// The incidents of this agent known on the as-of date, in file order.
    package var incidents: [IncidentEntry] = []

    /// A finding of `rule`, located at `field` (or its nearest present parent) unless `source` is given.
    func finding(_ rule: FindingRule, field: String?, subject: String? = nil, message: String,
                 remediation: String? = nil, source: SourceLocation? = nil) -> Gap {
        Gap(rule: rule.id, kind: .finding, severity: rule.severity, field: field, subject: subject,
            message: message, remediation: remediation ?? rule.remediation,
            source: source ?? agent.sources.location(of: field))
    }

    /// The example event (SCORING.md) among `names`' examples in `table`: the first in log order (each
    /// name's is already the first, or the largest, of its own). `nil` without raw logs.
    func example(_ names: [String], _ table: KeyPath<AuditExamples, [String: EventExample]>) -> EventExample? {
        guard let examples = audit?.examples?[keyPath: table] else { return nil }
        return AuditExamples.first(names.compactMap { examples[$0] })
    }

    /// The end of a message naming an example event by its `event_id` (`; the first is event e-17`),
    /// or nothing when it has none. A long id is cut to `Limits.exampleEventIDCharacters`.
    static func naming(_ example: EventExample?, as role: String) -> String {
        guard let id = example?.eventID else { return "" }
        let limit = Limits.exampleEventIDCharacters
        let shown = id.count > limit ? id.prefix(limit) + "…" : Substring(id)
        return "; \(role) is event \(shown)"
    }

    /// Audited actions with at least one event that exercise `capability`, in byte order.
    func auditedActions(exercising capability: Capability) -> [(String, AuditSummary.ActionStats)] {
        guard let audit else { return [] }
        let mapped = config.capabilities[capability, default: []]
        return audit.actions.filter { mapped.contains($0.key) && $0.value.total > 0 }
            .sorted { ByteOrder.less($0.key, $1.key) }
    }

    /// The capabilities the profile declares false whose audited actions (at least one event) satisfy `matching`,
    /// in the table's order, with those actions.
    func deniedCapabilities(where matching: ([(String, AuditSummary.ActionStats)]) -> Bool)
        -> [(Capability, [(String, AuditSummary.ActionStats)])] {
        Capability.allCases.compactMap { capability in
            guard !agent.risk.declares(capability) else { return nil }
            let actions = auditedActions(exercising: capability)
            return !actions.isEmpty && matching(actions) ? (capability, actions) : nil
        }
    }

    /// Audited actions with at least one executed (allowed) event that exercise `capability`, in byte order.
    func executedActions(exercising capability: Capability) -> [(String, AuditSummary.ActionStats)] {
        auditedActions(exercising: capability).filter { $0.1.executed > 0 }
    }
}

/// An evidence-based rule with a stable id (SCORING.md §2).
package struct FindingRule: Sendable {
    package let id: String
    package let severity: Severity
    /// When it fires, in a sentence (for the reference docs and SARIF rule help).
    package let summary: String
    /// The default remediation hint.
    package let remediation: String
    let evaluate: @Sendable (FindingRule, RuleContext) -> [Gap]

    package func findings(in context: RuleContext) -> [Gap] { evaluate(self, context) }
}

extension FindingRule {
    /// Every finding rule computed from agent data, in rule-id order.
    package static let all: [FindingRule] = ([
        .undeclaredCapability, .transactionOverLimit, .criticalViolation, .toolOutsideAllowlist,
        .undeclaredCapabilityAttempted, .articleUnattested, .attestationStale, .approvalGateMissing, .auditEvidenceMissing, .approvalsNotEvidenced, .approvalTimeouts, .violationRate,
        .staleRiskAssessment, .dataQualityUndocumented, .ownerMissing, .evidenceMissing, .assessmentUndated,
        .disclosureTextMissing, .malformedAuditLines,
        .obligationOpen, .obligationUpcoming, .classificationMissing, .incidentReportOverdue, .incidentReportedLate, .incidentReportDue,
    ] as [FindingRule]).sorted { ByteOrder.less($0.id, $1.id) }
}
