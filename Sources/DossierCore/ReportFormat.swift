import DossierModel
import DossierRender

/// The `check` gate: the lowest severity that fails it, or, with `--fail-on-new`, the lowest
/// severity of a gap the previous release did not have (which replaces `failOn`).
public struct Gate: Sendable {
    public var failOn: Severity?
    public var failOnNew: Severity?
    /// Whether `--fail-on-new` was given, `none` included (then only new gaps can fail).
    public var onlyNew: Bool

    public init(failOn: Severity?, failOnNew: Severity? = nil, onlyNew: Bool = false) {
        self.failOn = failOn
        self.failOnNew = failOnNew
        self.onlyNew = onlyNew || failOnNew != nil
    }

    /// Whether `report` fails the gate.
    public func fails(_ report: Report) -> Bool {
        if onlyNew, let changes = report.changes {
            guard let level = failOnNew else { return false }
            return !report.newOpenGaps(atLeast: level, changes: changes).isEmpty
        }
        guard let level = failOn else { return false }
        return !report.openGaps(atLeast: level).isEmpty
    }
}

/// The formats of `check --format` and `--report FORMAT=PATH`.
public enum ReportFormat: String, CaseIterable, Sendable {
    case text, json, junit, sarif, prometheus

    /// The report in this format (`colors` for text only).
    public func render(_ report: Report, gate: Gate, colors: Bool = false) -> String {
        switch self {
        case .json: ReportJSON.render(report)
        case .prometheus: PrometheusReport.render(report)
        case .junit: JUnitReport.render(report)
        case .sarif: SARIFReport.render(report)
        case .text: TextReport(colors: colors, failOn: gate.failOn, failOnNew: gate.failOnNew).render(report)
        }
    }

    /// The same bytes as `render`, handed to `sink` in pieces for the formats that grow with the
    /// portfolio (one agent at a time), so that they are never held whole.
    public func write(_ report: Report, gate: Gate, colors: Bool = false, to sink: (String) throws -> Void) rethrows {
        switch self {
        case .json: try ReportJSON.write(report, to: sink)
        case .junit: try JUnitReport.write(report, to: sink)
        case .sarif: try SARIFReport.write(report, to: sink)
        case .prometheus, .text: try sink(render(report, gate: gate, colors: colors))
        }
    }
}
