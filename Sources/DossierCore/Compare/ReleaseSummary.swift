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
        release = report.release
        asOf = report.asOf
        agents = report.agents.count
        checksPassed = report.agents.reduce(0) { $0 + $1.passed }
        checksTotal = report.agents.reduce(0) { $0 + $1.total }
        var gaps: [Severity: Int] = [:]
        for severity in Severity.allCases { gaps[severity] = 0 }
        for agent in report.agents { for gap in agent.openGaps { gaps[gap.severity, default: 0] += 1 } }
        openGaps = gaps
    }

    init(_ previous: PreviousReport) {
        release = previous.release
        asOf = previous.asOf
        agents = previous.agents.count
        checksPassed = previous.agents.reduce(0) { $0 + $1.passed }
        checksTotal = previous.agents.reduce(0) { $0 + $1.total }
        var gaps: [Severity: Int] = [:]
        for severity in Severity.allCases { gaps[severity] = 0 }
        for agent in previous.agents {
            for (severity, count) in agent.openGaps { gaps[severity, default: 0] += count }
        }
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
