import DossierSupport

/// One entry of `waivers.yaml` (INPUT.md): an accepted gap, with who approved
/// it, why, and until when.
public struct Waiver: Sendable, Equatable {
    /// The agent id.
    public var agent: String
    /// An article check id or a finding rule id.
    public var rule: String
    /// The `source:` key: when set, only the gaps whose `field` is this key path are waived.
    public var field: String?
    public var justification: String
    public var approvedBy: String
    public var approvedOn: CalendarDate
    /// The last day the waiver applies (inclusive).
    public var expires: CalendarDate
    /// Where the entry starts in `waivers.yaml`.
    public var location: SourceLocation

    public init(agent: String, rule: String, field: String? = nil, justification: String, approvedBy: String,
                approvedOn: CalendarDate, expires: CalendarDate, location: SourceLocation) {
        self.agent = agent
        self.rule = rule
        self.field = field
        self.justification = justification
        self.approvedBy = approvedBy
        self.approvedOn = approvedOn
        self.expires = expires
        self.location = location
    }

    /// Whether the waiver still applies on `date` (up to and including `expires`).
    public func applies(on date: CalendarDate) -> Bool { date <= expires }

    /// Whether `gap` (of the waiver's agent) is one this waiver is about.
    public func matches(_ gap: Gap) -> Bool {
        gap.rule == rule && (field == nil || gap.field == field)
    }

    /// What the waiver is about, as a finding subject: `rule`, or `rule:field` when it names a field.
    public var subject: String { field.map { "\(rule):\($0)" } ?? rule }
}
