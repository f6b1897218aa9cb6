@testable import DossierSupport
@testable import DossierModel
@testable import DossierLoad
@testable import DossierScore
@testable import DossierRender
import Foundation
import Testing

/// A classification with the given role, areas and triggers.
private func classification(_ role: Role? = nil, areas: [AnnexIIIArea] = [], annexI: Bool = false, exemption: Bool = false,
                           interacts: Bool = false, synthetic: Bool = false, emotion: Bool = false, deepFake: Bool = false) -> Classification {
    var c = Classification()
    c.role = role
    c.annexIII = areas
    c.annexI = annexI
    c.art63Exemption = exemption
    c.interactsWithPeople = interacts
    c.generatesSyntheticContent = synthetic
    c.emotionRecognition = emotion
    c.deepFake = deepFake
    return c
}

/// OBLIGATIONS.md: the catalog's applicability, statuses and dates, the incident register, and the
/// errors of the new keys.
struct ObligationTests {
    static let asOf = CalendarDate("2026-11-24")!

    static func agent(_ classification: Classification?, level: RiskLevel = .high,
                      attestations: [String: Attestation] = [:]) -> AgentRecord {
        var agent = AgentRecord(id: "a", file: "agents/a.yaml", name: "A", risk: RiskProfile(level: level))
        agent.classification = classification
        agent.attestations = attestations
        return agent
    }

    static func obligation(_ id: String, _ c: Classification, config: Config = Config(organization: "O"), asOf: CalendarDate = asOf,
                           attestations: [String: Attestation] = [:]) -> Obligation {
        let (_, obligations) = ObligationEvaluator(config: config, asOf: asOf).evaluate(agent(c, attestations: attestations))
        return obligations.first { $0.id == id }!
    }

    // MARK: The catalog, row by row: where it applies and where it does not, with the reason

    struct Row: Sendable, CustomTestStringConvertible {
        let id: String
        let applies: Classification
        let publicService: Bool
        let publicAuthority: Bool
        let notApplicable: Classification
        let reason: String
        var testDescription: String { id }
    }

    static let rows: [Row] = [
        Row(id: "art-4", applies: classification(.deployer), publicService: false, publicAuthority: false,
            notApplicable: classification(.deployer), reason: ""),
        Row(id: "art-6-3", applies: classification(.provider, areas: [.employment], exemption: true), publicService: false, publicAuthority: false,
            notApplicable: classification(.provider, areas: [.employment]), reason: "no Art. 6(3) exemption claimed"),
        Row(id: "art-17", applies: classification(.provider, areas: [.education]), publicService: false, publicAuthority: false,
            notApplicable: classification(.deployer, areas: [.education]), reason: "deployer role"),
        Row(id: "art-26", applies: classification(.deployer, areas: [.employment]), publicService: false, publicAuthority: false,
            notApplicable: classification(.deployer, interacts: true), reason: "not high-risk (limited)"),
        Row(id: "art-27", applies: classification(.deployer, areas: [.creditScoring]), publicService: false, publicAuthority: false,
            notApplicable: classification(.deployer, areas: [.employment]), reason: "not a public service, and no credit scoring or life and health insurance pricing"),
        Row(id: "art-49", applies: classification(.deployer, areas: [.migration]), publicService: false, publicAuthority: true,
            notApplicable: classification(.deployer, areas: [.migration]), reason: "deployer that is not a public authority"),
        Row(id: "art-50", applies: classification(.provider, synthetic: true), publicService: false, publicAuthority: false,
            notApplicable: classification(.deployer, interacts: true), reason: "no Art. 50 trigger for the deployer role"),
        Row(id: "art-72", applies: classification(.providerAndDeployer, annexI: true), publicService: false, publicAuthority: false,
            notApplicable: classification(.provider), reason: "not high-risk (minimal)"),
        Row(id: "art-73", applies: classification(.deployer, areas: [.biometrics]), publicService: false, publicAuthority: false,
            notApplicable: classification(.deployer, areas: [.biometrics], exemption: true), reason: "not high-risk (minimal)"),
    ]

    @Test(arguments: rows)
    func catalogRowAppliesAndDoesNot(row: Row) {
        var config = Config(organization: "O")
        config.publicService = row.publicService
        config.publicAuthority = row.publicAuthority
        let applies = Self.obligation(row.id, row.applies, config: config)
        #expect(applies.status != .notApplicable, "\(row.id) applies")
        #expect(applies.reason == nil && applies.appliesFrom != nil)
        guard !row.reason.isEmpty else { return }
        var plain = Config(organization: "O")
        plain.publicAuthority = false
        let not = Self.obligation(row.id, row.notApplicable, config: plain)
        #expect(not.status == .notApplicable)
        #expect(not.reason == row.reason)
        #expect(not.appliesFrom == nil)
    }

    @Test func prohibitedPracticesApplyToEveryClassifiedAgentAndNoObligationToAnUnclassifiedOne() {
        for c in [classification(.provider), classification(.deployer, areas: [.employment]), classification(.deployer, deepFake: true)] {
            #expect(Self.obligation("art-5", c).status == .open)
            #expect(Self.obligation("art-4", c).appliesFrom == CalendarDate("2025-02-02"))
        }
        let (kind, obligations) = ObligationEvaluator(config: Config(organization: "O"), asOf: Self.asOf).evaluate(Self.agent(nil))
        #expect(kind == .unclassified && obligations.isEmpty)
    }

    @Test func fundamentalRightsAssessmentForPublicServicesExceptCriticalInfrastructure() {
        var config = Config(organization: "O")
        config.publicService = true
        #expect(Self.obligation("art-27", classification(.deployer, areas: [.education]), config: config).status != .notApplicable)
        #expect(Self.obligation("art-27", classification(.deployer, areas: [.criticalInfrastructure]), config: config).status == .notApplicable)
        #expect(Self.obligation("art-27", classification(.provider, areas: [.creditScoring]), config: config).reason == "provider role (the deployer assesses)")
        #expect(Self.obligation("art-27", classification(.deployer, areas: [.insurancePricing])).status != .notApplicable)
        #expect(Self.obligation("art-27", classification(.deployer, areas: [.criticalInfrastructure]), config: config).reason
                == "critical infrastructure, the only Annex III area, is outside Art. 27(1)")
    }

    @Test func classes() {
        #expect(classification(annexI: true).aiActClass == .highRisk)
        #expect(classification(areas: [.education]).aiActClass == .highRisk)
        #expect(classification(areas: [.education], exemption: true).aiActClass == .minimal)
        #expect(classification(areas: [.education], exemption: true, interacts: true).aiActClass == .limited)
        #expect(classification(emotion: true).aiActClass == .limited)
        #expect(Classification().aiActClass == .minimal)
    }

    @Test func providerAndDeployerHasBothRolesDuties() {
        let c = classification(.providerAndDeployer, areas: [.creditScoring], interacts: true, emotion: true)
        for id in ["art-17", "art-26", "art-27", "art-49", "art-50", "art-72", "art-73"] {
            #expect(Self.obligation(id, c).status != .notApplicable, "\(id)")
        }
    }

    @Test func highRiskObligationsFollowTheirRoute() {
        #expect(Self.obligation("art-17", classification(.provider, areas: [.education])).appliesFrom == CalendarDate("2027-12-02"))
        #expect(Self.obligation("art-17", classification(.provider, annexI: true)).appliesFrom == CalendarDate("2028-08-02"))
        #expect(Self.obligation("art-73", classification(.deployer, areas: [.education], annexI: true)).appliesFrom == CalendarDate("2028-08-02"))
    }

    // MARK: Dates

    @Test(arguments: ApplicabilityGroup.allCases)
    func eachGroupOnTheDayBeforeAndTheDayOfItsDate(group: ApplicabilityGroup) {
        let c: Classification
        let id: String
        switch group {
        case .general: (c, id) = (classification(.provider), "art-4")
        case .prohibitions: (c, id) = (classification(.provider), "art-5")
        case .transparency: (c, id) = (classification(.provider, interacts: true), "art-50")
        case .annexIII: (c, id) = (classification(.provider, areas: [.employment]), "art-17")
        case .annexI: (c, id) = (classification(.provider, annexI: true), "art-17")
        }
        let date = group.defaultDate
        #expect(Self.obligation(id, c, asOf: date.adding(days: -1)).status == .upcoming)
        #expect(Self.obligation(id, c, asOf: date).status == .open)
    }

    @Test func applicabilityOverridesADefaultDate() {
        var config = Config(organization: "O")
        config.applicability[.annexIII] = CalendarDate("2026-08-02")!
        let c = classification(.provider, areas: [.employment])
        #expect(Self.obligation("art-17", c).status == .upcoming)
        #expect(Self.obligation("art-17", c, config: config).status == .open)
        #expect(Self.obligation("art-17", c, config: config).appliesFrom == CalendarDate("2026-08-02"))
        #expect(Self.obligation("art-4", c, config: config).appliesFrom == CalendarDate("2025-02-02"), "other groups keep theirs")
    }

    // MARK: Met

    static let evidence = [Attestation.Evidence(ref: "docs/x.md", exists: true)]

    @Test func anAttestationWithExistingFreshEvidenceMeetsAnObligationEvenEarly() {
        let c = classification(.provider, areas: [.employment])
        let fresh = Attestation(by: "qa", date: CalendarDate("2026-10-01")!, evidence: Self.evidence)
        #expect(Self.obligation("art-17", c, attestations: ["art-17": fresh]).status == .met)
        let noEvidence = Attestation(by: "qa", date: CalendarDate("2026-10-01")!, evidence: [.init(ref: "docs/gone.md", exists: false)])
        #expect(Self.obligation("art-17", c, attestations: ["art-17": noEvidence]).status == .upcoming)
        let stale = Attestation(by: "qa", date: CalendarDate("2024-01-01")!, evidence: Self.evidence)
        #expect(Self.obligation("art-4", c, attestations: ["art-4": stale]).status == .open)
    }

    @Test func theOrganizationsAttestationMeetsWhatTheAgentsDoesNot() {
        var config = Config(organization: "O")
        config.attestations["art-4"] = Attestation(by: "hr", date: CalendarDate("2026-06-01")!, evidence: Self.evidence)
        let c = classification(.provider)
        let stale = Attestation(by: "qa", date: CalendarDate("2024-01-01")!, evidence: Self.evidence)
        let met = Self.obligation("art-4", c, config: config, attestations: ["art-4": stale])
        #expect(met.status == .met && met.metBy == .organization, "a stale agent attestation does not hide the organization's")
        config.attestations["art-4"] = Attestation(by: "hr", date: CalendarDate("2026-06-01")!, evidence: [])
        #expect(Self.obligation("art-4", c, config: config).status == .open, "without existing evidence it meets nothing")
    }

    // MARK: Incidents

    @Test(arguments: IncidentKind.allCases)
    func incidentDeadlines(kind: IncidentKind) {
        let aware = CalendarDate("2026-11-01")!
        let deadline = aware.adding(days: kind.days)
        func status(_ reported: CalendarDate?, asOf: CalendarDate) -> IncidentStatus {
            Incident(id: "I", agent: "a", awareOn: aware, kind: kind, reportedOn: reported, source: SourceLocation(file: "incidents.yaml"))
                .status(asOf: asOf)
        }
        #expect(status(nil, asOf: deadline) == .due, "unreported on the deadline day")
        #expect(status(nil, asOf: deadline.adding(days: 1)) == .overdue, "unreported the day after")
        #expect(status(deadline, asOf: deadline.adding(days: 5)) == .reported, "reported on the deadline day")
        #expect(status(deadline.adding(days: 1), asOf: deadline.adding(days: 5)) == .late, "reported the day after")
        #expect(status(deadline.adding(days: 3), asOf: deadline.adding(days: 1)) == .overdue, "a report after as_of is not made yet")
    }

    @Test func seriousIncidentDeadlineIsFifteenDaysFromAwareness() {
        let incident = Incident(id: "I", agent: "a", awareOn: CalendarDate("2026-11-01")!, kind: .serious, source: SourceLocation(file: "x"))
        #expect(incident.deadline == CalendarDate("2026-11-16"))
    }

    // MARK: Loading and findings, end to end

    static let classified = """
    name: Credit
    risk: {level: high}
    classification:
      role: deployer
      annex_iii: [credit-scoring]
      profiling: true
    """

    static let incidents = """
    - id: INC-1
      agent: credit
      aware_on: 2026-11-01
      kind: serious
      summary: Overdue.
    - id: INC-2
      agent: credit
      aware_on: 2026-11-02
      kind: death
      reported_on: 2026-11-20
    - id: INC-3
      agent: credit
      aware_on: 2026-11-23
      kind: widespread
    - id: INC-4
      agent: credit
      aware_on: 2026-11-10
      kind: serious
      reported_on: 2026-11-12
    - id: INC-5
      agent: credit
      aware_on: 2026-12-01
      kind: serious
    """

    @Test func incidentFindingsOnlyOnceArt73Applies() throws {
        let before = try TestRepository(["dossier.yaml": TestRepository.config, "agents/credit.yaml": Self.classified, "incidents.yaml": Self.incidents])
        defer { before.remove() }
        let report = try before.score(asOf: "2026-11-24")
        #expect(report.incidents.map(\.incident.id) == ["INC-1", "INC-2", "INC-3", "INC-4"], "INC-5 was not known yet")
        #expect(report.incidents.map(\.status) == [.overdue, .late, .due, .reported])
        #expect(!report.agents[0].gaps.contains { $0.rule.hasPrefix("incident-") }, "before art-73 applies, the register scores nothing")

        let after = try TestRepository(["dossier.yaml": TestRepository.config + "applicability: {annex-iii: 2026-11-01}\n",
                                        "agents/credit.yaml": Self.classified, "incidents.yaml": Self.incidents])
        defer { after.remove() }
        let gaps = try after.score(asOf: "2026-11-24").agents[0].gaps
        let incidentGaps = gaps.filter { $0.rule.hasPrefix("incident-") }.sorted { $0.subject ?? "" < $1.subject ?? "" }
        #expect(incidentGaps.map(\.rule) == ["incident-report-overdue", "incident-reported-late", "incident-report-due"])
        #expect(incidentGaps.map(\.severity) == [.critical, .medium, .medium])
        #expect(incidentGaps[0].source == SourceLocation(file: "incidents.yaml", line: 1, column: 3))
        #expect(incidentGaps.allSatisfy { $0.field == nil })
        // High-risk: open obligations are high; the FRIA (credit scoring, deployer) is among them.
        let open = gaps.filter { $0.rule == "obligation-open" }
        #expect(open.contains { $0.subject == "art-27" && $0.severity == .high })
        #expect(open.first { $0.subject == "art-27" }?.source?.line == 3, "the classification key's line")
    }

    @Test func obligationUpcomingWithinHalfAYear() throws {
        let repo = try TestRepository(["dossier.yaml": TestRepository.config, "agents/credit.yaml": Self.classified])
        defer { repo.remove() }
        let far = try repo.score(asOf: "2026-11-24").agents[0]
        #expect(!far.gaps.contains { $0.rule == "obligation-upcoming" }, "2027-12-02 is more than 180 days away")
        #expect(far.obligations.first { $0.id == "art-27" }?.status == .upcoming)
        let near = try repo.score(asOf: "2027-07-01").agents[0]
        #expect(near.gaps.filter { $0.rule == "obligation-upcoming" }.map(\.subject) == ["art-26", "art-27", "art-73"])
        #expect(near.gaps.first { $0.rule == "obligation-upcoming" }?.severity == .low)
    }

    @Test func openObligationSeverity() throws {
        let repo = try TestRepository([
            "dossier.yaml": TestRepository.config + "role: provider\n",
            "agents/chat.yaml": "name: Chat\nrisk: {level: low}\nclassification: {interacts_with_people: true}\n",
        ])
        defer { repo.remove() }
        let agent = try repo.score().agents[0]
        #expect(agent.aiActClass == .limited)
        let open = Dictionary(uniqueKeysWithValues: agent.gaps.filter { $0.rule == "obligation-open" }.map { ($0.subject ?? "", $0.severity) })
        #expect(open == ["art-4": .medium, "art-5": .high, "art-50": .medium])
        #expect(agent.gaps.first { $0.subject == "art-5" }?.remediation.contains("dossier.yaml") == true, "the way out names the organization-wide attestation")
    }

    @Test func classificationMissingOnlyForHighAndCritical() throws {
        let repo = try TestRepository([
            "dossier.yaml": TestRepository.config,
            "agents/high.yaml": "name: H\nrisk: {level: critical}\n",
            "agents/low.yaml": "name: L\nrisk: {level: medium}\n",
        ])
        defer { repo.remove() }
        let report = try repo.score()
        let missing = report.agents.map { $0.gaps.filter { $0.rule == "classification-missing" } }
        #expect(missing[0].count == 1 && missing[1].isEmpty)
        #expect(missing[0].first?.source == SourceLocation(file: "agents/high.yaml"))
        #expect(report.agents.allSatisfy { $0.aiActClass == .unclassified && $0.obligations.isEmpty })
    }

    @Test func organizationAttestationsMeetObligationsAndAreReported() throws {
        let repo = try TestRepository([
            "dossier.yaml": TestRepository.config + """
            role: provider
            attestations:
              art-4: {by: hr@example.com, date: 2026-06-01, evidence: [docs/training.md]}
              art-5: {by: legal@example.com, date: 2026-06-01, evidence: [docs/missing.md]}

            """,
            "docs/training.md": "# Training\n",
            "agents/bot.yaml": "name: Bot\nrisk: {level: low}\nclassification: {}\n",
        ])
        defer { repo.remove() }
        let report = try repo.score()
        let statuses = Dictionary(uniqueKeysWithValues: report.agents[0].obligations.map { ($0.id, $0.status) })
        #expect(statuses["art-4"] == .met)
        #expect(statuses["art-5"] == .open, "its only evidence does not exist")
        #expect(report.attestations["art-5"]?.evidence.first?.exists == false)
        #expect(!report.agents[0].gaps.contains { $0.rule == "evidence-missing" }, "an organization attestation gives no finding of its own")
        let json = ReportJSON.render(report)
        let object = try #require(try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any])
        let keys = Array((object as NSDictionary).allKeys.compactMap { $0 as? String })
        #expect(keys.contains("attestations") && keys.contains("incidents"))
        #expect(json.range(of: "\"sign_off\"")!.lowerBound < json.range(of: "\"attestations\"")!.lowerBound)
        #expect(json.range(of: "\"attestations\"")!.lowerBound < json.range(of: "\"incidents\"")!.lowerBound)
    }

    // MARK: Errors

    static func errors(_ files: [String: String]) throws -> [String] {
        let repo = try TestRepository(files)
        defer { repo.remove() }
        let result = try repo.load()
        #expect(result.repository == nil)
        return result.diagnostics.map(\.description)
    }

    @Test func unknownAnnexIIIAreaHasASuggestion() throws {
        let errors = try Self.errors(["dossier.yaml": TestRepository.config + "role: provider\n",
                                      "agents/a.yaml": "name: A\nrisk: {level: low}\nclassification:\n  annex_iii: [credit-scorin]\n"])
        #expect(errors.contains { $0.contains("agents/a.yaml:4:15") && $0.contains("did you mean 'credit-scoring'") })
    }

    @Test func aClassifiedAgentNeedsARole() throws {
        let errors = try Self.errors(["dossier.yaml": TestRepository.config,
                                      "agents/a.yaml": "name: A\nrisk: {level: low}\nclassification:\n  profiling: false\n"])
        #expect(errors.contains { $0.hasPrefix("agents/a.yaml:3:1: classification.role") && $0.contains("needs a role") })
        // Also when dossier.yaml has an error of its own: every error in one run.
        let both = try Self.errors(["dossier.yaml": TestRepository.config + "public_service: maybe\n",
                                    "agents/a.yaml": "name: A\nrisk: {level: low}\nclassification:\n  profiling: false\n"])
        #expect(both.contains { $0.hasPrefix("dossier.yaml:") && $0.contains("public_service") })
        #expect(both.contains { $0.hasPrefix("agents/a.yaml:3:1: classification.role") })
    }

    @Test(arguments: [
        ("  art_6_3_exemption: true\n  profiling: true\n  annex_iii: [education]\n", "profiles natural persons"),
        ("  art_6_3_exemption: true\n  annex_i: true\n  annex_iii: [education]\n", "Annex I"),
        ("  art_6_3_exemption: true\n", "needs an annex_iii area"),
    ])
    func theExemptionIsRefused(block: String, message: String) throws {
        let errors = try Self.errors(["dossier.yaml": TestRepository.config + "role: provider\n",
                                      "agents/a.yaml": "name: A\nrisk: {level: low}\nclassification:\n" + block])
        #expect(errors.contains { $0.contains("agents/a.yaml:4:22: classification.art_6_3_exemption") && $0.contains(message) })
    }

    @Test func incidentErrors() throws {
        let errors = try Self.errors([
            "dossier.yaml": TestRepository.config,
            "agents/a.yaml": "name: A\nrisk: {level: low}\n",
            "incidents.yaml": """
            - {id: I-1, agent: a, aware_on: 2026-11-10, kind: serious, reported_on: 2026-11-09}
            - {id: I-2, agent: b, aware_on: 2026-11-10, kind: serious}
            - {id: I-1, agent: zz, aware_on: 2026-11-10, kind: death}
            - {id: I-4, agent: a, aware_on: 2026-11-10, kind: grave, reprted_on: 2026-11-11}
            """,
        ])
        #expect(errors.contains { $0.contains("incidents.yaml:1:") && $0.contains("[0].reported_on") && $0.contains("is before aware_on") })
        #expect(errors.contains { $0.contains("[1].agent") && $0.contains("no agent 'b'") })
        #expect(errors.contains { $0.contains("[2].id") && $0.contains("duplicate incident id 'I-1'") })
        #expect(errors.contains { $0.contains("[2].agent") && $0.contains("no agent 'zz'") }, "a duplicate's other problems too")
        #expect(errors.contains { $0.contains("[3].kind") })
        #expect(errors.contains { $0.contains("[3].reprted_on") && $0.contains("did you mean 'reported_on'") })
    }

    @Test func attestationKeyErrors() throws {
        let agentErrors = try Self.errors(["dossier.yaml": TestRepository.config,
                                           "agents/a.yaml": "name: A\nrisk: {level: low}\nattestations:\n  art-27x: {by: x, date: 2026-01-01}\n"])
        #expect(agentErrors.contains { $0.contains("attestations.art-27x") && $0.contains("did you mean 'art-27'") })
        let configErrors = try Self.errors(["dossier.yaml": TestRepository.config + "attestations:\n  art-9: {by: x, date: 2026-01-01}\n",
                                            "agents/a.yaml": "name: A\nrisk: {level: low}\n"])
        #expect(configErrors.contains { $0.contains("dossier.yaml:4:3: attestations.art-9") && $0.contains("attested per agent") })
    }

    @Test func applicabilityAndRoleAreStrict() throws {
        let errors = try Self.errors(["dossier.yaml": TestRepository.config + "role: operator\napplicability: {annex-iiii: 2027-01-01}\npublic_service: yes\n",
                                      "agents/a.yaml": "name: A\nrisk: {level: low}\n"])
        #expect(errors.contains { $0.contains("role") && $0.contains("provider") })
        #expect(errors.contains { $0.contains("applicability.annex-iiii") && $0.contains("did you mean 'annex-iii'") })
        #expect(errors.contains { $0.contains("public_service") })
    }

    // MARK: Outputs

    /// examples/acme: a credit-scoring deployer use (FRIA upcoming), an Art. 50 chatbot, a minimal agent, two incidents.
    @Test func theExampleReachesEveryOutput() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        var loader = RepositoryLoader(root: root.appendingPathComponent("examples/acme"), rules: .standard, loadDocuments: true)
        loader.digestRawLogs = true
        let repository = try #require(try loader.load().repository)
        let report = Scorer(asOf: try #require(repository.config.asOf), release: "2026.11").score(repository)
        let classes = Dictionary(uniqueKeysWithValues: report.agents.map { ($0.agent.id, $0.aiActClass) })
        #expect(classes == ["customer-support": .limited, "financial-advisor": .highRisk, "knowledge-base-qa": .minimal])
        let advisor = try #require(report.agents.first { $0.agent.id == "financial-advisor" })
        #expect(advisor.obligations.first { $0.id == "art-27" }?.status == .upcoming)
        #expect(advisor.obligations.first { $0.id == "art-5" }?.metBy == .organization)
        #expect(report.incidents.map(\.status) == [.reported, .late])

        let prometheus = PrometheusReport.render(report)
        #expect(prometheus.contains("dossier_agent_obligations{agent=\"financial-advisor\",status=\"upcoming\"} 3\n"))
        #expect(prometheus.contains("dossier_incidents{status=\"late\"} 1\n"))
        let junit = JUnitReport.render(report)
        #expect(junit.contains("<property name=\"obligation.art-27\" value=\"upcoming, applies from 2027-12-02\"/>"))
        #expect(junit.contains("<property name=\"incident.INC-2026-014\" value=\"late: serious, aware on 2026-10-20, deadline 2026-11-04\"/>"))
        let sarif = try #require(try JSONSerialization.jsonObject(with: Data(SARIFReport.render(report).utf8)) as? [String: Any])
        let run = try #require((sarif["runs"] as? [[String: Any]])?.first)
        #expect(((run["properties"] as? [String: Any])?["incidents"] as? [Any])?.count == 2)
        let markdown = ReportMarkdown.render(report)
        #expect(markdown.contains("## Serious incidents (Art. 73)"))
        #expect(markdown.contains("| Fundamental rights impact assessment | Art. 27 | upcoming | 2027-12-02 |"))
        let text = TextReport(colors: false, failOn: .high).render(report)
        #expect(text.contains("AI Act: high-risk · obligations: 3 upcoming, 2 met"))
        #expect(text.contains("incidents (Art. 73): 1 reported, 1 late"))
    }
}
