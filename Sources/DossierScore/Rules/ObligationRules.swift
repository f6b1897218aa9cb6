import DossierModel
import DossierSupport

// Rules about the obligations beyond Articles 9–15 and the Art. 73 incident
// register (OBLIGATIONS.md).

extension FindingRule {
    /// How many days ahead an upcoming obligation is reported.
    static let upcomingWindowDays = 180

    static let obligationOpen = FindingRule(
        id: "obligation-open", severity: .high,
        summary: "An obligation of a classified agent applies, its date has come, and no attestation with existing evidence meets it (high for a high-risk agent and for art-5, else medium; one finding per obligation).",
        remediation: "Attest the obligation (attestations.<id>: by, date, evidence) in the agent file, or once for every agent in dossier.yaml's attestations."
    ) { rule, context in
        context.obligations.filter { $0.status == .open }.map { obligation in
            var gap = context.finding(rule, field: "attestations.\(obligation.id)", subject: obligation.id,
                                      message: openMessage(obligation, context: context),
                                      remediation: remediation(for: obligation), source: obligationSource(obligation, context))
            gap.severity = context.aiActClass == .highRisk || obligation.id == "art-5" ? .high : .medium
            return gap
        }
    }

    static let obligationUpcoming = FindingRule(
        id: "obligation-upcoming", severity: .low,
        summary: "An obligation of a classified agent is not met yet and starts applying within 180 days of as_of (one finding per obligation).",
        remediation: "Prepare the obligation before its date and attest it (attestations.<id>: by, date, evidence)."
    ) { rule, context in
        context.obligations.compactMap { obligation -> Gap? in
            guard obligation.status == .upcoming, let date = obligation.appliesFrom,
                  context.asOf.days(until: date) <= upcomingWindowDays else { return nil }
            let days = context.asOf.days(until: date)
            return context.finding(rule, field: "attestations.\(obligation.id)", subject: obligation.id,
                                   message: "\(obligation.article) (\(obligation.title)) applies from \(date), in \(Counted.phrase(days, "day")), and is not attested yet",
                                   remediation: remediation(for: obligation), source: obligationSource(obligation, context))
        }
    }

    static let classificationMissing = FindingRule(
        id: "classification-missing", severity: .medium,
        summary: "An agent of risk level high or critical has no classification: block, so none of its AI Act obligations is tracked.",
        remediation: "Add a classification: block (role, annex_iii areas, Art. 50 triggers) to the agent file."
    ) { rule, context in
        guard context.agent.classification == nil, context.agent.risk.level >= .high else { return [] }
        return [context.finding(rule, field: "classification",
                                message: "risk level \(context.agent.risk.level.rawValue), but no classification: the AI Act class and obligations are unknown",
                                source: SourceLocation(file: context.agent.file))]
    }

    static let incidentReportOverdue = FindingRule(
        id: "incident-report-overdue", severity: .critical,
        summary: "A serious incident of an agent whose art-73 applies is unreported past its deadline (15 days from aware_on, 10 for a death, 2 for a widespread one).",
        remediation: "Report the incident to the market surveillance authority now (a deployer informs the provider first) and record reported_on in incidents.yaml."
    ) { rule, context in
        incidentFindings(rule, context, status: .overdue) { entry in
            let late = entry.incident.deadline.days(until: context.asOf)
            return "\(entry.incident.kind.rawValue) incident \(entry.incident.id) (aware on \(entry.incident.awareOn)) is unreported, \(Counted.phrase(late, "day")) past its deadline of \(entry.incident.deadline)"
        }
    }

    static let incidentReportedLate = FindingRule(
        id: "incident-reported-late", severity: .medium,
        summary: "A serious incident of an agent whose art-73 applies was reported after its deadline.",
        remediation: "Record why the report was late and what changes so that the next one is in time."
    ) { rule, context in
        incidentFindings(rule, context, status: .late) { entry in
            let reported = entry.incident.reportedOn ?? entry.incident.deadline
            let late = entry.incident.deadline.days(until: reported)
            return "\(entry.incident.kind.rawValue) incident \(entry.incident.id) was reported on \(reported), \(Counted.phrase(late, "day")) after its deadline of \(entry.incident.deadline)"
        }
    }

    static let incidentReportDue = FindingRule(
        id: "incident-report-due", severity: .medium,
        summary: "A serious incident of an agent whose art-73 applies is unreported and its deadline is still to come.",
        remediation: "Report the incident before its deadline and record reported_on in incidents.yaml."
    ) { rule, context in
        incidentFindings(rule, context, status: .due) { entry in
            let left = context.asOf.days(until: entry.incident.deadline)
            return "\(entry.incident.kind.rawValue) incident \(entry.incident.id) must be reported by \(entry.incident.deadline): \(Counted.phrase(left, "day")) left"
        }
    }

    /// One finding per incident of `status`, where the agent's art-73 applies, its date has come, and the
    /// incident became known on or after that date: before the Act binds, the register scores nothing.
    private static func incidentFindings(_ rule: FindingRule, _ context: RuleContext, status: IncidentStatus,
                                         message: (IncidentEntry) -> String) -> [Gap] {
        guard let art73 = context.obligations.first(where: { $0.id == "art-73" }), let from = art73.appliesFrom,
              from <= context.asOf else { return [] }
        return context.incidents.filter { $0.status == status && $0.incident.awareOn >= from }.map { entry in
            context.finding(rule, field: nil, subject: entry.incident.id, message: message(entry), source: entry.incident.source)
        }
    }

    private static func openMessage(_ obligation: Obligation, context: RuleContext) -> String {
        let since = obligation.appliesFrom.map { " applies since \($0)" } ?? " applies"
        var message = "\(obligation.article) (\(obligation.title))\(since) and no attestation with existing evidence meets it"
        if let own = context.agent.attestations[obligation.id] {
            message += own.hasExistingEvidence ? " (the agent's attestation by \(own.by) is stale)" : " (the agent's attestation by \(own.by) has no evidence that exists)"
        } else if let organization = context.config.attestations[obligation.id] {
            message += " (the organization's attestation by \(organization.by) in dossier.yaml is stale or has no evidence that exists)"
        }
        return message
    }

    /// The way out; for the obligations usually met once for the whole organization, the organization-wide attestation.
    private static func remediation(for obligation: Obligation) -> String {
        switch obligation.id {
        case "art-4":
            return "Attest AI literacy once for the organization in dossier.yaml (attestations: art-4: by, date, evidence: the training records), or in the agent file."
        case "art-5":
            return "Attest the prohibited-practices screening once for the whole portfolio in dossier.yaml (attestations: art-5: by, date, evidence: the review), or in the agent file."
        default:
            return "Attest \(obligation.id) in the agent file (attestations: \(obligation.id): by, date, evidence), or in dossier.yaml when it is met once for every agent."
        }
    }

    /// The agent's attestation line for the obligation, else the `classification` key's.
    private static func obligationSource(_ obligation: Obligation, _ context: RuleContext) -> SourceLocation {
        context.agent.sources["attestations.\(obligation.id)"] ?? context.agent.sources.location(of: "classification")
    }
}
