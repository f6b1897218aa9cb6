#!/usr/bin/env python3
"""Writes Tests/injection/corpus/, the hostile governance repository.

    python3 Tests/injection/make_corpus.py

The corpus is committed; this script only documents how it was made and
regenerates it after a change. Every string value is written as a JSON
string, which is also a valid YAML 1.2 double-quoted scalar, so control
characters and Unicode escapes survive exactly.
"""

import json
import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent / "corpus"

# Markup, attribute breakouts, CSS, templates, XML, Unicode tricks.
HTML = [
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    "<svg onload=alert(1)>",
    "<iframe srcdoc=\"<script>alert(1)</script>\"></iframe>",
    "\"><script>alert(2)</script>",
    "' onmouseover='alert(3)",
    "</style><script>alert(4)</script>",
    "x{background:expression(alert(5))}",
    "<meta http-equiv=refresh content=\"0;url=javascript:alert(6)\">",
    "<base href=\"javascript:alert(7)//\">",
    "<form action=javascript:alert(8)><button>go</button></form>",
    "<object data=\"javascript:alert(9)\"></object><embed src=\"javascript:alert(10)\">",
    "<a href=\"javascript:alert(11)\">a</a>",
    "<style>*{background:url(\"javascript:alert(12)\")}</style>",
    "{{organization}} {{{title}}} {{#agents}}LOOP{{/agents}} {{> partial}}",
    "]]><injected/><![CDATA[",
    "\u202eevil\u202c\u200b\u200d\u2066\ufeffname",
    "ctl\t\x01\x07\x08\x1b\x7f\x85end",
]
# URL payloads: script schemes in every casing, with entities, whitespace and
# control characters, percent-encoding, and data:text/html.
URLS = [
    "javascript:alert(101)",
    "JaVaScRiPt:alert(102)",
    "JAVASCRIPT:alert(103)",
    "jav&#x61;script:alert(104)",
    "&#106;avascript:alert(105)",
    "java\tscript:alert(106)",
    "java\nscript:alert(107)",
    " \x01javascript:alert(108)",
    "javascript&colon;alert(109)",
    "vbscript:msgbox(110)",
    "VBScript:msgbox(111)",
    "data:text/html,<script>alert(112)</script>",
    "DATA:text/html;base64,PHNjcmlwdD5hbGVydCgxMTMpPC9zY3JpcHQ+",
    "jav%61script:alert(114)",
    "https://ok.example/\"><script>alert(115)</script>",
    "https://ok.example/' onmouseover='alert(116)",
]
ALL = " ".join(HTML + URLS)


def tagged(label, parts=None):
    """A field value: its label, then every payload."""
    return "FLD" + re.sub("[^A-Za-z0-9]", "", label) + " " + " ".join(parts if parts is not None else HTML + URLS)


def markdown(marker):
    return "\n\n".join([
    "# Heading " + marker + " " + HTML[0] + " " + HTML[16],
    "Raw block HTML follows.",
    "<div onclick=\"alert(201)\"><script>alert(202)</script></div>",
    "<iframe srcdoc=\"<script>alert(203)</script>\"></iframe>",
    "<style>body{background:red}</style>",
    "Inline " + HTML[1] + " " + HTML[2] + " " + HTML[4] + " " + HTML[5],
    "Links: " + " ".join(f"[l{i}]({u.replace(chr(10), ' ')})" for i, u in enumerate(URLS[:6] + URLS[8:14])),
    "Angle links: [a1](<javascript:alert(204)>) [a2](<java\tscript:alert(205)>) [a3](<data:text/html,x>)",
    "Titles: [t](https://ok.example \"\\\"><script>alert(206)</script>\")",
    "Reference [r1][1], [r2][2], [r3][3], [r4][4], [r5][5] and [collapsed][].",
    "[1]: javascript:alert(207)\n[2]: JAVASCRIPT:alert(208) \"t\"\n[3]: vbscript:msgbox(209)\n"
    "[4]: data:text/html,<script>alert(210)</script>\n[5]: jav&#x61;script:alert(211)\n"
    "[collapsed]: <javascript:alert(212)>",
    "Autolinks: <javascript:alert(213)> <JavaScript:alert(214)> <vbscript:msgbox(215)> "
    "<data:text/html,alert(216)> <mailto:x@example.com?body=%3Cscript%3E>",
    "Images: ![i1](javascript:alert(217)) ![i2](data:text/html,alert(218)) "
    "![i3](vbscript:msgbox(219)) ![i4](https://tracker.example/p.png) ![i5][1] "
    "![i6](x\" onerror=\"alert(220))",
    "Mustache {{organization}} {{{title}}} {{#agents}}LOOP{{/agents}}",
    "CDATA ]]> and bidi \u202eevil\u202c zero\u200bwidth",
    "```html\n<script>alert(221)</script>\n```",
    "    <script>alert(222)</script>",
    "> <img src=x onerror=alert(223)>",
    "Paragraph " + marker + " end.",
])


def scalar(v):
    return json.dumps(v, ensure_ascii=True)


def yaml_value(v, indent=0):
    pad = "  " * indent
    if isinstance(v, dict):
        if not v:
            return " {}"
        out = ""
        for k, x in v.items():
            out += "\n" + pad + scalar(k) if not k.isidentifier() else "\n" + pad + k
            out += ":" + yaml_value(x, indent + 1)
        return out
    if isinstance(v, list):
        if not v:
            return " []"
        return "".join("\n" + pad + "-" + yaml_value(x, indent + 1) for x in v)
    if isinstance(v, bool):
        return " true" if v else " false"
    if isinstance(v, (int, float)):
        return " " + json.dumps(v)
    if v.startswith("RAW:"):
        return " " + v[4:]
    return " " + scalar(v)


def write_yaml(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(data, list):
        # list of maps: first key on the dash line
        text = ""
        for item in data:
            body = yaml_value(item, 1)
            text += "- " + body.lstrip("\n").lstrip() + "\n"
    else:
        text = yaml_value(data, 0).lstrip("\n") + "\n"
    path.write_text("# Hostile input: every field carries injection payloads.\n" + text, encoding="utf-8")


def write_json(path, data):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2, ensure_ascii=True) + "\n", encoding="utf-8")


# Payload names for audited actions, tools and policies.
ACTIONS = [tagged("act" + str(i), [p]) for i, p in enumerate(HTML[:8] + URLS[:4] + [URLS[11]])]
TOOLS = [tagged("tool" + str(i), [p]) for i, p in enumerate(HTML + URLS)]
POLICIES = [tagged("pol" + str(i), [p]) for i, p in enumerate(HTML + URLS)]

CHECKLIST_IDS = ["failure_modes_documented", "stakeholders_identified", "data_access_documented",
                 "policy_engine_tested", "rate_limiting", "output_filtering", "violation_metrics",
                 "unusual_behavior_alerts", "governance_dashboard", "gdpr_documented",
                 "sector_requirements_reviewed", "incident_response_plan"]
EVIDENCE = URLS[:12] + [
    "https://ok.example/\"><script>alert(301)</script>",
    "docs/javascript:alert(302).md",
    "docs/<img src=x onerror=alert(303)>.md",
    "docs/evil.md?x=\"><svg onload=alert(304)>",
    "../../../etc/passwd\"><script>alert(305)</script>",
    "docs/evil.md",
]


def agent(name_label, owner, evidence_offset, with_checklist_notes=True):
    checklist = {}
    for i, item in enumerate(CHECKLIST_IDS):
        ev = EVIDENCE[(i + evidence_offset) % len(EVIDENCE)]
        entry = {"done": [True, False, "n/a"][i % 3], "evidence": ev}
        if with_checklist_notes:
            entry["note"] = tagged("note-" + item, [HTML[i % len(HTML)], URLS[i % len(URLS)], HTML[(i + 5) % len(HTML)]])
        checklist[item] = entry
    return {
        "name": tagged(name_label),
        "version": tagged("v1"),
        "owner": owner,
        "description": markdown("FLDdescription" + re.sub("[^A-Za-z0-9]", "", name_label)),
        "allowed_tools": TOOLS[: len(TOOLS) // 2],
        "risk": {
            "level": "high",
            "can_write_data": False,
            "can_send_external_messages": False,
            "can_execute_code": False,
            "can_make_financial_transactions": False,
            "max_transaction_amount": 1.0,
            "requires_human_approval": True,
            "approval_threshold": tagged("threshold"),
        },
        "compliance": {
            "risk_assessment_completed": True,
            "risk_assessment_date": "RAW:2026-01-15",
            "residual_risks_documented": True,
            "training_data_documented": True,
            "data_quality_measures": False,
            "bias_testing_completed": False,
            "system_description": tagged("system"),
            "intended_purpose": tagged("purpose"),
            "performance_metrics": {tagged("pm" + str(i), [p]): 0.5 for i, p in enumerate(HTML + URLS)},
            "audit_logs_enabled": True,
            "log_retention_days": 30,
            "users_informed_of_ai": True,
            "ai_disclosure_text": tagged("disclosure"),
            "human_oversight_measures": [tagged("oversight" + str(i), [p]) for i, p in enumerate(HTML + URLS)],
            "override_capability": True,
            "accuracy_metrics": {tagged("am" + str(i), [p]): 0.9 for i, p in enumerate(HTML + URLS)},
            "adversarial_testing": False,
        },
        "checklist": checklist,
        "attestations": {
            "art-%d" % n: {
                "by": tagged("attested-by-%d" % n, [HTML[n % len(HTML)]]),
                "date": "RAW:2026-10-0%d" % (n - 8),
                "evidence": [EVIDENCE[(n + evidence_offset) % len(EVIDENCE)], EVIDENCE[(n + evidence_offset + 3) % len(EVIDENCE)]],
                "note": tagged("attestation-note-%d" % n, [HTML[(n + 2) % len(HTML)], URLS[n % len(URLS)]]),
            }
            for n in range(9, 16)
        },
        "x-hostile": tagged("x-agent"),
        "x-nested": {"deep": [tagged("x-deep")]},
    }


def summary(agent_id):
    actions, total, blocked = {}, 0, 0
    for i, a in enumerate(ACTIONS):
        t, b = 10 + i, i % 3
        actions[a] = {"total": t, "blocked": b, "max_amount": 5000.0 + i}
        total += t
        blocked += b
    return {
        "agent": agent_id,
        "period_start": "2026-05-01T00:00:00Z",
        "period_end": "2026-10-31T23:59:59Z",
        "events": total,
        "allowed": total - blocked,
        "blocked": blocked,
        "actions": actions,
        "tools": {t: 3 + i for i, t in enumerate(TOOLS)},
        "policy_violations": {p: {"count": 1 + i % 4, "severity": ["low", "medium", "high", "critical"][i % 4]}
                              for i, p in enumerate(POLICIES)},
        "approvals": {"approved": 1, "rejected": 1, "timeout": 5},
        "input_tokens": 1000,
        "output_tokens": 100,
        "duration_ms": {"p50": 10.0, "p95": 20.0, "max": 30.0},
        "malformed_lines": 2,
        "x-hostile": tagged("x-summary"),
    }


def raw_lines(agent_id):
    lines = []
    for i, (a, t, p) in enumerate(zip(ACTIONS * 3, TOOLS, POLICIES)):
        lines.append(json.dumps({
            "event_id": tagged("eventid" + str(i), [HTML[i % len(HTML)]]),
            "timestamp": 1780000000.5 + i,
            "agent_name": agent_id,
            "agent_version": tagged("av", [URLS[i % len(URLS)]]),
            "session_id": tagged("s", [HTML[i % len(HTML)]]),
            "user_id": tagged("u", [URLS[i % len(URLS)]]),
            "action": a,
            "tool_name": t,
            "tool_args": {"amount": 9999.0 + i, "q": ALL},
            "tool_result": tagged("toolresult"),
            "policy_checks": [{"policy": p, "result": "blocked", "severity": ["low", "medium", "high", "critical"][i % 4]},
                              {"policy": tagged("passed-pol", [HTML[0]]), "result": "passed"}],
            "allowed": i % 2 == 0,
            "duration_ms": 12.5 + i,
            "model": tagged("model", [HTML[1]]),
            "input_tokens": 10, "output_tokens": 2,
            "metadata": {"approval_status": ["approved", "rejected", "timeout"][i % 3], "x": ALL},
        }, ensure_ascii=(i % 2 == 0)))
    # Malformed lines: HTML where JSON is expected, a wrong type.
    lines.append("<script>alert(401)</script>")
    lines.append(json.dumps({"agent_name": agent_id, "timestamp": "now", "action": HTML[0], "allowed": True}))
    return "\n".join(lines) + "\n"


def main():
    if ROOT.exists():
        shutil.rmtree(ROOT)
    ROOT.mkdir(parents=True)
    write_yaml(ROOT / "dossier.yaml", {
        "organization": tagged("Org"),
        "title": tagged("Title"),
        "release": tagged("R"),
        "as_of": "RAW:2026-11-24",
        "capabilities": {
            "can_send_external_messages": ACTIONS[0:4],
            "can_make_financial_transactions": ACTIONS[4:9],
            "can_execute_code": ACTIONS[9:11],
            "can_write_data": ACTIONS[11:],
        },
        "source_url": "https://git.example/o/r/blob/{commit}/{path}?q=\"><script>alert(601)</script>#L{line}",
        "sign_off": [
            {"by": tagged("signoff-by", [HTML[0]]), "role": tagged("signoff-role", [HTML[1]]), "date": "RAW:2026-11-20",
             "statement": tagged("signoff-statement", [HTML[2], URLS[0]])},
        ],
        # Obligations (OBLIGATIONS.md): the organization's attestations carry payloads, and Annex III applies
        # early so that the incident findings show hostile ids and summaries too.
        "role": "provider",
        "applicability": {"annex-iii": "RAW:2026-01-01"},
        "attestations": {
            "art-4": {"by": tagged("org-attested-by-4", [HTML[3]]), "date": "RAW:2026-10-01",
                      "evidence": [EVIDENCE[0], EVIDENCE[5]], "note": tagged("org-attestation-note-4", [HTML[4], URLS[1]])},
            "art-5": {"by": tagged("org-attested-by-5", [HTML[6]]), "date": "RAW:2026-10-01",
                      "evidence": [EVIDENCE[2]], "note": tagged("org-attestation-note-5", [HTML[7], URLS[2]])},
        },
        "x-hostile": tagged("x-dossier"),
    })
    # Two YAML agents (one with an audit summary, one with raw events), one
    # JSON agent, and one minimal agent with a hostile owner and no audit.
    classified = agent("name-summary", "FLDowner1\"><script>alert(501)</script>@evil.example", 0)
    classified["classification"] = {"role": "provider-and-deployer", "annex_iii": ["employment", "credit-scoring"],
                                    "interacts_with_people": True, "deep_fake": True}
    classified["attestations"]["art-27"] = {"by": tagged("attested-by-27", [HTML[8]]), "date": "RAW:2026-10-05",
                                            "evidence": [EVIDENCE[1]], "note": tagged("attestation-note-27", [HTML[9], URLS[3]])}
    write_yaml(ROOT / "agents" / "evil-summary.yaml", classified)
    write_yaml(ROOT / "agents" / "evil-raw.yaml",
               agent("name-raw", "javascript:alert(502)//FLDowner2@evil.example", 6))
    def unraw(v):
        # JSON has no plain scalars: a RAW: value (a date) is a JSON string, at any depth.
        if isinstance(v, str) and v.startswith("RAW:"):
            return v[4:]
        if isinstance(v, dict):
            return {k: unraw(x) for k, x in v.items()}
        if isinstance(v, list):
            return [unraw(x) for x in v]
        return v
    write_json(ROOT / "agents" / "evil-json.json",
               unraw(agent("name-json", "JaVaScRiPt:alert(503)FLDowner3@evil.example?x=<svg onload=alert(1)>", 12))
               | {"compliance": {k: (v[4:] if isinstance(v, str) and v.startswith("RAW:") else v)
                                 for k, v in agent("c", "", 0)["compliance"].items()}})
    write_yaml(ROOT / "agents" / "evil-owner.yaml", {
        "name": "\u202e\u200bFLDnamebidi\u200d {{organization}} \"><svg onload=alert(504)>",
        "owner": "' onmouseover='alert(505)' FLDowner4 x=\"@evil.example",
        "description": "FLDdescriptionshort [x](javascript:alert(506)) <javascript:alert(506)>",
        "risk": {"level": "critical", "approval_threshold": "FLDthresholdshort <img src=x onerror=alert(507)>"},
    })
    write_yaml(ROOT / "agents" / "evil-mailto.yaml", {
        "name": "FLDnamemailto mailto owner",
        "owner": "FLDowner5x@evil.example?subject=\"><script>alert(508)</script>&body=javascript:alert(509)",
        "risk": {"level": "low"},
    })
    # Owners that are syntactically e-mail addresses (RFC 5322 atext allows
    # ' = { } ` / ? & #), so the site may make mailto: links from them.
    for n, owner in enumerate([
            "FLDowner6'onmouseover='alert`6`'@evil.example",
            "FLDowner7\"><script>alert(7)</script>@evil.example",
            "FLDowner8{{organization}}+&#106;avascript=x/y?z#w@evil.example",
            "FLDowner9@evil.example?body=javascript:alert(9)",
            "\"FLDowner10 <img src=x onerror=alert(10)>\"@evil.example",
            "FLDowner11.javascript+alert_1-x@evil.example"], 6):
        write_yaml(ROOT / "agents" / f"evil-mail-{n}.yaml", {
            "name": f"FLDnamemail{n} \u202e{{{{title}}}}", "owner": owner, "risk": {"level": "low"}})
    write_json(ROOT / "audit" / "evil-summary.json", summary("evil-summary"))
    write_json(ROOT / "audit" / "evil-json.json", summary("evil-json"))
    (ROOT / "audit").mkdir(exist_ok=True)
    (ROOT / "audit" / "raw.jsonl").write_text(raw_lines("evil-raw"), encoding="utf-8")
    (ROOT / "audit" / "nested").mkdir(exist_ok=True)
    (ROOT / "audit" / "nested" / "more.jsonl").write_text(raw_lines("evil-raw"), encoding="utf-8")
    write_yaml(ROOT / "waivers.yaml", [
        {"agent": "evil-summary", "rule": "data_governance", "justification": tagged("justification"),
         "approved_by": "FLDapprovedby1 \"><script>alert(601)</script> javascript:alert(602)",
         "approved_on": "RAW:2026-06-01", "expires": "RAW:2027-05-31"},
        {"agent": "evil-raw", "rule": "owner-missing", "justification": tagged("unused"),
         "approved_by": tagged("by"), "approved_on": "RAW:2026-06-01", "expires": "RAW:2027-05-31",
         "source": "owner"},
        {"agent": "evil-json", "rule": "data-quality-undocumented", "justification": tagged("expired"),
         "approved_by": "FLDapprovedby3 <svg onload=alert(603)>", "approved_on": "RAW:2025-01-01", "expires": "RAW:2025-12-31"},
    ])
    # Serious incidents with hostile ids and summaries, one of each status.
    write_yaml(ROOT / "incidents.yaml", [
        {"id": "FLDincident1 \"><script>alert(801)</script> javascript:alert(802)", "agent": "evil-summary",
         "aware_on": "RAW:2026-11-01", "kind": "serious", "summary": tagged("incident-summary-1")},
        {"id": "FLDincident2 <img src=x onerror=alert(803)> {{organization}}", "agent": "evil-summary",
         "aware_on": "RAW:2026-11-02", "kind": "death", "reported_on": "RAW:2026-11-20", "summary": tagged("incident-summary-2")},
        {"id": "FLDincident3 \u202eevil\u202c ]]> \u001b[31m", "agent": "evil-summary",
         "aware_on": "RAW:2026-11-23", "kind": "widespread", "summary": tagged("incident-summary-3")},
        {"id": "FLDincident4 vbscript:msgbox(804)", "agent": "evil-summary",
         "aware_on": "RAW:2026-11-10", "kind": "serious", "reported_on": "RAW:2026-11-12", "summary": tagged("incident-summary-4")},
    ])
    docs = ROOT / "docs"
    docs.mkdir(exist_ok=True)
    (docs / "evil.md").write_text(markdown("FLDdocevil") + "\n\n[agent](../agents/evil-raw.yaml) [other](javascript:alert(1).md) "
                                  "[img-named](<img src=x onerror=alert(303)>.md)\n", encoding="utf-8")
    (docs / "javascript:alert(302).md").write_text("# javascript:alert(302) page FLDdocjs\n\n" + markdown("FLDdocjsbody") + "\n", encoding="utf-8")
    (docs / "<img src=x onerror=alert(303)>.md").write_text("# FLDdocimg \"><img src=x onerror=alert(303)>\n\nbody\n", encoding="utf-8")
    (docs / "sub").mkdir(exist_ok=True)
    (docs / "sub" / "nested.md").write_text("<script>alert(701)</script>\n\n# Nested FLDdocnestedtitle {{title}}\n\n"
                                            "[up](../evil.md) [js](../javascript:alert(302).md)\n\n" + markdown("FLDdocnested") + "\n",
                                            encoding="utf-8")


if __name__ == "__main__":
    main()
