#!/usr/bin/env bash
# Installs promtool, which Tests/monitoring/check.sh needs, when it is missing:
# Debian ships it in the `prometheus` package (without its recommended
# node exporter). Quiet, and does nothing when promtool is on PATH.
#
#   bash scripts/promtool-deps.sh
#
# On a host run by systemd the package also enables and starts a Prometheus
# server (port 9090); `systemctl disable --now prometheus` stops it. Containers
# with Docker's policy-rc.d start nothing.
set -euo pipefail

command -v promtool >/dev/null 2>&1 && exit 0

SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
log=$(mktemp)
trap 'rm -f "$log"' EXIT

echo "promtool-deps: installing prometheus (for promtool)"
apt_install() {
  $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends prometheus >>"$log" 2>&1
}
lists_empty() { ! ls /var/lib/apt/lists/*_Packages* >/dev/null 2>&1; }
if lists_empty || ! apt_install; then
  $SUDO apt-get update -qq >>"$log" 2>&1 && apt_install || {
    tail -n 20 "$log" >&2
    echo "promtool-deps: apt-get install prometheus failed" >&2
    exit 1
  }
fi
command -v promtool >/dev/null 2>&1 || { echo "promtool-deps: promtool is still not on PATH" >&2; exit 1; }
