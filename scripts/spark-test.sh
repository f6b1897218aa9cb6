#!/usr/bin/env bash
# make spark-test: contrib/spark/summarize_audit.py on Spark (local mode)
# against `dossier summarize`, field by field.
#
#   0. runs the unit tests of the Python core (contrib/spark/test_summarize_audit.py);
#   1. installs pyspark (Spark 4) with pip if it is missing, and checks for
#      Java 17 or later (installing openjdk-17-jre-headless with apt-get if
#      there is no java at all);
#   2. builds dossier (swift build, .build/debug/dossier);
#   3. runs the Spark job over every case of
#      Tests/DossierCLITests/Fixtures/audit-logs (in one Spark session; the
#      cases of spark-skip.txt are left out, see its reasons) and compares
#      it with the case's expected.json and expected-warnings.json, exactly;
#   4. runs dossier summarize over every case and compares it with
#      expected.json and with the Spark result;
#   5. generates a few hundred thousand events (Benchmarks/audit/generate.py)
#      split into plain and gzip files (one made of two gzip members), runs
#      the Spark job (spark-submit, in small partitions so that plain files
#      are split), the local mode and dossier summarize over them, and
#      compares all three.
#
# Comparisons (scripts/compare_summaries.py): counts, maps and strings
# equal; max_amount and duration max equal as doubles; p50/p95 within
# max(0.1%, 1 µs); Spark against the local mode exactly, p50/p95 included.
#
# Environment:
#   SPARK_TEST_EVENTS=300000   how many events to generate (about 580 bytes each)
#   SPARK_TEST_DOSSIER=0       leave dossier out (Spark against the local mode only)
#   DOSSIER=path               use this dossier binary instead of building one
#   WORK=.build/spark-test     where inputs and outputs go
set -euo pipefail

cd "$(dirname "$0")/.."
root=$PWD
fixtures=Tests/DossierCLITests/Fixtures/audit-logs
core=contrib/spark/summarize_audit.py
compare=(python3 scripts/compare_summaries.py)
work=${WORK:-.build/spark-test}
events=${SPARK_TEST_EVENTS:-300000}
with_dossier=${SPARK_TEST_DOSSIER:-1}
dossier=${DOSSIER:-.build/debug/dossier}
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)

log() { printf '\n== %s\n' "$*" >&2; }
now() { date +%s.%N; }
took() { awk -v a="$1" -v b="$(now)" 'BEGIN { printf "%.1f s", b - a }'; }

# ------------------------------------------------------------------ tools

log "unit tests of the Python core"
python3 contrib/spark/test_summarize_audit.py

if ! python3 -c 'import pyspark, sys; sys.exit(int(pyspark.__version__.split(".")[0]) < 4)' 2>/dev/null; then
  log "installing pyspark 4 with pip"
  python3 -m pip install --quiet --disable-pip-version-check 'pyspark>=4,<5'
fi
spark_home=$(python3 -c 'import os, pyspark; print(os.path.dirname(pyspark.__file__))')
spark_submit=("$spark_home/bin/spark-submit" --master 'local[2]' --driver-memory 2g
              --conf spark.log.level=WARN --conf spark.ui.enabled=false)

if ! command -v java >/dev/null; then
  log "installing Java 17 (openjdk-17-jre-headless)"
  $SUDO apt-get update -qq && $SUDO apt-get install -y -qq openjdk-17-jre-headless >/dev/null
fi
java_major=$(java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1)
if [[ -z $java_major || $java_major -lt 17 ]]; then
  echo "spark-test: Spark 4 needs Java 17 or later; java -version says: $(java -version 2>&1 | head -1)" >&2
  exit 1
fi
echo "pyspark $(python3 -c 'import pyspark; print(pyspark.__version__)'), Java $java_major" >&2

if [[ $with_dossier == 1 ]]; then
  if [[ -z ${DOSSIER:-} ]]; then
    log "building dossier"
    swift build
  fi
  if ! "$dossier" summarize --help >/dev/null 2>&1; then
    echo "spark-test: $dossier has no summarize command (SPARK_TEST_DOSSIER=0 compares Spark with the local mode only)" >&2
    exit 1
  fi
fi

rm -rf "$work"
mkdir -p "$work"
failures=0
check() { # check ARGS...: a comparison; counts the failures, goes on
  if ! "$@"; then failures=$((failures + 1)); fi
}

# ------------------------------------------------------------------ fixture cases

log "Spark over the fixture cases"
# (spark-submit merges the Python driver's stderr into its stdout: both go to the log.)
"${spark_submit[@]}" scripts/spark_fixture_cases.py "$fixtures" "$work/cases-spark" > "$work/cases-spark.log" 2>&1 || {
  tail -40 "$work/cases-spark.log" >&2
  exit 1
}

skipped=$(cut -f1 "$fixtures/spark-skip.txt")
for case_dir in "$fixtures"/*/; do
  case_name=$(basename "$case_dir")
  if grep -qx "$case_name" <<<"$skipped"; then
    echo "spark $case_name: skipped ($(grep "^$case_name	" "$fixtures/spark-skip.txt" | cut -f2))"
  else
    check "${compare[@]}" --exact --name "spark $case_name" "$case_dir/expected.json" "$work/cases-spark/$case_name"
    check "${compare[@]}" --warnings --name "spark $case_name (warnings)" \
      "$case_dir/expected-warnings.json" "$work/cases-spark/$case_name.warnings.json"
  fi
  if [[ $with_dossier == 1 ]]; then
    out=$work/cases-dossier/$case_name
    fields=()
    if [[ -f $case_dir/fields.yaml ]]; then fields=(--fields "$case_dir/fields.yaml"); fi
    if "$dossier" summarize "$case_dir" "${fields[@]}" --out "$out" 2> "$work/cases-dossier-$case_name.stderr"; then
      mkdir -p "$out"
      check "${compare[@]}" --name "dossier $case_name" "$case_dir/expected.json" "$out"
      if [[ -d $work/cases-spark/$case_name ]]; then
        check "${compare[@]}" --name "dossier $case_name vs spark" "$work/cases-spark/$case_name" "$out"
      fi
    else
      echo "dossier $case_name: dossier summarize failed:" >&2
      cat "$work/cases-dossier-$case_name.stderr" >&2
      failures=$((failures + 1))
    fi
  fi
done

# ------------------------------------------------------------------ generated events

log "generating $events events"
bulk=$work/bulk
mkdir -p "$bulk"
python3 Benchmarks/audit/generate.py "$((events * 583))" "$work/all.jsonl" >&2
python3 - "$work/all.jsonl" "$bulk" <<'EOF'
# Split the log at line boundaries: 40% plain, 30% gzip, 30% two gzip members.
import gzip, os, sys
source, folder = sys.argv[1:]
with open(source, "rb") as stream:
    lines = stream.read().split(b"\n")
if not lines[-1]:
    lines.pop()
n = len(lines)
a, b = n * 4 // 10, n * 7 // 10
def text(part):
    return b"".join(line + b"\n" for line in part)
with open(os.path.join(folder, "part-1.jsonl"), "wb") as out:
    out.write(text(lines[:a]))
os.makedirs(os.path.join(folder, "gz"), exist_ok=True)
with open(os.path.join(folder, "gz", "part-2.jsonl.gz"), "wb") as out:
    out.write(gzip.compress(text(lines[a:b]), compresslevel=6, mtime=0))
third = text(lines[b:])
middle = len(third) // 2  # the members split in the middle of a line
with open(os.path.join(folder, "gz", "part-3.jsonl.gz"), "wb") as out:
    out.write(gzip.compress(third[:middle], compresslevel=6, mtime=0) + gzip.compress(third[middle:], compresslevel=6, mtime=0))
print(f"{n} lines: part-1.jsonl, gz/part-2.jsonl.gz, gz/part-3.jsonl.gz (two members)", file=sys.stderr)
EOF
rm -f "$work/all.jsonl"

log "Spark over the generated events (spark-submit, 4 MB partitions)"
start=$(now)
"${spark_submit[@]}" --conf spark.sql.files.maxPartitionBytes=4m \
  "$core" "$bulk" --out "$work/bulk-spark" --warnings-json "$work/bulk-spark.warnings.json" \
  --relative-to "$bulk" > "$work/bulk-spark.log" 2>&1 || {
  tail -40 "$work/bulk-spark.log" >&2
  exit 1
}
echo "spark-submit (local[2], JVM start included): $(took "$start")" >&2
log "local mode over the generated events"
start=$(now)
python3 "$core" --local "$bulk" --out "$work/bulk-local" --warnings-json "$work/bulk-local.warnings.json" \
  --relative-to "$bulk" 2> "$work/bulk-local.log"
echo "summarize_audit.py --local (one process): $(took "$start")" >&2
check "${compare[@]}" --exact --name "generated: spark vs local" "$work/bulk-local" "$work/bulk-spark"
check "${compare[@]}" --warnings --name "generated: spark vs local (warnings)" \
  "$work/bulk-local.warnings.json" "$work/bulk-spark.warnings.json"
if [[ $with_dossier == 1 ]]; then
  log "dossier summarize over the generated events"
  start=$(now)
  "$dossier" summarize "$bulk" --out "$work/bulk-dossier" 2> "$work/bulk-dossier.log"
  echo "dossier summarize (debug build): $(took "$start")" >&2
  check "${compare[@]}" --name "generated: dossier vs local" "$work/bulk-local" "$work/bulk-dossier"
  check "${compare[@]}" --name "generated: dossier vs spark" "$work/bulk-spark" "$work/bulk-dossier"
fi

echo
if [[ $failures -gt 0 ]]; then
  echo "spark-test: $failures comparisons failed" >&2
  exit 1
fi
echo "spark-test: all comparisons agree"
