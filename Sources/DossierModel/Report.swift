import DossierSupport

/// A gap: a failed article check or a finding (SCORING.md).
public struct Gap: Sendable, Equatable {
    public enum Kind: String, Sendable { case article, finding }
    public enum Status: String, Sendable { case open, waived }

    public var rule: String
    public var kind: Kind
    /// `Art. 9` … `Art. 15` for article checks.
    public var article: String?
    public var severity: Severity
    public var status: Status = .open
    /// The key path the rule is about (`compliance.bias_testing_completed`).
    public var field: String?
    /// For rules that fire once per item: the capability, action, tool, policy or checklist item.
    public var subject: String?
    public var message: String
    public var remediation: String
    /// Where `field` (or its nearest present parent) was written.
    public var source: SourceLocation?
    /// The waiver that applies, when `status` is `waived`.
    public var waiver: Waiver?

    public init(rule: String, kind: Kind, article: String? = nil, severity: Severity, field: String?, subject: String? = nil,
                message: String, remediation: String, source: SourceLocation?) {
        self.rule = rule
        self.kind = kind
        self.article = article
        self.severity = severity
        self.field = field
        self.subject = subject
        self.message = message
        self.remediation = remediation
        self.source = source
    }
}

/// The result of one of the seven article checks.
public struct ArticleCheckResult: Sendable, Equatable {
    public let id: String
    public let article: String
    public let passed: Bool
    /// The first field of the check that fails (nil when it passes).
    public let failingField: String?

    package init(id: String, article: String, passed: Bool, failingField: String?) {
        self.id = id
        self.article = article
        self.passed = passed
        self.failingField = failingField
    }
}

/// The status of a checklist item for one agent.
public enum ChecklistStatus: String, Sendable {
    case done, open
    case notApplicable = "n/a"
}

public struct ChecklistEntry: Sendable {
    public let item: ChecklistItem
    public let status: ChecklistStatus
    public let evidence: String?
    public let note: String?
    /// Who confirmed the item and when (attested items only; both optional).
    public let by: String?
    public let date: CalendarDate?

    package init(item: ChecklistItem, status: ChecklistStatus, evidence: String?, note: String?,
                 by: String? = nil, date: CalendarDate? = nil) {
        self.item = item
        self.status = status
        self.evidence = evidence
        self.note = note
        self.by = by
        self.date = date
    }
}

/// Everything scored for one agent.
public struct AgentReport: Sendable {
    public let agent: AgentRecord
    public let audit: AuditSummary?
    public let checks: [ArticleCheckResult]
    /// Article gaps and findings, in report order (SCORING.md §4).
    public let gaps: [Gap]
    public let checklist: [ChecklistEntry]
    /// The attestation keys (`art-9` …) whose attestation is stale (SCORING.md, `attestation-stale`).
    public let staleAttestations: Set<String>
    /// The article check ids that are evidenced: passed, attested with an existing evidence entry, not stale.
    public let evidencedChecks: Set<String>
    /// The agent's class under the AI Act (`unclassified` without a `classification:` block).
    public let aiActClass: AIActClass
    /// The obligation catalog's rows for this agent, in catalog order; `[]` when unclassified.
    public let obligations: [Obligation]

    package init(agent: AgentRecord, audit: AuditSummary?, checks: [ArticleCheckResult], gaps: [Gap], checklist: [ChecklistEntry],
                 staleAttestations: Set<String> = [], evidencedChecks: Set<String> = [],
                 aiActClass: AIActClass = .unclassified, obligations: [Obligation] = []) {
        self.agent = agent
        self.audit = audit
        self.checks = checks
        self.gaps = gaps
        self.checklist = checklist
        self.staleAttestations = staleAttestations
        self.evidencedChecks = evidencedChecks
        self.aiActClass = aiActClass
        self.obligations = obligations
    }

    /// `"<n>/7"`: the articles that rest on proof, not only on the record.
    public var evidencedScore: String { "\(evidencedChecks.count)/\(total)" }
    public var fullyEvidenced: Bool { evidencedChecks.count == total }

    public var passed: Int { checks.filter(\.passed).count }
    public var total: Int { checks.count }
    public var complianceScore: String { "\(passed)/\(total)" }
    public var fullyCompliant: Bool { passed == total }
    public var articleGaps: [String] { checks.filter { !$0.passed }.map(\.id) }
    public var openGaps: [Gap] { gaps.filter { $0.status == .open } }

    /// No open gap of severity high or critical, and every checklist item done or n/a.
    public var deployable: Bool {
        !openGaps.contains { $0.severity.isAtLeast(.high) } && checklist.allSatisfy { $0.status != .open }
    }

    /// Why the agent is or is not deployable, in one sentence.
    public var verdictReason: String {
        let blocking = openGaps.filter { $0.severity.isAtLeast(.high) }
        let openItems = checklist.filter { $0.status == .open }
        if blocking.isEmpty && openItems.isEmpty {
            return "no open high or critical gap, and every checklist item is done or n/a"
        }
        var parts: [String] = []
        if !blocking.isEmpty {
            parts.append(Counted.phrase(blocking.count, "open high or critical gap"))
        }
        if !openItems.isEmpty {
            parts.append(Counted.phrase(openItems.count, "open checklist item"))
        }
        return parts.joined(separator: " and ")
    }
}

/// Portfolio counts.
public struct PortfolioSummary: Sendable, Equatable {
    public var agents = 0
    public var fullyCompliant = 0
    public var fullyEvidenced = 0
    public var deployable = 0
    /// Open gaps by severity.
    public var gaps: [Severity: Int] = [:]
    public var waived = 0
}

/// The scored release report.
public struct Report: Sendable {
    /// The `schema` of report.json (OUTPUT.md); what `--compare-to` and `--history` accept.
    public static let schema = "dossier.report/v1"

    public let organization: String
    public let title: String
    public let release: String
    public let asOf: CalendarDate
    /// By agent id, byte order.
    public let agents: [AgentReport]
    public let extensions: [String: ExtensionValue]
    /// The commit the repository was checked out at (`--commit`, CI variables or `.git`), or `nil`.
    public var commit: String?
    /// Who approved the release's report (dossier.yaml `sign_off`), in file order.
    public var signOff: [SignOff] = []
    /// The organization's attestations (dossier.yaml `attestations:`), by catalog id.
    public var attestations: [String: Attestation] = [:]
    /// Which of them are stale on the as-of date.
    public var staleAttestations: Set<String> = []
    /// `incidents.yaml` on the as-of date, in file order (incidents not yet known then are left out).
    public var incidents: [IncidentEntry] = []
    /// The `source_url` template of dossier.yaml ("" for none).
    public var sourceURL: String = ""

    /// Links sources to their lines at the commit, when `source_url` is set.
    public var sourceLink: SourceLink { SourceLink(template: sourceURL, commit: commit) }
    /// What changed since a previous release (`--compare-to`).
    public var changes: ReleaseChanges?
    /// Earlier releases and this one, oldest first (`--history`); empty without it.
    public var history: [ReleaseSummary] = []

    package init(organization: String, title: String, release: String, asOf: CalendarDate, agents: [AgentReport],
                 extensions: [String: ExtensionValue]) {
        self.organization = organization
        self.title = title
        self.release = release
        self.asOf = asOf
        self.agents = agents
        self.extensions = extensions
    }

    public var summary: PortfolioSummary {
        var summary = PortfolioSummary()
        summary.agents = agents.count
        for severity in Severity.allCases { summary.gaps[severity] = 0 }
        // By index: a loop over the agents would copy every agent's report.
        for index in agents.indices {
            if agents[index].fullyCompliant { summary.fullyCompliant += 1 }
            if agents[index].fullyEvidenced { summary.fullyEvidenced += 1 }
            if agents[index].deployable { summary.deployable += 1 }
            for gap in agents[index].gaps {
                if gap.status == .open { summary.gaps[gap.severity, default: 0] += 1 } else { summary.waived += 1 }
            }
        }
        return summary
    }

    /// Open gaps at or above `level` that the previous release did not have (`--fail-on-new`).
    public func newOpenGaps(atLeast level: Severity, changes: ReleaseChanges) -> [(AgentReport, Gap)] {
        openGaps(atLeast: level).filter { changes.isNew(agent: $0.0.agent.id, gap: $0.1) }
    }

    /// Open gaps at or above `level`.
    public func openGaps(atLeast level: Severity) -> [(AgentReport, Gap)] {
        agents.flatMap { agent in agent.openGaps.filter { $0.severity.isAtLeast(level) }.map { (agent, $0) } }
    }
}

/// What backs an article check of an agent (SCORING.md): proof, an out-of-date attestation, the record alone,
/// or, for a failed check, an attestation that cannot make it pass.
public enum ArticleBacking: String, Sendable {
    case evidenced, stale
    case selfDeclared = "self-declared"
    case attested, none

    /// For people: `Evidenced`, `Stale`, `Self-declared`, `Attested`, or `—`.
    public var label: String {
        switch self {
        case .evidenced: "Evidenced"
        case .stale: "Stale"
        case .selfDeclared: "Self-declared"
        case .attested: "Attested"
        case .none: "—"
        }
    }
}

extension AgentReport {
    /// The attestation of an article check's result, if one was given.
    public func attestation(of result: ArticleCheckResult) -> Attestation? {
        agent.attestations[Attestation.key(forArticle: result.article)]
    }

    /// What backs the article of `result`.
    public func backing(of result: ArticleCheckResult) -> ArticleBacking {
        if evidencedChecks.contains(result.id) { return .evidenced }
        if staleAttestations.contains(Attestation.key(forArticle: result.article)) { return .stale }
        if result.passed { return .selfDeclared }
        return attestation(of: result) == nil ? .none : .attested
    }
}
