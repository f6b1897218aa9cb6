import DossierSupport

/// What changed since a previous release (`--compare-to`, OUTPUT.md `changes`):
/// agents added and removed, gaps new and resolved, and per agent the score,
/// the verdict and the checklist items whose status changed. Gaps are matched
/// by agent, rule, field and subject, never by wording.
public struct ReleaseChanges: Sendable {
    public struct GapChange: Sendable, Equatable {
        public let agent: String
        public let rule: String
        public let field: String?
        public let subject: String?
        public let severity: Severity

        package init(agent: String, rule: String, field: String?, subject: String?, severity: Severity) {
            self.agent = agent
            self.rule = rule
            self.field = field
            self.subject = subject
            self.severity = severity
        }
    }

    public struct ChecklistChange: Sendable, Equatable {
        public let id: String
        public let before: String
        public let after: String

        package init(id: String, before: String, after: String) {
            self.id = id
            self.before = before
            self.after = after
        }
    }

    public struct AgentChange: Sendable, Equatable {
        public let id: String
        public let scoreBefore: String
        public let scoreAfter: String
        public let deployableBefore: Bool
        public let deployableAfter: Bool
        public let checklist: [ChecklistChange]

        package init(id: String, scoreBefore: String, scoreAfter: String, deployableBefore: Bool, deployableAfter: Bool,
                     checklist: [ChecklistChange]) {
            self.id = id
            self.scoreBefore = scoreBefore
            self.scoreAfter = scoreAfter
            self.deployableBefore = deployableBefore
            self.deployableAfter = deployableAfter
            self.checklist = checklist
        }
    }

    public let previousRelease: String
    public let previousAsOf: CalendarDate
    public let agentsAdded: [String]
    public let agentsRemoved: [String]
    public let gapsNew: [GapChange]
    /// Gaps of agents in both releases that the previous one had and this one has not.
    public let gapsResolved: [GapChange]
    /// Gaps that left with a removed agent: not resolved, gone with the agent (`agentsRemoved`).
    public let gapsOfRemovedAgents: Int
    public let agentsChanged: [AgentChange]
    private let previousGaps: Set<GapKey>

    /// Every field, as the comparison computes them.
    package init(previousRelease: String, previousAsOf: CalendarDate, agentsAdded: [String], agentsRemoved: [String],
                 gapsNew: [GapChange], gapsResolved: [GapChange], gapsOfRemovedAgents: Int = 0, agentsChanged: [AgentChange],
                 previousGaps: Set<GapKey>) {
        self.previousRelease = previousRelease
        self.previousAsOf = previousAsOf
        self.agentsAdded = agentsAdded
        self.agentsRemoved = agentsRemoved
        self.gapsNew = gapsNew
        self.gapsResolved = gapsResolved
        self.gapsOfRemovedAgents = gapsOfRemovedAgents
        self.agentsChanged = agentsChanged
        self.previousGaps = previousGaps
    }

    /// Whether the previous release did not have this gap.
    public func isNew(agent: String, gap: Gap) -> Bool {
        !previousGaps.contains(Self.key(agent: agent, gap: gap))
    }

    public var isEmpty: Bool {
        agentsAdded.isEmpty && agentsRemoved.isEmpty && gapsNew.isEmpty && gapsResolved.isEmpty && agentsChanged.isEmpty
    }

    package static func key(agent: String, gap: Gap) -> GapKey {
        GapKey(agent: agent, rule: gap.rule, field: gap.field, subject: gap.subject)
    }

    /// By agent, then most severe first, then rule, field and subject, in byte order.
    package static func order(_ a: GapChange, _ b: GapChange) -> Bool {
        if a.agent != b.agent { return ByteOrder.less(a.agent, b.agent) }
        if a.severity != b.severity { return a.severity < b.severity }
        if a.rule != b.rule { return ByteOrder.less(a.rule, b.rule) }
        if a.field != b.field { return ByteOrder.less(a.field ?? "", b.field ?? "") }
        return ByteOrder.less(a.subject ?? "", b.subject ?? "")
    }
}

/// What makes a gap the same across releases (OUTPUT.md): agent, rule, field and subject.
package struct GapKey: Hashable, Sendable {
    package let agent: String
    package let rule: String
    package let field: String?
    package let subject: String?

    package init(agent: String, rule: String, field: String?, subject: String?) {
        self.agent = agent
        self.rule = rule
        self.field = field
        self.subject = subject
    }
}
