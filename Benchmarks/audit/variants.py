#!/usr/bin/env python3
"""The audit benchmark's variants of its generated log, line for line the same events:

    python3 Benchmarks/audit/variants.py rfc3339 LOG OUT     timestamp as an RFC 3339 string
    python3 Benchmarks/audit/variants.py mapped LOG OUT FIELDS   every event under "event", with
                                                             FIELDS, the audit_fields mapping

so that `dossier summarize` gives the same summaries on all three (the
benchmark checks it) and its speed on each can be set next to DuckDB's and
`wc -l`'s.
"""

import datetime
import re
import sys

EPOCH = datetime.datetime(1970, 1, 1)
TIMESTAMP = re.compile(rb'"timestamp": (-?[0-9][0-9.eE+-]*)')
MAPPED = ["agent_name", "timestamp", "action", "allowed", "tool_name", "tool_args", "policy_checks",
          "duration_ms", "input_tokens", "output_tokens", "metadata"]


def rfc3339(match):
    seconds = float(match.group(1))
    moment = EPOCH + datetime.timedelta(seconds=seconds)
    return b'"timestamp": "' + moment.strftime("%Y-%m-%dT%H:%M:%S.%f").encode() + b'Z"'


def main():
    kind, source, out = sys.argv[1:4]
    with open(source, "rb") as lines, open(out + ".tmp", "wb") as stream:
        for line in lines:
            body = line.rstrip(b"\n")
            if kind == "rfc3339":
                stream.write(TIMESTAMP.sub(rfc3339, body, count=1) + b"\n")
            elif body.strip():
                stream.write(b'{"event": ' + body + b"}\n")
            else:
                stream.write(line)
    if kind == "mapped":
        with open(sys.argv[4], "w", encoding="utf-8") as fields:
            fields.write("".join(f"{key}: /event/{key}\n" for key in MAPPED))
    import os
    os.replace(out + ".tmp", out)


if __name__ == "__main__":
    main()
