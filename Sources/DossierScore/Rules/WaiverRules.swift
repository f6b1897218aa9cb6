import DossierSupport
import DossierModel

// The rules about waivers.yaml (SCORING.md §2, INPUT.md "waivers.yaml"). They are
// decided after every other rule, from the agent's gaps and waivers, by `applyWaivers`.

extension FindingRule {
    static let waiverExpired = FindingRule(
        id: "waiver-expired", severity: .medium,
        summary: "A waiver in waivers.yaml is past its expires date: the gaps it covered count again.",
        remediation: "Fix the gap, or have the waiver approved again with a new approved_on and expires in waivers.yaml."
    ) { _, _ in [] }

    static let waiverUnused = FindingRule(
        id: "waiver-unused", severity: .low,
        summary: "A waiver in waivers.yaml that applies matches no gap (its agent, rule and source).",
        remediation: "Remove the waiver from waivers.yaml (the gap is fixed), or correct its agent, rule or source."
    ) { _, _ in [] }

    /// The rules about waivers, in rule-id order. They are not in `all`: nothing in the agent's data fires them.
    package static let waiverRules: [FindingRule] = [.waiverExpired, .waiverUnused]

    /// Every rule a finding can carry, in rule-id order.
    package static var catalog: [FindingRule] { (all + waiverRules).sorted { ByteOrder.less($0.id, $1.id) } }

    /// Applies one agent's waivers, in file order, to its gaps.
    ///
    /// A waiver that applies on `asOf` (up to and including `expires`) waives every open gap
    /// it matches, and gives `waiver-unused` when it matches none. An expired waiver waives
    /// nothing and gives `waiver-expired`. The findings added here are never waived.
    static func applyWaivers(_ waivers: [Waiver], to gaps: [Gap], asOf: CalendarDate) -> [Gap] {
        var result = gaps
        var findings: [Gap] = []
        for waiver in waivers {
            let matching = gaps.indices.filter { waiver.matches(gaps[$0]) }
            let approval = "approved by \(waiver.approvedBy) on \(waiver.approvedOn)"
            if !waiver.applies(on: asOf) {
                let outcome = matching.isEmpty ? "and matches no gap"
                    : matching.count == 1 ? "so its gap counts again" : "so its \(Counted.phrase(matching.count, "gap")) count again"
                findings.append(finding(waiverExpired, for: waiver,
                                        message: "the waiver of \(waiver.subject) (\(approval)) expired on \(waiver.expires), \(outcome)"))
            } else if matching.isEmpty {
                findings.append(finding(waiverUnused, for: waiver,
                                        message: "the waiver of \(waiver.subject) (\(approval), until \(waiver.expires)) matches no gap"))
            } else {
                // A gap two waivers match keeps the first (file order).
                for index in matching where result[index].status == .open {
                    result[index].status = .waived
                    result[index].waiver = waiver
                }
            }
        }
        return result + findings
    }

    /// A finding about `waiver`, located at its entry in waivers.yaml.
    private static func finding(_ rule: FindingRule, for waiver: Waiver, message: String) -> Gap {
        Gap(rule: rule.id, kind: .finding, severity: rule.severity, field: nil, subject: waiver.subject,
            message: message, remediation: rule.remediation, source: waiver.location)
    }
}
