#!/usr/bin/env python3
"""Tests of the pure-Python core of summarize_audit.py (no Spark needed).

    python3 contrib/spark/test_summarize_audit.py

The fixtures of Tests/DossierCLITests/Fixtures/audit-logs check the
semantics line by line (their expected.json); these check the properties
that the Spark job relies on: tallies merge to the same summary whatever
the split and order of the lines, and the readers of lines and gzip members.
"""

import gzip
import os
import random
import sys
import tempfile
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)

import summarize_audit as core  # noqa: E402

FIXTURES = os.path.join(HERE, "..", "..", "Tests", "DossierCLITests", "Fixtures", "audit-logs")


def lines_of(folder):
    """Every (line, file) of a fixture case, read as the local mode reads it."""
    out = []
    for path in core.log_files([folder]):
        result = core.Result()
        collected = []
        original = core.count_line
        try:
            core.count_line = lambda result, raw, file, unfinished=False: collected.append((raw, file, unfinished))
            core.read_file(path, result)
        finally:
            core.count_line = original
        out += collected
    return out


def summarize(lines):
    result = core.Result()
    for raw, file, unfinished in lines:
        core.count_line(result, raw, file, unfinished)
    return result


def text(result):
    return core.dumps(result.summaries()), result.warnings_json()


class MergeTests(unittest.TestCase):
    def test_any_split_and_order_gives_the_same_summaries(self):
        rng = random.Random(1)
        for case in sorted(os.listdir(FIXTURES)):
            folder = os.path.join(FIXTURES, case)
            if not os.path.isdir(folder) or case in ("overlong-line", "long-line"):
                continue
            lines = lines_of(folder)
            whole = text(summarize(lines))
            for _ in range(3):
                shuffled = lines[:]
                rng.shuffle(shuffled)
                parts = [summarize(shuffled[i::4]) for i in range(4)]
                rng.shuffle(parts)
                merged = core.Result()
                for part in parts:
                    for agent, tally in part.tallies.items():
                        merged.tally(agent).merge(tally)
                    for file, count in part.file_malformed.items():
                        merged.file_malformed[file] = merged.file_malformed.get(file, 0) + count
                self.assertEqual(text(merged), whole, case)

    def test_empty_tally_is_the_identity(self):
        tally = core.Tally()
        kind, agent, event = core.parse_line(
            b'{"agent_name": "a", "timestamp": 5, "action": "x", "allowed": true, "duration_ms": 3,'
            b' "tool_args": {"amount": 2.50}}')
        self.assertEqual(kind, core.EVENT)
        tally.add(event)
        before = core.dumps(core.summary("a", tally))
        tally.merge(core.Tally())
        self.assertEqual(core.dumps(core.summary("a", tally)), before)
        self.assertEqual(core.dumps(core.summary("a", core.Tally().merge(tally))), before)


class ParseTests(unittest.TestCase):
    def kind(self, raw):
        return core.parse_line(raw)[0]

    def test_kinds(self):
        event = b'{"agent_name": "a", "timestamp": 1, "action": "x", "allowed": false}'
        self.assertEqual(self.kind(event), core.EVENT)
        self.assertEqual(self.kind(b" \t\r"), core.BLANK)
        self.assertEqual(self.kind(b""), core.BLANK)
        self.assertEqual(self.kind(b'{"agent_name": "a"}'), core.MALFORMED_AGENT)
        self.assertEqual(self.kind(b'{"agent_name": 1}'), core.MALFORMED_FILE)
        self.assertEqual(self.kind(event.replace(b"1", b"1e400")), core.MALFORMED_FILE)
        self.assertEqual(self.kind(event.replace(b"false", b"NaN")), core.MALFORMED_FILE)
        self.assertEqual(self.kind(event + b"\xff"), core.MALFORMED_FILE)
        self.assertEqual(self.kind(b"\x0c"), core.MALFORMED_FILE)

    def test_amount_text_as_written(self):
        _, _, event = core.parse_line(
            b'{"agent_name": "a", "timestamp": 1, "action": "x", "allowed": true, "tool_args": {"amount": 9.50e2}}')
        self.assertEqual(event.amount_text, "9.50e2")
        self.assertEqual(event.amount, 950.0)

    def test_percentiles_are_nearest_rank(self):
        tally = core.Tally()
        for ms in range(1, 101):
            tally.add_duration(ms)
        self.assertEqual(tally.percentile_us(50), 50_000)
        self.assertEqual(tally.percentile_us(95), 95_000)
        tally = core.Tally()
        for ms in (0.5, 1.5, 2.5, 3.5):  # below 2048 µs: exact
            tally.add_duration(ms)
        self.assertEqual(tally.percentile_us(50), 1500)
        self.assertEqual(tally.percentile_us(95), 3500)

    def test_histogram_error_is_below_a_thousandth(self):
        rng = random.Random(5)
        values = sorted(rng.lognormvariate(6, 3) for _ in range(5000))
        tally = core.Tally()
        for value in values:
            tally.add_duration(value)
        for percent in (50, 95):
            exact = core._duration_us(values[-(-percent * len(values) // 100) - 1])
            self.assertLessEqual(abs(tally.percentile_us(percent) - exact), max(0.001 * exact, 1))


class ReaderTests(unittest.TestCase):
    def read(self, data: bytes):
        with tempfile.NamedTemporaryFile(suffix=".jsonl", delete=False) as stream:
            stream.write(data)
        try:
            result = core.Result()
            core.read_file(stream.name, result)
            return result
        finally:
            os.unlink(stream.name)

    LINE = b'{"agent_name": "a", "timestamp": 1, "action": "x", "allowed": true}\n'

    def test_gzip_members_and_chunk_boundaries(self):
        data = self.LINE * 50_000  # several read chunks
        cut = len(self.LINE) * 20_000 + 17  # a member boundary inside a line
        result = self.read(gzip.compress(data[:cut], mtime=0) + gzip.compress(data[cut:], mtime=0))
        self.assertEqual(result.tallies["a"].events, 50_000)
        self.assertEqual(result.file_malformed, {})
        self.assertEqual(self.read(data).tallies["a"].events, 50_000)

    def test_gzip_that_ends_early(self):
        compressed = gzip.compress(self.LINE * 1000, mtime=0)
        result = self.read(compressed[: len(compressed) - 40])
        self.assertEqual(len(result.truncated), 1)
        tally = result.tallies["a"]
        self.assertGreater(tally.events, 0)
        self.assertLessEqual(tally.events + tally.malformed + sum(result.file_malformed.values()), 1000)

    def test_corrupt_gzip(self):
        compressed = bytearray(gzip.compress(self.LINE * 100, mtime=0))
        compressed[20] ^= 0xFF
        with self.assertRaises(core.CorruptGzip):
            self.read(bytes(compressed))

    def test_overlong_line_is_not_kept(self):
        original = core.MAX_LINE_BYTES
        core.MAX_LINE_BYTES = 100
        try:
            long_event = self.LINE[:-2] + b', "pad": "' + b"p" * 200 + b'"}\n'
            result = self.read(self.LINE + long_event + self.LINE + long_event[:-1])
        finally:
            core.MAX_LINE_BYTES = original
        self.assertEqual(result.tallies["a"].events, 2)
        self.assertEqual(sum(result.file_malformed.values()), 2)


if __name__ == "__main__":
    unittest.main(verbosity=1)
