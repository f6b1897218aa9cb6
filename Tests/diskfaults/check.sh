#!/usr/bin/env bash
# Read-only, full and failing output disks: `dossier build` exits 74 with one
# message naming the path and the system's reason, leaves the previous site
# byte-identical and nothing beside it, and the next normal build works;
# `check --report` and `summarize --out` exit 74 and leave the previous file.
#
#   bash Tests/diskfaults/check.sh DOSSIER
#
# The faults come from faults.c, loaded with LD_PRELOAD (no root, no mounts; as
# root, chmod cannot make a folder read-only). The script fails, rather than
# passes, when the library has no effect.
set -euo pipefail

dossier=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
work=$(cd "$work" && pwd -P)  # physical: the library compares real paths
export SOURCE_DATE_EPOCH=1782800000  # the same as_of in every build of the run
export NO_COLOR=1

fail() { echo "diskfaults: $*" >&2; exit 1; }

[ "$(uname -s)" = Linux ] || fail "needs Linux (LD_PRELOAD, /proc/self/fd)"
cc=${CC:-$(command -v cc || command -v clang || command -v gcc || true)}
[ -n "$cc" ] || fail "no C compiler (cc, clang or gcc) to build faults.c"
"$cc" -shared -fPIC -O2 -o "$work/faults.so" "$here/faults.c" -ldl

# under MODE PREFIX AFTER_BYTES FULL CMD…: runs CMD with the fault; sets $rc, output in $work/run.{out,err}.
under() {
  local mode=$1 prefix=$2 after=$3 full=$4
  shift 4
  : > "$work/faults.log"
  rc=0
  FAULT_MODE=$mode FAULT_PREFIX=$prefix FAULT_AFTER_BYTES=$after FAULT_FULL=$full \
    FAULT_LOG="$work/faults.log" LD_PRELOAD="$work/faults.so" \
    "$@" > "$work/run.out" 2> "$work/run.err" || rc=$?
}

# The library works: under the fault a shell cannot write there, and still can elsewhere.
mkdir -p "$work/out" "$work/elsewhere"
under erofs "$work/out" 0 0 bash -c 'echo x > "$1/probe"; echo y > "$2/probe"' _ "$work/out" "$work/elsewhere"
if [ -e "$work/out/probe" ] || ! grep -q 'Read-only file system' "$work/run.err"; then
  fail "the fault library has no effect (a shell wrote under a read-only prefix)"
fi
[ -s "$work/elsewhere/probe" ] || fail "the fault library blocks writes outside its prefix"
under enospc "$work/out" 1000 0 dd if=/dev/zero of="$work/out/probe" bs=1024 count=4
if [ "$rc" = 0 ] || ! grep -q 'No space left on device' "$work/run.err" || [ "$(stat -c %s "$work/out/probe")" != 1000 ]; then
  fail "the fault library has no effect (dd wrote past FAULT_AFTER_BYTES under enospc)"
fi
rm -f "$work/out/probe"

# A starter repository, a raw log for summarize, and the site built once normally.
"$dossier" init "$work/repo" > /dev/null 2>&1
printf '%s\n' \
  '{"agent_name": "example-agent", "timestamp": 1782800000, "action": "search", "allowed": true}' \
  '{"agent_name": "example-agent", "timestamp": 1782800001, "action": "search", "allowed": false}' > "$work/events.jsonl"
out=$work/out/site
"$dossier" build "$work/repo" --out "$out" --quiet 2>/dev/null
snapshot() { (cd "$1" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum); }
snapshot "$out" > "$work/site.before"
ls -A "$work/out" > "$work/beside.before"
total=$(find "$out" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')
manifest=$(stat -c %s "$out/manifest.json")
# A build over this site links its unchanged agent pages instead of writing them
# (docs/reference/incremental-builds.md): the bytes it writes are the rest.
linked=$(find "$out/agents" -type f -name '*.html' -printf '%s\n' | awk '{ s += $1 } END { print s + 0 }')
written=$((total - linked))

# expect_failure LABEL REASON PATH: exit 74, one message naming PATH (or a path in it) and REASON, no crash,
# and the fault really was injected into dossier.
expect_failure() {
  local label=$1 reason=$2 path=$3
  [ "$rc" = 74 ] || { cat "$work/run.err" >&2; fail "$label: exit $rc, expected 74"; }
  grep -q ": $reason\$" "$work/faults.log" || fail "$label: no fault was injected into dossier (see FAULT_LOG)"
  local lines message
  lines=$(wc -l < "$work/run.err")
  message=$(head -n 1 "$work/run.err")
  if [ "$lines" != 1 ] || [[ $message != "dossier: $path"*": "*"($reason)" ]]; then
    cat "$work/run.err" >&2
    fail "$label: expected one message 'dossier: $path…: … ($reason)' on stderr"
  fi
  if grep -qiE 'fatal error|backtrace|crash|segmentation|dossier-tmp' "$work/run.err"; then
    cat "$work/run.err" >&2
    fail "$label: a crash or a temporary name on stderr"
  fi
}

# build_fails LABEL MODE PREFIX AFTER FULL REASON: the build fails cleanly; the old site and its folder are as
# they were; a normal build then gives the same site, which verifies.
build_fails() {
  local label=$1 mode=$2 prefix=$3 after=$4 full=$5 reason=$6
  under "$mode" "$prefix" "$after" "$full" "$dossier" build "$work/repo" --out "$out" --quiet
  expect_failure "build, $label" "$reason" "$out"
  diff <(snapshot "$out") "$work/site.before" > /dev/null || fail "build, $label: the previous site was changed"
  diff <(ls -A "$work/out") "$work/beside.before" > /dev/null \
    || fail "build, $label: stray entries beside the site: $(ls -A "$work/out" | tr '\n' ' ')"
  "$dossier" build "$work/repo" --out "$out" --quiet 2>/dev/null || fail "build, $label: the next normal build failed"
  diff <(snapshot "$out") "$work/site.before" > /dev/null || fail "build, $label: the next normal build differs"
  "$dossier" verify "$out" > /dev/null 2>&1 || fail "build, $label: dossier verify fails after the next build"
}

build_fails "read-only folder of --out" erofs "$work/out" 0 0 "Read-only file system"
build_fails "read-only --out itself" erofs "$out" 0 0 "Read-only file system"
build_fails "full disk (no folder can be made)" enospc "$work/out" 0 1 "No space left on device"
build_fails "no space for the first byte" enospc "$work/out" 0 0 "No space left on device"
build_fails "no space after half the site" enospc "$work/out" $((written / 2)) 0 "No space left on device"
build_fails "no space for the manifest" enospc "$work/out" $((written - manifest + 10)) 0 "No space left on device"
build_fails "I/O error on the first byte" eio "$work/out" 0 0 "Input/output error"
build_fails "I/O error after half the site" eio "$work/out" $((total / 2)) 0 "Input/output error"

# With room for the whole site the library lets the build through (it counts, not just refuses).
under enospc "$work/out" $((total + 4096)) 0 "$dossier" build "$work/repo" --out "$out" --quiet
[ "$rc" = 0 ] || { cat "$work/run.err" >&2; fail "build with room to spare under the library: exit $rc"; }
diff <(snapshot "$out") "$work/site.before" > /dev/null || fail "build with room to spare: the site differs"

# check --report FORMAT=PATH and summarize --out DIR: exit 74, the previous file left as it was.
mkdir -p "$work/reports" "$work/summaries"
"$dossier" check "$work/repo" --fail-on none --report "json=$work/reports/report.json" > /dev/null 2>&1
"$dossier" summarize "$work/events.jsonl" --out "$work/summaries" --quiet 2>/dev/null
[ -s "$work/reports/report.json" ] && [ -s "$work/summaries/example-agent.json" ] || fail "check/summarize wrote nothing"
report_size=$(stat -c %s "$work/reports/report.json")
summary_size=$(stat -c %s "$work/summaries/example-agent.json")
cp "$work/reports/report.json" "$work/report.before"
cp "$work/summaries/example-agent.json" "$work/summary.before"
for spec in "erofs 0 0 Read-only file system" "enospc 0 1 No space left on device" "enospc 0 0 No space left on device" \
            "enospc half 0 No space left on device" "eio half 0 Input/output error"; do
  read -r mode after full reason <<< "$spec"
  label=$mode
  if [ "$after" != 0 ]; then label+=" after $after of the bytes"; fi
  if [ "$full" = 1 ]; then label+=", full disk"; fi
  a=$after; [ "$a" = half ] && a=$((report_size / 2))
  under "$mode" "$work/reports" "$a" "$full" "$dossier" check "$work/repo" --fail-on none --report "json=$work/reports/report.json"
  expect_failure "check --report, $label" "$reason" "$work/reports/report.json"
  [ ! -s "$work/run.out" ] || fail "check --report, $label: printed a report although its file could not be written"
  cmp -s "$work/reports/report.json" "$work/report.before" || fail "check --report, $label: the previous report was changed"
  [ "$(ls -A "$work/reports")" = report.json ] || fail "check --report, $label: stray files: $(ls -A "$work/reports" | tr '\n' ' ')"

  a=$after; [ "$a" = half ] && a=$((summary_size / 2))
  under "$mode" "$work/summaries" "$a" "$full" "$dossier" summarize "$work/events.jsonl" --out "$work/summaries" --quiet
  expect_failure "summarize --out, $label" "$reason" "$work/summaries/example-agent.json"
  cmp -s "$work/summaries/example-agent.json" "$work/summary.before" || fail "summarize --out, $label: the previous summary was changed"
  [ "$(ls -A "$work/summaries")" = example-agent.json ] || fail "summarize --out, $label: stray files: $(ls -A "$work/summaries" | tr '\n' ' ')"
done

echo "diskfaults: read-only, full and failing disks (8 build cases, 5 each for check --report and summarize --out): exit 74, one message with the path and the reason, the previous output untouched, nothing left beside it"
