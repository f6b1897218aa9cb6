import DossierSupport

/// The rule ids a waiver may name and how severe each can be, known before
/// scoring runs (loading validates `waivers.yaml` against it). Scoring provides
/// the catalog of its own checks and rules (`RuleCatalog.standard`), so the ids
/// are written once, where the rules are.
package struct RuleCatalog: Sendable {
    /// The article check ids, in table order.
    package let articleChecks: [String]
    /// The finding rule ids, with their fixed severity.
    package let findings: [(id: String, severity: Severity)]

    package init(articleChecks: [String], findings: [(id: String, severity: Severity)]) {
        self.articleChecks = articleChecks
        self.findings = findings
    }

    /// The two rules about waivers themselves (SCORING.md §2); they cannot be waived.
    package static let ownWaiverRules: Set<String> = ["waiver-expired", "waiver-unused"]

    /// Every rule id a waiver may name: the article checks in table order, then the finding rules.
    package var waivable: [String] { articleChecks + findings.map(\.id) }

    /// Whether a gap of `rule` on an agent of risk level `level` is critical, decided without scoring:
    /// an article check takes the agent's level, a finding rule has a fixed severity.
    package func isCritical(rule: String, level: RiskLevel?) -> Bool {
        if articleChecks.contains(rule) { return level?.gapSeverity == .critical }
        return findings.first { $0.id == rule }?.severity == .critical
    }
}
