import DossierSupport
import DossierModel

/// Scores a repository: article checks, findings, checklist and verdict per agent.
///
/// Pure: the evaluation date and release are passed in, nothing is read from
/// the clock or the disk.
package struct Scorer: Sendable {
    package let asOf: CalendarDate
    package let release: String

    package init(asOf: CalendarDate, release: String) {
        self.asOf = asOf
        self.release = release
    }

    package func score(_ repository: Repository) -> Report {
        let config = repository.config
        let waivers = Dictionary(grouping: repository.waivers, by: \.agent)
        // Incidents not known on the as-of date are left out (OBLIGATIONS.md).
        let incidents = repository.incidents.filter { $0.awareOn <= asOf }.map { IncidentEntry(incident: $0, status: $0.status(asOf: asOf)) }
        let incidentsByAgent = Dictionary(grouping: incidents, by: \.incident.agent)
        let agents = repository.agents.map { agent in
            score(agent, audit: repository.audits[agent.id], config: config, waivers: waivers[agent.id] ?? [],
                  incidents: incidentsByAgent[agent.id] ?? [])
        }
        var report = Report(organization: config.organization, title: config.title, release: release, asOf: asOf,
                            agents: agents, extensions: config.extensions)
        report.signOff = config.signOff
        report.attestations = config.attestations
        report.staleAttestations = Set(config.attestations.filter {
            $0.value.isStale(asOf: asOf, maxAgeDays: config.thresholds.assessmentMaxAgeDays)
        }.keys)
        report.incidents = incidents
        report.sourceURL = config.sourceURL
        return report
    }

    /// Scores one agent; `waivers` are the agent's entries of waivers.yaml, in file order.
    package func score(_ agent: AgentRecord, audit: AuditSummary?, config: Config, waivers: [Waiver] = [],
                       incidents: [IncidentEntry] = []) -> AgentReport {
        let thresholds = config.thresholds
        let checks = ArticleCheck.all.map { $0.evaluate(agent.compliance, thresholds: thresholds) }
        var gaps = ArticleCheck.all.compactMap { $0.gap(for: agent, thresholds: thresholds) }
        var context = RuleContext(agent: agent, audit: audit, config: config, asOf: asOf)
        (context.aiActClass, context.obligations) = ObligationEvaluator(config: config, asOf: asOf).evaluate(agent)
        context.incidents = incidents
        for rule in FindingRule.all { gaps += rule.findings(in: context) }
        gaps = FindingRule.applyWaivers(waivers, to: gaps, asOf: asOf)
        let recordKeeping = checks.first { $0.id == "record_keeping" }?.passed ?? false
        let stale = Set(agent.attestations.filter { $0.value.isStale(asOf: asOf, maxAgeDays: thresholds.assessmentMaxAgeDays) }.keys)
        let evidenced = Set(zip(ArticleCheck.all, checks).compactMap { check, result -> String? in
            guard result.passed, let attestation = agent.attestations[check.attestationKey],
                  attestation.hasExistingEvidence, !stale.contains(check.attestationKey) else { return nil }
            return check.id
        })
        return AgentReport(agent: agent, audit: audit, checks: checks, gaps: Self.ordered(gaps),
                           checklist: ChecklistEvaluator.evaluate(agent, recordKeepingPasses: recordKeeping),
                           staleAttestations: stale, evidencedChecks: evidenced,
                           aiActClass: context.aiActClass, obligations: context.obligations)
    }

    /// SCORING.md §4: severity, then article checks in table order before findings,
    /// then rule id, then subject (byte order), then message.
    static func ordered(_ gaps: [Gap]) -> [Gap] {
        gaps.sorted { a, b in
            if a.severity != b.severity { return a.severity < b.severity }
            let orderA = ArticleCheck.order(of: a.rule) ?? Int.max
            let orderB = ArticleCheck.order(of: b.rule) ?? Int.max
            if (a.kind == .article) != (b.kind == .article) { return a.kind == .article }
            if orderA != orderB { return orderA < orderB }
            if a.rule != b.rule { return ByteOrder.less(a.rule, b.rule) }
            if a.subject != b.subject { return ByteOrder.less(a.subject, b.subject) }
            return ByteOrder.less(a.message, b.message)
        }
    }
}
