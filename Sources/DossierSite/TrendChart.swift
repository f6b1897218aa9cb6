import DossierSupport
import DossierModel
import DossierLoad
import DossierScore
import DossierRender

/// The trend of `--history`: per release the share of article checks passed
/// and the open gaps, as two line charts side by side in one SVG. The geometry
/// is computed here; the markup is in `templates/partials/trend.mustache`.
struct TrendChart {
    static let width = 640
    static let height = 220
    private static let left = 44, right = 44, top = 16, bottom = 40

    let releases: [ReleaseSummary]

    /// The template context; nil (no chart) with fewer than two releases.
    func context() -> TrendContext? {
        guard releases.count >= 2 else { return nil }
        let plotWidth = Self.width - Self.left - Self.right
        let plotHeight = Self.height - Self.top - Self.bottom
        let step = Double(plotWidth) / Double(releases.count - 1)
        let maxGaps = max(1, releases.map(\.openGapsTotal).max() ?? 1)
        func x(_ index: Int) -> Int { Self.left + Int((Double(index) * step).rounded()) }
        func y(_ value: Int, of maximum: Int) -> Int { Self.top + plotHeight - value * plotHeight / maximum }
        func line(_ values: [Int], maximum: Int, style: String, label: String) -> TrendContext.Line {
            let dots = values.enumerated().map { TrendContext.Dot(x: x($0.offset), y: y($0.element, of: maximum), value: $0.element) }
            return TrendContext.Line(style: style, label: label,
                                     points: dots.map { "\($0.x),\($0.y)" }.joined(separator: " "), dots: dots)
        }
        let description = releases.map {
            "\($0.release): \($0.scorePercent)% of checks passed, \($0.openGapsTotal) open gaps"
        }.joined(separator: "; ")
        return TrendContext(
            id: "chart-trend",
            title: "Score and open gaps by release",
            description: description,
            width: Self.width, height: Self.height,
            axisY: Self.top + plotHeight, axisX1: Self.left, axisX2: Self.width - Self.right,
            lines: [line(releases.map(\.scorePercent), maximum: 100, style: "score", label: "Checks passed (%)"),
                    line(releases.map(\.openGapsTotal), maximum: maxGaps, style: "gaps", label: "Open gaps")],
            ticks: releases.enumerated().map { TrendContext.Tick(x: x($0.offset), y: Self.height - 14, label: $0.element.release) },
            rows: releases.map { release in
                TrendContext.Row(release: release.release, asOf: release.asOf.description, agents: release.agents,
                                 score: "\(release.scorePercent)%", gaps: release.openGapsTotal, openGaps: release.openGaps)
            })
    }
}
