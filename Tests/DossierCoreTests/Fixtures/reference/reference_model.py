#!/usr/bin/env python3
"""Reference model of the EU AI Act compliance record, and a fixture generator.

Dossier's seven article checks (spec/SCORING.md section 1) follow the reference
model "exactly, so that a score computed here equals the one its
`generate_compliance_report` prints for the same record". This file is a
reconstruction of that model -- the `EUAIActCompliance` dataclass with the
seventeen keys of the example `compliance:` block in spec/INPUT.md, and
`generate_compliance_report`, written the way the reference article does it:
plain Python truthiness and a hard-coded `>= 180` retention minimum -- plus a
generator of governance repositories whose agent files hold records written by
`dataclasses.asdict(EUAIActCompliance(...))` as JSON.

The generated repository is committed next to this file in `repo/`, so the Swift
tests (Tests/DossierCoreTests/ReferenceModelTests.swift) do not need Python.

Regenerate it after changing this file (from the package root):

    python3 Tests/DossierCoreTests/Fixtures/reference/reference_model.py \
        generate Tests/DossierCoreTests/Fixtures/reference/repo

The output is deterministic (fixed seed `random.Random(2026)`, no clock, no
environment); `ReferenceModelTests` re-runs the generator when `python3` is
available and fails if the committed `repo/` is out of date.

Other commands:

    python3 reference_model.py report FILE.json   # print the report of one agent file

What is generated (OUTDIR = the repository):

  OUTDIR/dossier.yaml         organization: Reference, release "ref", as_of 2026-11-24,
                              no thresholds (so retention_min_days is the default 180)
  OUTDIR/agents/agent-NNN.json
                              {"name": ..., "risk": {"level": "low"},
                               "compliance": dataclasses.asdict(record)}
                              (a few have no "compliance" key, or "compliance": null)
  OUTDIR/expected.json        agent id -> {"compliance_score", "fully_compliant",
                              "article_gaps", "checks"} from generate_compliance_report

Where the spec deliberately differs from the reference
-----------------------------------------------------
SCORING.md section 1 lists two deliberate differences:

  * `record_keeping` uses `thresholds.retention_min_days`. The generated
    dossier.yaml leaves it at its default, 180, which is the reference's
    constant, so this difference never shows here.
  * A whitespace-only string (only Unicode White_Space characters, e.g. " ",
    "\\t\\n", NBSP, U+3000) is empty in the spec, while Python treats it as
    true. The random records never contain such a string in a checked field.
    A small, separate group of records (see `whitespace_records`) does put one
    in `system_description` / `intended_purpose`; for those the expected values
    follow the SPEC (the check fails), and expected.json marks them with
    `"spec_differs": true` and keeps the reference's own answer under
    `"reference"`. Strings made of other invisible characters that are NOT
    White_Space (U+200B, U+FEFF, U+180E, control characters) are non-empty
    for both, and appear in the ordinary records.

JSON as Python writes it: `json.dumps(..., indent=2)` with the default
`ensure_ascii=True`, so every non-ASCII character is a `\\uXXXX` escape, and a
character outside the Basic Multilingual Plane (the emoji in `TEXTS`) is a
surrogate pair, `\\ud83e\\udd16`: valid JSON (RFC 8259 section 7) that the
reference writes whenever such a character occurs, so Dossier must read it.

Values the reference accepts but the spec rejects as invalid input (negative or
out-of-range `log_retention_days`, NaN/inf metrics, which `json.dumps` would
not even write as JSON) are not generated: every record here is valid input.
"""

from __future__ import annotations

import dataclasses
import json
import os
import random
import shutil
import sys
from dataclasses import dataclass
from typing import Dict, List, Optional


# ---------------------------------------------------------------------------
# The reference model
# ---------------------------------------------------------------------------


@dataclass
class EUAIActCompliance:
    """EU AI Act compliance record of one agent (Articles 9-15)."""

    # Article 9: risk management system
    risk_assessment_completed: bool = False
    risk_assessment_date: Optional[str] = None
    residual_risks_documented: bool = False

    # Article 10: data and data governance
    training_data_documented: bool = False
    data_quality_measures: bool = False
    bias_testing_completed: bool = False

    # Article 11: technical documentation
    system_description: str = ""
    intended_purpose: str = ""
    performance_metrics: Optional[Dict[str, float]] = None

    # Article 12: record-keeping
    audit_logs_enabled: bool = False
    log_retention_days: int = 0

    # Article 13: transparency
    users_informed_of_ai: bool = False
    ai_disclosure_text: str = ""

    # Article 14: human oversight
    human_oversight_measures: Optional[List[str]] = None
    override_capability: bool = False

    # Article 15: accuracy, robustness and cybersecurity
    accuracy_metrics: Optional[Dict[str, float]] = None
    adversarial_testing: bool = False


def generate_compliance_report(compliance: EUAIActCompliance) -> dict:
    """The reference report: seven checks, a score, and the failed checks."""
    checks = {
        "risk_management": bool(
            compliance.risk_assessment_completed
            and compliance.residual_risks_documented
        ),
        "data_governance": bool(
            compliance.training_data_documented
            and compliance.bias_testing_completed
        ),
        "documentation": bool(
            compliance.system_description and compliance.intended_purpose
        ),
        "record_keeping": bool(
            compliance.audit_logs_enabled and compliance.log_retention_days >= 180
        ),
        "transparency": bool(compliance.users_informed_of_ai),
        "human_oversight": bool(
            compliance.override_capability and compliance.human_oversight_measures
        ),
        "accuracy": bool(
            compliance.accuracy_metrics and compliance.adversarial_testing
        ),
    }
    passed = sum(1 for ok in checks.values() if ok)
    return {
        "compliance_score": f"{passed}/{len(checks)}",
        "fully_compliant": passed == len(checks),
        "gaps": [check for check, ok in checks.items() if not ok],
        "checks": checks,
    }


# ---------------------------------------------------------------------------
# The spec's one textual difference: whitespace-only strings are empty
# ---------------------------------------------------------------------------

# Unicode White_Space (PropList.txt). Python's str.isspace() is a different set
# (it includes U+001C..U+001F), so the set is spelled out.
WHITE_SPACE = frozenset(
    [chr(c) for c in range(0x09, 0x0E)]
    + ["\u0020", "\u0085", "\u00a0", "\u1680"]
    + [chr(c) for c in range(0x2000, 0x200B)]
    + ["\u2028", "\u2029", "\u202f", "\u205f", "\u3000"]
)


def spec_blank(text: str) -> bool:
    return all(ch in WHITE_SPACE for ch in text)


def spec_checks(compliance: EUAIActCompliance) -> dict:
    """SCORING.md section 1 with retention_min_days = 180 (the repository's default)."""
    report = generate_compliance_report(compliance)
    checks = dict(report["checks"])
    checks["documentation"] = (
        not spec_blank(compliance.system_description)
        and not spec_blank(compliance.intended_purpose)
    )
    return checks


def summarize(checks: dict) -> dict:
    passed = sum(1 for ok in checks.values() if ok)
    return {
        "compliance_score": f"{passed}/{len(checks)}",
        "fully_compliant": passed == len(checks),
        "article_gaps": [check for check, ok in checks.items() if not ok],
        "checks": checks,
    }


# ---------------------------------------------------------------------------
# Generator
# ---------------------------------------------------------------------------

SEED = 2026
AS_OF = "2026-11-24"

# Non-empty strings for the checked text fields. None of them is whitespace-only.
TEXTS = [
    "Portfolio assistant built on a retrieval-augmented model.",
    "Advise retail clients on portfolio changes.",
    "x",
    "0",
    "False",
    "None",
    "null",
    "  padded on both sides  ",
    "line one\nline two",
    "tab\tinside",
    "Syst\u00e8me d\u2019aide \u00e0 la d\u00e9cision",
    "\u5ba2\u670d\u52a9\u624b",  # Chinese
    "agent \U0001f916 with an emoji (a surrogate pair in JSON)",
    "\u200b",  # ZERO WIDTH SPACE: not White_Space, so non-empty
    "\ufeff",  # ZERO WIDTH NO-BREAK SPACE (BOM): not White_Space
    "\u180e",  # MONGOLIAN VOWEL SEPARATOR: not White_Space since Unicode 6.3
    "\x1f",  # UNIT SEPARATOR: str.isspace() is True, but it is not White_Space
    " \u200b ",  # White_Space around a non-White_Space character
    "\u00a0a\u3000",
]

# Free text for fields no check reads.
DISCLOSURES = [
    "",
    "You are chatting with an AI assistant.",
    "Vous parlez \u00e0 un assistant IA.",
    "AI",
]

MEASURES = [
    ["approval gate on all trades", "kill switch"],
    ["kill switch"],
    ["human review queue", "daily sampling", "rollback"],
    [""],  # a list with one (empty) entry is still a non-empty list
    [" "],
    ["r\u00e9vision humaine"],
]

METRICS = [
    {"accuracy": 0.97},
    {"precision": 0.93, "recall": 0.88},
    {"f1": 1},
    {"error_rate": 1e-05},
    {"tokens": 1e22},
    {"bias_delta": -0.02},
    {"zero": 0.0},
    {"negative_zero": -0.0},
    {"pr\u00e9cision": 0.5, "rappel": 0.25, "f1": 0.3333333333333333},
]

RETENTIONS = [0, 1, 30, 90, 179, 180, 181, 365, 730, 2555, 2**31, 2**53, 2**63 - 1]
RETENTION_BELOW = [0, 1, 30, 90, 179]
RETENTION_ABOVE = [181, 365, 730, 2555, 2**31, 2**53, 2**63 - 1]
DATES = ["", None, "2026-01-15"]


def random_metrics(rng: random.Random) -> Dict[str, float]:
    if rng.random() < 0.5:
        return dict(rng.choice(METRICS))
    names = ["accuracy", "precision", "recall", "f1", "auc", "latency_p95"]
    count = rng.randrange(1, 4)
    return {names[rng.randrange(len(names))]: round(rng.random(), 3) for _ in range(count)}


def text_or_empty(rng: random.Random, nonempty: bool) -> str:
    return rng.choice(TEXTS) if nonempty else ""


def list_variant(rng: random.Random, variant: str) -> Optional[List[str]]:
    """variant: 'none', 'empty' or 'some'."""
    if variant == "none":
        return None
    if variant == "empty":
        return []
    return list(rng.choice(MEASURES))


def map_variant(rng: random.Random, variant: str) -> Optional[Dict[str, float]]:
    if variant == "none":
        return None
    if variant == "empty":
        return {}
    return random_metrics(rng)


def retention_variant(rng: random.Random, variant: str) -> int:
    if variant == "below":
        return rng.choice(RETENTION_BELOW)
    if variant == "at":
        return 180
    return rng.choice(RETENTION_ABOVE)


# Per check, every combination of its inputs (booleans, empty/non-empty, None).
COMBOS = {
    "risk_management": [(a, b) for a in (False, True) for b in (False, True)],
    "data_governance": [(a, b) for a in (False, True) for b in (False, True)],
    "documentation": [(a, b) for a in (False, True) for b in (False, True)],
    "record_keeping": [(a, r) for a in (False, True) for r in ("below", "at", "above")],
    "transparency": [(a,) for a in (False, True)],
    "human_oversight": [(a, v) for a in (False, True) for v in ("none", "empty", "some")],
    "accuracy": [(v, a) for v in ("none", "empty", "some") for a in (False, True)],
}


def build_record(rng: random.Random, choice: Dict[str, tuple]) -> EUAIActCompliance:
    """A record with the checked inputs given by `choice` and the rest random."""
    completed, residual = choice["risk_management"]
    training, bias = choice["data_governance"]
    has_description, has_purpose = choice["documentation"]
    logs, retention = choice["record_keeping"]
    (informed,) = choice["transparency"]
    override, measures = choice["human_oversight"]
    metrics, adversarial = choice["accuracy"]
    return EUAIActCompliance(
        risk_assessment_completed=completed,
        risk_assessment_date=rng.choice(DATES),
        residual_risks_documented=residual,
        training_data_documented=training,
        data_quality_measures=rng.random() < 0.5,
        bias_testing_completed=bias,
        system_description=text_or_empty(rng, has_description),
        intended_purpose=text_or_empty(rng, has_purpose),
        performance_metrics=map_variant(rng, rng.choice(["none", "empty", "some"])),
        audit_logs_enabled=logs,
        log_retention_days=retention_variant(rng, retention),
        users_informed_of_ai=informed,
        ai_disclosure_text=rng.choice(DISCLOSURES),
        human_oversight_measures=list_variant(rng, measures),
        override_capability=override,
        accuracy_metrics=map_variant(rng, metrics),
        adversarial_testing=adversarial,
    )


def covering_records(rng: random.Random) -> List[EUAIActCompliance]:
    """Records in which every combination of every check appears at least twice,
    in changing company (each check's combination cycles at its own pace)."""
    records = []
    longest = max(len(c) for c in COMBOS.values())
    for i in range(2 * longest):
        choice = {}
        for k, (check, combos) in enumerate(COMBOS.items()):
            choice[check] = combos[(i + k * (i // len(combos))) % len(combos)]
        records.append(build_record(rng, choice))
    return records


def random_records(rng: random.Random, count: int) -> List[EUAIActCompliance]:
    records = []
    for _ in range(count):
        # Lean towards passing so that fully compliant records are not rare.
        bias = rng.choice([0.5, 0.8, 0.95])

        def flag() -> bool:
            return rng.random() < bias

        choice = {}
        for check, combos in COMBOS.items():
            choice[check] = tuple(
                flag() if isinstance(part, bool) else part for part in rng.choice(combos)
            )
        # Non-boolean parts: lean the same way.
        logs, _ = choice["record_keeping"]
        choice["record_keeping"] = (
            logs,
            rng.choice(["at", "above"]) if flag() else rng.choice(["below", "at", "above"]),
        )
        override, _ = choice["human_oversight"]
        choice["human_oversight"] = (
            override,
            "some" if flag() else rng.choice(["none", "empty", "some"]),
        )
        _, adversarial = choice["accuracy"]
        choice["accuracy"] = (
            "some" if flag() else rng.choice(["none", "empty", "some"]),
            adversarial,
        )
        records.append(build_record(rng, choice))
    return records


def special_records() -> List[EUAIActCompliance]:
    """Hand-picked edges where the spec and the reference agree."""
    all_pass = dict(
        risk_assessment_completed=True,
        risk_assessment_date="2026-01-15",
        residual_risks_documented=True,
        training_data_documented=True,
        data_quality_measures=True,
        bias_testing_completed=True,
        system_description="Portfolio assistant.",
        intended_purpose="Advise retail clients.",
        performance_metrics={"precision": 0.93, "recall": 0.88},
        audit_logs_enabled=True,
        log_retention_days=365,
        users_informed_of_ai=True,
        ai_disclosure_text="You are chatting with an AI assistant.",
        human_oversight_measures=["kill switch"],
        override_capability=True,
        accuracy_metrics={"accuracy": 0.97},
        adversarial_testing=True,
    )
    records = [
        EUAIActCompliance(),  # every default: 0/7
        EUAIActCompliance(**all_pass),  # 7/7
        # Retention exactly at, one below and one above the minimum.
        EUAIActCompliance(**{**all_pass, "log_retention_days": 180}),
        EUAIActCompliance(**{**all_pass, "log_retention_days": 179}),
        EUAIActCompliance(**{**all_pass, "log_retention_days": 181}),
        EUAIActCompliance(**{**all_pass, "log_retention_days": 2**63 - 1}),
        # Retention long enough but logging off.
        EUAIActCompliance(**{**all_pass, "audit_logs_enabled": False, "log_retention_days": 3650}),
        # Dates: "" and None both mean "no date".
        EUAIActCompliance(**{**all_pass, "risk_assessment_date": ""}),
        EUAIActCompliance(**{**all_pass, "risk_assessment_date": None}),
        # None vs empty vs one-entry collections.
        EUAIActCompliance(**{**all_pass, "human_oversight_measures": None}),
        EUAIActCompliance(**{**all_pass, "human_oversight_measures": []}),
        EUAIActCompliance(**{**all_pass, "human_oversight_measures": [""]}),
        EUAIActCompliance(**{**all_pass, "accuracy_metrics": None}),
        EUAIActCompliance(**{**all_pass, "accuracy_metrics": {}}),
        EUAIActCompliance(**{**all_pass, "accuracy_metrics": {"zero": 0.0}}),
        EUAIActCompliance(**{**all_pass, "performance_metrics": None, "accuracy_metrics": {"f1": 1}}),
        # Documentation needs both strings.
        EUAIActCompliance(**{**all_pass, "system_description": ""}),
        EUAIActCompliance(**{**all_pass, "intended_purpose": ""}),
        EUAIActCompliance(**{**all_pass, "system_description": "", "intended_purpose": ""}),
        # Invisible but not White_Space: non-empty for both.
        EUAIActCompliance(**{**all_pass, "system_description": "\u200b", "intended_purpose": "\ufeff"}),
        EUAIActCompliance(**{**all_pass, "system_description": "\x1f", "intended_purpose": "\u180e"}),
        # Only the unchecked fields set.
        EUAIActCompliance(
            risk_assessment_date="2026-01-15",
            data_quality_measures=True,
            performance_metrics={"accuracy": 0.99},
            ai_disclosure_text="AI",
            log_retention_days=365,
        ),
    ]
    return records


# Whitespace-only strings: Python says true, SCORING.md says empty. The
# expected values of these records follow the spec (see the module docstring).
WHITESPACE = [" ", "\t\n", "\u00a0", "\u3000", "\u2028", "\u0085", "\r\n \u2003"]


def whitespace_records() -> List[EUAIActCompliance]:
    base = EUAIActCompliance(
        system_description="Portfolio assistant.",
        intended_purpose="Advise retail clients.",
    )
    records = []
    for i, blank in enumerate(WHITESPACE):
        field = "system_description" if i % 2 == 0 else "intended_purpose"
        records.append(dataclasses.replace(base, **{field: blank}))
    records.append(dataclasses.replace(base, system_description=" ", intended_purpose="\u3000"))
    return records


MISSING_BLOCKS = ["absent", "null", "absent", "null"]


def agent_json(name: str, compliance) -> str:
    document = {"name": name, "risk": {"level": "low"}}
    if compliance != "absent":
        document["compliance"] = None if compliance == "null" else dataclasses.asdict(compliance)
    return json.dumps(document, indent=2, sort_keys=False) + "\n"


def generate(outdir: str) -> int:
    rng = random.Random(SEED)
    entries = []  # (compliance or "absent"/"null", spec_differs)
    for record in covering_records(rng):
        entries.append((record, False))
    for record in special_records():
        entries.append((record, False))
    for record in whitespace_records():
        entries.append((record, True))
    for kind in MISSING_BLOCKS:
        entries.append((kind, False))
    target = 200
    for record in random_records(rng, target - len(entries)):
        entries.append((record, False))
    # Shuffle so that neighbouring ids do not share a pattern.
    rng.shuffle(entries)

    agents_dir = os.path.join(outdir, "agents")
    if os.path.isdir(agents_dir):
        shutil.rmtree(agents_dir)
    os.makedirs(agents_dir)

    with open(os.path.join(outdir, "dossier.yaml"), "w", encoding="utf-8", newline="\n") as f:
        f.write(
            "# Generated by ../reference_model.py: do not edit.\n"
            "organization: Reference\n"
            'release: "ref"\n'
            f"as_of: {AS_OF}\n"
        )

    expected = {}
    for index, (compliance, differs) in enumerate(entries):
        agent_id = f"agent-{index:03d}"
        name = f"Reference agent {index:03d}" if index % 5 else f"Agent de r\u00e9f\u00e9rence {index:03d}"
        with open(os.path.join(agents_dir, agent_id + ".json"), "w", encoding="utf-8", newline="\n") as f:
            f.write(agent_json(name, compliance))
        # A missing block is "not assessed": the reference's empty record.
        record = compliance if isinstance(compliance, EUAIActCompliance) else EUAIActCompliance()
        report = generate_compliance_report(record)
        if differs:
            entry = summarize(spec_checks(record))
            entry["spec_differs"] = True
            entry["reference"] = {
                "compliance_score": report["compliance_score"],
                "fully_compliant": report["fully_compliant"],
                "article_gaps": report["gaps"],
            }
        else:
            entry = summarize(report["checks"])
            assert entry["checks"] == spec_checks(record), agent_id  # no hidden difference
        expected[agent_id] = entry

    with open(os.path.join(outdir, "expected.json"), "w", encoding="utf-8", newline="\n") as f:
        f.write(json.dumps(expected, indent=2, sort_keys=False) + "\n")
    return len(entries)


def report(path: str) -> None:
    with open(path, encoding="utf-8") as f:
        document = json.load(f)
    compliance = EUAIActCompliance(**(document.get("compliance") or {}))
    print(json.dumps(generate_compliance_report(compliance), indent=2))


def main(argv: List[str]) -> int:
    if len(argv) == 3 and argv[1] == "generate":
        count = generate(argv[2])
        print(f"wrote {count} agents to {argv[2]}")
        return 0
    if len(argv) == 3 and argv[1] == "report":
        report(argv[2])
        return 0
    print(__doc__.split("\n\n")[0], file=sys.stderr)
    print("usage: reference_model.py generate OUTDIR | report AGENT.json", file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
