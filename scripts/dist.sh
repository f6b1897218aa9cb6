#!/usr/bin/env bash
# Builds the release tarball of this machine's architecture:
#
#   dist/dossier-<version>-linux-<arch>.tar.gz   (arch: uname -m, x86_64 or aarch64)
#   dist/SHA256SUMS                               (every dossier-*.tar.gz in dist/)
#
#   bash scripts/dist.sh          (make dist)
#
# The tarball holds one folder, dossier-<version>-linux-<arch>/, with
#   bin/dossier                                  release build, Swift runtime linked in
#   share/man/man1/dossier.1                     the man page of make install
#   share/bash-completion/completions/dossier    completions from swift-argument-parser
#   share/zsh/site-functions/_dossier
#   share/fish/vendor_completions.d/dossier.fish
#   LICENSE (when the repository has one), README.md
#
# The archive itself is reproducible: names sorted, owner 0, modes 755/644, every
# mtime set to SOURCE_DATE_EPOCH (else the time of the last commit), gzip -n; the
# man page is dated by the same time.
set -euo pipefail
cd "$(dirname "$0")/.."

SWIFT=${SWIFT:-swift}
OUT=dist
STAGE=.build/dist

$SWIFT build -c release --product dossier --static-swift-stdlib
bin=.build/release/dossier

if [ -n "${SOURCE_DATE_EPOCH:-}" ]; then
  epoch=$SOURCE_DATE_EPOCH
else
  epoch=$(git log -1 --format=%ct 2>/dev/null || echo 0)
fi
# The man page comes from the --help texts, as in make install, dated by the epoch
# rather than today. A debug build: the plugin's default, release, would relink
# .build/release/dossier without the static runtime (and make test has built debug).
$SWIFT package generate-manual --configuration debug --date "$(date -u -d "@$epoch" +%Y-%m-%d)" >/dev/null
manual=.build/plugins/GenerateManual/outputs/dossier/dossier.1

version=$("$bin" --version)
if ! [[ $version =~ ^[0-9A-Za-z][0-9A-Za-z.+-]*$ ]]; then
  echo "dist: unexpected output of dossier --version: $version" >&2
  exit 1
fi
arch=$(uname -m)
name=dossier-$version-linux-$arch

# The Swift runtime and Foundation are linked in; only system libraries stay dynamic.
if ldd "$bin" | grep -Eq 'libswift|libFoundation|lib_Foundation|libdispatch|libBlocksRuntime'; then
  ldd "$bin" >&2
  echo "dist: $bin needs a Swift runtime library; build it with --static-swift-stdlib" >&2
  exit 1
fi

root=$STAGE/$name
rm -rf "$STAGE"
mkdir -p "$root/bin" "$root/share/man/man1" "$root/share/bash-completion/completions" \
  "$root/share/zsh/site-functions" "$root/share/fish/vendor_completions.d"
install -m 755 "$bin" "$root/bin/dossier"
install -m 644 "$manual" "$root/share/man/man1/dossier.1"
"$bin" --generate-completion-script bash >"$root/share/bash-completion/completions/dossier"
"$bin" --generate-completion-script zsh >"$root/share/zsh/site-functions/_dossier"
"$bin" --generate-completion-script fish >"$root/share/fish/vendor_completions.d/dossier.fish"
if [ -f LICENSE ]; then
  install -m 644 LICENSE "$root/LICENSE"
else
  echo "dist: warning: the repository has no LICENSE file; the tarball has none" >&2
fi

cat >"$root/README.md" <<EOF
# dossier $version (Linux $arch)

dossier turns an organization's AI-agent governance records (a git repository
of \`dossier.yaml\`, \`agents/*.yaml\`, \`audit/\` and \`docs/\`) into audit-ready
reports and a static HTML site, and gates CI on their gaps with
\`dossier check\`. \`man dossier\` and \`dossier help\` describe every command.

## Runtime

The Swift runtime is linked into \`bin/dossier\`. It needs glibc (Debian 12,
Ubuntu 22.04 or newer), libcmark 0.30.2 and zlib, dynamic system libraries:

    sudo apt-get install -y libcmark0.30.2 zlib1g      # Debian 12, Ubuntu

## Install

Check the tarball against SHA256SUMS, unpack it, and copy what you need:

    sha256sum -c --ignore-missing SHA256SUMS
    tar -xzf $name.tar.gz
    cd $name
    sudo install -m 755 bin/dossier /usr/local/bin/dossier
    sudo install -D -m 644 share/man/man1/dossier.1 /usr/local/share/man/man1/dossier.1

Or, for one user: \`install -D -m 755 bin/dossier ~/.local/bin/dossier\` with
\`~/.local/bin\` on PATH.

Shell completions, each where its shell looks (or \`sudo cp -R bin share /usr/local/\`
for the program, the man page and all three at once):

    # bash (the bash-completion package)
    sudo install -D -m 644 share/bash-completion/completions/dossier /usr/local/share/bash-completion/completions/dossier
    # zsh: a folder of \$fpath, before compinit runs
    sudo install -D -m 644 share/zsh/site-functions/_dossier /usr/local/share/zsh/site-functions/_dossier
    # fish
    sudo install -D -m 644 share/fish/vendor_completions.d/dossier.fish /usr/local/share/fish/vendor_completions.d/dossier.fish

Then:

    dossier --version
    dossier init governance && dossier check governance
EOF

find "$root" -type d -exec chmod 755 {} +
find "$root" -type f ! -path "$root/bin/dossier" -exec chmod 644 {} +

mkdir -p "$OUT"
rm -f "$OUT/dossier-"*"-linux-$arch.tar.gz"
tar --sort=name --format=gnu --owner=0 --group=0 --numeric-owner \
  --mtime="@$epoch" -C "$STAGE" -cf - "$name" | gzip -n -9 >"$OUT/$name.tar.gz"
(cd "$OUT" && LC_ALL=C sha256sum dossier-*.tar.gz >SHA256SUMS)

echo "dist: $OUT/$name.tar.gz ($(du -h "$OUT/$name.tar.gz" | cut -f1)), $OUT/SHA256SUMS"
