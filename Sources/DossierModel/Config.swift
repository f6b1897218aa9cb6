import DossierSupport

/// Thresholds from `dossier.yaml` (`thresholds:`), with their defaults.
public struct Thresholds: Sendable, Equatable {
    /// Art. 12/19/26(6): logs kept at least six months.
    public var retentionMinDays = 180
    public var assessmentMaxAgeDays = 365
    public var approvalTimeoutMaxRatio = ExactDecimal("0.05")!
    public var violationMaxRatio = ExactDecimal("0.01")!

    public init() {}
}

/// `dossier.yaml`: who, what release, thresholds.
public struct Config: Sendable {
    public var organization: String
    public var title: String = "AI Agent Governance"
    /// `nil` when absent (then `--release` must give it).
    public var release: String?
    /// `nil` when absent (then `SOURCE_DATE_EPOCH` or today decides).
    public var asOf: CalendarDate?
    public var baseURL: String = ""
    /// A link to a line of a repository file, with `{path}`, `{line}` and `{commit}` (INPUT.md); "" for none.
    public var sourceURL: String = ""
    /// Who approved this release's report, in file order.
    public var signOff: [SignOff] = []
    public var thresholds = Thresholds()
    /// Capability → audited actions that exercise it.
    public var capabilities: [Capability: [String]]
    /// Where each key of a raw audit event is found (`audit_fields:`); empty for the reference layout.
    public var auditFields = AuditFields()
    /// The organization's role for its agents; an agent's `classification.role` overrides it (OBLIGATIONS.md).
    public var role: Role?
    /// A body governed by public law or a private entity providing public services (Art. 27(1)).
    public var publicService = false
    /// A public authority, or acting on its behalf (Art. 49(3)).
    public var publicAuthority = false
    /// Dates that replace a group's default (`applicability:`).
    public var applicability: [ApplicabilityGroup: CalendarDate] = [:]
    /// The organization's attestations, by catalog id.
    public var attestations: [String: Attestation] = [:]
    public var extensions: [String: ExtensionValue] = [:]

    /// The date `group` applies from: `applicability:`'s, or the default.
    public func date(of group: ApplicabilityGroup) -> CalendarDate { applicability[group] ?? group.defaultDate }

    public init(organization: String) {
        self.organization = organization
        var map: [Capability: [String]] = [:]
        for capability in Capability.allCases { map[capability] = capability.defaultActions }
        self.capabilities = map
    }

}

/// A value under an `x-` key, carried through untouched.
public indirect enum ExtensionValue: Sendable, Equatable {
    case null
    case scalar(String)
    case list([ExtensionValue])
    case map([(String, ExtensionValue)])

    public static func == (a: ExtensionValue, b: ExtensionValue) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.scalar(x), .scalar(y)): return x == y
        case let (.list(x), .list(y)): return x == y
        case let (.map(x), .map(y)):
            return x.count == y.count && zip(x, y).allSatisfy { $0.0 == $1.0 && $0.1 == $1.1 }
        default: return false
        }
    }
}

/// One entry of `sign_off:` in dossier.yaml: who approved the release's report, in which role, when.
public struct SignOff: Sendable, Equatable {
    public var by: String
    public var role: String?
    public var date: CalendarDate
    public var statement: String?

    public init(by: String, role: String? = nil, date: CalendarDate, statement: String? = nil) {
        self.by = by
        self.role = role
        self.date = date
        self.statement = statement
    }
}
