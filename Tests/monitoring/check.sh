#!/usr/bin/env bash
# Checks examples/monitoring and dossier's Prometheus output with promtool
# (scripts/promtool-deps.sh installs it):
#
#   bash Tests/monitoring/check.sh DOSSIER          metrics from `DOSSIER check examples/acme --format prometheus --fail-on none`
#   bash Tests/monitoring/check.sh --metrics FILE   metrics from FILE (`-` for stdin)
#
# 1. `promtool check rules` on alerts.yml;
# 2. `promtool test rules` on alerts.test.yml (the rules' unit tests);
# 3. `promtool check metrics` on the metrics, which must parse with no lint
#    problem: exit 0 and no output at all;
# 4. every ai_agent_* metric the rules use is in the metrics, as a counter.
set -euo pipefail

ROOT=$(cd "$(dirname "$0")/../.." && pwd)
MONITORING="$ROOT/examples/monitoring"

usage() {
  echo "usage: $0 DOSSIER | --metrics FILE" >&2
  exit 64
}
fail() {
  echo "monitoring: $*" >&2
  exit 1
}

metrics=$(mktemp)
out=$(mktemp)
trap 'rm -f "$metrics" "$out"' EXIT

case "${1:-}" in
  --metrics)
    [ $# = 2 ] || usage
    if [ "$2" = - ]; then cat >"$metrics"; else cat -- "$2" >"$metrics"; fi
    source="$2"
    ;;
  -*|"")
    usage
    ;;
  *)
    [ $# = 1 ] || usage
    "$1" check "$ROOT/examples/acme" --format prometheus --fail-on none >"$metrics" \
      || fail "$1 check examples/acme --format prometheus failed"
    source="$1 check examples/acme --format prometheus"
    ;;
esac

command -v promtool >/dev/null 2>&1 || fail "promtool not found (bash scripts/promtool-deps.sh installs it)"
echo "monitoring: $(promtool --version 2>&1 | head -n1)"

promtool check rules "$MONITORING/alerts.yml"
promtool test rules "$MONITORING/alerts.test.yml"

[ -s "$metrics" ] || fail "no metrics from $source"
if ! promtool check metrics <"$metrics" >"$out" 2>&1 || [ -s "$out" ]; then
  cat "$out" >&2
  fail "promtool check metrics found problems in the metrics from $source"
fi
echo "monitoring: promtool check metrics: no problems in the metrics from $source"

for name in $(grep -oE 'ai_agent_[a-z_]+_total' "$MONITORING/alerts.yml" | sort -u); do
  grep -qxF "# TYPE $name counter" "$metrics" || fail "the rules use $name, which the metrics from $source do not have"
done
echo "monitoring: every metric the rules use is in the metrics"
