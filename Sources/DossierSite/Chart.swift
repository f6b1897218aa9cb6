import DossierSupport
import DossierModel
import DossierLoad
import DossierScore
import DossierRender
import Foundation

/// A horizontal bar chart as numbers: the templates turn it into inline SVG.
/// Geometry is computed here in whole pixels so that templates only place values.
///
/// What keeps it honest: every bar carries its value at its end and the value axis
/// is named below the bars; a label too long for the label column wraps after `_`,
/// `.`, `-`, `/` or a space onto a second line, and is shortened with "…" only
/// beyond that (the full name is the label's `<title>` and is in the data table);
/// totals that span two orders of magnitude or more are drawn on a log scale, said
/// so in the axis label and the description, with ticks at the powers of ten.
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
    /// What the bars count, named under them ("Agents"); the data table's last column by default.
    var axisLabel: String? = nil

    static let width = 440
    static let valueWidth = 70
    static let rowHeight = 30
    static let barHeight = 18
    /// The label column: as wide as the longest label line needs, within these bounds.
    static let minimumLabelWidth = 60
    static let maximumLabelWidth = 150
    /// Characters of a label line (at 15 px, about 8 px each): a longer label wraps.
    static let labelLineLength = 17
    static let maximumLabelLines = 2
    static let lineHeight = 16
    /// Room under the bars for the tick labels (log scale) and the axis label.
    static let tickHeight = 18
    static let axisLabelHeight = 22
    /// Totals whose largest is this many times their smallest (above 0) or more are drawn on a log scale.
    static let logScaleRatio = 100

    /// Whether the bars are drawn on a log scale: the totals above 0 span two orders of magnitude.
    var usesLogScale: Bool {
        let totals = rows.map(\.total).filter { $0 > 0 }
        guard let smallest = totals.min(), let largest = totals.max() else { return false }
        return largest / smallest >= Self.logScaleRatio
    }

    func context() -> ChartContext {
        let log = usesLogScale
        let maximum = max(1, rows.map(\.total).max() ?? 1)
        let lines = rows.map { Self.labelLines($0.label) }
        let lineCount = lines.map(\.count).max() ?? 1
        let rowHeight = Self.rowHeight + (lineCount - 1) * Self.lineHeight
        let longest = lines.joined().map(\.count).max() ?? 0
        let labelWidth = min(Self.maximumLabelWidth, max(Self.minimumLabelWidth, longest * 8 + 14))
        let span = Self.width - labelWidth - Self.valueWidth
        let logMaximum = Self.log(maximum)
        /// The length of a bar of `value`: linear, or log10(1 + value) on a log scale.
        func length(_ value: Int) -> Double {
            log ? Self.log(value) / logMaximum * Double(span) : Double(value) / Double(maximum) * Double(span)
        }
        var rowContexts: [ChartContext.Row] = []
        for (index, row) in rows.enumerated() {
            let y = index * rowHeight
            let barLength = length(row.total)
            var x = labelWidth
            var segments: [ChartContext.Segment] = []
            for segment in row.segments where segment.value > 0 {
                // On a log scale the bar's length is the total's; its segments share it in proportion.
                let share = Double(segment.value) / Double(max(1, row.total)) * barLength
                let width = max(1, Int(share.rounded()))
                segments.append(ChartContext.Segment(x: x, width: width, style: segment.style))
                x += width
            }
            let middle = y + rowHeight / 2
            let firstLineY = middle + 5 - (lines[index].count - 1) * Self.lineHeight / 2
            rowContexts.append(ChartContext.Row(
                label: row.label,
                labelLines: lines[index].enumerated().map { ChartContext.LabelLine(text: $0.element, y: firstLineY + $0.offset * Self.lineHeight) },
                value: Counted.grouped(row.total),
                y: middle - Self.barHeight / 2,
                textY: middle + 5,
                height: Self.barHeight,
                valueX: x + 6,
                segments: segments,
                cells: row.segments.map { ChartContext.Cell(value: Counted.grouped($0.value)) }))
        }
        let plotHeight = max(rowHeight, rows.count * rowHeight)
        var ticks: [ChartContext.Tick] = []
        if log {
            var power = 1
            while true {
                ticks.append(ChartContext.Tick(x: labelWidth + Int(length(power).rounded()), label: Self.compact(power)))
                guard power <= maximum / 10 else { break }
                power *= 10
            }
        }
        let named = axisLabel ?? columns.last ?? ""
        let axisTitle = log ? "\(named) (log scale)" : named
        var description = rows.map { "\($0.label): \(Counted.grouped($0.total))" }.joined(separator: "; ")
        if log { description += ". Bar lengths on a log scale." }
        let ticksHeight = log ? Self.tickHeight : 0
        return ChartContext(
            id: id,
            title: title,
            description: description,
            width: Self.width,
            height: plotHeight + ticksHeight + Self.axisLabelHeight,
            labelX: labelWidth - 8,
            rows: rowContexts,
            legend: legend.map { ChartContext.LegendEntry(style: $0.0, label: $0.1) },
            columns: columns,
            stacked: rows.contains { $0.segments.count > 1 },
            axis: ChartContext.Axis(x: labelWidth, x2: labelWidth + span, y: plotHeight,
                                    tickY: plotHeight + 14, title: axisTitle,
                                    titleX: labelWidth + span / 2, titleY: plotHeight + ticksHeight + 16,
                                    ticks: ticks, logScale: log),
            shortened: lines.enumerated().contains { $0.element.joined() != rows[$0.offset].label })
    }

    /// log10(1 + value): 0 for 0, and defined for every count.
    static func log(_ value: Int) -> Double { log10(1 + Double(max(0, value))) }

    /// A tick label: 1, 10, 100, 1k, 10k, 100k, 1M …
    static func compact(_ power: Int) -> String {
        switch power {
        case 1_000_000_000...: "\(power / 1_000_000_000)G"
        case 1_000_000...: "\(power / 1_000_000)M"
        case 1000...: "\(power / 1000)k"
        default: String(power)
        }
    }

    /// A label as at most `maximumLabelLines` lines of `labelLineLength` characters, broken
    /// after `_`, `.`, `-`, `/` or at a space; what does not fit ends in "…".
    static func labelLines(_ label: String) -> [String] {
        let characters = Array(label)
        guard characters.count > labelLineLength else { return [label] }
        var lines: [String] = []
        var start = 0
        while start < characters.count {
            if lines.count == maximumLabelLines - 1 || characters.count - start <= labelLineLength {
                let rest = characters[start...]
                lines.append(rest.count <= labelLineLength ? String(rest) : String(rest.prefix(labelLineLength - 1)) + "…")
                break
            }
            // The last break point within the line; with none, a hard cut.
            let window = characters[start..<(start + labelLineLength)]
            var end = start + labelLineLength
            if let breakIndex = window.lastIndex(where: { "_.-/ ".contains($0) }), breakIndex > start {
                end = characters[breakIndex] == " " ? breakIndex : breakIndex + 1
            }
            lines.append(String(characters[start..<end]))
            start = end
            while start < characters.count, characters[start] == " " { start += 1 }
        }
        return lines
    }
}
