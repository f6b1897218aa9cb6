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
    }

    public struct ChecklistChange: Sendable, Equatable {
        public let id: String
        public let before: String
        public let after: String
    }

    public struct AgentChange: Sendable, Equatable {
        public let id: String
        public let scoreBefore: String
        public let scoreAfter: String
        public let deployableBefore: Bool
        public let deployableAfter: Bool
        public let checklist: [ChecklistChange]
    }

    public let previousRelease: String
    public let previousAsOf: CalendarDate
    public let agentsAdded: [String]
    public let agentsRemoved: [String]
    public let gapsNew: [GapChange]
    public let gapsResolved: [GapChange]
    public let agentsChanged: [AgentChange]
    private let previousGaps: Set<PreviousReport.GapKey>

    /// Compares `current` with `previous`; a report of another organization is an error.
    public init(previous: PreviousReport, current: Report) throws(CompareError) {
        try previous.requireOrganization(current.organization)
        previousRelease = previous.release
        previousAsOf = previous.asOf
        let before = Dictionary(previous.agents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let now = Set(current.agents.map(\.agent.id))
        agentsAdded = current.agents.map(\.agent.id).filter { before[$0] == nil }
        agentsRemoved = previous.agents.map(\.id).filter { !now.contains($0) }.sorted(by: ByteOrder.less)

        var previousGaps = Set<PreviousReport.GapKey>()
        var resolved: [GapChange] = []
        for agent in previous.agents {
            for (key, severity) in agent.gaps {
                previousGaps.insert(key)
                resolved.append(GapChange(agent: key.agent, rule: key.rule, field: key.field, subject: key.subject, severity: severity))
            }
        }
        var currentGaps = Set<PreviousReport.GapKey>()
        var new: [GapChange] = []
        var changed: [AgentChange] = []
        for agent in current.agents {
            let id = agent.agent.id
            for gap in agent.gaps {
                let key = Self.key(agent: id, gap: gap)
                currentGaps.insert(key)
                if !previousGaps.contains(key) {
                    new.append(GapChange(agent: id, rule: gap.rule, field: gap.field, subject: gap.subject, severity: gap.severity))
                }
            }
            guard let old = before[id] else { continue }
            let checklist = agent.checklist.compactMap { entry -> ChecklistChange? in
                let after = entry.status.rawValue
                guard let was = old.checklist[entry.item.id], was != after else { return nil }
                return ChecklistChange(id: entry.item.id, before: was, after: after)
            }
            if old.score != agent.complianceScore || old.deployable != agent.deployable || !checklist.isEmpty {
                changed.append(AgentChange(id: id, scoreBefore: old.score, scoreAfter: agent.complianceScore,
                                           deployableBefore: old.deployable, deployableAfter: agent.deployable, checklist: checklist))
            }
        }
        self.previousGaps = previousGaps
        gapsNew = new.sorted(by: Self.order)
        gapsResolved = resolved.filter { change in
            !currentGaps.contains(PreviousReport.GapKey(agent: change.agent, rule: change.rule, field: change.field, subject: change.subject))
        }.sorted(by: Self.order)
        agentsChanged = changed
    }

    /// Whether the previous release did not have this gap.
    public func isNew(agent: String, gap: Gap) -> Bool {
        !previousGaps.contains(Self.key(agent: agent, gap: gap))
    }

    public var isEmpty: Bool {
        agentsAdded.isEmpty && agentsRemoved.isEmpty && gapsNew.isEmpty && gapsResolved.isEmpty && agentsChanged.isEmpty
    }

    static func key(agent: String, gap: Gap) -> PreviousReport.GapKey {
        PreviousReport.GapKey(agent: agent, rule: gap.rule, field: gap.field, subject: gap.subject)
    }

    /// By agent, then most severe first, then rule, field and subject, in byte order.
    static func order(_ a: GapChange, _ b: GapChange) -> Bool {
        if a.agent != b.agent { return ByteOrder.less(a.agent, b.agent) }
        if a.severity != b.severity { return a.severity < b.severity }
        if a.rule != b.rule { return ByteOrder.less(a.rule, b.rule) }
        if a.field != b.field { return ByteOrder.less(a.field ?? "", b.field ?? "") }
        return ByteOrder.less(a.subject ?? "", b.subject ?? "")
    }

    /// The `changes` object of report.json (OUTPUT.md).
    public var json: JSONValue {
        func gap(_ change: GapChange) -> JSONValue {
            .object([("agent", .string(change.agent)), ("rule", .string(change.rule)), ("field", .optional(change.field)),
                     ("subject", .optional(change.subject)), ("severity", .string(change.severity.rawValue))])
        }
        return .object([
            ("previous_release", .string(previousRelease)),
            ("agents_added", .array(agentsAdded.map { .string($0) })),
            ("agents_removed", .array(agentsRemoved.map { .string($0) })),
            ("gaps_new", .array(gapsNew.map(gap))),
            ("gaps_resolved", .array(gapsResolved.map(gap))),
            ("agents_changed", .array(agentsChanged.map { change in
                .object([("id", .string(change.id)), ("score_before", .string(change.scoreBefore)),
                         ("score_after", .string(change.scoreAfter)), ("deployable_before", .bool(change.deployableBefore)),
                         ("deployable_after", .bool(change.deployableAfter)),
                         ("checklist", .array(change.checklist.map {
                             .object([("id", .string($0.id)), ("before", .string($0.before)), ("after", .string($0.after))])
                         }))])
            })),
        ])
    }
}
