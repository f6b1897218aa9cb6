import DossierSupport
import DossierModel
import DossierLoad
import DossierScore
import DossierRender

/// The context of each page template.
extension SiteModel {
    func indexContext() -> IndexPage {
        let page = "index.html"
        return IndexPage(frame: frame(page: page, title: "Portfolio", section: "index"),
                         introHTML: intro("intro/index.md", page: page),
                         summary: summaryContext,
                         charts: portfolioCharts,
                         riskGroups: riskGroups(page: page, limit: Self.indexRowsPerLevel),
                         hasAgents: !report.agents.isEmpty,
                         changesBox: changesCounts(page: page),
                         trend: TrendChart(releases: report.history).context(),
                         fixFirst: fixFirst(page: page),
                         gapsHref: href("gaps.html", from: page),
                         ownersHref: href("owners.html", from: page))
    }

    /// The open gaps the index puts first: the most severe across the portfolio, then those of the
    /// agents of highest risk, then by agent (the report's order) and the agent's own gap order.
    func fixFirst(page: String) -> [GapContext] {
        typealias Entry = (severity: Severity, risk: Int, agent: Int, gap: Int)
        func before(_ a: Entry, _ b: Entry) -> Bool {
            if a.severity != b.severity { return a.severity < b.severity }  // `<` is "more severe"
            if a.risk != b.risk { return a.risk < b.risk }
            if a.agent != b.agent { return a.agent < b.agent }
            return a.gap < b.gap
        }
        var first: [Entry] = []
        for index in report.agents.indices {
            let risk = Self.riskOrder.firstIndex(of: report.agents[index].agent.risk.level) ?? Self.riskOrder.count
            for (position, gap) in report.agents[index].gaps.enumerated() where gap.status == .open {
                let entry = (gap.severity, risk, index, position)
                guard first.count < Self.fixFirstCount || before(entry, first[first.count - 1]) else { continue }
                first.insert(entry, at: first.firstIndex { before(entry, $0) } ?? first.count)
                if first.count > Self.fixFirstCount { first.removeLast() }
            }
        }
        return first.map { gapContext(report.agents[$0.agent].gaps[$0.gap], agent: report.agents[$0.agent], page: page) }
    }

    /// `owners.html`: each owner with their agents, open gaps and verdicts; agents without one last.
    func ownersContext() -> OwnersPage {
        let page = "owners.html"
        var byOwner: [String: [Int]] = [:]
        var unowned: [Int] = []
        for index in report.agents.indices {
            let owner = report.agents[index].agent.owner
            if TextRules.isBlank(owner) { unowned.append(index) } else { byOwner[owner, default: []].append(index) }
        }
        func group(_ owner: String?, _ agents: [Int]) -> OwnerContext {
            let rows = agents.map { agentRow(report.agents[$0], page: page) }
            return OwnerContext(owner: owner,
                                mailto: owner.flatMap(Self.mailto),
                                agents: rows)
        }
        var owners = byOwner.keys.sorted(by: ByteOrder.less).map { group($0, byOwner[$0]!) }
        if !unowned.isEmpty { owners.append(group(nil, unowned)) }
        return OwnersPage(frame: frame(page: page, title: "Owners", section: "owners"),
                          introHTML: intro("intro/owners.md", page: page), owners: owners)
    }

    /// The counts of `--compare-to`, for the index's box and the changes page.
    func changesCounts(page: String) -> ChangesContext? {
        report.changes.map { ChangesContext(changes: $0, href: href("changes.html", from: page)) }
    }

    /// `changes.html`: what changed since the previous release.
    func changesContext() -> ChangesPage {
        let page = "changes.html"
        let frame = frame(page: page, title: "Changes", section: "changes")
        guard let changes = report.changes, var counts = changesCounts(page: page) else { return ChangesPage(frame: frame, changes: nil) }
        let current = Set(report.agents.map(\.agent.id))
        func agentHref(_ id: String) -> String? { current.contains(id) ? href(SitePaths.agentPage(id), from: page) : nil }
        func gaps(_ list: [ReleaseChanges.GapChange]) -> ChangesContext.GapList {
            ChangesContext.GapList(gaps: list.map { ChangesContext.GapChange(gap: $0, href: agentHref($0.agent)) })
        }
        counts.lists = ChangesContext.Lists(
            added: changes.agentsAdded.map { ChangesContext.AgentLink(id: $0, href: agentHref($0)) },
            removed: changes.agentsRemoved.map { ChangesContext.AgentID(id: $0) },
            changed: changes.agentsChanged.map { ChangesContext.Changed(change: $0, href: agentHref($0.id)) },
            new: gaps(changes.gapsNew),
            resolved: gaps(changes.gapsResolved))
        return ChangesPage(frame: frame, changes: counts)
    }

    func riskContext(_ level: RiskLevel, page: String) -> RiskPage {
        RiskPage(frame: frame(page: page, title: "\(level.label)-risk agents", section: "index"), level: level,
                 riskGroups: riskGroup(level, page: page, limit: nil).map { [$0] } ?? [])
    }

    func agentPageContext(_ agent: AgentReport, page: String) -> AgentPage {
        let level = agent.agent.risk.level
        return AgentPage(frame: frame(page: page, title: agent.agent.name, section: "index"),
                         agent: agentContext(agent, page: page),
                         breadcrumbs: [
                             Breadcrumb(label: "Portfolio", href: href("index.html", from: page)),
                             Breadcrumb(label: "\(level.label) risk", href: href("risk/\(level.rawValue).html", from: page)),
                         ])
    }

    func gapsContext(lists: inout [StreamedList]) -> GapsPage {
        let page = "gaps.html"
        return GapsPage(frame: frame(page: page, title: "Gaps", section: "gaps"),
                        introHTML: intro("intro/gaps.md", page: page),
                        summary: summaryContext,
                        groups: gapGroups(page: page, item: "partials/gap-card", lists: &lists),
                        hasGaps: report.agents.contains { !$0.gaps.isEmpty })
    }

    /// Every gap of every agent: by severity, then agent id, then the agent's own gap order.
    /// Each gap is rendered on its own with `item` while the page is written, so that a
    /// page over thousands of agents is never held in memory whole.
    func gapGroups(page: String, item: String, lists: inout [StreamedList]) -> [GapGroupContext] {
        Severity.allCases.compactMap { severity in
            let count = report.agents.map { $0.gaps.count { $0.severity == severity } }.saturatingSum
            guard count > 0 else { return nil }
            let marker = StreamedList.add(to: &lists) { [self] sink in
                // By index: a loop over the agents would copy every agent's report.
                for index in report.agents.indices where report.agents[index].gaps.contains(where: { $0.severity == severity }) {
                    for gap in report.agents[index].gaps where gap.severity == severity {
                        try sink(templates.render(item, gapContext(gap, agent: report.agents[index], page: page)))
                    }
                }
            }
            return GapGroupContext(severity: severity, count: count, gapsHTML: marker)
        }
    }

    func checklistPageContext(lists: inout [StreamedList]) -> ChecklistPage {
        let page = "checklist.html"
        return ChecklistPage(frame: frame(page: page, title: "Deployment checklist", section: "checklist"),
                             introHTML: intro("intro/checklist.md", page: page),
                             matrix: checklistMatrix(page: page, anchors: false, lists: &lists))
    }

    /// The matrix; `anchors` points agent rows at their section of the single-file report.
    func checklistMatrix(page: String, anchors: Bool, lists: inout [StreamedList]) -> ChecklistMatrixContext {
        let items = ChecklistCatalog.items
        var sections: [ChecklistMatrixContext.Section] = []
        for item in items {
            if sections.last?.name == item.section {
                sections[sections.count - 1].span += 1
            } else {
                sections.append(ChecklistMatrixContext.Section(name: item.section, span: 1))
            }
        }
        let rows = StreamedList.add(to: &lists) { [self] sink in
            for index in report.agents.indices {
                let id = report.agents[index].agent.id
                let href = anchors ? "#agent-\(id)" : href(SitePaths.agentPage(id), from: page)
                try sink(templates.render("partials/checklist-row", ChecklistRowContext(agent: report.agents[index], href: href)))
            }
        }
        let done = items.indices.map { index in report.agents.count { $0.checklist[index].status != .open } }
        return ChecklistMatrixContext(
            sections: sections,
            items: items.enumerated().map { ChecklistMatrixContext.Item(item: $1, number: $0 + 1, done: Counted.grouped(done[$0])) },
            rowsHTML: rows,
            agents: Counted.grouped(report.agents.count))
    }

    func articleContext(_ check: ArticleCheck, page: String) -> ArticlePage {
        let number = check.article.replacingOccurrences(of: "Art. ", with: "")
        let index = ArticleCheck.all.firstIndex { $0.id == check.id }!
        let thresholds = repository.config.thresholds
        var passing: [ArticlePage.Passing] = []
        var failing: [AgentRowContext] = []
        for agent in report.agents {
            if agent.checks[index].passed {
                passing.append(ArticlePage.Passing(id: agent.agent.id, name: agent.agent.name,
                                                   href: href(SitePaths.agentPage(agent.agent.id), from: page),
                                                   attestation: attestationContext(agent.checks[index], of: agent, page: page)))
                continue
            }
            var row = agentRow(agent, page: page)
            row.failure = AgentRowContext.Failure(fields: fieldValues(check, of: agent.agent, thresholds: thresholds),
                                                  gap: agent.gaps.first { $0.rule == check.id })
            failing.append(row)
        }
        return ArticlePage(
            frame: frame(page: page, title: "Article \(number): \(check.title)", section: "articles"),
            article: ArticlePage.Article(number: number, check: check, introHTML: intro("articles/art-\(number).md", page: page),
                                         passing: passing, failing: failing),
            articles: articleNavigation(page: page, current: check.id))
    }

    /// An agent in the single-file report: verdict, facts, article results, gaps and open items.
    func reportAgentContext(_ agent: AgentReport, page: String) -> ReportAgentContext {
        ReportAgentContext(agent: agent, gaps: agent.gaps.map { gapContext($0, agent: agent, page: page) },
                           obligations: agent.aiActClass == .unclassified ? nil : obligationsContext(agent, page: page),
                           attestations: zip(ArticleCheck.all, agent.checks).map { check, result in
                               ReportAgentContext.AttestationRow(article: check.article,
                                                                 attestation: attestationContext(result, of: agent, page: page))
                           })
    }

    func docsIndexContext() -> DocumentsPage {
        let page = "documents.html"
        return DocumentsPage(frame: frame(page: page, title: "Documents", section: "docs"), documents: documentList(page: page))
    }

    func documentList(page: String) -> [DocumentsPage.Entry] {
        repository.documents.map { document in
            DocumentsPage.Entry(title: title(of: document), path: document.path, href: href(SitePaths.docPage(document.path), from: page))
        }
    }

    func title(of document: Document) -> String {
        documentTitles[document.path] ?? String(document.path.dropFirst("docs/".count).dropLast(3))
    }

    func docContext(_ document: Document, page: String) -> DocumentPage {
        let rendering = Markdown.render(document.source) { linkPolicy.decide($0, writtenIn: document.path, shownOn: page) }
        let title = title(of: document)
        return DocumentPage(frame: frame(page: page, title: title, section: "docs"),
                            document: DocumentPage.Document(title: title, path: document.path, html: rendering.html),
                            breadcrumbs: [Breadcrumb(label: "Documents", href: href("documents.html", from: page))])
    }

    /// The whole report in one file: summary, every agent, gaps and the checklist.
    func reportContext(lists: inout [StreamedList]) -> ReportPage {
        let page = "report.html"
        var frame = frame(page: page, title: "Release report", section: "report")
        // One file to mail or archive: no links to the other pages of the site.
        frame.standalone = true
        frame.inlineCSS = templates.text("style.css")
        // In the single file, agent rows point at the agent's section rather than its page.
        let groups = riskGroups(page: page, limit: nil).map { group in
            var group = group
            for index in group.agents.indices { group.agents[index].href = "#agent-\(group.agents[index].id)" }
            return group
        }
        let agents = StreamedList.add(to: &lists) { [self] sink in
            for index in report.agents.indices {
                try sink(templates.render("partials/report-agent", reportAgentContext(report.agents[index], page: page)))
            }
        }
        var context = ReportPage(frame: frame, summary: summaryContext, charts: portfolioCharts, riskGroups: groups,
                                 agentsHTML: agents,
                                 groups: gapGroups(page: page, item: "partials/gap-compact", lists: &lists),
                                 matrix: checklistMatrix(page: page, anchors: true, lists: &lists),
                                 changes: changesCounts(page: page), inputs: repository.inputs + templates.overrides)
        // In the single file, an incident's agent is its section.
        context.incidents = incidentContexts(page: page, agentHref: { "#agent-\($0)" })
        return context
    }
}

// MARK: Obligations beyond Articles 9–15

extension SiteModel {
    /// An agent's class and obligations, linked from `page`.
    func obligationsContext(_ agent: AgentReport, page: String) -> AgentObligationsContext {
        AgentObligationsContext(id: agent.agent.id, name: agent.agent.name, href: href(SitePaths.agentPage(agent.agent.id), from: page),
                                aiActClass: agent.aiActClass,
                                obligations: agent.obligations.map {
                                    ObligationContext(obligation: $0, href: href(SitePaths.obligationPage($0.id), from: page), asOf: report.asOf)
                                })
    }

    /// Every article with a page, in article order: the obligations' and the seven checks'.
    func articleNavigation(page: String, current: String) -> [ArticlePage.OtherArticle] {
        typealias Entry = (article: String, title: String, target: String, id: String)
        let checks: [Entry] = ArticleCheck.all.map { ($0.article, $0.title, SitePaths.articlePage($0.article), $0.id) }
        let obligations: [Entry] = ObligationCatalog.all.map { ($0.article, $0.title, SitePaths.obligationPage($0.id), $0.id) }
        let ordered = (checks + obligations).sorted { (a: Entry, b: Entry) -> Bool in
            Self.articleOrder(a.article).lexicographicallyPrecedes(Self.articleOrder(b.article))
        }
        return ordered.map { (entry: Entry) -> ArticlePage.OtherArticle in
            ArticlePage.OtherArticle(number: String(entry.article.dropFirst("Art. ".count)), title: entry.title,
                                     current: entry.id == current, href: href(entry.target, from: page))
        }
    }

    /// `Art. 6(3)` → (6, 3); `Art. 27` → (27, 0).
    static func articleOrder(_ article: String) -> [Int] {
        article.dropFirst("Art. ".count).split(whereSeparator: { $0 == "(" || $0 == ")" }).compactMap { Int($0) } + [0]
    }

    func obligationsPageContext() -> ObligationsPage {
        let page = "obligations.html"
        let agents = report.agents.indices.map { obligationsContext(report.agents[$0], page: page) }
        let config = repository.config
        let milestones = ApplicabilityGroup.allCases.compactMap { group -> ObligationsPage.Milestone? in
            let date = config.date(of: group)
            guard date > report.asOf else { return nil }
            var titles: [String] = []
            var agentCount = 0
            for index in report.agents.indices {
                let upcoming = report.agents[index].obligations.filter { $0.status == .upcoming && $0.appliesFrom == date }
                if !upcoming.isEmpty { agentCount += 1 }
                for obligation in upcoming where !titles.contains("\(obligation.article) \(obligation.title)") {
                    titles.append("\(obligation.article) \(obligation.title)")
                }
            }
            return ObligationsPage.Milestone(date: date, days: report.asOf.days(until: date), group: group, source: group.source,
                                             obligations: titles, agents: agentCount)
        }.sorted { $0.date < $1.date }
        var counts: [ObligationStatus: Int] = [:]
        for index in report.agents.indices {
            for obligation in report.agents[index].obligations { counts[obligation.status, default: 0] += 1 }
        }
        return ObligationsPage(
            frame: frame(page: page, title: "Obligations", section: "obligations"),
            columns: ObligationCatalog.all.map { ObligationsPage.Column(definition: $0, href: href(SitePaths.obligationPage($0.id), from: page)) },
            rows: agents.filter { $0.aiActClass != .unclassified },
            unclassified: agents.filter { $0.aiActClass == .unclassified },
            milestones: milestones,
            counts: [.open, .upcoming, .met, .notApplicable].map { ObligationsPage.StatusCount(status: $0, count: counts[$0, default: 0]) },
            organizationAttestations: Attestation.ordered(report.attestations.keys).compactMap { id in
                report.attestations[id].map { attestation in
                    ObligationsPage.AttestationRow(id: id, attestation: attestation, stale: report.staleAttestations.contains(id),
                                                   evidence: attestation.evidence.map { entry in
                                                       var context = evidenceContext(entry.ref, page: page)
                                                       context.missing = !entry.exists
                                                       return context
                                                   })
                }
            })
    }

    func incidentsPageContext() -> IncidentsPage {
        let page = "incidents.html"
        return IncidentsPage(frame: frame(page: page, title: "Incidents", section: "incidents"),
                             incidents: incidentContexts(page: page) { href(SitePaths.agentPage($0), from: page) })
    }

    /// The incident register, each incident linking to its agent with `agentHref`.
    func incidentContexts(page: String, agentHref: (String) -> String) -> [IncidentContext] {
        let names = Dictionary(report.agents.map { ($0.agent.id, $0.agent.name) }, uniquingKeysWith: { first, _ in first })
        return report.incidents.map { entry in
            IncidentContext(entry: entry, agentName: names[entry.incident.agent] ?? entry.incident.agent,
                            agentHref: agentHref(entry.incident.agent), asOf: report.asOf,
                            sourceHref: report.sourceLink.url(for: entry.incident.source))
        }
    }

    /// Every classified agent's obligations as the pages under `articles/` link them (the same from each).
    func articleObligations() -> [AgentObligationsContext] {
        let page = SitePaths.obligationPage(ObligationCatalog.ids[0])
        return report.agents.indices.compactMap { index in
            report.agents[index].aiActClass == .unclassified ? nil : obligationsContext(report.agents[index], page: page)
        }
    }

    /// The page of an obligation's article; `agents` from `articleObligations()`, made once for every such page.
    func obligationArticleContext(_ definition: ObligationDefinition, page: String, agents: [AgentObligationsContext]) -> ObligationArticlePage {
        let config = repository.config
        func from(_ group: ApplicabilityGroup) -> String { "\(group.rawValue) (from \(config.date(of: group)))" }
        let group = definition.group.map(from) ?? "\(from(.annexIII)), or \(from(.annexI)) for an Annex I system"
        let rows = agents.compactMap { agent -> ObligationArticlePage.Row? in
            agent.obligations.first { $0.obligation.id == definition.id }.map { ObligationArticlePage.Row(agent: agent, obligation: $0) }
        }
        return ObligationArticlePage(frame: frame(page: page, title: "\(definition.article): \(definition.title)", section: "articles"),
                                     definition: definition, group: group, rows: rows,
                                     articles: articleNavigation(page: page, current: definition.id))
    }
}
