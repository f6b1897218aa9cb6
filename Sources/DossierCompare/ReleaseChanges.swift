import DossierSupport
import DossierModel
import DossierLoad

extension ReleaseChanges {
    /// Compares `current` with `previous`; a report of another organization is an error.
    package init(previous: PreviousReport, current: Report) throws(CompareError) {
        try previous.requireOrganization(current.organization)
        let before = Dictionary(previous.agents.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
        let now = Set(current.agents.map(\.agent.id))
        let agentsAdded = current.agents.map(\.agent.id).filter { before[$0] == nil }
        let agentsRemoved = previous.agents.map(\.id).filter { !now.contains($0) }.sorted(by: ByteOrder.less)

        var previousGaps = Set<GapKey>()
        var resolved: [GapChange] = []
        for agent in previous.agents {
            for (key, severity) in agent.gaps {
                previousGaps.insert(key)
                resolved.append(GapChange(agent: key.agent, rule: key.rule, field: key.field, subject: key.subject, severity: severity))
            }
        }
        var currentGaps = Set<GapKey>()
        var new: [GapChange] = []
        var changed: [AgentChange] = []
        for agent in current.agents {
            let id = agent.agent.id
            for gap in agent.gaps {
                let key = Self.key(agent: id, gap: gap)
                currentGaps.insert(key)
                if !previousGaps.contains(key) {
                    new.append(GapChange(agent: id, rule: gap.rule, field: gap.field, subject: gap.subject, severity: gap.severity))
                }
            }
            guard let old = before[id] else { continue }
            let checklist = agent.checklist.compactMap { entry -> ChecklistChange? in
                let after = entry.status.rawValue
                guard let was = old.checklist[entry.item.id], was != after else { return nil }
                return ChecklistChange(id: entry.item.id, before: was, after: after)
            }
            if old.score != agent.complianceScore || old.deployable != agent.deployable || !checklist.isEmpty {
                changed.append(AgentChange(id: id, scoreBefore: old.score, scoreAfter: agent.complianceScore,
                                           deployableBefore: old.deployable, deployableAfter: agent.deployable, checklist: checklist))
            }
        }
        // The gaps of a removed agent are not resolved: they left with the agent (OUTPUT.md).
        let removed = Set(agentsRemoved)
        let gapsResolved = resolved.filter { change in
            !removed.contains(change.agent)
                && !currentGaps.contains(GapKey(agent: change.agent, rule: change.rule, field: change.field, subject: change.subject))
        }.sorted(by: Self.order)
        let gapsOfRemovedAgents = resolved.filter { removed.contains($0.agent) }.count
        self.init(previousRelease: previous.release, previousAsOf: previous.asOf, agentsAdded: agentsAdded,
                  agentsRemoved: agentsRemoved, gapsNew: new.sorted(by: Self.order), gapsResolved: gapsResolved,
                  gapsOfRemovedAgents: gapsOfRemovedAgents,
                  agentsChanged: changed, previousGaps: previousGaps)
    }
}
