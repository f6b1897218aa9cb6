import DossierSupport
import DossierModel
import DossierLoad
import DossierScore
import DossierRender

/// A horizontal bar chart as numbers: the templates turn it into inline SVG.
/// Geometry is computed here in whole pixels so that templates only place values.
struct Chart {
    struct Segment {
        let value: Int
        /// A fixed style name (`critical`, `allowed` …), never input text.
        let style: String
    }

    struct Row {
        let label: String
        let segments: [Segment]
        var total: Int { segments.map(\.value).saturatingSum }
    }

    let id: String
    let title: String
    let rows: [Row]
    /// Legend entries for stacked charts: (style, label).
    var legend: [(String, String)] = []
    /// Column headers of the data table: label column first, then one per segment, then total.
    var columns: [String] = []

    static let width = 440
    static let labelWidth = 130
    static let valueWidth = 70
    static let rowHeight = 30
    static let barHeight = 18

    func context() -> ChartContext {
        let maximum = max(1, rows.map(\.total).max() ?? 1)
        let span = Self.width - Self.labelWidth - Self.valueWidth
        var rowContexts: [ChartContext.Row] = []
        for (index, row) in rows.enumerated() {
            let y = index * Self.rowHeight
            var x = Self.labelWidth
            var segments: [ChartContext.Segment] = []
            for segment in row.segments where segment.value > 0 {
                // Scale in 64-bit integers; saturating counts never overflow here.
                let width = max(1, Int((Double(segment.value) / Double(maximum) * Double(span)).rounded()))
                segments.append(ChartContext.Segment(x: x, width: width, style: segment.style))
                x += width
            }
            rowContexts.append(ChartContext.Row(
                label: row.label,
                value: Self.format(row.total),
                y: y + (Self.rowHeight - Self.barHeight) / 2,
                textY: y + Self.rowHeight / 2 + 5,
                height: Self.barHeight,
                valueX: x + 6,
                segments: segments,
                cells: row.segments.map { ChartContext.Cell(value: Self.format($0.value)) }))
        }
        let description = rows.map { "\($0.label): \(Self.format($0.total))" }.joined(separator: "; ")
        return ChartContext(
            id: id,
            title: title,
            description: description,
            width: Self.width,
            height: max(Self.rowHeight, rows.count * Self.rowHeight),
            labelX: Self.labelWidth - 8,
            rows: rowContexts,
            legend: legend.map { ChartContext.LegendEntry(style: $0.0, label: $0.1) },
            columns: columns,
            stacked: rows.contains { $0.segments.count > 1 })
    }

    /// 1234567 → "1,234,567" (fixed, locale-independent).
    /// An amount with thousands separators and at least two decimals, whatever the locale:
    /// `25000.0` → `25,000.00`, `1250.5` → `1,250.50`, `0.125` → `0.125`. A number written with
    /// an exponent is shown as written.
    static func amount(_ value: ExactDecimal) -> String {
        var text = value.text
        guard !text.contains(where: { $0 == "e" || $0 == "E" }) else { return text }
        var sign = ""
        if text.hasPrefix("-") || text.hasPrefix("+") {
            if text.hasPrefix("-") { sign = "-" }
            text.removeFirst()
        }
        let parts = text.split(separator: ".", maxSplits: 1, omittingEmptySubsequences: false)
        var whole = String(parts[0].drop { $0 == "0" })
        if whole.isEmpty { whole = "0" }
        var fraction = parts.count > 1 ? String(parts[1]) : ""
        while fraction.count < 2 { fraction += "0" }
        var grouped = ""
        for (index, digit) in whole.enumerated() {
            if index > 0 && (whole.count - index) % 3 == 0 { grouped += "," }
            grouped.append(digit)
        }
        return sign + grouped + "." + fraction
    }

    static func format(_ value: Int) -> String {
        let digits = String(value.magnitude)
        var out = ""
        for (index, character) in digits.enumerated() {
            if index > 0, (digits.count - index) % 3 == 0 { out += "," }
            out.append(character)
        }
        return value < 0 ? "-" + out : out
    }
}
