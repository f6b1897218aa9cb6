import DossierSupport
import DossierModel
import DossierLoad
import DossierScore
import DossierRender


// The template contexts of the site, one type per page and per repeated piece.
//
// Each answers the engine's `value(named:)` with a `switch` over the names the
// templates use (`templates/`, which users may override with `--templates`), so
// no value is found by reflection or a dynamic cast. Two kinds of name matter:
//
// - A value that may be absent but is part of the context answers `false`
//   when it is absent (`optional(_:)`): a missing name (`nil`) makes the engine
//   search every enclosing context, so `{{#field}}` inside a gap could find
//   another object's `field`.
// - A name the context does not have answers `nil`, and the engine looks it up
//   in the enclosing contexts: the chart's `{{height}}` inside a segment is the row's.

// MARK: Shared by every page

/// `site`: the release the site is about.
struct SiteInfo: TemplateObject {
    let organization: String
    let title: String
    let release: String
    let asOf: String
    let generator: String
    let extensions: [String: ExtensionContext]
    /// The commit the repository was checked out at, when known.
    var commit: String?
    /// Who approved the release's report.
    var signOff: [SignOffContext] = []

    func value(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "organization": organization
        case "title": title
        case "release": release
        case "as_of": asOf
        case "generator": generator
        case "extensions": ExtensionMap(extensions)
        case "commit": optional(commit)
        case "sign_off": signOff
        case "has_sign_off": !signOff.isEmpty
        default: nil
        }
    }
}

/// One entry of the release's sign-off.
struct SignOffContext: TemplateObject {
    let entry: SignOff

    func value(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "by": entry.by
        case "role": optional(entry.role)
        case "date": entry.date.description
        case "statement": optional(entry.statement)
        default: nil
        }
    }
}

/// Who vouches for an article of an agent: the state, who, when, the note and the evidence.
struct AttestationContext: TemplateObject {
    let backing: ArticleBacking
    let attestation: Attestation?
    let evidence: [EvidenceContext]

    func value(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "state": backing.rawValue
        case "state_label": backing.label
        case "by": optional(attestation?.by)
        case "date": optional(attestation?.date.description)
        case "note": optional(attestation?.note)
        case "evidence_list": evidence
        case "has_evidence": !evidence.isEmpty
        default: nil
        }
    }
}

/// An `x-` value for templates: text, a list or a map; null is `false`.
struct ExtensionContext: TemplateRepresentable {
    let value: ExtensionValue

    static func map(_ values: [String: ExtensionValue]) -> [String: ExtensionContext] {
        values.mapValues(ExtensionContext.init)
    }

    var scalarValue: TemplateValue? {
        switch value {
        case .null: .bool(false)
        case let .scalar(text): .text(text)
        case let .list(items): .list(items.map(ExtensionContext.init))
        case .map: nil
        }
    }

    /// A map's value for `name` (the first, should a key repeat).
    func value(named name: String) -> (any TemplateRepresentable)? {
        guard case let .map(pairs) = value else { return nil }
        return pairs.first { $0.0 == name }.map { ExtensionContext(value: $0.1) }
    }

    /// A map as the dictionary swift-mustache's map transforms work on.
    var dictionary: [String: ExtensionContext]? {
        guard case let .map(pairs) = value else { return nil }
        return Dictionary(pairs.map { ($0.0, ExtensionContext(value: $0.1)) }, uniquingKeysWith: { first, _ in first })
    }
}

/// An `x-` map (or the `extensions` of a site or an agent): its keys are its names.
struct ExtensionMap: TemplateObject {
    let values: [String: ExtensionContext]

    init(_ values: [String: ExtensionContext]) { self.values = values }

    func value(named name: String) -> (any TemplateRepresentable)? { values[name] }
}

/// An entry of the main navigation.
struct NavItem: TemplateObject {
    let label: String
    let href: String
    let current: Bool

    func value(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "label": label
        case "href": href
        case "current": current
        default: nil
        }
    }
}

/// A link of the breadcrumb trail.
struct Breadcrumb: TemplateObject {
    let label: String
    let href: String

    func value(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "label": label
        case "href": href
        default: nil
        }
    }
}

/// What every page has: the head, navigation and foot.
struct PageFrame: TemplateObject {
    let site: SiteInfo
    var standalone = false
    let root: String
    let pageTitle: String
    let nav: [NavItem]
    let stylesheet: String
    let csp: String
    /// The stylesheet inlined (the single-file report only).
    var inlineCSS: String?

    func value(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "site": site
        case "standalone": standalone
        case "root": root
        case "page_title": pageTitle
        case "nav": nav
        case "stylesheet": stylesheet
        case "csp": csp
        case "inline_css": inlineCSS
        default: nil
        }
    }
}

// MARK: Pieces

/// `summary`: the portfolio's counts.
struct SummaryContext: TemplateObject {
    struct SeverityCount: TemplateObject {
        let severity: Severity
        let count: String

        func value(named name: String) -> (any TemplateRepresentable)? {
            switch name {
            case "severity": severity.rawValue
            case "label": severity.label
            case "count": count
            default: nil
            }
        }
    }

    let agents: String
    let fullyCompliant: String
    var fullyEvidenced = "0"
    let deployable: String
    let notDeployable: String
    let openGaps: String
    let waived: String
    let hasWaived: Bool
    let severities: [SeverityCount]

    func value(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "agents": agents
        case "fully_compliant": fullyCompliant
        case "fully_evidenced": fullyEvidenced
        case "deployable": deployable
        case "not_deployable": notDeployable
        case "open_gaps": openGaps
        case "waived": waived
        case "has_waived": hasWaived
        case "severities": severities
        default: nil
        }
    }
}

/// A bar chart, geometry computed (`partials/chart`).
struct ChartContext: TemplateObject {
    struct Segment: TemplateObject {
        let x: Int
        let width: Int
        let style: String

        func value(named name: String) -> (any TemplateRepresentable)? {
            switch name {
            case "x": x
            case "width": width
            case "style": style
            default: nil
            }
        }
    }

    struct Cell: TemplateObject {
        let value: String

        func value(named name: String) -> (any TemplateRepresentable)? { name == "value" ? value : nil }
    }

    /// A line of a bar's label (a long label wraps onto two).
    struct LabelLine: TemplateObject {
        let text: String
        let y: Int

        func value(named name: String) -> (any TemplateRepresentable)? {
            switch name {
            case "text": text
            case "y": y
            default: nil
            }
        }
    }

    /// A tick of the value axis (log scale only: the powers of ten).
    struct Tick: TemplateObject {
        let x: Int
        let label: String

        func value(named name: String) -> (any TemplateRepresentable)? {
            switch name {
            case "x": x
            case "label": label
            default: nil
            }
        }
    }

    /// The value axis under the bars: its line, ticks and label.
    struct Axis: TemplateObject {
        let x: Int
        let x2: Int
        let y: Int
        let tickY: Int
        let title: String
        let titleX: Int
        let titleY: Int
        let ticks: [Tick]
        let logScale: Bool

        func value(named name: String) -> (any TemplateRepresentable)? {
            switch name {
            case "x": x
            case "x2": x2
            case "y": y
            case "tick_y": tickY
            case "title": title
            case "title_x": titleX
            case "title_y": titleY
            case "ticks": ticks
            case "log_scale": logScale
            default: nil
            }
        }
    }

    struct Row: TemplateObject {
        let label: String
        let labelLines: [LabelLine]
        let value: String
        let y: Int
        let textY: Int
        let height: Int
        let valueX: Int
        let segments: [Segment]
        let cells: [Cell]

        func value(named name: String) -> (any TemplateRepresentable)? {
            switch name {
            case "label": label
            case "label_lines": labelLines
            case "value": value
            case "y": y
            case "text_y": textY
            case "height": height
            case "value_x": valueX
            case "segments": segments
            case "cells": cells
            default: nil
            }
        }
    }

    struct LegendEntry: TemplateObject {
        let style: String
        let label: String

        func value(named name: String) -> (any TemplateRepresentable)? {
            switch name {
            case "style": style
            case "label": label
            default: nil
            }
        }
    }

    let id: String
    let title: String
    let description: String
    let width: Int
    let height: Int
    let labelX: Int
    let rows: [Row]
    let legend: [LegendEntry]
    let columns: [String]
    let stacked: Bool
    let axis: Axis
    /// Whether a label was shortened in the chart (the data table then starts open).
    let shortened: Bool

    func value(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "id": id
        case "title": title
        case "description": description
        case "width": width
        case "height": height
        case "label_x": labelX
        case "rows": rows
        case "legend": legend
        case "has_legend": !legend.isEmpty
        case "columns": columns
        case "stacked": stacked
        case "axis": axis
        case "shortened": shortened
        default: nil
        }
    }
}

/// The `--history` trend chart (`partials/trend`).
struct TrendContext: TemplateObject {
    struct Dot: TemplateObject {
        let x: Int
        let y: Int
        let value: String

        func value(named name: String) -> (any TemplateRepresentable)? {
            switch name {
            case "x": x
            case "y": y
            case "value": value
            default: nil
            }
        }
    }

    struct Line: TemplateObject {
        let style: String
        let label: String
        let points: String
        let dots: [Dot]

        func value(named name: String) -> (any TemplateRepresentable)? {
            switch name {
            case "style": style
            case "label": label
            case "points": points
            case "dots": dots
            default: nil
            }
        }
    }

    struct Tick: TemplateObject {
        let x: Int
        let y: Int
        let label: String

        func value(named name: String) -> (any TemplateRepresentable)? {
            switch name {
            case "x": x
            case "y": y
            case "label": label
            default: nil
            }
        }
    }

    struct Row: TemplateObject {
        let release: String
        let asOf: String
        let agents: Int
        let score: String
        let gaps: Int
        let openGaps: [Severity: Int]

        func value(named name: String) -> (any TemplateRepresentable)? {
            switch name {
            case "release": release
            case "as_of": asOf
            case "agents": agents
            case "score": score
            case "gaps": gaps
            default: Severity(rawValue: name).map { openGaps[$0] ?? 0 }
            }
        }
    }

    /// One of the trend's charts: its own value axis, labelled.
    struct Plot: TemplateObject {
        let id: String
        let title: String
        let description: String
        let width: Int
        let height: Int
        let axisY: Int
        let axisYTop: Int
        let axisX1: Int
        let axisX2: Int
        let axisTitle: String
        let axisTitleY: Int
        let lines: [Line]
        let ticks: [Tick]
        let yTicks: [Tick]

        func value(named name: String) -> (any TemplateRepresentable)? {
            switch name {
            case "id": id
            case "title": title
            case "description": description
            case "width": width
            case "height": height
            case "axis_y": axisY
            case "axis_y_top": axisYTop
            case "axis_x1": axisX1
            case "axis_x2": axisX2
            case "axis_title": axisTitle
            case "axis_title_y": axisTitleY
            case "lines": lines
            case "ticks": ticks
            case "y_ticks": yTicks
            default: nil
            }
        }
    }

    /// The open gaps, then the share of checks passed: never on one scale.
    let plots: [Plot]
    let rows: [Row]

    func value(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "plots": plots
        case "rows": rows
        default: nil
        }
    }
}

/// An agent in a table: the index, a risk level's page, an article's failing agents.
struct AgentRowContext: TemplateObject {
    /// What an article page adds for an agent that fails it.
    struct Failure {
        let fields: [FieldContext]
        /// The gap of the check, when there is one.
        let gap: Gap?
    }

    let id: String
    let name: String
    var href: String
    let riskLevel: RiskLevel
    let score: String
    var evidencedScore = ""
    let deployable: Bool
    let counts: [Severity: Int]
    var failure: Failure?

    func value(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "id": id
        case "name": self.name
        case "href": href
        case "risk_level": riskLevel.rawValue
        case "risk_label": riskLevel.label
        case "score": score
        case "evidenced_score": evidencedScore
        case "deployable": deployable
        case "critical": counts[.critical] ?? 0
        case "high": counts[.high] ?? 0
        case "medium": counts[.medium] ?? 0
        case "low": counts[.low] ?? 0
        case "fields": failure?.fields
        case "message": failure?.gap?.message
        case "failing_field": failure?.gap.map { $0.field ?? "" }
        case "severity": failure?.gap?.severity.rawValue
        case "severity_label": failure?.gap?.severity.label
        default: nil
        }
    }
}

/// A field behind an article check and its value.
struct FieldContext: TemplateObject {
    let path: String
    let value: String

    func value(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "path": path
        case "path_parts": IdentifierParts.of(path)
        case "value": value
        default: nil
        }
    }
}

/// A risk level's agents (the index and the level's own page).
struct RiskGroupContext: TemplateObject {
    let level: RiskLevel
    let count: Int
    var agents: [AgentRowContext]
    let fullListHref: String

    func value(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "level": level.rawValue
        case "label": level.label
        case "count": Counted.grouped(count)
        case "count_label": Counted.phrase(count, "agent")
        case "agents": agents
        case "has_more": agents.count < count
        case "more": Counted.grouped(count - agents.count)
        case "full_list_href": fullListHref
        default: nil
        }
    }
}

/// A gap (`partials/gap`, `gap-card`, `gap-compact`).
struct GapContext: TemplateObject {
    let gap: Gap
    let agentID: String
    let agentName: String
    let agentHref: String
    let articleHref: String?
    /// The source's line at the commit (`source_url`), when it can be linked.
    var sourceHref: String?

    func value(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "source_href": optional(sourceHref)
        case "agent_id": agentID
        case "agent_name": agentName
        case "agent_href": agentHref
        case "rule": gap.rule
        case "kind": gap.kind.rawValue
        case "is_article": gap.kind == .article
        case "severity": gap.severity.rawValue
        case "severity_label": gap.severity.label
        case "status": gap.status.rawValue
        case "waived": gap.status == .waived
        case "message": gap.message
        case "remediation": gap.remediation
        case "article": optional(gap.article)
        case "article_href": articleHref
        case "field": optional(gap.field)
        case "subject": optional(gap.subject)
        case "source": optional(gap.source?.fileAndLine)
        case "waiver": optional(gap.waiver.map(WaiverContext.init))
        default: nil
        }
    }
}

/// Who accepted a waived gap, why and until when.
struct WaiverContext: TemplateObject {
    let waiver: Waiver

    func value(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "justification": waiver.justification
        case "approved_by": waiver.approvedBy
        case "approved_on": waiver.approvedOn.description
        case "expires": waiver.expires.description
        case "source": waiver.location.fileAndLine
        default: nil
        }
    }
}

/// Evidence as a link (an http(s) URL, or a docs page of the site) or as a plain path.
struct EvidenceContext: TemplateObject {
    var evidence: String?
    var url: String?
    var href: String?
    var missing = false

    func value(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "evidence": optional(evidence)
        case "evidence_url": optional(url)
        case "evidence_href": optional(href)
        case "evidence_missing": missing
        default: nil
        }
    }
}

/// A section of an agent's deployment checklist.
struct ChecklistSectionContext: TemplateObject {
    struct Item: TemplateObject {
        let entry: ChecklistEntry
        let evidence: EvidenceContext

        func value(named name: String) -> (any TemplateRepresentable)? {
            switch name {
            case "id": entry.item.id
            case "title": entry.item.title
            case "status": entry.status.siteName
            case "status_label": entry.status.label
            case "auto": entry.item.isAuto
            case "note": optional(entry.note)
            case "confirmed_by": optional(entry.by)
            case "confirmed_on": optional(entry.date?.description)
            default: evidence.value(named: name)
            }
        }
    }

    let section: String
    var items: [Item]

    func value(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "section": section
        case "items": items
        default: nil
        }
    }
}

/// An agent's audit evidence.
struct AuditContext: TemplateObject {
    struct NameCount: TemplateObject {
        let name: String
        let count: String

        func value(named key: String) -> (any TemplateRepresentable)? {
            switch key {
            case "name": name
            case "name_parts": IdentifierParts.of(name)
            case "count": count
            default: nil
            }
        }
    }

    struct Policy: TemplateObject {
        let name: String
        let count: String
        let severity: Severity

        func value(named key: String) -> (any TemplateRepresentable)? {
            switch key {
            case "name": name
            case "name_parts": IdentifierParts.of(name)
            case "count": count
            case "severity": severity.rawValue
            case "severity_label": severity.label
            default: nil
            }
        }
    }

    struct Durations: TemplateObject {
        let p50: String
        let p95: String
        let max: String

        func value(named name: String) -> (any TemplateRepresentable)? {
            switch name {
            case "p50": p50
            case "p95": p95
            case "max": max
            default: nil
            }
        }
    }

    /// A transaction action: what was executed and what the policy engine blocked, against the limit.
    struct Transaction: TemplateObject {
        let action: String
        let stats: AuditSummary.ActionStats
        let limit: ExactDecimal

        func value(named key: String) -> (any TemplateRepresentable)? {
            switch key {
            case "action": action
            case "action_parts": IdentifierParts.of(action)
            case "executed": Counted.grouped(stats.executed)
            case "blocked": Counted.grouped(stats.blocked)
            case "max_executed": optional(stats.maxAmount?.displayAmount)
            case "executed_over_limit": stats.maxAmount.map { $0 > limit } ?? false
            case "max_blocked": optional(stats.maxBlockedAmount?.displayAmount)
            case "blocked_over_limit": stats.maxBlockedAmount.map { $0 > limit } ?? false
            case "limit": limit.displayAmount
            default: nil
            }
        }
    }

    let audit: AuditSummary
    let charts: [ChartContext]
    var transactions: [Transaction] = []
    let tools: [NameCount]
    let policies: [Policy]
    let blockedShare: String
    let moreActions: String?
    let durations: Durations?

    func value(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "file": audit.file
        case "events": Counted.grouped(audit.events)
        case "allowed": Counted.grouped(audit.allowed)
        case "blocked": Counted.grouped(audit.blocked)
        case "violations": Counted.grouped(audit.totalViolations)
        case "malformed_lines": Counted.grouped(audit.malformedLines)
        case "charts": charts
        case "has_charts": !charts.isEmpty
        case "tools": tools
        case "has_tools": !tools.isEmpty
        case "policies": policies
        case "has_policies": !policies.isEmpty
        case "period_start": optional(audit.periodStart)
        case "period_end": optional(audit.periodEnd)
        case "blocked_share": blockedShare
        case "more_actions": optional(moreActions)
        case "durations": optional(durations)
        case "transactions": transactions
        case "has_transactions": !transactions.isEmpty
        case "transaction_limit": optional(transactions.first?.limit.displayAmount)
        default: nil
        }
    }
}

/// `agent` on an agent's page (`partials/agent-body`).
struct AgentContext: TemplateObject {
    struct Capability: TemplateObject {
        let flag: String
        let declared: Bool

        func value(named name: String) -> (any TemplateRepresentable)? {
            switch name {
            case "flag": flag
            case "flag_parts": IdentifierParts.of(flag)
            case "declared": declared
            case "declared_label": declared ? "Yes" : "No"
            default: nil
            }
        }
    }

    struct Check: TemplateObject {
        let check: ArticleCheck
        let result: ArticleCheckResult
        let href: String
        let fields: [FieldContext]
        var attestation: AttestationContext?

        func value(named name: String) -> (any TemplateRepresentable)? {
            switch name {
            case "attestation": optional(attestation)
            case "id": check.id
            case "article": check.article
            case "title": check.title
            case "passed": result.passed
            case "status_label": result.passed ? "Pass" : "Fail"
            case "href": href
            case "fields": fields
            case "failing_field": result.failingField
            default: nil
            }
        }
    }

    let row: AgentRowContext
    let agent: AgentReport
    let ownerMailto: String?
    let descriptionHTML: String?
    let extensions: [String: ExtensionContext]
    let capabilities: [Capability]
    let approvalThreshold: String
    let checks: [Check]
    let gaps: [GapContext]
    let checklist: [ChecklistSectionContext]
    /// The AI Act class and obligations (OBLIGATIONS.md).
    let obligations: AgentObligationsContext
    let audit: AuditContext?

    func value(named name: String) -> (any TemplateRepresentable)? {
        let record = agent.agent
        switch name {
        case "ai_act": return obligations
        case "passed": return agent.passed
        case "total": return agent.total
        case "fully_compliant": return agent.fullyCompliant
        case "verdict": return agent.deployable ? "Deployable" : "Not deployable"
        case "verdict_reason": return agent.verdictReason
        case "anchor": return "agent-\(record.id)"
        case "extensions": return ExtensionMap(extensions)
        case "version": return optional(record.version)
        case "owner": return TextRules.isBlank(record.owner) ? false : record.owner
        case "owner_mailto": return optional(ownerMailto)
        case "description_html": return optional(descriptionHTML)
        case "audit": return optional(audit)
        case "file": return record.file
        case "allowed_tools": return record.allowedTools
        case "has_allowed_tools": return !record.allowedTools.isEmpty
        case "capabilities": return capabilities
        case "max_transaction_amount": return record.risk.maxTransactionAmount.displayAmount
        case "requires_human_approval": return record.risk.requiresHumanApproval ? "Yes" : "No"
        case "approval_threshold": return approvalThreshold
        case "has_compliance": return record.hasComplianceBlock
        case "checks": return checks
        case "gaps": return gaps
        case "has_gaps": return !gaps.isEmpty
        case "gap_count": return gaps.count
        case "checklist": return checklist
        default: return row.value(named: name)
        }
    }
}

/// An agent in the single-file report (`partials/report-agent`).
struct ReportAgentContext: TemplateObject {
    struct Check: TemplateObject {
        let result: ArticleCheckResult

        func value(named name: String) -> (any TemplateRepresentable)? {
            switch name {
            case "article": result.article
            case "passed": result.passed
            default: nil
            }
        }
    }

    let agent: AgentReport
    let gaps: [GapContext]
    /// The AI Act class and obligations (OBLIGATIONS.md).
    var obligations: AgentObligationsContext?
    var attestations: [AttestationRow] = []

    /// An article with who vouches for it.
    struct AttestationRow: TemplateObject {
        let article: String
        let attestation: AttestationContext

        func value(named name: String) -> (any TemplateRepresentable)? {
            name == "article" ? article : attestation.value(named: name)
        }
    }

    func value(named name: String) -> (any TemplateRepresentable)? {
        let record = agent.agent
        switch name {
        case "id": return record.id
        case "anchor": return "agent-\(record.id)"
        case "name": return record.name
        case "deployable": return agent.deployable
        case "verdict_reason": return agent.verdictReason
        case "risk_level": return record.risk.level.rawValue
        case "risk_label": return record.risk.level.label
        case "score": return agent.complianceScore
        case "evidenced_score": return agent.evidencedScore
        case "attestations": return attestations
        case "audit_period": return optional(agent.audit.flatMap { audit in
            audit.periodStart.map { "\($0) to \(audit.periodEnd ?? $0)" } })
        case "audit_file": return optional(agent.audit?.file)
        case "owner": return TextRules.isBlank(record.owner) ? false : record.owner
        case "version": return optional(record.version)
        case "checks": return agent.checks.map(Check.init)
        case "ai_act": return optional(obligations)
        case "gaps": return gaps
        case "has_gaps": return !gaps.isEmpty
        case "open_items": return openItems
        case "has_open_items": return !openItems.isEmpty
        default: return nil
        }
    }

    private var openItems: [String] { agent.checklist.filter { $0.status == .open }.map(\.item.title) }
}

/// Severity groups of the gaps pages; each group's gaps are streamed in (`gaps_html`).
struct GapGroupContext: TemplateObject {
    let severity: Severity
    let count: Int
    let gapsHTML: String

    func value(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "severity": severity.rawValue
        case "label": severity.label
        case "count": Counted.grouped(count)
        case "count_label": Counted.phrase(count, "gap")
        case "gaps_html": gapsHTML
        default: nil
        }
    }
}

/// The checklist matrix: agents × items; the rows are streamed in (`rows_html`).
struct ChecklistMatrixContext: TemplateObject {
    struct Section: TemplateObject {
        let name: String
        var span: Int

        func value(named key: String) -> (any TemplateRepresentable)? {
            switch key {
            case "name": name
            case "span": span
            default: nil
            }
        }
    }

    struct Item: TemplateObject {
        let item: ChecklistItem
        let number: Int
        let done: String

        func value(named name: String) -> (any TemplateRepresentable)? {
            switch name {
            case "id": item.id
            case "number": number
            case "title": item.title
            case "section": item.section
            case "auto": item.isAuto
            case "done": done
            default: nil
            }
        }
    }

    let sections: [Section]
    let items: [Item]
    let rowsHTML: String
    let agents: String

    func value(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "sections": sections
        case "items": items
        case "rows_html": rowsHTML
        case "agents": agents
        default: nil
        }
    }
}

/// An agent's row of the checklist matrix (`partials/checklist-row`).
struct ChecklistRowContext: TemplateObject {
    struct Cell: TemplateObject {
        let status: ChecklistStatus

        func value(named name: String) -> (any TemplateRepresentable)? {
            switch name {
            case "status": status.siteName
            case "symbol": status == .done ? "✓" : status == .open ? "✗" : "–"
            default: nil
            }
        }
    }

    let agent: AgentReport
    let href: String

    func value(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "id": agent.agent.id
        case "href": href
        case "deployable": agent.deployable
        case "cells": agent.checklist.map { Cell(status: $0.status) }
        default: nil
        }
    }
}

/// The counts of `--compare-to` (the index's box), and on the changes page the lists.
struct ChangesContext: TemplateObject {
    struct Lists {
        let added: [AgentLink]
        let removed: [AgentID]
        let changed: [Changed]
        let new: GapList
        let resolved: GapList
    }

    /// An agent by id, with a link while it is in the portfolio.
    struct AgentLink: TemplateObject {
        let id: String
        let href: String?

        func value(named name: String) -> (any TemplateRepresentable)? {
            switch name {
            case "id": id
            case "href": optional(href)
            default: nil
            }
        }
    }

    /// A removed agent: its id only.
    struct AgentID: TemplateObject {
        let id: String

        func value(named name: String) -> (any TemplateRepresentable)? { name == "id" ? id : nil }
    }

    struct Changed: TemplateObject {
        struct Item: TemplateObject {
            let item: ReleaseChanges.ChecklistChange

            func value(named name: String) -> (any TemplateRepresentable)? {
                switch name {
                case "id": item.id
                case "before": item.before
                case "after": item.after
                default: nil
                }
            }
        }

        let change: ReleaseChanges.AgentChange
        let href: String?

        func value(named name: String) -> (any TemplateRepresentable)? {
            switch name {
            case "id": change.id
            case "href": optional(href)
            case "score_before": change.scoreBefore
            case "score_after": change.scoreAfter
            case "deployable_before": change.deployableBefore ? "yes" : "no"
            case "deployable_after": change.deployableAfter ? "yes" : "no"
            case "checklist": change.checklist.map(Item.init)
            default: nil
            }
        }
    }

    struct GapList: TemplateObject {
        let gaps: [GapChange]

        func value(named name: String) -> (any TemplateRepresentable)? { name == "gaps" ? gaps : nil }
    }

    struct GapChange: TemplateObject {
        let gap: ReleaseChanges.GapChange
        let href: String?

        func value(named name: String) -> (any TemplateRepresentable)? {
            switch name {
            case "agent": gap.agent
            case "href": optional(href)
            case "rule": gap.rule
            case "field": optional(gap.field)
            case "subject": optional(gap.subject)
            case "severity": gap.severity.rawValue
            case "severity_label": gap.severity.label
            default: nil
            }
        }
    }

    let changes: ReleaseChanges
    let href: String
    var lists: Lists?

    func value(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "previous_release": return changes.previousRelease
        case "previous_as_of": return changes.previousAsOf.description
        case "new_count": return changes.gapsNew.count
        case "one_new": return changes.gapsNew.count == 1
        case "resolved_count": return changes.gapsResolved.count
        case "left_count": return changes.gapsOfRemovedAgents
        case "has_left": return changes.gapsOfRemovedAgents > 0
        case "added_count": return changes.agentsAdded.count
        case "one_added": return changes.agentsAdded.count == 1
        case "removed_count": return changes.agentsRemoved.count
        case "href": return href
        default: break
        }
        guard let lists else { return nil }
        switch name {
        case "added": return lists.added
        case "removed": return lists.removed
        case "has_agent_changes": return !changes.agentsAdded.isEmpty || !changes.agentsRemoved.isEmpty
        case "changed": return lists.changed
        case "has_changed": return !changes.agentsChanged.isEmpty
        case "new_list": return lists.new
        case "has_new": return !changes.gapsNew.isEmpty
        case "resolved_list": return lists.resolved
        case "has_resolved": return !changes.gapsResolved.isEmpty
        default: return nil
        }
    }
}

// MARK: Pages

/// `index.html`.
struct IndexPage: TemplateObject {
    let frame: PageFrame
    let introHTML: String
    let summary: SummaryContext
    let charts: [ChartContext]
    let riskGroups: [RiskGroupContext]
    let hasAgents: Bool
    let changesBox: ChangesContext?
    let trend: TrendContext?
    let fixFirst: [GapContext]
    let gapsHref: String
    let ownersHref: String

    func value(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "fix_first": fixFirst
        case "has_fix_first": !fixFirst.isEmpty
        case "gaps_href": gapsHref
        case "owners_href": ownersHref
        case "intro_html": introHTML
        case "summary": summary
        case "charts": charts
        case "risk_groups": riskGroups
        case "has_agents": hasAgents
        case "changes_box": optional(changesBox)
        case "trend": optional(trend)
        default: frame.value(named: name)
        }
    }
}

/// `owners.html`.
struct OwnersPage: TemplateObject {
    let frame: PageFrame
    let introHTML: String
    let owners: [OwnerContext]

    func value(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "intro_html": introHTML
        case "owners": owners
        case "has_owners": !owners.isEmpty
        default: frame.value(named: name)
        }
    }
}

/// One owner of `owners.html` (`owner` nil: the agents without one), with their agents' rows.
struct OwnerContext: TemplateObject {
    let owner: String?
    let mailto: String?
    let agents: [AgentRowContext]

    func value(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "owner": optional(owner)
        case "mailto": optional(mailto)
        case "agents": agents
        case "agent_count": Counted.phrase(agents.count, "agent")
        case "open_gaps": Counted.grouped(agents.map { $0.counts.values.saturatingSum }.saturatingSum)
        case "open_critical_high": Counted.grouped(agents.map { ($0.counts[.critical] ?? 0) + ($0.counts[.high] ?? 0) }.saturatingSum)
        case "deployable": Counted.grouped(agents.count { $0.deployable })
        default: nil
        }
    }
}

/// `changes.html`.
struct ChangesPage: TemplateObject {
    let frame: PageFrame
    let changes: ChangesContext?

    func value(named name: String) -> (any TemplateRepresentable)? {
        name == "changes" ? changes : frame.value(named: name)
    }
}

/// `risk/<level>.html`.
struct RiskPage: TemplateObject {
    let frame: PageFrame
    let level: RiskLevel
    let riskGroups: [RiskGroupContext]

    func value(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "level": level.rawValue
        case "label": level.label
        case "risk_groups": riskGroups
        // The groups' headings follow the page's h1 here, and an h2 on the index.
        case "groups_top_level": true
        default: frame.value(named: name)
        }
    }
}

/// `agents/<id>.html`.
struct AgentPage: TemplateObject {
    let frame: PageFrame
    let agent: AgentContext
    let breadcrumbs: [Breadcrumb]

    func value(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "agent": agent
        case "breadcrumbs": breadcrumbs
        default: frame.value(named: name)
        }
    }
}

/// `gaps.html`.
struct GapsPage: TemplateObject {
    let frame: PageFrame
    let introHTML: String
    let summary: SummaryContext
    let groups: [GapGroupContext]
    let hasGaps: Bool

    func value(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "intro_html": introHTML
        case "summary": summary
        case "groups": groups
        case "has_gaps": hasGaps
        default: frame.value(named: name)
        }
    }
}

/// `checklist.html`.
struct ChecklistPage: TemplateObject {
    let frame: PageFrame
    let introHTML: String
    let matrix: ChecklistMatrixContext

    func value(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "intro_html": introHTML
        case "matrix": matrix
        default: frame.value(named: name)
        }
    }
}

/// `articles/art-<n>.html`.
struct ArticlePage: TemplateObject {
    struct Article: TemplateObject {
        let number: String
        let check: ArticleCheck
        let introHTML: String
        let passing: [Passing]
        let failing: [AgentRowContext]

        func value(named name: String) -> (any TemplateRepresentable)? {
            switch name {
            case "number": number
            case "id": check.id
            case "title": check.title
            case "reference": "Article \(number) of Regulation (EU) 2024/1689 (the AI Act)"
            case "intro_html": introHTML
            case "fields": check.fields
            case "field_names": check.fields.map(IdentifierContext.init)
            case "passing": passing
            case "failing": failing
            case "passing_count": Counted.phrase(passing.count, "agent")
            case "failing_count": Counted.phrase(failing.count, "agent")
            case "has_passing": !passing.isEmpty
            case "has_failing": !failing.isEmpty
            default: nil
            }
        }
    }

    /// An agent that passes the article: a link.
    struct Passing: TemplateObject {
        let id: String
        let name: String
        let href: String
        /// Who vouches for the article for this agent.
        var attestation: AttestationContext?

        func value(named key: String) -> (any TemplateRepresentable)? {
            switch key {
            case "id": id
            case "name": name
            case "href": href
            case "attestation": optional(attestation)
            default: nil
            }
        }
    }

    /// Another article in the article navigation.
    struct OtherArticle: TemplateObject {
        let number: String
        let title: String
        let current: Bool
        let href: String

        func value(named name: String) -> (any TemplateRepresentable)? {
            switch name {
            case "number": number
            case "title": title
            case "current": current
            case "href": href
            default: nil
            }
        }
    }

    let frame: PageFrame
    let article: Article
    let articles: [OtherArticle]

    func value(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "article": article
        case "articles": articles
        default: frame.value(named: name)
        }
    }
}

/// `documents.html`.
struct DocumentsPage: TemplateObject {
    struct Entry: TemplateObject {
        let title: String
        let path: String
        let href: String

        func value(named name: String) -> (any TemplateRepresentable)? {
            switch name {
            case "title": title
            case "path": path
            case "href": href
            default: nil
            }
        }
    }

    let frame: PageFrame
    let documents: [Entry]

    func value(named name: String) -> (any TemplateRepresentable)? {
        name == "documents" ? documents : frame.value(named: name)
    }
}

/// `docs/<path>.html`.
struct DocumentPage: TemplateObject {
    struct Document: TemplateObject {
        let title: String
        let path: String
        let html: String

        func value(named name: String) -> (any TemplateRepresentable)? {
            switch name {
            case "title": title
            case "path": path
            case "html": html
            default: nil
            }
        }
    }

    let frame: PageFrame
    let document: Document
    let breadcrumbs: [Breadcrumb]

    func value(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "document": document
        case "breadcrumbs": breadcrumbs
        default: frame.value(named: name)
        }
    }
}

/// `report.html`: the whole report in one file; long lists are streamed in.
struct ReportPage: TemplateObject {
    let frame: PageFrame
    let summary: SummaryContext
    let charts: [ChartContext]
    let riskGroups: [RiskGroupContext]
    let agentsHTML: String
    let groups: [GapGroupContext]
    let matrix: ChecklistMatrixContext
    /// What changed since the previous release (`--compare-to`).
    var changes: ChangesContext?
    /// Every input file read, with its SHA-256: what an auditor re-hashes.
    var inputs: [FileDigest] = []
    /// The incident register (OBLIGATIONS.md).
    var incidents: [IncidentContext] = []

    struct Input: TemplateObject {
        let digest: FileDigest

        func value(named name: String) -> (any TemplateRepresentable)? {
            switch name {
            case "path": digest.path
            case "sha256": digest.sha256
            case "bytes": Counted.grouped(digest.bytes)
            default: nil
            }
        }
    }

    func value(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "summary": summary
        case "charts": charts
        case "risk_groups": riskGroups
        case "agents_html": agentsHTML
        case "groups": groups
        case "matrix": matrix
        case "incidents": incidents
        case "has_incidents": !incidents.isEmpty
        case "changes_box": optional(changes)
        case "inputs": inputs.map(Input.init)
        case "has_inputs": !inputs.isEmpty
        default: frame.value(named: name)
        }
    }
}

extension ChecklistStatus {
    /// The status in class names (`status-na`).
    var siteName: String { self == .notApplicable ? "na" : rawValue }

    var label: String {
        switch self {
        case .done: "Done"
        case .open: "Open"
        case .notApplicable: "n/a"
        }
    }
}

/// An identifier (a field path, a flag, an action or policy name) cut after each `_`,
/// `.` and `/`: the templates put a `<wbr>` between the parts, so that a narrow
/// column breaks `max_transaction_amount` only there, never inside a word.
enum IdentifierParts {
    static func of(_ identifier: String) -> [String] {
        var parts: [String] = []
        var current = ""
        for character in identifier {
            current.append(character)
            if character == "_" || character == "." || character == "/" {
                parts.append(current)
                current = ""
            }
        }
        if !current.isEmpty || parts.isEmpty { parts.append(current) }
        return parts
    }
}

/// An identifier with its parts (`{{text}}`, `{{#parts}}{{.}}<wbr>{{/parts}}`).
struct IdentifierContext: TemplateObject {
    let text: String

    func value(named name: String) -> (any TemplateRepresentable)? {
        switch name {
        case "text": text
        case "parts": IdentifierParts.of(text)
        default: nil
        }
    }
}
