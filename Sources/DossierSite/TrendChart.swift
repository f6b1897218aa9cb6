import DossierSupport
import DossierModel
import DossierLoad
import DossierScore
import DossierRender

/// The trend of `--history`: per release the open gaps of severity critical and
/// high, as two lines on one count axis (labelled, with its values at the
/// points); the share of checks passed and the other severities are in the table
/// beside it, never on the same scale as a count. The geometry is computed here;
/// the markup is in `templates/partials/trend.mustache`.
struct TrendChart {
    static let width = 640
    static let height = 230
    private static let left = 52, right = 48, top = 26, bottom = 44

    let releases: [ReleaseSummary]

    /// The template context; nil (no chart) with fewer than two releases.
    func context() -> TrendContext? {
        guard releases.count >= 2 else { return nil }
        let plotWidth = Self.width - Self.left - Self.right
        let plotHeight = Self.height - Self.top - Self.bottom
        let step = Double(plotWidth) / Double(releases.count - 1)
        let critical = releases.map { $0.openGaps[.critical] ?? 0 }
        let high = releases.map { $0.openGaps[.high] ?? 0 }
        let maximum = max(1, (critical + high).max() ?? 1)
        func x(_ index: Int) -> Int { Self.left + Int((Double(index) * step).rounded()) }
        func y(_ value: Int) -> Int { Self.top + plotHeight - value * plotHeight / maximum }
        func line(_ values: [Int], style: String, label: String) -> TrendContext.Line {
            let dots = values.enumerated().map { TrendContext.Dot(x: x($0.offset), y: y($0.element), value: $0.element) }
            return TrendContext.Line(style: style, label: label,
                                     points: dots.map { "\($0.x),\($0.y)" }.joined(separator: " "), dots: dots)
        }
        let description = releases.map {
            "\($0.release): \($0.openGaps[.critical] ?? 0) critical and \($0.openGaps[.high] ?? 0) high open gaps, "
                + "\($0.scorePercent)% of checks passed"
        }.joined(separator: "; ")
        // 0, the middle (when it is a whole number of gaps apart) and the maximum.
        var levels = [0, maximum]
        if maximum >= 2, maximum % 2 == 0 { levels.insert(maximum / 2, at: 1) }
        var context = TrendContext(
            id: "chart-trend",
            title: "Open critical and high gaps by release",
            description: description,
            width: Self.width, height: Self.height,
            axisY: Self.top + plotHeight, axisX1: Self.left, axisX2: Self.width - Self.right,
            lines: [line(critical, style: "critical", label: "Critical gaps"),
                    line(high, style: "high", label: "High gaps")],
            ticks: releases.enumerated().map { TrendContext.Tick(x: x($0.offset), y: Self.top + plotHeight + 18, label: $0.element.release) },
            rows: releases.map { release in
                TrendContext.Row(release: release.release, asOf: release.asOf.description, agents: release.agents,
                                 score: "\(release.scorePercent)%", gaps: release.openGapsTotal, openGaps: release.openGaps)
            })
        context.yTicks = levels.map { TrendContext.Tick(x: Self.left - 8, y: y($0) + 4, label: String($0)) }
        context.axisYTop = Self.top
        context.axisTitleY = Self.height - 6
        return context
    }
}
