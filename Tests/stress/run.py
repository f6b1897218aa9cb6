#!/usr/bin/env python3
"""Resource bounds: inputs built to exhaust memory or time each end in a clear
error or a correct result within the documented limits (docs/reference/limits.md),
with peak memory under 1 GiB.

    python3 Tests/stress/run.py DOSSIER           # the inputs up to ~70 MB (make test)
    python3 Tests/stress/run.py DOSSIER --full    # also those over 100 MB (make stress)

Each case runs the built `dossier` as a child process and reads its peak RSS
from wait4(2). A case fails on a wrong exit code, a missing message, a wrong
result, peak memory of 1 GiB or more, or a run longer than its time-out.
"""
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

GIB_KB = 1024 * 1024  # ru_maxrss is in KB on Linux
MIB = 1024 * 1024

dossier = os.path.abspath(sys.argv[1]) if len(sys.argv) > 1 else sys.exit(__doc__)
full = "--full" in sys.argv[2:]
work = tempfile.mkdtemp(prefix="dossier-stress-")
results = []
failures = []


# Peak memory is read by a small launcher that forks dossier and waits for it: on
# Linux a child's ru_maxrss starts at its parent's RSS at fork (and survives exec),
# so forking straight from this script, which grows while it checks results, would
# count the script's memory too.
LAUNCHER = """
import os, sys
pid = os.fork()
if pid == 0:
    os.execv(sys.argv[2], sys.argv[2:])
_, status, usage = os.wait4(pid, 0)
with open(sys.argv[1], "w") as f:
    f.write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status) % 256)
"""


def run(args, timeout):
    """Runs dossier; returns (exit code, stdout, stderr, seconds, peak RSS in KB, timed out)."""
    out_path, err_path = os.path.join(work, "stdout"), os.path.join(work, "stderr")
    rss_path = os.path.join(work, "rss")
    if os.path.exists(rss_path):
        os.remove(rss_path)
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        start = time.monotonic()
        process = subprocess.Popen([sys.executable, "-S", "-c", LAUNCHER, rss_path, dossier] + args,
                                   stdout=out, stderr=err, cwd=work, start_new_session=True)
        try:
            code = process.wait(timeout=timeout)
            timed_out = False
        except subprocess.TimeoutExpired:
            os.killpg(process.pid, 9)
            code = process.wait()
            timed_out = True
        seconds = time.monotonic() - start
    with open(out_path, "rb") as f:
        stdout = f.read()
    with open(err_path, "rb") as f:
        stderr = f.read().decode("utf-8", "replace")
    with open(rss_path) if os.path.exists(rss_path) else open(os.devnull) as f:
        rss = int(f.read() or 0)
    return code, stdout, stderr, seconds, rss, timed_out


def case(name, args, exit_code, message=None, timeout=120, check=None):
    code, stdout, stderr, seconds, rss, timed_out = run(args, timeout)
    problems = []
    if timed_out:
        problems.append(f"still running after {timeout} s")
    if code != exit_code:
        problems.append(f"exit {code}, expected {exit_code}")
    if message and message not in stderr:
        problems.append(f"stderr lacks {message!r}")
    if "Fatal error" in stderr or "Crash" in stderr or code < 0 or code > 128:  # a signal: 128 + its number
        problems.append("crashed")
    if rss >= GIB_KB:
        problems.append(f"peak memory {rss / 1024:.0f} MB, not under 1 GiB")
    if check and not problems:
        try:
            check(stdout, stderr)
        except AssertionError as error:
            problems.append(f"wrong result: {error}")
    results.append((name, code, seconds, rss / 1024, "ok" if not problems else "FAILED"))
    if problems:
        failures.append(f"{name}: " + "; ".join(problems) + f"\n    stderr: {stderr.strip()[:500]}")


def repository(name):
    """A fresh starter repository (dossier init) under the work folder."""
    path = os.path.join(work, name)
    subprocess.run([dossier, "init", path], check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return path


def write(path, data):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb" if isinstance(data, bytes) else "w") as f:
        f.write(data)


def repeat_to(path, head, unit, size, tail=b""):
    """Writes head + unit repeated up to `size` bytes + tail, in pieces (never all in memory)."""
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "wb") as f:
        f.write(head)
        left = size - len(head) - len(tail)
        block = unit * max(1, (4 * MIB) // len(unit))
        while left > 0:
            piece = block[:left]
            f.write(piece)
            left -= len(piece)
        f.write(tail)


def summaries(stdout):
    return json.loads(stdout)


# --- Record files: aliases, nesting, size -----------------------------------

def agent_case(name, file, content, message):
    repo = repository(name)
    write(os.path.join(repo, "agents", file), content)
    case(name, ["check", repo], 65, message)


bomb = ["name: A", "risk: {level: low}", "x-bomb:", '  a: &a ["lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol", "lol"]']
for level in range(1, 10):
    previous, current = chr(96 + level), chr(97 + level)
    bomb.append(f"  {current}: &{current} [" + ", ".join([f"*{previous}"] * 9) + "]")
agent_case("alias bomb (9^10 values)", "bomb.yaml", "\n".join(bomb) + "\n", "expands to more than 1000000 values")
agent_case("YAML nesting 10,000 deep", "deep.yaml", "name: " + "[" * 10000 + "]" * 10000 + "\nrisk: {level: low}\n",
           "nesting is deeper than 1000 levels")
agent_case("JSON nesting 10,000 deep", "deep.json", '{"name": ' + "[" * 10000 + "]" * 10000 + "}",
           "nesting is deeper than 1000 levels")
repo = repository("waivers nesting")
write(os.path.join(repo, "waivers.yaml"), "- " * 10000 + "x\n")
case("waivers.yaml nesting 10,000 deep", ["check", repo], 65, "nesting is deeper than 1000 levels")

repo = repository("record over 16 MiB")
repeat_to(os.path.join(repo, "agents", "big.yaml"), b"name: Big\nrisk: {level: low}\n", b"# padding\n", 17 * MIB)
case("agent file of 17 MiB", ["check", repo], 65, "over the 16 MiB limit for record files")

# --- Markdown --------------------------------------------------------------

shapes = {
    "brackets": b"[",
    "closed-brackets": None,  # half [ then half ]
    "links": b"[a](",
    "emphasis": b"*a _b ",
    "blockquotes": b">",
    "entities": b"&#",
    "html": b"<a ",
    "nested-lists": None,     # - at growing indentation
    "backticks": b"`",
}


def markdown(shape, size):
    if shape == "closed-brackets":
        return b"[" * (size // 2) + b"]" * (size - size // 2)
    if shape == "nested-lists":
        lines, total, depth = [], 0, 0
        while True:
            line = b" " * (2 * depth) + b"- x\n"
            if total + len(line) > size:
                break
            lines.append(line)
            total += len(line)
            depth = (depth + 1) % 5000
        return b"".join(lines)
    unit = shapes[shape]
    return (unit * (size // len(unit) + 1))[:size]


repo = repository("docs page of 10 MB")
write(os.path.join(repo, "docs", "brackets.md"), markdown("brackets", 10 * 1000 * 1000))
case("docs page of 10 MB of brackets", ["build", repo, "--out", os.path.join(work, "site-10mb")], 65,
     "over the 1 MiB limit for Markdown pages")

repo = repository("docs pages at the limit")
chosen = shapes if full else ["brackets", "emphasis", "blockquotes", "nested-lists"]
for shape in chosen:
    write(os.path.join(repo, "docs", "hostile", f"{shape}.md"), markdown(shape, MIB))


def pages_rendered(names):
    def check(stdout, stderr):
        for shape in names:
            page = os.path.join(work, "site-md", "docs", "hostile", f"{shape}.html")
            assert os.path.getsize(page) > 0, f"{page} is empty"
    return check


case(f"{len(chosen)} docs pages of 1 MiB of hostile Markdown", ["build", repo, "--out", os.path.join(work, "site-md"), "--quiet"],
     0, timeout=600, check=pages_rendered(chosen))

repo = repository("description over 1 MiB")
agent = os.path.join(repo, "agents", "example-agent.yaml")
with open(agent) as f:
    text = f.read()
start = text.index("description: |")
end = text.index("\n\n", start)
write(agent, text[:start] + 'description: "' + "[" * (MIB + 1) + '"' + text[end:])
case("agent description over 1 MiB", ["check", repo], 65, "description: Markdown text is 1048577 bytes, over the 1 MiB limit")

# --- Many files ------------------------------------------------------------

def many_agents(name, count):
    repo = repository(name)
    with open(os.path.join(repo, "agents", "example-agent.yaml")) as f:
        template = f.read()
    for index in range(count - 1):
        write(os.path.join(repo, "agents", f"agent-{index:06d}.yaml"),
              template.replace("name: Example Support Agent", f"name: Agent {index}"))
    return repo


repo = many_agents("10,001 agent files", 10_001)
case("10,001 agent files", ["check", repo], 65, "10001 agent files, over the limit of 10000 per repository")
shutil.rmtree(repo)

# --- Raw audit logs -----------------------------------------------------------

log = os.path.join(work, "names.jsonl")
with open(log, "w") as f:
    for index in range(100_000):
        f.write('{"agent_name":"agent-%d","timestamp":1764000000,"action":"action-%d","allowed":true,"duration_ms":%d}\n'
                % (index, index, index))
case("raw logs naming 100,000 agents and actions", ["summarize", log, "--quiet"], 0,
     check=lambda stdout, stderr: None if len(summaries(stdout)) == 100_000 else (_ for _ in ()).throw(AssertionError("agents")))
os.remove(log)

log = os.path.join(work, "spread.jsonl")
generator = random.Random(20261126)
with open(log, "w") as f:
    for index in range(10_000):
        for magnitude in list(range(13)) * 2:
            ms = 10 ** magnitude * (1 + 9 * generator.random()) / 1000
            f.write('{"agent_name":"agent-%d","timestamp":1764000000,"action":"a","allowed":true,"duration_ms":%.3f}\n'
                    % (index, ms))


def spread_check(stdout, stderr):
    data = summaries(stdout)
    assert len(data) == 10_000, f"{len(data)} agents"
    assert all(summary["events"] == 26 and "duration_ms" in summary for summary in data.values())


case("10,000 agents with durations over 13 orders of magnitude", ["summarize", log, "--quiet"], 0, check=spread_check)
os.remove(log)

deep = '{"agent_name":"deep","timestamp":1764000000,"action":"a","allowed":true,"tool_args":' + "[" * 10000 + "]" * 10000 + "}\n"
log = os.path.join(work, "deep.jsonl")
write(log, deep + '{"agent_name":"deep","timestamp":1764000001,"action":"a","allowed":true}\n')


def deep_check(stdout, stderr):
    # Too deep is not valid JSON, and a line that is not valid JSON names no agent.
    summary = summaries(stdout)["deep"]
    assert summary["events"] == 1 and summary["malformed_lines"] == 0, summary
    assert "1 malformed line naming no agent" in stderr, stderr


case("raw event nested 10,000 deep", ["summarize", log, "--quiet"], 0, check=deep_check)


def long_line(name, size):
    log = os.path.join(work, f"{name}.jsonl")
    repeat_to(log, b'{"agent_name":"long","timestamp":1764000000,"action":"a","allowed":true,"note":"', b"a" * 4096,
              size, b'"}\n')
    with open(log, "ab") as f:
        f.write(b'{"agent_name":"long","timestamp":1764000001,"action":"a","allowed":true}\n')

    def check(stdout, stderr):
        summary = summaries(stdout)["long"]
        assert summary["events"] == 1, summary
        assert "1 malformed line naming no agent" in stderr, stderr

    case(f"raw log line of {size // MIB} MiB", ["summarize", log, "--quiet"], 0, timeout=300, check=check)
    os.remove(log)


long_line("line-65mib", 65 * MIB)

# --- Over 100 MB: make stress ----------------------------------------------------

if full:
    long_line("line-1gb", 1024 * MIB)

    repo = repository("record of 100 MB")
    repeat_to(os.path.join(repo, "agents", "big.yaml"), b"name: Big\nrisk: {level: low}\n", b"- [a, b, c]\n", 100 * MIB)
    case("agent file of 100 MiB", ["check", repo], 65, "over the 16 MiB limit for record files")
    shutil.rmtree(repo)

    repo = many_agents("100,000 agent files", 100_000)
    case("100,000 agent files", ["check", repo], 65, "100000 agent files, over the limit of 10000 per repository")
    shutil.rmtree(repo)

    repo = many_agents("10,000 agent files", 10_000)
    case("10,000 agents (the limit): check", ["check", repo, "--format", "json"], 0, timeout=600,
         check=lambda stdout, stderr: None if len(json.loads(stdout)["agents"]) == 10_000 else (_ for _ in ()).throw(AssertionError("agents")))
    case("10,000 agents (the limit): build", ["build", repo, "--out", os.path.join(work, "site-10k"), "--quiet"], 0, timeout=900)
    shutil.rmtree(repo)
    shutil.rmtree(os.path.join(work, "site-10k"), ignore_errors=True)

    repo = repository("docs/ of 64 MiB")
    for index in range(64):
        shape = list(shapes)[index % len(shapes)]
        write(os.path.join(repo, "docs", "hostile", f"{index:02d}-{shape}.md"), markdown(shape, MIB))
    case("64 docs pages of 1 MiB (docs/ at its limit)", ["build", repo, "--out", os.path.join(work, "site-64"), "--quiet"], 0,
         timeout=900)
    write(os.path.join(repo, "docs", "one-more.md"), b"# One page too many\n" + b"text " * (MIB // 5 - 10))
    case("docs/ over 64 MiB", ["build", repo, "--out", os.path.join(work, "site-65"), "--quiet"], 65,
         "the pages under docs/ are over the 64 MiB limit together")

shutil.rmtree(work, ignore_errors=True)
width = max(len(name) for name, *_ in results)
print(f"{'case':<{width}}  exit  seconds  peak MB  result")
for name, code, seconds, mb, verdict in results:
    print(f"{name:<{width}}  {code:>4}  {seconds:7.2f}  {mb:7.1f}  {verdict}")
if failures:
    print("\n".join(["", "stress: FAILED"] + failures), file=sys.stderr)
    sys.exit(1)
print(f"stress: {len(results)} cases within their limits, every peak under 1 GiB" + ("" if full else " (quick set; make stress runs all)"))
