import DossierSupport
import DossierModel

// Rules that compare the audit evidence with what the profile declares.

extension FindingRule {
    static let undeclaredCapability = FindingRule(
        id: "undeclared-capability", severity: .critical,
        summary: "The audit shows at least one executed (allowed) event of an action mapped to a capability that the risk profile declares false.",
        remediation: "Either stop the agent from using the capability (remove the tool, enforce it in the policy engine) or declare it in the risk profile and reassess the risk."
    ) { rule, context in
        context.deniedCapabilities { actions in actions.contains { $0.1.executed > 0 } }.map { capability, actions in
            let executed = actions.filter { $0.1.executed > 0 }
            let (count, list) = tally(executed, \.executed)
            let example = context.example(executed.map(\.0), \.firstExecuted)
            return context.finding(rule, field: "risk.\(capability.rawValue)", subject: capability.rawValue,
                                   message: "the audit shows \(Counted.phrase(count, "executed event")) (\(list)) exercising \(capability.rawValue), which the risk profile declares false"
                                       + RuleContext.naming(example, as: "the first"),
                                   source: example?.location)
        }
    }

    static let undeclaredCapabilityAttempted = FindingRule(
        id: "undeclared-capability-attempted", severity: .medium,
        summary: "The risk profile declares a capability false and the audit shows no executed event of its actions, but at least one blocked attempt: the policy engine held, yet the agent is wired to a capability its profile denies.",
        remediation: "Remove the tool that exposes the capability from the agent, or correct the risk profile and its documentation (Art. 11) if the agent needs it."
    ) { rule, context in
        context.deniedCapabilities { actions in actions.allSatisfy { $0.1.executed == 0 } }.map { capability, actions in
            let (count, list) = tally(actions, \.blocked)
            let example = context.example(actions.map(\.0), \.firstBlocked)
            return context.finding(rule, field: "risk.\(capability.rawValue)", subject: capability.rawValue,
                                   message: "the audit shows \(Counted.phrase(count, "blocked attempt")) (\(list)) to use \(capability.rawValue), which the risk profile declares false; none was executed"
                                       + RuleContext.naming(example, as: "the first"),
                                   source: example?.location)
        }
    }

    /// The sum of `count` over the actions, and the actions with their counts (`12 send_email, 3 send_contract`).
    private static func tally(_ actions: [(String, AuditSummary.ActionStats)],
                              _ count: KeyPath<AuditSummary.ActionStats, Int>) -> (Int, String) {
        (actions.map { $0.1[keyPath: count] }.saturatingSum, actions.map { "\(Counted.grouped($0.1[keyPath: count])) \($0.0)" }.joined(separator: ", "))
    }

    static let transactionOverLimit = FindingRule(
        id: "transaction-over-limit", severity: .critical,
        summary: "The largest executed amount (max_amount) of a transaction action exceeds risk.max_transaction_amount (a limit of 0 allows no amount); blocked attempts above the limit are the limit holding, not a gap.",
        remediation: "Enforce the transaction limit in the policy engine, or raise risk.max_transaction_amount after a risk review."
    ) { rule, context in
        let limit = context.agent.risk.maxTransactionAmount
        return context.auditedActions(exercising: .makeFinancialTransactions).compactMap { action, stats -> Gap? in
            guard let amount = stats.maxAmount, amount > limit else { return nil }
            let example = context.example([action], \.largestAmount)
            return context.finding(rule, field: "risk.max_transaction_amount", subject: action,
                                   message: "the audit shows executed \(action) amounts up to \(amount.displayAmount), above the limit of \(limit.displayAmount)"
                                       + RuleContext.naming(example, as: "the largest"),
                                   source: example?.location)
        }
    }

    static let criticalViolation = FindingRule(
        id: "critical-violation", severity: .critical,
        summary: "The audit shows at least one policy violation of severity critical (one finding per policy).",
        remediation: "Investigate each critical violation as an incident, fix its cause, and record the outcome."
    ) { rule, context in
        guard let audit = context.audit else { return [] }
        return audit.policyViolations.filter { $0.value.severity == .critical && $0.value.count > 0 }
            .sorted { ByteOrder.less($0.key, $1.key) }
            .map { policy, violations in
                let example = context.example([policy], \.firstCritical)
                return context.finding(rule, field: nil, subject: policy,
                                       message: "the audit shows \(Counted.phrase(violations.count, "critical violation")) of policy \(policy)"
                                           + RuleContext.naming(example, as: "the first"),
                                       source: example?.location ?? audit.sources.location(of: "policy_violations.\(policy)"))
            }
    }

    static let toolOutsideAllowlist = FindingRule(
        id: "tool-outside-allowlist", severity: .high,
        summary: "allowed_tools is a non-empty list and the audit shows a tool that is not in it.",
        remediation: "Remove the tool from the agent or add it to allowed_tools after review."
    ) { rule, context in
        guard let audit = context.audit, !context.agent.allowedTools.isEmpty else { return [] }
        return audit.tools.filter { $0.value > 0 && !context.agent.allowedTools.contains($0.key) }
            .sorted { ByteOrder.less($0.key, $1.key) }
            .map { tool, uses in
                let example = context.example([tool], \.firstToolUse)
                return context.finding(rule, field: "allowed_tools", subject: tool,
                                       message: "the audit shows \(Counted.phrase(uses, "use")) of tool \(tool), which is not in allowed_tools"
                                           + RuleContext.naming(example, as: "the first"),
                                       source: example?.location)
            }
    }

    static let auditEvidenceMissing = FindingRule(
        id: "audit-evidence-missing", severity: .high,
        summary: "Risk level high or critical, audit_logs_enabled is true, and there is no audit summary or raw log for the agent.",
        remediation: "Export the agent's audit logs, or a summary of them, into audit/ so that the record can be checked against evidence."
    ) { rule, context in
        guard context.agent.risk.level >= .high, context.agent.compliance.auditLogsEnabled, context.audit == nil else { return [] }
        return [context.finding(rule, field: "compliance.audit_logs_enabled",
                                message: "audit logging is declared enabled for a \(context.agent.risk.level.rawValue)-risk agent, but the repository has no audit evidence for it")]
    }

    static let approvalsNotEvidenced = FindingRule(
        id: "approvals-not-evidenced", severity: .medium,
        summary: "requires_human_approval is true, the audit has executed events of capability-mapped actions, and it records no approval decision at all.",
        remediation: "Make sure the approval gate records its decisions (metadata.approval_status) in the audit log."
    ) { rule, context in
        guard context.agent.risk.requiresHumanApproval, let audit = context.audit, audit.approvals.total == 0 else { return [] }
        let actions = Capability.allCases.flatMap { context.executedActions(exercising: $0) }
        guard !actions.isEmpty else { return [] }
        let count = actions.map(\.1.executed).saturatingSum
        return [context.finding(rule, field: "risk.requires_human_approval",
                                message: "human approval is required, but the audit records no approval decision for \(Counted.phrase(count, "capability event"))")]
    }

    static let approvalTimeouts = FindingRule(
        id: "approval-timeouts", severity: .medium,
        summary: "timeouts / (approved + rejected + timeout) is above thresholds.approval_timeout_max_ratio.",
        remediation: "Staff the approval rota or adjust the gate so that requests are decided before they time out."
    ) { rule, context in
        guard let audit = context.audit else { return [] }
        let approvals = audit.approvals
        let threshold = context.config.thresholds.approvalTimeoutMaxRatio
        guard threshold.isExceeded(byRatioOf: approvals.timeout, to: approvals.total) else { return [] }
        return [context.finding(rule, field: nil,
                                message: "\(Counted.grouped(approvals.timeout)) of \(Counted.phrase(approvals.total, "approval request")) timed out, above the maximum ratio of \(threshold.text)",
                                source: audit.sources.location(of: "approvals.timeout"))]
    }

    static let violationRate = FindingRule(
        id: "violation-rate", severity: .medium,
        summary: "Total policy violations / events is above thresholds.violation_max_ratio.",
        remediation: "Find the policies violated most often and fix the agent's prompts, tools or limits that lead to them."
    ) { rule, context in
        guard let audit = context.audit else { return [] }
        let violations = audit.totalViolations
        let threshold = context.config.thresholds.violationMaxRatio
        guard threshold.isExceeded(byRatioOf: violations, to: audit.events) else { return [] }
        return [context.finding(rule, field: nil,
                                message: "\(Counted.phrase(violations, "policy violation")) in \(Counted.phrase(audit.events, "event")), above the maximum ratio of \(threshold.text)",
                                source: audit.sources.location(of: "policy_violations"))]
    }

    static let malformedAuditLines = FindingRule(
        id: "malformed-audit-lines", severity: .low,
        summary: "The agent's audit summary counts malformed lines (more than 0).",
        remediation: "Fix the logger or the log shipping that writes lines which are not valid audit events."
    ) { rule, context in
        guard let audit = context.audit, audit.malformedLines > 0 else { return [] }
        return [context.finding(rule, field: nil,
                                message: "the audit log has \(Counted.phrase(audit.malformedLines, "malformed line that is not an event", plural: "malformed lines that are not events"))",
                                source: audit.sources.location(of: "malformed_lines"))]
    }
}
