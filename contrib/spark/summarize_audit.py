#!/usr/bin/env python3
"""Summarize raw audit logs into dossier audit summaries, on one machine or on Spark.

The semantics are those of docs/reference/audit-logs.md, the same as
`dossier summarize`: one JSON object per line, the keys that count, which lines
are malformed, and the shape of the summary (`audit/<id>.json`).

Two modes:

    # Spark (the default): any Hadoop path, s3a://, hdfs://, file:// or local.
    spark-submit summarize_audit.py INPUT... [--out OUT_DIR]

    # One process, no Spark needed: files and folders on this machine.
    python3 summarize_audit.py --local LOG_OR_DIR... [--out OUT_DIR]

Without --out, one JSON object {agent id: summary} is printed on stdout; with
--out, OUT_DIR/<agent>.json is written for each agent. Warnings (malformed
lines that name no agent, agent names that are not valid ids) go to stderr.

The core below (parse_line, Tally, summary, the local reader) is pure Python
3.11 and imports nothing outside the standard library; pyspark is imported
only in the Spark code path.

Exit codes: 0 done, 64 usage error, 65 corrupt gzip data, 74 a log cannot be
read or the output cannot be written.
"""

from __future__ import annotations

import argparse
import datetime
import json
import math
import os
import re
import sys
import tempfile
import zlib
from decimal import Decimal

# ---------------------------------------------------------------------------
# Limits and constants (docs/reference/audit-logs.md)

#: A line longer than this is malformed without being parsed.
MAX_LINE_BYTES = 64 * 1024 * 1024
#: Nesting deeper than this is not JSON.
MAX_DEPTH = 512
#: Seconds since the epoch of 0001-01-01T00:00:00Z and of 10000-01-01T00:00:00Z:
#: a timestamp t is valid when EARLIEST_TIMESTAMP <= t < TIMESTAMP_LIMIT, that is
#: when floor(t) is a second of years 1 to 9999.
EARLIEST_TIMESTAMP = -62_135_596_800
TIMESTAMP_LIMIT = 253_402_300_800
#: Counts and sums stay at 2^63 - 1.
INT64_MAX = 2**63 - 1
#: Durations above 10^12 ms are recorded in the histogram as 10^12 ms (in µs).
DURATION_CAP_US = 10**15
#: Sub-buckets per power of two in the duration histogram: values below
#: 2 * HISTOGRAM_SUB_BUCKETS µs are exact, larger ones keep their top 11 bits
#: (3 significant digits, relative error below 1/1024, as HdrHistogram does).
HISTOGRAM_SUB_BUCKETS = 1024
_HISTOGRAM_EXACT_BELOW = 2 * HISTOGRAM_SUB_BUCKETS
_HISTOGRAM_BITS = _HISTOGRAM_EXACT_BELOW.bit_length() - 1  # 11

SEVERITIES = ("low", "medium", "high", "critical")
_SEVERITY_RANK = {name: rank for rank, name in enumerate(SEVERITIES)}
_MEDIUM = _SEVERITY_RANK["medium"]
APPROVAL_STATUSES = ("approved", "rejected", "timeout")
_APPROVAL_INDEX = {name: index for index, name in enumerate(APPROVAL_STATUSES)}

_AGENT_ID = re.compile(r"[a-z0-9][a-z0-9._-]{0,63}")

# What parse_line says a line is.
BLANK = "blank"
EVENT = "event"
MALFORMED_AGENT = "malformed_agent"  # a JSON object whose agent_name is a string
MALFORMED_FILE = "malformed_file"  # anything else: counted for the file


def is_agent_id(name: str) -> bool:
    """Agent ids: lowercase letters, digits, '.', '_' and '-', starting with a
    letter or digit, at most 64 characters."""
    return _AGENT_ID.fullmatch(name) is not None


# ---------------------------------------------------------------------------
# Parsing one line


class _NotJSON(ValueError):
    """Raised by the decoder hooks: the line breaks RFC 8259 (or a double's range)."""


def _reject_constant(name: str):
    # NaN, Infinity and -Infinity are not JSON.
    raise _NotJSON(name)


def _strict_float(text: str) -> float:
    # A number with a fraction or an exponent; too large for a double is not JSON.
    value = float(text)
    if math.isinf(value):
        raise _NotJSON(text)
    return value


def _strict_int(text: str) -> int:
    # An integer literal: Python keeps it exact; it must still fit a double.
    value = int(text)
    if len(text) > 300:
        try:
            float(value)
        except OverflowError:
            raise _NotJSON(text) from None
    return value


class _NumberText:
    """A number together with its text as written (to read `tool_args.amount`)."""

    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = text


_decoder = json.JSONDecoder(
    parse_float=_strict_float, parse_int=_strict_int, parse_constant=_reject_constant
)
_text_decoder = json.JSONDecoder(
    parse_float=_NumberText, parse_int=_NumberText, parse_constant=_reject_constant
)

_JSON_STRING = re.compile(rb'"[^"\\]*(?:\\.[^"\\]*)*"', re.S)
_BRACKETS = re.compile(rb"[\[\]{}]")


def _too_deep(raw: bytes) -> bool:
    """Whether a line that parsed as JSON nests deeper than MAX_DEPTH.

    Measured on the text (strings removed), not on the parsed value, so that a
    deep value under a key that appears again later still counts."""
    if raw.count(b"[") + raw.count(b"{") <= MAX_DEPTH:
        return False
    depth = 0
    for bracket in _BRACKETS.findall(_JSON_STRING.sub(b"", raw)):
        if bracket in (b"[", b"{"):
            depth += 1
            if depth > MAX_DEPTH:
                return True
        else:
            depth -= 1
    return False


_SURROGATE = re.compile("[\ud800-\udfff]")


def _text(value: str) -> str:
    """A string as the summary keeps it: a lone surrogate escape (`\\ud800`
    without its pair) stands for U+FFFD, as it cannot be written as UTF-8."""
    return value if value.isascii() else _SURROGATE.sub("\ufffd", value)


_RFC3339 = re.compile(
    rb"([0-9]{4})-([0-9]{2})-([0-9]{2})[Tt ]([0-9]{2}):([0-9]{2}):([0-9]{2})(?:\.[0-9]+)?(?:([Zz])|([+-])([0-9]{2}):([0-9]{2}))\Z")


def rfc3339_seconds(text: str):
    """The whole seconds since the epoch (UTC) of an RFC 3339 date-time (§5.6 with its note:
    T, t or a space; Z, z or an offset; any number of fraction digits), or None. Second 60 is
    not accepted. Only the floor of a timestamp is used, so the fraction is dropped."""
    match = _RFC3339.match(text.encode("utf-8"))
    if match is None:
        return None
    year, month, day, hour, minute, second = (int(match.group(i)) for i in range(1, 7))
    if not (1 <= month <= 12 and 1 <= day <= _days_in(month, year) and hour <= 23 and minute <= 59 and second <= 59):
        return None
    offset = 0
    if match.group(8) is not None:
        hours, minutes = int(match.group(9)), int(match.group(10))
        if hours > 23 or minutes > 59:
            return None
        offset = (hours * 3600 + minutes * 60) * (-1 if match.group(8) == b"-" else 1)
    days = _days_from_civil(year, month, day)
    return days * 86_400 + hour * 3600 + minute * 60 + second - offset


def _days_in(month: int, year: int) -> int:
    if month == 2:
        return 29 if (year % 4 == 0 and year % 100 != 0) or year % 400 == 0 else 28
    return 30 if month in (4, 6, 9, 11) else 31


def _days_from_civil(year: int, month: int, day: int) -> int:
    """Days from 1970-01-01 (proleptic Gregorian), as the Swift scanner computes them."""
    y = year - 1 if month <= 2 else year
    era = (y if y >= 0 else y - 399) // 400
    year_of_era = y - era * 400
    day_of_year = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    day_of_era = year_of_era * 365 + year_of_era // 4 - year_of_era // 100 + day_of_year
    return era * 146_097 + day_of_era - 719_468


def _is_number(value) -> bool:
    # bool is not a number; the decoder gives only int and float.
    kind = type(value)
    return kind is int or kind is float


class Event:
    """The fields of one event that a summary needs."""

    __slots__ = (
        "timestamp", "action", "allowed", "tool", "amount", "amount_text",
        "violations", "duration", "input_tokens", "output_tokens", "approval",
    )

    def __init__(self):
        self.timestamp = 0  # int or float, in range
        self.action = ""
        self.allowed = False
        self.tool = None  # str or None
        self.amount = None  # float (or int) value, or None
        self.amount_text = None  # the amount as written
        self.violations = ()  # ((policy, severity rank), ...)
        self.duration = None  # ms, >= 0, or None
        self.input_tokens = None
        self.output_tokens = None
        self.approval = None  # index into APPROVAL_STATUSES, or None


#: The keys `--fields` may map (INPUT.md, audit_fields).
FIELD_KEYS = ("event_id", "timestamp", "agent_name", "agent_version", "session_id", "user_id", "action",
              "tool_name", "tool_args", "tool_result", "policy_checks", "allowed", "duration_ms", "model",
              "input_tokens", "output_tokens", "metadata", "amount", "approval_status")


def pointer_tokens(pointer: str):
    """The reference tokens of an RFC 6901 JSON Pointer, or None when it is not one."""
    if pointer == "":
        return []
    if not pointer.startswith("/"):
        return None
    tokens = []
    for raw in pointer[1:].split("/"):
        if re.search(r"~(?![01])", raw):
            return None
        tokens.append(raw.replace("~1", "/").replace("~0", "~"))
    return tokens


def read_paths(mapping: dict) -> dict:
    """Where each key the summaries read is found: mapped, or in its place (amount under tool_args and
    approval_status under metadata, wherever those are)."""
    def path(key):
        return mapping.get(key, [key])
    paths = {key: path(key) for key in ("agent_name", "timestamp", "action", "allowed", "tool_name", "policy_checks",
                                        "duration_ms", "input_tokens", "output_tokens")}
    paths["amount"] = mapping.get("amount", path("tool_args") + ["amount"])
    paths["approval_status"] = mapping.get("approval_status", path("metadata") + ["approval_status"])
    return paths


#: The paths parse_line reads (replaced by --fields).
PATHS = read_paths({})

_ABSENT = object()


def _at(obj, path):
    """The value at `path` (object members only; a pointer through anything else finds nothing)."""
    for token in path:
        if type(obj) is not dict or token not in obj:
            return _ABSENT
        obj = obj[token]
    return obj


def load_fields(path: str) -> dict:
    """A --fields file: a YAML map of event key -> JSON Pointer. Raises ValueError on a bad entry."""
    with open(path, encoding="utf-8") as stream:
        text = stream.read()
    try:
        import yaml  # PyYAML, when installed
        data = yaml.safe_load(text) or {}
    except ImportError:
        data = {}
        for line in text.splitlines():
            line = line.split(" #", 1)[0].strip()
            if line and not line.startswith("#"):
                key, _, value = line.partition(":")
                data[key.strip()] = value.strip().strip("'\"")
    if not isinstance(data, dict):
        raise ValueError("expected a map of event key to JSON Pointer")
    mapping = {}
    for key, pointer in data.items():
        if str(key).startswith("x-"):
            continue
        if key not in FIELD_KEYS:
            raise ValueError(f"{key}: unknown event key")
        tokens = pointer_tokens(pointer) if isinstance(pointer, str) else None
        if not tokens:
            raise ValueError(f"{key}: {pointer!r} is not a JSON Pointer to a key of the line")
        mapping[key] = tokens
    return mapping


def parse_line(raw: bytes):
    """What one line (without its `\\n`) is: `(kind, agent, event)`.

    kind is BLANK, EVENT (agent and event set), MALFORMED_AGENT (agent set: a
    JSON object whose agent_name is a string, lacking a required key) or
    MALFORMED_FILE (not JSON, not an object, no agent_name string)."""
    if len(raw) > MAX_LINE_BYTES:
        return MALFORMED_FILE, None, None
    if not raw.strip(b" \t\r"):
        return BLANK, None, None
    try:
        text = raw.decode("utf-8")  # strict: invalid UTF-8 is not JSON
        obj = _decoder.decode(text)
    except (ValueError, RecursionError):
        return MALFORMED_FILE, None, None
    if type(obj) is not dict or _too_deep(raw):
        return MALFORMED_FILE, None, None

    paths = PATHS
    agent = _at(obj, paths["agent_name"])
    if type(agent) is not str:
        return MALFORMED_FILE, None, None
    agent = _text(agent)

    timestamp = _at(obj, paths["timestamp"])
    if type(timestamp) is str:
        # An RFC 3339 date-time; any other string counts as absent (INPUT.md).
        timestamp = rfc3339_seconds(timestamp)
    action = _at(obj, paths["action"])
    allowed = _at(obj, paths["allowed"])
    if (
        not _is_number(timestamp)
        or not EARLIEST_TIMESTAMP <= timestamp < TIMESTAMP_LIMIT
        or type(action) is not str
        or type(allowed) is not bool
    ):
        return MALFORMED_AGENT, agent, None

    event = Event()
    event.timestamp = timestamp
    event.action = _text(action)
    event.allowed = allowed

    tool = _at(obj, paths["tool_name"])
    if type(tool) is str:
        event.tool = _text(tool)

    amount = _at(obj, paths["amount"])
    if _is_number(amount):
        event.amount = float(amount)  # compared as a double first (see _more_amount)
        # The amount as written: parse the line again, keeping number texts.
        event.amount_text = _at(_text_decoder.decode(text), paths["amount"]).text

    checks = _at(obj, paths["policy_checks"])
    if type(checks) is list:
        violations = []
        for check in checks:
            if type(check) is not dict or check.get("result") != "blocked":
                continue
            policy = check.get("policy")
            if type(policy) is not str:
                continue
            severity = check.get("severity")
            rank = _SEVERITY_RANK.get(severity, _MEDIUM) if type(severity) is str else _MEDIUM
            violations.append((_text(policy), rank))
        event.violations = violations

    duration = _at(obj, paths["duration_ms"])
    if _is_number(duration) and duration >= 0:
        event.duration = duration

    for key in ("input_tokens", "output_tokens"):
        tokens = _at(obj, paths[key])
        # An integer >= 0 below 2^63, written without fraction or exponent
        # (10.0 and 1e3 are floats here, so they count as absent).
        if type(tokens) is int and 0 <= tokens <= INT64_MAX:
            setattr(event, key, tokens)

    status = _at(obj, paths["approval_status"])
    if type(status) is str:
        event.approval = _APPROVAL_INDEX.get(status)

    return EVENT, agent, event


# ---------------------------------------------------------------------------
# Aggregation: a commutative monoid per agent


def _duration_us(ms) -> int:
    """A duration in ms as whole µs (half away from zero), capped at 10^15 µs."""
    if ms > 10**12:
        return DURATION_CAP_US
    us = ms * 1000.0
    floor = math.floor(us)
    return floor + 1 if us - floor >= 0.5 else floor


def _bucket(us: int) -> int:
    """The lowest value of the histogram bucket holding `us`."""
    if us < _HISTOGRAM_EXACT_BELOW:
        return us
    shift = us.bit_length() - _HISTOGRAM_BITS
    return (us >> shift) << shift


def _more_amount(value, text, best_value, best_text) -> bool:
    """Whether amount (value, text) beats the best so far: compared as exact
    decimals; equal decimals written differently (950 and 950.0) keep the
    shorter text, then the byte-wise smaller, so that the order of events never
    matters."""
    if best_text is None:
        return True
    if value != best_value:
        # Rounding to a double never reverses an order, so unequal doubles
        # order their decimals the same way.
        return value > best_value
    exact, best_exact = Decimal(text), Decimal(best_text)
    if exact != best_exact:
        return exact > best_exact
    return (len(text), text.encode("utf-8")) < (len(best_text), best_text.encode("utf-8"))


class Tally:
    """Everything a summary of one agent needs, in constant memory (the
    duration histogram has at most 1024 buckets per power of two of µs, about
    52,000 in all). `merge` is associative and commutative, and `Tally()` is
    its identity, so tallies of any split of the logs merge to the same
    summary."""

    __slots__ = (
        "events", "allowed", "blocked", "actions", "tools", "policies",
        "approvals", "input_tokens", "output_tokens", "first", "last",
        "durations", "duration_max", "histogram", "malformed",
    )

    def __init__(self):
        self.events = 0
        self.allowed = 0
        self.blocked = 0
        # action -> [total, blocked, largest executed (allowed) amount value or None, its text or None,
        #            largest blocked amount value or None, its text or None]
        self.actions = {}
        self.tools = {}  # tool -> count
        self.policies = {}  # policy -> [count, most severe rank]
        self.approvals = [0, 0, 0]  # approved, rejected, timeout
        self.input_tokens = 0
        self.output_tokens = 0
        self.first = None  # floor of the earliest timestamp (int seconds)
        self.last = None  # floor of the latest timestamp
        self.durations = 0
        self.duration_max = None  # exact largest duration (float ms)
        # bucket low value (µs) -> [count, smallest and largest µs recorded in it]
        self.histogram = {}
        self.malformed = 0

    # Python ints never overflow: counts are kept exact and capped at
    # 2^63 - 1 when written, which is the same as saturating each sum.

    def add(self, event: Event) -> None:
        self.events += 1
        if event.allowed:
            self.allowed += 1
        else:
            self.blocked += 1
        action = self.actions.get(event.action)
        if action is None:
            action = self.actions[event.action] = [0, 0, None, None, None, None]
        action[0] += 1
        if not event.allowed:
            action[1] += 1
        # What was executed (allowed) and what the policy engine stopped (blocked) are kept apart.
        slot = 2 if event.allowed else 4
        if event.amount is not None and _more_amount(event.amount, event.amount_text, action[slot], action[slot + 1]):
            action[slot], action[slot + 1] = event.amount, event.amount_text
        if event.tool is not None:
            self.tools[event.tool] = self.tools.get(event.tool, 0) + 1
        for policy, rank in event.violations:
            entry = self.policies.get(policy)
            if entry is None:
                self.policies[policy] = [1, rank]
            else:
                entry[0] += 1
                if rank > entry[1]:
                    entry[1] = rank
        if event.approval is not None:
            self.approvals[event.approval] += 1
        if event.input_tokens is not None:
            self.input_tokens += event.input_tokens
        if event.output_tokens is not None:
            self.output_tokens += event.output_tokens
        second = math.floor(event.timestamp)
        if self.first is None or second < self.first:
            self.first = second
        if self.last is None or second > self.last:
            self.last = second
        if event.duration is not None:
            self.add_duration(event.duration)

    def add_duration(self, ms) -> None:
        self.durations += 1
        exact = float(ms) + 0.0  # -0.0 counts as 0.0, whatever the order
        if self.duration_max is None or exact > self.duration_max:
            self.duration_max = exact
        us = _duration_us(ms)
        bucket = _bucket(us)
        entry = self.histogram.get(bucket)
        if entry is None:
            self.histogram[bucket] = [1, us, us]
        else:
            entry[0] += 1
            if us < entry[1]:
                entry[1] = us
            elif us > entry[2]:
                entry[2] = us

    def merge(self, other: "Tally") -> "Tally":
        """Adds `other` into this tally (and returns it)."""
        self.events += other.events
        self.allowed += other.allowed
        self.blocked += other.blocked
        for name, (total, blocked, value, text, blocked_value, blocked_text) in other.actions.items():
            action = self.actions.get(name)
            if action is None:
                self.actions[name] = [total, blocked, value, text, blocked_value, blocked_text]
                continue
            action[0] += total
            action[1] += blocked
            if text is not None and _more_amount(value, text, action[2], action[3]):
                action[2], action[3] = value, text
            if blocked_text is not None and _more_amount(blocked_value, blocked_text, action[4], action[5]):
                action[4], action[5] = blocked_value, blocked_text
        for name, count in other.tools.items():
            self.tools[name] = self.tools.get(name, 0) + count
        for name, (count, rank) in other.policies.items():
            entry = self.policies.get(name)
            if entry is None:
                self.policies[name] = [count, rank]
            else:
                entry[0] += count
                entry[1] = max(entry[1], rank)
        for index in range(3):
            self.approvals[index] += other.approvals[index]
        self.input_tokens += other.input_tokens
        self.output_tokens += other.output_tokens
        if other.first is not None:
            self.first = other.first if self.first is None else min(self.first, other.first)
            self.last = other.last if self.last is None else max(self.last, other.last)
        if other.durations:
            self.durations += other.durations
            if self.duration_max is None or other.duration_max > self.duration_max:
                self.duration_max = other.duration_max
            for bucket, (count, low, high) in other.histogram.items():
                entry = self.histogram.get(bucket)
                if entry is None:
                    self.histogram[bucket] = [count, low, high]
                else:
                    entry[0] += count
                    entry[1] = min(entry[1], low)
                    entry[2] = max(entry[2], high)
        self.malformed += other.malformed
        return self

    def percentile_us(self, percent: int) -> float:
        """Nearest-rank percentile of the recorded durations, in µs.

        The ceil(percent/100 * n)-th smallest duration lies in one bucket,
        between the smallest and largest values recorded there: the middle of
        those is reported. It is exact when the bucket holds one value (always
        below 2048 µs), and otherwise within half a bucket (< 0.05%)."""
        rank = max(1, -(-percent * self.durations // 100))
        seen = 0
        for bucket in sorted(self.histogram):
            count, low, high = self.histogram[bucket]
            seen += count
            if seen >= rank:
                return low if low == high else (low + high) / 2
        raise AssertionError("rank beyond the histogram")


# ---------------------------------------------------------------------------
# Summaries


class RawNumber:
    """A JSON number written as its text (max_amount is written as in the log)."""

    __slots__ = ("text",)

    def __init__(self, text: str):
        self.text = text

    def __float__(self):
        return float(self.text)

    def __repr__(self):
        return self.text


def _capped(count: int) -> int:
    return min(count, INT64_MAX)


def _iso_second(second: int) -> str:
    moment = datetime.datetime(1970, 1, 1) + datetime.timedelta(seconds=second)
    return "%04d-%02d-%02dT%02d:%02d:%02dZ" % (
        moment.year, moment.month, moment.day, moment.hour, moment.minute, moment.second,
    )


def _byte_sorted(mapping: dict):
    # Keys sorted byte-wise (UTF-8 bytes order as code points do).
    return sorted(mapping.items(), key=lambda item: item[0])


def summary(agent: str, tally: Tally) -> dict:
    """The audit summary of one agent, keys in the order of audit-logs.md.
    `max_amount` values are RawNumber (see `dumps`)."""
    out = {"agent": agent}
    if tally.first is not None:
        out["period_start"] = _iso_second(tally.first)
        out["period_end"] = _iso_second(tally.last)
    out["events"] = _capped(tally.events)
    out["allowed"] = _capped(tally.allowed)
    out["blocked"] = _capped(tally.blocked)
    actions = {}
    for name, (total, blocked, _value, text, _blocked_value, blocked_text) in _byte_sorted(tally.actions):
        entry = {"total": _capped(total), "blocked": _capped(blocked)}
        if text is not None:
            entry["max_amount"] = RawNumber(text)
        if blocked_text is not None:
            entry["max_blocked_amount"] = RawNumber(blocked_text)
        actions[name] = entry
    out["actions"] = actions
    out["tools"] = {name: _capped(count) for name, count in _byte_sorted(tally.tools)}
    out["policy_violations"] = {
        name: {"count": _capped(count), "severity": SEVERITIES[rank]}
        for name, (count, rank) in _byte_sorted(tally.policies)
    }
    out["approvals"] = {
        status: _capped(tally.approvals[index]) for index, status in enumerate(APPROVAL_STATUSES)
    }
    out["input_tokens"] = _capped(tally.input_tokens)
    out["output_tokens"] = _capped(tally.output_tokens)
    if tally.durations:
        out["duration_ms"] = {
            "p50": tally.percentile_us(50) / 1000.0,
            "p95": tally.percentile_us(95) / 1000.0,
            "max": tally.duration_max,
        }
    out["malformed_lines"] = _capped(tally.malformed)
    return out


def dumps(value, indent: int = 2, _level: int = 0) -> str:
    """JSON text of a summary (or a map of them): like json.dumps with
    ensure_ascii=False, and RawNumber written as its text."""
    if isinstance(value, dict):
        if not value:
            return "{}"
        pad = "\n" + " " * (indent * (_level + 1))
        items = [
            json.dumps(key, ensure_ascii=False) + ": " + dumps(item, indent, _level + 1)
            for key, item in value.items()
        ]
        return "{" + pad + ("," + pad).join(items) + "\n" + " " * (indent * _level) + "}"
    if isinstance(value, RawNumber):
        return value.text
    if isinstance(value, float):
        return repr(value)
    return json.dumps(value, ensure_ascii=False)


class Result:
    """The outcome of summarizing logs: per-agent tallies (valid ids or not)
    and per-file counts of malformed lines that name no agent."""

    def __init__(self):
        self.tallies = {}  # agent name -> Tally
        self.file_malformed = {}  # file -> count
        self.truncated = []  # gzip files that end early
        self.unread = []  # files Hadoop does not read (names starting with _ or .)

    def tally(self, agent: str) -> Tally:
        tally = self.tallies.get(agent)
        if tally is None:
            tally = self.tallies[agent] = Tally()
        return tally

    def summaries(self) -> dict:
        """{agent id: summary}, sorted, for the valid agent ids only."""
        return {
            agent: summary(agent, tally)
            for agent, tally in sorted(self.tallies.items())
            if is_agent_id(agent)
        }

    def invalid_agents(self) -> dict:
        """{name: (events, malformed lines)} of the names that are not agent ids."""
        return {
            agent: (_capped(tally.events), _capped(tally.malformed))
            for agent, tally in sorted(self.tallies.items())
            if not is_agent_id(agent)
        }

    def warnings(self) -> list:
        lines = []
        for path in self.unread:
            lines.append(f"warning: {path}: not read: Hadoop skips files whose names start with _ or .")
        for path in self.truncated:
            lines.append(f"warning: {path}: gzip data ends early; its unfinished last line is malformed")
        for path, count in sorted(self.file_malformed.items()):
            if count:
                noun = "line" if count == 1 else "lines"
                lines.append(f"warning: {path}: {count} malformed {noun} naming no agent")
        for name, (events, malformed) in self.invalid_agents().items():
            lines.append(
                f"warning: agent name {json.dumps(name, ensure_ascii=False)} is not a valid agent id: "
                f"{events} events and {malformed} malformed lines left out"
            )
        return lines

    def warnings_json(self, relative_to=None) -> dict:
        """The warnings as data: {"malformed_by_file": {file: count},
        "invalid_agents": {name: {"events": n, "malformed_lines": m}},
        "gzip_ends_early": [file, ...]}; file names relative to `relative_to`
        when given."""
        def name(path):
            if relative_to is None:
                return path
            return os.path.relpath(_local_path(path), relative_to).replace(os.sep, "/")
        return {
            "malformed_by_file": {
                name(path): count for path, count in sorted(self.file_malformed.items()) if count
            },
            "invalid_agents": {
                agent: {"events": events, "malformed_lines": malformed}
                for agent, (events, malformed) in self.invalid_agents().items()
            },
            "gzip_ends_early": sorted(name(path) for path in self.truncated),
            "not_read": sorted(name(path) for path in self.unread),
        }


def _local_path(path: str) -> str:
    # Spark names files as URIs (file:/abs/path); local mode as given.
    if path.startswith("file:"):
        path = re.sub(r"^file:(//)?", "", path)
        from urllib.parse import unquote
        path = unquote(path)
    return path


def count_line(result: Result, raw: bytes, file: str, unfinished: bool = False) -> None:
    """Adds one line of `file` to `result`. An unfinished line (the last one of
    a gzip file that ends early) is malformed even when it happens to parse."""
    kind, agent, event = parse_line(raw)
    if kind == EVENT:
        if unfinished:
            result.tally(agent).malformed += 1
        else:
            result.tally(agent).add(event)
    elif kind == MALFORMED_AGENT:
        result.tally(agent).malformed += 1
    elif kind == MALFORMED_FILE:
        result.file_malformed[file] = result.file_malformed.get(file, 0) + 1


# ---------------------------------------------------------------------------
# Reading files on this machine


class CorruptGzip(Exception):
    """Gzip data that cannot be decompressed (exit 65)."""


class _Lines:
    """Splits a byte stream on b"\\n" into lines; a line longer than
    MAX_LINE_BYTES is not kept in memory (it is passed on as None)."""

    def __init__(self, emit):
        self.emit = emit  # emit(raw line or None for an overlong one)
        self.parts = []
        self.size = 0
        self.overlong = False

    def feed(self, data: bytes) -> None:
        pieces = data.split(b"\n")
        self._append(pieces[0])
        if len(pieces) == 1:
            return
        self._finish_line()
        for piece in pieces[1:-1]:
            self.emit(piece if len(piece) <= MAX_LINE_BYTES else None)
        self._append(pieces[-1])

    def _append(self, piece: bytes) -> None:
        if not piece:
            return
        self.size += len(piece)
        if self.overlong:
            return
        if self.size > MAX_LINE_BYTES:
            self.overlong = True
            self.parts = []
        else:
            self.parts.append(piece)

    def _finish_line(self) -> None:
        if self.overlong:
            self.emit(None)
        else:
            self.emit(b"".join(self.parts))
        self.parts, self.size, self.overlong = [], 0, False

    def pending(self):
        """The unfinished last line: (bytes or None when overlong, whether any)."""
        if self.overlong:
            return None, True
        return b"".join(self.parts), self.size > 0


_CHUNK = 1 << 20


def read_file(path: str, result: Result) -> None:
    """Counts every line of one log file (plain or gzip, by its first bytes)."""
    def emit(raw):
        if raw is None:
            result.file_malformed[path] = result.file_malformed.get(path, 0) + 1
        else:
            count_line(result, raw, path)

    lines = _Lines(emit)
    truncated = False
    with open(path, "rb") as stream:
        head = stream.read(_CHUNK)
        if head[:2] == b"\x1f\x8b":
            truncated = _feed_gzip(stream, head, lines)
        else:
            data = head
            while data:
                lines.feed(data)
                data = stream.read(_CHUNK)
    last, any_bytes = lines.pending()
    if truncated:
        result.truncated.append(path)
        if last is None:
            emit(None)
        elif any_bytes:
            count_line(result, last, path, unfinished=True)
    elif last is None:
        emit(None)
    elif any_bytes:
        count_line(result, last, path)


def _feed_gzip(stream, head: bytes, lines: _Lines) -> bool:
    """Decompresses gzip members one after the other into `lines`; whether the
    data ends inside a member (a file still being written)."""
    decompressor = None  # the member being read, None between members
    data = head
    try:
        while data:
            while data:
                if decompressor is None:
                    decompressor = zlib.decompressobj(wbits=31)
                # Bounded output per call: a highly compressed line is never
                # decompressed in one piece.
                lines.feed(decompressor.decompress(data, _CHUNK))
                data = decompressor.unconsumed_tail
                if decompressor.eof:
                    data = decompressor.unused_data
                    decompressor = None
            data = stream.read(_CHUNK)
        if decompressor is not None:
            lines.feed(decompressor.flush())
            return not decompressor.eof
        return False
    except zlib.error as error:
        raise CorruptGzip(f"{stream.name}: corrupt gzip data ({error})") from None


def log_files(paths) -> list:
    """The files to read: files as given, folders searched recursively for
    *.jsonl and *.jsonl.gz (hidden files and folders skipped). Each file once."""
    files = []
    seen = set()

    def add(path):
        key = os.path.realpath(path)
        if key not in seen:
            seen.add(key)
            files.append(path)

    for path in paths:
        if os.path.isdir(path):
            found = []
            for folder, subfolders, names in os.walk(path):
                subfolders[:] = [name for name in subfolders if not name.startswith(".")]
                for name in names:
                    if not name.startswith(".") and (name.endswith(".jsonl") or name.endswith(".jsonl.gz")):
                        found.append(os.path.join(folder, name))
            for file in sorted(found, key=lambda p: p.encode("utf-8", "surrogateescape")):
                add(file)
        else:
            add(path)
    return files


def summarize_local(paths) -> Result:
    """Summarizes the logs under `paths` in this process."""
    result = Result()
    for path in log_files(paths):
        read_file(path, result)
    return result


# ---------------------------------------------------------------------------
# Output


def write_output(summaries: dict, out: str | None) -> None:
    """Prints {agent: summary} on stdout, or writes OUT/<agent>.json (each
    replaced atomically, other files left alone)."""
    if out is None:
        sys.stdout.write(dumps(summaries) + "\n")
        sys.stdout.flush()
        return
    os.makedirs(out, exist_ok=True)
    for agent, data in summaries.items():
        target = os.path.join(out, agent + ".json")
        handle, temporary = tempfile.mkstemp(prefix="." + agent + ".", suffix=".tmp", dir=out)
        try:
            with os.fdopen(handle, "w", encoding="utf-8") as stream:
                stream.write(dumps(data) + "\n")
            os.replace(temporary, target)
        except BaseException:
            if os.path.exists(temporary):
                os.unlink(temporary)
            raise


def _report(result: Result, warnings_json: str | None, relative_to: str | None, err=None) -> None:
    for line in result.warnings():
        (err or _print_err)(line)
    if warnings_json:
        with open(warnings_json, "w", encoding="utf-8") as stream:
            json.dump(result.warnings_json(relative_to), stream, indent=2, sort_keys=True, ensure_ascii=False)
            stream.write("\n")


def _print_err(line: str) -> None:
    print(line, file=sys.stderr)


# ---------------------------------------------------------------------------
# Spark


def _jvm_err(spark):
    """A function printing a line on the JVM's stderr. Under spark-submit, the
    Python driver's own stderr is merged into stdout, which must hold only
    the summaries."""
    stream = spark._jvm.java.io.FileOutputStream(spark._jvm.java.io.FileDescriptor.err)

    def err(line: str) -> None:
        stream.write(bytearray((line + "\n").encode("utf-8")))
        stream.flush()

    return err


def _spark_partition(rows, paths=None):
    """One partition of (line bytes, file URI) rows -> ((kind, name), value):
    ("agent", name) -> Tally and ("file", uri) -> malformed count. `paths` are the
    driver's --fields paths (an executor imports this module afresh)."""
    global PATHS
    if paths is not None:
        PATHS = paths
    result = Result()
    for line, file in rows:
        if line is None:  # longer than MAX_LINE_BYTES
            result.file_malformed[file] = result.file_malformed.get(file, 0) + 1
        else:
            count_line(result, bytes(line), file)
    for agent, tally in result.tallies.items():
        yield ("agent", agent), tally
    for file, count in result.file_malformed.items():
        yield ("file", file), count


def _spark_merge(a, b):
    if isinstance(a, Tally):
        return a.merge(b)
    return a + b


def _hadoop_files(spark, paths) -> list:
    """The files to read through Hadoop's FileSystem: files as given, folders
    searched recursively for *.jsonl and *.jsonl.gz, hidden entries skipped."""
    jvm = spark._jvm
    conf = spark._jsc.hadoopConfiguration()
    files, seen = [], set()
    for given in paths:
        path = jvm.org.apache.hadoop.fs.Path(given)
        fs = path.getFileSystem(conf)
        status = fs.getFileStatus(path)  # raises when missing
        root = status.getPath().toString()
        if not status.isDirectory():
            found = [root]
        else:
            found = []
            entries = fs.listFiles(status.getPath(), True)
            while entries.hasNext():
                entry = entries.next()
                name = entry.getPath().toString()
                relative = name[len(root):].lstrip("/").split("/")
                if any(part.startswith(".") for part in relative):
                    continue
                if name.endswith(".jsonl") or name.endswith(".jsonl.gz"):
                    found.append(name)
            found.sort(key=lambda p: p.encode("utf-8", "surrogateescape"))
        for name in found:
            if name not in seen:
                seen.add(name)
                files.append(name)
    return files


def summarize_spark(spark, paths) -> Result:
    """Summarizes the logs under `paths` (Hadoop paths) on the cluster."""
    from pyspark.sql import functions as F

    # The executors import this file by name (shipped with the job), so that
    # the functions and classes below travel by reference, not by value.
    context = spark.sparkContext
    if getattr(context, "_dossier_shipped", False) is False:
        context.addPyFile(os.path.abspath(__file__))
        context._dossier_shipped = True
    if os.path.dirname(os.path.abspath(__file__)) not in sys.path:
        sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
    import summarize_audit as core

    result = Result()
    files = []
    for file in _hadoop_files(spark, paths):
        # Spark's file index drops these, even when named explicitly: say so.
        name = file.rsplit("/", 1)[-1]
        if (name.startswith("_") and "=" not in name) or name.startswith(".") or name.endswith("._COPYING_"):
            result.unread.append(file)
        else:
            files.append(file)
    if not files:
        return result
    # lineSep "\n": lines end with \n only (a \r before it is whitespace, as in
    # dossier); the line is cast to binary so that its bytes reach Python as
    # they are (invalid UTF-8 included). Hadoop decompresses *.gz files. A
    # line longer than MAX_LINE_BYTES is not sent to Python: it arrives as
    # null, a malformed line of its file.
    value = F.col("value")
    frame = (
        spark.read.option("lineSep", "\n").text(files)
        .select(
            F.when(F.octet_length(value) <= MAX_LINE_BYTES, value.cast("binary")).alias("line"),
            F.col("_metadata.file_path").alias("file"),
        )
    )
    paths = PATHS  # this module's --fields, sent to the executors with each partition
    merged = frame.rdd.mapPartitions(lambda rows: core._spark_partition(rows, paths)).reduceByKey(core._spark_merge).collect()
    for (kind, name), value in merged:
        if kind == "agent":
            result.tallies[name] = value
        else:
            result.file_malformed[name] = value
    return result


def _write_hadoop(spark, summaries: dict, out: str) -> None:
    """Writes OUT/<agent>.json through Hadoop's FileSystem (s3a://, hdfs://,
    file://): each written to a hidden temporary name, then renamed over the
    old one (atomic on HDFS; object stores have no atomic rename)."""
    jvm = spark._jvm
    conf = spark._jsc.hadoopConfiguration()
    folder = jvm.org.apache.hadoop.fs.Path(out)
    fs = folder.getFileSystem(conf)
    if jvm.java.lang.Class.forName("org.apache.hadoop.fs.ChecksumFileSystem").isInstance(fs):
        fs = fs.getRawFileSystem()  # file://: no .crc files beside the summaries
    fs.mkdirs(folder)
    for agent, data in summaries.items():
        target = jvm.org.apache.hadoop.fs.Path(folder, agent + ".json")
        temporary = jvm.org.apache.hadoop.fs.Path(folder, "." + agent + ".json.tmp")
        stream = fs.create(temporary, True)
        try:
            stream.write(bytearray((dumps(data) + "\n").encode("utf-8")))
        finally:
            stream.close()
        if fs.exists(target):
            fs.delete(target, False)
        if not fs.rename(temporary, target):
            raise OSError(f"cannot write {target.toString()}")


def _spark_error(error: Exception) -> str:
    """One line for a failed job: the messages of the Java exception and its
    causes (the file that could not be read, and why)."""
    java = getattr(error, "java_exception", None)
    if java is None:
        return str(error).splitlines()[0] if str(error) else type(error).__name__
    messages = []
    while java is not None and len(messages) < 8:
        message = java.getMessage()
        if message:
            first = str(message).strip().splitlines()[0]
            if not any(first in seen for seen in messages):
                messages.append(first)
        java = java.getCause()
    return ": ".join(messages[-2:]) if messages else str(error).splitlines()[0]


def run_spark(paths, out, warnings_json, relative_to=None) -> int:
    from pyspark.sql import SparkSession

    spark = (
        SparkSession.builder.appName("dossier summarize audit")
        .config("spark.log.level", "WARN")
        .getOrCreate()
    )
    err = _jvm_err(spark)
    try:
        try:
            result = summarize_spark(spark, paths)
        except Exception as error:  # a missing path, an unreadable file, gzip data that ends early or is corrupt
            err(f"error: {_spark_error(error)}")
            return 74
        summaries = result.summaries()
        _report(result, warnings_json, relative_to, err)
        if out is not None and re.match(r"^[A-Za-z][A-Za-z0-9+.-]*://", out):
            _write_hadoop(spark, summaries, out)
        else:
            write_output(summaries, out)
        return 0
    finally:
        spark.stop()


# ---------------------------------------------------------------------------
# Command line


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description="Summarize raw audit logs (JSON lines, plain or gzip) into dossier audit summaries.",
    )
    parser.add_argument("paths", nargs="+", metavar="LOG_OR_DIR", help="log files and folders (Hadoop paths on Spark)")
    parser.add_argument("--out", metavar="DIR", help="write DIR/<agent>.json instead of printing one JSON object")
    parser.add_argument("--local", action="store_true", help="read local files in this process, without Spark")
    parser.add_argument("--warnings-json", metavar="FILE", help="also write the warnings as JSON to FILE")
    parser.add_argument("--relative-to", metavar="DIR", help=argparse.SUPPRESS)
    parser.add_argument("--fields", metavar="FILE", help="a YAML map of event key to JSON Pointer (as audit_fields in dossier.yaml)")
    try:
        args = parser.parse_args(argv)
    except SystemExit as exit:
        return 0 if exit.code == 0 else 64

    if args.fields:
        global PATHS
        try:
            PATHS = read_paths(load_fields(args.fields))
        except (OSError, ValueError) as error:
            print(f"error: {args.fields}: {error}", file=sys.stderr)
            return 65

    if not args.local:
        return run_spark(args.paths, args.out, args.warnings_json, args.relative_to)

    for path in args.paths:
        if not os.path.exists(path):
            print(f"error: {path}: no such file or folder", file=sys.stderr)
            return 74
    try:
        result = summarize_local(args.paths)
    except CorruptGzip as error:
        print(f"error: {error}", file=sys.stderr)
        return 65
    except OSError as error:
        print(f"error: {error}", file=sys.stderr)
        return 74
    _report(result, args.warnings_json, args.relative_to)
    try:
        write_output(result.summaries(), args.out)
    except OSError as error:
        print(f"error: {error}", file=sys.stderr)
        return 74
    return 0


if __name__ == "__main__":
    sys.exit(main())
