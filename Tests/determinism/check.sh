#!/usr/bin/env bash
# Determinism matrix: the same repository, built and checked under different
# time zones and locales (tr_TR.UTF-8 is the dotted-i trap) and with its files
# created in different orders, gives byte-identical output.
#
#   bash Tests/determinism/check.sh DOSSIER
#
# Generates the tr_TR.UTF-8 locale when it is missing (Debian's `locales`) and
# fails, rather than passes, when it cannot: a matrix without the locale
# proves nothing.
set -euo pipefail

dossier=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
root=$(cd "$(dirname "$0")/../.." && pwd)
SUDO=$([ "$(id -u)" = 0 ] || echo sudo)

if ! locale -a 2>/dev/null | grep -qix 'tr_TR.utf8'; then
  echo "determinism: generating the tr_TR.UTF-8 locale"
  if ! dpkg -s locales >/dev/null 2>&1; then
    $SUDO apt-get update -qq && $SUDO apt-get install -y -qq locales >/dev/null
  fi
  $SUDO sed -i 's/^# *\(tr_TR.UTF-8 UTF-8\)/\1/' /etc/locale.gen
  grep -q '^tr_TR.UTF-8 UTF-8' /etc/locale.gen || echo 'tr_TR.UTF-8 UTF-8' | $SUDO tee -a /etc/locale.gen >/dev/null
  $SUDO locale-gen >/dev/null
fi
if ! locale -a | grep -qix 'tr_TR.utf8' || [ "$(LC_ALL=tr_TR.UTF-8 python3 -c 'print("i".upper())' 2>/dev/null)" = "" ]; then
  echo "determinism: the tr_TR.UTF-8 locale cannot be set up; failing" >&2
  exit 1
fi
# The locale really is in effect: Turkish upper-cases the dotted i differently.
if [ "$(LC_ALL=tr_TR.UTF-8 awk 'BEGIN { print toupper("i") }' 2>/dev/null || true)" = "I" ] \
   && [ "$(LC_ALL=tr_TR.UTF-8 bash -c 'x=i; echo ${x^^}')" = "I" ]; then
  echo "determinism: tr_TR.UTF-8 is listed but has no effect; failing" >&2
  exit 1
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# Two copies of the example (with raw logs added): files created in byte order, and in reverse.
cp -r "$root/examples/acme" "$work/base"
mkdir -p "$work/base/audit/raw"
printf '%s\n' \
  '{"agent_name": "knowledge-base-qa", "timestamp": 1782800000.5, "action": "kb_search", "tool_name": "kb_search", "allowed": true, "duration_ms": 120.5}' \
  '{"agent_name": "İstanbul-agent", "timestamp": 1782800001, "action": "ıi", "allowed": true}' \
  > "$work/base/audit/raw/2026-11.jsonl"
for order in forward reverse; do
  mkdir "$work/$order"
  (cd "$work/base" && find . -type d | sort) | while read -r dir; do mkdir -p "$work/$order/$dir"; done
  if [ "$order" = forward ]; then sort_flag=""; else sort_flag="-r"; fi
  (cd "$work/base" && find . -type f | LC_ALL=C sort $sort_flag) | while read -r file; do
    cp "$work/base/$file" "$work/$order/$file"
  done
done

run() {  # NAME ORDER ENV…: build and every check format into $work/out-NAME
  local name=$1 order=$2; shift 2
  local out="$work/out-$name"
  env -i PATH="$PATH" HOME="$HOME" "$@" "$dossier" build "$work/$order" --out "$out/site" --quiet 2>/dev/null
  for format in text json junit sarif prometheus; do
    env -i PATH="$PATH" HOME="$HOME" "$@" "$dossier" check "$work/$order" --format "$format" --fail-on none \
      > "$out/check.$format" 2> "$out/check.$format.stderr"
  done
  (cd "$work/$order" && env -i PATH="$PATH" HOME="$HOME" "$@" "$dossier" summarize audit/raw > "$out/summarize.json" 2> "$out/summarize.stderr")
}

run utc-c forward TZ=UTC LANG=C
run kiritimati-tr reverse TZ=Pacific/Kiritimati LANG=tr_TR.UTF-8
run newfoundland-tr-all forward TZ=America/St_Johns LC_ALL=tr_TR.UTF-8
run honolulu-c-utf8 reverse TZ=Pacific/Honolulu LANG=C.UTF-8 LC_COLLATE=tr_TR.UTF-8

status=0
for name in kiritimati-tr newfoundland-tr-all honolulu-c-utf8; do
  if ! diff -r "$work/out-utc-c" "$work/out-$name" >/dev/null; then
    echo "determinism: output under $name differs from TZ=UTC LANG=C:" >&2
    diff -r "$work/out-utc-c" "$work/out-$name" | head -20 >&2
    status=1
  fi
done

# SOURCE_DATE_EPOCH sets the default as-of date (dossier.yaml without as_of).
grep -v '^as_of:' "$work/base/dossier.yaml" > "$work/base/dossier.yaml.new" && mv "$work/base/dossier.yaml.new" "$work/base/dossier.yaml"
as_of=$(env -i PATH="$PATH" SOURCE_DATE_EPOCH=1790000000 TZ=Pacific/Kiritimati "$dossier" check "$work/base" --format json --fail-on none 2>/dev/null \
  | python3 -c 'import json, sys; print(json.load(sys.stdin)["as_of"])')
if [ "$as_of" != "2026-09-21" ]; then
  echo "determinism: SOURCE_DATE_EPOCH=1790000000 gave as_of $as_of, expected 2026-09-21 (UTC)" >&2
  status=1
fi

[ $status = 0 ] && echo "determinism: identical output under 4 time zone and locale settings, files in two orders ($(find "$work/out-utc-c" -type f | wc -l) files)"
exit $status
