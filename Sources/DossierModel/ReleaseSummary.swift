import DossierSupport

/// One release's portfolio figures, for the trend chart of `--history`.
public struct ReleaseSummary: Sendable, Equatable {
    public let release: String
    public let asOf: CalendarDate
    public let agents: Int
    /// Article checks passed over all agents, and their number.
    public let checksPassed: Int
    public let checksTotal: Int
    /// Open gaps by severity (waived ones excluded).
    public let openGaps: [Severity: Int]

    public var openGapsTotal: Int { openGaps.values.reduce(0, +) }

    /// Percent of article checks passed, rounded down (0 without agents).
    public var scorePercent: Int { checksTotal == 0 ? 0 : checksPassed * 100 / checksTotal }

    public init(_ report: Report) {
        self.init(release: report.release, asOf: report.asOf, agents: report.agents.map { agent in
            (agent.passed, agent.total, Dictionary(agent.openGaps.map { ($0.severity, 1) }, uniquingKeysWith: +))
        })
    }

    /// From each agent's checks passed, checks in all, and open gaps by severity.
    package init(release: String, asOf: CalendarDate, agents: [(passed: Int, total: Int, openGaps: [Severity: Int])]) {
        self.release = release
        self.asOf = asOf
        self.agents = agents.count
        checksPassed = agents.reduce(0) { $0 + $1.passed }
        checksTotal = agents.reduce(0) { $0 + $1.total }
        var gaps = Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0, 0) })
        for agent in agents { gaps.merge(agent.openGaps, uniquingKeysWith: +) }
        openGaps = gaps
    }
}
