#!/usr/bin/env python3
"""Injection check: the hostile corpus cannot inject markup or script URLs.

    python3 Tests/injection/check.py DOSSIER

Builds Tests/injection/corpus/ (a valid governance repository in which every
field that reaches an output carries HTML, attribute-breakout, script-URL,
CSS, template, XML and Unicode payloads; regenerate it with make_corpus.py)
into a temporary folder, runs `check` in every format, and then checks,
with the standard library only:

  HTML pages   parsed with html.parser: no <script>, <iframe>, <frame>,
               <object>, <embed>, <applet>, <base>, <form>, <meta refresh>;
               no element outside the tags the templates and cmark make; no
               on* or srcdoc attribute; no style attribute (the templates
               use none); no input text inside a <style> element; every URL
               attribute's scheme (HTML-unescaped, ASCII whitespace and
               control characters removed, lowercased) empty, http, https or
               mailto, and every img src a file of the site; the
               Content-Security-Policy meta present and exactly the
               documented one; the strings javascript:, vbscript: and
               data:text/html nowhere in the page source.
  report.md    no raw HTML tag of the payloads; no Markdown link, image,
               reference definition or autolink with a script scheme.
  junit.xml    parses as XML; SARIF, report.json, manifest.json parse as
               JSON; none contains javascript:, vbscript: or data:text/html.
  prometheus   every line is a comment or `name{label="value",...} value`
               (and promtool check metrics, when promtool is installed).
  text         no terminal control character (ESC, other C0 but tab and
               newline, C1) on stdout.

Prints the coverage (which payload-carrying fields reached which output),
each violation as `file: element attribute=value: problem`, and a summary;
exits 1 when there is a violation, 2 when the check could not run.
"""

import html
import html.parser
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

HERE = Path(__file__).resolve().parent
CORPUS = HERE / "corpus"

CSP = ("default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
       "base-uri 'none'; form-action 'none'")
SAFE_SCHEMES = {"", "http", "https", "mailto"}
DANGEROUS = ("javascript:", "vbscript:", "data:text/html")
FORBIDDEN_ELEMENTS = {"script", "iframe", "frame", "frameset", "object", "embed", "applet",
                      "base", "form", "input", "button", "textarea", "select", "noscript",
                      "template", "portal", "math", "foreignobject", "animate", "set",
                      "handler", "listener", "use"}
# Tags the built-in templates and cmark produce (anything else came from input).
ALLOWED_ELEMENTS = {
    "html", "head", "body", "meta", "title", "link", "style", "header", "nav", "main", "footer",
    "section", "article", "aside", "div", "span", "p", "a", "ul", "ol", "li", "dl", "dt", "dd",
    "h1", "h2", "h3", "h4", "h5", "h6", "table", "thead", "tbody", "tfoot", "tr", "th", "td",
    "caption", "colgroup", "col", "strong", "em", "b", "i", "u", "s", "code", "pre", "kbd",
    "samp", "var", "blockquote", "hr", "br", "img", "figure", "figcaption", "small", "abbr",
    "time", "sup", "sub", "del", "ins", "mark", "details", "summary", "q", "cite", "progress",
    "meter", "data", "wbr", "bdi", "bdo",
    # inline SVG charts
    "svg", "g", "rect", "circle", "ellipse", "path", "line", "polyline", "polygon", "text",
    "tspan", "desc", "defs", "lineargradient", "stop", "clippath", "symbol", "marker", "pattern",
}
URL_ATTRIBUTES = {"href", "src", "action", "formaction", "xlink:href", "poster", "data",
                  "background", "cite", "longdesc", "ping", "manifest", "codebase",
                  "archive", "usemap", "profile", "lowsrc", "dynsrc", "icon", "srcset",
                  "imagesrcset", "itemtype", "itemid"}
_IGNORED = re.compile(r"[\x00-\x20\x7f]+")
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")
MARKER = re.compile(r"FLD[A-Za-z0-9]+")


def scheme(value):
    """The scheme a browser sees: entities already decoded by html.parser."""
    v = _IGNORED.sub("", html.unescape(value)).lower()
    m = _SCHEME.match(v)
    return (m.group(1) if m else ""), v


class Page(html.parser.HTMLParser):
    def __init__(self, rel, site, problems, stats):
        super().__init__(convert_charrefs=True)
        self.rel, self.site, self.problems, self.stats = rel, site, problems, stats
        self.stack = []
        self.csp = []
        self.in_style = False

    def bad(self, tag, attr, value, why):
        self.problems.append(f"{self.rel}: <{tag}> {attr}={value!r}: {why}" if attr
                             else f"{self.rel}: <{tag}>: {why}")

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)

    def handle_starttag(self, tag, attrs):
        tag = tag.lower()
        self.stats["elements"] += 1
        if tag in FORBIDDEN_ELEMENTS:
            self.bad(tag, None, None, "forbidden element")
        elif tag not in ALLOWED_ELEMENTS:
            self.bad(tag, None, None, "element the templates and cmark never make (injected markup?)")
        if tag == "style":
            self.in_style = True
        d = {}
        for name, value in attrs:
            name = name.lower()
            value = value or ""
            d[name] = value
            if name.startswith("on"):
                self.bad(tag, name, value, "event-handler attribute")
            elif name in ("srcdoc", "style", "formaction", "http-equiv") and not (
                    name == "http-equiv" and tag == "meta"):
                self.bad(tag, name, value, f"{name} attribute")
            if name in URL_ATTRIBUTES or name.endswith(":href"):
                values = [value]
                if name in ("srcset", "imagesrcset", "ping", "archive"):
                    values = [p.strip().split(" ")[0] for p in re.split(r"[,\s]\s*", value) if p.strip()]
                for v in values:
                    self.check_url(tag, name, v)
        if tag == "meta":
            equiv = d.get("http-equiv", "").strip().lower()
            if equiv == "refresh":
                self.bad(tag, "http-equiv", d.get("http-equiv"), "meta refresh")
            elif equiv == "content-security-policy":
                self.csp.append(d.get("content", ""))
            elif equiv:
                self.bad(tag, "http-equiv", d.get("http-equiv"), "unexpected http-equiv")
        if tag == "link" and "icon" not in d.get("rel", "") and d.get("rel") != "stylesheet":
            if d.get("rel", "") not in ("alternate", "canonical"):
                self.bad(tag, "rel", d.get("rel"), "unexpected link rel")

    def handle_endtag(self, tag):
        if tag.lower() == "style":
            self.in_style = False

    def handle_data(self, data):
        if self.in_style:
            low = data.lower()
            for needle in ("fld", "alert(", "expression(", "javascript", "</", "<script", "@import", "url("):
                if needle in low and not (needle == "url(" and "url(data:image/" in low):
                    self.bad("style", None, None, f"input-like text in <style>: {needle!r}")

    def check_url(self, tag, name, value):
        self.stats["links"] += 1
        s, norm = scheme(value)
        if s not in SAFE_SCHEMES:
            if tag == "img" and name == "src" and re.match(r"^data:image/(png|gif|jpeg|webp);", norm):
                return
            self.bad(tag, name, value, f"unsafe scheme {s}:")
            return
        if tag == "img" and name == "src":
            if s:
                self.bad(tag, name, value, "image loaded from outside the site")
            else:
                path = value.split("#")[0].split("?")[0]
                target = (self.site / self.rel).parent / html.unescape(path)
                if not path or not target.resolve().is_file():
                    self.bad(tag, name, value, "image that is not a file of the site (input-made <img>?)")


def check_html(site, problems, stats):
    pages = sorted(p for p in site.rglob("*.html"))
    for p in pages:
        rel = p.relative_to(site)
        text = p.read_text(encoding="utf-8")
        low = text.lower()
        for d in DANGEROUS:
            i = low.find(d)
            if i >= 0:
                problems.append(f"{rel}: source contains {d!r}: …{text[max(0, i - 60):i + 40]!r}…")
        parser = Page(str(rel), site, problems, stats)
        parser.feed(text)
        parser.close()
        if not parser.csp:
            problems.append(f"{rel}: no Content-Security-Policy meta")
        for c in parser.csp:
            if c != CSP:
                problems.append(f"{rel}: Content-Security-Policy changed: {c!r}")
        if len(parser.csp) > 1:
            problems.append(f"{rel}: {len(parser.csp)} Content-Security-Policy metas")
        stats["pages"] += 1
    return pages


MD_TAG = re.compile(r"<\s*/?\s*(script|img|svg|iframe|object|embed|style|meta|base|form|a|div|"
                    r"details|body|html|input|link|math|video|audio|source|injected)\b", re.I)
MD_LINK = re.compile(r"\]\(\s*<?([^)>\s]*)")
MD_REFDEF = re.compile(r"^\s{0,3}\[[^\]]+\]:\s*<?(\S*?)>?(\s|$)", re.M)
MD_AUTOLINK = re.compile(r"<([A-Za-z][A-Za-z0-9+.\-]{1,31}:[^<>\s]*)>")


def check_markdown(path, problems, stats):
    text = path.read_text(encoding="utf-8")
    for m in MD_TAG.finditer(text):
        problems.append(f"report.md: raw HTML tag {text[m.start():m.start() + 60]!r}")
    dests = [("link", m.group(1)) for m in MD_LINK.finditer(text)]
    dests += [("reference definition", m.group(1)) for m in MD_REFDEF.finditer(text)]
    dests += [("autolink", m.group(1)) for m in MD_AUTOLINK.finditer(text)]
    for kind, d in dests:
        stats["links"] += 1
        s, _ = scheme(d.replace("\\", ""))
        if s not in SAFE_SCHEMES:
            problems.append(f"report.md: {kind} with scheme {s}: {d!r}")
    low = text.lower()
    for d in ("javascript:", "vbscript:", "data:text/html"):
        for m in re.finditer(re.escape(d), low):
            ctx = text[max(0, m.start() - 40):m.start() + 30]
            # Plain prose is harmless unless it can auto-link (GFM autolinks only
            # www./http(s)/e-mail), so report it only next to link syntax.
            if re.search(r"(\]\(|\]:|<)\s*$", text[max(0, m.start() - 3):m.start()]):
                problems.append(f"report.md: linkable {d!r}: {ctx!r}")


def check_machine(out, problems):
    for name, text in out.items():
        if name.endswith(".xml"):
            try:
                ET.fromstring(text.encode("utf-8"))
            except ET.ParseError as e:
                problems.append(f"{name}: not well-formed XML: {e}")
        elif name.endswith((".json", ".sarif")):
            try:
                json.loads(text)
            except ValueError as e:
                problems.append(f"{name}: not JSON: {e}")
        else:
            continue
        low = text.lower()
        for d in DANGEROUS:
            i = low.find(d)
            if i >= 0:
                problems.append(f"{name}: contains {d!r}: …{text[max(0, i - 60):i + 40]!r}…")


PROM_NAME = r"[a-zA-Z_:][a-zA-Z0-9_:]*"
PROM_LABEL = r'[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\n]|\\[\\"n])*"'
PROM_VALUE = r"(?:[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|[+-]?Inf|NaN)"
PROM_LINE = re.compile(rf"^{PROM_NAME}(?:\{{(?:{PROM_LABEL}(?:,{PROM_LABEL})*,?)?\}})? {PROM_VALUE}(?: -?\d+)?$")
PROM_COMMENT = re.compile(rf"^# (?:HELP {PROM_NAME} .*|TYPE {PROM_NAME} (?:counter|gauge|histogram|summary|untyped))$|^#(?! HELP| TYPE).*$")


def check_prometheus(name, text, problems):
    if not text.endswith("\n"):
        problems.append(f"{name}: does not end with a newline")
    for n, line in enumerate(text.split("\n")[:-1], 1):
        if line == "" or PROM_COMMENT.match(line):
            continue
        if not PROM_LINE.match(line):
            problems.append(f"{name}:{n}: not exposition format: {line[:160]!r}")
    if shutil.which("promtool"):
        r = subprocess.run(["promtool", "check", "metrics"], input=text.encode(), capture_output=True)
        # promtool's lint also warns about naming; only a parse error matters here.
        err = (r.stdout + r.stderr).decode(errors="replace")
        if "error while linting" in err or "text format parsing error" in err:
            problems.append(f"{name}: promtool: {err.strip()[:300]}")


def check_text(name, text, problems):
    for m in re.finditer(r"[\x00-\x08\x0b-\x1f\x7f\x80-\x9f]", text):
        problems.append(f"{name}: terminal control character U+{ord(m.group()):04X}: "
                        f"{text[max(0, m.start() - 30):m.start() + 10]!r}")
        break


SELFTEST_PAGE = """<!doctype html><html><head>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'">
<meta http-equiv="refresh" content="0;url=x"><style>x{background:url(javascript:alert(1))}</style></head>
<body><script>1</script><img src=x onerror=alert(1)><svg onload=alert(1)></svg>
<iframe srcdoc="x"></iframe><a href="jav&#x61;script:alert(1)">a</a><a href="java&#9;script:1">b</a>
<a href=" &#1;VBScript:1">c</a><a href="data:text/html,x">d</a><p style="x">e</p><injected/>
<object data="x"></object><form action="x"></form><base href="x"><a href="mailto:x@y.example">ok</a>
</body></html>"""
SELFTEST_EXPECTED = ("changed", "refresh", "input-like text in <style>", "<script>: forbidden",
                     "onerror", "not a file of the site", "onload", "<iframe>: forbidden",
                     "srcdoc", "unsafe scheme javascript:", "unsafe scheme vbscript:",
                     "unsafe scheme data:", "style attribute", "<injected>", "<object>: forbidden",
                     "<form>: forbidden", "<base>: forbidden", "source contains 'javascript:'")


def self_test():
    """The checker must see every violation of a hand-made hostile page."""
    with tempfile.TemporaryDirectory() as d:
        (Path(d) / "bad.html").write_text(SELFTEST_PAGE, encoding="utf-8")
        found = []
        check_html(Path(d), found, {"pages": 0, "elements": 0, "links": 0})
        (Path(d) / "report.md").write_text("[a](javascript:x) <javascript:x> <img src=x>\n\n[1]: vbscript:x\n")
        check_markdown(Path(d) / "report.md", found, {"links": 0})
    joined = "\n".join(found)
    missed = [e for e in SELFTEST_EXPECTED if e not in joined]
    md = [p for p in found if p.startswith("report.md")]
    if missed or len(md) < 4:
        print(f"self-test failed: missed {missed}, report.md problems {md}", file=sys.stderr)
        return False
    return True


def run(cmd):
    r = subprocess.run(cmd, capture_output=True)
    return r.returncode, r.stdout.decode("utf-8", errors="replace"), r.stderr.decode("utf-8", errors="replace")


def main():
    if len(sys.argv) != 2:
        print(__doc__.strip().splitlines()[2], file=sys.stderr)
        return 2
    dossier = os.path.abspath(sys.argv[1])
    if not self_test():
        return 2
    problems, stats = [], {"pages": 0, "elements": 0, "links": 0}
    tmp = Path(tempfile.mkdtemp(prefix="dossier-injection-"))
    try:
        site = tmp / "site"
        rc, _, err = run([dossier, "build", str(CORPUS), "--quiet", "--out", str(site)])
        if rc != 0:
            print(f"build failed ({rc}): {err}", file=sys.stderr)
            return 2
        outputs = {}
        for fmt in ("text", "json", "junit", "sarif", "prometheus"):
            rc, out, err = run([dossier, "check", str(CORPUS), "--quiet", "--fail-on", "none", "--format", fmt])
            if rc != 0:
                print(f"check --format {fmt} failed ({rc}): {err}", file=sys.stderr)
                return 2
            outputs["check-" + fmt + {"json": ".json", "junit": ".xml", "sarif": ".sarif",
                                      "prometheus": ".prom", "text": ".txt"}[fmt]] = out
        for f in ("report.json", "dossier.sarif", "manifest.json", "junit.xml"):
            if (site / f).exists():
                outputs[f] = (site / f).read_text(encoding="utf-8")
        pages = check_html(site, problems, stats)
        if (site / "report.md").exists():
            check_markdown(site / "report.md", problems, stats)
        else:
            problems.append("report.md: missing")
        check_machine(outputs, problems)
        check_prometheus("check-prometheus.prom", outputs["check-prometheus.prom"], problems)
        check_text("check-text.txt", outputs["check-text.txt"], problems)

        # Coverage: which payload-carrying fields reached which output.
        corpus_markers = set()
        for p in CORPUS.rglob("*"):
            if p.is_file():
                corpus_markers |= set(MARKER.findall(p.read_text(encoding="utf-8")))
        corpus_markers |= set(MARKER.findall(" ".join(str(p) for p in CORPUS.rglob("*"))))
        where = {m: set() for m in corpus_markers}
        sources = {"site": " ".join(html.unescape(p.read_text(encoding="utf-8")) for p in pages),
                   "report.md": (site / "report.md").read_text(encoding="utf-8").replace("\\", ""),
                   "json": outputs["check-json.json"], "junit": outputs["check-junit.xml"],
                   "sarif": outputs["check-sarif.sarif"], "prometheus": outputs["check-prometheus.prom"],
                   "text": outputs["check-text.txt"]}
        for out_name, text in sources.items():
            found = set(MARKER.findall(text))
            for m in found & corpus_markers:
                where[m].add(out_name)
        groups = {}
        for m in sorted(where):
            key = re.sub(r"\d+$", "#", m)
            g = groups.setdefault(key, [0, set(), 0])
            g[0] += 1
            g[1] |= where[m]
            g[2] += bool(where[m])
        print("coverage (payload field marker: rendered/total -> outputs):")
        for key, (total, outs, rendered) in sorted(groups.items()):
            print(f"  {key:32} {rendered}/{total} -> {', '.join(sorted(outs)) or 'nowhere (not shown)'}")
        for p in problems:
            print(p)
        reached = sum(1 for m in where if where[m])
        print(f"{stats['pages']} pages parsed ({stats['elements']} elements), {stats['links']} links checked, "
              f"{reached}/{len(where)} payload fields reached an output, {len(problems)} violations")
        return 1 if problems else 0
    finally:
        shutil.rmtree(tmp, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
