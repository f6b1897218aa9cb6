import DossierSupport
import DossierModel
import DossierScore

/// `check --format prometheus` (OUTPUT.md): the report as Prometheus text
/// exposition format 0.0.4, for node_exporter's textfile collector.
///
/// Metrics, all with `# HELP` and `# TYPE` lines:
///
/// - `dossier_agents` (gauge): the number of agents.
/// - `dossier_agent_checks_passed{agent}` (gauge): article checks passed (0–7).
/// - `dossier_agent_gaps{agent,severity}` (gauge): open gaps by severity; every
///   agent has all four severities, 0 included, so a gap that closes goes to 0
///   instead of vanishing. Waived gaps are not counted.
/// - `dossier_agent_deployable{agent}` (gauge): 1 when deployable, else 0.
/// - `dossier_agent_obligations{agent,status}` (gauge): the agent's AI Act
///   obligations (OBLIGATIONS.md) by status, `open`, `upcoming`, `met` and
///   `not-applicable`, 0 included (all 0 for an unclassified agent).
/// - `dossier_incidents{status}` (gauge): the incidents of `incidents.yaml` known
///   on the as-of date, by status (`reported`, `late`, `due`, `overdue`), 0 included.
/// - `dossier_report_info{organization,release,as_of}` (gauge, always 1): which
///   report the numbers come from, to join on or show in a dashboard.
///
/// From audit evidence, for agents with an audit summary only (counters over
/// the summary's period, with the agent id as `agent_name`):
///
/// - `ai_agent_actions_total{agent_name,action,allowed}`: per action, the
///   allowed (total − blocked, `allowed="true"`) and blocked (`"false"`) counts.
/// - `ai_agent_policy_violations_total{agent_name,policy_name,severity}`: per
///   policy, its count and the most severe severity seen.
/// - `ai_agent_approval_requests_total{agent_name,status}`: approved, rejected
///   and timeout, 0 included.
///
/// Families are sorted by name and each family's series by label values, in
/// label order, compared byte-wise (UTF-8); a family with no series (no agent
/// has audit evidence) is left out, as Go's client library does. No timestamps:
/// Prometheus stamps samples at scrape time. The same report gives the same bytes.
///
/// Label values are written as they are, with backslash, double quote and line
/// feed escaped (`\\`, `\"`, `\n`), the only escapes the format has. Any other
/// character, control characters included, is valid in a label value and kept
/// as written, so no input can break the output, and distinct values stay
/// distinct: no two series collide, which node_exporter would refuse.
package enum PrometheusReport {
    package static func render(_ report: Report) -> String {
        var out = ""
        let families = families(of: report)
            .filter { !$0.samples.isEmpty }
            .sorted { precedes([$0.name], [$1.name]) }
        for family in families {
            out += "# HELP \(family.name) \(family.help)\n"
            out += "# TYPE \(family.name) \(family.type.rawValue)\n"
            for sample in family.samples.sorted(by: { precedes($0.labelValues, $1.labelValues) }) {
                out += family.name
                if !family.labelNames.isEmpty {
                    let pairs = zip(family.labelNames, sample.labelValues).map { "\($0)=\"\(escapeLabelValue($1))\"" }
                    out += "{" + pairs.joined(separator: ",") + "}"
                }
                out += " \(sample.value)\n"
            }
        }
        return out
    }

    enum MetricType: String {
        case counter, gauge
    }

    /// One sample: label values in the order of the family's label names.
    struct Sample {
        let labelValues: [String]
        let value: Int
    }

    /// A metric: its name, help text (a constant: no escaping needed), type and series.
    struct Family {
        let name: String
        let help: String
        let type: MetricType
        let labelNames: [String]
        var samples: [Sample] = []
    }

    /// Every family of the report, in no particular order; `render` sorts.
    static func families(of report: Report) -> [Family] {
        var agents = Family(name: "dossier_agents", help: "Number of agents in the report.",
                            type: .gauge, labelNames: [])
        agents.samples = [Sample(labelValues: [], value: report.agents.count)]

        var info = Family(name: "dossier_report_info",
                          help: "The report the dossier metrics come from (always 1).",
                          type: .gauge, labelNames: ["organization", "release", "as_of"])
        info.samples = [Sample(labelValues: [report.organization, report.release, report.asOf.description], value: 1)]

        var checks = Family(name: "dossier_agent_checks_passed",
                            help: "Article checks (EU AI Act Articles 9-15) the agent passes, out of 7.",
                            type: .gauge, labelNames: ["agent"])
        var gaps = Family(name: "dossier_agent_gaps", help: "Open (not waived) gaps of the agent, by severity.",
                          type: .gauge, labelNames: ["agent", "severity"])
        var deployable = Family(name: "dossier_agent_deployable",
                                help: "1 when the agent is deployable (no open high or critical gap, checklist complete), else 0.",
                                type: .gauge, labelNames: ["agent"])
        var obligations = Family(name: "dossier_agent_obligations",
                                 help: "AI Act obligations of the agent beyond Articles 9-15, by status.",
                                 type: .gauge, labelNames: ["agent", "status"])
        var incidents = Family(name: "dossier_incidents", help: "Serious incidents (Art. 73) known on the as-of date, by status.",
                               type: .gauge, labelNames: ["status"])
        for status in IncidentStatus.allCases {
            incidents.samples.append(Sample(labelValues: [status.rawValue], value: report.incidents.count { $0.status == status }))
        }
        var actions = Family(name: "ai_agent_actions_total",
                             help: "Actions of the agent in its audit evidence, allowed or blocked by policy.",
                             type: .counter, labelNames: ["agent_name", "action", "allowed"])
        var violations = Family(name: "ai_agent_policy_violations_total",
                                help: "Policy violations of the agent in its audit evidence, with the most severe severity seen.",
                                type: .counter, labelNames: ["agent_name", "policy_name", "severity"])
        var approvals = Family(name: "ai_agent_approval_requests_total",
                               help: "Human approval requests of the agent in its audit evidence, by outcome.",
                               type: .counter, labelNames: ["agent_name", "status"])

        for agent in report.agents {
            let id = agent.agent.id
            checks.samples.append(Sample(labelValues: [id], value: agent.passed))
            deployable.samples.append(Sample(labelValues: [id], value: agent.deployable ? 1 : 0))
            var open: [Severity: Int] = [:]
            for gap in agent.openGaps { open[gap.severity, default: 0] += 1 }
            for severity in Severity.allCases {
                gaps.samples.append(Sample(labelValues: [id, severity.rawValue], value: open[severity] ?? 0))
            }
            for status in ObligationStatus.allCases {
                obligations.samples.append(Sample(labelValues: [id, status.rawValue], value: agent.obligations.count { $0.status == status }))
            }

            guard let audit = agent.audit else { continue }
            for (action, stats) in audit.actions {
                // The loader guarantees 0 ≤ blocked ≤ total; clamping keeps a counter
                // from going negative for a summary built some other way.
                let total = max(stats.total, 0)
                let blocked = min(max(stats.blocked, 0), total)
                actions.samples.append(Sample(labelValues: [id, action, "true"], value: total - blocked))
                actions.samples.append(Sample(labelValues: [id, action, "false"], value: blocked))
            }
            for (policy, violation) in audit.policyViolations {
                violations.samples.append(Sample(labelValues: [id, policy, violation.severity.rawValue],
                                                 value: max(violation.count, 0)))
            }
            for (status, count) in [("approved", audit.approvals.approved), ("rejected", audit.approvals.rejected),
                                    ("timeout", audit.approvals.timeout)] {
                approvals.samples.append(Sample(labelValues: [id, status], value: max(count, 0)))
            }
        }
        return [agents, info, checks, gaps, deployable, obligations, incidents, actions, violations, approvals]
    }

    /// Whether `a` sorts before `b`: element by element, each compared by its
    /// UTF-8 bytes (Swift's `<` on strings compares canonical equivalents,
    /// which is not byte order).
    static func precedes(_ a: [String], _ b: [String]) -> Bool {
        for (x, y) in zip(a, b) where !x.utf8.elementsEqual(y.utf8) {
            return x.utf8.lexicographicallyPrecedes(y.utf8)
        }
        return a.count < b.count
    }

    /// A label value for inside double quotes: `\` → `\\`, `"` → `\"`, line feed → `\n`.
    /// By scalar, not by Character: a CR LF pair is one Character, and its LF
    /// must still be escaped.
    static func escapeLabelValue(_ value: String) -> String {
        var out = ""
        out.unicodeScalars.reserveCapacity(value.unicodeScalars.count)
        for scalar in value.unicodeScalars {
            switch scalar {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
