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

/// Applying waivers to an agent's gaps (the end-to-end cases are the `waiver-*` fixtures).
struct WaiverTests {
    let asOf = CalendarDate("2026-06-30")!

    /// An agent with no compliance block (every article check fails) and no owner.
    func score(_ waivers: [Waiver], level: RiskLevel = .medium) -> AgentReport {
        let agent = AgentRecord(id: "a", file: "agents/a.yaml", name: "A", risk: RiskProfile(level: level))
        return Scorer(asOf: asOf, release: "1").score(agent, audit: nil, config: Config(organization: "Org"), waivers: waivers)
    }

    func waiver(_ rule: String, field: String? = nil, expires: String = "2026-12-31", line: Int = 1) -> Waiver {
        Waiver(agent: "a", rule: rule, field: field, justification: "accepted for the quarter",
               approvedBy: "ciso@example.com", approvedOn: CalendarDate("2026-06-01")!, expires: CalendarDate(expires)!,
               location: SourceLocation(file: "waivers.yaml", line: line, column: 3))
    }

    @Test func theFirstOfTwoMatchingWaiversApplies() {
        let report = score([waiver("owner-missing", line: 1), waiver("owner-missing", line: 8)])
        let gap = report.gaps.first { $0.rule == "owner-missing" }
        #expect(gap?.status == .waived)
        #expect(gap?.waiver?.location.line == 1)
        #expect(!report.gaps.contains { $0.rule == "waiver-unused" }, "the second waiver matches a gap too")
    }

    @Test func waivedGapsKeepTheirPlaceAndDoNotGate() {
        let open = score([], level: .critical)
        let waived = score([waiver("documentation"), waiver("accuracy")], level: .critical)
        #expect(waived.gaps.map(\.rule) == open.gaps.map(\.rule), "same gaps, same order")
        #expect(waived.gaps.filter { $0.status == .waived }.map(\.rule) == ["documentation", "accuracy"])
        #expect(waived.openGaps.count == open.openGaps.count - 2)
    }

    @Test func expiryIsInclusive() {
        #expect(score([waiver("owner-missing", expires: "2026-06-30")]).openGaps.allSatisfy { $0.rule != "owner-missing" })
        let expired = score([waiver("owner-missing", expires: "2026-06-29")])
        #expect(expired.openGaps.contains { $0.rule == "owner-missing" })
        let finding = expired.gaps.first { $0.rule == "waiver-expired" }
        #expect(finding?.severity == .medium && finding?.subject == "owner-missing" && finding?.field == nil)
        #expect(finding?.source == SourceLocation(file: "waivers.yaml", line: 1, column: 3))
    }

    @Test func sourceNarrowsTheMatchToOneField() {
        let report = score([waiver("record_keeping", field: "compliance.log_retention_days")])
        #expect(report.gaps.first { $0.rule == "record_keeping" }?.status == .open, "its field is audit_logs_enabled")
        #expect(report.gaps.first { $0.rule == "waiver-unused" }?.subject == "record_keeping:compliance.log_retention_days")
    }

    @Test func criticalIsDecidedFromTheRuleAndTheRiskLevel() {
        #expect(RuleCatalog.standard.isCritical(rule: "undeclared-capability", level: .low))
        #expect(!RuleCatalog.standard.isCritical(rule: "owner-missing", level: .critical))
        #expect(RuleCatalog.standard.isCritical(rule: "accuracy", level: .critical))
        #expect(!RuleCatalog.standard.isCritical(rule: "accuracy", level: .high))
        #expect(!RuleCatalog.standard.waivable.contains("waiver-expired") && !RuleCatalog.standard.waivable.contains("waiver-unused"))
    }
}
