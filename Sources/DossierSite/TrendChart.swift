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

    /// The template context; `false` (no chart) with fewer than two releases.
    func context() -> Any {
        guard releases.count >= 2 else { return false }
        let plotWidth = Self.width - Self.left - Self.right
        let plotHeight = Self.height - Self.top - Self.bottom
        let step = Double(plotWidth) / Double(releases.count - 1)
        let maxGaps = max(1, releases.map(\.openGapsTotal).max() ?? 1)
        func x(_ index: Int) -> Int { Self.left + Int((Double(index) * step).rounded()) }
        func y(_ value: Int, of maximum: Int) -> Int { Self.top + plotHeight - value * plotHeight / maximum }
        func line(_ values: [Int], maximum: Int, style: String, label: String) -> [String: Any] {
            let points = values.enumerated().map { ["x": x($0.offset), "y": y($0.element, of: maximum), "value": $0.element] }
            return ["style": style, "label": label,
                    "points": points.map { "\($0["x"]!),\($0["y"]!)" }.joined(separator: " "),
                    "dots": points]
        }
        let description = releases.map {
            "\($0.release): \($0.scorePercent)% of checks passed, \($0.openGapsTotal) open gaps"
        }.joined(separator: "; ")
        return [
            "id": "chart-trend",
            "title": "Score and open gaps by release",
            "description": description,
            "width": Self.width, "height": Self.height,
            "axis_y": Self.top + plotHeight, "axis_x1": Self.left, "axis_x2": Self.width - Self.right,
            "lines": [line(releases.map(\.scorePercent), maximum: 100, style: "score", label: "Checks passed (%)"),
                      line(releases.map(\.openGapsTotal), maximum: maxGaps, style: "gaps", label: "Open gaps")],
            "ticks": releases.enumerated().map { ["x": x($0.offset), "y": Self.height - 14, "label": $0.element.release] },
            "rows": releases.map { release -> [String: Any] in
                var row: [String: Any] = ["release": release.release, "as_of": release.asOf.description,
                                          "agents": release.agents, "score": "\(release.scorePercent)%",
                                          "gaps": release.openGapsTotal]
                for severity in Severity.allCases { row[severity.rawValue] = release.openGaps[severity] ?? 0 }
                return row
            },
        ]
    }
}
