#!/usr/bin/env bash
# Builds the libFuzzer harnesses of Fuzz/ and runs each one for SECONDS (default 600),
# on a copy of the committed seed corpus in .build/fuzz/ (the seeds do not grow).
#
#   scripts/fuzz.sh [SECONDS]                   every target, JOBS (default 2) at a time
#   TARGETS="FuzzMarkdown" scripts/fuzz.sh 60   some targets only
#   scripts/fuzz.sh --build                     build only
#
# Crashes, timeouts and out-of-memory inputs land in .build/fuzz/<target>/artifacts/.
set -uo pipefail
cd "$(dirname "$0")/.."

SECONDS_PER_TARGET=${1:-600}
JOBS=${JOBS:-2}
TARGETS=${TARGETS:-"FuzzAgentYAML FuzzAgentJSON FuzzEventLine FuzzMarkdown"}
WORK=.build/fuzz

swift build --package-path Fuzz -c debug \
    -Xswiftc -sanitize=fuzzer,address -Xswiftc -parse-as-library \
    --scratch-path Fuzz/.build || exit 1
[ "$SECONDS_PER_TARGET" = "--build" ] && exit 0
BIN=Fuzz/.build/debug

max_len() {
    case $1 in
        FuzzAgentYAML|FuzzAgentJSON) echo 16384 ;;
        FuzzEventLine) echo 4096 ;;
        FuzzMarkdown) echo 16384 ;;
    esac
}

run() {
    local target=$1 dir=$WORK/$1
    rm -rf "$dir"
    mkdir -p "$dir/corpus" "$dir/artifacts"
    cp Fuzz/corpus/"$target"/* "$dir/corpus/"
    if compgen -G "Fuzz/regressions/$target/*" >/dev/null; then cp Fuzz/regressions/"$target"/* "$dir/corpus/"; fi
    ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1} \
    "$BIN/$target" "$dir/corpus" \
        -max_total_time="$SECONDS_PER_TARGET" -rss_limit_mb=2048 -timeout=10 \
        -max_len="$(max_len "$target")" -print_final_stats=1 \
        -artifact_prefix="$dir/artifacts/" >"$dir/log.txt" 2>&1
    echo $? >"$dir/status"
}

running=0
for target in $TARGETS; do
    run "$target" &
    running=$((running + 1))
    if [ "$running" -ge "$JOBS" ]; then wait -n; running=$((running - 1)); fi
done
wait

failed=0
printf '%-15s %12s %8s %8s %8s %8s  %s\n' target executions exec/s cov ft corpus result
for target in $TARGETS; do
    dir=$WORK/$target log=$WORK/$target/log.txt
    execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
    rate=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
    status_line=$(grep -E '^#[0-9]+' "$log" | grep ' cov: ' | tail -1)
    cov=$(sed -n 's/.* cov: \([0-9]*\).*/\1/p' <<<"$status_line")
    ft=$(sed -n 's/.* ft: \([0-9]*\).*/\1/p' <<<"$status_line")
    corp=$(sed -n 's/.* corp: \([0-9]*\).*/\1/p' <<<"$status_line")
    artifacts=$(ls "$dir/artifacts" 2>/dev/null | sed "s|^|$dir/artifacts/|" | tr '\n' ' ')
    result=ok
    if [ -n "$artifacts" ] || [ "$(cat "$dir/status")" != 0 ]; then result="FAILED $artifacts(see $log)"; failed=1; fi
    printf '%-15s %12s %8s %8s %8s %8s  %s\n' "$target" "${execs:-?}" "${rate:-?}" "${cov:-?}" "${ft:-?}" "${corp:-?}" "$result"
done
exit $failed
