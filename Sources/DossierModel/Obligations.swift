import DossierSupport

// What the AI Act asks of each agent beyond Articles 9–15, and from when
// (OBLIGATIONS.md): the organization's role, an agent's classification, the
// obligation catalog with its applicability groups and dates, and the serious
// incidents of Art. 73.

/// The organization's role for an agent (`role` in dossier.yaml or an agent's `classification`).
public enum Role: String, Sendable, CaseIterable {
    case provider
    case deployer
    case providerAndDeployer = "provider-and-deployer"

    public var isProvider: Bool { self != .deployer }
    public var isDeployer: Bool { self != .provider }
}

/// An Annex III area (`classification.annex_iii`).
public enum AnnexIIIArea: String, Sendable, CaseIterable {
    case biometrics
    case criticalInfrastructure = "critical-infrastructure"
    case education
    case employment
    case essentialServices = "essential-services"
    case creditScoring = "credit-scoring"
    case insurancePricing = "insurance-pricing"
    case emergencyTriage = "emergency-triage"
    case lawEnforcement = "law-enforcement"
    case migration
    case justiceDemocracy = "justice-democracy"
}

/// An agent's `classification:` block.
public struct Classification: Sendable, Equatable {
    /// The agent's own role; `nil` takes dossier.yaml's.
    public var role: Role?
    public var annexIII: [AnnexIIIArea] = []
    public var annexI = false
    public var art63Exemption = false
    public var profiling = false
    public var interactsWithPeople = false
    public var generatesSyntheticContent = false
    public var emotionRecognition = false
    public var deepFake = false

    public init() {}

    /// Whether any Art. 50 trigger is set.
    public var hasTransparencyTrigger: Bool {
        interactsWithPeople || generatesSyntheticContent || emotionRecognition || deepFake
    }

    /// High-risk through Annex III: an area, and no Art. 6(3) exemption.
    public var highRiskViaAnnexIII: Bool { !annexIII.isEmpty && !art63Exemption }

    public var aiActClass: AIActClass {
        if annexI || highRiskViaAnnexIII { return .highRisk }
        return hasTransparencyTrigger ? .limited : .minimal
    }
}

/// An agent's class under the AI Act.
public enum AIActClass: String, Sendable, CaseIterable {
    case highRisk = "high-risk"
    case limited
    case minimal
    /// No `classification:` block: no obligation is tracked.
    case unclassified

    public var label: String {
        switch self {
        case .highRisk: "High-risk"
        case .limited: "Limited risk (transparency)"
        case .minimal: "Minimal risk"
        case .unclassified: "Unclassified"
        }
    }
}

/// The groups obligations apply by, each from a date (`applicability:` overrides them).
public enum ApplicabilityGroup: String, Sendable, CaseIterable {
    case general
    case prohibitions
    case transparency
    case annexIII = "annex-iii"
    case annexI = "annex-i"

    /// The date the group applies from, by default, and the legal act that sets it.
    public var defaultDate: CalendarDate { CalendarDate(Self.table[self]!.date)! }

    /// Where the default date comes from.
    public var source: String { Self.table[self]!.source }

    /// The dates as data: each group's default date and its source in the law. When the law moves a
    /// date again, `applicability:` in dossier.yaml overrides it (docs/reference/obligations.md).
    static let table: [ApplicabilityGroup: (date: String, source: String)] = [
        .general: ("2025-02-02", "Regulation (EU) 2024/1689, Art. 113(a): Chapters I and II (Art. 1–5) apply from 2 February 2025"),
        .prohibitions: ("2025-02-02", "Regulation (EU) 2024/1689, Art. 113(a): Chapter II (Art. 5, prohibited practices) applies from 2 February 2025"),
        .transparency: ("2026-08-02", "Regulation (EU) 2024/1689, Art. 113: the general date of application, 2 August 2026 (Art. 50)"),
        .annexIII: ("2027-12-02", "Regulation (EU) 2024/1689 as amended by the Digital Omnibus on AI: high-risk systems of Annex III from 2 December 2027"),
        .annexI: ("2028-08-02", "Regulation (EU) 2024/1689 as amended by the Digital Omnibus on AI: high-risk systems of Annex I from 2 August 2028"),
    ]
}

/// An obligation's status for one agent.
public enum ObligationStatus: String, Sendable, CaseIterable {
    case notApplicable = "not-applicable"
    case upcoming
    case met
    case open

    public var label: String {
        switch self {
        case .notApplicable: "Not applicable"
        case .upcoming: "Upcoming"
        case .met: "Met"
        case .open: "Open"
        }
    }
}

/// One row of the obligation catalog.
public struct ObligationDefinition: Sendable {
    /// The catalog id, also the key of its attestation (`art-27`).
    public let id: String
    /// `Art. 27`, `Art. 6(3)`.
    public let article: String
    public let title: String
    /// What the article requires, in a sentence of our own.
    public let requires: String
    /// Who it applies to, as the catalog says.
    public let appliesTo: String
    /// The group it applies by; `nil` for "by route": `annex-i` for an Annex I system, else `annex-iii`.
    public let group: ApplicabilityGroup?

    /// The group it applies by for an agent of `classification`.
    public func group(for classification: Classification) -> ApplicabilityGroup {
        group ?? (classification.annexI ? .annexI : .annexIII)
    }
}

/// One obligation of one agent.
public struct Obligation: Sendable, Equatable {
    public let id: String
    public let article: String
    public let title: String
    public let status: ObligationStatus
    /// The date it applies from; `nil` when it does not apply.
    public let appliesFrom: CalendarDate?
    /// Why it does not apply; `nil` otherwise.
    public let reason: String?
    /// Whose attestation meets it (`met` only): the agent's own, or the organization's.
    public let metBy: MetBy?

    public enum MetBy: String, Sendable { case agent, organization }

    public init(id: String, article: String, title: String, status: ObligationStatus, appliesFrom: CalendarDate?,
                reason: String?, metBy: MetBy? = nil) {
        self.id = id
        self.article = article
        self.title = title
        self.status = status
        self.appliesFrom = appliesFrom
        self.reason = reason
        self.metBy = metBy
    }
}

public enum ObligationCatalog {
    /// The catalog, in its order (OBLIGATIONS.md).
    public static let all: [ObligationDefinition] = [
        ObligationDefinition(id: "art-4", article: "Art. 4", title: "AI literacy",
                             requires: "Staff who operate or use the system on the organization's behalf have a sufficient level of AI literacy: training and measures suited to their role and to the people the system affects.",
                             appliesTo: "Every classified agent.",
                             group: .general),
        ObligationDefinition(id: "art-5", article: "Art. 5", title: "Prohibited practices screened",
                             requires: "The system has been screened against the practices the Act prohibits: manipulation, exploiting vulnerabilities, social scoring, predicting crimes from profiling, untargeted scraping of faces, emotion recognition at work or school, biometric categorisation by sensitive traits, real-time remote biometric identification in public for law enforcement.",
                             appliesTo: "Every classified agent.",
                             group: .prohibitions),
        ObligationDefinition(id: "art-6-3", article: "Art. 6(3)", title: "No-significant-risk assessment",
                             requires: "A provider who considers an Annex III system not high-risk documents that assessment before the system is placed on the market or put into service, and registers the system (Art. 6(4), Art. 49(2)).",
                             appliesTo: "An Annex III area with the Art. 6(3) exemption claimed, provider.",
                             group: .annexIII),
        ObligationDefinition(id: "art-17", article: "Art. 17", title: "Quality management system",
                             requires: "The provider runs a documented quality management system: compliance strategy, design and development controls, testing, data management, risk management, post-market monitoring, incident reporting, record-keeping and accountability.",
                             appliesTo: "High-risk, provider.",
                             group: nil),
        ObligationDefinition(id: "art-26", article: "Art. 26", title: "Deployer duties",
                             requires: "The deployer uses the system according to its instructions, assigns competent human oversight, keeps input data relevant, monitors operation, keeps the logs at least six months, and informs workers and the people affected.",
                             appliesTo: "High-risk, deployer.",
                             group: nil),
        ObligationDefinition(id: "art-27", article: "Art. 27", title: "Fundamental rights impact assessment",
                             requires: "Before first use, the deployer assesses the impact on fundamental rights: the process, the period and frequency of use, the people affected, the specific risks of harm, the oversight measures and what happens if the risks materialise; and notifies the market surveillance authority.",
                             appliesTo: "High-risk through Annex III, deployer, and either a public service (any area but critical infrastructure) or credit scoring or life and health insurance pricing.",
                             group: .annexIII),
        ObligationDefinition(id: "art-49", article: "Art. 49", title: "Registration in the EU database",
                             requires: "The system is registered in the EU database before it is placed on the market or put into service (by the provider), or before use (by a deployer that is a public authority).",
                             appliesTo: "High-risk through Annex III, provider, or deployer acting as a public authority.",
                             group: .annexIII),
        ObligationDefinition(id: "art-50", article: "Art. 50", title: "Transparency to people",
                             requires: "People are told they are dealing with an AI system; synthetic audio, image, video or text is marked as generated; emotion recognition and biometric categorisation are disclosed to the people exposed; deep fakes are disclosed.",
                             appliesTo: "A provider whose system interacts with people or generates synthetic content, or a deployer of emotion recognition or deep fakes.",
                             group: .transparency),
        ObligationDefinition(id: "art-72", article: "Art. 72", title: "Post-market monitoring",
                             requires: "The provider has a post-market monitoring system and plan that collects and analyses data on the system's performance over its lifetime, to check that it stays compliant.",
                             appliesTo: "High-risk, provider.",
                             group: nil),
        ObligationDefinition(id: "art-73", article: "Art. 73", title: "Serious incidents reported",
                             requires: "Serious incidents are reported to the market surveillance authority within 15 days of becoming aware of them, 10 days after a death, 2 days for a widespread infringement or a serious and irreversible disruption of critical infrastructure; a deployer informs the provider first (Art. 26(5)).",
                             appliesTo: "High-risk, either role.",
                             group: nil),
    ]

    public static let ids = all.map(\.id)

    public static func definition(_ id: String) -> ObligationDefinition? { all.first { $0.id == id } }
}

extension Attestation {
    /// Every attestation key, in article order: `art-4`, `art-5`, `art-6-3`, `art-9` … `art-15`, `art-17` … `art-73`.
    public static let allKeys: [String] = ["art-4", "art-5", "art-6-3"] + articleKeys + ["art-17", "art-26", "art-27", "art-49", "art-50", "art-72", "art-73"]

    /// `keys` in article order (`allKeys`; any other key last, in byte order).
    public static func ordered<S: Sequence>(_ keys: S) -> [String] where S.Element == String {
        keys.sorted { a, b in
            let (i, j) = (allKeys.firstIndex(of: a) ?? Int.max, allKeys.firstIndex(of: b) ?? Int.max)
            return i != j ? i < j : ByteOrder.less(a, b)
        }
    }
}

// MARK: Incidents

/// An incident's kind, which sets its reporting deadline (Art. 73(2)–(4)).
public enum IncidentKind: String, Sendable, CaseIterable {
    case serious
    case death
    case widespread

    /// Days from `aware_on` to the deadline.
    public var days: Int {
        switch self {
        case .serious: 15
        case .death: 10
        case .widespread: 2
        }
    }
}

/// One entry of `incidents.yaml`.
public struct Incident: Sendable, Equatable {
    public var id: String
    public var agent: String
    public var awareOn: CalendarDate
    public var kind: IncidentKind
    public var reportedOn: CalendarDate?
    public var summary: String?
    /// Where the entry starts.
    public var source: SourceLocation

    public init(id: String, agent: String, awareOn: CalendarDate, kind: IncidentKind, reportedOn: CalendarDate? = nil,
                summary: String? = nil, source: SourceLocation) {
        self.id = id
        self.agent = agent
        self.awareOn = awareOn
        self.kind = kind
        self.reportedOn = reportedOn
        self.summary = summary
        self.source = source
    }

    /// `aware_on` plus the kind's days.
    public var deadline: CalendarDate { awareOn.adding(days: kind.days) }

    /// The status on `asOf` (OBLIGATIONS.md): a report after `asOf` is not made yet.
    public func status(asOf: CalendarDate) -> IncidentStatus {
        if let reportedOn, reportedOn <= asOf {
            return reportedOn <= deadline ? .reported : .late
        }
        return deadline >= asOf ? .due : .overdue
    }
}

public enum IncidentStatus: String, Sendable, CaseIterable {
    case reported, late, due, overdue

    public var label: String {
        switch self {
        case .reported: "Reported in time"
        case .late: "Reported late"
        case .due: "Due"
        case .overdue: "Overdue"
        }
    }
}

/// An incident as the report shows it on its as-of date.
public struct IncidentEntry: Sendable, Equatable {
    public let incident: Incident
    public let status: IncidentStatus

    public init(incident: Incident, status: IncidentStatus) {
        self.incident = incident
        self.status = status
    }
}
