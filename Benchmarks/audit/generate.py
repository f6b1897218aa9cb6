#!/usr/bin/env python3
"""Generate a raw audit log (JSON Lines) of a given size for benchmarks.

    python3 Benchmarks/audit/generate.py SIZE_BYTES OUT.jsonl

The log is deterministic (same SIZE_BYTES, same bytes; the random generator
has a fixed seed), needs no network and no third-party module. Each line is
one event as the reference audit logger writes it, keys in this order:

    event_id, timestamp, agent_name, agent_version, session_id, user_id,
    action, tool_name, tool_args, tool_result, policy_checks, allowed,
    duration_ms, model, input_tokens, output_tokens, metadata

The events look like a busy deployment: about 40 agents with a skewed share
of the traffic, a dozen actions with their tools, timestamps rising over six
months from 2026-05-01 with some jitter, tool results of a few bytes to a few
hundred (with escaped quotes and newlines, and non-ASCII text both raw and
\\u-escaped), policy checks that mostly pass (about 1% of events are
blocked), log-normal durations, token counts, and human approvals on
transactions. About one line in 10,000 is malformed: a truncated line, or an
event without its `allowed` key.

Writing stops at the first line boundary at or after SIZE_BYTES, so the file
holds whole lines and is at most one line longer than asked. The file is
written under a temporary name and renamed when complete, so an interrupted
run never leaves a partial OUT.jsonl behind.

Speed: the JSON of every field that does not change per event (agent
headers, tool arguments, tool results, passing policy checks, metadata) is
serialized once up front; each event then takes a handful of random draws
and a single string format. 1 GiB (about 1.8 million lines of 580 bytes on
average) takes about 40 s on one core.
"""

import json
import math
import os
import random
import sys
import time

SEED = 20261126
START = 1777593600.0            # 2026-05-01T00:00:00Z
END = START + 184 * 86400.0     # 2026-11-01T00:00:00Z
BLOCK_BYTES = 8 << 20           # written to disk in blocks of about this size
MALFORMED_RATE = 0.0001         # one line in 10,000

# Agent families: id prefix, how many instances, the actions the family uses
# (with weights), and its models.
FAMILIES = [
    ("customer-support", 6,
     {"search": 30, "lookup_customer": 25, "send_email": 15, "create_ticket": 12,
      "send_external_message": 10, "read_file": 8},
     ["gpt-4o", "claude-3.5-sonnet"]),
    ("financial-advisor", 4,
     {"query_database": 30, "search": 20, "execute_transaction": 25,
      "generate_report": 15, "send_email": 10},
     ["gpt-4o", "claude-3.5-sonnet"]),
    ("code-assistant", 5,
     {"run_code": 35, "read_file": 25, "write_file": 15, "search": 15, "http_request": 10},
     ["claude-3.5-sonnet", "gpt-4o-mini"]),
    ("data-analyst", 4,
     {"query_database": 40, "run_code": 25, "generate_report": 20, "read_file": 15},
     ["gpt-4o", "llama-3.1-70b"]),
    ("hr-screening", 3,
     {"read_file": 35, "search": 20, "query_database": 25, "send_email": 20},
     ["gpt-4o-mini"]),
    ("research-assistant", 5,
     {"search": 40, "http_request": 25, "read_file": 15, "summarize_document": 20},
     ["claude-3.5-haiku", "mistral-large"]),
    ("marketing-writer", 3,
     {"search": 25, "summarize_document": 25, "send_external_message": 25,
      "send_email": 15, "generate_report": 10},
     ["gpt-4o-mini", "mistral-large"]),
    ("claims-processor", 4,
     {"read_file": 25, "query_database": 30, "execute_transaction": 20,
      "send_email": 15, "create_ticket": 10},
     ["claude-3.5-sonnet"]),
    ("it-helpdesk", 3,
     {"create_ticket": 30, "run_code": 20, "search": 25, "send_email": 15,
      "lookup_customer": 10},
     ["llama-3.1-70b", "gpt-4o-mini"]),
    ("procurement-bot", 3,
     {"execute_transaction": 30, "query_database": 25, "send_external_message": 20,
      "send_email": 15, "generate_report": 10},
     ["gpt-4o"]),
]

# Action -> (tools, typical duration in ms, policies that check it).
# A tool of None means the action runs without a tool.
ACTIONS = {
    "search": (["web_search", "kb_search"], 250, ["content-safety", "rate-limit"]),
    "lookup_customer": (["crm_lookup"], 120, ["data-access", "pii-minimization"]),
    "send_email": (["email_gateway"], 600, ["no-pii-external", "content-safety"]),
    "create_ticket": (["jira"], 350, ["rate-limit"]),
    "send_external_message": (["slack_connector", "sms_gateway"], 450,
                              ["no-pii-external", "content-safety", "approval-required"]),
    "read_file": (["file_reader"], 80, ["data-access", "secrets-scan"]),
    "write_file": (["file_writer"], 110, ["data-access", "secrets-scan", "code-sandbox"]),
    "query_database": (["sql_runner"], 400, ["data-access", "row-limit", "pii-minimization"]),
    "execute_transaction": (["payments_api", "ledger_write"], 900,
                            ["transaction-limits", "approval-required", "fraud-screening"]),
    "generate_report": (["report_builder"], 2200, ["data-access"]),
    "run_code": (["python_sandbox"], 1500, ["code-sandbox", "network-egress"]),
    "http_request": (["http_client"], 700, ["network-egress", "domain-allowlist"]),
    "summarize_document": ([None], 1800, ["content-safety"]),
}

# Each policy's usual severity.
POLICY_SEVERITY = {
    "content-safety": "medium", "rate-limit": "low", "data-access": "medium",
    "pii-minimization": "high", "no-pii-external": "critical", "approval-required": "high",
    "secrets-scan": "high", "code-sandbox": "high", "row-limit": "low",
    "transaction-limits": "high", "fraud-screening": "critical",
    "network-egress": "medium", "domain-allowlist": "medium",
}
SEVERITIES = ["low", "medium", "high", "critical"]

WORDS = ("account balance invoice refund customer order policy claim report quarterly "
         "revenue forecast ticket escalation password reset shipment delayed contract "
         "renewal premium deductible payment pending approved review summary analysis "
         "dataset query results table column latency error timeout retry success "
         "document section paragraph meeting schedule Q3 EU region compliance audit").split()
# Non-ASCII words: written raw (UTF-8) in some results and \\u-escaped in others.
WORDS_INTL = ["café", "résumé", "naïve", "Zürich", "São Paulo", "München", "façade",
              "déjà vu", "Ελλάδα", "東京", "€1,250", "crème brûlée", "Łódź", "😀"]
DOMAINS = ["example.com", "acme.example", "northwind.example", "contoso.example"]


def words(rng, n, intl=0.0):
    """n words, with probability intl each of being a non-ASCII one."""
    return " ".join(rng.choice(WORDS_INTL) if rng.random() < intl else rng.choice(WORDS)
                    for _ in range(n))


def dumps(value, rng):
    """JSON as the logger writes it; non-ASCII raw or escaped at random."""
    return json.dumps(value, ensure_ascii=rng.random() < 0.5)


def make_tool_args(rng, action):
    """One serialized tool_args object for the action (amounts are added per event)."""
    if action == "search":
        return {"query": words(rng, rng.randint(1, 4), 0.05)}
    if action == "lookup_customer":
        return {"customer_id": "cus_%06d" % rng.randrange(10**6), "fields": ["tier"]}
    if action == "send_email":
        return {"to": "%s@%s" % (rng.choice(WORDS), rng.choice(DOMAINS)),
                "subject": words(rng, rng.randint(2, 5), 0.05).capitalize()}
    if action == "create_ticket":
        return {"project": rng.choice(["OPS", "SUP", "FIN", "IT"]),
                "title": words(rng, rng.randint(2, 6))}
    if action == "send_external_message":
        return {"channel": rng.choice(["#partners", "#vendors", "+4420790000%02d" % rng.randrange(100)]),
                "text": words(rng, rng.randint(2, 8), 0.05)}
    if action in ("read_file", "write_file"):
        return {"path": "/data/%s/%s_%d.%s" % (rng.choice(WORDS), rng.choice(WORDS), rng.randrange(1000),
                                               rng.choice(["csv", "json", "pdf", "txt", "md"]))}
    if action == "query_database":
        return {"sql": "SELECT * FROM %s WHERE %s = '%s'" % (
            rng.choice(WORDS), rng.choice(WORDS), rng.choice(WORDS))}
    if action == "generate_report":
        return {"template": rng.choice(["monthly", "quarterly", "incident"])}
    if action == "run_code":
        return {"language": "python",
                "code": "df = pd.read_csv(\"%s.csv\")\nprint(df.describe())" % rng.choice(WORDS)}
    if action == "http_request":
        return {"url": "https://api.%s/v2/%s" % (rng.choice(DOMAINS), rng.choice(WORDS))}
    return None


def make_tool_result(rng):
    """One serialized tool_result: mostly short, sometimes a few hundred bytes."""
    r = rng.random()
    if r < 0.75:
        text = rng.choice(["OK", "done", "sent", "200 OK", "found"]) + ": " + words(rng, rng.randint(1, 5), 0.03)
    elif r < 0.95:
        lines = [words(rng, rng.randint(3, 7), 0.05) for _ in range(rng.randint(1, 3))]
        text = 'Found %d results for "%s":\n%s' % (rng.randint(1, 50), rng.choice(WORDS), "\n".join(lines))
    else:
        rows = ['{"id": %d, "name": "%s", "status": "%s"}' % (rng.randrange(10**5), words(rng, 2, 0.1),
                                                            rng.choice(["open", "closed", "pending"]))
                for _ in range(rng.randint(3, 7))]
        text = "[" + ", ".join(rows) + "]\n\t(truncated)"
    return dumps(text, rng)


class Agent:
    pass


def build_agents(rng):
    """About 40 agents, each with its precomputed fragments and traffic weight."""
    agents = []
    for family, count, action_weights, models in FAMILIES:
        numbers = rng.sample(range(1, 13), count)
        for number in sorted(numbers):
            a = Agent()
            a.name = "%s-%02d" % (family, number)
            a.version = "%d.%d.%d" % (rng.randint(1, 4), rng.randint(0, 12), rng.randint(0, 30))
            a.model = rng.choice(models)
            a.block_factor = rng.choice([0.3, 0.5, 0.7, 1.0, 1.0, 1.5, 3.0])
            # Action lookup table: 256 slots filled in proportion to the weights.
            names = sorted(action_weights)
            total = sum(action_weights.values())
            table = []
            for n in names:
                table += [n] * round(256 * action_weights[n] / total)
            table = (table + [names[0]] * 256)[:256]
            a.action_table = table
            a.users = ["user-%05d" % rng.randrange(10**5) for _ in range(rng.randint(20, 400))]
            a.session = None
            a.user = "null"
            agents.append(a)
    return agents


def agent_table(rng, agents):
    """4096 slots, filled with agents in Zipf-like proportion (skewed traffic)."""
    ranked = agents[:]
    rng.shuffle(ranked)
    weights = [1.0 / (rank + 1) ** 1.1 for rank in range(len(ranked))]
    total = sum(weights)
    table = []
    for agent, w in zip(ranked, weights):
        table += [agent] * max(1, round(4096 * w / total))
    return (table * 2)[:4096]


def precompute(rng):
    """Pools of serialized fragments, drawn from per event."""
    pools = {}
    for action, (tools, _, policies) in ACTIONS.items():
        p = {}
        p["tools"] = [("null" if t is None else '"%s"' % t) for t in tools]
        if action == "summarize_document":
            p["args"] = ["null"]
        elif action == "execute_transaction":
            # The amount is drawn per event; the rest of the object is pooled.
            p["args_tail"] = [", " + dumps({"currency": rng.choice(["EUR", "EUR", "USD", "GBP"]),
                                            "account_id": "acct-%04d" % rng.randrange(10**4),
                                            "reference": "INV-2026-%05d" % rng.randrange(10**5)}, rng)[1:]
                              for _ in range(500)]
        else:
            p["args"] = [dumps(make_tool_args(rng, action), rng) for _ in range(500)] + ["{}", "null"] * 5
        # Passing checks: 0-3 of the action's policies, severity present or not.
        checks = []
        for _ in range(300):
            k = min(len(policies), rng.choice([0, 0, 0, 0, 1, 1, 1, 1, 2, 3]))
            chosen = rng.sample(policies, k)
            entries = []
            for pol in chosen:
                e = {"policy": pol, "result": "passed" if rng.random() < 0.99 else "flagged"}
                if rng.random() < 0.3:
                    e["severity"] = POLICY_SEVERITY[pol]
                entries.append(e)
            checks.append(json.dumps(entries))
        p["checks"] = checks
        pools[action] = p
    pools["results"] = [make_tool_result(rng) for _ in range(4000)]
    # Metadata members (the text between the braces): mostly none.
    pools["meta"] = [""] * 48 + ['"region": "%s"' % rng.choice(["eu-west-1", "us-east-1"]) for _ in range(16)]
    return pools


def blocked_checks(rng, action):
    """A policy_checks list where one check blocked (with its severity, mostly)."""
    policies = ACTIONS[action][2]
    chosen = rng.sample(policies, rng.randint(1, len(policies)))
    entries = []
    for i, pol in enumerate(chosen):
        if i == 0:
            e = {"policy": pol, "result": "blocked"}
            r = rng.random()
            if r < 0.88:
                e["severity"] = POLICY_SEVERITY[pol]
            elif r < 0.95:
                e["severity"] = rng.choice(SEVERITIES)
            elif r < 0.98:
                pass                                  # no severity: counts as medium
            else:
                e["severity"] = rng.choice(["severe", "warning", "HIGH"])  # unknown: medium
        else:
            e = {"policy": pol, "result": "passed"}
        entries.append(e)
    rng.shuffle(entries)
    return json.dumps(entries)


LINE = ('{"event_id": "%s", "timestamp": %.6f, "agent_name": "%s", "agent_version": "%s", '
        '"session_id": "%s", "user_id": %s, "action": "%s", "tool_name": %s, "tool_args": %s, '
        '"tool_result": %s, "policy_checks": %s, "allowed": %s, "duration_ms": %s, "model": "%s", '
        '"input_tokens": %d, "output_tokens": %d, "metadata": {%s}}\n')


def generate(size, out):
    rng = random.Random(SEED)
    agents = build_agents(rng)
    by_slot = agent_table(rng, agents)
    pools = precompute(rng)
    results = pools["results"]
    metas = pools["meta"]
    n_results = len(results)
    action_pools = {a: pools[a] for a in ACTIONS}
    action_median = {a: ACTIONS[a][1] for a in ACTIONS}

    # Local names for the hot loop.
    rand = rng.random
    bits = rng.getrandbits
    randrange = rng.randrange
    gauss = rng.gauss
    exp = math.exp

    t = START
    step = (END - START) / max(1, size / 580)      # re-estimated at every block
    written = 0
    lines_out = 0
    tmp = out + ".tmp"
    with open(tmp, "wb") as f:
        while written < size:
            buf = []
            buf_chars = 0
            while buf_chars < BLOCK_BYTES:
                agent = by_slot[bits(12)]
                action = agent.action_table[bits(8)]
                p = action_pools[action]

                # A new session (and user) now and then.
                if agent.session is None or rand() < 0.05:
                    agent.session = "sess-%012x" % bits(48)
                    agent.user = "null" if rand() < 0.15 else '"%s"' % agent.users[randrange(len(agent.users))]

                h = "%032x" % bits(128)
                event_id = "%s-%s-4%s-%s-%s" % (h[:8], h[8:12], h[13:16], h[16:20], h[20:32])
                t += step * 2.0 * rand()
                ts = t - 0.25 * rand()                 # concurrent writers: slightly out of order

                tools = p["tools"]
                tool = tools[0] if len(tools) == 1 else tools[bits(1)]
                metadata = metas[bits(6)]
                allowed = "true"
                if action == "execute_transaction":
                    amount = round(exp(gauss(5.5, 1.6)), 2)
                    args = '{"amount": %r%s' % (amount, p["args_tail"][randrange(500)])
                    r = rand()
                    if r < 0.6:
                        status = "approved" if r < 0.56 else ("rejected" if r < 0.58 else "timeout")
                        metadata = '"approval_status": "%s"%s' % (status, metadata and ", " + metadata)
                        if status != "approved":
                            allowed = "false"
                else:
                    args_pool = p["args"]
                    args = args_pool[randrange(len(args_pool))]
                    if action == "send_external_message" and rand() < 0.1:
                        status = "approved" if rand() < 0.9 else "timeout"
                        metadata = '"approval_status": "%s"%s' % (status, metadata and ", " + metadata)
                        if status != "approved":
                            allowed = "false"

                if rand() < 0.006 * agent.block_factor:
                    checks = blocked_checks(rng, action)
                    allowed = "false"
                else:
                    checks = p["checks"][randrange(300)]

                result = "null" if (allowed == "false" or rand() < 0.4) else results[randrange(n_results)]
                duration = action_median[action] * exp(gauss(0.0, 0.8))
                if rand() < 0.001:
                    duration = 30000.0 + rand() * 100     # a timeout
                tokens_in = int(900 * exp(gauss(0.0, 0.7)))
                tokens_out = int(180 * exp(gauss(0.0, 0.9)))

                line = LINE % (event_id, ts, agent.name, agent.version, agent.session, agent.user,
                               action, tool, args, result, checks, allowed, "%.2f" % duration,
                               agent.model, tokens_in, tokens_out, metadata)

                if rand() < MALFORMED_RATE:
                    if rand() < 0.6:
                        # Truncated: cut anywhere before the closing brace.
                        line = line[:randrange(1, len(line) - 2)] + "\n"
                    else:
                        line = line.replace(', "allowed": %s' % allowed, "", 1)
                buf.append(line)
                buf_chars += len(line)

            block = "".join(buf).encode("utf-8")
            if written + len(block) >= size:
                # Stop at the first line boundary at or after `size`.
                cut = block.index(b"\n", max(0, size - written - 1)) + 1
                block = block[:cut]
                lines_out += block.count(b"\n")
                f.write(block)
                written += len(block)
                break
            f.write(block)
            written += len(block)
            lines_out += len(buf)
            # Re-aim the timestamps so the log ends near END.
            remaining_lines = (size - written) / (written / lines_out)
            step = max(0.0, (END - t) / max(1.0, remaining_lines))
    os.replace(tmp, out)
    return written, lines_out


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: generate.py SIZE_BYTES OUT.jsonl")
    try:
        size = int(sys.argv[1])
    except ValueError:
        sys.exit("generate.py: SIZE_BYTES must be an integer, not %r" % sys.argv[1])
    if size <= 0:
        sys.exit("generate.py: SIZE_BYTES must be positive")
    t0 = time.monotonic()
    written, lines = generate(size, sys.argv[2])
    secs = time.monotonic() - t0
    print("generate.py: wrote %s: %d bytes, %d lines (%.0f bytes/line) in %.1f s (%.0f MB/s)" % (
        sys.argv[2], written, lines, written / max(1, lines), secs, written / 1e6 / max(secs, 1e-9)),
        file=sys.stderr)


if __name__ == "__main__":
    main()
