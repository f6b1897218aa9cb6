#!/usr/bin/env bash
# Screenshots of a built Dossier site, to look at what a reader sees.
#
#   bash scripts/screenshots.sh SITE_DIR [OUT_DIR]      (OUT_DIR: .build/screens)
#
# Full-page PNGs of index.html, the first agent page (agents/*.html in name
# order), gaps.html, checklist.html and Article 10's page (article-art-10;
# it has failing agents in examples/acme) with a 1280 px and a 375 px wide
# viewport (NAME-1280.png, NAME-375.png), the print of the agent page as a PDF
# (agent-ID.pdf, A4, as the browser prints it), and the PDF's first page as
# agent-ID-print.png when pdftoppm is there. Headless Chromium through
# Selenium, set up by scripts/browser-deps.sh.
set -euo pipefail

if [ $# -lt 1 ] || [ $# -gt 2 ] || [ ! -d "$1" ]; then
  echo "usage: bash scripts/screenshots.sh SITE_DIR [OUT_DIR]" >&2
  exit 2
fi
site=$(cd "$1" && pwd)
out=${2:-.build/screens}
mkdir -p "$out"
out=$(cd "$out" && pwd)
here=$(cd "$(dirname "$0")" && pwd)

python3 - "$site" "$out" "$here/../Tests/browser" <<'PY'
import base64, sys
from pathlib import Path

site, out = Path(sys.argv[1]), Path(sys.argv[2])
sys.path.insert(0, sys.argv[3])
from check_site import make_driver, set_viewport  # same browser setup as the check

MAX_HEIGHT = 20000  # px: a longer page is cut there
agents = sorted((site / "agents").glob("*.html"))
pages = [("index", site / "index.html")]
if agents:
    pages.append((f"agent-{agents[0].stem}", agents[0]))
pages += [("gaps", site / "gaps.html"), ("checklist", site / "checklist.html"),
          ("article-art-10", site / "articles" / "art-10.html")]
missing = [p for _, p in pages if not p.is_file()]
for path in missing:
    print(f"screenshots: no {path.relative_to(site)}, skipped", file=sys.stderr)
if not agents:
    print("screenshots: no agents/*.html, skipped", file=sys.stderr)
pages = [(name, path) for name, path in pages if path.is_file()]
if not pages:
    sys.exit("screenshots: none of the pages is there")

driver = make_driver()
written = []
try:
    for width in (1280, 375):
        set_viewport(driver, width)
        for name, path in pages:
            driver.get(path.as_uri())
            height = driver.execute_script(
                "return Math.max(document.documentElement.scrollHeight, document.body ? document.body.scrollHeight : 0)")
            shot = driver.execute_cdp_cmd("Page.captureScreenshot", {
                "format": "png", "captureBeyondViewport": True,
                "clip": {"x": 0, "y": 0, "width": width,
                         "height": min(max(height, 1), MAX_HEIGHT), "scale": 1}})
            target = out / f"{name}-{width}.png"
            target.write_bytes(base64.b64decode(shot["data"]))
            written.append(target)
    if agents:
        name = f"agent-{agents[0].stem}"
        driver.get(agents[0].as_uri())
        pdf = driver.execute_cdp_cmd("Page.printToPDF", {
            "paperWidth": 8.27, "paperHeight": 11.69,  # A4 unless the page's @page says otherwise
            "preferCSSPageSize": True, "printBackground": False,
            "displayHeaderFooter": False})
        target = out / f"{name}.pdf"
        target.write_bytes(base64.b64decode(pdf["data"]))
        written.append(target)
finally:
    driver.quit()
for path in written:
    print(path)
PY

shopt -s nullglob
for pdf in "$out"/agent-*.pdf; do
  if command -v pdftoppm >/dev/null 2>&1; then
    pdftoppm -png -r 96 -f 1 -l 1 -singlefile "$pdf" "${pdf%.pdf}-print"
    echo "${pdf%.pdf}-print.png"
  else
    echo "screenshots: no pdftoppm (Debian's poppler-utils), $pdf not turned into PNG" >&2
  fi
done
