import DossierSupport
import DossierModel

// The template contexts of the obligations beyond Articles 9–15 (OBLIGATIONS.md):
// an agent's obligations, `obligations.html`, `incidents.html` and the pages of
// the obligations' articles.

/// One obligation of one agent: a cell of the matrix, a row of the agent page.
struct ObligationContext: TemplateObject, Sendable {
    let obligation: Obligation
    /// The obligation's article page.
    let href: String
    let asOf: CalendarDate

    func value(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "id": obligation.id
        case "article": obligation.article
        case "title": obligation.title
        case "status": obligation.status.rawValue
        case "status_label": obligation.status.label
        case "applies": obligation.status != .notApplicable
        case "applies_from": optional(obligation.appliesFrom?.description)
        case "reason": optional(obligation.reason)
        case "met_by": optional(obligation.metBy.map { $0 == .organization ? "the organization" : "the agent" })
        case "when": when
        case "href": href
        default: nil
        }
    }

    /// The date in words: "since 2025-02-02", "from 2027-12-02 (in 373 days)", or why it does not apply.
    private var when: String {
        guard let date = obligation.appliesFrom else { return obligation.reason ?? "" }
        if date <= asOf { return "applies since \(date)" }
        let days = asOf.days(until: date)
        return "applies from \(date), in \(Counted.phrase(days, "day"))"
    }
}

/// An agent's class and obligations (the agent page, a row of the matrix).
struct AgentObligationsContext: TemplateObject, Sendable {
    let id: String
    let name: String
    let href: String
    let aiActClass: AIActClass
    let obligations: [ObligationContext]

    func value(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "id": id
        case "name": self.name
        case "href": href
        case "ai_act_class": aiActClass.rawValue
        case "ai_act_class_label": aiActClass.label
        case "classified": aiActClass != .unclassified
        case "obligations": obligations
        case "applicable": obligations.filter { $0.obligation.status != .notApplicable }
        case "not_applicable": obligations.filter { $0.obligation.status == .notApplicable }
        case "has_not_applicable": obligations.contains { $0.obligation.status == .notApplicable }
        case "open_count": obligations.count { $0.obligation.status == .open }
        default: nil
        }
    }
}

/// `obligations.html`: agents × obligations, and the dates to come.
struct ObligationsPage: TemplateObject {
    /// A column of the matrix.
    struct Column: TemplateObject {
        let definition: ObligationDefinition
        let href: String

        func value(named name: String) -> (any TemplateRepresentable)? {
            switch name {
            case "id": definition.id
            case "article": definition.article
            case "title": definition.title
            case "href": href
            default: nil
            }
        }
    }

    /// A date to come: the group, and what starts applying then.
    struct Milestone: TemplateObject {
        let date: CalendarDate
        let days: Int
        let group: ApplicabilityGroup
        let source: String
        let obligations: [String]
        let agents: Int

        func value(named name: String) -> (any TemplateRepresentable)? {
            switch name {
            case "date": date.description
            case "days": "in \(Counted.phrase(days, "day"))"
            case "group": group.rawValue
            case "source": source
            case "obligations": obligations.joined(separator: "; ")
            case "has_obligations": !obligations.isEmpty
            case "agents": agents == 0 ? "no agent of the portfolio yet" : Counted.phrase(agents, "agent")
            case "within_year": days <= 365
            default: nil
            }
        }
    }

    /// A status and how many obligations of the portfolio have it.
    struct StatusCount: TemplateObject {
        let status: ObligationStatus
        let count: Int

        func value(named name: String) -> (any TemplateRepresentable)? {
            switch name {
            case "status": status.rawValue
            case "label": status.label
            case "count": Counted.grouped(count)
            default: nil
            }
        }
    }

    let frame: PageFrame
    let columns: [Column]
    let rows: [AgentObligationsContext]
    let unclassified: [AgentObligationsContext]
    let milestones: [Milestone]
    let counts: [StatusCount]
    let organizationAttestations: [AttestationRow]

    /// One of the organization's attestations.
    struct AttestationRow: TemplateObject {
        let id: String
        let attestation: Attestation
        let stale: Bool
        let evidence: [EvidenceContext]

        func value(named name: String) -> (any TemplateRepresentable)? {
            switch name {
            case "id": id
            case "article": ObligationCatalog.definition(id)?.article ?? id
            case "title": ObligationCatalog.definition(id)?.title ?? ""
            case "by": attestation.by
            case "date": attestation.date.description
            case "note": optional(attestation.note)
            case "stale": stale
            case "evidence_list": evidence
            case "has_evidence": !evidence.isEmpty
            case "meets": !stale && attestation.hasExistingEvidence
            default: nil
            }
        }
    }

    func value(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "columns": columns
        case "rows": rows
        case "has_rows": !rows.isEmpty
        case "unclassified": unclassified
        case "has_unclassified": !unclassified.isEmpty
        case "unclassified_count": Counted.phrase(unclassified.count, "agent")
        case "milestones": milestones
        case "has_milestones": !milestones.isEmpty
        case "counts": counts
        case "organization_attestations": organizationAttestations
        case "has_organization_attestations": !organizationAttestations.isEmpty
        default: frame.value(named: name)
        }
    }
}

/// One incident of the register.
struct IncidentContext: TemplateObject {
    let entry: IncidentEntry
    let agentName: String
    let agentHref: String
    let asOf: CalendarDate
    /// A link to the entry in the repository, when `source_url` is set.
    let sourceHref: String?

    func value(named name: String) -> (any TemplateRepresentable)? {
        let incident = entry.incident
        switch name {
        case "id": return incident.id
        case "agent_id": return incident.agent
        case "agent_name": return agentName
        case "agent_href": return agentHref
        case "kind": return incident.kind.rawValue
        case "days_allowed": return "\(incident.kind.days) days"
        case "aware_on": return incident.awareOn.description
        case "deadline": return incident.deadline.description
        case "reported_on": return optional(incident.reportedOn?.description)
        case "status": return entry.status.rawValue
        case "status_label": return entry.status.label
        case "timing": return timing
        case "summary": return optional(incident.summary)
        case "source": return incident.source.fileAndLine
        case "source_href": return optional(sourceHref)
        default: return nil
        }
    }

    /// Days left or days late, in words.
    private var timing: String {
        let deadline = entry.incident.deadline
        func days(_ n: Int) -> String { Counted.phrase(n, "day") }
        switch entry.status {
        case .reported:
            let early = (entry.incident.reportedOn ?? deadline).days(until: deadline)
            return early == 0 ? "reported on the deadline day" : "reported \(days(early)) before the deadline"
        case .late:
            return "reported \(days(deadline.days(until: entry.incident.reportedOn ?? deadline))) late"
        case .due:
            let left = asOf.days(until: deadline)
            return left == 0 ? "due today" : "\(days(left)) left"
        case .overdue:
            return "\(days(deadline.days(until: asOf))) late"
        }
    }
}

/// `incidents.html`.
struct IncidentsPage: TemplateObject {
    let frame: PageFrame
    let incidents: [IncidentContext]

    func value(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "incidents": incidents
        case "has_incidents": !incidents.isEmpty
        case "open_count": incidents.count { $0.entry.status == .due || $0.entry.status == .overdue }.description
        default: frame.value(named: name)
        }
    }
}

/// `articles/<id>.html` for an obligation of the catalog (`art-4`, `art-6-3`, … `art-73`).
struct ObligationArticlePage: TemplateObject {
    struct Row: TemplateObject {
        let agent: AgentObligationsContext
        let obligation: ObligationContext

        func value(named name: String) -> (any TemplateRepresentable)? {
            switch name {
            case "agent": agent
            case "obligation": obligation
            default: nil
            }
        }
    }

    let frame: PageFrame
    let definition: ObligationDefinition
    let group: String
    let rows: [Row]
    let articles: [ArticlePage.OtherArticle]

    func value(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "id": definition.id
        case "article": definition.article
        case "number": String(definition.article.dropFirst("Art. ".count))
        case "title": definition.title
        case "requires": definition.requires
        case "applies_to": definition.appliesTo
        case "group": group
        case "reference": "Article \(definition.article.dropFirst("Art. ".count)) of Regulation (EU) 2024/1689 (the AI Act)"
        case "rows": rows
        case "has_rows": !rows.isEmpty
        case "articles": articles
        default: frame.value(named: name)
        }
    }
}
