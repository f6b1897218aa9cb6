import DossierSupport
import DossierModel

/// Decides each catalog obligation of an agent (OBLIGATIONS.md): whether it applies and why
/// not, from when, and whether an attestation meets it.
package struct ObligationEvaluator: Sendable {
    package let config: Config
    package let asOf: CalendarDate

    package init(config: Config, asOf: CalendarDate) {
        self.config = config
        self.asOf = asOf
    }

    /// Whether an attestation meets an obligation: at least one existing evidence entry, and not stale.
    package func meets(_ attestation: Attestation?) -> Bool {
        guard let attestation else { return false }
        return attestation.hasExistingEvidence && !attestation.isStale(asOf: asOf, maxAgeDays: config.thresholds.assessmentMaxAgeDays)
    }

    /// The agent's class and its obligations in catalog order (`[]` when unclassified).
    package func evaluate(_ agent: AgentRecord) -> (AIActClass, [Obligation]) {
        guard let classification = agent.classification else { return (.unclassified, []) }
        // The loader refuses a classified agent without a role; provider is the heavier reading.
        let role = classification.role ?? config.role ?? .provider
        let obligations = ObligationCatalog.all.map { definition -> Obligation in
            if let notApplicable = reasonNotApplicable(definition.id, classification, role: role) {
                return Obligation(id: definition.id, article: definition.article, title: definition.title,
                                  status: .notApplicable, appliesFrom: nil, reason: notApplicable)
            }
            let date = config.date(of: definition.group(for: classification))
            let metBy: Obligation.MetBy? = meets(agent.attestations[definition.id]) ? .agent
                : meets(config.attestations[definition.id]) ? .organization : nil
            let status: ObligationStatus = metBy != nil ? .met : date > asOf ? .upcoming : .open
            return Obligation(id: definition.id, article: definition.article, title: definition.title,
                              status: status, appliesFrom: date, reason: nil, metBy: metBy)
        }
        return (classification.aiActClass, obligations)
    }

    /// Why an obligation does not apply, or `nil` when it does (its group is the catalog's).
    func reasonNotApplicable(_ id: String, _ c: Classification, role: Role) -> String? {
        let highRisk = c.aiActClass == .highRisk
        let notHighRisk = "not high-risk (\(c.aiActClass.rawValue))"
        switch id {
        case "art-4", "art-5":
            return nil  // every classified agent
        case "art-6-3":
            guard c.art63Exemption, !c.annexIII.isEmpty else { return "no Art. 6(3) exemption claimed" }
            guard role.isProvider else { return "deployer role (the provider documents the assessment)" }
            return nil
        case "art-17", "art-72":
            guard highRisk else { return notHighRisk }
            guard role.isProvider else { return "deployer role" }
            return nil
        case "art-26":
            guard highRisk else { return notHighRisk }
            guard role.isDeployer else { return "provider role" }
            return nil
        case "art-27":
            guard c.highRiskViaAnnexIII else {
                return c.annexIII.isEmpty ? "no Annex III area" : "Art. 6(3) exemption claimed"
            }
            guard role.isDeployer else { return "provider role (the deployer assesses)" }
            let publicService = config.publicService && c.annexIII.contains { $0 != .criticalInfrastructure }
            let finance = c.annexIII.contains(.creditScoring) || c.annexIII.contains(.insurancePricing)
            guard publicService || finance else {
                return config.publicService
                    ? "critical infrastructure, the only Annex III area, is outside Art. 27(1)"
                    : "not a public service, and no credit scoring or life and health insurance pricing"
            }
            return nil
        case "art-49":
            guard c.highRiskViaAnnexIII else {
                return c.annexIII.isEmpty ? "no Annex III area" : "Art. 6(3) exemption claimed (registered under art-6-3)"
            }
            guard role.isProvider || config.publicAuthority else { return "deployer that is not a public authority" }
            return nil
        case "art-50":
            let asProvider = role.isProvider && (c.interactsWithPeople || c.generatesSyntheticContent)
            let asDeployer = role.isDeployer && (c.emotionRecognition || c.deepFake)
            guard asProvider || asDeployer else {
                return c.hasTransparencyTrigger ? "no Art. 50 trigger for the \(role.rawValue) role" : "no Art. 50 trigger"
            }
            return nil
        case "art-73":
            guard highRisk else { return notHighRisk }
            return nil
        default:
            return "not in the catalog"
        }
    }
}
