import Foundation

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

    init(_ previous: PreviousReport) {
        self.init(release: previous.release, asOf: previous.asOf,
                  agents: previous.agents.map { ($0.passed, $0.total, $0.openGaps) })
    }

    /// From each agent's checks passed, checks in all, and open gaps by severity.
    private init(release: String, asOf: CalendarDate, agents: [(passed: Int, total: Int, openGaps: [Severity: Int])]) {
        self.release = release
        self.asOf = asOf
        self.agents = agents.count
        checksPassed = agents.reduce(0) { $0 + $1.passed }
        checksTotal = agents.reduce(0) { $0 + $1.total }
        var gaps = Dictionary(uniqueKeysWithValues: Severity.allCases.map { ($0, 0) })
        for agent in agents { gaps.merge(agent.openGaps, uniquingKeysWith: +) }
        openGaps = gaps
    }

    /// The releases of a `--history` folder (every `*.json` in it, and `*/report.json`), then `current`,
    /// oldest first (by as-of date, then release label); a release of the history with the
    /// current label is left out. Reports of another organization are errors.
    public static func history(folder: URL, named name: String, current: Report) throws(CompareError) -> [ReleaseSummary] {
        let entries: [String]
        do {
            entries = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted(by: ByteOrder.less)
        } catch {
            throw .unreadable(InputOutputError(path: name, reason: "cannot list the history folder"))
        }
        var summaries: [ReleaseSummary] = []
        for entry in entries {
            let url = folder.appendingPathComponent(entry)
            var isDirectory: ObjCBool = false
            _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory)
            if isDirectory.boolValue {
                guard FileManager.default.fileExists(atPath: url.appendingPathComponent("report.json").path) else { continue }
            } else if !entry.hasSuffix(".json") {
                continue
            }
            let previous = try PreviousReport.load(url, named: "\(name)/\(entry)")
            try previous.requireOrganization(current.organization)
            if previous.release != current.release { summaries.append(ReleaseSummary(previous)) }
        }
        summaries.append(ReleaseSummary(current))
        return summaries.sorted { a, b in
            a.asOf != b.asOf ? a.asOf < b.asOf : ByteOrder.less(a.release, b.release)
        }
    }
}
