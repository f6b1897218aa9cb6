import DossierSupport
import DossierModel
import DossierScore

extension ReleaseChanges {
    /// The `changes` object of report.json (OUTPUT.md).
    package var json: JSONValue {
        func gap(_ change: GapChange) -> JSONValue {
            .object([("agent", .string(change.agent)), ("rule", .string(change.rule)), ("field", .optional(change.field)),
                     ("subject", .optional(change.subject)), ("severity", .string(change.severity.rawValue))])
        }
        return .object([
            ("previous_release", .string(previousRelease)),
            ("agents_added", .array(agentsAdded.map { .string($0) })),
            ("agents_removed", .array(agentsRemoved.map { .string($0) })),
            ("gaps_new", .array(gapsNew.map(gap))),
            ("gaps_resolved", .array(gapsResolved.map(gap))),
            ("agents_changed", .array(agentsChanged.map { change in
                .object([("id", .string(change.id)), ("score_before", .string(change.scoreBefore)),
                         ("score_after", .string(change.scoreAfter)), ("deployable_before", .bool(change.deployableBefore)),
                         ("deployable_after", .bool(change.deployableAfter)),
                         ("checklist", .array(change.checklist.map {
                             .object([("id", .string($0.id)), ("before", .string($0.before)), ("after", .string($0.after))])
                         }))])
            })),
        ])
    }
}
