@testable import DossierSupport
@testable import DossierModel
@testable import DossierAudit
@testable import DossierLoad
@testable import DossierScore
@testable import DossierCompare
@testable import DossierRender
@testable import DossierSite
@testable import DossierCore
import Testing

struct ScorerTests {
    let asOf = CalendarDate("2026-11-24")!
    let config = Config(organization: "Test Org")

    func agent(_ level: RiskLevel = .low, _ configure: (inout AgentRecord) -> Void = { _ in }) -> AgentRecord {
        var agent = AgentRecord(id: "a", file: "agents/a.yaml", name: "A", risk: RiskProfile(level: level))
        agent.owner = "owner@example.com"
        configure(&agent)
        return agent
    }

    func fullyCompliant(_ c: inout ComplianceRecord) {
        c.riskAssessmentCompleted = true
        c.riskAssessmentDate = CalendarDate("2026-06-01")
        c.residualRisksDocumented = true
        c.trainingDataDocumented = true
        c.dataQualityMeasures = true
        c.biasTestingCompleted = true
        c.systemDescription = "system"
        c.intendedPurpose = "purpose"
        c.auditLogsEnabled = true
        c.logRetentionDays = 180
        c.usersInformedOfAI = true
        c.aiDisclosureText = "AI"
        c.humanOversightMeasures = ["kill switch"]
        c.overrideCapability = true
        c.accuracyMetrics = [("accuracy", ExactDecimal("0.9")!)]
        c.adversarialTesting = true
    }

    func score(_ agent: AgentRecord, audit: AuditSummary? = nil, config: Config? = nil) -> AgentReport {
        Scorer(asOf: asOf, release: "1").score(agent, audit: audit, config: config ?? self.config)
    }

    @Test func missingComplianceBlockFailsEveryArticle() {
        let report = score(agent())
        #expect(report.complianceScore == "0/7")
        #expect(report.articleGaps == ArticleCheck.all.map(\.id))
        #expect(report.gaps.filter { $0.kind == .article }.allSatisfy { $0.source?.description == "agents/a.yaml" })
        #expect(report.gaps.contains { $0.rule == "data-quality-undocumented" })
        #expect(report.checklist.first { $0.item.id == "eu_ai_act_assessed" }?.status == .open)
    }

    @Test func fullyCompliantRecordPassesAll() {
        let report = score(agent { $0.hasComplianceBlock = true; fullyCompliant(&$0.compliance) })
        #expect(report.complianceScore == "7/7")
        #expect(report.fullyCompliant)
        #expect(report.gaps.filter { $0.kind == .article }.isEmpty)
    }

    @Test func firstFailingFieldIsReported() {
        let report = score(agent(.critical) {
            $0.hasComplianceBlock = true
            fullyCompliant(&$0.compliance)
            $0.compliance.auditLogsEnabled = false
            $0.compliance.logRetentionDays = 10
        })
        let gap = report.gaps.first { $0.rule == "record_keeping" }
        #expect(gap?.field == "compliance.audit_logs_enabled")
        #expect(gap?.severity == .critical, "an article gap takes the agent's risk level")
        #expect(gap?.article == "Art. 12")
    }

    @Test func retentionUsesTheConfiguredMinimum() {
        var strict = config
        strict.thresholds.retentionMinDays = 365
        let record = agent { $0.hasComplianceBlock = true; fullyCompliant(&$0.compliance) }
        #expect(score(record).checks.first { $0.id == "record_keeping" }?.passed == true)
        let failing = score(record, config: strict)
        #expect(failing.checks.first { $0.id == "record_keeping" }?.passed == false)
        #expect(failing.gaps.first { $0.rule == "record_keeping" }?.message == "logs are kept 180 days, fewer than the 365 required")
    }

    @Test func whitespaceOnlyTextIsEmpty() {
        let report = score(agent { $0.hasComplianceBlock = true; fullyCompliant(&$0.compliance); $0.compliance.systemDescription = "\u{00A0}\u{3000} " })
        #expect(report.articleGaps == ["documentation"])
    }

    @Test func gapOrder() {
        let report = score(agent(.high) { $0.owner = "" })
        let order = report.gaps.map { "\($0.severity.rawValue) \($0.rule)" }
        // High: the seven article checks in table order, then approval-gate-missing; then mediums by rule id.
        #expect(order == [
            "high risk_management", "high data_governance", "high documentation", "high record_keeping",
            "high transparency", "high human_oversight", "high accuracy", "high approval-gate-missing",
            "medium classification-missing", "medium data-quality-undocumented", "medium owner-missing",
        ])
    }

    @Test func verdict() {
        var record = agent { $0.hasComplianceBlock = true; fullyCompliant(&$0.compliance); $0.allowedTools = ["x"] }
        for item in ChecklistCatalog.items where !item.isAuto {
            record.checklist[item.id] = ChecklistAttestation(done: .yes)
        }
        #expect(score(record).deployable)
        record.checklist["rate_limiting"] = ChecklistAttestation(done: .notApplicable)
        #expect(score(record).deployable)
        record.checklist["rate_limiting"] = ChecklistAttestation(done: .no)
        #expect(!score(record).deployable, "an open checklist item blocks deployment")
        record.checklist["rate_limiting"] = ChecklistAttestation(done: .yes)
        record.owner = ""
        #expect(score(record).deployable, "a medium gap does not block deployment")
        record.risk.level = .high
        record.risk.requiresHumanApproval = false
        let report = score(record)
        #expect(!report.deployable)
        #expect(report.verdictReason == "2 open high or critical gaps and 1 open checklist item")
    }

    @Test func autoChecklistItems() {
        func status(_ id: String, _ configure: (inout AgentRecord) -> Void) -> ChecklistStatus? {
            score(agent(.low, configure)).checklist.first { $0.item.id == id }?.status
        }
        #expect(status("risk_level_classified") { _ in } == .done)
        #expect(status("allowed_tools_defined") { _ in } == .open)
        #expect(status("allowed_tools_defined") { $0.allowedTools = ["x"] } == .done)
        #expect(status("action_limits_set") { _ in } == .done)
        #expect(status("action_limits_set") { $0.risk.canMakeFinancialTransactions = true } == .open)
        #expect(status("action_limits_set") { $0.risk.canMakeFinancialTransactions = true; $0.risk.maxTransactionAmount = ExactDecimal("0.01")! } == .done)
        #expect(status("approval_requirements_specified") { $0.risk.requiresHumanApproval = true } == .open)
        #expect(status("approval_requirements_specified") { $0.risk.requiresHumanApproval = true; $0.risk.approvalThreshold = "all" } == .done)
        #expect(status("approval_gate_for_high_risk") { _ in } == .notApplicable)
        #expect(status("approval_gate_for_high_risk") { $0.risk.level = .high } == .open)
        #expect(status("approval_gate_for_high_risk") { $0.risk.level = .critical; $0.risk.requiresHumanApproval = true } == .done)
        #expect(status("eu_ai_act_assessed") { $0.hasComplianceBlock = true } == .done)
        #expect(status("audit_logging_enabled") { $0.compliance.auditLogsEnabled = true; $0.compliance.logRetentionDays = 180 } == .done)
        #expect(status("rate_limiting") { _ in } == .open)
    }

    @Test func auditFindings() {
        var audit = AuditSummary(agent: "a", file: "audit/a.json", events: 100, allowed: 98, blocked: 2)
        audit.actions = ["refund": .init(total: 3, blocked: 0, maxAmount: ExactDecimal("150")),
                         "run_code": .init(total: 1, blocked: 1),
                         "lookup": .init(total: 96, blocked: 1)]
        audit.tools = ["lookup": 96, "shell": 1, "unused": 0]
        audit.policyViolations = ["pii": .init(count: 1, severity: .critical), "tone": .init(count: 1, severity: .low)]
        audit.approvals = .init(approved: 95, rejected: 0, timeout: 5)
        let report = score(agent { $0.allowedTools = ["lookup"]; $0.risk.maxTransactionAmount = ExactDecimal("150")! }, audit: audit)
        let rules = Set(report.gaps.map { "\($0.rule):\($0.subject ?? "")" })
        #expect(rules.contains("undeclared-capability:can_make_financial_transactions"))
        #expect(!rules.contains("undeclared-capability:can_execute_code"), "a blocked attempt is the control working")
        #expect(rules.contains("undeclared-capability-attempted:can_execute_code"), "but the agent is wired to the capability")
        #expect(!rules.contains("undeclared-capability-attempted:can_make_financial_transactions"), "executed, so not only attempted")
        #expect(rules.contains("critical-violation:pii"))
        #expect(rules.contains("tool-outside-allowlist:shell"))
        #expect(!rules.contains("tool-outside-allowlist:unused"))
        #expect(!rules.contains("transaction-over-limit:refund"), "equal to the limit is not over it")
        #expect(!rules.contains("approval-timeouts:"), "5 of 100 at 0.05 is not above")
        #expect(rules.contains("violation-rate:"), "2 of 100 is above 0.01")
    }

    @Test func staleAssessment() {
        func stale(_ date: String) -> Bool {
            score(agent { $0.compliance.riskAssessmentDate = CalendarDate(date) }).gaps.contains { $0.rule == "stale-risk-assessment" }
        }
        #expect(!stale("2025-11-24"), "exactly 365 days old is not stale")
        #expect(stale("2025-11-23"))
        #expect(stale("2026-11-25"), "a future date is a finding")
        #expect(!stale("2026-11-24"))
    }
}
