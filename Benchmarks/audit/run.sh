#!/usr/bin/env bash
# Audit-log benchmark: `dossier summarize` on 1 GiB of raw audit events, next
# to `wc -l` (the speed of just reading the lines), a Python summarizer and
# DuckDB doing the same work, all on the same warm input in the same run.
#
#   make bench-audit                # or: bash Benchmarks/audit/run.sh
#
# Settings (environment):
#   DOSSIER_BIN=path        the dossier executable to time, used as is; when
#                           unset, `swift build -c release --product dossier`
#                           (a no-op when up to date) makes .build/release/dossier
#   BENCH_RUNS=3            runs of wc -l and dossier; the median counts
#   BENCH_SLOW_RUNS=1       runs of the Python and DuckDB baselines
#   BENCH_AUDIT_BYTES=1073741824   size of the generated log (1 GiB)
#   BENCH_DIR=.build/bench  where inputs and results live
#
# What is timed (wall seconds, and peak RSS from /usr/bin/time):
#   wc -l LOG                                      reading the lines, nothing more
#   dossier summarize LOG                          the 1 GiB log
#   dossier summarize LOG.gz                       the same log, gzip -1
#   dossier summarize PART1 PART2 PART3 PART4      4 GiB: the log under 4 names
#   python3 Benchmarks/audit/python_summarize.py LOG   (skipped if absent)
#   python3 Benchmarks/audit/duckdb_summarize.py LOG   (DuckDB on every core)
#   the same log with RFC 3339 timestamps, and nested under "event" and read
#   through audit_fields (--fields): dossier, wc -l and DuckDB on each
# The log is read once beforehand so that every tool reads it from the page
# cache. Throughput is bytes of input per second (MB = 10^6 bytes; peak RSS
# too is in 10^6 bytes). The machine may be shared and noisy, so compare the
# ratios measured in one run, not seconds across runs.
#
# Targets: dossier at least 3x DuckDB's MB/s and 20x Python's, ideally half
# the speed of wc -l, and under 100 MB peak RSS on 1 GiB and on 4 GiB. Each is
# reported as met or not met; the script exits 0 either way (it is a report,
# not a test). The outputs of dossier, Python and DuckDB on the 1 GiB log are
# compared with compare.py as a sanity check.
#
# Inputs live under BENCH_DIR: audit-1g.jsonl (reused while generate.py and the
# size are unchanged, see its .generator stamp), audit-1g.jsonl.gz, and
# audit-4g/ (hard links to the 1 GiB log). The last run of each measurement
# is in audit-runs/ (NAME.stdout, NAME.stderr, NAME.times) and the table in
# audit-results.txt.
set -euo pipefail

here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
root=$(cd -- "$here/../.." && pwd)
cd "$root"

runs=${BENCH_RUNS:-3}
slow_runs=${BENCH_SLOW_RUNS:-1}
size=${BENCH_AUDIT_BYTES:-1073741824}
bench=${BENCH_DIR:-$root/.build/bench}
work=$bench/audit-runs

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'bench: %s\n' "$*" >&2; exit 1; }

[[ $runs =~ ^[1-9][0-9]*$ ]] || die "BENCH_RUNS must be a positive integer, not '$runs'"
[[ $slow_runs =~ ^[1-9][0-9]*$ ]] || die "BENCH_SLOW_RUNS must be a positive integer, not '$slow_runs'"
[[ $size =~ ^[1-9][0-9]*$ ]] || die "BENCH_AUDIT_BYTES must be a positive integer, not '$size'"

# ---------------------------------------------------------------- tools

sudo_cmd=()
[[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
apt_install() {
  log "installing $* with apt-get"
  "${sudo_cmd[@]}" apt-get update -qq -o DPkg::Lock::Timeout=600
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq \
    -o DPkg::Lock::Timeout=600 "$@" >/dev/null
}

command -v python3 >/dev/null || die "python3 is needed to generate the input"
command -v gzip >/dev/null || die "gzip is needed for the gzip input"
[[ -x /usr/bin/time ]] || apt_install time

have_duckdb=1
if ! python3 -c 'import duckdb' 2>/dev/null; then
  log "installing duckdb with pip"
  python3 -m pip install --quiet duckdb >&2 || true
  python3 -c 'import duckdb' 2>/dev/null || { have_duckdb=; log "duckdb is not available: skipping DuckDB"; }
fi

# ---------------------------------------------------------------- dossier

if [[ -n ${DOSSIER_BIN:-} ]]; then
  dossier=$DOSSIER_BIN
  [[ -x $dossier ]] || die "DOSSIER_BIN: no executable at $dossier"
else
  log "building dossier (release)"
  swift build -c release --product dossier >&2
  dossier=$(swift build -c release --show-bin-path)/dossier
  [[ -x $dossier ]] || die "no dossier executable at $dossier"
fi

# The help of an unknown subcommand falls back to the top-level help (exit 0),
# so the usage line is checked as well as the exit status.
have_summarize=
if help=$("$dossier" summarize --help 2>&1) && grep -q 'USAGE: dossier summarize' <<<"$help"; then
  have_summarize=1
else
  echo "dossier summarize not available: timing the baselines only" >&2
fi
dossier_version=$("$dossier" --version 2>/dev/null || echo unknown)

# ---------------------------------------------------------------- inputs

mkdir -p "$bench" "$work"
# The log's name and its label in the report.
if ((size == 1073741824)); then
  name=audit-1g label="1 GiB"
else
  name=audit-$size label=$(awk -v b="$size" 'BEGIN { printf "%.0f MB", b / 1e6 }')
fi
input=$bench/$name.jsonl
gz=$input.gz
if [[ $name == audit-1g ]]; then parts_dir=$bench/audit-4g; else parts_dir=$bench/$name-x4; fi
declare -A made_in=()

# ensure_input FILE STAMP COMMAND...: run COMMAND (which writes FILE) unless
# FILE exists and FILE.generator holds exactly STAMP; then write the stamp.
ensure_input() {
  local file=$1 stamp=$2
  shift 2
  if [[ -f $file && -f $file.generator && $(<"$file.generator") == "$stamp" ]]; then
    log "reusing ${file#"$root"/} (generator unchanged)"
    made_in[$file]="reused (generator unchanged)"
    return
  fi
  log "generating ${file#"$root"/}"
  rm -f "$file.generator"
  local t0=$EPOCHREALTIME
  "$@" >&2
  made_in[$file]=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "generated in %.1f s", b - a }')
  printf '%s\n' "$stamp" >"$file.generator"
}

gzip_to() { # gzip_to SRC DEST: gzip -1, written under a temporary name
  gzip -1 -c "$1" >"$2.tmp" && mv -f "$2.tmp" "$2"
}

gen_stamp="$(sha256sum <"$here/generate.py" | cut -c1-64) size=$size"
ensure_input "$input" "$gen_stamp" python3 "$here/generate.py" "$size" "$input"
ensure_input "$gz" "gzip -1 of $gen_stamp" gzip_to "$input" "$gz"
# The variants: the same events with RFC 3339 timestamps, and nested under "event" (audit_fields).
rfc_input=$bench/$name-rfc3339.jsonl
mapped_input=$bench/$name-mapped.jsonl
mapped_fields=$bench/$name-mapped.fields.yaml
variant_stamp="$(cat "$here/variants.py" | sha256sum | cut -c1-64) of $gen_stamp"
ensure_input "$rfc_input" "$variant_stamp" python3 "$here/variants.py" rfc3339 "$input" "$rfc_input"
ensure_input "$mapped_input" "$variant_stamp" python3 "$here/variants.py" mapped "$input" "$mapped_input" "$mapped_fields"

# 4x the log: the same file under four names (hard links, or symbolic links
# where the file system has none). Remade every run, so they follow the log.
mkdir -p "$parts_dir"
parts=()
for i in 1 2 3 4; do
  part=$parts_dir/part-$i.jsonl
  ln -f "$input" "$part" 2>/dev/null || ln -sf "$input" "$part"
  parts+=("$part")
done

input_bytes=$(stat -c %s "$input")
gz_bytes=$(stat -c %s "$gz")
input_lines=$(wc -l <"$input")

# ---------------------------------------------------------------- timing

# measure NAME RUNS COMMAND...: run COMMAND RUNS times (stdout to
# NAME.stdout, stderr to NAME.stderr) and set secs_of[NAME] to the median wall
# time and kb_of[NAME] to the highest peak RSS (KiB). The wall time is taken
# by the shell to the microsecond (/usr/bin/time rounds to 10 ms, too coarse
# for wc -l), the peak RSS by /usr/bin/time. A command that fails is reported
# (status_of[NAME]=failed) and the benchmark goes on.
declare -A secs_of=() kb_of=() status_of=()
measure() {
  local key=$1 n=$2
  shift 2
  local i t0 secs kb times=()
  kb_of[$key]=0
  : >"$work/$key.times"
  for ((i = 1; i <= n; i++)); do
    t0=$EPOCHREALTIME
    if ! /usr/bin/time -f '%M' -o "$work/$key.time" "$@" >"$work/$key.stdout" 2>"$work/$key.stderr"; then
      tail -n 5 "$work/$key.stderr" >&2
      log "  failed: $* (see ${work#"$root"/}/$key.stderr)"
      status_of[$key]=failed
      return
    fi
    secs=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.3f", b - a }')
    kb=$(tail -n 1 "$work/$key.time")
    echo "$secs $kb" >>"$work/$key.times"
    log "  run $i/$n: ${secs} s, $((kb / 1024)) MiB"
    times+=("$secs")
    if ((kb > ${kb_of[$key]})); then kb_of[$key]=$kb; fi
  done
  secs_of[$key]=$(printf '%s\n' "${times[@]}" | sort -g |
    awk '{ v[NR] = $1 } END { print (NR % 2 ? v[(NR + 1) / 2] : (v[NR / 2] + v[NR / 2 + 1]) / 2) }')
  status_of[$key]=ok
}

log "warming the page cache"
cat "$input" "$gz" >/dev/null

log "timing wc -l (median of $runs)"
measure wc "$runs" wc -l "$input"

if [[ -n $have_summarize ]]; then
  log "timing dossier summarize on $label (median of $runs)"
  measure dossier "$runs" "$dossier" summarize "$input"
  log "timing dossier summarize on the gzip log (median of $runs)"
  measure dossier-gz "$runs" "$dossier" summarize "$gz"
  log "timing dossier summarize on 4 copies (median of $runs)"
  measure dossier-4x "$runs" "$dossier" summarize "${parts[@]}"
  log "timing dossier summarize with RFC 3339 timestamps and with mapped fields (median of $runs)"
  measure dossier-rfc "$runs" "$dossier" summarize "$rfc_input"
  measure dossier-mapped "$runs" "$dossier" summarize --fields "$mapped_fields" "$mapped_input"
fi
measure wc-rfc "$runs" wc -l "$rfc_input"
measure wc-mapped "$runs" wc -l "$mapped_input"

python_script=$here/python_summarize.py
if [[ -f $python_script ]]; then
  log "timing python_summarize.py (median of $slow_runs)"
  measure python "$slow_runs" python3 "$python_script" "$input"
else
  echo "python_summarize.py not available: skipping the Python baseline" >&2
fi

if [[ -n $have_duckdb ]]; then
  log "timing DuckDB on $(nproc) threads (median of $slow_runs)"
  measure duckdb "$slow_runs" python3 "$here/duckdb_summarize.py" "$input"
  measure duckdb-rfc "$slow_runs" python3 "$here/duckdb_summarize.py" --rfc3339 "$rfc_input"
  measure duckdb-mapped "$slow_runs" python3 "$here/duckdb_summarize.py" --nested event "$mapped_input"
fi

# ---------------------------------------------------------------- report

ok() { [[ ${status_of[$1]:-} == ok ]]; }

# mbps BYTES SECONDS: throughput in MB/s (a time under 10 ms counts as 10 ms).
mbps() { awk -v b="$1" -v s="$2" 'BEGIN { if (s < 0.01) s = 0.01; printf "%.0f", b / 1e6 / s }'; }

row() { # row KEY TOOL INPUT BYTES [NOTE]
  local key=$1 tool=$2 what=$3 bytes=$4 note=${5:-}
  if ok "$key"; then
    awk -v tool="$tool" -v what="$what" -v s="${secs_of[$key]}" -v mb="$(mbps "$bytes" "${secs_of[$key]}")" \
      -v kb="${kb_of[$key]}" -v note="$note" 'BEGIN {
      printf "%-22s %-18s %9.3f %9d %12.1f%s\n", tool, what, s, mb, kb * 1024 / 1e6, (note == "" ? "" : "  " note) }'
  elif [[ ${status_of[$key]:-} == failed ]]; then
    printf '%-22s %-18s %9s %9s %12s  %s\n' "$tool" "$what" failed - - "see ${work#"$root"/}/$key.stderr"
  else
    printf '%-22s %-18s %9s %9s %12s  %s\n' "$tool" "$what" - - - "not available"
  fi
}

# target LABEL VALUE OP LIMIT [stretch]: one line of the target table; VALUE
# empty means not measured.
target() {
  local label=$1 value=$2 op=$3 limit=$4 kind=${5:-target}
  if [[ -z $value ]]; then
    printf '  %-34s %9s   %s %-8s %s\n' "$label" n/a "$op" "$limit" "not measured"
    return
  fi
  awk -v label="$label" -v v="$value" -v op="$op" -v lim="$limit" -v kind="$kind" 'BEGIN {
    met = (op == ">=") ? (v >= lim) : (v < lim)
    printf "  %-34s %9.2f   %s %-8s %s%s\n", label, v, op, lim, (met ? "met" : "not met"), (kind == "stretch" ? " (stretch)" : "")
  }'
}

# speedup A B: how many times faster A ran than B on the same input (B's
# seconds over A's), or empty when either is missing.
speedup() {
  if ok "$1" && ok "$2"; then
    awk -v a="${secs_of[$1]}" -v b="${secs_of[$2]}" 'BEGIN { if (a < 0.01) a = 0.01; if (b < 0.01) b = 0.01; printf "%.4f", b / a }'
  fi
}
rss_mb() { if ok "$1"; then awk -v kb="${kb_of[$1]}" 'BEGIN { printf "%.1f", kb * 1024 / 1e6 }'; fi; }

{
  echo
  echo "Audit-log benchmark: $dossier_version · $(nproc) CPUs · median of $runs (Python, DuckDB: $slow_runs)"
  awk -v b="$input_bytes" -v l="$input_lines" -v g="$gz_bytes" 'BEGIN {
    printf "input: %d bytes, %d lines (%.0f bytes/line); gzip -1: %d bytes (%.1fx smaller)\n", b, l, b / l, g, b / g }'
  echo
  printf '%-22s %-18s %9s %9s %12s\n' tool input seconds MB/s 'peak RSS MB'
  row wc "wc -l" "$label" "$input_bytes"
  row dossier "dossier summarize" "$label" "$input_bytes"
  if ok dossier-gz; then
    gz_note="$(mbps "$gz_bytes" "${secs_of[dossier-gz]}") MB/s of compressed input"
  else
    gz_note=
  fi
  row dossier-gz "dossier summarize" "$label gzip -1" "$input_bytes" "$gz_note"
  row dossier-4x "dossier summarize" "4x $label, 4 files" "$((4 * input_bytes))"
  row python "python_summarize.py" "$label" "$input_bytes"
  row duckdb "DuckDB $(python3 -c 'import duckdb; print(duckdb.__version__)' 2>/dev/null || true)" "$label" "$input_bytes"
  rfc_bytes=$(stat -c %s "$rfc_input")
  mapped_bytes=$(stat -c %s "$mapped_input")
  row wc-rfc "wc -l" "$label RFC 3339" "$rfc_bytes"
  row dossier-rfc "dossier summarize" "$label RFC 3339" "$rfc_bytes"
  row duckdb-rfc "DuckDB" "$label RFC 3339" "$rfc_bytes"
  row wc-mapped "wc -l" "$label mapped" "$mapped_bytes"
  row dossier-mapped "dossier --fields" "$label mapped" "$mapped_bytes"
  row duckdb-mapped "DuckDB" "$label mapped" "$mapped_bytes"
  echo
  echo "MB/s: bytes of uncompressed input per second; MB are 10^6 bytes, in peak RSS too."
  echo
  echo "targets (ratios of MB/s measured in this run):"
  target "dossier / DuckDB" "$(speedup dossier duckdb)" ">=" 3
  target "dossier / Python" "$(speedup dossier python)" ">=" 20
  target "dossier / wc -l" "$(speedup dossier wc)" ">=" 0.5 stretch
  target "dossier / DuckDB, RFC 3339" "$(speedup dossier-rfc duckdb-rfc)" ">=" 3
  target "dossier / DuckDB, mapped fields" "$(speedup dossier-mapped duckdb-mapped)" ">=" 3
  target "dossier / wc -l, RFC 3339" "$(speedup dossier-rfc wc-rfc)" ">=" 0.3 stretch
  target "dossier / wc -l, mapped fields" "$(speedup dossier-mapped wc-mapped)" ">=" 0.3 stretch
  target "dossier peak RSS MB, $label" "$(rss_mb dossier)" "<" 100
  target "dossier peak RSS MB, 4x $label" "$(rss_mb dossier-4x)" "<" 100
  echo
  echo "same results (compare.py, dossier against each baseline):"
  if ok dossier; then
    for other in duckdb python; do
      if ok "$other"; then
        printf '  '
        python3 "$here/compare.py" "$work/dossier.stdout" "$work/$other.stdout" "dossier vs $other"
      fi
    done
    if ok dossier-gz; then
      printf '  '
      python3 "$here/compare.py" "$work/dossier.stdout" "$work/dossier-gz.stdout" "dossier vs dossier on gzip"
    fi
    for variant in rfc mapped; do
      if ok "dossier-$variant"; then
        printf '  '
        python3 "$here/compare.py" "$work/dossier.stdout" "$work/dossier-$variant.stdout" "dossier vs dossier, $variant"
      fi
    done
  elif ok python && ok duckdb; then
    printf '  '
    python3 "$here/compare.py" "$work/python.stdout" "$work/duckdb.stdout" "python vs duckdb"
  else
    echo "  nothing to compare"
  fi
  echo
  echo "inputs under ${bench#"$root"/}/:"
  printf '  %-26s %s\n' "$(basename "$input")" "${made_in[$input]}"
  printf '  %-26s %s\n' "$(basename "$gz")" "${made_in[$gz]}"
  printf '  %-26s %s\n' "$(basename "$rfc_input")" "${made_in[$rfc_input]}"
  printf '  %-26s %s\n' "$(basename "$mapped_input")" "${made_in[$mapped_input]}"
  printf '  %-26s %s\n' "$(basename "$parts_dir")/" "4 links to $(basename "$input")"
} | tee "$bench/audit-results.txt"
