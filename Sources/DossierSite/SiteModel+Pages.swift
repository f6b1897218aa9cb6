import DossierSupport
import DossierModel
import DossierLoad
import DossierScore
import DossierRender

/// The context of each page template.
extension SiteModel {
    func indexContext() -> [String: Any] {
        let page = "index.html"
        var context = common(page: page, title: "Portfolio", section: "index")
        context["intro_html"] = intro("intro/index.md", page: page)
        context["summary"] = summaryContext
        context["charts"] = portfolioCharts
        context["risk_groups"] = riskGroups(page: page, limit: Self.indexRowsPerLevel)
        context["has_agents"] = !report.agents.isEmpty
        context["changes_box"] = changesCounts(page: page) ?? false
        context["trend"] = TrendChart(releases: report.history).context()
        return context
    }

    /// The counts of `--compare-to`, for the index's box and the changes page.
    func changesCounts(page: String) -> [String: Any]? {
        guard let changes = report.changes else { return nil }
        return ["previous_release": changes.previousRelease, "previous_as_of": changes.previousAsOf.description,
                "new_count": changes.gapsNew.count, "one_new": changes.gapsNew.count == 1,
                "resolved_count": changes.gapsResolved.count,
                "added_count": changes.agentsAdded.count, "one_added": changes.agentsAdded.count == 1,
                "removed_count": changes.agentsRemoved.count, "href": href("changes.html", from: page)]
    }

    /// `changes.html`: what changed since the previous release.
    func changesContext() -> [String: Any] {
        let page = "changes.html"
        var context = common(page: page, title: "Changes", section: "changes")
        guard let changes = report.changes, var counts = changesCounts(page: page) else { return context }
        let current = Set(report.agents.map(\.agent.id))
        func agentHref(_ id: String) -> Any { current.contains(id) ? href(SitePaths.agentPage(id), from: page) : false }
        func gaps(_ list: [ReleaseChanges.GapChange]) -> [String: Any] {
            ["gaps": list.map { gap -> [String: Any] in
                ["agent": gap.agent, "href": agentHref(gap.agent), "rule": gap.rule, "field": gap.field ?? false,
                 "subject": gap.subject ?? false, "severity": gap.severity.rawValue,
                 "severity_label": Self.severityLabels[gap.severity]!]
            }]
        }
        counts["added"] = changes.agentsAdded.map { ["id": $0, "href": agentHref($0)] }
        counts["removed"] = changes.agentsRemoved.map { ["id": $0] }
        counts["has_agent_changes"] = !changes.agentsAdded.isEmpty || !changes.agentsRemoved.isEmpty
        counts["changed"] = changes.agentsChanged.map { change -> [String: Any] in
            ["id": change.id, "href": agentHref(change.id), "score_before": change.scoreBefore, "score_after": change.scoreAfter,
             "deployable_before": change.deployableBefore ? "yes" : "no", "deployable_after": change.deployableAfter ? "yes" : "no",
             "checklist": change.checklist.map { ["id": $0.id, "before": $0.before, "after": $0.after] }]
        }
        counts["has_changed"] = !changes.agentsChanged.isEmpty
        counts["new_list"] = gaps(changes.gapsNew)
        counts["has_new"] = !changes.gapsNew.isEmpty
        counts["resolved_list"] = gaps(changes.gapsResolved)
        counts["has_resolved"] = !changes.gapsResolved.isEmpty
        context["changes"] = counts
        return context
    }

    func riskContext(_ level: RiskLevel, page: String) -> [String: Any] {
        let label = Self.riskLabels[level]!
        var context = common(page: page, title: "\(label)-risk agents", section: "index")
        context["level"] = level.rawValue
        context["label"] = label
        context["risk_groups"] = riskGroups(page: page, limit: nil).filter { $0["level"] as? String == level.rawValue }
        return context
    }

    func agentPageContext(_ agent: AgentReport, page: String) -> [String: Any] {
        var context = common(page: page, title: agent.agent.name, section: "index")
        context["agent"] = agentContext(agent, page: page)
        context["breadcrumbs"] = [
            ["label": "Portfolio", "href": href("index.html", from: page)],
            ["label": "\(Self.riskLabels[agent.agent.risk.level]!) risk",
             "href": href("risk/\(agent.agent.risk.level.rawValue).html", from: page)],
        ]
        return context
    }

    func gapsContext(lists: inout [StreamedList]) -> [String: Any] {
        let page = "gaps.html"
        var context = common(page: page, title: "Gaps", section: "gaps")
        context["intro_html"] = intro("intro/gaps.md", page: page)
        context["summary"] = summaryContext
        context["groups"] = gapGroups(page: page, item: "partials/gap-card", lists: &lists)
        context["has_gaps"] = report.agents.contains { !$0.gaps.isEmpty }
        return context
    }

    /// Every gap of every agent: by severity, then agent id, then the agent's own gap order.
    /// Each gap is rendered on its own with `item` while the page is written, so that a
    /// page over thousands of agents is never held in memory whole.
    func gapGroups(page: String, item: String, lists: inout [StreamedList]) -> [[String: Any]] {
        Severity.allCases.compactMap { severity in
            let count = report.agents.map { $0.gaps.filter { $0.severity == severity }.count }.saturatingSum
            guard count > 0 else { return nil }
            let marker = StreamedList.add(to: &lists) { [self] sink in
                for agent in report.agents {
                    for gap in agent.gaps where gap.severity == severity {
                        try sink(templates.render(item, gapContext(gap, agent: agent, page: page)))
                    }
                }
            }
            return ["severity": severity.rawValue, "label": Self.severityLabels[severity]!,
                    "count": Chart.format(count), "count_label": count == 1 ? "1 gap" : "\(Chart.format(count)) gaps",
                    "gaps_html": marker]
        }
    }

    func checklistPageContext(lists: inout [StreamedList]) -> [String: Any] {
        let page = "checklist.html"
        var context = common(page: page, title: "Deployment checklist", section: "checklist")
        context["intro_html"] = intro("intro/checklist.md", page: page)
        context["matrix"] = checklistMatrix(page: page, anchors: false, lists: &lists)
        return context
    }

    /// The matrix; `anchors` points agent rows at their section of the single-file report.
    func checklistMatrix(page: String, anchors: Bool, lists: inout [StreamedList]) -> [String: Any] {
        let items = ChecklistCatalog.items
        var sections: [[String: Any]] = []
        for item in items {
            if let last = sections.last, last["name"] as? String == item.section {
                sections[sections.count - 1]["span"] = (last["span"] as! Int) + 1
            } else {
                sections.append(["name": item.section, "span": 1])
            }
        }
        let rows = StreamedList.add(to: &lists) { [self] sink in
            for agent in report.agents {
                try sink(templates.render("partials/checklist-row", checklistRow(agent, page: page, anchors: anchors)))
            }
        }
        let done = items.indices.map { index in report.agents.filter { $0.checklist[index].status != .open }.count }
        return [
            "sections": sections,
            "items": items.enumerated().map { index, item in
                ["id": item.id, "number": index + 1, "title": item.title, "section": item.section, "auto": item.isAuto,
                 "done": Chart.format(done[index])] as [String: Any]
            },
            "rows_html": rows,
            "agents": Chart.format(report.agents.count),
        ]
    }

    func checklistRow(_ agent: AgentReport, page: String, anchors: Bool) -> [String: Any] {
        [
            "id": agent.agent.id,
            "href": anchors ? "#agent-\(agent.agent.id)" : href(SitePaths.agentPage(agent.agent.id), from: page),
            "deployable": agent.deployable,
            "cells": agent.checklist.map { entry in
                ["status": entry.status == .notApplicable ? "na" : entry.status.rawValue,
                 "symbol": entry.status == .done ? "✓" : entry.status == .open ? "✗" : "–"] as [String: Any]
            },
        ]
    }

    func articleContext(_ check: ArticleCheck, page: String) -> [String: Any] {
        let number = check.article.replacingOccurrences(of: "Art. ", with: "")
        var context = common(page: page, title: "Article \(number): \(check.title)", section: "articles")
        let index = ArticleCheck.all.firstIndex { $0.id == check.id }!
        var passing: [[String: Any]] = []
        var failing: [[String: Any]] = []
        for agent in report.agents {
            let result = agent.checks[index]
            if result.passed {
                passing.append(["id": agent.agent.id, "name": agent.agent.name,
                                "href": href(SitePaths.agentPage(agent.agent.id), from: page)])
                continue
            }
            var row = agentRow(agent, page: page)
            row["fields"] = check.fields.map { ["path": $0, "value": fieldValue($0, of: agent.agent)] }
            if let gap = agent.gaps.first(where: { $0.rule == check.id }) {
                row["message"] = gap.message
                row["failing_field"] = gap.field ?? ""
                row["severity"] = gap.severity.rawValue
                row["severity_label"] = Self.severityLabels[gap.severity]!
            }
            failing.append(row)
        }
        context["article"] = [
            "number": number,
            "id": check.id,
            "title": check.title,
            "reference": "Article \(number) of Regulation (EU) 2024/1689 (the AI Act)",
            "intro_html": intro("articles/art-\(number).md", page: page),
            "fields": check.fields,
            "passing": passing,
            "failing": failing,
            "passing_count": passing.count == 1 ? "1 agent" : "\(Chart.format(passing.count)) agents",
            "failing_count": failing.count == 1 ? "1 agent" : "\(Chart.format(failing.count)) agents",
            "has_passing": !passing.isEmpty,
            "has_failing": !failing.isEmpty,
        ] as [String: Any]
        context["articles"] = ArticleCheck.all.map { other in
            let otherNumber = other.article.replacingOccurrences(of: "Art. ", with: "")
            return ["number": otherNumber, "title": other.title, "current": other.id == check.id,
                    "href": href(SitePaths.articlePage(other.article), from: page)] as [String: Any]
        }
        return context
    }

    /// An agent in the single-file report: verdict, facts, article results, gaps and open items.
    func reportAgentContext(_ agent: AgentReport, page: String) -> [String: Any] {
        let record = agent.agent
        var context: [String: Any] = [
            "id": record.id,
            "anchor": "agent-\(record.id)",
            "name": record.name,
            "deployable": agent.deployable,
            "verdict_reason": agent.verdictReason,
            "risk_level": record.risk.level.rawValue,
            "risk_label": Self.riskLabels[record.risk.level]!,
            "score": agent.complianceScore,
            "owner": TextRules.isBlank(record.owner) ? false : record.owner,
            "version": record.version ?? false,
            "checks": agent.checks.map { ["article": $0.article, "passed": $0.passed] as [String: Any] },
            "gaps": agent.gaps.map { gapContext($0, agent: agent, page: page) },
            "has_gaps": !agent.gaps.isEmpty,
        ]
        let open = agent.checklist.filter { $0.status == .open }.map(\.item.title)
        context["open_items"] = open
        context["has_open_items"] = !open.isEmpty
        return context
    }

    func docsIndexContext() -> [String: Any] {
        let page = "documents.html"
        var context = common(page: page, title: "Documents", section: "docs")
        context["documents"] = documentList(page: page)
        return context
    }

    func documentList(page: String) -> [[String: Any]] {
        repository.documents.map { document in
            ["title": title(of: document), "path": document.path,
             "href": href(SitePaths.docPage(document.path), from: page)]
        }
    }

    func title(of document: Document) -> String {
        documentTitles[document.path] ?? String(document.path.dropFirst("docs/".count).dropLast(3))
    }

    func docContext(_ document: Document, page: String) -> [String: Any] {
        let rendering = Markdown.render(document.source) { linkPolicy.decide($0, writtenIn: document.path, shownOn: page) }
        let title = title(of: document)
        var context = common(page: page, title: title, section: "docs")
        context["document"] = ["title": title, "path": document.path, "html": rendering.html]
        context["breadcrumbs"] = [["label": "Documents", "href": href("documents.html", from: page)]]
        return context
    }

    /// The whole report in one file: summary, every agent, gaps and the checklist.
    func reportContext(lists: inout [StreamedList]) -> [String: Any] {
        let page = "report.html"
        var context = common(page: page, title: "Release report", section: "report")
        // One file to mail or archive: no links to the other pages of the site.
        context["standalone"] = true
        context["inline_css"] = templates.text("style.css")
        context["summary"] = summaryContext
        context["charts"] = portfolioCharts
        // In the single file, agent rows point at the agent's section rather than its page.
        context["risk_groups"] = riskGroups(page: page, limit: nil).map { group -> [String: Any] in
            var group = group
            group["agents"] = (group["agents"] as? [[String: Any]] ?? []).map { row in
                var row = row
                row["href"] = "#agent-\(row["id"] as? String ?? "")"
                return row
            }
            return group
        }
        context["agents_html"] = StreamedList.add(to: &lists) { [self] sink in
            for agent in report.agents {
                try sink(templates.render("partials/report-agent", reportAgentContext(agent, page: page)))
            }
        }
        context["groups"] = gapGroups(page: page, item: "partials/gap-compact", lists: &lists)
        context["matrix"] = checklistMatrix(page: page, anchors: true, lists: &lists)
        return context
    }
}
