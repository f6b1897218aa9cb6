import DossierSupport
import DossierModel
import DossierScore

/// The human-readable `check` output: per agent its verdict and gaps, most severe first.
package struct TextReport: Sendable {
    /// ANSI colors (only when the output is a terminal and `NO_COLOR` is unset).
    package var colors: Bool
    /// The `--fail-on` level, to say which gaps fail the gate (`nil` for `none`).
    package var failOn: Severity?
    /// The `--fail-on-new` level: then only new gaps (not in the previous release) fail the gate, and it replaces `failOn`.
    package var failOnNew: Severity?

    package init(colors: Bool, failOn: Severity?, failOnNew: Severity? = nil) {
        self.colors = colors
        self.failOn = failOn
        self.failOnNew = failOnNew
    }

    package func render(_ report: Report) -> String {
        var out = "\(TextReport.clean(report.organization)) · \(TextReport.clean(report.title)) · "
            + "release \(TextReport.clean(report.release)) · as of \(report.asOf)\n"
        if let changes = report.changes {
            out += "compared with release \(TextReport.clean(changes.previousRelease)) (as of \(changes.previousAsOf)): "
                + "\(Counted.phrase(changes.gapsNew.count, "new gap")), "
                + "\(Counted.grouped(changes.gapsResolved.count)) resolved, "
                + (changes.gapsOfRemovedAgents > 0 ? "\(Counted.grouped(changes.gapsOfRemovedAgents)) left with removed agents, " : "")
                + "\(Counted.phrase(changes.agentsAdded.count, "agent")) added, "
                + "\(Counted.grouped(changes.agentsRemoved.count)) removed\n"
        }
        for agent in report.agents {
            out += "\n" + render(agent, changes: report.changes)
        }
        let summary = report.summary
        let gaps = Severity.allCases.map { "\(Counted.grouped(summary.gaps[$0] ?? 0)) \($0.rawValue)" }.joined(separator: ", ")
        out += "\n\(Counted.phrase(summary.agents, "agent")) · \(Counted.grouped(summary.fullyCompliant)) fully compliant · "
        out += "\(Counted.grouped(summary.deployable)) deployable · open gaps: \(gaps)"
        if summary.waived > 0 { out += " · \(Counted.grouped(summary.waived)) waived" }
        out += "\n"
        if !report.incidents.isEmpty {
            let counts = IncidentStatus.allCases.compactMap { status -> String? in
                let count = report.incidents.count { $0.status == status }
                return count == 0 ? nil : "\(count) \(status.rawValue)"
            }
            out += "incidents (Art. 73): \(counts.joined(separator: ", "))\n"
        }
        if let failOnNew, let changes = report.changes {
            let failing = report.newOpenGaps(atLeast: failOnNew, changes: changes).count
            if failing == 0 {
                out += paint("check passed: no new open gap at or above \(failOnNew.rawValue)", .green) + "\n"
            } else {
                out += paint("check failed: \(Counted.phrase(failing, "new open gap")) at or above \(failOnNew.rawValue)", .red) + "\n"
            }
        } else if let failOn {
            let failing = report.openGaps(atLeast: failOn).count
            if failing == 0 {
                out += paint("check passed: no open gap at or above \(failOn.rawValue)", .green) + "\n"
            } else {
                out += paint("check failed: \(Counted.phrase(failing, "open gap")) at or above \(failOn.rawValue)", .red) + "\n"
            }
        }
        return out
    }

    private func render(_ agent: AgentReport, changes: ReleaseChanges?) -> String {
        let record = agent.agent
        var out = bold(record.id) + " · \(TextReport.clean(record.name))\n"
        let verdict = agent.deployable ? paint("deployable", .green) : paint("not deployable", .red)
        out += "  \(record.risk.level.rawValue) risk · score \(agent.complianceScore) · \(verdict) (\(agent.verdictReason))\n"
        if agent.aiActClass != .unclassified {
            // Only the obligations that apply, by status (OBLIGATIONS.md).
            let counts = [ObligationStatus.open, .upcoming, .met].compactMap { status -> String? in
                let count = agent.obligations.count { $0.status == status }
                return count == 0 ? nil : "\(count) \(status.rawValue)"
            }
            out += "  AI Act: \(agent.aiActClass.rawValue) · obligations: \(counts.isEmpty ? "none apply" : counts.joined(separator: ", "))\n"
        }
        for gap in agent.gaps {
            let label = "[\(gap.severity.rawValue)]".padding(10)
            var title = gap.rule
            if let article = gap.article { title += " (\(article))" }
            if let subject = gap.subject { title += " [\(TextReport.clean(subject))]" }
            if gap.status == .waived { title += " (waived)" }
            if let changes { title += changes.isNew(agent: record.id, gap: gap) ? " · new" : " · known" }
            // A waived gap is dimmed, not colored: it does not count.
            let shownLabel = gap.status == .waived ? dim(label) : paint(label, color(for: gap.severity))
            out += "  \(shownLabel) \(title): \(TextReport.clean(gap.message))\n"
            var location = gap.source?.fileAndLine ?? ""
            if let field = gap.field { location += location.isEmpty ? field : " · \(field)" }
            if !location.isEmpty { out += "             \(dim(location))\n" }
            if let waiver = gap.waiver {
                out += "             waived until \(waiver.expires) (approved by \(TextReport.clean(waiver.approvedBy)) on "
                    + "\(waiver.approvedOn), \(waiver.location.fileAndLine)): "
                    + TextReport.clean(waiver.justification.split(whereSeparator: \.isNewline).joined(separator: " ")) + "\n"
            }
            out += "             \(dim("fix: " + gap.remediation))\n"
        }
        let open = agent.checklist.filter { $0.status == .open }
        if !open.isEmpty {
            out += "  open checklist items: \(open.map(\.item.id).joined(separator: ", "))\n"
        }
        return out
    }

    /// Strips control characters so that input text cannot drive the terminal.
    static func clean(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map { scalar in
            scalar.properties.generalCategory == .control || (0x202A...0x202E).contains(scalar.value)
                || (0x2066...0x2069).contains(scalar.value) ? "\u{FFFD}" : scalar
        }))
    }

    enum Color: String {
        case red = "31", green = "32", yellow = "33", magenta = "35", blue = "34"
    }

    private func color(for severity: Severity) -> Color {
        switch severity {
        case .critical: .magenta
        case .high: .red
        case .medium: .yellow
        case .low: .blue
        }
    }

    private func paint(_ text: String, _ color: Color) -> String {
        colors ? "\u{1B}[\(color.rawValue)m\(text)\u{1B}[0m" : text
    }

    private func bold(_ text: String) -> String { colors ? "\u{1B}[1m\(text)\u{1B}[0m" : text }
    private func dim(_ text: String) -> String { colors ? "\u{1B}[2m\(text)\u{1B}[0m" : text }
}

extension String {
    fileprivate func padding(_ width: Int) -> String {
        count >= width ? self : self + String(repeating: " ", count: width - count)
    }
}
