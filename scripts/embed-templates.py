#!/usr/bin/env python3
"""Embeds the default templates (templates/) into the dossier binary.

Writes Sources/DossierCore/Site/DefaultTemplates.swift, so that dossier works
from any folder and once installed, with no resource files beside it.
Run by `make templates`; a test fails when the generated file is out of date.
"""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SOURCE = os.path.join(ROOT, "templates")
TARGET = os.path.join(ROOT, "Sources", "DossierCore", "Site", "DefaultTemplates.swift")
EXTENSIONS = (".mustache", ".css", ".md")


def literal(text):
    hashes = "#"
    while ('"""' + hashes) in text or ('\\' + hashes) in text:
        hashes += "#"
    return hashes + '"""\n' + text + '\n"""' + hashes


def main():
    files = []
    for folder, dirs, names in os.walk(SOURCE):
        dirs.sort()
        for name in sorted(names):
            if name.startswith(".") or not name.endswith(EXTENSIONS):
                continue
            path = os.path.join(folder, name)
            files.append((os.path.relpath(path, SOURCE).replace(os.sep, "/"), path))
    files.sort(key=lambda item: item[0].encode("utf-8"))
    out = [
        "// Generated from templates/ by scripts/embed-templates.py (`make templates`). Do not edit.",
        "",
        "/// The default templates, stylesheet and page texts, by path relative to `templates/`.",
        "enum DefaultTemplates {",
        "    static let files: [String: String] = [",
    ]
    for name, path in files:
        with open(path, encoding="utf-8") as handle:
            text = handle.read()
        out.append('        "%s": %s,' % (name, literal(text)))
    out += ["    ]", "}", ""]
    generated = "\n".join(out)
    if "--check" in sys.argv:
        with open(TARGET, encoding="utf-8") as handle:
            if handle.read() != generated:
                sys.exit("DefaultTemplates.swift is out of date: run `make templates`")
        return
    with open(TARGET, "w", encoding="utf-8") as handle:
        handle.write(generated)


if __name__ == "__main__":
    main()
