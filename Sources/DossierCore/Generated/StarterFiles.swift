// Generated from starter/ by scripts/embed-resources.py (`make resources`). Do not edit.

/// The files `dossier init` writes, by path relative to the new repository, in byte order.
enum StarterFiles {
    static let files: [(path: String, contents: String)] = [
        (".gitignore", #"""
# The site and reports built from this repository are outputs, not records:
# `dossier build` run here writes site/.
site/
public/
report.json
# dossier built from source inside the checkout
.build/
# Editors and operating systems
.DS_Store
*.swp
.idea/
.vscode/

"""#),
        ("README.md", #"""
# AI Agent Governance

The governance records of our AI agents: for each agent, its risk profile,
its EU AI Act record (Articles 9 to 15), its classification and the
obligations that follow from it, and its deployment checklist.
[dossier](https://git.example.com/your-org/dossier) scores them and
publishes them as a static site.

```
dossier.yaml              organization, release, role, organization-wide attestations, thresholds
agents/<id>.yaml          one file per agent
audit/<id>.json           audit evidence per agent (optional)
incidents.yaml            serious incidents and their Art. 73 reports
docs/*.md                 policies, plans and the evidence that attestations and checklists point to
```

## Check

```sh
dossier check                       # prints every gap; exits 1 on a high or critical one
dossier check --fail-on medium      # stricter
dossier check --format json | jq .summary
```

Exit codes: 0 passed, 1 gaps at or above `--fail-on` (default `high`),
65 invalid records (each error names its file, line and key).

## Build the site

```sh
dossier build --out ../governance-site    # outside this repository
dossier verify ../governance-site         # later: is the site still the one built?
```

Open `../governance-site/index.html`. `manifest.json` in the site holds the
SHA-256 of every file read and written.

## Add an agent

Copy `agents/example-agent.yaml` to `agents/<id>.yaml` and fill it in; the
comments explain each block. Every `evidence:` path (attestations and checklist) must exist.

## Audit evidence

Summarize the agents' raw audit logs (JSON lines) into `audit/`:

```sh
dossier summarize /var/log/agents/*.jsonl --out audit
```

The findings then compare what the agents did with what they declare.

## Releases

Set `release` and `as_of` in `dossier.yaml` (or pass `--release` and set
`SOURCE_DATE_EPOCH`) so that the report of a release can be reproduced.
Reassess each agent's risks within a year of `risk_assessment_date`.

## CI

GitHub Actions (`.github/workflows/governance.yml`): fails a pull request
on any high or critical gap and keeps the site as an artifact.

```yaml
name: AI governance
on: [pull_request, push]
jobs:
  dossier:
    runs-on: ubuntu-24.04
    steps:
      - uses: actions/checkout@v4
      # Installs the release tarball (checked against its SHA256SUMS) and runs
      # dossier check, writing reports/junit.xml, reports/dossier.sarif and reports/report.json.
      - uses: your-org/dossier@v1.0.0
        with: {version: 1.0.0, repository: your-org/dossier, fail-on: high, reports-dir: reports}
      - if: always()
        run: dossier build --out site
      - if: always()
        uses: actions/upload-artifact@v4
        with: {name: governance-site, path: site}
```

`your-org/dossier` is where your organization gets Dossier's releases; the
tarball, its checksums and the container image are described in Dossier's
install guide.

"""#),
        ("agents/example-agent.yaml", #"""
# One file per AI agent. The file name without .yaml is the agent's id
# (lowercase letters, digits, '.', '_' and '-'): it names the agent's page
# and its audit evidence, audit/example-agent.json. Copy this file for your
# next agent and replace the values with its own.

name: Example Support Agent
version: 1.0.0
# The accountable person or team. Without one, the owner-missing finding.
owner: support-platform@example.com
# Markdown, shown on the agent's page.
description: |
  Answers customers' questions in the web chat from the help center, looks
  up the status of their orders, and e-mails them order summaries. Refunds,
  complaints and anything it is unsure about go to a person.

# The tools the agent may call. Audit evidence is checked against this list
# (a tool outside it is a high finding), and a non-empty list ticks "Defined
# allowed tools and actions" on the deployment checklist.
allowed_tools: [help_center_search, order_lookup, send_email]

# The risk profile: what the agent can do, as declared. Audit evidence is
# checked against it: an audited action of a capability declared false
# (send_email while can_send_external_messages is false, say) is a
# critical finding.
risk:
  # low, medium, high or critical. A failed article check below is a gap of
  # this severity. High and critical agents also need a human approval gate
  # and audit evidence (audit/<id>.json or raw logs under audit/).
  level: medium
  can_write_data: false
  can_send_external_messages: true       # e-mails to customers
  can_execute_code: false
  can_make_financial_transactions: false
  max_transaction_amount: 0              # it moves no money; a limit of 0 allows no amount
  requires_human_approval: true
  approval_threshold: any goodwill gesture or compensation offered to a customer

# The EU AI Act record, Articles 9 to 15: one check per Article, passed or
# failed from the values below. Together they are the compliance score (7/7).
compliance:
  # Art. 9 risk management: risks identified and assessed, and what remains
  # after mitigation written down. Reassess within assessment_max_age_days
  # of this date (dossier.yaml), or the stale-risk-assessment finding.
  risk_assessment_completed: true
  risk_assessment_date: 2026-01-15
  residual_risks_documented: true

  # Art. 10 data governance: where the data comes from, how its quality is
  # kept, and whether outputs were tested for bias.
  training_data_documented: true
  data_quality_measures: true
  bias_testing_completed: true

  # Art. 11 technical documentation: what the system is and what it is for.
  system_description: >-
    Chat assistant built on a hosted language model, answering from the
    help center articles, with read-only order lookup and an e-mail tool
    behind a policy engine.
  intended_purpose: >-
    Answer customers' questions about orders, deliveries and products, and
    hand refunds, complaints and uncertain cases to a support agent.
  performance_metrics: {resolution_rate: 0.72, handover_rate: 0.21}

  # Art. 12 record-keeping: every action logged automatically, logs kept at
  # least retention_min_days (dossier.yaml).
  audit_logs_enabled: true
  log_retention_days: 365

  # Art. 13 transparency: people know they are dealing with an AI.
  users_informed_of_ai: true
  ai_disclosure_text: You are chatting with an AI assistant. Ask for a person at any time.

  # Art. 14 human oversight: how people supervise the agent, and that they
  # can override or stop it.
  human_oversight_measures:
    - a support lead approves any goodwill gesture before it is offered
    - handover to a person on request or when the assistant is unsure
    - weekly review of a sample of conversations
    - kill switch in the support console
  override_capability: true

  # Art. 15 accuracy and robustness: accuracy measured, and the agent tested
  # against adversarial inputs (prompt injection, jailbreaks).
  accuracy_metrics: {answer_accuracy: 0.94}
  adversarial_testing: true

# The AI Act classification: it turns obligation tracking on (the
# Obligations page of the site). A chatbot that talks to customers and writes
# e-mails has Art. 50 transparency duties; add annex_iii: [area] for a
# high-risk use (employment, credit-scoring, education …), and role: when
# it differs from dossier.yaml's.
classification:
  interacts_with_people: true
  generates_synthetic_content: true

# Who vouches for each article's record, when, and the proof: an article
# that passes is "evidenced" when someone attests it with evidence that
# exists (a path in this repository or an https link) and the attestation is
# not older than assessment_max_age_days; otherwise it is "self-declared",
# and for a high- or critical-risk agent that is the article-unattested finding.
attestations:
  art-9: {by: support-risk@example.com, date: 2026-01-15, evidence: [docs/risk-assessment.md]}
  art-10: {by: support-data@example.com, date: 2026-01-15, evidence: [docs/data-sheet.md]}
  art-11: {by: support-platform@example.com, date: 2026-01-15, evidence: [docs/system-card.md]}
  art-12: {by: support-platform@example.com, date: 2026-01-15, evidence: [docs/logging.md]}
  art-13: {by: support-ux@example.com, date: 2026-01-15, evidence: [docs/transparency.md]}
  art-14: {by: support-leads@example.com, date: 2026-01-15, evidence: [docs/oversight.md]}
  art-15: {by: support-quality@example.com, date: 2026-01-15, evidence: [docs/evaluation.md]}
  # An obligation of the classification above (Art. 50: people are told they talk to an AI).
  art-50: {by: support-ux@example.com, date: 2026-01-15, evidence: [docs/transparency.md]}

# The deployment checklist. Items decided from the data above (risk level,
# allowed tools, limits, approvals, logging, the compliance record) are
# ticked automatically; attest the others here. done: true, false or n/a;
# evidence: a path in this repository (it must exist) or an https link;
# note: free text. An item not done makes the agent not deployable.
checklist:
  failure_modes_documented: {done: true, evidence: docs/failure-modes.md}
  stakeholders_identified: {done: true, evidence: docs/stakeholders.md}
  data_access_documented: {done: true, evidence: docs/data-handling.md}
  policy_engine_tested: {done: true, note: "policy tests run in CI on every change of a policy"}
  rate_limiting: {done: true, note: "20 messages a minute per conversation"}
  output_filtering: {done: true, note: "card numbers and other customers' data are masked"}
  violation_metrics: {done: true, note: "policy violations by policy and severity, on the support dashboard"}
  unusual_behavior_alerts: {done: true, note: "alert when the handover or block rate doubles within an hour"}
  governance_dashboard: {done: true, note: "the site built by dossier build, published on every release"}
  gdpr_documented: {done: true, evidence: docs/data-handling.md}
  sector_requirements_reviewed: {done: n/a, note: "retail customer support: consumer law only"}
  incident_response_plan: {done: true, evidence: docs/incident-response.md}

"""#),
        ("docs/ai-literacy.md", #"""
# AI literacy (Art. 4)

Who operates or supervises the agents, and what they learned to do it well.

| team | training | when |
|---|---|---|
| Support platform (owners) | how the agent decides, its limits, reading its audit log | 2026-01 |
| Support leads (oversight) | taking over a conversation, stopping the agent, reporting an incident | 2026-01 |

Replace this table with your own training records, and link them from the
`art-4` attestation in dossier.yaml.

"""#),
        ("docs/data-handling.md", #"""
# Data Handling of the Example Support Agent

## Data access

- **Help center articles:** read only, public content.
- **Orders:** read only, and only the orders of the customer signed in to
  the chat. No payment data beyond the last four digits of a card.
- **E-mail:** sends to the address of the customer's account only; no
  attachments.

The agent cannot write to any system of record.

## GDPR

- **Personal data processed:** name, e-mail address, order history, and
  what the customer writes in the chat.
- **Purpose and legal basis:** customer support, to perform the contract
  with the customer (Article 6(1)(b)).
- **Retention:** conversations and audit logs are kept 365 days, then
  deleted.
- **Processors:** the model provider, under a data processing agreement;
  prompts are not used for training.
- **Rights of the data subject:** access and erasure requests are handled
  by the support team within one month.

"""#),
        ("docs/data-sheet.md", #"""
# Data sheet

- **Sources:** the help center articles and the order system (read only).
- **Quality:** articles have an owner and a review date; stale ones are
  flagged on the support dashboard.
- **Bias testing:** answers compared across customer languages and regions
  on a monthly sample.

"""#),
        ("docs/evaluation.md", #"""
# Evaluation

- Answer accuracy 0.94 on the monthly test set of real questions.
- Prompt-injection and jailbreak tests run before every release.

"""#),
        ("docs/failure-modes.md", #"""
# Failure Modes of the Example Support Agent

How the agent can fail, the effect, and the controls that prevent or
detect each failure. Part of the agent's risk assessment (Article 9):
reviewed with it and after every incident.

1. **Wrong or invented answer.** A customer acts on false information.
   Controls: answers only from help center articles, with a link to the
   article; handover to a person when unsure; weekly review of a sample of
   conversations.
2. **Prompt injection in a customer message** ("ignore your instructions").
   Controls: the policy engine checks every tool call outside the model;
   adversarial tests before each release.
3. **Another customer's order data shown.** A personal data breach.
   Controls: order lookup limited to the signed-in customer's orders;
   output filtering of card numbers and addresses.
4. **E-mail sent to a wrong address.** A personal data breach.
   Controls: `send_email` only to the address of the customer's account.
5. **Compensation promised without approval.** A commitment nobody made.
   Controls: a support lead approves every goodwill gesture first.
6. **Model or tool outage.** No answers. Controls: the chat hands over to
   the support queue.

Incidents follow the [incident response plan](incident-response.md).

"""#),
        ("docs/incident-response.md", #"""
# Incident Response Plan for AI Agents

- **Owner:** the AI governance lead
- **Applies to:** every agent in this repository
- **Review:** every year, and after every SEV-1 or SEV-2 incident

An incident is anything an agent did, or could have done, that harmed or
could harm a person, leaked data, or got past one of its controls (policy
engine, approval gate, audit logging). Replace the names and times below
with your own.

## Roles

- **Incident commander:** the on-call engineer of the team that runs the
  agent. Runs the incident, decides on containment, keeps the timeline.
- **Agent owner:** the team named in the agent's `owner`. Proposes and
  makes the fix.
- **AI governance lead:** decides whether the incident is a *serious
  incident* under Article 73 of the EU AI Act and files the report.
- **Data protection officer:** assesses personal data breaches (GDPR
  Articles 33 and 34).

## Severity

- **SEV-1:** harm to a person, a large personal data breach, or an agent
  acting outside its controls with no way to stop it. Containment within
  one hour.
- **SEV-2:** harm or data exposure for individual customers, or an action
  outside the agent's declared capabilities. Containment within four hours.
- **SEV-3:** a control failed, no harm done. Fixed within a week.

## Steps

1. **Contain.** Switch the agent off with its kill switch, or take the
   failing tool away from it. Keep the audit logs: never delete them
   during an incident.
2. **Assess.** Who was affected, what data, since when. Use the audit
   logs of the agent (see its page on the governance site).
3. **Notify.** A serious incident is reported to the market surveillance
   authority no later than 15 days after it became known (2 days for a
   widespread one, Article 73); a personal data breach to the data
   protection authority within 72 hours.
4. **Fix and learn.** Fix the cause, add a test to the policy engine,
   update the agent's record and [failure modes](failure-modes.md), and
   write a post-incident review within two weeks.

"""#),
        ("docs/logging.md", #"""
# Audit logging

Every action of the assistant is logged by the policy engine and kept for
365 days. Summaries are exported to `audit/` with `dossier summarize`.

"""#),
        ("docs/oversight.md", #"""
# Human oversight

- A support lead approves any goodwill gesture before it is offered.
- The assistant hands over to a person on request or when it is unsure.
- A sample of conversations is reviewed every week.
- The support console has a kill switch.

"""#),
        ("docs/prohibited-practices.md", #"""
# Prohibited practices review (Art. 5)

Each agent was checked against the practices Art. 5 of the AI Act prohibits
(manipulation, exploiting vulnerabilities, social scoring, emotion recognition
at work or school, biometric categorisation by sensitive traits, and the
others the article lists).

| agent | finding | reviewed |
|---|---|---|
| example-agent | none of the prohibited practices | 2026-01-15 |

Review every new agent before its first release, and link this page from the
`art-5` attestation in dossier.yaml.

"""#),
        ("docs/risk-assessment.md", #"""
# Risk assessment

Assessed on 2026-01-15. Replace this page with your own assessment.

- **What can go wrong:** wrong answers about orders, a goodwill gesture
  offered without approval, customer data shown to the wrong person.
- **Mitigations:** answers only from the help center, read-only order lookup
  for the customer in the conversation, approval of every goodwill gesture.
- **Residual risks:** an outdated help center article; reviewed weekly.

"""#),
        ("docs/stakeholders.md", #"""
# Stakeholders of the Example Support Agent

The people affected by the agent or accountable for it.

- **Customers** using the web chat: get answers, share order details. They
  are told they are chatting with an AI and can ask for a person.
- **Support agents and leads:** take over conversations, approve goodwill
  gestures, review a sample of conversations every week.
- **Support platform team** (`owner`): builds and runs the agent.
- **Data protection officer:** reviews how personal data is handled (see
  [data handling](data-handling.md)).
- **AI governance lead:** keeps this repository and the risk assessment
  current.

"""#),
        ("docs/system-card.md", #"""
# System card

- **Model:** a hosted language model, pinned version.
- **Tools:** help center search, order lookup (read only), e-mail to the
  customer in the conversation.
- **Intended purpose:** answer questions about orders, deliveries and
  products; hand everything else to a person.

"""#),
        ("docs/transparency.md", #"""
# Transparency

Every conversation starts with: "You are chatting with an AI assistant. Ask
for a person at any time."

"""#),
        ("dossier.yaml", #"""
# dossier.yaml: whose AI agents these are, which release this is, and the
# thresholds they are scored against. Reference: docs/reference/input.md in
# the dossier documentation.

# Shown on every page and in every report.
organization: Example Org

# The site's title.
title: AI Agent Governance

# The release these records describe, e.g. 2026.1 or v4.2.0.
# `dossier check --release R` and `dossier build --release R` override it.
release: "2026.1"

# The evaluation date: risk assessments are "stale" when older than
# assessment_max_age_days on this date, and it is printed on every report.
# Left out, it is the date of SOURCE_DATE_EPOCH if set, else today (UTC).
# Set it when you cut a release, so that its report can be reproduced later,
# and update it each release.
# as_of: 2026-06-30

# Your role for these agents under the EU AI Act: provider, deployer or
# provider-and-deployer. An organization that builds its own agents on a
# model API is usually their provider. An agent's classification: block may
# say otherwise. Reference: docs/reference/obligations.md.
role: provider

# Obligations met once for every agent: AI literacy of the staff (Art. 4) and
# the prohibited-practices review of the portfolio (Art. 5). Each needs who,
# when, and evidence that exists; an agent's own attestation takes precedence.
# `dossier init` dated them the day it wrote this file: review the evidence
# and attest again at least once a year (assessment_max_age_days).
attestations:
  art-4: {by: people-team@example.com, date: 2026-01-15, evidence: [docs/ai-literacy.md]}
  art-5: {by: legal@example.com, date: 2026-01-15, evidence: [docs/prohibited-practices.md]}

# Thresholds, shown with their default values.
thresholds:
  # Art. 12 (and Art. 19, 26(6)): keep automatic logs at least six months.
  retention_min_days: 180
  # Reassess each agent's risks at least once a year.
  assessment_max_age_days: 365
  # Audit evidence: more than 5% of human approval requests timing out is a finding.
  approval_timeout_max_ratio: 0.05
  # Audit evidence: more than 1% of events violating a policy is a finding.
  violation_max_ratio: 0.01

"""#),
        ("incidents.yaml", #"""
# Serious incidents (Art. 73 of the AI Act), one entry each. Report each to
# the market surveillance authority within 15 days of becoming aware of it
# (10 after a death, 2 for a widespread one). Reference:
# docs/reference/obligations.md.
#
# - id: INC-2026-001
#   agent: example-agent
#   aware_on: 2026-03-02
#   kind: serious            # serious | death | widespread
#   reported_on: 2026-03-10  # once reported
#   summary: What happened, in a sentence.
[]

"""#),
    ]
}
