#!/usr/bin/env python3
"""Compare two `summarize` outputs of the audit benchmark, as a sanity check.

    python3 Benchmarks/audit/compare.py EXPECTED.json ACTUAL.json [NAME]

Both files hold one JSON object whose keys are agent ids and whose values
are audit summaries (the stdout of `dossier summarize`, of
duckdb_summarize.py or of python_summarize.py). Counts, sums, periods and
amounts must be equal; duration percentiles may differ by 1% (implementations
keep different precision and pick nearest ranks slightly differently);
duration max must be equal. Prints one line: "agree", or the number of
differences and the first few. Always exits 0: the benchmark reports, it
does not judge.
"""

import json
import sys

EXACT = ["period_start", "period_end", "events", "allowed", "blocked", "tools",
         "policy_violations", "input_tokens", "output_tokens", "malformed_lines"]


def close(a, b, rel):
    return abs(a - b) <= rel * max(abs(a), abs(b))


def diff_summary(agent, a, b, out):
    for key in EXACT:
        if a.get(key) != b.get(key):
            out.append("%s.%s: %s vs %s" % (agent, key, json.dumps(a.get(key)), json.dumps(b.get(key))))
    approvals_a = {k: v for k, v in (a.get("approvals") or {}).items() if v}
    approvals_b = {k: v for k, v in (b.get("approvals") or {}).items() if v}
    if approvals_a != approvals_b:
        out.append("%s.approvals: %s vs %s" % (agent, json.dumps(approvals_a), json.dumps(approvals_b)))
    acts_a, acts_b = a.get("actions") or {}, b.get("actions") or {}
    for action in sorted(set(acts_a) | set(acts_b)):
        x, y = acts_a.get(action) or {}, acts_b.get(action) or {}
        for key in ("total", "blocked"):
            if x.get(key) != y.get(key):
                out.append("%s.actions.%s.%s: %s vs %s" % (agent, action, key, x.get(key), y.get(key)))
        for key in ("max_amount", "max_blocked_amount"):
            mx, my = x.get(key), y.get(key)
            if (mx is None) != (my is None) or (mx is not None and float(mx) != float(my)):
                out.append("%s.actions.%s.%s: %s vs %s" % (agent, action, key, mx, my))
    da, db = a.get("duration_ms"), b.get("duration_ms")
    if (da is None) != (db is None):
        out.append("%s.duration_ms: %s vs %s" % (agent, json.dumps(da), json.dumps(db)))
    elif da is not None:
        for key in ("p50", "p95"):
            if not close(float(da[key]), float(db[key]), 0.01):
                out.append("%s.duration_ms.%s: %s vs %s" % (agent, key, da[key], db[key]))
        if float(da["max"]) != float(db["max"]):
            out.append("%s.duration_ms.max: %s vs %s" % (agent, da["max"], db["max"]))


def main():
    if len(sys.argv) not in (3, 4):
        sys.exit("usage: compare.py EXPECTED.json ACTUAL.json [NAME]")
    name = sys.argv[3] if len(sys.argv) == 4 else sys.argv[2]
    try:
        with open(sys.argv[1], encoding="utf-8") as f:
            a = json.load(f)
        with open(sys.argv[2], encoding="utf-8") as f:
            b = json.load(f)
    except (OSError, ValueError) as e:
        print("%s: not compared (%s)" % (name, e))
        return
    if not (isinstance(a, dict) and isinstance(b, dict)
            and all(isinstance(v, dict) for v in list(a.values()) + list(b.values()))):
        print("%s: not compared (not an object of summaries)" % name)
        return
    out = []
    for agent in sorted(set(a) - set(b)):
        out.append("%s: only in %s" % (agent, sys.argv[1]))
    for agent in sorted(set(b) - set(a)):
        out.append("%s: only in %s" % (agent, sys.argv[2]))
    for agent in sorted(set(a) & set(b)):
        diff_summary(agent, a[agent], b[agent], out)
    if out:
        print("%s: %d differences, e.g. %s" % (name, len(out), "; ".join(out[:3])))
    else:
        print("%s: agree (%d agents)" % (name, len(a)))


if __name__ == "__main__":
    main()
