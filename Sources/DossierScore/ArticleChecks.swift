import DossierSupport
import DossierModel

/// The seven article checks (SCORING.md §1), as the reference model's
/// `generate_compliance_report` computes them, with two deliberate differences:
/// a whitespace-only string is empty, and Art. 12 uses the configured retention minimum.
package struct ArticleCheck: Sendable {
    /// One condition of a check: the field it reads, whether it holds, what to say when it does not,
    /// and how its value is shown (the agent and article pages).
    struct Condition: Sendable {
        let field: String
        let holds: @Sendable (ComplianceRecord, Thresholds) -> Bool
        let problem: @Sendable (ComplianceRecord, Thresholds) -> String
        let remediation: String
        let shown: @Sendable (ComplianceRecord, Thresholds) -> String
    }

    package let id: String
    package let article: String
    /// The article's official title.
    package let title: String
    let conditions: [Condition]

    /// The key of the article's attestation (`art-9` for Art. 9).
    package var attestationKey: String { Attestation.key(forArticle: article) }

    /// The fields behind the check, in the order they are tested.
    package var fields: [String] { conditions.map(\.field) }

    /// Each field with what to do when it fails (SARIF rule help).
    package var remediations: [(field: String, remediation: String)] { conditions.map { ($0.field, $0.remediation) } }

    /// The fields behind the check with their values as shown to people (defaults applied).
    package func shownValues(_ record: ComplianceRecord, thresholds: Thresholds) -> [(field: String, value: String)] {
        conditions.map { ($0.field, $0.shown(record, thresholds)) }
    }

    static func nonEmpty(_ text: String) -> Bool { !TextRules.isBlank(text) }

    // How values are shown.
    static func yesNo(_ value: Bool) -> String { value ? "true" : "false" }
    static func text(_ value: String) -> String { TextRules.isBlank(value) ? "(empty)" : value }

    package static let all: [ArticleCheck] = [
        ArticleCheck(id: "risk_management", article: "Art. 9", title: "Risk management system", conditions: [
            Condition(field: "compliance.risk_assessment_completed", holds: { c, _ in c.riskAssessmentCompleted },
                      problem: { _, _ in "the risk assessment is not completed" },
                      remediation: "Run and record a risk assessment for the agent, then set compliance.risk_assessment_completed: true and its date.",
                      shown: { c, _ in yesNo(c.riskAssessmentCompleted) }),
            Condition(field: "compliance.residual_risks_documented", holds: { c, _ in c.residualRisksDocumented },
                      problem: { _, _ in "residual risks are not documented" },
                      remediation: "Document the risks that remain after mitigation and set compliance.residual_risks_documented: true.",
                      shown: { c, _ in yesNo(c.residualRisksDocumented) }),
        ]),
        ArticleCheck(id: "data_governance", article: "Art. 10", title: "Data and data governance", conditions: [
            Condition(field: "compliance.training_data_documented", holds: { c, _ in c.trainingDataDocumented },
                      problem: { _, _ in "training data is not documented" },
                      remediation: "Document the data the agent was trained, tuned or grounded on and set compliance.training_data_documented: true.",
                      shown: { c, _ in yesNo(c.trainingDataDocumented) }),
            Condition(field: "compliance.bias_testing_completed", holds: { c, _ in c.biasTestingCompleted },
                      problem: { _, _ in "bias testing is not completed" },
                      remediation: "Test the agent for bias on representative inputs, record the results and set compliance.bias_testing_completed: true.",
                      shown: { c, _ in yesNo(c.biasTestingCompleted) }),
        ]),
        ArticleCheck(id: "documentation", article: "Art. 11", title: "Technical documentation", conditions: [
            Condition(field: "compliance.system_description", holds: { c, _ in nonEmpty(c.systemDescription) },
                      problem: { _, _ in "the system description is empty" },
                      remediation: "Describe the system (components, model, tools, data flows) in compliance.system_description.",
                      shown: { c, _ in text(c.systemDescription) }),
            Condition(field: "compliance.intended_purpose", holds: { c, _ in nonEmpty(c.intendedPurpose) },
                      problem: { _, _ in "the intended purpose is empty" },
                      remediation: "State what the agent is for and for whom in compliance.intended_purpose.",
                      shown: { c, _ in text(c.intendedPurpose) }),
        ]),
        ArticleCheck(id: "record_keeping", article: "Art. 12", title: "Record-keeping", conditions: [
            Condition(field: "compliance.audit_logs_enabled", holds: { c, _ in c.auditLogsEnabled },
                      problem: { _, _ in "audit logging is not enabled" },
                      remediation: "Enable automatic audit logging of the agent's actions and set compliance.audit_logs_enabled: true.",
                      shown: { c, _ in yesNo(c.auditLogsEnabled) }),
            Condition(field: "compliance.log_retention_days", holds: { c, t in c.logRetentionDays >= t.retentionMinDays },
                      problem: { c, t in "logs are kept \(c.logRetentionDays) days, fewer than the \(t.retentionMinDays) required" },
                      remediation: "Keep audit logs for at least six months (Art. 19, 26(6)) and record it in compliance.log_retention_days.",
                      shown: { c, t in "\(c.logRetentionDays) days (minimum \(t.retentionMinDays))" }),
        ]),
        ArticleCheck(id: "transparency", article: "Art. 13", title: "Transparency and provision of information to deployers", conditions: [
            Condition(field: "compliance.users_informed_of_ai", holds: { c, _ in c.usersInformedOfAI },
                      problem: { _, _ in "users are not informed that they are dealing with an AI system" },
                      remediation: "Tell users they are interacting with an AI system and set compliance.users_informed_of_ai: true with the disclosure text.",
                      shown: { c, _ in yesNo(c.usersInformedOfAI) }),
        ]),
        ArticleCheck(id: "human_oversight", article: "Art. 14", title: "Human oversight", conditions: [
            Condition(field: "compliance.override_capability", holds: { c, _ in c.overrideCapability },
                      problem: { _, _ in "people cannot override or stop the agent" },
                      remediation: "Give operators a way to override, reverse or stop the agent and set compliance.override_capability: true.",
                      shown: { c, _ in yesNo(c.overrideCapability) }),
            Condition(field: "compliance.human_oversight_measures", holds: { c, _ in !c.humanOversightMeasures.isEmpty },
                      problem: { _, _ in "no human oversight measures are listed" },
                      remediation: "List the oversight measures in place (approval gates, kill switch, review queues) in compliance.human_oversight_measures.",
                      shown: { c, _ in c.humanOversightMeasures.isEmpty ? "(none)" : c.humanOversightMeasures.joined(separator: "; ") }),
        ]),
        ArticleCheck(id: "accuracy", article: "Art. 15", title: "Accuracy, robustness and cybersecurity", conditions: [
            Condition(field: "compliance.accuracy_metrics", holds: { c, _ in !c.accuracyMetrics.isEmpty },
                      problem: { _, _ in "no accuracy metrics are recorded" },
                      remediation: "Measure the agent's accuracy and record the figures in compliance.accuracy_metrics.",
                      shown: { c, _ in c.accuracyMetrics.isEmpty ? "(none)" : c.accuracyMetrics.map { "\($0.0): \($0.1.text)" }.joined(separator: ", ") }),
            Condition(field: "compliance.adversarial_testing", holds: { c, _ in c.adversarialTesting },
                      problem: { _, _ in "adversarial testing is not done" },
                      remediation: "Test the agent against adversarial inputs (prompt injection, jailbreaks, tool misuse) and set compliance.adversarial_testing: true.",
                      shown: { c, _ in yesNo(c.adversarialTesting) }),
        ]),
    ]

    /// Evaluates the check on a record with defaults applied.
    package func evaluate(_ record: ComplianceRecord, thresholds: Thresholds) -> ArticleCheckResult {
        let failing = conditions.first { !$0.holds(record, thresholds) }
        return ArticleCheckResult(id: id, article: article, passed: failing == nil, failingField: failing?.field)
    }

    /// The gap for a failed check.
    func gap(for agent: AgentRecord, thresholds: Thresholds) -> Gap? {
        guard let failing = conditions.first(where: { !$0.holds(agent.compliance, thresholds) }) else { return nil }
        var message = failing.problem(agent.compliance, thresholds)
        if !agent.hasComplianceBlock { message += " (no compliance: record: not assessed)" }
        return Gap(rule: id, kind: .article, article: article, severity: agent.risk.level.gapSeverity,
                   field: failing.field, message: message, remediation: failing.remediation,
                   source: agent.sources.location(of: failing.field))
    }

    /// The position of a check id in the table (for ordering), or nil for a finding rule.
    static func order(of id: String) -> Int? { all.firstIndex { $0.id == id } }
}
