import DossierSupport
import DossierModel
import DossierLoad
import DossierScore
import DossierRender

/// Builds the template contexts (plain dictionaries: swift-mustache renders
/// them faster than reflected structs) for every page of the site.
///
/// Every value from input files is passed as plain text and escaped by the
/// template engine; only `*_html` values are inserted unescaped, and those are
/// always cmark's output.
struct SiteModel {
    let report: Report
    let repository: Repository
    let templates: TemplateSet
    let linkPolicy: LinkPolicy

    init(report: Report, repository: Repository, templates: TemplateSet) {
        self.report = report
        self.repository = repository
        self.templates = templates
        var agentFiles: [String: String] = [:]
        for agent in repository.agents { agentFiles[agent.file] = agent.id }
        baseURL = Self.normalizedBase(repository.config.baseURL)
        linkPolicy = LinkPolicy(docs: Set(repository.documents.map(\.path)), agentFiles: agentFiles, baseURL: baseURL)
        // Once, before the pages: the document list and every page need them.
        var titles: [String: String] = [:]
        for document in repository.documents { titles[document.path] = Markdown.title(document.source) }
        documentTitles = titles
    }

    /// The first level-1 heading of each page under `docs/`, by path.
    let documentTitles: [String: String]

    /// `base_url` with a final slash, or "" for relative links.
    let baseURL: String

    static func normalizedBase(_ base: String) -> String {
        base.isEmpty || base.hasSuffix("/") ? base : base + "/"
    }

    /// The link to a site path from a page: relative, or absolute under `base_url` when it is set.
    func href(_ target: String, from page: String) -> String {
        baseURL.isEmpty ? SitePaths.relative(target, from: page) : baseURL + SitePaths.encode(target)
    }

    /// Agents listed per risk level on the index before the rest is left to the level's own page.
    static let indexRowsPerLevel = 200

    static let severityLabels: [Severity: String] = [.critical: "Critical", .high: "High", .medium: "Medium", .low: "Low"]
    static let riskLabels: [RiskLevel: String] = [.critical: "Critical", .high: "High", .medium: "Medium", .low: "Low"]
    static let riskOrder: [RiskLevel] = [.critical, .high, .medium, .low]

    // MARK: Common

    func common(page: String, title: String, section: String) -> [String: Any] {
        let root = baseURL.isEmpty ? SitePaths.root(of: page) : baseURL
        let nav: [[String: Any]] = [
            ("index", "Portfolio", "index.html"), ("gaps", "Gaps", "gaps.html"), ("checklist", "Checklist", "checklist.html"),
            ("articles", "Articles", "articles/art-9.html"), ("docs", "Documents", "documents.html"),
            ("changes", "Changes", "changes.html"),
        ].compactMap { key, label, target in
            if key == "docs", repository.documents.isEmpty { return nil }
            if key == "changes", report.changes == nil { return nil }
            return ["label": label, "href": root + target, "current": key == section]
        }
        return [
            "site": siteContext,
            "standalone": false,
            "root": root,
            "page_title": title,
            "nav": nav,
            "stylesheet": root + "style.css",
            "csp": Self.contentSecurityPolicy,
        ]
    }

    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'"

    var siteContext: [String: Any] {
        [
            "organization": report.organization,
            "title": report.title,
            "release": report.release,
            "as_of": report.asOf.description,
            "generator": DossierVersion.generator,
            "extensions": Self.extensions(report.extensions),
        ]
    }

    /// `x-` keys for templates: strings, lists and maps, by key without order guarantees beyond sorting.
    static func extensions(_ values: [String: ExtensionValue]) -> [String: Any] {
        func convert(_ value: ExtensionValue) -> Any {
            switch value {
            case .null: return false
            case let .scalar(text): return text
            case let .list(items): return items.map(convert)
            case let .map(pairs): return Dictionary(pairs.map { ($0.0, convert($0.1)) }, uniquingKeysWith: { first, _ in first })
            }
        }
        return values.mapValues(convert)
    }

    func markdown(_ source: String, writtenIn file: String, shownOn page: String) -> String {
        Markdown.render(source) { linkPolicy.decide($0, writtenIn: file, shownOn: page) }.html
    }

    /// A page introduction kept as Markdown in the templates (`intro/index.md`).
    func intro(_ name: String, page: String) -> String {
        Markdown.render(templates.text(name)) { url in
            let lowered = url.lowercased()
            if lowered.hasPrefix("http://") || lowered.hasPrefix("https://") || url.hasPrefix("#") { return .link(url) }
            if !SitePaths.hasScheme(url), url.hasSuffix(".html") { return .link(href(url, from: page)) }
            return .text
        }.html
    }

    // MARK: Summary and charts

    var summaryContext: [String: Any] {
        let summary = report.summary
        let open = Severity.allCases.map { summary.gaps[$0] ?? 0 }.saturatingSum
        return [
            "agents": Chart.format(summary.agents),
            "fully_compliant": Chart.format(summary.fullyCompliant),
            "deployable": Chart.format(summary.deployable),
            "not_deployable": Chart.format(summary.agents - summary.deployable),
            "open_gaps": Chart.format(open),
            "waived": Chart.format(summary.waived),
            "has_waived": summary.waived > 0,
            "severities": Severity.allCases.map { severity in
                ["severity": severity.rawValue, "label": Self.severityLabels[severity]!, "count": Chart.format(summary.gaps[severity] ?? 0)]
            },
        ]
    }

    var portfolioCharts: [[String: Any]] {
        var scores = [Int](repeating: 0, count: 8)
        for agent in report.agents { scores[min(7, agent.passed)] += 1 }
        let scoreChart = Chart(id: "chart-scores", title: "Compliance score distribution",
                               rows: (0...7).reversed().map { Chart.Row(label: "\($0)/7", segments: [.init(value: scores[$0], style: "score-\($0)")]) },
                               columns: ["Score", "Agents"])
        let summary = report.summary
        let gapChart = Chart(id: "chart-gaps", title: "Open gaps by severity",
                             rows: Severity.allCases.map { Chart.Row(label: Self.severityLabels[$0]!, segments: [.init(value: summary.gaps[$0] ?? 0, style: $0.rawValue)]) },
                             columns: ["Severity", "Open gaps"])
        var levels: [RiskLevel: Int] = [:]
        for agent in report.agents { levels[agent.agent.risk.level, default: 0] += 1 }
        let riskChart = Chart(id: "chart-risk", title: "Agents by risk level",
                              rows: Self.riskOrder.map { Chart.Row(label: Self.riskLabels[$0]!, segments: [.init(value: levels[$0] ?? 0, style: "risk-\($0.rawValue)")]) },
                              columns: ["Risk level", "Agents"])
        return [riskChart.context(), scoreChart.context(), gapChart.context()]
    }

    // MARK: Agents

    func agentRow(_ agent: AgentReport, page: String) -> [String: Any] {
        var counts: [Severity: Int] = [:]
        for gap in agent.openGaps { counts[gap.severity, default: 0] += 1 }
        return [
            "id": agent.agent.id,
            "name": agent.agent.name,
            "href": href(SitePaths.agentPage(agent.agent.id), from: page),
            "risk_level": agent.agent.risk.level.rawValue,
            "risk_label": Self.riskLabels[agent.agent.risk.level]!,
            "score": agent.complianceScore,
            "deployable": agent.deployable,
            "critical": counts[.critical] ?? 0,
            "high": counts[.high] ?? 0,
            "medium": counts[.medium] ?? 0,
            "low": counts[.low] ?? 0,
        ]
    }

    func riskGroups(page: String, limit: Int?) -> [[String: Any]] {
        Self.riskOrder.compactMap { level in
            let agents = report.agents.filter { $0.agent.risk.level == level }
            guard !agents.isEmpty else { return nil }
            let shown = limit.map { Array(agents.prefix($0)) } ?? agents
            return [
                "level": level.rawValue,
                "label": Self.riskLabels[level]!,
                "count": Chart.format(agents.count),
                "count_label": agents.count == 1 ? "1 agent" : "\(Chart.format(agents.count)) agents",
                "agents": shown.map { agentRow($0, page: page) },
                "has_more": shown.count < agents.count,
                "more": Chart.format(agents.count - shown.count),
                "full_list_href": href("risk/\(level.rawValue).html", from: page),
            ]
        }
    }

    func gapContext(_ gap: Gap, agent: AgentReport, page: String) -> [String: Any] {
        var context: [String: Any] = [
            "agent_id": agent.agent.id,
            "agent_name": agent.agent.name,
            "agent_href": href(SitePaths.agentPage(agent.agent.id), from: page),
            "rule": gap.rule,
            "kind": gap.kind.rawValue,
            "is_article": gap.kind == .article,
            "severity": gap.severity.rawValue,
            "severity_label": Self.severityLabels[gap.severity]!,
            "status": gap.status.rawValue,
            "waived": gap.status == .waived,
            "message": gap.message,
            "remediation": gap.remediation,
            // Absent values are `false`, not missing: a missing key makes the engine search every enclosing context.
            "article": false, "field": false, "subject": false, "source": false,
        ]
        if let article = gap.article {
            context["article"] = article
            context["article_href"] = href(SitePaths.articlePage(article), from: page)
        }
        if let field = gap.field { context["field"] = field }
        if let subject = gap.subject { context["subject"] = subject }
        if let source = gap.source { context["source"] = source.fileAndLine }
        // A waived gap shows who accepted it, why and until when.
        context["waiver"] = gap.waiver.map { waiver -> [String: Any] in
            ["justification": waiver.justification, "approved_by": waiver.approvedBy,
             "approved_on": waiver.approvedOn.description, "expires": waiver.expires.description,
             "source": waiver.location.fileAndLine]
        } ?? false
        return context
    }

    func checklistContext(_ agent: AgentReport, page: String) -> [[String: Any]] {
        var sections: [(String, [[String: Any]])] = []
        for entry in agent.checklist {
            var item: [String: Any] = [
                "id": entry.item.id,
                "title": entry.item.title,
                "status": entry.status == .notApplicable ? "na" : entry.status.rawValue,
                "status_label": Self.statusLabel(entry.status),
                "auto": entry.item.isAuto,
                "evidence": false, "evidence_url": false, "evidence_href": false, "evidence_missing": false, "note": false,
            ]
            if let note = entry.note { item["note"] = note }
            if let evidence = entry.evidence { item.merge(evidenceContext(evidence, agent: agent.agent, page: page)) { $1 } }
            if sections.last?.0 == entry.item.section {
                sections[sections.count - 1].1.append(item)
            } else {
                sections.append((entry.item.section, [item]))
            }
        }
        return sections.map { ["section": $0.0, "items": $0.1] }
    }

    static func statusLabel(_ status: ChecklistStatus) -> String {
        switch status {
        case .done: "Done"
        case .open: "Open"
        case .notApplicable: "n/a"
        }
    }

    /// Evidence as a link (an http(s) URL, or a docs page of the site) or as a plain path.
    func evidenceContext(_ evidence: String, agent: AgentRecord, page: String) -> [String: Any] {
        var context: [String: Any] = ["evidence": evidence, "evidence_url": false, "evidence_href": false, "evidence_missing": false]
        if EvidencePath.isURL(evidence) {
            context["evidence_url"] = evidence
        } else {
            var path = evidence
            var fragment = ""
            if let hash = path.firstIndex(of: "#") {
                fragment = String(path[hash...])
                path = String(path[..<hash])
            }
            if linkPolicy.docs.contains(path) {
                context["evidence_href"] = href(SitePaths.docPage(path), from: page) + fragment
            }
            if agent.checklist.values.contains(where: { $0.evidence == evidence && !$0.evidenceExists }) {
                context["evidence_missing"] = true
            }
        }
        return context
    }

    func ownerContext(_ owner: String) -> [String: Any] {
        var context: [String: Any] = ["owner": owner]
        if Self.isEmailAddress(owner) { context["owner_mailto"] = "mailto:" + owner }
        return context
    }

    /// A plain `local@domain` address with no characters that could break out of a URL.
    static func isEmailAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "@._+-".unicodeScalars.contains(scalar))
        }
    }

    func agentContext(_ agent: AgentReport, page: String) -> [String: Any] {
        let record = agent.agent
        var context = agentRow(agent, page: page)
        context["passed"] = agent.passed
        context["total"] = agent.total
        context["fully_compliant"] = agent.fullyCompliant
        context["verdict"] = agent.deployable ? "Deployable" : "Not deployable"
        context["verdict_reason"] = agent.verdictReason
        context["anchor"] = "agent-\(record.id)"
        context["extensions"] = Self.extensions(record.extensions)
        for key in ["version", "owner", "owner_mailto", "description_html", "audit"] { context[key] = false }
        if let version = record.version { context["version"] = version }
        if !TextRules.isBlank(record.owner) { context.merge(ownerContext(record.owner)) { $1 } }
        if !TextRules.isBlank(record.description) {
            context["description_html"] = markdown(record.description, writtenIn: record.file, shownOn: page)
        }
        context["file"] = record.file
        context["allowed_tools"] = record.allowedTools
        context["has_allowed_tools"] = !record.allowedTools.isEmpty
        context["capabilities"] = Capability.allCases.map { capability in
            ["flag": capability.rawValue, "declared": record.risk.declares(capability),
             "declared_label": record.risk.declares(capability) ? "Yes" : "No"] as [String: Any]
        }
        context["max_transaction_amount"] = record.risk.maxTransactionAmount.text
        context["requires_human_approval"] = record.risk.requiresHumanApproval ? "Yes" : "No"
        context["approval_threshold"] = TextRules.isBlank(record.risk.approvalThreshold) ? "—" : record.risk.approvalThreshold
        context["has_compliance"] = record.hasComplianceBlock
        context["checks"] = zip(ArticleCheck.all, agent.checks).map { check, result in
            var item: [String: Any] = [
                "id": check.id, "article": check.article, "title": check.title, "passed": result.passed,
                "status_label": result.passed ? "Pass" : "Fail",
                "href": href(SitePaths.articlePage(check.article), from: page),
                "fields": check.fields.map { ["path": $0, "value": fieldValue($0, of: record)] },
            ]
            if let failing = result.failingField { item["failing_field"] = failing }
            return item
        }
        context["gaps"] = agent.gaps.map { gapContext($0, agent: agent, page: page) }
        context["has_gaps"] = !agent.gaps.isEmpty
        context["gap_count"] = agent.gaps.count
        context["checklist"] = checklistContext(agent, page: page)
        if let audit = agent.audit { context["audit"] = auditContext(audit, agentID: record.id) }
        return context
    }

    /// A field's value as shown on the agent page (from the record with defaults applied).
    func fieldValue(_ path: String, of agent: AgentRecord) -> String {
        let c = agent.compliance
        func yesNo(_ value: Bool) -> String { value ? "true" : "false" }
        func text(_ value: String) -> String { TextRules.isBlank(value) ? "(empty)" : value }
        func metrics(_ value: [(String, ExactDecimal)]) -> String {
            value.isEmpty ? "(none)" : value.map { "\($0.0): \($0.1.text)" }.joined(separator: ", ")
        }
        switch path {
        case "compliance.risk_assessment_completed": return yesNo(c.riskAssessmentCompleted)
        case "compliance.residual_risks_documented": return yesNo(c.residualRisksDocumented)
        case "compliance.training_data_documented": return yesNo(c.trainingDataDocumented)
        case "compliance.bias_testing_completed": return yesNo(c.biasTestingCompleted)
        case "compliance.system_description": return text(c.systemDescription)
        case "compliance.intended_purpose": return text(c.intendedPurpose)
        case "compliance.audit_logs_enabled": return yesNo(c.auditLogsEnabled)
        case "compliance.log_retention_days": return "\(c.logRetentionDays) days (minimum \(repository.config.thresholds.retentionMinDays))"
        case "compliance.users_informed_of_ai": return yesNo(c.usersInformedOfAI)
        case "compliance.override_capability": return yesNo(c.overrideCapability)
        case "compliance.human_oversight_measures": return c.humanOversightMeasures.isEmpty ? "(none)" : c.humanOversightMeasures.joined(separator: "; ")
        case "compliance.accuracy_metrics": return metrics(c.accuracyMetrics)
        case "compliance.adversarial_testing": return yesNo(c.adversarialTesting)
        default: return ""
        }
    }

    /// Actions shown in an agent's chart; the rest are counted in a note.
    static let chartedActions = 12

    func auditContext(_ audit: AuditSummary, agentID: String) -> [String: Any] {
        // The most frequent actions first (ties by name).
        let actions = audit.actions.sorted { a, b in
            a.value.total != b.value.total ? a.value.total > b.value.total : ByteOrder.less(a.key, b.key)
        }
        let charted = actions.prefix(Self.chartedActions)
        let actionChart = Chart(id: "chart-actions-\(agentID)",
                                title: actions.count > charted.count ? "Top \(charted.count) of \(actions.count) audited actions: allowed and blocked"
                                    : "Audited actions: allowed and blocked",
                                rows: charted.map { name, stats in
                                    Chart.Row(label: name, segments: [.init(value: max(0, stats.total - stats.blocked), style: "allowed"),
                                                                      .init(value: stats.blocked, style: "blocked")])
                                },
                                legend: [("allowed", "Allowed"), ("blocked", "Blocked")],
                                columns: ["Action", "Allowed", "Blocked", "Total"])
        var bySeverity: [Severity: Int] = [:]
        for violations in audit.policyViolations.values {
            bySeverity[violations.severity] = [bySeverity[violations.severity, default: 0], violations.count].saturatingSum
        }
        let severityChart = Chart(id: "chart-violations-\(agentID)", title: "Policy violations by severity",
                                  rows: Severity.allCases.map { severity in
                                      Chart.Row(label: Self.severityLabels[severity]!,
                                                segments: [.init(value: bySeverity[severity, default: 0], style: severity.rawValue)])
                                  },
                                  columns: ["Severity", "Violations"])
        let approvals = audit.approvals
        let approvalChart = Chart(id: "chart-approvals-\(agentID)", title: "Human approval decisions",
                                  rows: [Chart.Row(label: "Approved", segments: [.init(value: approvals.approved, style: "allowed")]),
                                         Chart.Row(label: "Rejected", segments: [.init(value: approvals.rejected, style: "blocked")]),
                                         Chart.Row(label: "Timed out", segments: [.init(value: approvals.timeout, style: "timeout")])],
                                  columns: ["Decision", "Requests"])
        var charts: [[String: Any]] = []
        if !actions.isEmpty { charts.append(actionChart.context()) }
        if !audit.policyViolations.isEmpty { charts.append(severityChart.context()) }
        if approvals.total > 0 { charts.append(approvalChart.context()) }
        var context: [String: Any] = [
            "file": audit.file,
            "events": Chart.format(audit.events),
            "allowed": Chart.format(audit.allowed),
            "blocked": Chart.format(audit.blocked),
            "violations": Chart.format(audit.totalViolations),
            "malformed_lines": Chart.format(audit.malformedLines),
            "charts": charts,
            "tools": audit.tools.sorted { ByteOrder.less($0.key, $1.key) }.map { ["name": $0.key, "count": Chart.format($0.value)] },
            "has_tools": !audit.tools.isEmpty,
            "policies": audit.policyViolations.sorted { ByteOrder.less($0.key, $1.key) }.map {
                ["name": $0.key, "count": Chart.format($0.value.count), "severity": $0.value.severity.rawValue,
                 "severity_label": Self.severityLabels[$0.value.severity]!]
            },
            "has_policies": !audit.policyViolations.isEmpty,
            "period_start": false, "period_end": false,
            "blocked_share": audit.events > 0 ? String(format: "%.2f%%", Double(audit.blocked) / Double(audit.events) * 100) : "—",
            "more_actions": actions.count > charted.count ? Chart.format(actions.count - charted.count) : false,
            "durations": audit.durationMs.map { durations -> [String: Any] in
                ["p50": durations.p50.text, "p95": durations.p95.text, "max": durations.max.text]
            } ?? false,
        ]
        if let start = audit.periodStart { context["period_start"] = start }
        if let end = audit.periodEnd { context["period_end"] = end }
        return context
    }
}
