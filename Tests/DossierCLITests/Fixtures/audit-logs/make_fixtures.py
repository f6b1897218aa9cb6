#!/usr/bin/env python3
"""Writes the raw audit log fixtures of this folder, deterministically.

    python3 Tests/DossierCLITests/Fixtures/audit-logs/make_fixtures.py

Each case is a folder of logs (*.jsonl, *.jsonl.gz and files that a folder
search must skip) with:

- expected.json: what `dossier summarize <case>/` prints, as computed by
  contrib/spark/summarize_audit.py --local (percentiles are compared with a
  tolerance of 0.1%, everything else exactly);
- expected-warnings.json: the warnings of stderr as data: malformed lines
  naming no agent, per file (paths relative to the case), agent names that
  are not valid ids with their left-out events and malformed lines, and gzip
  files that end early (`not_read` is for the Spark job only: files Hadoop
  skips).

README.md (also written here) lists every case and what each line is for.
The script removes and rewrites every case folder it knows, and nothing else.
"""

from __future__ import annotations

import gzip
import json
import os
import random
import shutil
import sys
import zlib

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.abspath(os.path.join(HERE, "..", "..", "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "contrib", "spark"))
import summarize_audit  # noqa: E402

T0 = 1_777_593_600  # 2026-05-01T00:00:00Z
INT64_MAX = 2**63 - 1

# Cases that the Spark job cannot read the same way (see contrib/spark/README.md).
SPARK_SKIP = {
    "gzip-by-magic": "Hadoop picks the gzip codec by the .gz suffix, not by the magic bytes",
    "gzip-truncated": "Hadoop fails on a gzip file that ends early",
}


def gz(data: bytes) -> bytes:
    """One gzip member, with no time or name in its header."""
    return gzip.compress(data, compresslevel=9, mtime=0)


def j(value) -> str:
    return json.dumps(value, ensure_ascii=False)


_counter = [0]


def event(agent, ts, action, allowed=True, **fields) -> str:
    """An event line in the reference logger's key order; `fields` override or
    add keys (a value of ... leaves the key out)."""
    _counter[0] += 1
    record = {
        "event_id": "evt-%06d" % _counter[0],
        "timestamp": ts,
        "agent_name": agent,
        "agent_version": "1.4.2",
        "session_id": "sess-%04d" % (_counter[0] % 97),
        "user_id": None,
        "action": action,
        "tool_name": None,
        "tool_args": None,
        "tool_result": None,
        "policy_checks": [],
        "allowed": allowed,
        "duration_ms": None,
        "model": "gpt-4o-2024-08-06",
        "input_tokens": None,
        "output_tokens": None,
        "metadata": {},
    }
    for key, value in fields.items():
        record[key] = value
    return j({key: value for key, value in record.items() if value is not ...})


class Raw(str):
    """JSON text written into a line as it is (not as a JSON string)."""


def _value(value) -> str:
    return value if isinstance(value, Raw) else j(value)


def minimal(agent="ops-agent", ts=T0, action="lookup", allowed="true", extra="") -> str:
    """A short hand-written line: the four required keys and `extra` (JSON text).
    agent and action are strings (written as JSON strings) or Raw JSON text;
    ts and allowed are JSON text."""
    return '{"agent_name": %s, "timestamp": %s, "action": %s, "allowed": %s%s}' % (
        _value(agent), ts, _value(action), allowed, extra)


class Case:
    def __init__(self, name: str, description: str):
        self.name = name
        self.description = description
        self.fields = None  # the text of fields.yaml, for a case read through audit_fields
        self.files = {}  # relative path -> bytearray of the plain content
        self.notes = []  # (file, line number or None, note)
        self.writers = {}  # relative path -> how to write it (see write)

    def line(self, file: str, text, note: str | None = None, end: bytes = b"\n") -> None:
        data = self.files.setdefault(file, bytearray())
        number = data.count(b"\n") + 1
        data += text.encode("utf-8") if isinstance(text, str) else text
        data += end
        if note:
            self.notes.append((file, number, note))

    def note(self, file: str, note: str) -> None:
        self.notes.append((file, None, note))

    def write(self) -> None:
        folder = os.path.join(HERE, self.name)
        shutil.rmtree(folder, ignore_errors=True)
        os.makedirs(folder)
        for file, data in self.files.items():
            path = os.path.join(folder, file)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            writer = self.writers.get(file)
            content = writer(bytes(data)) if writer else bytes(data)
            with open(path, "wb") as stream:
                stream.write(content)
        # A case with fields.yaml reads its logs through that mapping (--fields, audit_fields).
        fields = os.path.join(folder, "fields.yaml")
        if self.fields is not None:
            with open(fields, "w", encoding="utf-8") as stream:
                stream.write(self.fields)
        summarize_audit.PATHS = summarize_audit.read_paths(summarize_audit.load_fields(fields) if self.fields is not None else {})
        result = summarize_audit.summarize_local([folder])
        summarize_audit.PATHS = summarize_audit.read_paths({})
        with open(os.path.join(folder, "expected.json"), "w", encoding="utf-8") as stream:
            stream.write(summarize_audit.dumps(result.summaries()) + "\n")
        with open(os.path.join(folder, "expected-warnings.json"), "w", encoding="utf-8") as stream:
            stream.write(json.dumps(result.warnings_json(folder), indent=2, sort_keys=True, ensure_ascii=False) + "\n")


CASES: list[Case] = []


def case(name, description) -> Case:
    c = Case(name, description)
    CASES.append(c)
    return c


# ---------------------------------------------------------------------------
# Events with every key


def full_events():
    c = case("full-events", "Realistic events with every key of the schema, two agents, unknown keys ignored.")
    f = "2026-05/agents.jsonl"
    fa, cs = "financial-advisor", "customer-support"
    c.line(f, event(fa, T0 + 0.125, "search", tool_name="market_data", tool_args={"query": "EURUSD"},
                    tool_result="1.0842", policy_checks=[{"policy": "transaction-limits", "result": "passed"}],
                    duration_ms=420.0, input_tokens=300, output_tokens=80,
                    metadata={"channel": "web"}), "search with a tool, no amount, a passed policy check")
    c.line(f, event(fa, T0 + 3600, "execute_transaction", tool_name="payments",
                    tool_args={"amount": 950.0, "currency": "EUR", "iban": "DE00..."}, tool_result="ok",
                    policy_checks=[{"policy": "transaction-limits", "result": "passed", "severity": "high"}],
                    duration_ms=2100.0, input_tokens=500, output_tokens=120,
                    metadata={"approval_status": "approved", "approver": "ops@acme.example"}),
           "transaction with an amount, approved")
    c.line(f, event(fa, T0 + 7200, "execute_transaction", False, tool_name="payments",
                    tool_args={"amount": 12000.5, "currency": "EUR"}, tool_result=None,
                    policy_checks=[{"policy": "transaction-limits", "result": "blocked", "severity": "high"},
                                   {"policy": "sanctions", "result": "passed", "severity": "critical"}],
                    duration_ms=35.5, input_tokens=410, output_tokens=0,
                    metadata={"approval_status": "rejected"}),
           "blocked transaction: one violation (high), the largest amount, rejected")
    c.line(f, event(fa, T0 + 7260, "search", tool_name="market_data", tool_args={"query": "GBPUSD"},
                    duration_ms=388, input_tokens=290, output_tokens=75, user_id="u-17",
                    **{"x-trace": {"span": "ab12", "sampled": True}, "labels": ["prod", "eu"]}),
           "unknown keys (x-trace, labels) are ignored; an integer duration")
    c.line(f, event(fa, T0 + 86400 * 30 + 59.999, "send_email", tool_name="send_email",
                    tool_args={"to": "client@example.com", "amount": None}, duration_ms=1250.25,
                    input_tokens=800, output_tokens=410, metadata={"approval_status": "timeout"}),
           "latest event of financial-advisor (fraction of a second dropped); amount null is no amount; timeout")
    c.line(f, event(cs, T0 + 60, "answer_question", tool_name="kb_search", tool_args={"q": "refund"},
                    tool_result="article 12",
                    policy_checks=[{"policy": "no-pii-external", "result": "blocked", "severity": "critical"},
                                   {"policy": "tone", "result": "blocked", "severity": "low"}],
                    duration_ms=812.4, input_tokens=1200, output_tokens=300,
                    metadata={"approval_status": "approved"}),
           "two violations in one event (critical and low), allowed anyway")
    c.line(f, event(cs, T0 + 120, "answer_question", tool_name="kb_search",
                    policy_checks=[{"policy": "tone", "result": "blocked"},
                                   {"policy": "rate-limit", "result": "blocked", "severity": "high"}],
                    duration_ms=640.0, input_tokens=1100, output_tokens=280),
           "tone without severity counts as medium (more severe than low); rate-limit high")
    c.line(f, event(cs, T0 + 180, "escalate", False, tool_name=None,
                    policy_checks=[{"policy": "rate-limit", "result": "blocked", "severity": "urgent"}],
                    duration_ms=0, input_tokens=0, output_tokens=0,
                    metadata={"approval_status": "pending"}),
           "unknown severity 'urgent' counts as medium (rate-limit stays high); unknown approval status; zero duration")
    c.line(f, event(cs, T0 + 240, "escalate", True, tool_name="ticketing",
                    policy_checks=[{"policy": "data-retention", "result": "blocked", "severity": "medium"}],
                    duration_ms=15000.75, input_tokens=2000, output_tokens=650,
                    metadata={"approval_status": "approved", "reviewer": None}),
           "explicit medium severity")
    c.line(f, event(cs, T0 + 300, "answer_question", tool_name="kb_search", duration_ms=..., input_tokens=...,
                    output_tokens=..., metadata=..., policy_checks=...),
           "an event without the optional keys at all")


# ---------------------------------------------------------------------------
# Amounts, policies, approvals, tokens, durations


def amounts():
    c = case("amounts", "tool_args.amount: max_amount per action, compared as exact decimals and written as in the log.")
    f = "amounts.jsonl"
    a = "payments-bot"
    lines = [
        ('"transfer"', '{"amount": 120}', "an integer amount"),
        ('"transfer"', '{"amount": 950.0}', "950.0 beats 120"),
        ('"transfer"', '{"amount": 950}', "the same decimal written shorter: 950 is kept (equal amounts keep the shorter text)"),
        ('"transfer"', '{"amount": 9.5e2}', "the same decimal with an exponent: 950 stays"),
        ('"transfer"', '{"amount": 949.999999}', "smaller"),
        ('"refund"', '{"amount": -20.5}', "a negative amount is an amount"),
        ('"refund"', '{"amount": -3}', "-3 > -20.5: the largest is -3"),
        ('"fx"', '{"amount": 0.3}', "0.3 ..."),
        ('"fx"', '{"amount": 0.30000000000000001}', "... and 0.30000000000000001: the same double, a larger decimal: it wins"),
        ('"fx"', '{"amount": 0.1e1}', "1 written 0.1e1"),
        ('"fx"', '{"amount": 1E0}', "1 written 1E0: the same decimal as 0.1e1, shorter: kept"),
        ('"bulk"', '{"amount": 12345678901234567890}', "integers beyond 2^53 ..."),
        ('"bulk"', '{"amount": 12345678901234567891}', "... compared exactly: this one is larger"),
        ('"bulk"', '{"amount": 1.2345678901234567e19}', "a double just below both"),
        ('"search"', 'null', "tool_args null: no amount"),
        ('"search"', '{"query": "x"}', "no amount key"),
        ('"mixed"', '{"amount": "950"}', "a string amount is no amount"),
        ('"mixed"', '{"amount": true}', "a boolean amount is no amount"),
        ('"mixed"', '{"amount": null}', "null is no amount"),
        ('"mixed"', '{"amount": [5]}', "an array is no amount"),
        ('"mixed"', '{"nested": {"amount": 99}}', "a nested amount is not tool_args.amount"),
        ('"mixed"', '[{"amount": 99}]', "tool_args an array: no amount"),
        ('"zero"', '{"amount": 0}', "0 ..."),
        ('"zero"', '{"amount": -0.0}', "... and -0.0: equal decimals, 0 is shorter"),
        ('"tiny"', '{"amount": 1e-400}', "underflows to 0 as a double but is a valid number, larger than 0 exactly"),
        ('"tiny"', '{"amount": 0}', "0 < 1e-400"),
    ]
    for index, (action, args, note) in enumerate(lines):
        c.line(f, minimal(a, T0 + index, json.loads(action), "true", ', "tool_args": ' + args), note)
    c.line(f, minimal(a, T0 + 100, "top-level", "true", ', "amount": 5000'), "a top-level amount is ignored")


def blocked_amounts():
    c = case("blocked-amounts", "Executed and blocked amounts apart: max_amount counts allowed events only, "
             "max_blocked_amount blocked ones (attempts the policy engine stopped).")
    f = "blocked.jsonl"
    a = "refund-bot"
    lines = [
        ('"refund"', "true", '{"amount": 80}', "an executed refund"),
        ('"refund"', "false", '{"amount": 5000}', "a blocked refund of 5,000: max_blocked_amount, not max_amount"),
        ('"refund"', "true", '{"amount": 120.50}', "the largest executed refund"),
        ('"refund"', "false", '{"amount": 900}', "a smaller blocked attempt"),
        ('"transfer_funds"', "false", '{"amount": 25000}', "an action only ever blocked: max_blocked_amount only"),
        ('"transfer_funds"', "false", '{"amount": 25000.0}', "the same amount written longer: 25000 stays"),
        ('"execute_transaction"', "true", '{"amount": 1250.0}', "an action only ever executed: max_amount only"),
        ('"execute_transaction"', "false", 'null', "a blocked attempt without an amount"),
    ]
    for index, (action, allowed, args, note) in enumerate(lines):
        c.line(f, minimal(a, T0 + index, json.loads(action), allowed, ', "tool_args": ' + args), note)
    g = "blocked.jsonl.gz"
    c.writers[g] = gz
    c.line(g, minimal(a, T0 + 20, "refund", "false", ', "tool_args": {"amount": 7500}'),
           "gzip: a larger blocked refund: max_blocked_amount 7500")
    c.line(g, minimal(a, T0 + 21, "refund", "true", ', "tool_args": {"amount": 99}'),
           "gzip: an executed refund below 120.50: max_amount stays")


def policies():
    c = case("policies", "policy_checks: violations, severities and the entries that are not violations.")
    f = "policies.jsonl"
    a = "policy-agent"
    checks = [
        ([{"policy": "p-low", "result": "blocked", "severity": "low"}], "low"),
        ([{"policy": "p-medium", "result": "blocked", "severity": "medium"}], "medium"),
        ([{"policy": "p-high", "result": "blocked", "severity": "high"}], "high"),
        ([{"policy": "p-critical", "result": "blocked", "severity": "critical"}], "critical"),
        ([{"policy": "p-default", "result": "blocked"}], "no severity: medium"),
        ([{"policy": "p-unknown", "result": "blocked", "severity": "severe"}], "unknown severity: medium"),
        ([{"policy": "p-case", "result": "blocked", "severity": "HIGH"}], "severities are case-sensitive: HIGH is medium"),
        ([{"policy": "p-number", "result": "blocked", "severity": 3}], "a severity that is not a string: medium"),
        ([{"policy": "p-null", "result": "blocked", "severity": None}], "severity null: medium"),
        ([{"policy": "p-rise", "result": "blocked", "severity": "low"}], "p-rise: low ..."),
        ([{"policy": "p-rise", "result": "blocked"}], "... then medium ..."),
        ([{"policy": "p-rise", "result": "blocked", "severity": "critical"},
          {"policy": "p-rise", "result": "blocked", "severity": "low"}], "... then critical and low in one event: 4 violations, critical"),
        ([{"policy": "p-passed", "result": "passed", "severity": "critical"}], "result passed: no violation"),
        ([{"policy": "p-upper", "result": "BLOCKED"}], "result BLOCKED: no violation (case-sensitive)"),
        ([{"policy": "p-bool", "result": True}], "result true: no violation"),
        ([{"policy": "p-missing"}], "no result: no violation"),
        ([{"result": "blocked", "severity": "high"}], "no policy: no violation"),
        ([{"policy": 7, "result": "blocked"}], "a policy that is not a string: no violation"),
        ([{"policy": None, "result": "blocked"}], "policy null: no violation"),
        (["blocked", 3, None, ["p", "blocked"], {"policy": "p-after-junk", "result": "blocked"}],
         "entries that are not objects are skipped; the object after them counts"),
        ({"policy": "p-object", "result": "blocked"}, "policy_checks an object, not an array: absent"),
        ("p-string blocked", "policy_checks a string: absent"),
        (None, "policy_checks null: absent"),
        ([], "an empty list"),
        ([{"policy": "", "result": "blocked", "severity": "low"}], "an empty policy name is a name"),
        ([{"policy": "p-extra", "result": "blocked", "severity": "high", "rule": "R-12", "score": 0.9}],
         "other keys of an entry are ignored"),
    ]
    for index, (value, note) in enumerate(checks):
        allowed = "false" if index % 3 == 0 else "true"
        c.line(f, minimal(a, T0 + index, "act", allowed, ', "policy_checks": ' + j(value)), note)


def approvals():
    c = case("approvals", "metadata.approval_status: the three statuses; anything else is no approval.")
    f = "approvals.jsonl"
    a = "approval-agent"
    metas = [
        ('{"approval_status": "approved"}', "approved"),
        ('{"approval_status": "approved", "approver": "a@acme.example"}', "approved"),
        ('{"approval_status": "rejected"}', "rejected"),
        ('{"approval_status": "timeout"}', "timeout"),
        ('{"approval_status": "timeout"}', "timeout"),
        ('{"approval_status": "timeout"}', "timeout"),
        ('{"approval_status": "pending"}', "unknown status: none"),
        ('{"approval_status": "Approved"}', "case-sensitive: none"),
        ('{"approval_status": ""}', "empty: none"),
        ('{"approval_status": null}', "null: none"),
        ('{"approval_status": 1}', "a number: none"),
        ('{"approval_status": ["approved"]}', "an array: none"),
        ('{"approval": "approved"}', "another key: none"),
        ('{}', "empty metadata: none"),
        ('"approved"', "metadata a string: none"),
        ('["approved"]', "metadata an array: none"),
        ('null', "metadata null: none"),
    ]
    for index, (meta, note) in enumerate(metas):
        c.line(f, minimal(a, T0 + index, "approve", "true", ', "metadata": ' + meta), note)
    c.line(f, minimal(a, T0 + 50, "approve", "true", ', "approval_status": "approved"'),
           "a top-level approval_status is ignored")


def tokens():
    c = case("tokens", "input_tokens and output_tokens: integers >= 0 written without fraction or exponent, summed.")
    f = "tokens.jsonl"
    a = "token-agent"
    values = [
        ("1200", "300", "integers"),
        ("0", "0", "zeros"),
        ("-0", "-0", "-0 is the integer 0"),
        ("10.0", "5.0", "10.0 has a fraction: absent"),
        ("1e3", "1E2", "exponents: absent"),
        ("1.5", "2.5", "fractions: absent"),
        ("-5", "-1", "negative: absent"),
        ('"100"', '"7"', "strings: absent"),
        ("true", "false", "booleans: absent"),
        ("null", "null", "null: absent"),
        ("[1]", "{}", "containers: absent"),
        ("9223372036854775808", "18446744073709551616", "2^63 and 2^64: beyond 63 bits, absent"),
        ("34", "66", "more integers"),
    ]
    for index, (inp, out, note) in enumerate(values):
        c.line(f, minimal(a, T0 + index, "chat", "true", ', "input_tokens": %s, "output_tokens": %s' % (inp, out)), note)
    s = "saturating-agent"
    c.line(f, minimal(s, T0, "chat", "true", ', "input_tokens": %d, "output_tokens": 1' % INT64_MAX),
           "2^63 - 1 input tokens ...")
    c.line(f, minimal(s, T0 + 1, "chat", "true", ', "input_tokens": %d, "output_tokens": 2' % INT64_MAX),
           "... twice: the sum stays at 2^63 - 1")
    c.line(f, minimal(s, T0 + 2, "chat", "true", ', "input_tokens": 5'), "... and more: still 2^63 - 1")


def durations():
    c = case("durations", "duration_ms: numbers >= 0; p50/p95 nearest-rank (3 significant digits), max exact.")
    f = "durations.jsonl"
    a = "duration-agent"
    values = [
        ("420.0", "a float"), ("2100", "an integer"), ("0", "zero"), ("-0.0", "-0.0 is >= 0: recorded as 0"),
        ("0.0004", "0.4 µs: recorded as 0 µs"), ("0.0005", "0.5 µs: recorded as 1 µs"),
        ("1.2345e3", "an exponent"), ("-1", "negative: absent"), ("-0.001", "negative: absent"),
        ('"12"', "a string: absent"), ("true", "a boolean: absent"), ("null", "null: absent"),
        ("[5]", "an array: absent"), ("30001.5", "the largest"),
    ]
    for index, (value, note) in enumerate(values):
        c.line(f, minimal(a, T0 + index, "work", "true", ', "duration_ms": ' + value), note)
    c.line(f, minimal("no-duration-agent", T0, "work", "true", ', "duration_ms": "fast"'),
           "an agent none of whose events has a duration: no duration_ms in its summary")
    h = "huge-duration-agent"
    c.line(f, minimal(h, T0, "work", "true", ', "duration_ms": 5'), "a small duration ...")
    c.line(f, minimal(h, T0 + 1, "work", "true", ', "duration_ms": 1e13'),
           "... and durations above 10^12 ms: recorded as 10^12 ms, max exact (1e13)")
    c.line(f, minimal(h, T0 + 2, "work", "true", ', "duration_ms": 2e12'), "")
    c.line(f, minimal(h, T0 + 3, "work", "true", ', "duration_ms": 1.7976931348623157e308'),
           "the largest double: max is exact")


def percentiles():
    c = case("percentiles", "Nearest-rank p50/p95 over many durations, in two files, with values that need the histogram's buckets.")
    rng = random.Random(7)
    values = list(range(1, 201))  # 1..200 ms: p50 = 100, p95 = 190
    rng.shuffle(values)
    for index, value in enumerate(values):
        file = "part-1.jsonl" if index % 2 else "part-2.jsonl"
        c.line(file, minimal("hundreds", T0 + index, "step", "true", ', "duration_ms": %d' % value))
    c.note("part-1.jsonl", "hundreds: the durations 1..200 ms split over both files: p50 100, p95 190, max 200")
    # Values spread over six orders of magnitude, not exact in the histogram.
    spread = [round(rng.lognormvariate(6, 2.5), 3) for _ in range(997)] + [123456.789, 0.001, 98765432.1]
    for index, value in enumerate(spread):
        file = "part-1.jsonl" if index % 3 else "part-2.jsonl"
        c.line(file, minimal("spread", T0 + index, "step", "true", ', "duration_ms": %r' % value))
    c.note("part-2.jsonl", "spread: 1,000 log-normal durations from 1 µs to ~10^8 ms")
    for index in range(3):
        c.line("part-2.jsonl", minimal("single", T0 + index, "step", "true", ', "duration_ms": 420.5'))
    c.note("part-2.jsonl", "single: three equal durations: p50 = p95 = max = 420.5 exactly")
    c.line("part-1.jsonl", minimal("one", T0, "step", "true", ', "duration_ms": 7777.777'))
    c.note("part-1.jsonl", "one: a single duration")
    for index, value in enumerate([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 1000]):
        c.line("part-1.jsonl", minimal("tail", T0 + index, "step", "true", ', "duration_ms": %d' % value))
    c.note("part-1.jsonl", "tail: 19 small durations and one of 1000 ms: p95 (rank 19) is 19, max 1000")


# ---------------------------------------------------------------------------
# Malformed lines


def not_json():
    c = case("not-json", "Lines that are not JSON (RFC 8259): each is counted for the file, never for the agent it names.")
    f = "broken.jsonl"
    a = "support-bot"
    good = minimal(a, T0, "reply", "true")
    c.line(f, good, "a valid event, so that support-bot has a summary (its malformed_lines stays 0)")
    broken = [
        (good[:-1], "missing closing brace"),
        (good[:40], "truncated in the middle"),
        (good + " x", "garbage after the object"),
        (good + good, "two objects on one line"),
        (good.replace('"', "'"), "single quotes"),
        (good[:-1] + ",}", "trailing comma"),
        (good + " // comment", "a comment"),
        ('{agent_name: "support-bot", "timestamp": %d, "action": "reply", "allowed": true}' % T0, "unquoted key"),
        (minimal(a, "NaN"), "NaN"),
        (minimal(a, "Infinity"), "Infinity"),
        (minimal(a, "-Infinity"), "-Infinity"),
        (minimal(a, "1e400"), "1e400: too large for a double"),
        (minimal(a, "-1e400"), "-1e400"),
        (minimal(a, T0, extra=', "other": 1E400'), "1E400 in an ignored key"),
        (minimal(a, T0, extra=', "other": [1, {"deep": 2e308}]'), "2e308 nested in an ignored key"),
        (minimal(a, T0, extra=', "other": 1' + "0" * 400), "an integer of 401 digits"),
        (minimal(a, "01777593600"), "a leading zero"),
        (minimal(a, "1777593600."), "a point without digits"),
        (minimal(a, ".5"), "no digit before the point"),
        (minimal(a, "+1777593600"), "a plus sign"),
        (minimal(a, "0x10"), "hexadecimal"),
        (minimal(a, "1e"), "an exponent without digits"),
        (minimal(a, "-"), "a lone minus"),
        (minimal(a, T0, "reply", "True"), "True is not true"),
        (minimal(a, T0, extra=', "x": nul'), "a truncated literal"),
        (minimal(a, T0, Raw('"re\tply"')), "a raw tab inside a string"),
        (minimal(a, T0, Raw('"re\x1fply"')), "a raw control character (1F) inside a string"),
        (minimal(a, T0, Raw('"re\\xply"')), "an invalid escape"),
        (minimal(a, T0, Raw('"re\\u12ply"')), "a short \\u escape"),
        ('{"agent_name": "support-bot", "action": "reply', "an unterminated string"),
        ("\ufeff" + good, "a byte order mark before the object"),
        ("\x0c" + good, "a form feed is not JSON whitespace"),
        (good + "\x0b", "a vertical tab after the object"),
        ("\u00a0" + good, "a no-break space before the object"),
        (minimal(a, T0, extra=', "other": ' + "[" * 512 + "]" * 512), "513 levels of nesting (an array 512 deep in the object)"),
        ('{"agent_name": "support-bot" "timestamp": %d}' % T0, "a missing comma"),
        ('{"agent_name" "support-bot"}', "a missing colon"),
        ('{"agent_name": "support-bot",}', "a trailing comma in the object"),
        ("{", "a lone brace"),
        ("}", "a closing brace"),
    ]
    for text, note in broken:
        c.line(f, text, note)
    g = "utf8.jsonl"
    bad = [
        (b"\xff", "the byte FF"),
        (b"\x80", "a lone continuation byte"),
        (b"\xc0\xaf", "an overlong encoding of /"),
        (b"\xe0\x80\xaf", "an overlong three-byte sequence"),
        (b"\xed\xa0\x80", "an encoded surrogate (U+D800)"),
        (b"\xe2\x82", "a truncated sequence"),
        (b"\xf4\x90\x80\x80", "above U+10FFFF"),
        (b"\xc3\x28", "a lead byte followed by ASCII"),
    ]
    for raw, note in bad:
        c.line(g, minimal(a, T0, "reply").replace("reply", "re@ply").encode().replace(b"@", raw),
               "invalid UTF-8 inside the action: " + note)
    c.line(g, minimal(a, T0, "reply").encode() + b" \xff", "invalid UTF-8 after the object")
    c.line(g, minimal(a, T0, "r\u00e9ply \U0001F600"), "valid UTF-8 (two and four bytes): an event")


def nul_bytes():
    c = case("nul-bytes", "NUL bytes: raw inside a string or outside one, the line is not JSON; escaped as \\u0000, it is a character.")
    f = "nul.jsonl"
    a = "nul-agent"
    c.line(f, minimal(a, T0, Raw('"a\x00b"')), "a raw NUL inside the action string: not JSON")
    c.line(f, minimal(a, T0, "ab") + "\x00", "a NUL after the object: not JSON")
    c.line(f, "\x00" + minimal(a, T0, "ab"), "a NUL before the object: not JSON")
    c.line(f, minimal(a, T0, "ab").replace(", ", ",\x00", 1), "a NUL between members: not JSON")
    c.line(f, "\x00", "a line of one NUL: not JSON (not blank)")
    c.line(f, minimal(a, T0 + 1, Raw('"a\\u0000b"'), extra=', "tool_name": "t\\u0000"'),
           "escaped NULs in the action and the tool: an event")


def not_object():
    c = case("not-object", "JSON values that are not objects: counted for the file.")
    f = "values.jsonl"
    good = minimal("array-agent", T0, "act")
    for text, note in [
        ("[" + good + "]", "an array holding an event"),
        ("[]", "an empty array"),
        ('"support-bot"', "a string"),
        ("42", "a number"),
        ("-1.5e3", "a number with an exponent"),
        ("true", "true"),
        ("false", "false"),
        ("null", "null"),
        ('  "x"  ', "a string between spaces"),
    ]:
        c.line(f, text, note)
    c.line(f, minimal("object-agent", T0, "act"), "one event, so that the output is not empty")


def missing_required():
    c = case("missing-required", "Required keys missing: without agent_name the file counts it, otherwise the agent does.")
    f = "missing.jsonl"
    a = "partial-agent"
    c.line(f, minimal(a, T0, "act"), "a valid event")
    c.line(f, '{"timestamp": %d, "action": "act", "allowed": true}' % T0, "no agent_name: counted for the file")
    c.line(f, '{"agent_name": "%s", "action": "act", "allowed": true}' % a, "no timestamp: malformed for partial-agent")
    c.line(f, '{"agent_name": "%s", "timestamp": %d, "allowed": true}' % (a, T0), "no action: malformed for partial-agent")
    c.line(f, '{"agent_name": "%s", "timestamp": %d, "action": "act"}' % (a, T0), "no allowed: malformed for partial-agent")
    c.line(f, '{"agent_name": "%s"}' % a, "only agent_name: malformed for partial-agent")
    c.line(f, "{}", "an empty object: counted for the file")
    c.line(f, '{"agent": "%s", "timestamp": %d, "action": "act", "allowed": true}' % (a, T0),
           "agent instead of agent_name: counted for the file")
    c.line(f, '{"Agent_Name": "%s", "timestamp": %d, "action": "act", "allowed": true}' % (a, T0),
           "keys are case-sensitive: counted for the file")
    c.line(f, '{"agent_name": "%s", "timestamp": %d, "action": "act", "allowed": true, '
              '"tool_name": "t", "duration_ms": 5, "input_tokens": 10}' % ("only-malformed", T0 - 10**13),
           "an agent whose only line is malformed (timestamp out of range): events 0, no period")


def wrong_required_types():
    c = case("wrong-required-types", "Required keys of the wrong type: a line without an agent_name string counts for the file; otherwise for its agent.")
    f = "types.jsonl"
    a = "typed-agent"
    c.line(f, minimal(a, T0, "act"), "a valid event")
    for value, note in [("5", "a number"), ("null", "null"), ('["typed-agent"]', "an array"),
                        ('{"name": "typed-agent"}', "an object"), ("true", "a boolean")]:
        c.line(f, minimal(Raw(value), T0, "act"), "agent_name " + note + ": counted for the file")
    for value, note in [('"1777593600"', "a string that is not an RFC 3339 date-time"), ("true", "a boolean"), ("null", "null"),
                        ("[1777593600]", "an array"), ('{"s": 1777593600}', "an object")]:
        c.line(f, minimal(a, value, "act"), "timestamp " + note + ": malformed for typed-agent")
    for value, note in [("5", "a number"), ("null", "null"), ("false", "a boolean"), ('["act"]', "an array")]:
        c.line(f, minimal(a, T0, Raw(value)), "action " + note + ": malformed for typed-agent")
    for value, note in [('"true"', "a string"), ("1", "the number 1"), ("0", "the number 0"), ("null", "null"),
                        ("[true]", "an array")]:
        c.line(f, minimal(a, T0, "act", value), "allowed " + note + ": malformed for typed-agent")


def wrong_optional_types():
    c = case("wrong-optional-types", "Optional keys of the wrong type count as absent: every line is an event.")
    f = "optional.jsonl"
    a = "loose-agent"
    for extra, note in [
        (', "tool_name": 7', "tool_name a number: no tool"),
        (', "tool_name": true', "tool_name a boolean: no tool"),
        (', "tool_name": null', "tool_name null: no tool"),
        (', "tool_name": ["search"]', "tool_name an array: no tool"),
        (', "tool_name": {"name": "search"}', "tool_name an object: no tool"),
        (', "tool_name": ""', "an empty tool name is a tool"),
        (', "tool_name": "search"', "a tool"),
        (', "tool_args": "amount=5"', "tool_args a string: no amount"),
        (', "tool_args": 5', "tool_args a number: no amount"),
        (', "tool_args": {"amount": "5"}', "amount a string: no amount"),
        (', "policy_checks": "blocked"', "policy_checks a string: no violation"),
        (', "policy_checks": {"policy": "p", "result": "blocked"}', "policy_checks an object: no violation"),
        (', "policy_checks": 1', "policy_checks a number: no violation"),
        (', "duration_ms": "12"', "duration_ms a string: no duration"),
        (', "duration_ms": {"value": 12}', "duration_ms an object: no duration"),
        (', "input_tokens": "10", "output_tokens": 1.5', "tokens a string and a fraction: none"),
        (', "metadata": "approved"', "metadata a string: no approval"),
        (', "metadata": {"approval_status": true}', "approval_status a boolean: no approval"),
        (', "user_id": 5, "session_id": [], "model": null, "tool_result": {}, "event_id": 1',
         "keys that do not count, with any type"),
    ]:
        c.line(f, minimal(a, T0, "act", "true", extra), note)


def timestamps():
    c = case("timestamps", "timestamp: seconds since the epoch between years 1 and 9999 (floor), the fraction dropped in the period.")
    f = "timestamps.jsonl"
    for agent, ts, note in [
        ("year-one", "-62135596800", "0001-01-01T00:00:00Z, the earliest second"),
        ("year-one", "0", "1970-01-01T00:00:00Z"),
        ("year-9999", "253402300799.999", "9999-12-31T23:59:59.999: the latest instant"),
        ("year-9999", "253402300799", ""),
        ("pre-epoch", "-1.5", "1969-12-31T23:59:58Z: the floor of a negative time"),
        ("pre-epoch", "-0.25", "1969-12-31T23:59:59Z"),
        ("fractions", "1777593600.999999", "2026-05-01T00:00:00Z: the fraction is dropped, not rounded"),
        ("fractions", "1.7775936e9", "an exponent"),
        ("fractions", "1777593601", ""),
        ("out-of-range", "-62135596800.5", "half a second before year 1: malformed for the agent"),
        ("out-of-range", "-62135596801", "malformed"),
        ("out-of-range", "253402300800", "year 10000: malformed"),
        ("out-of-range", "1e300", "malformed"),
        ("out-of-range", "-1e300", "malformed"),
        ("out-of-range", "1777593600", "one valid event of out-of-range"),
    ]:
        c.line(f, minimal(agent, ts, "tick"), note)


def rfc3339():
    c = case("rfc3339", "timestamp as an RFC 3339 date-time string: T, t or a space; Z, z or an offset; any fraction, floored; read as UTC.")
    f = "rfc3339.jsonl"
    for agent, ts, note in [
        ("utc-agent", '"2026-05-01T00:00:00Z"', "2026-05-01T00:00:00Z"),
        ("utc-agent", '"2026-05-01t00:00:00.999999999z"', "lowercase t and z, 9 fraction digits: floored to the same second"),
        ("utc-agent", '"2026-05-01 02:00:00+02:00"', "a space and an offset: 2026-05-01T00:00:00Z"),
        ("utc-agent", '"2026\\u002d05-01T00:00:01Z"', "an escaped hyphen: the decoded string counts, 00:00:01"),
        ("leap-agent", '"2024-02-29T12:00:00Z"', "a leap day"),
        ("leap-agent", '"2023-02-29T12:00:00Z"', "29 February of a common year: malformed"),
        ("leap-agent", '"2026-05-01T23:59:60Z"', "second 60 (a leap second): malformed"),
        ("offset-agent", '"2026-05-01T00:00:00+14:00"', "+14:00: 2026-04-30T10:00:00Z"),
        ("offset-agent", '"2026-05-01T00:00:00-12:00"', "-12:00: 2026-05-01T12:00:00Z"),
        ("offset-agent", '"2026-05-01T00:00:00"', "no offset: malformed"),
        ("offset-agent", '"2026-05-01T00:00:00.Z"', "a dot without digits: malformed"),
        ("offset-agent", '"2026-5-01T00:00:00Z"', "a one-digit month: malformed"),
        ("offset-agent", '"2026-05-01T00:00:00+2:00"', "a one-digit offset hour: malformed"),
        ("offset-agent", '"2026-05-01T24:00:00Z"', "hour 24: malformed"),
        ("edge-agent", '"0001-01-01T00:00:00Z"', "the earliest second"),
        ("edge-agent", '"0001-01-01T00:00:00+00:01"', "one minute before year 1: malformed"),
        ("edge-agent", '"9999-12-31T23:59:59-00:01"', "in year 10000 once in UTC: malformed"),
        ("edge-agent", '"9999-12-31T23:59:59.5Z"', "the latest second"),
    ]:
        c.line(f, minimal(agent, ts, "tick"), note)


def mapped_otel():
    c = case("mapped-otel", "audit_fields (fields.yaml): an OpenTelemetry GenAI-style log record, keys with dots and slashes, "
                            "pointers into missing, null and wrongly typed values, and a nested object given twice.")
    c.fields = "\n".join([
        "agent_name: /attributes/gen_ai.agent.name",
        "timestamp: /timeUnixNano~1time",
        "action: /attributes/gen_ai.operation.name",
        "allowed: /attributes/policy/allowed",
        "tool_name: /attributes/gen_ai.tool.name",
        "tool_args: /attributes/tool",
        "policy_checks: /attributes/policy/checks",
        "duration_ms: /attributes/duration~0ms",
        "input_tokens: /attributes/gen_ai.usage.input_tokens",
        "output_tokens: /attributes/gen_ai.usage.output_tokens",
        "approval_status: /attributes/approval",
        "",
    ])
    f = "otel.jsonl"
    def line(agent='"bot-a"', ts='"2026-05-01T00:00:00Z"', action='"chat"', allowed="true", more=""):
        return ('{"timeUnixNano/time": %s, "attributes": {"gen_ai.agent.name": %s, "gen_ai.operation.name": %s, '
                '"policy": {"allowed": %s}%s}}' % (ts, agent, action, allowed, more))
    c.line(f, line(), "a mapped event")
    c.line(f, line(more=', "gen_ai.tool.name": "search", "duration~ms": 40, "gen_ai.usage.input_tokens": 10, '
                        '"gen_ai.usage.output_tokens": 5, "approval": "approved"'),
           "tool, duration (a key with ~), tokens and approval where the mapping puts them")
    c.line(f, line(action='"pay"', more=', "tool": {"amount": 120.50}'), "amount read from the mapped tool_args")
    c.line(f, line(action='"pay"', allowed="false", more=', "tool": {"amount": 900}, "policy": {"allowed": false, '
                                                         '"checks": [{"policy": "limit", "result": "blocked", "severity": "high"}]}'),
           "policy given twice: the last one counts (blocked, with its check)")
    c.line(f, '{"timeUnixNano/time": "2026-05-01T00:00:01Z", "attributes": {"gen_ai.agent.name": "bot-a", '
              '"gen_ai.operation.name": "chat", "policy": null}}', "policy null: allowed absent, malformed for bot-a")
    c.line(f, '{"timeUnixNano/time": "2026-05-01T00:00:02Z", "attributes": {"gen_ai.agent.name": "bot-a", '
              '"gen_ai.operation.name": "chat", "policy": [{"allowed": true}]}}', "policy an array: a pointer finds nothing there")
    c.line(f, '{"timeUnixNano/time": "2026-05-01T00:00:03Z", "attributes": {"gen_ai.agent.name": "bot-a", '
              '"gen_ai.operation.name": 7, "policy": {"allowed": true}}}', "action a number: malformed for bot-a")
    c.line(f, '{"timeUnixNano/time": 1777593604, "attributes": {"gen_ai.agent.name": "bot-b", '
              '"gen_ai.operation.name": "chat", "policy": {"allowed": true}, "gen_ai.tool.name": null}}',
           "a numeric timestamp and a null tool")
    c.line(f, '{"agent_name": "bot-c", "timestamp": 1777593600, "action": "chat", "allowed": true}',
           "the reference keys are not read once mapped: no agent, counted for the file")
    c.line(f, '{"timeUnixNano/time": "2026-05-01T00:00:05Z", "attributes": {"gen_ai.agent.name": "bot-b", '
              '"gen_ai.operation.name": "chat", "policy": {"allowed": true}}, "attributes": {"gen_ai.agent.name": "bot-b", '
              '"gen_ai.operation.name": "retry", "policy": {"allowed": true}}}', "attributes given twice: the last one counts (retry)")


def mapped_elastic():
    c = case("mapped-elastic", "audit_fields (fields.yaml): an Elasticsearch export with @timestamp and nested event.*; "
                               "unmapped keys keep their place (approval_status under the unmapped metadata).")
    c.fields = "\n".join([
        "agent_name: /service/name",
        "timestamp: /@timestamp",
        "action: /event/action",
        "allowed: /event/outcome_allowed",
        "amount: /transaction/amount",
        "",
    ])
    f = "export.jsonl"
    c.line(f, '{"@timestamp": "2026-05-01T10:00:00.250+02:00", "service": {"name": "ledger"}, "event": {"action": "transfer", '
              '"outcome_allowed": true}, "transaction": {"amount": 250}}', "an export line: 08:00Z, amount 250")
    c.line(f, '{"@timestamp": "2026-05-01 09:30:00Z", "service": {"name": "ledger"}, "event": {"action": "transfer", '
              '"outcome_allowed": false}, "transaction": {"amount": 5000}, "tool_args": {"amount": 9}}',
           "blocked at 5000; tool_args.amount is not read when amount is mapped")
    c.line(f, '{"@timestamp": "2026-05-01T09:45:00Z", "service": {"name": "ledger"}, "event": {"action": "transfer", '
              '"outcome_allowed": true}, "metadata": {"approval_status": "timeout"}}', "approval_status in its place")
    c.line(f, '{"@timestamp": "2026-05-01T09:46:00Z", "service": {"name": "ledger"}, "event": {"action": "transfer"}}',
           "no outcome: malformed for ledger")


def duplicate_keys():
    c = case("duplicate-keys", "A key that appears twice counts with its last value, whatever the first one was.")
    f = "duplicates.jsonl"
    for text, note in [
        ('{"agent_name": "other-agent", "agent_name": "dup-agent", "timestamp": %d, "action": "act", "allowed": true}' % T0,
         "agent_name twice: dup-agent"),
        ('{"agent_name": "dup-agent", "agent_name": 5, "timestamp": %d, "action": "act", "allowed": true}' % T0,
         "a valid agent_name then a number: counted for the file"),
        ('{"agent_name": 5, "agent_name": "dup-agent", "timestamp": %d, "action": "act", "allowed": true}' % T0,
         "a number then a valid agent_name: an event"),
        ('{"agent_name": "dup-agent", "timestamp": %d, "action": "act", "allowed": true, "allowed": false}' % T0,
         "allowed true then false: blocked"),
        ('{"agent_name": "dup-agent", "timestamp": %d, "action": "act", "allowed": true, "allowed": "no"}' % T0,
         "allowed true then a string: malformed for dup-agent"),
        ('{"agent_name": "dup-agent", "timestamp": "x", "timestamp": %d, "action": "first", "action": "second", "allowed": true}' % T0,
         "timestamp and action twice: action second"),
        ('{"agent_name": "dup-agent", "timestamp": %d, "action": "pay", "allowed": true, "tool_args": {"amount": 5000}, "tool_args": {"amount": 10}}' % T0,
         "tool_args twice: amount 10"),
        ('{"agent_name": "dup-agent", "timestamp": %d, "action": "pay", "allowed": true, "tool_args": {"amount": 7, "amount": 20}}' % T0,
         "amount twice: 20 (the largest for pay)"),
        ('{"agent_name": "dup-agent", "timestamp": %d, "action": "pay", "allowed": true, "tool_args": {"amount": 9999, "amount": "x"}}' % T0,
         "amount then a string: no amount"),
        ('{"agent_name": "dup-agent", "timestamp": %d, "action": "act", "allowed": true, "tool_name": "a", "tool_name": null}' % T0,
         "tool_name then null: no tool"),
        ('{"agent_name": "dup-agent", "timestamp": %d, "action": "act", "allowed": true, "duration_ms": 5, "duration_ms": 50}' % T0,
         "duration twice: 50"),
        ('{"agent_name": "dup-agent", "timestamp": %d, "action": "act", "allowed": true, "input_tokens": 1000, "input_tokens": 1}' % T0,
         "tokens twice: 1"),
        ('{"agent_name": "dup-agent", "timestamp": %d, "action": "act", "allowed": true, "metadata": {"approval_status": "approved", "approval_status": "rejected"}}' % T0,
         "approval_status twice: rejected"),
        ('{"agent_name": "dup-agent", "timestamp": %d, "action": "act", "allowed": true, "metadata": {"approval_status": "approved"}, "metadata": {}}' % T0,
         "metadata twice: no approval"),
        ('{"agent_name": "dup-agent", "timestamp": %d, "action": "act", "allowed": true, "policy_checks": [{"policy": "a", "result": "blocked"}], "policy_checks": [{"policy": "b", "result": "blocked", "severity": "high"}]}' % T0,
         "policy_checks twice: b only"),
        ('{"agent_name": "dup-agent", "timestamp": %d, "action": "act", "allowed": true, "policy_checks": [{"policy": "c", "policy": "d", "result": "blocked", "result": "passed"}]}' % T0,
         "policy and result twice in an entry: passed, no violation"),
        ('{"agent_name": "dup-agent", "timestamp": %d, "action": "act", "allowed": true, "policy_checks": [{"policy": "e", "result": "blocked", "severity": "critical", "severity": "low"}]}' % T0,
         "severity twice: low"),
        ('{"agent_name": "dup-agent", "timestamp": %d, "action": "act", "allowed": true, "x": %s, "x": 1}' % (T0, "[" * 512 + "]" * 512),
         "a value nested too deep, then replaced by a later key: still not JSON (counted for the file)"),
        ('{"agent_name": "dup-agent", "timestamp": %d, "action": "act", "allowed": true, "x": NaN, "x": 1}' % T0,
         "NaN replaced by a later key: still not JSON"),
    ]:
        c.line(f, text, note)


def escapes():
    c = case("escapes", "Escaped keys and values are read decoded; lone surrogate escapes stand for U+FFFD.")
    f = "escapes.jsonl"
    for text, note in [
        ('{"agent\\u005fname": "escape-agent", "timestamp": %d, "action": "act", "allowed": true}' % T0,
         "an escaped key: agent\\u005fname is agent_name"),
        ('{"agent_name": "\\u0065scape-agent", "\\u0074imestamp": %d, "\\u0061ction": "\\u0061ct", "allowe\\u0064": true}' % T0,
         "escaped values and keys: escape-agent, act"),
        ('{"agent_name": "escape-agent", "timestamp": %d, "action": "a\\/b", "allowed": true, "tool_name": "\\"quoted\\" \\\\ \\b\\f\\n\\r\\t"}' % T0,
         "escaped slash, quotes, backslash and control characters"),
        ('{"agent_name": "escape-agent", "timestamp": %d, "action": "act", "allowed": true, "tool_name": "smile \\ud83d\\ude00"}' % T0,
         "a surrogate pair: U+1F600"),
        ('{"agent_name": "escape-agent", "timestamp": %d, "action": "act", "allowed": true, "tool_name": "lone \\ud800 high"}' % T0,
         "a lone high surrogate: U+FFFD"),
        ('{"agent_name": "escape-agent", "timestamp": %d, "action": "act", "allowed": true, "tool_name": "lone \\udc00 low"}' % T0,
         "a lone low surrogate: U+FFFD"),
        ('{"agent_name": "escape-agent", "timestamp": %d, "action": "act", "allowed": true, "tool_name": "\\ud800\\ud800"}' % T0,
         "two high surrogates: two U+FFFD"),
        ('{"agent_name": "escape-agent", "timestamp": %d, "action": "act", "allowed": true, "tool_name": "\\u00e9t\\u00C9"}' % T0,
         "lower and upper case hex digits"),
        ('{"agent_name": "escape-agent", "timestamp": %d, "action": "act", "allowed": true, "policy_checks": [{"p\\u006flicy": "esc", "result": "\\u0062locked", "severity": "\\u0068igh"}]}' % T0,
         "escaped policy key, result and severity: a high violation"),
        ('{"agent_name": "escape-agent", "timestamp": %d, "action": "act", "allowed": true, "metadata": {"approval_status": "\\u0061pproved"}}' % T0,
         "escaped approval status: approved"),
        ('{"agent_name": "escape-agent", "timestamp": %d, "action": "act", "allowed": true, "tool_\\u006eame": "keyed"}' % T0,
         "an escaped tool_name key"),
    ]:
        c.line(f, text, note)


def unicode_names():
    c = case("unicode-names", "Names outside ASCII: actions, tools and policies are kept as written and sorted byte-wise; agent names must be ids.")
    f = "unicode.jsonl"
    a = "unicode-agent"
    names = ["zulu", "Zulu", "alpha", "\u00c4rger", "\u00e9t\u00e9", "\u65e5\u672c\u8a9e", "\U0001F600 smile",
             "\u00e0", "a b", "A", "_under", "~tilde", "\u007f"]
    for index, name in enumerate(names):
        c.line(f, minimal(a, T0 + index, name, "true",
                          ', "tool_name": %s, "policy_checks": [{"policy": %s, "result": "blocked"}]' % (j(name), j(name))),
               "action, tool and policy %s" % j(name))
    c.line(f, minimal("agent-\u00e9", T0, "act"), "an agent name with an accent: not an id, left out with a warning")
    c.line(f, minimal("\u65e5\u672c", T0, "act"), "an agent name in Japanese: left out")


def invalid_agent_ids():
    c = case("invalid-agent-ids", "Agent names that are not valid ids are left out of the output, with a warning naming and counting them.")
    f = "ids.jsonl"
    for name, note in [
        ("Financial-Advisor", "upper case"),
        ("agent one", "a space"),
        ("-lead", "starts with a dash"),
        ("_x", "starts with an underscore"),
        (".hidden", "starts with a dot"),
        ("", "empty"),
        ("a" * 65, "65 characters"),
        ("a/b", "a slash"),
        ("a\nb", "a newline (escaped)"),
        ("agent\u00e9", "non-ASCII"),
    ]:
        c.line(f, minimal(name, T0, "act"), note + ": left out")
    c.line(f, '{"agent_name": "Financial-Advisor", "timestamp": "bad", "action": "act", "allowed": true}',
           "a malformed line of an invalid name: counted in its warning")
    for name, note in [("a" * 64, "64 characters: valid"), ("0", "one digit: valid"),
                       ("a.b_c-d", "dot, underscore and dash: valid"), ("9lives", "starts with a digit: valid")]:
        c.line(f, minimal(name, T0, "act"), note)


def nesting():
    c = case("nesting", "Nesting up to 512 levels is JSON (the event object is level 1); deeper is not.")
    f = "nesting.jsonl"
    a = "deep-agent"
    for levels, where, note in [
        (512, "other", "an ignored key holding arrays: 512 levels in all, an event"),
        (513, "other", "513 levels: not JSON, counted for the file"),
        (512, "tool_args", "tool_args holding nested objects, 512 levels: an event (amount 3)"),
        (513, "tool_args", "tool_args nested to 513 levels: not JSON"),
        (512, "policy_checks", "a policy_checks entry holding arrays, 512 levels: an event (a violation)"),
        (513, "policy_checks", "policy_checks nested to 513 levels: not JSON"),
        (2000, "other", "2,000 levels: not JSON"),
    ]:
        if where == "other":
            n = levels - 1  # the event object, then n arrays
            value = "[" * n + "]" * n
        elif where == "tool_args":
            n = levels - 2  # the event object, tool_args, then n objects
            value = '{"amount": 3, "nested": %s1%s}' % ('{"k": ' * n, "}" * n)
        else:
            n = levels - 3  # the event object, the list, the entry, then n arrays
            value = '[{"policy": "deep", "result": "blocked", "x": %s%s}]' % ("[" * n, "]" * n)
        c.line(f, minimal(a, T0, "act", "true", ', "%s": %s' % (where, value)), note)
    c.line(f, minimal(a, T0, "act", "true", ', "s": "%s"' % ("[" * 600)), "brackets inside a string are not nesting: an event")


# ---------------------------------------------------------------------------
# Lines and files


def truncated_last_line():
    c = case("truncated-last-line", "A log still being written: its truncated last line (no newline) is malformed, the rest counts.")
    f = "live.jsonl"
    a = "live-agent"
    c.line(f, minimal(a, T0, "act"), "an event")
    c.line(f, minimal(a, T0 + 1, "act"), "an event")
    c.line(f, minimal(a, T0 + 2, "act")[:37], "truncated, without a final newline: not JSON, counted for the file", end=b"")


def no_final_newline():
    c = case("no-final-newline", "The last line needs no final newline.")
    c.line("a.jsonl", minimal("tail-agent", T0, "act"), "an event")
    c.line("a.jsonl", minimal("tail-agent", T0 + 5, "last"), "an event without a final newline", end=b"")
    c.line("b.jsonl", minimal("tail-agent", T0 + 9, "only"), "a file of one line without newline", end=b"")


def crlf():
    c = case("crlf", "CRLF line endings: the \\r before \\n is whitespace.")
    f = "windows.jsonl"
    a = "crlf-agent"
    c.line(f, minimal(a, T0, "act"), "CRLF", end=b"\r\n")
    c.line(f, "", "an empty CRLF line: blank", end=b"\r\n")
    c.line(f, minimal(a, T0 + 1, "act"), "two \\r before \\n: whitespace", end=b"\r\r\n")
    c.line(f, "  \t", "spaces and a tab, CRLF: blank", end=b"\r\n")
    c.line(f, minimal(a, T0 + 2, "act"), "the last line ends with CRLF too", end=b"\r\n")
    c.line("mixed.jsonl", minimal(a, T0 + 3, "act"), "LF", end=b"\n")
    c.line("mixed.jsonl", minimal(a, T0 + 4, "act"), "CRLF", end=b"\r\n")
    c.line("mixed.jsonl", minimal(a, T0 + 5, "act"), "\\r and no newline at the end of the file", end=b"\r")


def lone_cr():
    c = case("lone-cr", "A \\r that ends no line: JSON whitespace between tokens, a control character inside a string.")
    f = "cr.jsonl"
    a = "cr-agent"
    c.line(f, minimal(a, T0, "act").replace(", ", ",\r"), "\\r between members: an event")
    c.line(f, "\r" + minimal(a, T0 + 1, "act") + "\r", "\\r before and after the object: an event")
    c.line(f, minimal(a, T0 + 2, Raw('"a\rct"')), "a raw \\r inside a string: not JSON")
    c.line(f, "\r", "a lone \\r: blank")


def blank_lines():
    c = case("blank-lines", "Blank lines (spaces, tabs, \\r) are skipped; other whitespace is not blank.")
    f = "blanks.jsonl"
    a = "blank-agent"
    c.line(f, "", "an empty line")
    c.line(f, minimal(a, T0, "act"), "an event")
    c.line(f, "    ", "spaces")
    c.line(f, "\t\t", "tabs")
    c.line(f, " \t\r", "space, tab, \\r")
    c.line(f, "  " + minimal(a, T0 + 1, "act") + "\t ", "an event between spaces and tabs")
    c.line(f, "\x0c", "a form feed: not blank, not JSON (counted for the file)")
    c.line(f, "\x0b", "a vertical tab: not JSON")
    c.line(f, "\u00a0", "a no-break space: not JSON")
    c.line(f, "\u2028", "a line separator: not JSON")
    c.line(f, "")
    c.line(f, "")


def empty_file():
    c = case("empty-file", "An empty log: no summary at all.")
    c.files["empty.jsonl"] = bytearray()
    c.note("empty.jsonl", "0 bytes: the output is {}")


def long_line():
    c = case("long-line", "Lines of 10 MB (gzip-compressed in the repository).")
    f = "long.jsonl.gz"
    a = "long-agent"
    c.line(f, minimal(a, T0, "act", "true", ', "tool_name": "big", "tool_result": "%s"' % ("x" * 10_000_000)),
           "an event of 10 MB (a 10 MB tool_result)")
    c.line(f, minimal(a, T0 + 1, "act", "true", ', "tool_result": "%s' % ("y" * 10_000_000)),
           "10 MB with an unterminated string: not JSON")
    c.line(f, minimal(a, T0 + 2, "act", "true", ', "items": [%s1]' % ("1," * 5_000_000)),
           "an event with an ignored array of 5 million numbers")
    c.line(f, minimal(a, T0 + 3, "small"), "a short event after them")
    c.writers[f] = gz


def overlong_line():
    c = case("overlong-line", "A line longer than 64 MiB is malformed without being parsed (gzip-compressed).")
    f = "overlong.jsonl.gz"
    a = "overlong-agent"
    limit = 64 * 1024 * 1024
    head = minimal(a, T0, "exact", "true", ', "pad": "')
    exact = head + "p" * (limit - len(head) - 2) + '"}'
    assert len(exact) == limit
    c.line(f, exact, "exactly 64 MiB: an event")
    head = minimal(a, T0, "over", "true", ', "pad": "')
    over = head + "p" * (limit + 1 - len(head) - 2) + '"}'
    assert len(over) == limit + 1
    c.line(f, over, "64 MiB and one byte, otherwise a valid event: malformed, counted for the file")
    c.line(f, minimal(a, T0 + 1, "after"), "an event after it")
    c.writers[f] = gz


def gzip_plain():
    c = case("gzip", "A gzip log beside a plain one; the same agent in both.")
    a = "gzip-agent"
    for index in range(5):
        c.line("day-1.jsonl.gz", minimal(a, T0 + index, "zipped", "true", ', "duration_ms": %d' % (index * 10)))
        c.line("day-2.jsonl", minimal(a, T0 + 86400 + index, "plain", "false", ', "duration_ms": %d' % (index * 10 + 5)))
    c.line("day-1.jsonl.gz", "not json", "a malformed line inside the gzip file: counted for day-1.jsonl.gz")
    c.note("day-1.jsonl.gz", "five events, gzip-compressed")
    c.writers["day-1.jsonl.gz"] = gz


def gzip_members():
    c = case("gzip-members", "Concatenated gzip members (cat a.gz b.gz) are read one after the other.")
    f = "rotated.jsonl.gz"
    a = "member-agent"
    for index in range(6):
        c.line(f, minimal(a, T0 + index, "act", "true", ', "tool_name": "t%d"' % (index % 2)))
    c.note(f, "three members: the first ends in the middle of line 3, the second is empty, the third holds the rest")

    def members(data: bytes) -> bytes:
        lines = data.split(b"\n")
        cut = len(b"\n".join(lines[:2])) + 1 + 20
        return gz(data[:cut]) + gz(b"") + gz(data[cut:])

    c.writers[f] = members


def gzip_truncated():
    c = case("gzip-truncated", "A gzip file that ends early keeps its lines; its unfinished last line is malformed (a warning names the file).")
    f = "writing.jsonl.gz"
    a = "partial-gzip-agent"
    for index in range(200):
        c.line(f, minimal(a, T0 + index, "act", "true", ', "seq": %d, "note": "%s"' % (index, "n%07d" % (index * 7919))))
    c.note(f, "200 events, the compressed file cut short: the events it holds count, the last partial line is malformed")
    c.line("whole.jsonl.gz", minimal(a, T0 + 1000, "whole"), "a complete gzip file beside it")
    c.writers["whole.jsonl.gz"] = gz

    def cut(data: bytes) -> bytes:
        # Compress without the end of stream and cut where the data stops mid-line.
        compressor = zlib.compressobj(9, zlib.DEFLATED, 31)
        body = compressor.compress(data) + compressor.flush(zlib.Z_FULL_FLUSH)
        return body[: len(body) * 2 // 3]

    c.writers[f] = cut


def gzip_by_magic():
    c = case("gzip-by-magic", "A file is read as gzip when it starts with 1f 8b, whatever its name.")
    c.line("compressed.jsonl", minimal("magic-agent", T0, "act"), "a gzip file named .jsonl")
    c.line("compressed.jsonl", minimal("magic-agent", T0 + 1, "act"))
    c.writers["compressed.jsonl"] = gz
    c.line("plain.jsonl", minimal("magic-agent", T0 + 2, "plain"), "a plain file")


def split_files():
    c = case("split-files", "One agent's events split across files and folders; what a folder search skips.")
    a = "split-agent"
    rng = random.Random(11)
    files = ["2026-05-01.jsonl", "2026-05-02.jsonl.gz", "eu/2026-05-03.jsonl", "eu/west/2026-05-04.jsonl",
             "us/2026-05-05.jsonl.gz"]
    for index in range(60):
        file = files[index % len(files)]
        c.line(file, minimal(a, T0 + 86400 * (index % 5) + index, rng.choice(["read", "write", "delete"]),
                             "true" if index % 4 else "false",
                             ', "tool_name": "%s", "duration_ms": %d' % (rng.choice(["db", "fs"]), rng.randint(1, 900))))
    for file in files:
        c.note(file, "events of split-agent (60 in all over five files)")
        if file.endswith(".gz"):
            c.writers[file] = gz
    c.line("eu/west/2026-05-04.jsonl", minimal("other-agent", T0, "act"), "another agent in the same file")
    skipped = {
        ".hidden.jsonl": "a hidden file: skipped",
        ".cache/events.jsonl": "a file in a hidden folder: skipped",
        "events.json": "not .jsonl: skipped",
        "events.log": "not .jsonl: skipped",
        "events.jsonl.bak": "not .jsonl: skipped",
        "EVENTS.JSONL": "upper-case extension: skipped",
        "events.jsonl.gzip": "not .jsonl.gz: skipped",
    }
    for file, note in skipped.items():
        c.line(file, minimal("skipped-agent", T0, "act"), note)


# ---------------------------------------------------------------------------


def readme() -> str:
    out = [
        "# Raw audit log fixtures",
        "",
        "Written by `make_fixtures.py` (run it again after changing it; it is deterministic).",
        "Each folder is one case: `dossier summarize <case>/` must print `expected.json`",
        "(p50 and p95 within 0.1%, everything else exactly) and report on stderr what",
        "`expected-warnings.json` holds: the malformed lines that name no agent, per file,",
        "the agent names that are not valid ids, and the gzip files that end early.",
        "The semantics are those of",
        "docs/reference/audit-logs.md; `expected.json` is computed by",
        "`contrib/spark/summarize_audit.py --local`.",
        "",
        "Cases the Spark job (`make spark-test`) leaves out, and why:",
        "",
    ]
    for name, why in sorted(SPARK_SKIP.items()):
        out.append(f"- `{name}`: {why}.")
    out.append("")
    for c in CASES:
        out += [f"## {c.name}", "", c.description, ""]
        for file, number, note in c.notes:
            where = f"`{file}`" + (f" line {number}" if number else "")
            out.append(f"- {where}: {note}")
        out.append("")
    return "\n".join(out)


def main() -> None:
    for make in (full_events, amounts, blocked_amounts, policies, approvals, tokens, durations, percentiles, not_json, nul_bytes,
                 not_object, missing_required, wrong_required_types, wrong_optional_types, timestamps,
                 rfc3339, mapped_otel, mapped_elastic, duplicate_keys, escapes, unicode_names, invalid_agent_ids, nesting, truncated_last_line,
                 no_final_newline, crlf, lone_cr, blank_lines, empty_file, long_line, overlong_line, gzip_plain,
                 gzip_members, gzip_truncated, gzip_by_magic, split_files):
        make()
    names = {c.name for c in CASES}
    assert set(SPARK_SKIP) <= names
    for c in CASES:
        c.write()
    with open(os.path.join(HERE, "README.md"), "w", encoding="utf-8") as stream:
        stream.write(readme())
    with open(os.path.join(HERE, "spark-skip.txt"), "w", encoding="utf-8") as stream:
        for name, why in sorted(SPARK_SKIP.items()):
            stream.write(f"{name}\t{why}\n")
    print(f"wrote {len(CASES)} cases into {os.path.relpath(HERE, ROOT)}")


if __name__ == "__main__":
    main()
