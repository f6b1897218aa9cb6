// Generated from templates/ by scripts/embed-resources.py (`make resources`). Do not edit.

/// The default templates, stylesheet and page texts, by path relative to `templates/`.
enum DefaultTemplates {
    static let files: [String: String] = [
        "agent.mustache": #"""
{{% CONTENT_TYPE: HTML}}{{> partials/head}}
<nav class="breadcrumbs" aria-label="Breadcrumbs">{{#breadcrumbs}}<a href="{{href}}">{{label}}</a> <span aria-hidden="true">›</span> {{/breadcrumbs}}<span aria-current="page">{{agent.name}}</span></nav>
{{#agent}}
<article class="agent" id="{{anchor}}">
<h1>{{name}} <span class="id">{{id}}</span></h1>
{{> partials/agent-body}}
</article>
{{/agent}}
{{> partials/foot}}

"""#,
        "article.mustache": #"""
{{% CONTENT_TYPE: HTML}}{{> partials/head}}
<nav class="article-nav" aria-label="Articles"><ul>{{#articles}}<li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>Art. {{number}}</a></li>{{/articles}}</ul></nav>
{{#article}}
<h1>Article {{number}}: {{title}}</h1>
<p class="reference">{{reference}} · check <code>{{id}}</code></p>
<section class="explanation">{{{intro_html}}}</section>
<p>Dossier checks these fields, in this order: {{#field_names}}<code class="ident">{{#parts}}{{.}}<wbr>{{/parts}}</code> {{/field_names}}</p>
<section aria-labelledby="failing">
<h2 id="failing"><span class="result fail">✗ Fail</span> <span class="count">{{failing_count}}</span></h2>
{{#has_failing}}<div class="table-scroll"><table class="stack">
<caption>Agents failing Article {{number}}, with the first failing field</caption>
<thead><tr><th scope="col">Agent</th><th scope="col">Severity</th><th scope="col">Why</th><th scope="col">Fields</th></tr></thead>
<tbody>{{#failing}}<tr><th scope="row"><a href="{{href}}">{{name}}</a> <span class="id">{{id}}</span></th><td data-label="Severity"><span class="badge sev-{{severity}}"><span class="sev-icon" aria-hidden="true"></span>{{severity_label}}</span></td><td data-label="Why">{{message}}</td><td data-label="Fields"><ul class="fields">{{#fields}}<li><code class="ident">{{#path_parts}}{{.}}<wbr>{{/path_parts}}</code>: {{value}}</li>{{/fields}}</ul></td></tr>
{{/failing}}</tbody>
</table></div>{{/has_failing}}
{{^has_failing}}<p class="none">No agent fails this article.</p>{{/has_failing}}
</section>
<section aria-labelledby="passing">
<h2 id="passing"><span class="result pass">✓ Pass</span> <span class="count">{{passing_count}}</span></h2>
{{#has_passing}}<ul class="agent-list">{{#passing}}<li><a href="{{href}}">{{name}}</a> <span class="id">{{id}}</span>{{#attestation}} · <span class="attestation-{{state}}">{{state_label}}</span>{{#by}}: {{by}}, {{date}}{{/by}}{{/attestation}}</li>
{{/passing}}</ul>{{/has_passing}}
{{^has_passing}}<p class="none">No agent passes this article.</p>{{/has_passing}}
</section>
{{/article}}
{{> partials/foot}}

"""#,
        "articles/art-10.md": #"""
Training, validation and testing data must be subject to **data governance**:
documented origin and preparation, measures for data quality, and an
examination for possible biases that could affect people's rights.

Dossier checks that the training data is documented and that bias testing is
completed. The `data-quality-undocumented` finding adds the data quality
measures of Art. 10(2)–(3).

"""#,
        "articles/art-11.md": #"""
**Technical documentation** must be drawn up before the system is placed on
the market or put into service, and kept up to date: what the system is, what
it is for, how it was built and how it performs (Annex IV).

Dossier checks that the record describes the system and states its intended
purpose.

"""#,
        "articles/art-12.md": #"""
High-risk systems must **automatically record events (logs)** over their
lifetime, so that their functioning can be traced. Providers and deployers
keep the logs for a period appropriate to the purpose, at least six months
(Articles 19 and 26(6)).

Dossier checks that audit logging is enabled and that logs are kept at least
the configured minimum. Findings compare the record with the audit evidence
itself.

"""#,
        "articles/art-13.md": #"""
High-risk systems must be **transparent** enough for deployers to interpret
their output and use them appropriately, with instructions for use. People
interacting with an AI system must know it is one (Article 50).

Dossier checks that users are informed that they are dealing with an AI
system; the `disclosure-text-missing` finding asks for the text they see.

"""#,
        "articles/art-14.md": #"""
High-risk systems must be designed so that natural persons can **oversee**
them effectively while they are in use: understand their limits, monitor
them, decide not to use them, and override, reverse or stop them.

Dossier checks that operators can override the agent and that oversight
measures are listed. Findings check the approval gate of high-risk agents
and the approval decisions in the audit log.

"""#,
        "articles/art-15.md": #"""
High-risk systems must achieve an appropriate level of **accuracy,
robustness and cybersecurity**, declare their accuracy metrics, and resist
attempts to alter their use or performance by exploiting vulnerabilities.

Dossier checks that accuracy metrics are recorded and that adversarial
testing was done.

"""#,
        "articles/art-9.md": #"""
A high-risk AI system needs a **risk management system**: a continuous,
documented process that identifies the risks the system poses to health,
safety and fundamental rights, estimates them, adopts measures against them
and keeps track of the risks that remain.

Dossier checks that a risk assessment was completed and that residual risks
are documented. Findings add whether the assessment is dated and recent.

"""#,
        "changes.mustache": #"""
{{% CONTENT_TYPE: HTML}}{{> partials/head}}
<h1>Changes since release {{changes.previous_release}}</h1>
{{#changes}}
<p class="lead">Release {{site.release}} (as of {{site.as_of}}) compared with release {{previous_release}} (as of {{previous_as_of}}). Gaps are matched by agent, rule, field and subject.</p>
<div class="stats">
<dl class="stat"><dt>New gaps</dt><dd>{{new_count}}</dd></dl>
<dl class="stat"><dt>Resolved gaps</dt><dd>{{resolved_count}}</dd></dl>
{{#has_left}}<dl class="stat"><dt>Left with removed agents</dt><dd>{{left_count}}</dd></dl>{{/has_left}}
<dl class="stat"><dt>Agents added</dt><dd>{{added_count}}</dd></dl>
<dl class="stat"><dt>Agents removed</dt><dd>{{removed_count}}</dd></dl>
</div>
<section aria-labelledby="agents-changes">
<h2 id="agents-changes">Agents</h2>
{{#has_agent_changes}}<ul>
{{#added}}<li>Added: <a href="{{href}}"><code>{{id}}</code></a></li>{{/added}}
{{#removed}}<li>Removed: <code>{{id}}</code></li>{{/removed}}
</ul>{{/has_agent_changes}}
{{#has_changed}}<div class="table-scroll"><table>
<caption>Score, verdict and checklist changes</caption>
<thead><tr><th scope="col">Agent</th><th scope="col">Score</th><th scope="col">Deployable</th><th scope="col">Checklist items</th></tr></thead>
<tbody>{{#changed}}<tr><th scope="row"><a href="{{href}}"><code>{{id}}</code></a></th><td>{{score_before}} → {{score_after}}</td><td>{{deployable_before}} → {{deployable_after}}</td><td>{{#checklist}}<code>{{id}}</code>: {{before}} → {{after}}<br>{{/checklist}}</td></tr>{{/changed}}</tbody>
</table></div>{{/has_changed}}
{{^has_agent_changes}}{{^has_changed}}<p class="none">No agent was added or removed, and no score, verdict or checklist item changed.</p>{{/has_changed}}{{/has_agent_changes}}
</section>
<section aria-labelledby="new-gaps">
<h2 id="new-gaps">New gaps</h2>
{{#has_new}}{{#new_list}}{{> partials/gap-changes}}{{/new_list}}{{/has_new}}
{{^has_new}}<p class="none">No new gap.</p>{{/has_new}}
</section>
<section aria-labelledby="resolved-gaps">
<h2 id="resolved-gaps">Resolved gaps</h2>
{{#has_resolved}}{{#resolved_list}}{{> partials/gap-changes}}{{/resolved_list}}{{/has_resolved}}
{{^has_resolved}}<p class="none">No gap was resolved.</p>{{/has_resolved}}
</section>
{{/changes}}
{{> partials/foot}}

"""#,
        "checklist.mustache": #"""
{{% CONTENT_TYPE: HTML}}{{> partials/head}}
<h1>Deployment checklist</h1>
{{{intro_html}}}
{{> partials/checklist-matrix}}
{{> partials/foot}}

"""#,
        "doc.mustache": #"""
{{% CONTENT_TYPE: HTML}}{{> partials/head}}
<nav class="breadcrumbs" aria-label="Breadcrumbs">{{#breadcrumbs}}<a href="{{href}}">{{label}}</a> <span aria-hidden="true">›</span> {{/breadcrumbs}}<span aria-current="page">{{document.title}}</span></nav>
<article class="document">
{{{document.html}}}
<p class="source-path">Source: <code>{{document.path}}</code></p>
</article>
{{> partials/foot}}

"""#,
        "docs.mustache": #"""
{{% CONTENT_TYPE: HTML}}{{> partials/head}}
<h1>Documents</h1>
<ul class="documents">
{{#documents}}<li><a href="{{href}}">{{title}}</a> <code>{{path}}</code></li>
{{/documents}}
</ul>
{{> partials/foot}}

"""#,
        "gaps.mustache": #"""
{{% CONTENT_TYPE: HTML}}{{> partials/head}}
<h1>Gaps</h1>
{{{intro_html}}}
{{> partials/summary}}
{{#groups}}
<section aria-labelledby="sev-{{severity}}">
<h2 id="sev-{{severity}}"><span class="badge sev-{{severity}}"><span class="sev-icon" aria-hidden="true"></span>{{label}}</span> <span class="count">{{count_label}}</span></h2>
<ul class="gaps">
{{{gaps_html}}}
</ul>
</section>
{{/groups}}
{{^has_gaps}}<p class="none">No gaps: every agent passes every check and rule.</p>{{/has_gaps}}
{{> partials/foot}}

"""#,
        "incidents.mustache": #"""
{{% CONTENT_TYPE: HTML}}{{> partials/head}}
<h1>Serious incidents (Art. 73)</h1>
<p class="lead">The register of <code>incidents.yaml</code> as of {{site.as_of}}. A serious incident is reported to the market surveillance authority within 15 days of becoming aware of it, 10 days after a death, and 2 days for a widespread infringement or a serious and irreversible disruption of critical infrastructure.</p>
{{#has_incidents}}<div class="table-scroll"><table class="incidents">
<caption>Each incident with its deadline, and the days left or late</caption>
<thead><tr><th scope="col">Incident</th><th scope="col">Agent</th><th scope="col">Kind</th><th scope="col">Aware on</th><th scope="col">Deadline</th><th scope="col">Reported on</th><th scope="col">Status</th></tr></thead>
<tbody>
{{#incidents}}<tr><th scope="row">{{#source_href}}<a href="{{source_href}}" rel="noopener noreferrer">{{id}}</a>{{/source_href}}{{^source_href}}{{id}}{{/source_href}}{{#summary}}<br><span class="summary">{{summary}}</span>{{/summary}}</th><td><a href="{{agent_href}}">{{agent_name}}</a></td><td>{{kind}} ({{days_allowed}})</td><td><time datetime="{{aware_on}}">{{aware_on}}</time></td><td><time datetime="{{deadline}}">{{deadline}}</time></td><td>{{#reported_on}}<time datetime="{{reported_on}}">{{reported_on}}</time>{{/reported_on}}{{^reported_on}}<span class="missing">not reported</span>{{/reported_on}}</td><td><span class="incident status-{{status}}">{{status_label}}</span><br><span class="timing">{{timing}}</span></td></tr>
{{/incidents}}
</tbody>
</table></div>{{/has_incidents}}
{{^has_incidents}}<p class="none">No incident is recorded.</p>{{/has_incidents}}
{{> partials/foot}}

"""#,
        "index.mustache": #"""
{{% CONTENT_TYPE: HTML}}{{> partials/head}}
<h1>Portfolio</h1>
{{{intro_html}}}
{{> partials/summary}}
{{#has_fix_first}}<section class="fix-first" aria-labelledby="fix-first-heading">
<h2 id="fix-first-heading">Fix first</h2>
<p>The most severe open gaps across the portfolio, with their agents. Every gap, with its fix, is on the <a href="{{gaps_href}}">gaps page</a>, and each owner's agents on the <a href="{{owners_href}}">owners page</a>.</p>
<ol class="gaps">
{{#fix_first}}{{> partials/gap-top}}{{/fix_first}}
</ol>
</section>{{/has_fix_first}}
{{#site.has_sign_off}}<section class="sign-off" aria-labelledby="sign-off-heading">
<h2 id="sign-off-heading">Sign-off</h2>
<ul>{{#site.sign_off}}<li><strong>{{by}}</strong>{{#role}}, {{role}}{{/role}}, {{date}}{{#statement}}: <span class="note-text">{{statement}}</span>{{/statement}}</li>{{/site.sign_off}}</ul>
{{#site.commit}}<p class="commit">Built from commit <code>{{site.commit}}</code>.</p>{{/site.commit}}
</section>{{/site.has_sign_off}}
{{#changes_box}}<section class="changes-box" aria-labelledby="changes-heading">
<h2 id="changes-heading">Since release {{previous_release}}</h2>
<p>{{new_count}} new gap{{^one_new}}s{{/one_new}} · {{resolved_count}} resolved{{#has_left}} · {{left_count}} left with removed agents{{/has_left}} · {{added_count}} agent{{^one_added}}s{{/one_added}} added · {{removed_count}} removed · <a href="{{href}}">What changed</a></p>
</section>{{/changes_box}}
{{#trend}}<section class="charts trend-charts" aria-label="Trend">{{> partials/trend}}</section>{{/trend}}
<section class="charts" aria-label="Charts">
{{#charts}}{{> partials/chart}}{{/charts}}
</section>
<section aria-labelledby="agents-heading">
<h2 id="agents-heading">Agents by risk level</h2>
{{#has_agents}}{{> partials/agent-table}}{{/has_agents}}
{{^has_agents}}<p class="none">The repository has no agents yet.</p>{{/has_agents}}
</section>
{{> partials/foot}}

"""#,
        "intro/checklist.md": #"""
The governance checklist for every agent: 19 items in five sections. Items
marked *auto* are decided from the agent's data; the others come from the
attestations in its `checklist:`, with their evidence. An agent can only be
deployed when every item is done or not applicable.

"""#,
        "intro/gaps.md": #"""
Every gap of every agent, most severe first. A gap is a failed article check
(its severity follows the agent's risk level) or a *finding*: a problem in the
evidence, such as audited actions the risk profile says the agent cannot take.
Each gap names the field to fix, where it is written, and how to fix it.
A gap accepted in `waivers.yaml` is marked *waived*, with its justification
and expiry; it does not count against the agent's verdict.

"""#,
        "intro/index.md": #"""
Every agent in the repository, scored against the EU AI Act's requirements
for high-risk systems (Articles 9 to 15) and checked against its own audit
evidence. An agent is **deployable** when it has no open high or critical gap
and every item of its [deployment checklist](checklist.html) is done or not
applicable. [Gaps](gaps.html) lists what to fix, most severe first.

"""#,
        "intro/owners.md": #"""
The people who act on the gaps: each agent's `owner`, with the agents they
own, their open gaps and whether each can be deployed. An agent without an
owner is listed last, and has an `owner-missing` finding of its own.

"""#,
        "obligation.mustache": #"""
{{% CONTENT_TYPE: HTML}}{{> partials/head}}
<nav class="article-nav" aria-label="Articles"><ul>{{#articles}}<li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>Art. {{number}}</a></li>{{/articles}}</ul></nav>
<h1>Article {{number}}: {{title}}</h1>
<p class="reference">{{reference}} · obligation <code>{{id}}</code> · applies from <code>{{group}}</code></p>
<section class="explanation"><p>{{requires}}</p><p><strong>Applies to:</strong> {{applies_to}}</p></section>
<section aria-labelledby="agents">
<h2 id="agents">Classified agents</h2>
{{#has_rows}}<div class="table-scroll"><table>
<caption>Each classified agent's status for {{article}}</caption>
<thead><tr><th scope="col">Agent</th><th scope="col">Class</th><th scope="col">Status</th><th scope="col">When</th></tr></thead>
<tbody>{{#rows}}<tr><th scope="row">{{#agent}}<a href="{{href}}">{{name}}</a> <span class="id">{{id}}</span>{{/agent}}</th><td>{{#agent}}{{ai_act_class_label}}{{/agent}}</td>{{#obligation}}<td><span class="obligation status-{{status}}">{{status_label}}</span>{{#met_by}} <span class="met-by">by {{met_by}}</span>{{/met_by}}</td><td>{{when}}</td>{{/obligation}}</tr>
{{/rows}}</tbody>
</table></div>{{/has_rows}}
{{^has_rows}}<p class="none">No agent is classified.</p>{{/has_rows}}
</section>
{{> partials/foot}}

"""#,
        "obligations.mustache": #"""
{{% CONTENT_TYPE: HTML}}{{> partials/head}}
<h1>Obligations beyond Articles 9–15</h1>
<p class="lead">What the AI Act asks of each classified agent as of {{site.as_of}}, by the organization's role, the agent's classification and the date: each cell is the obligation's status, with the date it applies from. <a href="{{root}}incidents.html">Incidents</a> are on their own page.</p>
<ul class="obligation-counts">{{#counts}}<li><span class="obligation status-{{status}}">{{label}}</span> {{count}}</li>{{/counts}}</ul>
{{#has_milestones}}<section aria-labelledby="timeline">
<h2 id="timeline">Dates to come</h2>
<ol class="timeline">{{#milestones}}<li{{#within_year}} class="within-year"{{/within_year}}><time datetime="{{date}}">{{date}}</time> <span class="days">({{days}}{{#within_year}}, within 12 months{{/within_year}})</span>: <code>{{group}}</code> applies{{#has_obligations}}: {{obligations}}{{/has_obligations}} · {{agents}}<br><span class="source">{{source}}</span></li>
{{/milestones}}</ol>
</section>{{/has_milestones}}
{{^has_milestones}}<p class="none">Every obligation group already applies.</p>{{/has_milestones}}
<section aria-labelledby="matrix">
<h2 id="matrix">Agents × obligations</h2>
{{#has_rows}}<div class="table-scroll matrix-scroll"><table class="matrix obligations-matrix">
<caption>Each classified agent's obligations: met, open, upcoming (with the date they apply from) or – not applicable</caption>
<thead><tr><th scope="col">Agent</th><th scope="col">Class</th>{{#columns}}<th scope="col"><a href="{{href}}" title="{{title}}">{{article}}</a></th>{{/columns}}</tr></thead>
<tbody>
{{#rows}}<tr><th scope="row"><a href="{{href}}">{{name}}</a> <span class="id">{{id}}</span></th><td><span class="ai-class class-{{ai_act_class}}">{{ai_act_class_label}}</span></td>{{#obligations}}<td class="cell status-{{status}}" title="{{article}} {{title}}: {{status_label}}{{#reason}} ({{reason}}){{/reason}}">{{#applies}}{{status_label}}<br><span class="date">{{applies_from}}</span>{{/applies}}{{^applies}}–{{/applies}}</td>{{/obligations}}</tr>
{{/rows}}
</tbody>
</table></div>{{/has_rows}}
{{^has_rows}}<p class="none">No agent is classified yet: add a <code>classification:</code> block to an agent file to track its obligations.</p>{{/has_rows}}
{{#has_unclassified}}<p class="note">Not classified ({{unclassified_count}}, no obligation tracked): {{#unclassified}}<a href="{{href}}">{{name}}</a> {{/unclassified}}</p>{{/has_unclassified}}
</section>
{{#has_organization_attestations}}<section aria-labelledby="organization">
<h2 id="organization">Met once for the organization</h2>
<ul class="organization-attestations">{{#organization_attestations}}<li><strong>{{article}} {{title}}</strong>: {{by}}, {{date}}{{#stale}} <span class="attestation-stale">stale</span>{{/stale}}{{^meets}} <span class="missing">(meets nothing: stale or no existing evidence)</span>{{/meets}}{{#has_evidence}}<ul class="evidence">{{#evidence_list}}<li>{{#evidence_url}}<a href="{{evidence_url}}" rel="noopener noreferrer">{{evidence}}</a>{{/evidence_url}}{{^evidence_url}}{{#evidence_href}}<a href="{{evidence_href}}">{{evidence}}</a>{{/evidence_href}}{{^evidence_href}}<code>{{evidence}}</code>{{/evidence_href}}{{/evidence_url}}{{#evidence_missing}} <span class="missing">(missing)</span>{{/evidence_missing}}</li>{{/evidence_list}}</ul>{{/has_evidence}}{{#note}}<span class="note-text">{{note}}</span>{{/note}}</li>
{{/organization_attestations}}</ul>
</section>{{/has_organization_attestations}}
{{> partials/foot}}

"""#,
        "owners.mustache": #"""
{{% CONTENT_TYPE: HTML}}{{> partials/head}}
<h1>Owners</h1>
{{{intro_html}}}
{{#owners}}
<section class="owner" aria-label="{{#owner}}{{owner}}{{/owner}}{{^owner}}Agents without an owner{{/owner}}">
<h2>{{#owner}}{{#mailto}}<a href="{{mailto}}">{{owner}}</a>{{/mailto}}{{^mailto}}{{owner}}{{/mailto}}{{/owner}}{{^owner}}No owner{{/owner}} <span class="count">{{agent_count}} · {{open_gaps}} open gaps, {{open_critical_high}} critical or high · {{deployable}} deployable</span></h2>
<div class="table-scroll"><table class="agents">
<caption>{{#owner}}Agents of {{owner}}{{/owner}}{{^owner}}Agents without an owner (each has an owner-missing finding){{/owner}}: risk, score, open gaps by severity and verdict</caption>
<thead><tr><th scope="col">Agent</th><th scope="col">Risk</th><th scope="col">Score: declared · evidenced</th><th scope="col" class="num">Critical</th><th scope="col" class="num">High</th><th scope="col" class="num">Medium</th><th scope="col" class="num">Low</th><th scope="col">Verdict</th></tr></thead>
<tbody>
{{#agents}}<tr><th scope="row"><a href="{{href}}">{{name}}</a> <span class="id">{{id}}</span></th><td><span class="badge risk-{{risk_level}}">{{risk_label}}</span></td><td>{{score}} declared · {{evidenced_score}} evidenced</td><td class="num">{{critical}}</td><td class="num">{{high}}</td><td class="num">{{medium}}</td><td class="num">{{low}}</td><td>{{#deployable}}<span class="verdict yes">✓ Deployable</span>{{/deployable}}{{^deployable}}<span class="verdict no">✗ Not deployable</span>{{/deployable}}</td></tr>
{{/agents}}
</tbody>
</table></div>
</section>
{{/owners}}
{{^has_owners}}<p class="none">The repository has no agents yet.</p>{{/has_owners}}
{{> partials/foot}}

"""#,
        "partials/agent-body.mustache": #"""
{{% CONTENT_TYPE: HTML}}<p class="verdict-line {{#deployable}}yes{{/deployable}}{{^deployable}}no{{/deployable}}"><strong>{{#deployable}}✓ Deployable{{/deployable}}{{^deployable}}✗ Not deployable{{/deployable}}:</strong> {{verdict_reason}}.</p>
<div class="facts">
<dl><dt>Risk level</dt><dd><span class="badge risk-{{risk_level}}">{{risk_label}}</span></dd></dl>
<dl><dt>Compliance score</dt><dd>{{score}}{{#fully_compliant}} (fully compliant){{/fully_compliant}}</dd></dl>
{{#version}}<dl><dt>Version</dt><dd>{{version}}</dd></dl>{{/version}}
<dl><dt>Owner</dt><dd>{{#owner}}{{#owner_mailto}}<a href="{{owner_mailto}}">{{owner}}</a>{{/owner_mailto}}{{^owner_mailto}}{{owner}}{{/owner_mailto}}{{/owner}}{{^owner}}<span class="missing">nobody named</span>{{/owner}}</dd></dl>
<dl><dt>Record</dt><dd><code>{{file}}</code></dd></dl>
</div>
{{#description_html}}<section class="description" aria-label="Description">{{{description_html}}}</section>{{/description_html}}

<section aria-labelledby="profile-{{id}}">
<h2 id="profile-{{id}}">Risk profile</h2>
<div class="table-scroll"><table class="profile key-value">
<caption>Declared capabilities and limits</caption>
<tbody>
{{#capabilities}}<tr><th scope="row"><code class="ident">{{#flag_parts}}{{.}}<wbr>{{/flag_parts}}</code></th><td>{{#declared}}<span class="flag on">✓ Yes</span>{{/declared}}{{^declared}}<span class="flag off">✗ No</span>{{/declared}}</td></tr>{{/capabilities}}
<tr><th scope="row"><code class="ident">max_<wbr>transaction_<wbr>amount</code></th><td>{{max_transaction_amount}}</td></tr>
<tr><th scope="row"><code class="ident">requires_<wbr>human_<wbr>approval</code></th><td>{{requires_human_approval}}</td></tr>
<tr><th scope="row"><code class="ident">approval_<wbr>threshold</code></th><td>{{approval_threshold}}</td></tr>
<tr><th scope="row"><code class="ident">allowed_<wbr>tools</code></th><td>{{#has_allowed_tools}}{{#allowed_tools}}<code class="tool">{{.}}</code> {{/allowed_tools}}{{/has_allowed_tools}}{{^has_allowed_tools}}<span class="missing">no allow-list</span>{{/has_allowed_tools}}</td></tr>
</tbody>
</table></div>
</section>

<section aria-labelledby="articles-{{id}}">
<h2 id="articles-{{id}}">EU AI Act article checks</h2>
{{^has_compliance}}<p class="note">No <code>compliance:</code> record: the agent is not assessed, so every article check fails.</p>{{/has_compliance}}
<div class="table-scroll"><table class="checks stack">
<caption>Articles 9–15: result, who vouches for it, and the fields behind it</caption>
<thead><tr><th scope="col">Article</th><th scope="col">Check</th><th scope="col">Result</th><th scope="col">Attestation</th><th scope="col">Fields</th></tr></thead>
<tbody>
{{#checks}}<tr><td><a href="{{href}}">{{article}}</a></td><td data-label="Check">{{title}}</td><td data-label="Result">{{#passed}}<span class="result pass">✓ Pass</span>{{/passed}}{{^passed}}<span class="result fail">✗ Fail</span>{{/passed}}</td><td data-label="Attestation">{{#attestation}}<span class="attestation attestation-{{state}}">{{state_label}}</span>{{#by}}<span class="attested-by">{{by}}, {{date}}</span>{{/by}}{{#has_evidence}}<ul class="evidence">{{#evidence_list}}<li>{{#evidence_url}}<a href="{{evidence_url}}" rel="noopener noreferrer">{{evidence}}</a>{{/evidence_url}}{{^evidence_url}}{{#evidence_href}}<a href="{{evidence_href}}">{{evidence}}</a>{{/evidence_href}}{{^evidence_href}}<code>{{evidence}}</code>{{/evidence_href}}{{/evidence_url}}{{#evidence_missing}} <span class="missing">(missing)</span>{{/evidence_missing}}</li>{{/evidence_list}}</ul>{{/has_evidence}}{{#note}}<span class="note-text">{{note}}</span>{{/note}}{{/attestation}}</td><td data-label="Fields"><ul class="fields">{{#fields}}<li><code class="ident">{{#path_parts}}{{.}}<wbr>{{/path_parts}}</code>: {{value}}</li>{{/fields}}</ul></td></tr>
{{/checks}}
</tbody>
</table></div>
</section>

<section aria-labelledby="obligations-{{id}}">
{{#ai_act}}<h2 id="obligations-{{id}}">AI Act class and obligations</h2>
{{#classified}}<p>Class: <span class="ai-class class-{{ai_act_class}}">{{ai_act_class_label}}</span></p>
<div class="table-scroll"><table class="obligations">
<caption>The obligations that apply to this agent, with their status and date</caption>
<thead><tr><th scope="col">Article</th><th scope="col">Obligation</th><th scope="col">Status</th><th scope="col">When</th></tr></thead>
<tbody>
{{#applicable}}<tr><td><a href="{{href}}">{{article}}</a></td><td>{{title}}</td><td><span class="obligation status-{{status}}">{{status_label}}</span>{{#met_by}} <span class="met-by">by {{met_by}}</span>{{/met_by}}</td><td>{{when}}</td></tr>
{{/applicable}}
</tbody>
</table></div>
{{#has_not_applicable}}<p class="note">Not applicable:</p><ul class="not-applicable">{{#not_applicable}}<li><a href="{{href}}">{{article}}</a> ({{reason}})</li>{{/not_applicable}}</ul>{{/has_not_applicable}}{{/classified}}
{{^classified}}<p class="note">Not classified: add a <code>classification:</code> block (role, Annex III areas, Art. 50 triggers) to track the agent's AI Act obligations.</p>{{/classified}}{{/ai_act}}
</section>

<section aria-labelledby="gaps-{{id}}">
<h2 id="gaps-{{id}}">Gaps ({{gap_count}})</h2>
{{#has_gaps}}<ul class="gaps">{{#gaps}}{{> partials/gap}}{{/gaps}}</ul>{{/has_gaps}}
{{^has_gaps}}<p class="none">No gaps.</p>{{/has_gaps}}
</section>

<section aria-labelledby="audit-{{id}}">
<h2 id="audit-{{id}}">Audit evidence</h2>
{{#audit}}
<p>From <code>{{file}}</code>{{#period_start}}, {{period_start}}{{/period_start}}{{#period_end}} to {{period_end}}{{/period_end}}.</p>
<div class="stats small">
<dl class="stat"><dt>Events</dt><dd>{{events}}</dd></dl>
<dl class="stat"><dt>Allowed</dt><dd>{{allowed}}</dd></dl>
<dl class="stat"><dt>Blocked</dt><dd>{{blocked}}</dd></dl>
<dl class="stat"><dt>Blocked share</dt><dd>{{blocked_share}}</dd></dl>
<dl class="stat"><dt>Policy violations</dt><dd>{{violations}}</dd></dl>
<dl class="stat"><dt>Malformed lines</dt><dd>{{malformed_lines}}</dd></dl>
{{#durations}}<dl class="stat"><dt>Duration p50</dt><dd>{{p50}}&nbsp;<span class="unit">ms</span></dd></dl>
<dl class="stat"><dt>Duration p95</dt><dd>{{p95}}&nbsp;<span class="unit">ms</span></dd></dl>
<dl class="stat"><dt>Duration max</dt><dd>{{max}}&nbsp;<span class="unit">ms</span></dd></dl>{{/durations}}
</div>
{{#has_charts}}<div class="charts">{{#charts}}{{> partials/chart}}{{/charts}}</div>{{/has_charts}}
{{#more_actions}}<p class="note">{{more_actions}} less frequent actions are not charted; <code>report.json</code> and the audit summary list them all.</p>{{/more_actions}}
{{#has_transactions}}<div class="table-scroll"><table class="transactions stack">
<caption>Transactions: executed and blocked, against the limit of {{transaction_limit}}</caption>
<thead><tr><th scope="col">Action</th><th scope="col" class="num">Executed</th><th scope="col" class="num">Blocked</th><th scope="col">Largest executed</th><th scope="col">Largest blocked attempt</th></tr></thead>
<tbody>{{#transactions}}<tr><th scope="row"><code class="ident">{{#action_parts}}{{.}}<wbr>{{/action_parts}}</code></th><td class="num" data-label="Executed">{{executed}}</td><td class="num" data-label="Blocked">{{blocked}}</td><td data-label="Largest executed">{{#max_executed}}{{max_executed}}{{#executed_over_limit}} <span class="over-limit">above the {{limit}} limit</span>{{/executed_over_limit}}{{/max_executed}}{{^max_executed}}—{{/max_executed}}</td><td data-label="Largest blocked attempt">{{#max_blocked}}{{max_blocked}}{{#blocked_over_limit}} <span class="limit-held">above the {{limit}} limit — blocked by policy</span>{{/blocked_over_limit}}{{/max_blocked}}{{^max_blocked}}—{{/max_blocked}}</td></tr>{{/transactions}}</tbody>
</table></div>{{/has_transactions}}
{{#has_policies}}<div class="table-scroll"><table>
<caption>Policy violations</caption>
<thead><tr><th scope="col">Policy</th><th scope="col">Most severe</th><th scope="col" class="num">Violations</th></tr></thead>
<tbody>{{#policies}}<tr><th scope="row"><code class="ident">{{#name_parts}}{{.}}<wbr>{{/name_parts}}</code></th><td><span class="badge sev-{{severity}}"><span class="sev-icon" aria-hidden="true"></span>{{severity_label}}</span></td><td class="num">{{count}}</td></tr>{{/policies}}</tbody>
</table></div>{{/has_policies}}
{{#has_tools}}<div class="table-scroll"><table>
<caption>Tools used</caption>
<thead><tr><th scope="col">Tool</th><th scope="col" class="num">Uses</th></tr></thead>
<tbody>{{#tools}}<tr><th scope="row"><code class="ident">{{#name_parts}}{{.}}<wbr>{{/name_parts}}</code></th><td class="num">{{count}}</td></tr>{{/tools}}</tbody>
</table></div>{{/has_tools}}
{{/audit}}
{{^audit}}<p class="none">No audit summary or raw log for this agent.</p>{{/audit}}
</section>

<section aria-labelledby="checklist-{{id}}">
<h2 id="checklist-{{id}}">Deployment checklist</h2>
<div class="table-scroll"><table class="checklist stack">
<caption>The 19 items: status, evidence and notes (auto items are decided from the data)</caption>
<thead><tr><th scope="col">Item</th><th scope="col">Status</th><th scope="col">Evidence and notes</th></tr></thead>
{{#checklist}}<tbody>
<tr class="section-row"><th scope="rowgroup" colspan="3">{{section}}</th></tr>
{{#items}}<tr><th scope="row">{{title}}{{#auto}} <span class="auto">auto</span>{{/auto}}</th><td data-label="Status"><span class="status status-{{status}}">{{status_label}}</span></td><td data-label="Evidence and notes">{{#evidence}}{{#evidence_url}}<a href="{{evidence_url}}" rel="noopener noreferrer">{{evidence}}</a>{{/evidence_url}}{{^evidence_url}}{{#evidence_href}}<a href="{{evidence_href}}">{{evidence}}</a>{{/evidence_href}}{{^evidence_href}}<code>{{evidence}}</code>{{/evidence_href}}{{/evidence_url}}{{#evidence_missing}} <span class="missing">(missing)</span>{{/evidence_missing}}{{/evidence}}{{#note}}<span class="note-text">{{note}}</span>{{/note}}{{#confirmed_by}}<span class="attested-by">Confirmed by {{confirmed_by}}{{#confirmed_on}}, {{confirmed_on}}{{/confirmed_on}}</span>{{/confirmed_by}}{{^confirmed_by}}{{#confirmed_on}}<span class="attested-by">Confirmed {{confirmed_on}}</span>{{/confirmed_on}}{{/confirmed_by}}</td></tr>
{{/items}}
</tbody>{{/checklist}}
</table></div>
</section>

"""#,
        "partials/agent-table.mustache": #"""
{{% CONTENT_TYPE: HTML}}{{#risk_groups}}
<section class="risk-group" aria-labelledby="risk-{{level}}">
{{#groups_top_level}}<h2 id="risk-{{level}}" class="group-heading">{{/groups_top_level}}{{^groups_top_level}}<h3 id="risk-{{level}}">{{/groups_top_level}}<span class="badge risk-{{level}}">{{label}} risk</span> <span class="count">{{count_label}}</span>{{#groups_top_level}}</h2>{{/groups_top_level}}{{^groups_top_level}}</h3>{{/groups_top_level}}
<div class="table-scroll"><table class="agents">
<caption>{{label}}-risk agents: score, open gaps by severity and verdict</caption>
<thead><tr><th scope="col">Agent</th><th scope="col">Score: declared · evidenced</th><th scope="col" class="num">Critical</th><th scope="col" class="num">High</th><th scope="col" class="num">Medium</th><th scope="col" class="num">Low</th><th scope="col">Verdict</th></tr></thead>
<tbody>
{{#agents}}<tr><th scope="row"><a href="{{href}}">{{name}}</a> <span class="id">{{id}}</span></th><td>{{score}} declared · {{evidenced_score}} evidenced</td><td class="num">{{critical}}</td><td class="num">{{high}}</td><td class="num">{{medium}}</td><td class="num">{{low}}</td><td>{{#deployable}}<span class="verdict yes">✓ Deployable</span>{{/deployable}}{{^deployable}}<span class="verdict no">✗ Not deployable</span>{{/deployable}}</td></tr>
{{/agents}}
</tbody>
</table></div>
{{#has_more}}<p class="more">And {{more}} more: <a href="{{full_list_href}}">all {{label}}-risk agents</a>.</p>{{/has_more}}
</section>
{{/risk_groups}}

"""#,
        "partials/chart.mustache": #"""
{{% CONTENT_TYPE: HTML}}<figure class="chart" id="{{id}}">
<figcaption>{{title}}</figcaption>
<svg class="bars" viewBox="0 0 {{width}} {{height}}" role="img" aria-labelledby="{{id}}-title {{id}}-desc" preserveAspectRatio="xMinYMin meet">
<title id="{{id}}-title">{{title}}</title>
<desc id="{{id}}-desc">{{description}}</desc>
{{#axis}}{{#ticks}}<line class="grid" x1="{{x}}" y1="0" x2="{{x}}" y2="{{y}}"></line>{{/ticks}}{{/axis}}
{{#rows}}
<g>
<text class="chart-label" x="{{label_x}}" y="{{text_y}}" text-anchor="end"><title>{{label}}</title>{{#label_lines}}<tspan x="{{label_x}}" y="{{y}}">{{text}}</tspan>{{/label_lines}}</text>
{{#segments}}<rect class="bar bar-{{style}}" x="{{x}}" y="{{y}}" width="{{width}}" height="{{height}}" rx="2"></rect>{{/segments}}
<text class="chart-value" x="{{value_x}}" y="{{text_y}}">{{value}}</text>
</g>
{{/rows}}
{{#axis}}<line class="axis" x1="{{x}}" y1="0" x2="{{x}}" y2="{{y}}"></line>
{{#log_scale}}<line class="axis" x1="{{x}}" y1="{{y}}" x2="{{x2}}" y2="{{y}}"></line>
{{#ticks}}<text class="chart-tick" x="{{x}}" y="{{tick_y}}" text-anchor="middle">{{label}}</text>{{/ticks}}{{/log_scale}}
<text class="chart-label axis-title" x="{{title_x}}" y="{{title_y}}" text-anchor="middle">{{title}}</text>{{/axis}}
</svg>
{{#has_legend}}<ul class="legend">{{#legend}}<li><span class="swatch bar-{{style}}" aria-hidden="true"></span>{{label}}</li>{{/legend}}</ul>{{/has_legend}}
<details class="chart-data"{{#shortened}} open{{/shortened}}>
<summary>Data table</summary>
<div class="table-scroll"><table>
<caption>{{title}}</caption>
<thead><tr>{{#columns}}<th scope="col">{{.}}</th>{{/columns}}</tr></thead>
<tbody>{{#rows}}<tr><th scope="row">{{label}}</th>{{#stacked}}{{#cells}}<td class="num">{{value}}</td>{{/cells}}{{/stacked}}<td class="num">{{value}}</td></tr>{{/rows}}</tbody>
</table></div>
</details>
</figure>

"""#,
        "partials/checklist-matrix.mustache": #"""
{{% CONTENT_TYPE: HTML}}<div class="table-scroll matrix-scroll"><table class="matrix">
<caption>Deployment checklist: {{matrix.agents}} agents × 19 items (✓ done, ✗ open, – n/a)</caption>
<thead>
<tr><td></td>{{#matrix.sections}}<th scope="colgroup" colspan="{{span}}">{{name}}</th>{{/matrix.sections}}</tr>
<tr><th scope="col">Agent</th>{{#matrix.items}}<th scope="col" title="{{title}}"><abbr title="{{title}}">{{number}}</abbr></th>{{/matrix.items}}</tr>
</thead>
<tbody>
{{{matrix.rows_html}}}
</tbody>
</table></div>
<ol class="item-key">
{{#matrix.items}}<li><strong>{{title}}</strong> <span class="section-name">({{section}}{{#auto}}, auto{{/auto}})</span>: {{done}} of {{matrix.agents}} done or n/a</li>
{{/matrix.items}}
</ol>

"""#,
        "partials/checklist-row.mustache": #"""
{{% CONTENT_TYPE: HTML}}<tr><th scope="row"><a href="{{href}}">{{id}}</a></th>{{#cells}}<td class="cell status-{{status}}">{{symbol}}</td>{{/cells}}</tr>

"""#,
        "partials/foot.mustache": #"""
{{% CONTENT_TYPE: HTML}}</main>
<footer class="site-footer">
<div class="wrap">
<p>{{site.organization}} · {{site.title}} · release {{site.release}} · evaluated as of {{site.as_of}} · {{site.generator}}</p>
{{^standalone}}<p>Machine-readable: <a href="{{root}}report.json">report.json</a> · <a href="{{root}}report.md">report.md</a> · <a href="{{root}}manifest.json">manifest.json</a> · single file: <a href="{{root}}report.html">report.html</a></p>{{/standalone}}
</div>
</footer>
</body>
</html>

"""#,
        "partials/gap-card.mustache": #"""
{{% CONTENT_TYPE: HTML}}<li class="gap sev-{{severity}}{{#waived}} waived{{/waived}}">
<p class="gap-head"><a class="agent-link" href="{{agent_href}}">{{agent_name}}</a> <span class="id">{{agent_id}}</span>{{#waived}} <span class="badge waived">Waived</span>{{/waived}}</p>
<p class="gap-head"><code class="rule">{{rule}}</code>{{#subject}} <span class="subject">{{subject}}</span>{{/subject}}{{#article}} · <a href="{{article_href}}">{{article}}</a>{{/article}}</p>
<p class="gap-message">{{message}}</p>
<p class="gap-meta">{{#field}}<span>Field <code>{{field}}</code></span> {{/field}}{{#source}}<span>Source {{#source_href}}<a href="{{source_href}}" rel="noopener noreferrer"><code>{{source}}</code></a>{{/source_href}}{{^source_href}}<code>{{source}}</code>{{/source_href}}</span>{{/source}}</p>
{{#waiver}}<p class="gap-waiver"><strong>Waived until {{expires}}</strong>, approved by {{approved_by}} on {{approved_on}} (<code>{{source}}</code>): {{justification}}</p>{{/waiver}}
<p class="gap-fix"><strong>Fix:</strong> {{remediation}}</p>
</li>

"""#,
        "partials/gap-changes.mustache": #"""
{{% CONTENT_TYPE: HTML}}<div class="table-scroll"><table>
<thead><tr><th scope="col">Agent</th><th scope="col">Severity</th><th scope="col">Rule</th><th scope="col">Field</th><th scope="col">Subject</th></tr></thead>
<tbody>{{#gaps}}<tr><th scope="row">{{#href}}<a href="{{href}}"><code>{{agent}}</code></a>{{/href}}{{^href}}<code>{{agent}}</code>{{/href}}</th><td><span class="badge sev-{{severity}}"><span class="sev-icon" aria-hidden="true"></span>{{severity_label}}</span></td><td><code>{{rule}}</code></td><td>{{#field}}<code>{{field}}</code>{{/field}}{{^field}}—{{/field}}</td><td>{{#subject}}<code>{{subject}}</code>{{/subject}}{{^subject}}—{{/subject}}</td></tr>{{/gaps}}</tbody>
</table></div>

"""#,
        "partials/gap-compact.mustache": ##"""
{{% CONTENT_TYPE: HTML}}<li class="gap sev-{{severity}}{{#waived}} waived{{/waived}}"><p class="gap-head"><a href="#agent-{{agent_id}}">{{agent_id}}</a> · <code class="rule">{{rule}}</code>{{#subject}} <span class="subject">{{subject}}</span>{{/subject}}{{#waived}} <span class="badge waived">Waived</span>{{/waived}}</p><p class="gap-message">{{message}}</p>{{#waiver}}<p class="gap-waiver"><strong>Waived until {{expires}}</strong>, approved by {{approved_by}} on {{approved_on}} (<code>{{source}}</code>): {{justification}}</p>{{/waiver}}<p class="gap-fix"><strong>Fix:</strong> {{remediation}}</p></li>

"""##,
        "partials/gap-top.mustache": #"""
{{% CONTENT_TYPE: HTML}}<li class="gap gap-top sev-{{severity}}"><p class="gap-head"><span class="badge sev-{{severity}}"><span class="sev-icon" aria-hidden="true"></span>{{severity_label}}</span> <a class="agent-link" href="{{agent_href}}">{{agent_name}}</a> · <code class="rule">{{rule}}</code>{{#subject}} <span class="subject">{{subject}}</span>{{/subject}}</p><p class="gap-message">{{message}}{{#source}} <span class="gap-source">at {{#source_href}}<a href="{{source_href}}" rel="noopener noreferrer"><code>{{source}}</code></a>{{/source_href}}{{^source_href}}<code>{{source}}</code>{{/source_href}}</span>{{/source}}</p></li>

"""#,
        "partials/gap.mustache": #"""
{{% CONTENT_TYPE: HTML}}<li class="gap sev-{{severity}}{{#waived}} waived{{/waived}}">
<p class="gap-head"><span class="badge sev-{{severity}}"><span class="sev-icon" aria-hidden="true"></span>{{severity_label}}</span>{{#waived}} <span class="badge waived">Waived</span>{{/waived}} <code class="rule">{{rule}}</code>{{#subject}} <span class="subject">{{subject}}</span>{{/subject}}{{#article}} · <a href="{{article_href}}">{{article}}</a>{{/article}}</p>
<p class="gap-message">{{message}}</p>
<p class="gap-meta">{{#field}}<span>Field <code>{{field}}</code></span> {{/field}}{{#source}}<span>Source {{#source_href}}<a href="{{source_href}}" rel="noopener noreferrer"><code>{{source}}</code></a>{{/source_href}}{{^source_href}}<code>{{source}}</code>{{/source_href}}</span>{{/source}}</p>
{{#waiver}}<p class="gap-waiver"><strong>Waived until {{expires}}</strong>, approved by {{approved_by}} on {{approved_on}} (<code>{{source}}</code>): {{justification}}</p>{{/waiver}}
<p class="gap-fix"><strong>Fix:</strong> {{remediation}}</p>
</li>

"""#,
        "partials/head.mustache": ##"""
{{% CONTENT_TYPE: HTML}}<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="{{csp}}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="referrer" content="no-referrer">
<meta name="generator" content="{{site.generator}}">
<title>{{page_title}} · {{site.organization}} {{site.title}} {{site.release}}</title>
{{#inline_css}}<style>{{{inline_css}}}</style>{{/inline_css}}{{^inline_css}}<link rel="stylesheet" href="{{stylesheet}}">{{/inline_css}}
</head>
<body>
<a class="skip" href="#main">Skip to content</a>
<header class="site-header">
<div class="wrap header-row">
<p class="brand">{{^standalone}}<a href="{{root}}index.html">{{/standalone}}<span class="org">{{site.organization}}</span> <span class="site-title">{{site.title}}</span>{{^standalone}}</a>{{/standalone}}</p>
<p class="release">Release <strong>{{site.release}}</strong> <span aria-hidden="true">·</span> as of <time datetime="{{site.as_of}}">{{site.as_of}}</time></p>
</div>
{{^standalone}}<nav class="site-nav" aria-label="Main"><ul class="wrap">{{#nav}}<li><a href="{{href}}"{{#current}} aria-current="page"{{/current}}>{{label}}</a></li>{{/nav}}</ul></nav>{{/standalone}}
</header>
<main id="main" class="wrap">

"""##,
        "partials/report-agent.mustache": #"""
{{% CONTENT_TYPE: HTML}}<article class="agent report-agent" id="{{anchor}}">
<h2>{{name}} <span class="id">{{id}}</span></h2>
<p class="verdict-line {{#deployable}}yes{{/deployable}}{{^deployable}}no{{/deployable}}"><strong>{{#deployable}}✓ Deployable{{/deployable}}{{^deployable}}✗ Not deployable{{/deployable}}:</strong> {{verdict_reason}}.</p>
<div class="facts">
<dl><dt>Risk level</dt><dd><span class="badge risk-{{risk_level}}">{{risk_label}}</span></dd></dl>
<dl><dt>Compliance score</dt><dd>{{score}} declared · {{evidenced_score}} evidenced</dd></dl>
{{#audit_period}}<dl><dt>Audit period</dt><dd>{{audit_period}} (<code>{{audit_file}}</code>)</dd></dl>{{/audit_period}}
{{#version}}<dl><dt>Version</dt><dd>{{version}}</dd></dl>{{/version}}
<dl><dt>Owner</dt><dd>{{#owner}}{{owner}}{{/owner}}{{^owner}}<span class="missing">nobody named</span>{{/owner}}</dd></dl>
{{#ai_act}}<dl><dt>AI Act class</dt><dd>{{ai_act_class_label}}</dd></dl>{{/ai_act}}
</div>
{{#ai_act}}<p class="obligation-results">{{#applicable}}<span class="obligation status-{{status}}">{{article}} {{status_label}}{{#applies_from}} ({{applies_from}}){{/applies_from}}</span> {{/applicable}}</p>{{/ai_act}}
<p class="article-results">{{#checks}}<span class="result {{#passed}}pass{{/passed}}{{^passed}}fail{{/passed}}">{{#passed}}✓{{/passed}}{{^passed}}✗{{/passed}} {{article}}</span> {{/checks}}</p>
<ul class="attestations">{{#attestations}}<li>{{article}}: <span class="attestation-{{state}}">{{state_label}}</span>{{#by}} — {{by}}, {{date}}{{/by}}{{#has_evidence}} ({{#evidence_list}}<code>{{evidence}}</code>{{#evidence_missing}} <span class="missing">missing</span>{{/evidence_missing}} {{/evidence_list}}){{/has_evidence}}</li>{{/attestations}}</ul>
{{#has_gaps}}<ul class="gaps compact">{{#gaps}}<li class="gap sev-{{severity}}{{#waived}} waived{{/waived}}"><p class="gap-head"><span class="badge sev-{{severity}}"><span class="sev-icon" aria-hidden="true"></span>{{severity_label}}</span>{{#waived}} <span class="badge waived">Waived</span>{{/waived}} <code class="rule">{{rule}}</code>{{#subject}} <span class="subject">{{subject}}</span>{{/subject}}</p><p class="gap-message">{{message}}</p><p class="gap-meta">{{#source}}Source {{#source_href}}<a href="{{source_href}}" rel="noopener noreferrer"><code>{{source}}</code></a>{{/source_href}}{{^source_href}}<code>{{source}}</code>{{/source_href}}{{/source}}</p>{{#waiver}}<p class="gap-waiver"><strong>Waived until {{expires}}</strong>, approved by {{approved_by}} on {{approved_on}} (<code>{{source}}</code>): {{justification}}</p>{{/waiver}}<p class="gap-fix"><strong>Fix:</strong> {{remediation}}</p></li>{{/gaps}}</ul>{{/has_gaps}}
{{^has_gaps}}<p class="none">No gaps.</p>{{/has_gaps}}
{{#has_open_items}}<p class="open-items-title"><strong>Open checklist items:</strong></p>
<ul class="open-items">{{#open_items}}<li>{{.}}</li>{{/open_items}}</ul>{{/has_open_items}}
</article>

"""#,
        "partials/summary.mustache": #"""
{{% CONTENT_TYPE: HTML}}<section class="summary" aria-label="Summary">
<div class="stats">
<dl class="stat"><dt>Agents</dt><dd>{{summary.agents}}</dd></dl>
<dl class="stat"><dt>Fully compliant</dt><dd>{{summary.fully_compliant}}</dd></dl>
<dl class="stat"><dt>Fully evidenced</dt><dd>{{summary.fully_evidenced}}</dd></dl>
<dl class="stat ok"><dt>Deployable</dt><dd>{{summary.deployable}}</dd></dl>
<dl class="stat bad"><dt>Not deployable</dt><dd>{{summary.not_deployable}}</dd></dl>
{{#summary.severities}}<dl class="stat sev sev-{{severity}}"><dt><span class="sev-icon" aria-hidden="true"></span>{{label}} gaps</dt><dd>{{count}}</dd></dl>{{/summary.severities}}
{{#summary.has_waived}}<dl class="stat"><dt>Waived gaps</dt><dd>{{summary.waived}}</dd></dl>{{/summary.has_waived}}
</div>
</section>

"""#,
        "partials/trend.mustache": #"""
{{% CONTENT_TYPE: HTML}}{{#plots}}<figure class="chart trend" id="{{id}}">
<figcaption>{{title}}</figcaption>
<svg class="lines" viewBox="0 0 {{width}} {{height}}" role="img" aria-labelledby="{{id}}-title {{id}}-desc" preserveAspectRatio="xMinYMin meet">
<title id="{{id}}-title">{{title}}</title>
<desc id="{{id}}-desc">{{description}}</desc>
<line class="axis" x1="{{axis_x1}}" y1="{{axis_y}}" x2="{{axis_x2}}" y2="{{axis_y}}"></line>
<line class="axis" x1="{{axis_x1}}" y1="{{axis_y_top}}" x2="{{axis_x1}}" y2="{{axis_y}}"></line>
{{#y_ticks}}<text class="chart-label" x="{{x}}" y="{{y}}" text-anchor="end">{{label}}</text>{{/y_ticks}}
<text class="chart-label axis-title" x="4" y="14">{{axis_title}}</text>
{{#lines}}<polyline class="trend-line trend-{{style}}" points="{{points}}"></polyline>
{{#dots}}<circle class="trend-dot trend-{{style}}" cx="{{x}}" cy="{{y}}" r="3.5"></circle><text class="chart-value trend-{{style}}" x="{{x}}" y="{{y}}" dx="6" dy="-7">{{value}}</text>{{/dots}}
{{/lines}}
{{#ticks}}<text class="chart-label" x="{{x}}" y="{{y}}" text-anchor="middle">{{label}}</text>{{/ticks}}
<text class="chart-label axis-title" x="{{axis_x2}}" y="{{axis_title_y}}" text-anchor="end">Release</text>
</svg>
<ul class="legend">{{#lines}}<li><span class="swatch trend-{{style}}" aria-hidden="true"></span>{{label}}</li>{{/lines}}</ul>
</figure>
{{/plots}}<div class="table-scroll trend-table"><table>
<caption>Score and open gaps by release</caption>
<thead><tr><th scope="col">Release</th><th scope="col">As of</th><th scope="col" class="num">Agents</th><th scope="col" class="num">Checks passed</th><th scope="col" class="num">Open gaps</th><th scope="col" class="num">Critical</th><th scope="col" class="num">High</th><th scope="col" class="num">Medium</th><th scope="col" class="num">Low</th></tr></thead>
<tbody>{{#rows}}<tr><th scope="row">{{release}}</th><td class="date">{{as_of}}</td><td class="num">{{agents}}</td><td class="num">{{score}}</td><td class="num">{{gaps}}</td><td class="num">{{critical}}</td><td class="num">{{high}}</td><td class="num">{{medium}}</td><td class="num">{{low}}</td></tr>{{/rows}}</tbody>
</table></div>

"""#,
        "report.mustache": #"""
{{% CONTENT_TYPE: HTML}}{{> partials/head}}
<h1>Release report {{site.release}}</h1>
<p class="lead">{{site.organization}} · {{site.title}} · evaluated as of {{site.as_of}}{{#site.commit}} · commit <code>{{site.commit}}</code>{{/site.commit}}.</p>
{{#site.has_sign_off}}<section class="report-section sign-off" aria-labelledby="sign-off">
<h2 id="sign-off">Sign-off</h2>
<ul>{{#site.sign_off}}<li><strong>{{by}}</strong>{{#role}}, {{role}}{{/role}}, {{date}}{{#statement}}: <span class="note-text">{{statement}}</span>{{/statement}}</li>{{/site.sign_off}}</ul>
</section>{{/site.has_sign_off}}
{{#changes_box}}<section class="report-section" aria-labelledby="changes">
<h2 id="changes">Changes since release {{previous_release}}</h2>
<p>{{new_count}} new gap{{^one_new}}s{{/one_new}} · {{resolved_count}} resolved{{#has_left}} · {{left_count}} left with removed agents{{/has_left}} · {{added_count}} agent{{^one_added}}s{{/one_added}} added · {{removed_count}} removed.</p>
</section>{{/changes_box}}
<section aria-labelledby="exec">
<h2 id="exec">Executive summary</h2>
{{> partials/summary}}
<section class="charts" aria-label="Charts">
{{#charts}}{{> partials/chart}}{{/charts}}
</section>
{{> partials/agent-table}}
</section>
{{#has_incidents}}<section class="report-section" aria-labelledby="incidents">
<h2 id="incidents">Serious incidents (Art. 73)</h2>
<div class="table-scroll"><table class="incidents">
<caption>Each incident with its deadline, and the days left or late</caption>
<thead><tr><th scope="col">Incident</th><th scope="col">Agent</th><th scope="col">Kind</th><th scope="col">Aware on</th><th scope="col">Deadline</th><th scope="col">Reported on</th><th scope="col">Status</th></tr></thead>
<tbody>
{{#incidents}}<tr><th scope="row">{{id}}{{#summary}}<br><span class="summary">{{summary}}</span>{{/summary}}</th><td><a href="{{agent_href}}">{{agent_name}}</a></td><td>{{kind}} ({{days_allowed}})</td><td><time datetime="{{aware_on}}">{{aware_on}}</time></td><td><time datetime="{{deadline}}">{{deadline}}</time></td><td>{{#reported_on}}<time datetime="{{reported_on}}">{{reported_on}}</time>{{/reported_on}}{{^reported_on}}<span class="missing">not reported</span>{{/reported_on}}</td><td><span class="incident status-{{status}}">{{status_label}}</span><br><span class="timing">{{timing}}</span></td></tr>
{{/incidents}}
</tbody>
</table></div>
</section>{{/has_incidents}}
{{{agents_html}}}
<section class="report-section" aria-labelledby="all-gaps">
<h2 id="all-gaps">All gaps</h2>
{{#groups}}<h3><span class="badge sev-{{severity}}"><span class="sev-icon" aria-hidden="true"></span>{{label}}</span> <span class="count">{{count_label}}</span></h3>
<ul class="gaps compact">{{{gaps_html}}}</ul>
{{/groups}}
</section>
<section class="report-section" aria-labelledby="all-checklist">
<h2 id="all-checklist">Deployment checklist</h2>
{{> partials/checklist-matrix}}
</section>
{{#has_inputs}}<section class="report-section" aria-labelledby="inputs">
<h2 id="inputs">Inputs</h2>
<p>Every file this report was built from, with its SHA-256 (also in <code>manifest.json</code>; <code>dossier verify --repository</code> checks them).</p>
<div class="table-scroll"><table class="inputs">
<caption>Input files and their SHA-256</caption>
<thead><tr><th scope="col">File</th><th scope="col" class="num">Bytes</th><th scope="col">SHA-256</th></tr></thead>
<tbody>{{#inputs}}<tr><th scope="row"><code>{{path}}</code></th><td class="num">{{bytes}}</td><td><code class="digest">{{sha256}}</code></td></tr>{{/inputs}}</tbody>
</table></div>
</section>{{/has_inputs}}
{{> partials/foot}}

"""#,
        "risk.mustache": #"""
{{% CONTENT_TYPE: HTML}}{{> partials/head}}
<nav class="breadcrumbs" aria-label="Breadcrumbs"><a href="{{root}}index.html">Portfolio</a> <span aria-hidden="true">›</span> {{label}} risk</nav>
<h1>{{label}}-risk agents</h1>
{{> partials/agent-table}}
{{> partials/foot}}

"""#,
        "style.css": #"""
/* Dossier default stylesheet: system fonts, WCAG AA colours, no external resources. */
:root {
  --text: #1f2328;
  --muted: #57606a;
  --bg: #ffffff;
  --panel: #f6f8fa;
  --line: #d0d7de;
  --link: #0550ae;
  --accent: #1b3a5c;
  --critical: #8b0a50; --critical-bg: #fde7f1;
  --high: #a40e26;     --high-bg: #ffebe9;
  --medium: #7a4b00;   --medium-bg: #fff4d4;
  --low: #0b5394;      --low-bg: #e6f0fb;
  --ok: #116329;       --ok-bg: #dafbe1;
  --bad: #a40e26;      --bad-bg: #ffebe9;
  --na: #57606a;       --na-bg: #eaeef2;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; color: var(--text); background: var(--bg);
  font: 16px/1.55 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, "Noto Sans", sans-serif;
  overflow-wrap: break-word;
}
code, .id { font-family: ui-monospace, SFMono-Regular, "SF Mono", Menlo, Consolas, "Liberation Mono", monospace; font-size: 0.88em; }
code { background: var(--panel); border-radius: 4px; padding: 0.05em 0.3em; word-break: break-word; }
/* Identifiers break only where the templates put a <wbr> (after _ . /), never inside a word. */
code.ident { word-break: normal; overflow-wrap: normal; }
a { color: var(--link); }
a:focus-visible { outline: 3px solid var(--link); outline-offset: 2px; }
h1, h2, h3 { line-height: 1.25; color: var(--accent); }
h1 { font-size: 1.9rem; margin: 1.2rem 0 0.6rem; }
h2 { font-size: 1.4rem; margin: 2rem 0 0.6rem; border-bottom: 1px solid var(--line); padding-bottom: 0.3rem; }
h3 { font-size: 1.15rem; margin: 1.6rem 0 0.5rem; }
h2.group-heading { font-size: 1.15rem; border-bottom: 0; }
h1 .id, h2 .id { font-size: 0.55em; color: var(--muted); font-weight: normal; }
.wrap { max-width: 72rem; margin: 0 auto; padding: 0 1rem; }
.skip { position: absolute; left: -999px; }
.skip:focus { left: 1rem; top: 1rem; background: #fff; padding: 0.5rem; z-index: 10; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }

/* Header and navigation */
.site-header { background: var(--accent); color: #fff; }
.site-header a { color: #fff; }
.header-row { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: baseline; gap: 0.2rem 1rem; padding-top: 0.8rem; padding-bottom: 0.4rem; }
.brand { margin: 0; font-size: 1.15rem; }
.brand a { text-decoration: none; }
.brand .org { font-weight: 700; }
.brand .site-title { opacity: 0.9; }
.release { margin: 0; font-size: 0.95rem; }
.site-nav { background: rgba(0, 0, 0, 0.18); }
.site-nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0 1.2rem; padding-top: 0.35rem; padding-bottom: 0.35rem; margin: 0 auto; }
.site-nav a { text-decoration: none; display: inline-block; padding: 0.15rem 0; }
.site-nav a[aria-current="page"] { font-weight: 700; border-bottom: 2px solid #fff; }
.breadcrumbs { margin-top: 1rem; font-size: 0.95rem; color: var(--muted); }
.article-nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: 0.4rem; padding: 0; margin: 1rem 0 0; }
.article-nav a { display: inline-block; padding: 0.15rem 0.55rem; border: 1px solid var(--line); border-radius: 999px; text-decoration: none; }
.article-nav a[aria-current="page"] { background: var(--accent); color: #fff; border-color: var(--accent); }
.site-footer { margin-top: 3rem; border-top: 1px solid var(--line); color: var(--muted); font-size: 0.9rem; padding: 1rem 0 2rem; }
.site-footer p { margin: 0.3rem 0; }

/* Summary figures */
.stats { display: grid; grid-template-columns: repeat(auto-fill, minmax(9.5rem, 1fr)); gap: 0.6rem; margin: 1rem 0; padding: 0; }
.stats.small { grid-template-columns: repeat(auto-fill, minmax(8rem, 1fr)); }
.stat { background: var(--panel); border: 1px solid var(--line); border-radius: 8px; padding: 0.6rem 0.8rem; margin: 0; }
.stat dt { font-size: 0.85rem; color: var(--muted); }
.stat dd { margin: 0; font-size: 1.6rem; font-weight: 700; }
.stat.ok dd { color: var(--ok); }
.stat.bad dd { color: var(--bad); }
.stat.sev-critical dd { color: var(--critical); }
.stat.sev-high dd { color: var(--high); }
.stat.sev-medium dd { color: var(--medium); }
.stat.sev-low dd { color: var(--low); }

/* Badges: colour always comes with text */
.badge { display: inline-block; font-size: 0.8rem; font-weight: 700; border-radius: 4px; padding: 0.05rem 0.45rem; border: 1px solid currentColor; white-space: nowrap; vertical-align: 0.1em; }
.sev-critical .sev-icon::before, .badge.sev-critical .sev-icon::before { content: "◆ "; }
.sev-high .sev-icon::before, .badge.sev-high .sev-icon::before { content: "▲ "; }
.sev-medium .sev-icon::before, .badge.sev-medium .sev-icon::before { content: "● "; }
.sev-low .sev-icon::before, .badge.sev-low .sev-icon::before { content: "○ "; }
.badge.sev-critical, .badge.risk-critical { color: var(--critical); background: var(--critical-bg); }
.badge.sev-high, .badge.risk-high { color: var(--high); background: var(--high-bg); }
.badge.sev-medium, .badge.risk-medium { color: var(--medium); background: var(--medium-bg); }
.badge.sev-low, .badge.risk-low { color: var(--low); background: var(--low-bg); }
.badge.waived { color: var(--na); background: var(--na-bg); }
.verdict, .result, .flag, .status { font-weight: 600; white-space: nowrap; }
.verdict.yes, .result.pass, .flag.on, .status-done { color: var(--ok); }
.verdict.no, .result.fail, .status-open { color: var(--bad); }
.attestation { display: block; font-weight: 600; white-space: nowrap; }
.attestation-evidenced { color: var(--ok); }
.attestation-stale, .attestation-self-declared { color: var(--bad); }
.attested-by { display: block; font-size: 0.9em; }
ul.evidence { margin: 0.2rem 0 0; padding-left: 1.1rem; }
.over-limit { color: var(--bad); font-weight: 600; }
.limit-held { color: var(--ok); }
.sign-off ul { padding-left: 1.1rem; }
.flag.off, .status-na { color: var(--na); }
.verdict-line { border-radius: 8px; padding: 0.7rem 0.9rem; font-size: 1.05rem; }
.verdict-line.yes { background: var(--ok-bg); color: var(--ok); }
.verdict-line.no { background: var(--bad-bg); color: var(--bad); }
.auto { font-size: 0.75rem; color: var(--muted); border: 1px solid var(--line); border-radius: 4px; padding: 0 0.3rem; font-weight: normal; }
.missing { color: var(--bad); font-style: italic; }
.none, .note, .more, .reference, .lead, .source-path { color: var(--muted); }
.count { font-size: 0.9rem; color: var(--muted); font-weight: normal; }
.note-text { display: block; color: var(--muted); font-size: 0.92rem; }

/* Facts */
.facts { display: grid; grid-template-columns: repeat(auto-fill, minmax(13rem, 1fr)); gap: 0.4rem 1rem; margin: 1rem 0; }
.facts dt { font-size: 0.85rem; color: var(--muted); }
.facts dl { margin: 0; }
.facts dd { margin: 0; }
.description { border-left: 4px solid var(--line); padding-left: 1rem; margin: 1rem 0; }

/* Tables: wide ones scroll in their own box */
.table-scroll { overflow-x: auto; max-width: 100%; margin: 0.8rem 0; position: relative; }
table { border-collapse: collapse; width: 100%; font-size: 0.95rem; }
caption { text-align: left; font-weight: 600; padding: 0.3rem 0; color: var(--muted); caption-side: top; }
th, td { text-align: left; vertical-align: top; padding: 0.4rem 0.55rem; border-bottom: 1px solid var(--line); }
thead th { background: var(--panel); font-size: 0.85rem; }
tbody th { font-weight: 600; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; }
.section-row th { background: var(--panel); color: var(--accent); }
table.checks td:first-child { white-space: nowrap; }
ul.fields { list-style: none; margin: 0; padding: 0; font-size: 0.9rem; }
.tool { margin-right: 0.2rem; }

/* Checklist matrix */
.matrix { font-size: 0.85rem; width: auto; }
.matrix th, .matrix td { padding: 0.3rem 0.4rem; text-align: center; }
.matrix tbody th { text-align: left; white-space: nowrap; }
.matrix .cell.status-done { background: var(--ok-bg); color: var(--ok); }
.matrix .cell.status-open { background: var(--bad-bg); color: var(--bad); font-weight: 700; }
.matrix .cell.status-na { background: var(--na-bg); color: var(--na); }
.item-key { font-size: 0.9rem; columns: 2 22rem; }
.section-name { color: var(--muted); }

/* Gaps */
ul.gaps, ol.gaps { list-style: none; padding: 0; margin: 0.5rem 0; }
.fix-first { margin: 1rem 0 1.5rem; }
.gap-top { padding: 0.35rem 0.8rem; margin: 0.4rem 0; }
.gap-top .gap-message { font-weight: normal; }
.gap-source { font-size: 0.88rem; color: var(--muted); }
.owner h2 .count { font-weight: normal; font-size: 0.9rem; }
.gap { border: 1px solid var(--line); border-left-width: 6px; border-radius: 6px; padding: 0.5rem 0.8rem; margin: 0.6rem 0; }
.gap.sev-critical { border-left-color: var(--critical); }
.gap.sev-high { border-left-color: var(--high); }
.gap.sev-medium { border-left-color: var(--medium); }
.gap.sev-low { border-left-color: var(--low); }
.gap.waived { opacity: 0.8; border-style: dashed; }
.gap p { margin: 0.2rem 0; }
.gap-message { font-weight: 600; }
.gap-meta { font-size: 0.88rem; color: var(--muted); }
.gap-meta span { margin-right: 0.8rem; }
.gap-fix { font-size: 0.92rem; }
.gap-waiver { font-size: 0.92rem; padding: 0.2rem 0.5rem; border-radius: 4px; color: var(--na); background: var(--na-bg); }
.subject { font-weight: 600; }
.agent-link { font-weight: 700; }

/* Charts */
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 21rem), 1fr)); gap: 1rem; }
.chart { margin: 0.8rem 0; min-width: 0; }
.chart figcaption { font-weight: 600; color: var(--accent); margin-bottom: 0.3rem; }
svg.bars { width: 100%; height: auto; max-width: 40rem; display: block; }
.chart-label, .chart-value { font-size: 15px; fill: var(--text); font-family: system-ui, sans-serif; }
.bar { fill: var(--accent); }
.bar-critical, .bar-risk-critical { fill: var(--critical); }
.bar-high, .bar-risk-high { fill: var(--high); }
.bar-medium, .bar-risk-medium { fill: #b7791f; }
.bar-low, .bar-risk-low { fill: var(--low); }
.bar-allowed { fill: #2da44e; }
.bar-blocked { fill: var(--high); }
.bar-timeout { fill: #b7791f; }
.legend { list-style: none; display: flex; gap: 1rem; padding: 0; margin: 0.2rem 0; font-size: 0.9rem; }
.swatch { display: inline-block; width: 0.9em; height: 0.9em; margin-right: 0.3em; vertical-align: -0.1em; }
.swatch.bar-allowed { background: #2da44e; }
.swatch.bar-blocked { background: var(--high); }
.chart-data summary { cursor: pointer; color: var(--link); font-size: 0.9rem; }
.grid { stroke: var(--line); stroke-width: 1; }
.chart-tick { font-size: 12px; fill: var(--muted); font-family: system-ui, sans-serif; }
.open-items-title { margin-bottom: 0.2rem; }
.open-items { margin-top: 0; }

.agent-list { columns: 2 18rem; padding-left: 1.2rem; }
.article-results .result { margin-right: 0.5rem; }

/* Documents */
.document { max-width: 46rem; }
.documents li { margin: 0.3rem 0; }
.document pre { background: var(--panel); padding: 0.8rem; overflow-x: auto; border-radius: 6px; }
.document blockquote { border-left: 4px solid var(--line); margin-left: 0; padding-left: 1rem; color: var(--muted); }

@media (max-width: 40rem) {
  body { font-size: 15px; }
  h1 { font-size: 1.5rem; }
  .stat dd { font-size: 1.3rem; }
  /* Key/value tables: the label above its value, both the full width. */
  table.key-value, table.key-value tbody, table.key-value tr, table.key-value th, table.key-value td { display: block; }
  table.key-value caption, table.stack caption { display: block; }
  table.key-value th { border-bottom: 0; padding: 0.45rem 0 0; }
  table.key-value td { padding: 0.1rem 0 0.45rem; }
  /* Wide tables: each row a block, its first column on top and each other cell
     under the name of its column, so that no column is squeezed. */
  table.stack thead { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
  table.stack, table.stack tbody, table.stack tr, table.stack th, table.stack td { display: block; }
  table.stack tr { border-bottom: 1px solid var(--line); padding: 0.4rem 0; }
  table.stack th, table.stack td { border: 0; padding: 0.15rem 0; }
  table.stack td[data-label]::before { content: attr(data-label); display: block; font-size: 0.8rem; font-weight: 600; color: var(--muted); }
  table.checks.stack td:first-child { font-weight: 600; }
  table.stack td.num { text-align: left; }
  table.stack td:empty { display: none; }
  table.stack .section-row th { padding: 0.3rem 0.4rem; }
  /* A table that still scrolls keeps its first column in view. */
  .table-scroll tr > :first-child { position: sticky; left: 0; z-index: 1; background: var(--bg); }
  .table-scroll thead tr > :first-child { background: var(--panel); }
  table.stack tr > :first-child, table.key-value tr > :first-child { position: static; }
}

@media print {
  @page { size: A4; margin: 16mm 14mm; }
  body { font-size: 10.5pt; color: #000; }
  .site-nav, .skip, .article-nav, .breadcrumbs, .chart-data summary { display: none; }
  .site-header { background: none; color: #000; border-bottom: 2px solid #000; }
  .site-header a { color: #000; }
  a { color: #000; text-decoration: none; }
  .table-scroll { overflow: visible; }
  .chart-data { display: block; }
  .chart-data[open] summary, .chart-data summary { display: none; }
  .report-agent, .report-section { break-before: page; }
  .gap, tr, .stat, figure { break-inside: avoid; }
  h2, h3 { break-after: avoid; }
  .wrap { max-width: none; padding: 0; }
}

/* Trend of --history, and the changes box of --compare-to */
svg.lines { width: 100%; height: auto; max-width: 40rem; display: block; }
.axis { stroke: var(--muted); stroke-width: 1; }
.trend-line { fill: none; stroke-width: 2.5; }
.trend-line.trend-critical { stroke: var(--critical); }
.trend-line.trend-high { stroke: var(--high); stroke-dasharray: 6 3; }
.trend-dot.trend-critical, .chart-value.trend-critical { fill: var(--critical); }
.trend-dot.trend-high, .chart-value.trend-high { fill: var(--high); }
.swatch.trend-critical { background: var(--critical); }
.swatch.trend-high { background: var(--high); }
.chart-value { font-size: 13px; font-weight: 600; }
svg.bars .chart-value { font-size: 15px; }
.trend-line.trend-score { stroke: var(--accent); }
.trend-dot.trend-score, .chart-value.trend-score { fill: var(--accent); }
.swatch.trend-score { background: var(--accent); }
.trend-charts { grid-template-columns: repeat(auto-fit, minmax(min(100%, 26rem), 1fr)); }
.trend-table { grid-column: 1 / -1; }
.trend-table .date { white-space: nowrap; }
.unit { font-size: 0.7em; font-weight: 600; white-space: nowrap; }
.axis-title { font-weight: 600; }
.changes-box { border-left: 4px solid var(--accent); padding: 0.2rem 1rem; margin: 1rem 0; }

/* Obligations beyond Articles 9-15 and incidents */
.obligation, .incident { font-weight: 600; white-space: nowrap; }
.obligation.status-met, .incident.status-reported { color: var(--ok); }
.obligation.status-open, .incident.status-overdue { color: var(--bad); }
.obligation.status-upcoming, .incident.status-due, .incident.status-late { color: var(--medium); }
.obligation.status-not-applicable { color: var(--na); }
.matrix .cell.status-met { background: var(--ok-bg); color: var(--ok); }
.matrix .cell.status-open { background: var(--bad-bg); color: var(--bad); font-weight: 700; }
.matrix .cell.status-upcoming { background: var(--medium-bg); color: var(--medium); }
.matrix .cell.status-not-applicable { background: var(--na-bg); color: var(--na); }
.obligations-matrix .date { font-size: 0.8rem; font-weight: 400; }
.obligation-counts { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: 1rem; }
.timeline { padding-left: 1.2rem; }
.timeline .within-year time { font-weight: 700; }
.timeline .source, .incidents .summary, .incidents .timing, .met-by { font-size: 0.85rem; color: var(--muted); }
.ai-class { font-weight: 600; }
.ai-class.class-high-risk { color: var(--bad); }
.incidents time, .obligations-matrix .date { white-space: nowrap; }
.incidents th .summary { font-weight: 400; }
.not-applicable { list-style: none; padding: 0; margin-top: -0.5rem; color: var(--muted); }
.not-applicable li { display: inline; }
.not-applicable li + li::before { content: " · "; }

"""#,
    ]
}
