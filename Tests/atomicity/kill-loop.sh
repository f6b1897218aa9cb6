#!/usr/bin/env bash
# Interrupted builds: `kill -9` of `dossier build` at random moments leaves
# either the previous site byte-identical or, when the kill came after the
# swap, the new one whole: never a mix. The next successful build leaves no stray
# temporary folder beside --out. Two builds into one --out at once both finish
# with one complete site.
#
#   bash Tests/atomicity/kill-loop.sh DOSSIER [ROUNDS]
set -euo pipefail

dossier=$(cd "$(dirname "$1")" && pwd)/$(basename "$1")
rounds=${2:-20}
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# A repository big enough that a build takes a moment: acme plus generated agents.
cp -r "$root/examples/acme" "$work/repo"
for i in $(seq -w 1 300); do
  sed "s/^name: .*/name: Generated agent $i/" "$root/examples/acme/agents/customer-support.yaml" > "$work/repo/agents/generated-$i.yaml"
done
"$dossier" build "$work/repo" --out "$work/out/site" --quiet 2>/dev/null
snapshot() { (cd "${1:-$work/out}" && find . -type f -print0 | LC_ALL=C sort -z | xargs -0 sha256sum); }
snapshot > "$work/before"
# What a killed build would have written, had it finished (another release label).
"$dossier" build "$work/repo" --out "$work/ref/site" --release killed --quiet 2>/dev/null
snapshot "$work/ref" > "$work/other"

killed=0
swapped=0
for round in $(seq 1 "$rounds"); do
  "$dossier" build "$work/repo" --out "$work/out/site" --release killed --quiet 2>/dev/null &
  pid=$!
  # A random moment within the first ~1.5 s of the build.
  sleep "0.$((RANDOM % 15))$((RANDOM % 10))"
  if kill -9 "$pid" 2>/dev/null; then killed=$((killed + 1)); fi
  wait "$pid" 2>/dev/null || true
  # The site is the previous one or the new one, whole (temporary folders of killed builds may sit beside it).
  snapshot | grep ' \./site/' > "$work/now" || true
  if cmp -s "$work/now" "$work/before"; then
    :
  elif cmp -s "$work/now" <(grep ' \./site/' "$work/other"); then
    cp "$work/now" "$work/before"  # the kill came after the swap: the new site is the previous one now
    swapped=$((swapped + 1))
  else
    echo "atomicity: round $round: after kill -9 the site is neither the previous one nor the new one" >&2
    exit 1
  fi
done

# The next successful build cleans up the temporary folders of the killed ones.
"$dossier" build "$work/repo" --out "$work/out/site" --quiet 2>/dev/null
stray=$(find "$work/out" -mindepth 1 -maxdepth 1 ! -name site | wc -l)
if [ "$stray" != 0 ]; then
  echo "atomicity: $stray stray entries beside the site after a successful build:" >&2
  ls -a "$work/out" >&2
  exit 1
fi
# (The first build's snapshot again: the same input gives the same site.)
"$dossier" build "$work/repo" --out "$work/first/site" --quiet 2>/dev/null
snapshot "$work/first" > "$work/before"
if ! diff <(snapshot) "$work/before" >/dev/null; then
  echo "atomicity: a rebuild after the kills differs from a fresh build" >&2
  exit 1
fi

# Two builds into the same --out at once: both finish, one complete site.
"$dossier" build "$work/repo" --out "$work/out/site" --quiet 2>/dev/null & a=$!
"$dossier" build "$work/repo" --out "$work/out/site" --quiet 2>/dev/null & b=$!
wait "$a"; wait "$b"
if ! diff <(snapshot) "$work/before" >/dev/null || [ "$(find "$work/out" -mindepth 1 -maxdepth 1 | wc -l)" != 1 ]; then
  echo "atomicity: two concurrent builds did not leave one complete site" >&2
  exit 1
fi
"$dossier" verify "$work/out/site" 2>/dev/null
echo "atomicity: $rounds rounds ($killed builds killed, $swapped after their swap): the previous or the new site whole each time, no stray folder after the next build; two concurrent builds gave one complete site"
