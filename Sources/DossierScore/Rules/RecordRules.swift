import DossierSupport
import DossierModel

// Rules that read the agent's own record: profile, compliance record and checklist.

extension FindingRule {
    static let approvalGateMissing = FindingRule(
        id: "approval-gate-missing", severity: .high,
        summary: "Risk level high or critical and risk.requires_human_approval is false.",
        remediation: "Put a human approval gate in front of the agent's consequential actions and set risk.requires_human_approval: true."
    ) { rule, context in
        guard context.agent.risk.level >= .high, !context.agent.risk.requiresHumanApproval else { return [] }
        return [context.finding(rule, field: "risk.requires_human_approval",
                                message: "a \(context.agent.risk.level.rawValue)-risk agent runs without a human approval gate")]
    }

    static let staleRiskAssessment = FindingRule(
        id: "stale-risk-assessment", severity: .medium,
        summary: "The risk assessment date is more than thresholds.assessment_max_age_days before as_of, or after as_of.",
        remediation: "Review the risk assessment and record the new date in compliance.risk_assessment_date."
    ) { rule, context in
        guard let date = context.agent.compliance.riskAssessmentDate else { return [] }
        let age = date.days(until: context.asOf)
        let maxAge = context.config.thresholds.assessmentMaxAgeDays
        if age < 0 {
            return [context.finding(rule, field: "compliance.risk_assessment_date",
                                    message: "the risk assessment is dated \(date), \(Counted.phrase(-age, "day")) after the as-of date \(context.asOf)",
                                    remediation: "Correct compliance.risk_assessment_date: an assessment cannot be dated in the future.")]
        }
        guard age > maxAge else { return [] }
        return [context.finding(rule, field: "compliance.risk_assessment_date",
                                message: "the risk assessment of \(date) is \(age) days old, more than the \(maxAge) allowed")]
    }

    static let dataQualityUndocumented = FindingRule(
        id: "data-quality-undocumented", severity: .medium,
        summary: "compliance.data_quality_measures is false (Art. 10(2)-(3); the reference score does not check it).",
        remediation: "Document the data quality measures (relevance, representativeness, error checks) and set compliance.data_quality_measures: true."
    ) { rule, context in
        guard !context.agent.compliance.dataQualityMeasures else { return [] }
        return [context.finding(rule, field: "compliance.data_quality_measures",
                                message: "data quality measures are not documented")]
    }

    static let ownerMissing = FindingRule(
        id: "owner-missing", severity: .medium,
        summary: "owner is empty: nobody is accountable for the agent.",
        remediation: "Name the accountable person or team in owner (an e-mail address is best)."
    ) { rule, context in
        guard TextRules.isBlank(context.agent.owner) else { return [] }
        return [context.finding(rule, field: "owner", message: "the agent has no owner: nobody is accountable for it")]
    }

    static let evidenceMissing = FindingRule(
        id: "evidence-missing", severity: .medium,
        summary: "A checklist evidence path, or an entry of an attestation's evidence list, does not exist in the repository (whatever the entry's done value or the check's result).",
        remediation: "Add the evidence file to the repository or correct the path (relative to the repository root)."
    ) { rule, context in
        let checklist = context.agent.checklist.filter { $0.value.evidence != nil && !$0.value.evidenceExists }
            .sorted { ByteOrder.less($0.key, $1.key) }
            .map { id, attestation in
                context.finding(rule, field: "checklist.\(id).evidence", subject: id,
                                message: "the evidence for \(id), '\(attestation.evidence ?? "")', does not exist in the repository")
            }
        // One finding per missing entry of an attestation's evidence, at that entry's line.
        let attested = context.agent.attestations.sorted { ByteOrder.less($0.key, $1.key) }.flatMap { key, attestation in
            attestation.evidence.filter { !$0.exists }.map { evidence in
                context.finding(rule, field: "attestations.\(key).evidence", subject: "\(key):\(evidence.ref)",
                                message: "the evidence of the \(key) attestation, '\(evidence.ref)', does not exist in the repository",
                                source: evidence.location)
            }
        }
        return checklist + attested
    }

    static let assessmentUndated = FindingRule(
        id: "assessment-undated", severity: .low,
        summary: "risk_assessment_completed is true but risk_assessment_date is absent.",
        remediation: "Record when the risk assessment was done in compliance.risk_assessment_date."
    ) { rule, context in
        guard context.agent.compliance.riskAssessmentCompleted, context.agent.compliance.riskAssessmentDate == nil else { return [] }
        return [context.finding(rule, field: "compliance.risk_assessment_date",
                                message: "the risk assessment is marked completed but has no date")]
    }

    static let disclosureTextMissing = FindingRule(
        id: "disclosure-text-missing", severity: .low,
        summary: "users_informed_of_ai is true but ai_disclosure_text is empty.",
        remediation: "Record the exact text users see in compliance.ai_disclosure_text."
    ) { rule, context in
        guard context.agent.compliance.usersInformedOfAI, TextRules.isBlank(context.agent.compliance.aiDisclosureText) else { return [] }
        return [context.finding(rule, field: "compliance.ai_disclosure_text",
                                message: "users are said to be informed of the AI, but the disclosure text is empty")]
    }
}
