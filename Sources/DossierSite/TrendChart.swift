import DossierSupport
import DossierModel
import DossierLoad
import DossierScore
import DossierRender

/// The trend of `--history`, as two line charts that never share a scale: the open
/// gaps of severity critical and high per release on a count axis, and the share of
/// checks passed on a percentage axis from 0 to 100 %. Each has both axes labelled
/// and its values at the points; the table under them has every number. The geometry
/// is computed here; the markup is in `templates/partials/trend.mustache`.
struct TrendChart {
    static let width = 480
    static let height = 230
    private static let left = 48, right = 40, top = 28, bottom = 44

    let releases: [ReleaseSummary]

    /// The template context; nil (no chart) with fewer than two releases.
    func context() -> TrendContext? {
        guard releases.count >= 2 else { return nil }
        let critical = releases.map { $0.openGaps[.critical] ?? 0 }
        let high = releases.map { $0.openGaps[.high] ?? 0 }
        let maximum = max(1, (critical + high).max() ?? 1)
        // 0, the middle (when it is a whole number of gaps apart) and the maximum.
        var levels = [0, maximum]
        if maximum >= 2, maximum % 2 == 0 { levels.insert(maximum / 2, at: 1) }
        let gaps = plot(
            id: "chart-trend", title: "Open critical and high gaps by release", axisTitle: "Open gaps",
            description: releases.map {
                "\($0.release): \($0.openGaps[.critical] ?? 0) critical and \($0.openGaps[.high] ?? 0) high open gaps"
            }.joined(separator: "; "),
            maximum: maximum, levels: levels.map { ($0, String($0)) },
            lines: [(critical, "critical", "Critical gaps", { String($0) }),
                    (high, "high", "High gaps", { String($0) })])
        let score = plot(
            id: "chart-trend-score", title: "Checks passed by release", axisTitle: "Checks passed (%)",
            description: releases.map { "\($0.release): \($0.scorePercent)% of checks passed" }.joined(separator: "; "),
            maximum: 100, levels: [(0, "0%"), (50, "50%"), (100, "100%")],
            lines: [(releases.map(\.scorePercent), "score", "Checks passed", { "\($0)%" })])
        return TrendContext(
            plots: [gaps, score],
            rows: releases.map { release in
                TrendContext.Row(release: release.release, asOf: release.asOf.description, agents: release.agents,
                                 score: "\(release.scorePercent)%", gaps: release.openGapsTotal, openGaps: release.openGaps)
            })
    }

    /// One chart: lines over the releases on a value axis from 0 to `maximum`.
    private func plot(id: String, title: String, axisTitle: String, description: String, maximum: Int,
                      levels: [(Int, String)], lines: [([Int], String, String, (Int) -> String)]) -> TrendContext.Plot {
        let plotWidth = Self.width - Self.left - Self.right
        let plotHeight = Self.height - Self.top - Self.bottom
        let step = Double(plotWidth) / Double(releases.count - 1)
        func x(_ index: Int) -> Int { Self.left + Int((Double(index) * step).rounded()) }
        func y(_ value: Int) -> Int { Self.top + plotHeight - min(value, maximum) * plotHeight / maximum }
        return TrendContext.Plot(
            id: id, title: title, description: description,
            width: Self.width, height: Self.height,
            axisY: Self.top + plotHeight, axisYTop: Self.top, axisX1: Self.left, axisX2: Self.width - Self.right,
            axisTitle: axisTitle, axisTitleY: Self.height - 6,
            lines: lines.map { values, style, label, shown in
                let dots = values.enumerated().map {
                    TrendContext.Dot(x: x($0.offset), y: y($0.element), value: shown($0.element))
                }
                return TrendContext.Line(style: style, label: label,
                                         points: dots.map { "\($0.x),\($0.y)" }.joined(separator: " "), dots: dots)
            },
            ticks: releases.enumerated().map { TrendContext.Tick(x: x($0.offset), y: Self.top + plotHeight + 22, label: $0.element.release) },
            yTicks: levels.map { TrendContext.Tick(x: Self.left - 8, y: y($0.0) + 4, label: $0.1) })
    }
}
