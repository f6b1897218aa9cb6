#!/usr/bin/env python3
"""The plain-Python baseline of the audit benchmark: json.loads on every line.

    python3 Benchmarks/audit/python_summarize.py LOG_OR_DIR...

Runs the pure-Python core of contrib/spark/summarize_audit.py in one process
over the given files and folders (plain or gzip) and prints one JSON object
{agent id: summary}, as `dossier summarize` does. The semantics live in that
file only; this wrapper holds none of its own.
"""

import os
import sys

ROOT = os.path.abspath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", ".."))
sys.path.insert(0, os.path.join(ROOT, "contrib", "spark"))

import summarize_audit  # noqa: E402


def main() -> int:
    paths = sys.argv[1:]
    if not paths:
        print("usage: python_summarize.py LOG_OR_DIR...", file=sys.stderr)
        return 64
    return summarize_audit.main(["--local", *paths])


if __name__ == "__main__":
    sys.exit(main())
