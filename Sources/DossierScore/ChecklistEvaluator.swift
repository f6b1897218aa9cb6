import DossierSupport
import DossierModel

/// Decides the 19 checklist items for one agent (SCORING.md §3).
enum ChecklistEvaluator {
    static func evaluate(_ agent: AgentRecord, recordKeepingPasses: Bool) -> [ChecklistEntry] {
        ChecklistCatalog.items.map { item in
            if item.isAuto {
                return ChecklistEntry(item: item, status: autoStatus(item.id, agent, recordKeepingPasses), evidence: nil, note: nil)
            }
            guard let attestation = agent.checklist[item.id] else {
                return ChecklistEntry(item: item, status: .open, evidence: nil, note: nil)
            }
            let status: ChecklistStatus = switch attestation.done {
            case .yes: .done
            case .no: .open
            case .notApplicable: .notApplicable
            }
            return ChecklistEntry(item: item, status: status, evidence: attestation.evidence, note: attestation.note,
                                  by: attestation.by, date: attestation.date)
        }
    }

    private static func autoStatus(_ id: String, _ agent: AgentRecord, _ recordKeepingPasses: Bool) -> ChecklistStatus {
        let risk = agent.risk
        func done(_ condition: Bool) -> ChecklistStatus { condition ? .done : .open }
        switch id {
        case "risk_level_classified":
            return .done
        case "allowed_tools_defined":
            return done(!agent.allowedTools.isEmpty)
        case "action_limits_set":
            return done(!risk.canMakeFinancialTransactions || risk.maxTransactionAmount > .zero)
        case "approval_requirements_specified":
            return done(!risk.requiresHumanApproval || !TextRules.isBlank(risk.approvalThreshold))
        case "audit_logging_enabled":
            return done(recordKeepingPasses)
        case "approval_gate_for_high_risk":
            return risk.level < .high ? .notApplicable : done(risk.requiresHumanApproval)
        case "eu_ai_act_assessed":
            return done(agent.hasComplianceBlock)
        default:
            return .open
        }
    }
}
