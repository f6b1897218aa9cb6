#!/usr/bin/env python3
"""Generate a synthetic governance repository of N agents for benchmarks.

    python3 Benchmarks/portfolio/generate.py OUTDIR --agents N [--seed 2026]

The repository is deterministic (same N and seed, same bytes), needs no
network and no third-party module, and is valid input for `dossier check`
and `dossier build`. It has the variety of a real portfolio: risk levels
about 40% low, 35% medium, 20% high and 5% critical, capability flags that fit
the level, compliance records that mostly pass (each article check fails for
5-25% of agents, and some agents have no record at all), checklist
attestations with evidence in docs/ (a few paths missing) and URLs,
Markdown descriptions of 1-2 KB, audit summaries for about 80% of the agents
that trip a realistic mix of findings, and about twenty 4 KB docs pages.

OUTDIR is replaced as a whole. To protect other folders, a non-empty OUTDIR
is replaced only if it holds the `.generator` stamp of an earlier run; the
stamp records the generator's hash and arguments, so that callers can tell
whether a repository on disk is up to date.
"""

import argparse
import hashlib
import json
import os
import random
import re
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import prose  # noqa: E402

STAMP = ".generator"
ORGANIZATION = "Northwind Mutual"
MAIL = "northwind.example"
WIKI = "https://wiki.northwind.example"
AS_OF = "2026-11-24"
PERIOD_END = "2026-10-31T23:59:59Z"
PERIOD_STARTS = ["2026-05-01T00:00:00Z", "2026-06-01T00:00:00Z",
                 "2026-08-01T00:00:00Z", "2026-09-15T00:00:00Z"]

# Business domains: id prefix, display name, functions, read-only tools,
# data-access page, personal data category (GDPR page, or None), sector page,
# and the transaction action the domain uses.
DOMAINS = [
    ("claims", "Claims", ["triage", "intake", "fraud-screening", "settlement", "subrogation"],
     ["claims_lookup", "policy_lookup", "document_fetch"], "insurance", "customers",
     "insurance-distribution", "execute_transaction"),
    ("underwriting", "Underwriting", ["risk-scoring", "quote", "referral", "renewal"],
     ["policy_lookup", "rating_engine", "document_fetch"], "insurance", "customers",
     "insurance-distribution", "execute_transaction"),
    ("billing", "Billing", ["dunning", "refunds", "invoice-review", "collections"],
     ["ledger_read", "crm_lookup", "invoice_fetch"], "finance", "customers",
     "financial-services", "refund"),
    ("customer-service", "Customer Service", ["chat", "email-reply", "complaints", "callback"],
     ["crm_lookup", "kb_search", "order_lookup"], "operations", "customers", None, "refund"),
    ("finance", "Finance", ["reconciliation", "payables", "forecasting", "close"],
     ["ledger_read", "erp_query", "fx_rates"], "finance", "partners",
     "financial-services", "execute_transaction"),
    ("treasury", "Treasury", ["cash-positioning", "payments", "hedging"],
     ["ledger_read", "bank_statement_read", "fx_rates"], "finance", "partners",
     "financial-services", "transfer_funds"),
    ("hr", "HR", ["onboarding", "leave-requests", "benefits", "recruiting-screen"],
     ["hris_lookup", "kb_search", "document_fetch"], "people", "employees", None,
     "execute_transaction"),
    ("legal", "Legal", ["contract-review", "nda-drafting", "regulatory-watch"],
     ["contract_fetch", "clause_library", "kb_search"], "operations", "partners", None,
     "execute_transaction"),
    ("procurement", "Procurement", ["vendor-onboarding", "po-matching", "sourcing"],
     ["erp_query", "vendor_lookup", "document_fetch"], "operations", "partners", None,
     "execute_transaction"),
    ("it-ops", "IT Operations", ["incident-triage", "access-requests", "patching", "log-review"],
     ["cmdb_lookup", "log_search", "ticket_read"], "operations", None, None,
     "execute_transaction"),
    ("security", "Security", ["alert-triage", "phishing-review", "vuln-scoring"],
     ["siem_search", "log_search", "threat_intel"], "operations", "employees", None,
     "execute_transaction"),
    ("marketing", "Marketing", ["campaign-copy", "segmentation", "social-listening"],
     ["crm_lookup", "analytics_query", "kb_search"], "operations", "customers", None,
     "execute_transaction"),
    ("sales", "Sales", ["lead-qualification", "proposal", "broker-support"],
     ["crm_lookup", "policy_lookup", "rating_engine"], "insurance", "customers",
     "insurance-distribution", "execute_transaction"),
    ("data-platform", "Data Platform", ["quality-monitor", "catalog-curation", "sql-assistant"],
     ["catalog_search", "warehouse_query", "lineage_lookup"], "operations", None, None,
     "execute_transaction"),
]
TEAMS = ["platform", "ops", "automation", "digital", "core", "enablement"]

WRITE_TOOLS = ["update_record", "write_data"]
EXTERNAL_TOOLS = ["send_email", "send_external_message"]
CODE_TOOLS = ["run_code", "execute_code"]
# Action names for the four capability flags (dossier's default mapping).
CAPABILITY_ACTIONS = {
    "can_write_data": ["write_data", "update_record", "delete_record"],
    "can_send_external_messages": ["send_external_message", "send_email", "send_contract"],
    "can_execute_code": ["execute_code", "run_code"],
    "can_make_financial_transactions": ["execute_transaction", "refund", "transfer_funds"],
}
POLICY_OF_FLAG = {"can_write_data": "write-scope", "can_send_external_messages": "outbound-recipients",
                  "can_execute_code": "code-sandbox", "can_make_financial_transactions": "transaction-limits"}
CRITICAL_POLICIES = ["no-pii-external", "sanctions-screening", "secrets-exfiltration"]
STRAY_TOOLS = ["web_browse", "send_sms", "shell", "spreadsheet_export", "calendar_write"]

LEVELS = ["low", "medium", "high", "critical"]
LEVEL_WEIGHTS = [40, 35, 20, 5]
# Probability of each capability flag by level.
CAPABILITY_ODDS = {
    "low": {"can_write_data": 0.0, "can_send_external_messages": 0.0,
            "can_execute_code": 0.0, "can_make_financial_transactions": 0.0},
    "medium": {"can_write_data": 0.6, "can_send_external_messages": 0.5,
               "can_execute_code": 0.05, "can_make_financial_transactions": 0.15},
    "high": {"can_write_data": 0.85, "can_send_external_messages": 0.7,
             "can_execute_code": 0.2, "can_make_financial_transactions": 0.5},
    "critical": {"can_write_data": 0.95, "can_send_external_messages": 0.6,
                 "can_execute_code": 0.4, "can_make_financial_transactions": 0.8},
}
LIMITS = {"low": [0.0], "medium": [100.0, 250.0, 500.0],
          "high": [1000.0, 2500.0, 5000.0, 10000.0],
          "critical": [25000.0, 50000.0, 100000.0, 250000.0]}
APPROVAL_ODDS = {"low": 0.1, "medium": 0.6, "high": 0.92, "critical": 0.96}

# How often each article check fails among agents that have a compliance
# record; agents without one (NO_COMPLIANCE) fail every check on top.
NO_COMPLIANCE = 0.06
CHECK_FAIL = {"risk_management": 0.08, "data_governance": 0.19, "documentation": 0.05,
              "record_keeping": 0.11, "transparency": 0.03, "human_oversight": 0.09,
              "accuracy": 0.14}

# Docs pages: path -> title. Evidence paths point here.
DOCS = {
    "docs/ai-agent-policy.md": "AI Agent Policy",
    "docs/incident-response.md": "AI Agent Incident Response Plan",
    "docs/failure-modes.md": "Failure Modes of AI Agents",
    "docs/stakeholders.md": "Affected Stakeholders",
    "docs/policy-engine-tests.md": "Policy Engine Test Plan",
    "docs/rate-limiting.md": "Rate Limiting Standard",
    "docs/output-filtering.md": "Output Filtering Standard",
    "docs/monitoring.md": "Monitoring and Alerting",
    "docs/model-risk-management.md": "Model Risk Management",
    "docs/vendor-management.md": "Third-Party Model Providers",
    "docs/data-retention.md": "Audit Log Retention",
    "docs/data-access/insurance.md": "Data Access: Insurance Operations",
    "docs/data-access/finance.md": "Data Access: Finance and Treasury",
    "docs/data-access/people.md": "Data Access: People Data",
    "docs/data-access/operations.md": "Data Access: Shared Operations",
    "docs/gdpr/customers.md": "GDPR: Customer Data",
    "docs/gdpr/employees.md": "GDPR: Employee Data",
    "docs/gdpr/partners.md": "GDPR: Partner and Vendor Contacts",
    "docs/sector/insurance-distribution.md": "Sector Review: Insurance Distribution (IDD)",
    "docs/sector/financial-services.md": "Sector Review: Financial Services",
}

ATTESTED = ["failure_modes_documented", "stakeholders_identified", "data_access_documented",
            "policy_engine_tested", "rate_limiting", "output_filtering", "violation_metrics",
            "unusual_behavior_alerts", "governance_dashboard", "gdpr_documented",
            "sector_requirements_reviewed", "incident_response_plan"]

METRIC_NAMES = ["precision", "recall", "f1", "resolution_rate", "answer_accuracy",
                "citation_precision", "escalation_rate", "auc"]
OVERSIGHT = ["approval gate on consequential actions", "kill switch", "weekly sample review",
             "escalation to a person on request", "four-eyes check on payments",
             "daily review of blocked actions", "human sign-off on customer letters"]
DISCLOSURES = [
    "You are chatting with an AI assistant.",
    "This reply was drafted by an AI system and checked by our team.",
    "An AI assistant handles this request; ask for a person at any time.",
    "Generated with the help of an AI system.",
]


# ---------------------------------------------------------------- YAML writer

_PLAIN = re.compile(r"^[A-Za-z][A-Za-z0-9 _.,()/&'@+$-]*$")
_PLAIN_FLOW = re.compile(r"^[A-Za-z][A-Za-z0-9 _.()/&'@+$-]*$")
_DATE_OR_VERSION = re.compile(r"^(\d{4}-\d{2}-\d{2}|\d+\.\d+\.\d+)$")
_RESERVED = {"true", "false", "null", "yes", "no", "on", "off", "y", "n"}


def yaml_scalar(value, flow=False):
    if value is True:
        return "true"
    if value is False:
        return "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return repr(value)
    if _DATE_OR_VERSION.match(value):
        return value  # read as text: YAML 1.2 has no implicit dates
    pattern = _PLAIN_FLOW if flow else _PLAIN
    if (pattern.match(value) and value.lower() not in _RESERVED
            and not value.endswith(" ") and ": " not in value):
        return value
    return json.dumps(value, ensure_ascii=False)


def yaml_flow(value):
    if isinstance(value, dict):
        return "{" + ", ".join("%s: %s" % (k, yaml_flow(v)) for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(yaml_flow(v) for v in value) + "]"
    return yaml_scalar(value, flow=True)


def yaml_document(doc, comment=None):
    """Top-level maps are block maps; anything nested deeper is flow style;
    multi-line strings are literal blocks."""
    out = ["# " + comment] if comment else []
    for key, value in doc.items():
        if isinstance(value, dict):
            out.append(key + ":")
            for k, v in value.items():
                out.append("  %s: %s" % (k, yaml_flow(v) if isinstance(v, (dict, list)) else yaml_scalar(v)))
        elif isinstance(value, str) and "\n" in value:
            out.append(key + ": |")
            out.extend(("  " + line) if line else "" for line in value.rstrip("\n").split("\n"))
        elif isinstance(value, list):
            out.append("%s: %s" % (key, yaml_flow(value)))
        else:
            out.append("%s: %s" % (key, yaml_scalar(value)))
    return "\n".join(out) + "\n"


# ---------------------------------------------------------------- agents

def chance(rng, p):
    return rng.random() < p


def make_ids(rng, n):
    width = max(4, len(str(n - 1)))
    agents = []
    for i in range(n):
        domain = DOMAINS[rng.randrange(len(DOMAINS))]
        function = rng.choice(domain[2])
        agents.append(("%s-%s-%0*d" % (domain[0], function, width, i), domain, function, i))
    return agents


def risk_profile(rng, level, domain):
    odds = CAPABILITY_ODDS[level]
    flags = {flag: chance(rng, p) for flag, p in odds.items()}
    if level in ("high", "critical") and not any(flags.values()):
        flags[rng.choice(sorted(flags))] = True
    limit = 0.0
    if flags["can_make_financial_transactions"]:
        limit = rng.choice(LIMITS[level])
        if chance(rng, 0.03):
            limit = 0.0  # no limit set: action_limits_set stays open
    approval = chance(rng, APPROVAL_ODDS[level])
    if flags["can_make_financial_transactions"] and level != "low":
        approval = approval or chance(rng, 0.8)
    if not approval:
        threshold = "never"
    elif chance(rng, 0.02):
        threshold = ""  # approval required but not specified
    elif flags["can_make_financial_transactions"]:
        threshold = rng.choice([
            "all transactions",
            "transactions over $%d" % int(max(limit, 100) / 10),
            "refunds and payments above %d EUR" % int(max(limit, 100) / 4),
        ])
    elif flags["can_execute_code"]:
        threshold = "every code execution outside the sandbox"
    elif flags["can_send_external_messages"]:
        threshold = rng.choice(["outbound messages to new recipients", "letters to customers",
                                "every external message"])
    else:
        threshold = rng.choice(["record changes", "on request of the user",
                                "changes to more than 10 records"])
    return {
        "level": level,
        "can_write_data": flags["can_write_data"],
        "can_send_external_messages": flags["can_send_external_messages"],
        "can_execute_code": flags["can_execute_code"],
        "can_make_financial_transactions": flags["can_make_financial_transactions"],
        "max_transaction_amount": limit,
        "requires_human_approval": approval,
        "approval_threshold": threshold,
    }


def allowed_tools(rng, risk, domain):
    tools = rng.sample(domain[3], rng.randint(2, 3))
    if risk["can_write_data"]:
        tools.append(rng.choice(WRITE_TOOLS))
    if risk["can_send_external_messages"]:
        tools.append(rng.choice(EXTERNAL_TOOLS))
    if risk["can_make_financial_transactions"]:
        tools.append(domain[7])
    if risk["can_execute_code"]:
        tools.append(rng.choice(CODE_TOOLS))
    return tools


def date_between(rng, start, end):
    """A calendar date between two (year, month, day) tuples, inclusive."""
    from datetime import date, timedelta
    d0, d1 = date(*start), date(*end)
    return (d0 + timedelta(days=rng.randint(0, (d1 - d0).days))).isoformat()


def compliance_record(rng, name, purpose, json_style):
    fails = {check: chance(rng, p) for check, p in CHECK_FAIL.items()}
    c = {}
    # Art. 9
    completed = not (fails["risk_management"] and chance(rng, 0.5))
    c["risk_assessment_completed"] = completed
    roll = rng.random()
    if roll < 0.03:
        c["risk_assessment_date"] = "" if json_style else None       # undated
    elif roll < 0.13:
        c["risk_assessment_date"] = date_between(rng, (2024, 6, 1), (2025, 11, 20))  # stale
    else:
        c["risk_assessment_date"] = date_between(rng, (2025, 12, 1), (2026, 11, 20))
    c["residual_risks_documented"] = not (fails["risk_management"] and completed)
    # Art. 10
    training_fail = fails["data_governance"] and chance(rng, 0.3)
    c["training_data_documented"] = not training_fail
    c["data_quality_measures"] = not chance(rng, 0.06)
    c["bias_testing_completed"] = not (fails["data_governance"] and not training_fail)
    # Art. 11
    c["system_description"] = "%s built on a hosted language model with %s tools behind a policy engine." % (
        name, rng.choice(["retrieval", "case-management", "ledger", "messaging", "workflow"]))
    c["intended_purpose"] = purpose[0].upper() + purpose[1:] + "."
    if fails["documentation"]:
        c[rng.choice(["system_description", "intended_purpose"])] = rng.choice(["", "  "])
    c["performance_metrics"] = {m: round(rng.uniform(0.7, 0.99), 2)
                                for m in rng.sample(METRIC_NAMES, rng.randint(1, 3))}
    # Art. 12
    c["audit_logs_enabled"] = True
    c["log_retention_days"] = rng.choice([180, 365, 365, 400, 730, 2555])
    if fails["record_keeping"]:
        if chance(rng, 0.3):
            c["audit_logs_enabled"] = False
        else:
            c["log_retention_days"] = rng.choice([30, 90, 120])
    # Art. 13
    c["users_informed_of_ai"] = not fails["transparency"]
    c["ai_disclosure_text"] = "" if chance(rng, 0.05) else rng.choice(DISCLOSURES)
    # Art. 14
    measures = rng.sample(OVERSIGHT, rng.randint(1, 3))
    override = True
    if fails["human_oversight"]:
        if chance(rng, 0.5):
            override = False
        else:
            measures = []
    c["human_oversight_measures"] = measures if (measures or not json_style) else None
    c["override_capability"] = override
    # Art. 15
    metrics = {"accuracy": round(rng.uniform(0.8, 0.99), 2)}
    adversarial = True
    if fails["accuracy"]:
        if chance(rng, 0.4):
            metrics = {}
        else:
            adversarial = False
    c["accuracy_metrics"] = metrics if (metrics or not json_style) else None
    c["adversarial_testing"] = adversarial
    if not json_style:
        c = {k: v for k, v in c.items() if v is not None}
    return c


def checklist(rng, agent_id, risk, domain):
    if chance(rng, 0.02):
        return None  # no attestations at all
    data_page = "docs/data-access/%s.md" % domain[4]
    gdpr_page = "docs/gdpr/%s.md" % domain[5] if domain[5] else None
    sector_page = "docs/sector/%s.md" % domain[6] if domain[6] else None
    evidence = {
        "failure_modes_documented": ["docs/failure-modes.md"],
        "stakeholders_identified": ["docs/stakeholders.md", WIKI + "/ai/stakeholders"],
        "data_access_documented": [data_page],
        "policy_engine_tested": ["docs/policy-engine-tests.md"],
        "rate_limiting": ["docs/rate-limiting.md", None],
        "output_filtering": ["docs/output-filtering.md", None],
        "violation_metrics": ["docs/monitoring.md", None],
        "unusual_behavior_alerts": ["docs/monitoring.md", None],
        "governance_dashboard": ["https://grafana.northwind.example/d/ai-agents"],
        "gdpr_documented": [gdpr_page],
        "sector_requirements_reviewed": [sector_page, WIKI + "/compliance/sector-reviews"],
        "incident_response_plan": ["docs/incident-response.md"],
    }
    missing = ["docs/runbooks/%s.md" % agent_id, "docs/incident-reponse.md",
               "docs/failure-modes/%s.md" % domain[0], "docs/evidence/%s-tests.pdf" % agent_id]
    items = {}
    for item in ATTESTED:
        if chance(rng, 0.01):
            continue  # no entry: the item stays open
        entry = {}
        na_odds = 0.0
        if item == "gdpr_documented":
            na_odds = 0.7 if gdpr_page is None else 0.05
        elif item == "sector_requirements_reviewed":
            na_odds = 0.6 if sector_page is None else 0.05
        elif item == "rate_limiting" and risk["level"] == "low":
            na_odds = 0.1
        roll = rng.random()
        if roll < na_odds:
            entry["done"] = "n/a"
            entry["note"] = rng.choice(["no personal data is processed", "not applicable to this use",
                                        "general-purpose internal tool", "read-only access"])
            items[item] = entry
            continue
        entry["done"] = not (roll < na_odds + 0.04)
        path = rng.choice(evidence[item])
        if path and entry["done"] is not False and chance(rng, 0.9):
            entry["evidence"] = rng.choice(missing) if chance(rng, 0.012) else path
        if entry["done"] is False:
            entry["note"] = rng.choice(["planned for 2026.12", "in review with the owning team",
                                        "waiting for the platform release", "ticket GOV-%d" % rng.randint(100, 999)])
        elif chance(rng, 0.1):
            entry["note"] = rng.choice(["reviewed at the last release", "see the team's runbook",
                                        "covered by the platform default"])
        items[item] = entry
    return items


def make_agent(rng, agent_id, domain, function, index, json_style):
    level = rng.choices(LEVELS, LEVEL_WEIGHTS)[0]
    unit, function_title = domain[1], function.replace("-", " ")
    name = "%s %s Agent %d" % (unit, function_title.title().replace("Po ", "PO ").replace("Sql", "SQL")
                               .replace("Nda", "NDA").replace("Vuln", "Vulnerability"), index)
    purpose = "supports the %s team with %s for %s" % (
        unit, function_title, rng.choice(["retail customers", "brokers", "internal staff",
                                          "business customers", "the back office"]))
    risk = risk_profile(rng, level, domain)
    doc = {"name": name, "version": "%d.%d.%d" % (rng.randint(0, 4), rng.randint(0, 12), rng.randint(0, 9))}
    if not chance(rng, 0.03):
        doc["owner"] = "%s-%s@%s" % (domain[0], rng.choice(TEAMS), MAIL)
    doc["description"] = prose.description(rng, name, purpose, WIKI + "/" + domain[0])
    tools = allowed_tools(rng, risk, domain)
    if not chance(rng, 0.03):
        doc["allowed_tools"] = tools
    doc["risk"] = risk
    if not chance(rng, NO_COMPLIANCE):
        doc["compliance"] = compliance_record(rng, name, purpose, json_style)
    items = checklist(rng, agent_id, risk, domain)
    if items is not None:
        doc["checklist"] = items
    if chance(rng, 0.3):
        doc["x-cost-center"] = "CC-%04d" % rng.randint(1000, 9999)
    return doc, tools


# ---------------------------------------------------------------- audit

def split(rng, total, weights):
    """Split total into len(weights) non-negative integers in proportion."""
    s = float(sum(weights))
    parts = [int(total * w / s) for w in weights]
    parts[0] += total - sum(parts)
    return parts


def audit_summary(rng, agent_id, doc, tools):
    risk = doc["risk"]
    events = int(10 ** rng.uniform(3.0, 5.7))
    actions = list(tools)
    capability_of = {a: flag for flag, acts in CAPABILITY_ACTIONS.items() for a in acts}
    # Undeclared capability: the audit shows an action of a flag declared false.
    false_flags = [f for f in CAPABILITY_ACTIONS if not risk[f]]
    if false_flags and chance(rng, 0.04):
        flag = rng.choice(false_flags)
        extra = rng.choice([a for a in CAPABILITY_ACTIONS[flag] if a not in actions])
        actions.append(extra)
    events = max(events, 10 * len(actions))
    weights = [rng.uniform(5, 20) if capability_of.get(a) is None else rng.uniform(0.3, 3)
               for a in actions]
    totals = split(rng, events - len(actions), weights)
    totals = [t + 1 for t in totals]

    violating = chance(rng, 0.06)
    ratio = rng.uniform(0.012, 0.04) if violating else rng.uniform(0.0, 0.006)
    blocked = int(events * ratio)
    critical = chance(rng, 0.04)
    if critical:
        blocked = max(blocked, 5)
    # Per-action blocked counts, each at most the action's total.
    per_blocked = [0] * len(actions)
    remaining = blocked
    order = sorted(range(len(actions)), key=lambda i: -totals[i])
    for i in order:
        want = remaining if i == order[-1] else int(blocked * rng.uniform(0.2, 0.7))
        share = min(totals[i], remaining, want)
        per_blocked[i] = share
        remaining -= share
    for i in order:  # whatever is left goes where there is room
        room = totals[i] - per_blocked[i]
        take = min(room, remaining)
        per_blocked[i] += take
        remaining -= take
    assert remaining == 0

    action_map = {}
    over_limit = chance(rng, 0.05)
    for action, total, b in zip(actions, totals, per_blocked):
        entry = {"total": total, "blocked": b}
        if capability_of.get(action) == "can_make_financial_transactions":
            limit = risk["max_transaction_amount"] or 500.0
            factor = rng.uniform(1.05, 2.5) if over_limit else rng.uniform(0.3, 1.0)
            entry["max_amount"] = round(limit * factor, 2)
        action_map[action] = entry

    tool_map = {a: t for a, t in zip(actions, totals)}
    if chance(rng, 0.05):
        stray = rng.choice([t for t in STRAY_TOOLS if t not in tool_map])
        tool_map[stray] = rng.randint(1, 200)

    policies = {}
    if blocked:
        candidates = ["data-scope", "tone", "prompt-injection", "rate-limit", "pii-masking"]
        for flag, policy in POLICY_OF_FLAG.items():
            if risk[flag]:
                candidates.append(policy)
        names = rng.sample(candidates, rng.randint(1, 3))
        counts = split(rng, blocked - (min(blocked, rng.randint(1, 5)) if critical else 0),
                       [rng.uniform(1, 5) for _ in names])
        for policy, count in zip(names, counts):
            if count:
                policies[policy] = {"count": count,
                                    "severity": rng.choice(["low", "medium", "medium", "high"])}
        if critical:
            policies[rng.choice(CRITICAL_POLICIES)] = {"count": blocked - sum(counts),
                                                    "severity": "critical"}

    summary = {
        "agent": agent_id,
        "period_start": rng.choice(PERIOD_STARTS),
        "period_end": PERIOD_END,
        "events": events,
        "allowed": events - blocked,
        "blocked": blocked,
        "actions": action_map,
        "tools": tool_map,
    }
    if policies:
        summary["policy_violations"] = policies
    if risk["requires_human_approval"] and not chance(rng, 0.03):
        capability_events = sum(t for a, t in zip(actions, totals) if a in capability_of)
        if capability_events:
            requests = max(1, int(capability_events * rng.uniform(0.05, 0.6)))
        else:  # approvals on request only
            requests = max(1, int(events * rng.uniform(0.001, 0.01)))
        timeout_ratio = rng.uniform(0.06, 0.2) if chance(rng, 0.08) else rng.uniform(0.0, 0.04)
        timeout = int(requests * timeout_ratio) if timeout_ratio < 0.05 else max(1, int(requests * timeout_ratio))
        rejected = int(requests * rng.uniform(0.01, 0.08))
        summary["approvals"] = {"approved": requests - rejected - timeout,
                                "rejected": rejected, "timeout": timeout}
    else:
        summary["approvals"] = {"approved": 0, "rejected": 0, "timeout": 0}
    summary["input_tokens"] = int(events * rng.uniform(400, 2500))
    summary["output_tokens"] = int(events * rng.uniform(60, 400))
    p50 = round(rng.uniform(150, 1500), 0)
    p95 = round(p50 * rng.uniform(2, 6), 0)
    summary["duration_ms"] = {"p50": p50, "p95": p95, "max": round(p95 * rng.uniform(2, 15), 0)}
    summary["malformed_lines"] = rng.randint(1, 40) if chance(rng, 0.05) else 0
    return summary


def audit_json(summary):
    """Top level one key per line, nested maps of scalars on one line."""
    lines = []
    for key, value in summary.items():
        if isinstance(value, dict) and value and all(isinstance(v, dict) for v in value.values()):
            inner = ",\n".join("    %s: %s" % (json.dumps(k), json.dumps(v)) for k, v in value.items())
            lines.append("  %s: {\n%s\n  }" % (json.dumps(key), inner))
        else:
            lines.append("  %s: %s" % (json.dumps(key), json.dumps(value)))
    return "{\n" + ",\n".join(lines) + "\n}\n"


# ---------------------------------------------------------------- repository

def generator_hash():
    here = os.path.dirname(os.path.abspath(__file__))
    h = hashlib.sha256()
    for name in ("generate.py", "prose.py"):
        with open(os.path.join(here, name), "rb") as f:
            h.update(f.read())
    return h.hexdigest()


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def generate(root, n, seed):
    rng = random.Random(seed)
    write(os.path.join(root, "dossier.yaml"), yaml_document({
        "organization": ORGANIZATION,
        "title": "AI Agent Governance",
        "release": "2026.11",
        "as_of": AS_OF,
        "thresholds": {"retention_min_days": 180, "assessment_max_age_days": 365,
                       "approval_timeout_max_ratio": 0.05, "violation_max_ratio": 0.01},
    }, comment="Governance repository of %s's AI agents (synthetic portfolio: %d agents, seed %d)."
               % (ORGANIZATION, n, seed)))

    doc_links = [(title, path) for path, title in DOCS.items()]
    for path, title in DOCS.items():
        here = os.path.dirname(path)
        links = [(t, os.path.relpath(p, here)) for t, p in doc_links if p != path]
        write(os.path.join(root, path), prose.page(rng, title, links, WIKI + "/handbook"))

    stats = {"audited": 0, "levels": dict.fromkeys(LEVELS, 0)}
    for agent_id, domain, function, index in make_ids(rng, n):
        roll = rng.random()
        ext = ".json" if roll < 0.04 else ".yml" if roll < 0.08 else ".yaml"
        doc, tools = make_agent(rng, agent_id, domain, function, index, ext == ".json")
        stats["levels"][doc["risk"]["level"]] += 1
        path = os.path.join(root, "agents", agent_id + ext)
        if ext == ".json":
            write(path, json.dumps(doc, indent=2, ensure_ascii=False) + "\n")
        else:
            write(path, yaml_document(doc))
        if chance(rng, 0.8):
            stats["audited"] += 1
            write(os.path.join(root, "audit", agent_id + ".json"),
                  audit_json(audit_summary(rng, agent_id, doc, tools)))
    return stats


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir")
    parser.add_argument("--agents", type=int, required=True, metavar="N")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    if args.agents < 1:
        parser.error("--agents must be at least 1")

    out = os.path.abspath(args.outdir)
    if os.path.isdir(out) and os.listdir(out) and not os.path.isfile(os.path.join(out, STAMP)):
        sys.exit("generate.py: %s is not empty and was not made by this generator; "
                 "not replacing it" % args.outdir)
    started = time.monotonic()
    tmp = "%s.tmp-%d" % (out, os.getpid())
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        stats = generate(tmp, args.agents, args.seed)
        write(os.path.join(tmp, STAMP), "%s agents=%d seed=%d\n" % (generator_hash(), args.agents, args.seed))
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if os.path.exists(out):
        shutil.rmtree(out)
    os.rename(tmp, out)
    levels = ", ".join("%d %s" % (stats["levels"][lv], lv) for lv in LEVELS)
    print("%s: %d agents (%s), %d audit summaries, %d docs pages in %.1fs" % (
        args.outdir, args.agents, levels, stats["audited"], len(DOCS), time.monotonic() - started))


if __name__ == "__main__":
    main()
