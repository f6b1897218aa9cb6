#!/usr/bin/env python3
"""Browser check of a built Dossier site.

    python3 Tests/browser/check_site.py SITE_DIR

Opens every *.html page under SITE_DIR from file:// in one headless Chromium
session (Selenium + Debian's chromium and chromium-driver; see
scripts/browser-deps.sh) and reports, one line each, `page: problem` for:

  - a browser console message of level SEVERE (CSP violations, failed loads);
  - a broken internal link or image: a relative a[href], img[src|srcset],
    link[href] (and other src attributes) whose file part does not name an
    existing file inside SITE_DIR; the same for url() and @import in the
    site's own stylesheets;
  - a javascript:, vbscript: or data:text/html URL in an attribute, a comment,
    a <style> or <script> element or a stylesheet (ordinary text that merely
    mentions the word is prose, not a URL);
  - horizontal overflow (scrollWidth > clientWidth) with a 375 px and with a
    1280 px wide viewport, naming the elements that stick out;
  - a missing viewport meta (a phone would lay the page out 980 px wide);
  - a missing or weak Content-Security-Policy meta: its script-src (or
    default-src when there is no script-src) may hold only 'none', 'self',
    nonces and hashes (and 'report-sample', which allows nothing);
  - a <script src>, an element that loads an external resource, and any
    request the page makes to a URL that is not file: (Chrome's performance
    log and the Resource Timing entries);
  - an accessibility violation of impact serious or critical found by
    axe-core (the copy bundled with the axe-selenium-python package), as
    `axe RULE (impact): N nodes: selectors`; moderate and minor ones are
    counted on stderr, not failed.

External links (http:, https:, mailto:) are allowed and never followed; the
browser is started with no host name resolving and a closed local port as
its proxy, so a check never reaches the network.

Prints `N pages checked, M problems` last and exits 0 only when M is 0
(1 when there are problems, 2 when the check could not run).

Environment: CHROME_BIN and CHROMEDRIVER override the browser and driver
paths; AXE_JS another axe.min.js.
"""

import html.parser
import json
import os
import re
import shutil
import sys
import time
import urllib.parse
from pathlib import Path

WIDTHS = (375, 1280)
HEIGHT = 800
# axe-core impacts that fail the check; the others are only counted.
AXE_FAILING = {"serious", "critical"}

# Schemes a link may use without pointing into the site. They are never loaded.
EXTERNAL_LINK_SCHEMES = {"http", "https", "mailto", "tel"}
# Requests to these are not requests to the outside.
LOCAL_REQUEST_SCHEMES = {"file", "data", "blob", "about"}
# link rel values that only name another document (not loaded by the browser).
NAVIGATION_RELS = {"alternate", "author", "bookmark", "canonical", "external",
                   "help", "license", "next", "prev", "search", "tag", "me",
                   "nofollow", "noopener", "noreferrer"}
# Attributes that hold a URL, by element.
URL_ATTRIBUTES = {
    "a": ("href",), "area": ("href",), "link": ("href",),
    "img": ("src",), "source": ("src",), "iframe": ("src",), "frame": ("src",),
    "embed": ("src",), "video": ("src", "poster"), "audio": ("src",),
    "track": ("src",), "input": ("src",), "script": ("src",),
    "object": ("data",), "form": ("action",), "base": ("href",),
}
# Elements whose URL attribute the browser loads (rather than navigates to).
LOADED_ELEMENTS = {"img", "source", "iframe", "frame", "embed", "video",
                   "audio", "track", "input", "script", "object"}
HEAD_ELEMENTS = {"html", "head", "meta", "title", "link", "style", "script",
                 "base", "noscript", "template"}
DANGEROUS = ("javascript:", "vbscript:", "data:text/html")
# Browsers ignore ASCII whitespace and control characters inside a scheme.
_IGNORED_CHARS = re.compile(r"[\x00-\x20\x7f]+")
_CSS_URL = re.compile(r"""url\(\s*(?:"([^"]*)"|'([^']*)'|([^)'"\s]*))\s*\)"""
                      r"""|@import\s+(?:"([^"]*)"|'([^']*)')""", re.I)
_CSS_COMMENT = re.compile(r"/\*.*?\*/", re.S)
_CSP_SOURCE_OK = re.compile(r"^'(none|self|report-sample|nonce-[A-Za-z0-9+/_=-]+|"
                            r"sha(256|384|512)-[A-Za-z0-9+/_=-]+)'$", re.I)


def dangerous_in(text):
    """The dangerous URL scheme found in `text`, or None."""
    flat = _IGNORED_CHARS.sub("", text).lower()
    for scheme in DANGEROUS:
        if scheme in flat:
            return scheme
    return None


def scheme_of(url):
    """The URL's scheme, lowercased ('' when relative), as a browser reads it."""
    stripped = _IGNORED_CHARS.sub("", url)
    match = re.match(r"^([A-Za-z][A-Za-z0-9+.-]*):", stripped)
    return match.group(1).lower() if match else ""


def csp_problem(policy):
    """Why a CSP policy string does not restrict scripts, or None when it does."""
    directives = {}
    for part in policy.split(";"):
        tokens = part.split()
        if tokens and tokens[0].lower() not in directives:
            directives[tokens[0].lower()] = tokens[1:]
    name = "script-src" if "script-src" in directives else "default-src"
    if name not in directives:
        return "CSP has neither script-src nor default-src"
    bad = [t for t in directives[name] if not _CSP_SOURCE_OK.match(t)]
    if bad:
        return f"weak CSP: {name} allows {' '.join(bad)}"
    return None


def setup_error(message):
    """Stops the check when it cannot run at all (exit status 2)."""
    print(f"check_site: {message}", file=sys.stderr)
    sys.exit(2)


def axe_source():
    """The text of axe.min.js: $AXE_JS, else the copy axe-selenium-python bundles."""
    path = os.environ.get("AXE_JS")
    if not path:
        try:
            import axe_selenium_python
        except ImportError:
            setup_error("axe-selenium-python is not installed (run scripts/browser-deps.sh)")
        path = os.path.join(os.path.dirname(axe_selenium_python.__file__),
                            "node_modules", "axe-core", "axe.min.js")
    try:
        return Path(path).read_text(encoding="utf-8")
    except OSError as error:
        setup_error(f"cannot read axe-core from {path}: {error.strerror}")


# ---- the browser (shared with scripts/screenshots.sh) -------------------------

def make_driver(logs=False):
    """A headless Chromium session through Debian's chromedriver, kept off
    the network; with `logs`, console and performance logs are recorded."""
    try:
        from selenium import webdriver
        from selenium.webdriver.chrome.service import Service
    except ImportError:
        setup_error("selenium is not installed (run scripts/browser-deps.sh)")
    chrome = os.environ.get("CHROME_BIN") or next(
        (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None)
    driver_path = os.environ.get("CHROMEDRIVER") or shutil.which("chromedriver") or (
        "/usr/bin/chromedriver" if os.path.exists("/usr/bin/chromedriver") else None)
    if not chrome or not driver_path:
        setup_error("chromium or chromedriver not found (run scripts/browser-deps.sh)")
    os.environ.setdefault("SE_OFFLINE", "true")  # Selenium Manager must not download anything
    options = webdriver.ChromeOptions()
    options.binary_location = chrome
    for arg in ("--headless=new", "--no-sandbox", "--disable-dev-shm-usage",
                "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                "--disable-extensions", "--disable-background-networking",
                "--disable-component-update", "--disable-sync",
                # Keep off the network: no host name resolves, and whatever is
                # not a host name (an IP address) goes to a closed local port.
                "--host-resolver-rules=MAP * ~NOTFOUND",
                "--proxy-server=http://127.0.0.1:9",
                f"--window-size={WIDTHS[0]},{HEIGHT}"):
        options.add_argument(arg)
    if logs:
        options.set_capability("goog:loggingPrefs", {"browser": "ALL", "performance": "ALL"})
        options.add_experimental_option("perfLoggingPrefs", {"enableNetwork": True, "enablePage": False})
    try:
        driver = webdriver.Chrome(options=options, service=Service(executable_path=driver_path))
    except Exception as error:  # the browser did not start: nothing was checked
        setup_error(f"cannot start {chrome} through {driver_path}: {str(error).strip().splitlines()[0]}")
    driver.set_page_load_timeout(30)
    return driver


def set_viewport(driver, width, height=HEIGHT):
    """Makes the viewport `width` CSS px wide: by sizing the window (headless
    Chromium keeps the window at least 500 px wide at start, but resizes it
    below that on request), else by emulating the screen size."""
    driver.set_window_size(width, height)
    inner = driver.execute_script("return window.innerWidth")
    if inner != width:
        driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
            "width": width, "height": height, "deviceScaleFactor": 1, "mobile": False})
        inner = driver.execute_script("return window.innerWidth")
    if inner != width:
        setup_error(f"cannot make the viewport {width} px wide (got {inner})")


class PageScan(html.parser.HTMLParser):
    """Collects a page's URLs, CSP metas, viewport meta and dangerous URLs."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.urls = []          # (tag, attr, value, rel)
        self.csp = []           # (content, in_head)
        self.viewport = None
        self.base = None
        self.dangerous = []     # (where, scheme)
        self.scripts_with_src = []
        self.inline_css = []
        self.in_head = True
        self._raw = None        # "style" or "script" while inside one

    def handle_starttag(self, tag, attrs):
        if tag not in HEAD_ELEMENTS:
            self.in_head = False
        values = {}
        for name, value in attrs:
            value = value or ""
            values.setdefault(name, value)
            found = dangerous_in(value)
            if found:
                self.dangerous.append((f"<{tag} {name}>", found))
        if tag == "meta":
            equiv = values.get("http-equiv", "").strip().lower()
            if equiv == "content-security-policy":
                self.csp.append((values.get("content", ""), self.in_head))
            if values.get("name", "").strip().lower() == "viewport":
                self.viewport = values.get("content", "")
        if tag == "base" and "href" in values and self.base is None:
            self.base = values["href"]
        if tag == "script" and "src" in values:
            self.scripts_with_src.append(values["src"])
        rel = values.get("rel", "").lower().split()
        for attr in URL_ATTRIBUTES.get(tag, ()):
            if attr in values:
                self.urls.append((tag, attr, values[attr], rel))
        if "srcset" in values and tag in ("img", "source"):
            for candidate in values["srcset"].split(","):
                parts = candidate.split()
                if parts:
                    self.urls.append((tag, "srcset", parts[0], rel))
        if "style" in values:
            self.inline_css.append(values["style"])
        if tag in ("style", "script"):
            self._raw = tag

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag in ("style", "script"):
            self._raw = None

    def handle_endtag(self, tag):
        if tag == "head":
            self.in_head = False
        if tag == self._raw:
            self._raw = None

    def handle_data(self, data):
        if self._raw:
            found = dangerous_in(data)
            if found:
                self.dangerous.append((f"<{self._raw}> element", found))
            if self._raw == "style":
                self.inline_css.append(data)

    def handle_comment(self, data):
        found = dangerous_in(data)
        if found:
            self.dangerous.append(("a comment", found))


class Checker:
    def __init__(self, site):
        self.site = Path(site).resolve()
        self.problems = []
        self.css_done = {}
        self.axe_counts = {}  # (rule, impact) -> nodes, over all pages

    def add(self, where, problem):
        self.problems.append((where, problem))

    def rel(self, path):
        return Path(path).relative_to(self.site).as_posix()

    # ---- static checks ------------------------------------------------

    def local_target(self, url, base_url):
        """(path, error) for a relative URL: the file it names, or why not."""
        if url.strip().startswith("//"):
            return None, "protocol-relative URL"
        absolute = urllib.parse.urljoin(base_url, url.strip())
        parts = urllib.parse.urlsplit(absolute)
        if parts.scheme != "file":
            return None, None
        path = Path(urllib.parse.unquote(parts.path))
        try:
            resolved = path.resolve()
        except OSError:
            return None, "unreadable path"
        if resolved != self.site and self.site not in resolved.parents:
            return None, "points outside the site"
        if resolved.is_dir():
            return None, "points to a folder, not a file"
        if not resolved.is_file():
            return None, "no such file"
        return resolved, None

    def check_url(self, where, what, url, base_url, loaded):
        scheme = scheme_of(url)
        if dangerous_in(url):
            return  # reported by the dangerous-URL scan
        if scheme:
            if scheme == "data" and what.startswith(("img", "source", "video", "link")):
                return
            if scheme in EXTERNAL_LINK_SCHEMES and not loaded:
                return
            if loaded:
                self.add(where, f"loads an external resource: {what}=\"{url}\"")
            else:
                self.add(where, f"link with unexpected scheme {scheme}: {what}=\"{url}\"")
            return
        if url.strip() == "" or url.strip().startswith("#"):
            return
        if urllib.parse.urlsplit(url.strip()).path == "":
            return  # "?query" or "?query#fragment": the page itself
        target, error = self.local_target(url, base_url)
        if error:
            kind = "broken image" if what.startswith("img") else "broken link"
            self.add(where, f"{kind}: {what}=\"{url}\" ({error})")
        elif target is not None and target.suffix.lower() == ".css":
            self.check_css_file(target)

    def check_css(self, where, text, base_url):
        text = _CSS_COMMENT.sub("", text)
        found = dangerous_in(text)
        if found:
            self.add(where, f"{found} URL in CSS")
        for match in _CSS_URL.finditer(text):
            url = next(g for g in match.groups() if g is not None)
            if not url or url.startswith("#") or dangerous_in(url):
                continue
            scheme = scheme_of(url)
            if scheme == "data":
                continue
            if scheme:
                self.add(where, f"CSS loads an external resource: {url}")
                continue
            _, error = self.local_target(url, base_url)
            if error:
                self.add(where, f"CSS refers to a missing file: {url} ({error})")

    def check_css_file(self, path):
        if path in self.css_done:
            return
        self.css_done[path] = True
        text = path.read_text(encoding="utf-8", errors="replace")
        self.check_css(self.rel(path), text, path.as_uri())

    def scan_page(self, page):
        name = self.rel(page)
        source = page.read_text(encoding="utf-8", errors="replace")
        scan = PageScan()
        scan.feed(source)
        scan.close()
        base_url = page.as_uri()
        if scan.base is not None:
            base_url = urllib.parse.urljoin(base_url, scan.base)
        for where, scheme in scan.dangerous:
            self.add(name, f"{scheme} URL in {where}")
        for src in scan.scripts_with_src:
            self.add(name, f"<script src=\"{src}\">")
        for tag, attr, value, rel in scan.urls:
            if tag == "script":
                continue  # reported above
            loaded = tag in LOADED_ELEMENTS or (
                tag == "link" and not set(rel) <= NAVIGATION_RELS)
            self.check_url(name, f"{tag}[{attr}]", value, base_url, loaded)
        for css in scan.inline_css:
            self.check_css(name, css, base_url)
        # CSP
        head_csp = [content for content, in_head in scan.csp if in_head]
        if len(head_csp) < len(scan.csp):
            self.add(name, "CSP meta outside <head> (browsers ignore it)")
        if not head_csp:
            self.add(name, "no Content-Security-Policy meta")
        else:
            reasons = [csp_problem(content) for content in head_csp]
            if all(reasons):
                for reason in dict.fromkeys(reasons):
                    self.add(name, reason)
        if scan.viewport is None or "width=device-width" not in scan.viewport.replace(" ", "").lower():
            self.add(name, "no <meta name=\"viewport\" content=\"width=device-width…\"> "
                           "(phones lay the page out 980 px wide)")

    # ---- browser checks -----------------------------------------------

    def start_browser(self):
        self.axe = axe_source()
        self.driver = make_driver(logs=True)
        self.driver.set_script_timeout(60)

    def set_width(self, width):
        set_viewport(self.driver, width)

    OVERFLOW_JS = r"""
const root = document.documentElement;
const sw = root.scrollWidth, cw = root.clientWidth;
if (sw <= cw) return null;
// Whether an ancestor's overflow box clips `el`. An absolutely positioned
// element escapes every ancestor up to its containing block (the nearest
// positioned one), and a fixed one escapes them all.
function clipped(el) {
  let position = getComputedStyle(el).position;
  for (let p = el.parentElement; p && p !== document.body && p !== root; p = p.parentElement) {
    if (position === 'fixed') return false;
    const style = getComputedStyle(p);
    const containing = style.position !== 'static' || style.transform !== 'none';
    if (position === 'absolute' && !containing) continue;
    if (style.overflowX !== 'visible') return true;
    position = style.position;
  }
  return false;
}
function name(el) {
  let s = el.tagName.toLowerCase();
  if (el.id) s += '#' + el.id;
  if (typeof el.className === 'string' && el.className.trim())
    s += '.' + el.className.trim().split(/\s+/).join('.');
  return s;
}
function describe(el) {
  let s = name(el) + ' (right edge at ' + Math.round(el.getBoundingClientRect().right) + ' px';
  const pos = getComputedStyle(el).position;
  if (pos === 'absolute' || pos === 'fixed') s += ', position: ' + pos;
  const context = el.parentElement && el.parentElement.closest('[id], [class]');
  if (context && context !== document.body) s += ', inside ' + name(context);
  return s + ')';
}
const out = [];
for (const el of document.body ? document.body.querySelectorAll('*') : []) {
  if (el.getBoundingClientRect().right <= cw + 0.5 || clipped(el)) continue;
  if (out.some(o => o.contains(el))) continue;
  out.push(el);
  if (out.length >= 3) break;
}
return [sw, cw, out.map(describe)];
"""

    def check_overflow(self, name, width):
        result = self.driver.execute_script(self.OVERFLOW_JS)
        if result:
            sw, cw, culprits = result
            detail = f"; sticking out: {', '.join(culprits)}" if culprits else ""
            self.add(name, f"horizontal overflow at {width} px: scrollWidth {sw} > clientWidth {cw}{detail}")

    def check_requests(self, name):
        requests = {}  # requestId -> URL
        csp_blocked = set()
        for entry in self.driver.get_log("performance"):
            try:
                message = json.loads(entry["message"])["message"]
                method, params = message.get("method"), message.get("params", {})
                if method == "Network.requestWillBeSent":
                    requests[params["requestId"]] = params["request"]["url"]
                elif method == "Network.webSocketCreated":
                    requests[params["requestId"]] = params["url"]
                elif method == "Network.loadingFailed" and params.get("blockedReason") == "csp":
                    csp_blocked.add(params["requestId"])
            except (KeyError, ValueError, TypeError):
                continue
        # A request the CSP stopped never left the page (the console reports
        # it); Resource Timing lists those too, so they are left out by URL.
        blocked_urls = {requests[rid] for rid in csp_blocked if rid in requests}
        urls = list(requests.values()) + (self.driver.execute_script(
            "return performance.getEntriesByType('resource').map(e => e.name)") or [])
        for url in dict.fromkeys(u for u in urls if u not in blocked_urls):
            if scheme_of(url) not in LOCAL_REQUEST_SCHEMES:
                self.add(name, f"request to a non-file URL: {url[:200]}")

    def check_console(self, name):
        for entry in self.driver.get_log("browser"):
            if entry.get("level") == "SEVERE":
                message = re.sub(r"\s+", " ", entry.get("message", "")).strip()
                message = message.replace(self.site.as_uri() + "/", "")
                self.add(name, f"console: {message[:300]}")

    def check_images(self, name):
        """An image file of the site that is there but does not display
        (a missing or external one is reported by the other checks)."""
        broken = self.driver.execute_script(
            "return Array.from(document.images).filter(i => i.complete && i.naturalWidth === 0 && i.currentSrc)"
            ".map(i => [i.getAttribute('src'), i.currentSrc])")
        for src, url in broken or []:
            parts = urllib.parse.urlsplit(url)
            if parts.scheme == "file" and Path(urllib.parse.unquote(parts.path)).is_file():
                self.add(name, f"image does not display: {src}")

    def check_axe(self, name):
        """axe-core on the loaded page (run through the driver, which the
        page's CSP does not restrict)."""
        try:
            self.driver.execute_script(self.axe)
            result = self.driver.execute_async_script(
                "const done = arguments[arguments.length - 1];"
                "axe.run(document).then(r => done(r.violations), e => done({error: String(e)}));")
        except Exception as error:  # the page or the driver failed: report and go on
            self.add(name, f"axe did not run: {str(error).splitlines()[0]}")
            return
        if isinstance(result, dict):
            self.add(name, f"axe did not run: {result.get('error')}")
            return
        for violation in result or []:
            impact, rule = violation.get("impact") or "unknown", violation.get("id")
            nodes = violation.get("nodes") or []
            self.axe_counts[(rule, impact)] = self.axe_counts.get((rule, impact), 0) + len(nodes)
            if impact in AXE_FAILING:
                targets = ", ".join(" ".join(map(str, n.get("target") or [])) for n in nodes[:5])
                more = f" and {len(nodes) - 5} more" if len(nodes) > 5 else ""
                self.add(name, f"axe {rule} ({impact}): {len(nodes)} "
                               f"{'node' if len(nodes) == 1 else 'nodes'}: {targets}{more}")

    def visit(self, page):
        name = self.rel(page)
        self.set_width(WIDTHS[0])
        try:
            self.driver.get(page.as_uri())
        except Exception as error:  # timeout or driver error: report and go on
            self.add(name, f"page did not load: {str(error).splitlines()[0]}")
            return
        if not self.driver.current_url.startswith("file:"):
            self.add(name, f"page ended on {self.driver.current_url}")
        self.check_console(name)
        self.check_requests(name)
        self.check_images(name)
        for width in WIDTHS:
            if width != WIDTHS[0]:
                self.set_width(width)
            self.check_overflow(name, width)
        self.check_console(name)  # anything logged while resizing
        self.check_axe(name)

    def run(self):
        pages = sorted(p for p in self.site.rglob("*.html") if p.is_file())
        for page in pages:
            self.scan_page(page)
        if pages:
            self.start_browser()
            try:
                for page in pages:
                    self.visit(page)
            finally:
                self.driver.quit()
        return pages


def main(argv):
    if len(argv) != 2 or argv[1] in ("-h", "--help"):
        print(__doc__.strip(), file=sys.stderr)
        return 2
    site = Path(argv[1])
    if not site.is_dir():
        setup_error(f"{site} is not a folder")
    started = time.monotonic()
    checker = Checker(site)
    pages = checker.run()
    if not pages:
        checker.add(str(site), "no *.html pages")
    for where, problem in dict.fromkeys(checker.problems):
        print(f"{where}: {problem}")
    count = len(dict.fromkeys(checker.problems))
    for (rule, impact), nodes in sorted(checker.axe_counts.items()):
        print(f"check_site: axe {rule} ({impact}): {nodes} nodes", file=sys.stderr)
    print(f"check_site: {time.monotonic() - started:.1f} s", file=sys.stderr)
    print(f"{len(pages)} pages checked, {count} problems")
    return 1 if count else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
