import DossierSupport

/// One agent file, `agents/<id>.yaml|.yml|.json`, with defaults applied.
public struct AgentRecord: Sendable {
    public var id: String
    /// The file, relative to the repository root.
    public var file: String
    public var name: String
    public var version: String?
    /// Empty when absent.
    public var owner: String = ""
    /// Markdown.
    public var description: String = ""
    public var allowedTools: [String] = []
    public var risk: RiskProfile
    /// The EU AI Act record; all defaults when the block is missing.
    public var compliance = ComplianceRecord()
    /// Whether a `compliance:` block with a value was given (`compliance: {}` counts).
    public var hasComplianceBlock = false
    public var checklist: [String: ChecklistAttestation] = [:]
    /// `attestations:`: who vouches for each article's record or obligation, by key (`art-9` … `art-15`, catalog ids).
    public var attestations: [String: Attestation] = [:]
    /// `classification:`; `nil` when absent (the agent is unclassified, OBLIGATIONS.md).
    public var classification: Classification?
    public var extensions: [String: ExtensionValue] = [:]
    /// Where each present key path was written (`risk.level` → line 9).
    package var sources: SourceMap

    public init(id: String, file: String, name: String, risk: RiskProfile) {
        self.id = id
        self.file = file
        self.name = name
        self.risk = risk
        self.sources = SourceMap(file: file)
    }
}

/// `risk:`, the agent's risk profile.
public struct RiskProfile: Sendable {
    public var level: RiskLevel
    public var canWriteData = false
    public var canSendExternalMessages = false
    public var canExecuteCode = false
    public var canMakeFinancialTransactions = false
    public var maxTransactionAmount = ExactDecimal.zero
    public var requiresHumanApproval = false
    public var approvalThreshold = ""

    public init(level: RiskLevel) { self.level = level }

    public func declares(_ capability: Capability) -> Bool {
        switch capability {
        case .sendExternalMessages: canSendExternalMessages
        case .makeFinancialTransactions: canMakeFinancialTransactions
        case .executeCode: canExecuteCode
        case .writeData: canWriteData
        }
    }
}

/// `compliance:`, the EU AI Act record (Articles 9–15), shaped like the reference
/// model's `EUAIActCompliance` dataclass, whose defaults it shares.
public struct ComplianceRecord: Sendable {
    // Art. 9 risk management
    public var riskAssessmentCompleted = false
    public var riskAssessmentDate: CalendarDate?
    public var residualRisksDocumented = false
    // Art. 10 data governance
    public var trainingDataDocumented = false
    public var dataQualityMeasures = false
    public var biasTestingCompleted = false
    // Art. 11 technical documentation
    public var systemDescription = ""
    public var intendedPurpose = ""
    public var performanceMetrics: [(String, ExactDecimal)] = []
    // Art. 12 record-keeping
    public var auditLogsEnabled = false
    public var logRetentionDays = 0
    // Art. 13 transparency
    public var usersInformedOfAI = false
    public var aiDisclosureText = ""
    // Art. 14 human oversight
    public var humanOversightMeasures: [String] = []
    public var overrideCapability = false
    // Art. 15 accuracy, robustness
    public var accuracyMetrics: [(String, ExactDecimal)] = []
    public var adversarialTesting = false

    public init() {}
}

/// A checklist attestation: `{done, evidence, note, by, date}`.
public struct ChecklistAttestation: Sendable {
    public enum Done: String, Sendable {
        case yes = "done", no = "open", notApplicable = "n/a"
    }

    public var done: Done
    public var evidence: String?
    public var note: String?
    /// Who confirmed the item, and when (both optional).
    public var by: String?
    public var date: CalendarDate?
    /// For a repository path: whether it exists inside the repository. URLs are `true`.
    public var evidenceExists = true

    public init(done: Done, evidence: String? = nil, note: String? = nil) {
        self.done = done
        self.evidence = evidence
        self.note = note
    }
}

/// An attestation (INPUT.md `attestations:`): who vouches for a record, when, and the proof.
public struct Attestation: Sendable, Equatable {
    /// One entry of `evidence:`: a repository path or an http(s) URL.
    public struct Evidence: Sendable, Equatable {
        public var ref: String
        /// For a repository path: whether it exists inside the repository. URLs are `true`.
        public var exists = true
        /// Where the entry is written.
        public var location: SourceLocation?

        public init(ref: String, exists: Bool = true, location: SourceLocation? = nil) {
            self.ref = ref
            self.exists = exists
            self.location = location
        }
    }

    public var by: String
    public var date: CalendarDate
    public var evidence: [Evidence] = []
    public var note: String?

    public init(by: String, date: CalendarDate, evidence: [Evidence] = [], note: String? = nil) {
        self.by = by
        self.date = date
        self.evidence = evidence
        self.note = note
    }

    /// The keys an article's attestation is written under, in article order (`art-9` … `art-15`).
    public static let articleKeys = (9...15).map { "art-\($0)" }

    /// The key of an article's attestation: `art-9` for `Art. 9`.
    public static func key(forArticle article: String) -> String { "art-" + article.dropFirst("Art. ".count) }

    /// Whether it was made more than `maxAgeDays` days before `asOf`, or after it (SCORING.md, `attestation-stale`).
    public func isStale(asOf: CalendarDate, maxAgeDays: Int) -> Bool {
        date > asOf || date.days(until: asOf) > maxAgeDays
    }

    /// Whether at least one evidence entry exists (a path in the repository, or a URL).
    public var hasExistingEvidence: Bool { evidence.contains(where: \.exists) }
}
