import DossierSupport
import DossierModel
import DossierLoad
import DossierScore
import DossierRender

/// Builds the template contexts (the typed contexts of `PageContexts.swift`)
/// for every page of the site.
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
        summary = report.summary
        siteInfo = SiteInfo(organization: report.organization, title: report.title, release: report.release,
                            asOf: report.asOf.description, generator: DossierVersion.generator,
                            extensions: ExtensionContext.map(report.extensions), commit: report.commit,
                            signOff: report.signOff.map(SignOffContext.init))
    }

    /// The portfolio's counts, once for every page that shows them.
    let summary: PortfolioSummary

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
    /// Open gaps the index lists under "Fix first".
    static let fixFirstCount = 5

    static let riskOrder: [RiskLevel] = [.critical, .high, .medium, .low]

    // MARK: Common

    func frame(page: String, title: String, section: String) -> PageFrame {
        let root = baseURL.isEmpty ? SitePaths.root(of: page) : baseURL
        let nav: [NavItem] = [
            ("index", "Portfolio", "index.html"), ("gaps", "Gaps", "gaps.html"), ("owners", "Owners", "owners.html"),
            ("checklist", "Checklist", "checklist.html"),
            ("articles", "Articles", "articles/art-9.html"), ("obligations", "Obligations", "obligations.html"),
            ("incidents", "Incidents", "incidents.html"), ("docs", "Documents", "documents.html"),
            ("changes", "Changes", "changes.html"),
        ].compactMap { key, label, target in
            if key == "docs", repository.documents.isEmpty { return nil }
            if key == "changes", report.changes == nil { return nil }
            return NavItem(label: label, href: root + target, current: key == section)
        }
        return PageFrame(site: siteInfo, root: root, pageTitle: title, nav: nav,
                         stylesheet: root + "style.css", csp: Self.contentSecurityPolicy)
    }

    static let contentSecurityPolicy =
        "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; base-uri 'none'; form-action 'none'"

    /// `site` on every page (made once).
    let siteInfo: SiteInfo

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

    var summaryContext: SummaryContext {
        let open = Severity.allCases.map { summary.gaps[$0] ?? 0 }.saturatingSum
        return SummaryContext(
            agents: Counted.grouped(summary.agents),
            fullyCompliant: Counted.grouped(summary.fullyCompliant),
            fullyEvidenced: Counted.grouped(summary.fullyEvidenced),
            deployable: Counted.grouped(summary.deployable),
            notDeployable: Counted.grouped(summary.agents - summary.deployable),
            openGaps: Counted.grouped(open),
            waived: Counted.grouped(summary.waived),
            hasWaived: summary.waived > 0,
            severities: Severity.allCases.map { SummaryContext.SeverityCount(severity: $0, count: Counted.grouped(summary.gaps[$0] ?? 0)) })
    }

    var portfolioCharts: [ChartContext] {
        var scores = [Int](repeating: 0, count: 8)
        for index in report.agents.indices { scores[min(7, report.agents[index].passed)] += 1 }
        let scoreChart = Chart(id: "chart-scores", title: "Compliance score distribution",
                               rows: (0...7).reversed().map { Chart.Row(label: "\($0)/7", segments: [.init(value: scores[$0], style: "score-\($0)")]) },
                               columns: ["Score", "Agents"])
        let gapChart = Chart(id: "chart-gaps", title: "Open gaps by severity",
                             rows: Severity.allCases.map { Chart.Row(label: $0.label, segments: [.init(value: summary.gaps[$0] ?? 0, style: $0.rawValue)]) },
                             columns: ["Severity", "Open gaps"])
        var levels: [RiskLevel: Int] = [:]
        for index in report.agents.indices { levels[report.agents[index].agent.risk.level, default: 0] += 1 }
        let riskChart = Chart(id: "chart-risk", title: "Agents by risk level",
                              rows: Self.riskOrder.map { Chart.Row(label: $0.label, segments: [.init(value: levels[$0] ?? 0, style: "risk-\($0.rawValue)")]) },
                              columns: ["Risk level", "Agents"])
        return [riskChart.context(), scoreChart.context(), gapChart.context()]
    }

    // MARK: Agents

    func agentRow(_ agent: AgentReport, page: String) -> AgentRowContext {
        var counts: [Severity: Int] = [:]
        for gap in agent.gaps where gap.status == .open { counts[gap.severity, default: 0] += 1 }
        return AgentRowContext(id: agent.agent.id, name: agent.agent.name,
                               href: href(SitePaths.agentPage(agent.agent.id), from: page),
                               riskLevel: agent.agent.risk.level, score: agent.complianceScore,
                               evidencedScore: agent.evidencedScore, deployable: agent.deployable, counts: counts)
    }

    func riskGroups(page: String, limit: Int?) -> [RiskGroupContext] {
        Self.riskOrder.compactMap { level in riskGroup(level, page: page, limit: limit) }
    }

    func riskGroup(_ level: RiskLevel, page: String, limit: Int?) -> RiskGroupContext? {
        // Indices, not a filtered copy of every agent's report.
        let agents = report.agents.indices.filter { report.agents[$0].agent.risk.level == level }
        guard !agents.isEmpty else { return nil }
        let shown = limit.map { agents.prefix($0) } ?? agents[...]
        return RiskGroupContext(level: level, count: agents.count, agents: shown.map { agentRow(report.agents[$0], page: page) },
                                fullListHref: href("risk/\(level.rawValue).html", from: page))
    }

    func gapContext(_ gap: Gap, agent: AgentReport, page: String) -> GapContext {
        GapContext(gap: gap, agentID: agent.agent.id, agentName: agent.agent.name,
                   agentHref: href(SitePaths.agentPage(agent.agent.id), from: page),
                   articleHref: gap.article.map { href(SitePaths.articlePage($0), from: page) },
                   sourceHref: gap.source.flatMap { report.sourceLink.url(for: $0) })
    }

    func checklistContext(_ agent: AgentReport, page: String) -> [ChecklistSectionContext] {
        var sections: [ChecklistSectionContext] = []
        for entry in agent.checklist {
            let evidence = entry.evidence.map { evidenceContext($0, agent: agent.agent, page: page) } ?? EvidenceContext()
            let item = ChecklistSectionContext.Item(entry: entry, evidence: evidence)
            if sections.last?.section == entry.item.section {
                sections[sections.count - 1].items.append(item)
            } else {
                sections.append(ChecklistSectionContext(section: entry.item.section, items: [item]))
            }
        }
        return sections
    }

    /// Evidence as a link (an http(s) URL, or a docs page of the site) or as a plain path.
    func evidenceContext(_ evidence: String, agent: AgentRecord, page: String) -> EvidenceContext {
        var context = evidenceContext(evidence, page: page)
        if !EvidencePath.isURL(evidence), agent.checklist.values.contains(where: { $0.evidence == evidence && !$0.evidenceExists }) {
            context.missing = true
        }
        return context
    }

    /// An evidence entry as a link: a URL, or the page of a docs file (with its fragment).
    func evidenceContext(_ evidence: String, page: String) -> EvidenceContext {
        var context = EvidenceContext(evidence: evidence)
        if EvidencePath.isURL(evidence) {
            context.url = evidence
        } else {
            var path = evidence
            var fragment = ""
            if let hash = path.firstIndex(of: "#") {
                fragment = String(path[hash...])
                path = String(path[..<hash])
            }
            if linkPolicy.docs.contains(path) {
                context.href = href(SitePaths.docPage(path), from: page) + fragment
            }
        }
        return context
    }

    /// A plain `local@domain` address with no characters that could break out of a URL.
    /// A `mailto:` link for an owner that is an e-mail address (the only `mailto:` links the site makes).
    static func mailto(_ owner: String) -> String? {
        !TextRules.isBlank(owner) && isEmailAddress(owner) ? "mailto:" + owner : nil
    }

    static func isEmailAddress(_ text: String) -> Bool {
        let parts = text.split(separator: "@", omittingEmptySubsequences: false)
        guard parts.count == 2, !parts[0].isEmpty, parts[1].contains("."), !parts[1].hasPrefix("."), !parts[1].hasSuffix(".") else { return false }
        return text.unicodeScalars.allSatisfy { scalar in
            scalar.isASCII && (scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || "@._+-".unicodeScalars.contains(scalar))
        }
    }

    func agentContext(_ agent: AgentReport, page: String) -> AgentContext {
        let record = agent.agent
        let thresholds = repository.config.thresholds
        let owner = Self.mailto(record.owner)
        return AgentContext(
            row: agentRow(agent, page: page),
            agent: agent,
            ownerMailto: owner,
            descriptionHTML: TextRules.isBlank(record.description) ? nil : markdown(record.description, writtenIn: record.file, shownOn: page),
            extensions: ExtensionContext.map(record.extensions),
            capabilities: Capability.allCases.map { AgentContext.Capability(flag: $0.rawValue, declared: record.risk.declares($0)) },
            approvalThreshold: TextRules.isBlank(record.risk.approvalThreshold) ? "—" : record.risk.approvalThreshold,
            checks: zip(ArticleCheck.all, agent.checks).map { check, result in
                AgentContext.Check(check: check, result: result, href: href(SitePaths.articlePage(check.article), from: page),
                                   fields: fieldValues(check, of: record, thresholds: thresholds),
                                   attestation: attestationContext(result, of: agent, page: page))
            },
            gaps: agent.gaps.map { gapContext($0, agent: agent, page: page) },
            checklist: checklistContext(agent, page: page),
            obligations: obligationsContext(agent, page: page),
            audit: agent.audit.map { audit in
                var context = auditContext(audit, agentID: record.id)
                // Executed and blocked apart: a blocked attempt above the limit is the limit holding.
                let mapped = repository.config.capabilities[.makeFinancialTransactions, default: []]
                context.transactions = audit.actions.filter { mapped.contains($0.key) && $0.value.total > 0 }
                    .sorted { ByteOrder.less($0.key, $1.key) }
                    .map { AuditContext.Transaction(action: $0.key, stats: $0.value, limit: record.risk.maxTransactionAmount) }
                return context
            })
    }

    /// Who vouches for an article (SCORING.md): evidenced, stale, self-declared, or attested (a failed check).
    func attestationContext(_ result: ArticleCheckResult, of agent: AgentReport, page: String) -> AttestationContext {
        let attestation = agent.attestation(of: result)
        let evidence = attestation?.evidence.map { entry -> EvidenceContext in
            var context = evidenceContext(entry.ref, agent: agent.agent, page: page)
            context.missing = !entry.exists
            return context
        } ?? []
        return AttestationContext(backing: agent.backing(of: result), attestation: attestation, evidence: evidence)
    }

    /// The fields behind a check with their values as shown (from the record with defaults applied).
    func fieldValues(_ check: ArticleCheck, of agent: AgentRecord, thresholds: Thresholds) -> [FieldContext] {
        check.shownValues(agent.compliance, thresholds: thresholds).map { FieldContext(path: $0.field, value: $0.value) }
    }

    /// Actions shown in an agent's chart; the rest are counted in a note.
    static let chartedActions = 12

    func auditContext(_ audit: AuditSummary, agentID: String) -> AuditContext {
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
                                columns: ["Action", "Allowed", "Blocked", "Total"],
                                axisLabel: "Events")
        var bySeverity: [Severity: Int] = [:]
        for violations in audit.policyViolations.values {
            bySeverity[violations.severity] = [bySeverity[violations.severity, default: 0], violations.count].saturatingSum
        }
        let severityChart = Chart(id: "chart-violations-\(agentID)", title: "Policy violations by severity",
                                  rows: Severity.allCases.map { severity in
                                      Chart.Row(label: severity.label,
                                                segments: [.init(value: bySeverity[severity, default: 0], style: severity.rawValue)])
                                  },
                                  columns: ["Severity", "Violations"])
        let approvals = audit.approvals
        let approvalChart = Chart(id: "chart-approvals-\(agentID)", title: "Human approval decisions",
                                  rows: [Chart.Row(label: "Approved", segments: [.init(value: approvals.approved, style: "allowed")]),
                                         Chart.Row(label: "Rejected", segments: [.init(value: approvals.rejected, style: "blocked")]),
                                         Chart.Row(label: "Timed out", segments: [.init(value: approvals.timeout, style: "timeout")])],
                                  columns: ["Decision", "Requests"])
        var charts: [ChartContext] = []
        if !actions.isEmpty { charts.append(actionChart.context()) }
        if !audit.policyViolations.isEmpty { charts.append(severityChart.context()) }
        if approvals.total > 0 { charts.append(approvalChart.context()) }
        return AuditContext(
            audit: audit,
            charts: charts,
            tools: audit.tools.sorted { ByteOrder.less($0.key, $1.key) }.map { AuditContext.NameCount(name: $0.key, count: Counted.grouped($0.value)) },
            policies: audit.policyViolations.sorted { ByteOrder.less($0.key, $1.key) }.map {
                AuditContext.Policy(name: $0.key, count: Counted.grouped($0.value.count), severity: $0.value.severity)
            },
            blockedShare: audit.events > 0 ? String(format: "%.2f%%", Double(audit.blocked) / Double(audit.events) * 100) : "—",
            moreActions: actions.count > charted.count ? Counted.grouped(actions.count - charted.count) : nil,
            durations: audit.durationMs.map { AuditContext.Durations(p50: Counted.decimal($0.p50.text), p95: Counted.decimal($0.p95.text), max: Counted.decimal($0.max.text)) })
    }
}
