#!/usr/bin/env bash
# Regression check of Tests/browser/check_site.py: builds a good and a bad
# mini-site in a temporary folder, then asserts that the checker passes the
# first and reports every expected problem (as `page: problem`) for the second.
#
#   bash Tests/browser/selftest.sh        (KEEP=1 keeps the temporary folder)
#
# Needs what scripts/browser-deps.sh installs.
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
tmp=$(mktemp -d)
if [ "${KEEP:-}" = 1 ]; then echo "sites kept in $tmp"; else trap 'rm -rf "$tmp"' EXIT; fi

CSP="default-src 'none'; style-src 'self'; img-src 'self'; script-src 'none'"

# page FILE TITLE PREFIX BODY [HEAD]: a page with the good head unless HEAD is given.
page() {
  local file=$1 title=$2 prefix=$3 body=$4
  local head=${5-"<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">
<meta http-equiv=\"Content-Security-Policy\" content=\"$CSP\">"}
  mkdir -p "$(dirname "$file")"
  cat >"$file" <<EOF
<!doctype html>
<html lang="en"><head><meta charset="utf-8">
$head
<title>$title</title>
<link rel="stylesheet" href="${prefix}style.css">
</head><body>
<nav><a href="${prefix}index.html">Home</a> <a href="${prefix}gaps.html#top">Gaps</a></nav>
<main>
$body
</main>
</body></html>
EOF
}

css() {
  cat >"$1/style.css" <<'EOF'
*{box-sizing:border-box}
body{font:16px/1.5 sans-serif;margin:0;padding:1rem;max-width:60rem}
.wrap{overflow-x:auto}
td{white-space:nowrap;border:1px solid #888}
img{max-width:100%}
#wide{width:900px}
#huge{width:2000px}
.vh{position:absolute;width:1px;height:1px;overflow:hidden}
.rel{position:relative}
EOF
  printf '<svg xmlns="http://www.w3.org/2000/svg" width="20" height="20"><rect width="20" height="20"/></svg>\n' >"$1/logo.svg"
}

wide_table='<div class="wrap"><table><tr><td>a-very-long-cell-that-does-not-wrap-at-all-on-a-phone-screen</td><td>another-very-long-cell-for-good-measure</td></tr></table></div>'

# ---- the good site: everything allowed --------------------------------------
good=$tmp/good
mkdir -p "$good"; css "$good"
page "$good/index.html" Home "" "<h1 id=\"top\">Home</h1><img src=\"logo.svg\" alt=\"\">
<a href=\"agents/bot.html#risks\">bot</a> <a href=\"docs/a/b.html\">doc</a> <a href=\"report.json\">json</a>
<a href=\"#top\">top</a> <a href=\"mailto:owner@example.com\">mail</a> <a href=\"https://example.com/x\">web</a>
<p>Prose may mention javascript: URLs without being one.</p>"
page "$good/gaps.html" Gaps "" "<h1 id=\"top\">Gaps</h1>$wide_table
<div class=\"wrap rel\"><table><tr><td>a-very-long-cell-that-does-not-wrap-at-all-on-a-phone-screen</td><td><span class=\"vh\">hidden</span></td></tr></table></div>"
page "$good/agents/bot.html" Bot "../" "<h1 id=\"risks\">Bot</h1>$wide_table<img src=\"../logo.svg\" alt=\"\">"
page "$good/docs/a/b.html" Doc "../../" "<p><a href=\"../../agents/bot.html\">bot</a> <a href=\"?q\">self</a></p>"
echo '{}' >"$good/report.json"

# ---- the bad site: one instance of every problem ----------------------------
bad=$tmp/bad
mkdir -p "$bad"; css "$bad"
printf '.x{background:url(missing.png)}\n' >>"$bad/style.css"
page "$bad/index.html" Home "" '<h1 id="top">Home</h1>'
page "$bad/gaps.html" Gaps "" '<h1 id="top">Gaps</h1>'
page "$bad/broken-link.html" X "" '<a href="missing.html">missing</a> <a href="gone.html#part">gone</a> <a href="../outside.html">out</a>'
page "$bad/broken-image.html" X "" '<img src="missing.png" alt="">'
echo 'not a picture' >"$bad/corrupt.png"
page "$bad/corrupt-image.html" X "" '<img src="corrupt.png" alt="">'
page "$bad/javascript.html" X "" '<a href="JavaScript:alert(1)">js</a> <a href="vbscript:x">vb</a> <a href="data:text/html,hi">data</a>'
page "$bad/overflow.html" X "" '<div id="wide">wide</div>'
page "$bad/overflow-both.html" X "" '<pre id="huge">huge</pre>'
page "$bad/overflow-escape.html" X "" '<div class="wrap"><table><tr><td>a-very-long-cell-that-does-not-wrap-at-all-on-a-phone-screen</td><td><span class="vh">hidden</span></td></tr></table></div>'
page "$bad/inline-script.html" X "" '<script>document.title = "x"</script>'
page "$bad/external-image.html" X "" '<img src="https://img.example.invalid/x.png" alt="">'
page "$bad/weak-csp.html" X "" '<p>weak</p>' \
  "<meta name=\"viewport\" content=\"width=device-width\">
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'self'; script-src 'self' 'unsafe-inline' https://cdn.example.invalid\">"
page "$bad/star-csp.html" X "" '<p>star</p>' \
  "<meta name=\"viewport\" content=\"width=device-width\">
<meta http-equiv=\"Content-Security-Policy\" content=\"default-src * data:\">"
page "$bad/no-csp.html" X "" '<link rel="stylesheet" href="https://cdn.example.invalid/s.css"><script src="https://cdn.example.invalid/x.js"></script>' \
  '<meta name="viewport" content="width=device-width">'
page "$bad/no-alt.html" X "" '<img src="logo.svg">'
page "$bad/loose-dt.html" X "" '<div><dt>Agents</dt><dd>3</dd></div>'
page "$bad/no-viewport.html" X "" '<p>desktop only</p>' \
  "<meta http-equiv=\"Content-Security-Policy\" content=\"$CSP\">"

# ---- run --------------------------------------------------------------------
fail=0
out=$tmp/good.out
if python3 "$here/check_site.py" "$good" >"$out" 2>&1; then
  grep -qx '4 pages checked, 0 problems' "$out" || { echo "FAIL good site: unexpected summary"; cat "$out"; fail=1; }
else
  echo "FAIL good site: checker reported problems"; cat "$out"; fail=1
fi

out=$tmp/bad.out
set +e
python3 "$here/check_site.py" "$bad" >"$out" 2>&1
rc=$?
set -e
[ "$rc" = 1 ] || { echo "FAIL bad site: exit code $rc, expected 1"; fail=1; }

# page<TAB>extended regular expression the problem text must match
expected=$(cat <<'EOF'
broken-link.html	broken link: a\[href\]="missing.html" \(no such file\)
broken-link.html	broken link: a\[href\]="gone.html#part" \(no such file\)
broken-link.html	broken link: a\[href\]="../outside.html" \(points outside the site\)
broken-image.html	broken image: img\[src\]="missing.png"
broken-image.html	console: .*missing.png.*ERR_FILE_NOT_FOUND
corrupt-image.html	image does not display: corrupt.png
style.css	CSS refers to a missing file: missing.png
javascript.html	javascript: URL in <a href>
javascript.html	vbscript: URL in <a href>
javascript.html	data:text/html URL in <a href>
overflow.html	horizontal overflow at 375 px: .*div#wide
overflow-both.html	horizontal overflow at 375 px: .*pre#huge
overflow-both.html	horizontal overflow at 1280 px: .*pre#huge
overflow-escape.html	horizontal overflow at 375 px: .*span.vh .*position: absolute
inline-script.html	console: .*Content Security Policy
external-image.html	loads an external resource: img\[src\]="https://img.example.invalid/x.png"
external-image.html	console: .*img.example.invalid.*Content Security Policy
weak-csp.html	weak CSP: script-src allows 'unsafe-inline' https://cdn.example.invalid
star-csp.html	weak CSP: default-src allows \* data:
no-csp.html	no Content-Security-Policy meta
no-csp.html	<script src="https://cdn.example.invalid/x.js">
no-csp.html	loads an external resource: link\[href\]="https://cdn.example.invalid/s.css"
no-csp.html	request to a non-file URL: https://cdn.example.invalid/x.js
no-csp.html	request to a non-file URL: https://cdn.example.invalid/s.css
no-viewport.html	no <meta name="viewport"
no-alt.html	axe image-alt \(critical\): 1 node: img
loose-dt.html	axe dlitem \(serious\): 2 nodes: dt, dd
EOF
)
while IFS=$'\t' read -r pg re; do
  grep -Eq "^$(printf '%s' "$pg" | sed 's/[.]/[.]/g'): $re" "$out" || { echo "FAIL bad site: missing '$pg: $re'"; fail=1; }
done <<<"$expected"
# Pages with nothing wrong stay silent, and no check reports the wrong page.
for clean in index.html gaps.html; do
  ! grep -q "^$clean:" "$out" || { echo "FAIL bad site: unexpected problem on $clean"; grep "^$clean:" "$out"; fail=1; }
done
overflow_375_only=$(grep -c '^overflow.html: horizontal overflow at 1280' "$out" || true)
[ "$overflow_375_only" = 0 ] || { echo "FAIL bad site: overflow.html reported at 1280 px"; fail=1; }

if [ "$fail" = 0 ]; then
  echo "browser selftest: good site clean, $(echo "$expected" | wc -l) expected problems found in the bad site"
  echo "1 passed, 0 failed"
else
  echo "--- checker output for the bad site:"; cat "$out"
  echo "0 passed, 1 failed"
  exit 1
fi
