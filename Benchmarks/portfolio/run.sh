#!/usr/bin/env bash
# Portfolio-scale benchmark: dossier on governance repositories of 1,000 and
# 10,000 agents, next to Hugo rendering 10,000 pages of comparable Markdown.
#
#   make bench                      # or: bash Benchmarks/portfolio/run.sh
#
# Settings (environment):
#   BENCH_SIZES="1000 10000"        portfolio sizes, in agents
#   BENCH_RUNS=3                    runs per measurement; the best wall time counts
#   BENCH_HUGO_PAGES=10000          pages of the Hugo baseline (0 skips it)
#   BENCH_DOSSIER=path/to/dossier   time this executable instead of building one
#                                   (an older build, for before/after figures)
#
# With `dossier build`, each size is also rebuilt after one agent file changed:
# the build over the previous site, which links the unchanged agent pages from
# it (docs/reference/incremental-builds.md); pages/s counts every agent page.
#
# Each measurement is the best wall time of BENCH_RUNS runs and the highest
# peak RSS among them, from /usr/bin/time. Because the machine may be shared
# and noisy, the figure to compare over time is the ratio of dossier's pages/s
# to Hugo's pages/s measured in the same run. Pages are agent pages for dossier
# and content pages for Hugo. Hugo renders on every CPU.
#
# Everything lives under .build/bench/: the generated inputs (portfolio-N/,
# hugo-N/), the last run of each measurement (runs/NAME/: site, stdout, stderr)
# and the table (results.txt). Inputs are reused while their generator scripts
# are unchanged, so a re-run only builds and times; delete a folder to remake it.
set -euo pipefail

here=$(cd -- "$(dirname -- "${BASH_SOURCE[0]}")" && pwd)
root=$(cd -- "$here/../.." && pwd)
cd "$root"

read -r -a sizes <<<"${BENCH_SIZES:-1000 10000}"
runs=${BENCH_RUNS:-3}
hugo_pages=${BENCH_HUGO_PAGES:-10000}
seed=2026
bench=$root/.build/bench

log() { printf '==> %s\n' "$*" >&2; }
die() { printf 'bench: %s\n' "$*" >&2; exit 1; }

[[ $runs =~ ^[1-9][0-9]*$ ]] || die "BENCH_RUNS must be a positive integer, not '$runs'"
[[ $hugo_pages =~ ^[0-9]+$ ]] || die "BENCH_HUGO_PAGES must be an integer, not '$hugo_pages'"
((${#sizes[@]} > 0)) || die "BENCH_SIZES is empty"
for n in "${sizes[@]}"; do
  [[ $n =~ ^[1-9][0-9]*$ ]] || die "BENCH_SIZES must list positive integers, not '$n'"
done

# ---------------------------------------------------------------- tools

sudo_cmd=()
[[ $(id -u) -eq 0 ]] || sudo_cmd=(sudo)
apt_updated=
apt_install() {
  log "installing $* with apt-get"
  if [[ -z $apt_updated ]]; then
    "${sudo_cmd[@]}" apt-get update -qq -o DPkg::Lock::Timeout=600
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive "${sudo_cmd[@]}" apt-get install -y -qq \
    -o DPkg::Lock::Timeout=600 "$@" >/dev/null
}

command -v python3 >/dev/null || die "python3 is needed to generate the inputs"
[[ -x /usr/bin/time ]] || apt_install time
if ((hugo_pages > 0)); then
  command -v hugo >/dev/null || apt_install hugo
fi

# ---------------------------------------------------------------- dossier

if [[ -n ${BENCH_DOSSIER:-} ]]; then
  dossier=$(cd -- "$(dirname -- "$BENCH_DOSSIER")" && pwd)/$(basename -- "$BENCH_DOSSIER")
  log "timing $dossier (BENCH_DOSSIER)"
else
  log "building dossier (release)"
  swift build -c release --product dossier >&2
  dossier=$(swift build -c release --show-bin-path)/dossier
fi
[[ -x $dossier ]] || die "no dossier executable at $dossier"

# `dossier build` renders the site. Until it exists, time `dossier check
# --format json`, which loads, validates and scores the same input. The help
# of an unknown subcommand falls back to the top-level help (exit 0), so the
# usage line is checked as well as the exit status.
if help=$("$dossier" build --help 2>&1) && grep -q 'USAGE: dossier build' <<<"$help"; then
  mode=build
else
  mode=check
  log "dossier has no 'build' command yet: timing 'check --format json' instead"
fi

# ---------------------------------------------------------------- inputs

mkdir -p "$bench"
declare -A made_in=()

# ensure_input DIR STAMP COMMAND...: run COMMAND (which writes DIR and its
# .generator stamp) unless DIR already holds exactly STAMP.
ensure_input() {
  local dir=$1 stamp=$2
  shift 2
  if [[ -f $dir/.generator && $(<"$dir/.generator") == "$stamp" ]]; then
    log "reusing ${dir#"$root"/} (generator unchanged)"
    made_in[$dir]="reused (generator unchanged)"
    return
  fi
  log "generating ${dir#"$root"/}"
  local t0=$EPOCHREALTIME
  "$@" >&2
  made_in[$dir]=$(awk -v a="$t0" -v b="$EPOCHREALTIME" 'BEGIN { printf "generated in %.1f s", b - a }')
}

gen_hash=$(cat "$here/generate.py" "$here/prose.py" | sha256sum | cut -c1-64)
for n in "${sizes[@]}"; do
  ensure_input "$bench/portfolio-$n" "$gen_hash agents=$n seed=$seed" \
    python3 "$here/generate.py" "$bench/portfolio-$n" --agents "$n" --seed "$seed"
done
if ((hugo_pages > 0)); then
  hugo_hash=$(cat "$here/hugo_baseline.py" "$here/prose.py" | sha256sum | cut -c1-64)
  ensure_input "$bench/hugo-$hugo_pages" "$hugo_hash pages=$hugo_pages seed=$seed" \
    python3 "$here/hugo_baseline.py" "$bench/hugo-$hugo_pages" --pages "$hugo_pages" --seed "$seed"
fi

# ---------------------------------------------------------------- timing

# measure NAME COMMAND...: run COMMAND $runs times in a fresh $bench/runs/NAME
# (the command writes its site to NAME/site, its stdout to NAME/stdout) and
# set best_secs (the best wall time) and peak_kb (the highest peak RSS).
# A command that fails stops the benchmark.
measure() {
  local work=$bench/runs/$1
  shift
  local i secs kb
  best_secs='' peak_kb=0
  for ((i = 1; i <= runs; i++)); do
    rm -rf "$work"
    mkdir -p "$work"
    if ! /usr/bin/time -f '%e %M' -o "$work/time" "$@" >"$work/stdout" 2>"$work/stderr"; then
      tail -n 20 "$work/stderr" >&2
      die "failed: $* (see ${work#"$root"/}/stderr)"
    fi
    read -r secs kb <"$work/time"
    log "  run $i/$runs: ${secs} s, $((kb / 1024)) MB"
    if [[ -z $best_secs ]] || awk -v a="$secs" -v b="$best_secs" 'BEGIN { exit !(a < b) }'; then
      best_secs=$secs
    fi
    if ((kb > peak_kb)); then
      peak_kb=$kb
    fi
  done
}

# measure_rebuild N: in a copy of portfolio-N built once (untimed), change one
# agent file and time the build over the previous site, $runs times (each run
# changes the file again); sets best_secs and peak_kb.
measure_rebuild() {
  local n=$1 work=$bench/runs/rebuild-$1
  local i secs kb agent files
  rm -rf "$work"
  mkdir -p "$work"
  cp -r "$bench/portfolio-$n" "$work/repo"
  "$dossier" build "$work/repo" --out "$work/site" >"$work/stdout" 2>"$work/stderr" \
    || die "failed: the first build of rebuild-$n (see ${work#"$root"/}/stderr)"
  files=("$work/repo/agents/"*)
  agent=${files[0]}
  best_secs='' peak_kb=0
  for ((i = 1; i <= runs; i++)); do
    printf '# changed for rebuild %d\n' "$i" >>"$agent"
    if ! /usr/bin/time -f '%e %M' -o "$work/time" "$dossier" build "$work/repo" --out "$work/site" \
      >"$work/stdout" 2>"$work/stderr"; then
      tail -n 20 "$work/stderr" >&2
      die "failed: rebuild of $n agents (see ${work#"$root"/}/stderr)"
    fi
    read -r secs kb <"$work/time"
    log "  run $i/$runs: ${secs} s, $((kb / 1024)) MB"
    if [[ -z $best_secs ]] || awk -v a="$secs" -v b="$best_secs" 'BEGIN { exit !(a < b) }'; then
      best_secs=$secs
    fi
    if ((kb > peak_kb)); then
      peak_kb=$kb
    fi
  done
}

declare -A secs_of=() kb_of=() rebuild_secs_of=() rebuild_kb_of=()
for n in "${sizes[@]}"; do
  repo=$bench/portfolio-$n
  log "timing dossier $mode on $n agents (best of $runs)"
  if [[ $mode == build ]]; then
    measure "dossier-$n" "$dossier" build "$repo" --out "$bench/runs/dossier-$n/site"
  else
    measure "dossier-$n" "$dossier" check "$repo" --format json --fail-on none
  fi
  secs_of[$n]=$best_secs kb_of[$n]=$peak_kb
  if [[ $mode == build ]]; then
    log "timing dossier build on $n agents after one agent changed (best of $runs)"
    measure_rebuild "$n"
    rebuild_secs_of[$n]=$best_secs rebuild_kb_of[$n]=$peak_kb
  fi
done

if ((hugo_pages > 0)); then
  log "timing hugo on $hugo_pages pages (best of $runs)"
  measure "hugo-$hugo_pages" \
    hugo --quiet -s "$bench/hugo-$hugo_pages" -d "$bench/runs/hugo-$hugo_pages/site"
  hugo_secs=$best_secs hugo_kb=$peak_kb
fi

# ---------------------------------------------------------------- report

if [[ $mode == build ]]; then what="dossier build"; else what="dossier check --format json (no build command yet)"; fi
hugo_version=none
if ((hugo_pages > 0)); then hugo_version=$(hugo version | awk '{ print $2 }'); fi

row() { # tool input pages seconds kB ratio
  awk -v tool="$1" -v input="$2" -v pages="$3" -v s="$4" -v kb="$5" -v ratio="$6" 'BEGIN {
    printf "%-8s %-14s %9.2f %10.0f %12.1f %14s\n", tool, input, s, (s > 0 ? pages / s : 0), kb / 1024, ratio
  }'
}
ratio() { # pages seconds: dossier pages/s ÷ hugo pages/s
  if ((hugo_pages > 0)); then
    awk -v p="$1" -v s="$2" -v hp="$hugo_pages" -v hs="$hugo_secs" 'BEGIN {
      if (s > 0 && hs > 0) printf "%.2f", (p / s) / (hp / hs); else print "n/a"
    }'
  else
    echo n/a
  fi
}

{
  echo
  echo "Portfolio benchmark: dossier $("$dossier" --version) · hugo $hugo_version · $(nproc) CPUs · best of $runs"
  echo "timed: $what"
  echo
  printf '%-8s %-14s %9s %10s %12s %14s\n' tool size seconds pages/s 'peak RSS MB' 'ratio vs hugo'
  for n in "${sizes[@]}"; do
    row dossier "$n agents" "$n" "${secs_of[$n]}" "${kb_of[$n]}" "$(ratio "$n" "${secs_of[$n]}")"
    if [[ -n ${rebuild_secs_of[$n]:-} ]]; then
      row rebuild "$n, 1 changed" "$n" "${rebuild_secs_of[$n]}" "${rebuild_kb_of[$n]}" \
        "$(ratio "$n" "${rebuild_secs_of[$n]}")"
    fi
  done
  if ((hugo_pages > 0)); then
    row hugo "$hugo_pages pages" "$hugo_pages" "$hugo_secs" "$hugo_kb" 1.00
  fi
  echo
  echo "ratio = dossier pages/s ÷ hugo pages/s, measured in this run (pages: agent pages for"
  echo "dossier, content pages for hugo); compare ratios, not seconds, across runs and machines."
  if [[ $mode == build ]]; then
    echo "rebuild = dossier build over its previous site after one agent file changed."
  fi
  echo
  echo "inputs under ${bench#"$root"/}/:"
  for n in "${sizes[@]}"; do
    printf '  %-16s %s\n' "portfolio-$n" "${made_in[$bench/portfolio-$n]}"
  done
  if ((hugo_pages > 0)); then
    printf '  %-16s %s\n' "hugo-$hugo_pages" "${made_in[$bench/hugo-$hugo_pages]}"
  fi
} | tee "$bench/results.txt"
