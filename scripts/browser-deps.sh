#!/usr/bin/env bash
# Installs what the browser check (Tests/browser/check_site.py) and
# scripts/screenshots.sh need, when it is missing: Debian's chromium and
# chromium-driver (plus fonts-liberation for readable text and poppler-utils
# for pdftoppm), Selenium and axe-selenium-python (which bundles axe-core, the
# accessibility checker) for the python3 on PATH. Quiet, and does nothing when
# everything is there.
#
#   bash scripts/browser-deps.sh        (PYTHON=… picks another interpreter)
set -euo pipefail

# Selenium 4.45 drives Chromium through the W3C protocol and CDP and takes the
# driver path as given (no download); newer releases need a newer certifi
# than the package index serves.
SELENIUM_VERSION=4.45.0
AXE_SELENIUM_VERSION=2.1.6
PY=${PYTHON:-python3}
SUDO=""
[ "$(id -u)" = 0 ] || SUDO=sudo
log=$(mktemp)
trap 'rm -f "$log"' EXIT

# ---- Debian packages ---------------------------------------------------------
packages=()
command -v chromium >/dev/null 2>&1 || packages+=(chromium)
command -v chromedriver >/dev/null 2>&1 || [ -x /usr/bin/chromedriver ] || packages+=(chromium-driver)
command -v pdftoppm >/dev/null 2>&1 || packages+=(poppler-utils)
[ -e /usr/share/fonts/truetype/liberation ] || packages+=(fonts-liberation)

if [ "${#packages[@]}" -gt 0 ]; then
  echo "browser-deps: installing ${packages[*]}"
  apt_install() {
    $SUDO env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${packages[@]}" >>"$log" 2>&1
  }
  lists_empty() { ! ls /var/lib/apt/lists/*_Packages* >/dev/null 2>&1; }
  if lists_empty || ! apt_install; then
    $SUDO apt-get update -qq >>"$log" 2>&1 && apt_install || {
      tail -n 20 "$log" >&2
      echo "browser-deps: apt-get install ${packages[*]} failed" >&2
      exit 1
    }
  fi
fi

browser=$(chromium --version 2>/dev/null | grep -oE '[0-9]+\.[0-9.]+' | head -n1 || true)
driver=$(chromedriver --version 2>/dev/null | grep -oE '[0-9]+\.[0-9.]+' | head -n1 || true)
if [ -z "$browser" ] || [ -z "$driver" ]; then
  echo "browser-deps: chromium or chromedriver does not run" >&2
  exit 1
fi
if [ "${browser%%.*}" != "${driver%%.*}" ]; then
  echo "browser-deps: chromium $browser and chromedriver $driver differ; update both" >&2
  exit 1
fi

# ---- Selenium and axe-core -----------------------------------------------------
# pip_install SPEC: quiet, into the interpreter's site-packages; Debian's own
# python3 refuses pip installs (PEP 668) unless told otherwise.
pip_install() {
  local spec=$1
  run_pip() {
    "$PY" -m pip install -q --disable-pip-version-check --root-user-action=ignore "$@" "$spec" >>"$log" 2>&1
  }
  echo "browser-deps: installing $spec for $("$PY" -c 'import sys; print(sys.executable)')"
  if ! run_pip && ! { grep -q externally-managed "$log" && run_pip --break-system-packages; }; then
    tail -n 20 "$log" >&2
    echo "browser-deps: pip install $spec failed" >&2
    exit 1
  fi
}
have=$("$PY" -c 'import selenium; print(selenium.__version__)' 2>/dev/null || true)
[ "$have" = "$SELENIUM_VERSION" ] || pip_install "selenium==$SELENIUM_VERSION"
# axe-selenium-python carries axe-core's axe.min.js, which check_site.py runs
# on every page; the Selenium pinned above satisfies its requirement.
"$PY" -c 'import axe_selenium_python' 2>/dev/null || pip_install "axe-selenium-python==$AXE_SELENIUM_VERSION"

