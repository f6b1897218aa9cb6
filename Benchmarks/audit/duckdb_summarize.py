#!/usr/bin/env python3
"""Summarize raw audit logs with DuckDB: the baseline of the audit benchmark.

    python3 Benchmarks/audit/duckdb_summarize.py [--rfc3339] [--nested KEY] LOG [LOG...]

--rfc3339 reads `timestamp` as an RFC 3339 string (cast to TIMESTAMPTZ);
--nested KEY reads every event key under the object KEY of each line (the
benchmark's mapped-fields input, `{"KEY": {...event...}}`).

Does the work of `dossier summarize` the way one would with an analytics
engine: DuckDB reads the JSON Lines with `read_json` (only the keys that
count, with explicit types; lines that do not parse are not fatal) into a
table, and GROUP BY queries compute, per agent: events, allowed and blocked;
per action the total, blocked count and largest amount; per tool the count;
per policy the violations and their highest severity (policy_checks
unnested); approvals by status; token sums; the first and last timestamp;
and p50/p95 (quantile_disc) and max of duration_ms. DuckDB runs on every
core. Needs `pip install duckdb`.

The result is one JSON object on stdout whose keys are the agent ids and
whose values are summaries in the shape of `dossier summarize`, close
enough to compare counts. Differences by design: percentiles are DuckDB's
quantile_disc of the exact values (dossier keeps 3 significant digits), and
the validity of agent ids is not checked. Lines with no `agent_name` at all
(including lines that are not JSON) are counted on stderr.
"""

import datetime
import json
import os
import sys

try:
    import duckdb
except ImportError:
    sys.exit("duckdb_summarize.py: the duckdb module is missing (pip install duckdb)")

# The keys that count, with their types; every other key of the events is skipped.
COLUMNS = {
    "agent_name": "VARCHAR",
    "timestamp": "DOUBLE",
    "action": "VARCHAR",
    "allowed": "BOOLEAN",
    "tool_name": "VARCHAR",
    "tool_args": "STRUCT(amount DOUBLE)",
    "policy_checks": "STRUCT(policy VARCHAR, result VARCHAR, severity VARCHAR)[]",
    "duration_ms": "DOUBLE",
    "input_tokens": "BIGINT",
    "output_tokens": "BIGINT",
    "metadata": "STRUCT(approval_status VARCHAR)",
}
SEVERITY_NAMES = {1: "low", 2: "medium", 3: "high", 4: "critical"}

LOAD = """
CREATE TEMP TABLE ev AS
SELECT agent_name,
       agent_name IS NOT NULL AND timestamp IS NOT NULL AND action IS NOT NULL
         AND allowed IS NOT NULL AS ok,
       timestamp, action, allowed, tool_name,
       tool_args.amount AS amount,
       policy_checks,
       CASE WHEN duration_ms >= 0 THEN duration_ms END AS duration_ms,
       CASE WHEN input_tokens >= 0 THEN input_tokens ELSE 0 END AS input_tokens,
       CASE WHEN output_tokens >= 0 THEN output_tokens ELSE 0 END AS output_tokens,
       metadata.approval_status AS approval_status
FROM {source}
"""

READ_JSON = """read_json(?, format = 'newline_delimited', ignore_errors = true,
               maximum_object_size = 67108864, columns = {columns})"""

PER_AGENT = """
SELECT agent_name,
       count(*) FILTER (ok) AS events,
       count(*) FILTER (ok AND allowed) AS allowed,
       count(*) FILTER (ok AND NOT allowed) AS blocked,
       count(*) FILTER (NOT ok) AS malformed,
       min(timestamp) FILTER (ok), max(timestamp) FILTER (ok),
       coalesce(sum(input_tokens) FILTER (ok), 0),
       coalesce(sum(output_tokens) FILTER (ok), 0),
       quantile_disc(duration_ms, 0.5) FILTER (ok),
       quantile_disc(duration_ms, 0.95) FILTER (ok),
       max(duration_ms) FILTER (ok)
FROM ev WHERE agent_name IS NOT NULL
GROUP BY agent_name
"""

PER_ACTION = """
SELECT agent_name, action, count(*), count(*) FILTER (NOT allowed),
       max(amount) FILTER (allowed), max(amount) FILTER (NOT allowed)
FROM ev WHERE ok GROUP BY agent_name, action
"""

PER_TOOL = """
SELECT agent_name, tool_name, count(*)
FROM ev WHERE ok AND tool_name IS NOT NULL GROUP BY agent_name, tool_name
"""

VIOLATIONS = """
SELECT agent_name, c.policy, count(*),
       max(CASE c.severity WHEN 'low' THEN 1 WHEN 'medium' THEN 2 WHEN 'high' THEN 3
                           WHEN 'critical' THEN 4 ELSE 2 END)
FROM (SELECT agent_name, unnest(policy_checks) AS c FROM ev WHERE ok)
WHERE c.result = 'blocked' AND c.policy IS NOT NULL
GROUP BY agent_name, c.policy
"""

APPROVALS = """
SELECT agent_name, approval_status, count(*)
FROM ev WHERE ok AND approval_status IN ('approved', 'rejected', 'timeout')
GROUP BY agent_name, approval_status
"""

UNKNOWN_AGENT = "SELECT count(*) FROM ev WHERE agent_name IS NULL"


def iso(ts):
    """Seconds since the epoch as YYYY-MM-DDTHH:MM:SSZ, the fraction dropped."""
    t = datetime.datetime(1970, 1, 1) + datetime.timedelta(seconds=int(ts // 1))
    return t.strftime("%Y-%m-%dT%H:%M:%SZ")


def main():
    args = sys.argv[1:]
    rfc3339 = "--rfc3339" in args
    args = [a for a in args if a != "--rfc3339"]
    nested = None
    if "--nested" in args:
        i = args.index("--nested")
        nested = args[i + 1]
        del args[i:i + 2]
    logs = args
    if not logs:
        sys.exit("usage: duckdb_summarize.py [--rfc3339] [--nested KEY] LOG [LOG...]")
    con = duckdb.connect()
    con.execute("SET threads = %d" % (os.cpu_count() or 1))
    con.execute("SET preserve_insertion_order = false")
    types = dict(COLUMNS)
    if rfc3339:
        types["timestamp"] = "VARCHAR"
    if nested:
        struct = "STRUCT(" + ", ".join('"%s" %s' % kv for kv in types.items()) + ")"
        columns = "{'%s': '%s'}" % (nested, struct)
        source = "(SELECT unnest(\"%s\") FROM %s)" % (nested, READ_JSON.format(columns=columns))
    else:
        columns = "{" + ", ".join("'%s': '%s'" % kv for kv in types.items()) + "}"
        source = READ_JSON.format(columns=columns)
    if rfc3339:
        source = "(SELECT * REPLACE (epoch(try_cast(timestamp AS TIMESTAMPTZ)) AS timestamp) FROM %s)" % source
    con.execute(LOAD.format(source=source), [logs])

    out = {}
    for (agent, events, allowed, blocked, malformed, first, last, tin, tout,
         p50, p95, dmax) in con.execute(PER_AGENT).fetchall():
        s = {"agent": agent}
        if events:
            s["period_start"], s["period_end"] = iso(first), iso(last)
        s.update(events=events, allowed=allowed, blocked=blocked,
                 actions={}, tools={}, policy_violations={},
                 approvals={"approved": 0, "rejected": 0, "timeout": 0},
                 input_tokens=int(tin), output_tokens=int(tout))
        if dmax is not None:
            s["duration_ms"] = {"p50": p50, "p95": p95, "max": dmax}
        s["malformed_lines"] = malformed
        out[agent] = s
    for agent, action, total, blocked, amount, blocked_amount in con.execute(PER_ACTION).fetchall():
        a = {"total": total, "blocked": blocked}
        # What was executed, and what the policy engine stopped (as dossier summarize reports them).
        if amount is not None:
            a["max_amount"] = amount
        if blocked_amount is not None:
            a["max_blocked_amount"] = blocked_amount
        out[agent]["actions"][action] = a
    for agent, tool, count in con.execute(PER_TOOL).fetchall():
        out[agent]["tools"][tool] = count
    for agent, policy, count, severity in con.execute(VIOLATIONS).fetchall():
        out[agent]["policy_violations"][policy] = {"count": count, "severity": SEVERITY_NAMES[severity]}
    for agent, status, count in con.execute(APPROVALS).fetchall():
        out[agent]["approvals"][status] = count
    unknown = con.execute(UNKNOWN_AGENT).fetchone()[0]
    if unknown:
        print("duckdb_summarize.py: %d lines with no agent_name (not JSON, or no such key)" % unknown,
              file=sys.stderr)

    # Keys sorted byte-wise, as dossier writes them.
    for s in out.values():
        for key in ("actions", "tools", "policy_violations"):
            s[key] = dict(sorted(s[key].items(), key=lambda kv: kv[0].encode()))
    result = dict(sorted(out.items(), key=lambda kv: kv[0].encode()))
    json.dump(result, sys.stdout, ensure_ascii=False, separators=(",", ":"))
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
