#!/usr/bin/env python3
"""Write a minimal Hugo site of N Markdown pages, the baseline for the portfolio benchmark.

    python3 Benchmarks/portfolio/hugo_baseline.py OUTDIR --pages N [--seed 2026]

Each page is about 4 KB of the same kind of Markdown that generate.py writes
(paragraphs, lists, emphasis, links, inline code, a code block now and then).
The site has a one-entry navigation and a trivial theme in layouts/
(_default/single.html and _default/list.html), and no taxonomies, RSS,
sitemap or robots.txt, so that Hugo does comparable work: render each page
through a small template. Time it with

    hugo --quiet -s OUTDIR -d SITE

The output is deterministic. As with generate.py, OUTDIR is replaced as a
whole, and a non-empty OUTDIR only if it holds this script's `.generator` stamp.
"""

import argparse
import hashlib
import os
import random
import shutil
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import prose  # noqa: E402

STAMP = ".generator"

CONFIG = """\
baseURL = "/"
languageCode = "en"
title = "Hugo baseline"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
enableRobotsTXT = false

[markup.goldmark.renderer]
unsafe = false

[[menu.main]]
name = "Pages"
url = "/pages/"
weight = 1
"""

HEAD = """\
<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ .Title }} · {{ .Site.Title }}</title>
<style>body{font:16px/1.5 system-ui,sans-serif;max-width:48rem;margin:0 auto;padding:1rem}nav a{margin-right:1rem}</style>
</head>
<body>
<nav>{{ range .Site.Menus.main }}<a href="{{ .URL }}">{{ .Name }}</a>{{ end }}</nav>
<main>
<h1>{{ .Title }}</h1>
"""
FOOT = """\
</main>
<footer>{{ .Site.Title }}</footer>
</body>
</html>
"""
SINGLE = HEAD + "{{ .Content }}\n" + FOOT
LIST = HEAD + """\
{{ .Content }}
<ul>
{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul>
""" + FOOT

TOPICS = ["Claims", "Underwriting", "Billing", "Customer Service", "Finance", "Treasury",
          "HR", "Legal", "Procurement", "IT Operations", "Security", "Marketing"]
KINDS = ["Operating Procedure", "Control Description", "Runbook", "Review Notes",
         "Data Map", "Test Report", "Escalation Matrix"]


def generator_hash():
    here = os.path.dirname(os.path.abspath(__file__))
    h = hashlib.sha256()
    for name in ("hugo_baseline.py", "prose.py"):
        with open(os.path.join(here, name), "rb") as f:
            h.update(f.read())
    return h.hexdigest()


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8", newline="\n") as f:
        f.write(text)


def generate(root, n, seed):
    rng = random.Random(seed)
    width = max(5, len(str(n - 1)))
    write(os.path.join(root, "config.toml"), CONFIG)
    write(os.path.join(root, "layouts", "_default", "single.html"), SINGLE)
    write(os.path.join(root, "layouts", "_default", "list.html"), LIST)
    write(os.path.join(root, "content", "_index.md"),
          '---\ntitle: "Home"\n---\n\n%d pages of about 4 KB each.\n' % n)
    write(os.path.join(root, "content", "pages", "_index.md"), '---\ntitle: "Pages"\n---\n')
    names = ["page-%0*d" % (width, i) for i in range(n)]
    for i, name in enumerate(names):
        title = "%s %s %d" % (rng.choice(TOPICS), rng.choice(KINDS), i)
        links = [("related page", "../%s/" % names[rng.randrange(n)]) for _ in range(3)]
        body = prose.page(rng, title, links)
        body = body.split("\n", 2)[2]  # the title is in the front matter
        write(os.path.join(root, "content", "pages", name + ".md"),
              '---\ntitle: "%s"\n---\n\n%s' % (title, body))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("outdir")
    parser.add_argument("--pages", type=int, required=True, metavar="N")
    parser.add_argument("--seed", type=int, default=2026)
    args = parser.parse_args()
    if args.pages < 1:
        parser.error("--pages must be at least 1")

    out = os.path.abspath(args.outdir)
    if os.path.isdir(out) and os.listdir(out) and not os.path.isfile(os.path.join(out, STAMP)):
        sys.exit("hugo_baseline.py: %s is not empty and was not made by this script; "
                 "not replacing it" % args.outdir)
    started = time.monotonic()
    tmp = "%s.tmp-%d" % (out, os.getpid())
    shutil.rmtree(tmp, ignore_errors=True)
    try:
        generate(tmp, args.pages, args.seed)
        write(os.path.join(tmp, STAMP), "%s pages=%d seed=%d\n" % (generator_hash(), args.pages, args.seed))
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise
    if os.path.exists(out):
        shutil.rmtree(out)
    os.rename(tmp, out)
    print("%s: Hugo site of %d pages in %.1fs" % (args.outdir, args.pages, time.monotonic() - started))


if __name__ == "__main__":
    main()
