#!/usr/bin/env python3
"""Compare two sets of audit summaries field by field.

    python3 scripts/compare_summaries.py [--exact] [--name NAME] EXPECTED ACTUAL
    python3 scripts/compare_summaries.py --warnings [--name NAME] EXPECTED ACTUAL

EXPECTED and ACTUAL are each either one JSON file {agent id: summary} (what
`dossier summarize` or `summarize_audit.py` print) or a folder of
<agent>.json files (what they write with --out). The same agents must be
there, each summary with the same keys in the same order, and:

- counts, sums, maps and strings equal (integers stay integers);
- actions.*.max_amount, actions.*.max_blocked_amount and duration_ms.max equal as doubles;
- duration_ms.p50 and .p95 within max(0.001 * |expected|, 0.001) ms, or
  equal with --exact (two runs of the same engine).

With --warnings, EXPECTED and ACTUAL are warning files
(summarize_audit.py --warnings-json): the malformed lines counted per file
and the invalid agent names must be equal.

Prints "NAME: agree (N agents)" and exits 0, or lists every difference and
exits 1.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys

PERCENTILES = ("p50", "p95")


def load(path: str) -> dict:
    """{agent: summary} from a JSON file or a folder of <agent>.json."""
    if os.path.isdir(path):
        out = {}
        for name in sorted(os.listdir(path)):
            if name.endswith(".json") and not name.startswith("."):
                with open(os.path.join(path, name), encoding="utf-8") as stream:
                    out[name[: -len(".json")]] = json.load(stream)
        return out
    with open(path, encoding="utf-8") as stream:
        return json.load(stream)


def is_number(value) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


def same_double(a, b) -> bool:
    if not (is_number(a) and is_number(b)):
        return False
    try:
        return float(a) == float(b)
    except OverflowError:
        return a == b


def close(expected, actual) -> bool:
    if not (is_number(expected) and is_number(actual)):
        return False
    expected, actual = float(expected), float(actual)
    if not (math.isfinite(expected) and math.isfinite(actual)):
        return expected == actual
    return abs(expected - actual) <= max(0.001 * abs(expected), 0.001)


def compare(keys: tuple, expected, actual, exact: bool, out: list) -> None:
    """Appends to `out` every difference under `keys` (agent, then the keys
    inside its summary)."""
    path = ".".join(keys)
    inner = keys[1:]
    if len(inner) == 2 and inner[0] == "duration_ms" and inner[1] in PERCENTILES:
        ok = (expected == actual and type(expected) is type(actual)) if exact else close(expected, actual)
        if not ok:
            out.append(f"{path}: expected {json.dumps(expected)}, got {json.dumps(actual)}")
        return
    if (len(inner) == 3 and inner[0] == "actions" and inner[2] in ("max_amount", "max_blocked_amount")) \
            or inner == ("duration_ms", "max"):
        if not same_double(expected, actual):
            out.append(f"{path}: expected {json.dumps(expected)}, got {json.dumps(actual)} (as doubles)")
        return
    if isinstance(expected, dict) and isinstance(actual, dict):
        if list(expected) != list(actual):
            if set(expected) != set(actual):
                missing = [key for key in expected if key not in actual]
                extra = [key for key in actual if key not in expected]
                if missing:
                    out.append(f"{path}: missing {json.dumps(missing, ensure_ascii=False)}")
                if extra:
                    out.append(f"{path}: unexpected {json.dumps(extra, ensure_ascii=False)}")
            else:
                out.append(f"{path}: keys in another order: {json.dumps(list(actual), ensure_ascii=False)}")
        for key in expected:
            if key in actual:
                compare(keys + (key,), expected[key], actual[key], exact, out)
        return
    if expected != actual or type(expected) is not type(actual):
        out.append(f"{path}: expected {json.dumps(expected, ensure_ascii=False)}, "
                   f"got {json.dumps(actual, ensure_ascii=False)}")


def compare_summaries(expected: dict, actual: dict, exact: bool) -> list:
    out = []
    for agent in sorted(set(expected) - set(actual)):
        out.append(f"{agent}: missing summary")
    for agent in sorted(set(actual) - set(expected)):
        out.append(f"{agent}: unexpected summary")
    for agent in sorted(set(expected) & set(actual)):
        compare((agent,), expected[agent], actual[agent], exact, out)
    return out


def compare_warnings(expected: dict, actual: dict) -> list:
    out = []
    for key in ("malformed_by_file", "invalid_agents"):
        if expected.get(key, {}) != actual.get(key, {}):
            out.append(f"{key}: expected {json.dumps(expected.get(key), ensure_ascii=False)}, "
                       f"got {json.dumps(actual.get(key), ensure_ascii=False)}")
    return out


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("expected")
    parser.add_argument("actual")
    parser.add_argument("--exact", action="store_true", help="percentiles must be equal too")
    parser.add_argument("--warnings", action="store_true", help="compare warning files")
    parser.add_argument("--name", help="what is compared, for the report")
    args = parser.parse_args()
    name = args.name or f"{args.expected} vs {args.actual}"
    expected, actual = load(args.expected), load(args.actual)
    if args.warnings:
        differences = compare_warnings(expected, actual)
        count = "warnings"
    else:
        differences = compare_summaries(expected, actual, args.exact)
        count = f"{len(expected)} agents"
    if differences:
        print(f"{name}: {len(differences)} differences")
        for line in differences[:50]:
            print("  " + line)
        if len(differences) > 50:
            print(f"  ... and {len(differences) - 50} more")
        return 1
    print(f"{name}: agree ({count})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
