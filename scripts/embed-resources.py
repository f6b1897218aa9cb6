#!/usr/bin/env python3
"""Embeds the resource folders into the binary, so that dossier works without them.

  templates/ -> Sources/DossierSite/Generated/DefaultTemplates.swift (the default
                templates, stylesheet and page texts, by relative path)
  starter/   -> Sources/DossierCore/Generated/StarterFiles.swift (what `dossier init`
                writes, by relative path in byte order)

Run by `make resources`; with --check, exits non-zero when a generated file is
out of date (a test runs that).
"""
import os
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def literal(text):
    """A Swift raw multi-line string literal holding `text` exactly."""
    hashes = "#"
    while '"' + hashes in text or '"""' + hashes in text:
        hashes += "#"
    return hashes + '"""\n' + text + '\n"""' + hashes


def collect(source, hidden, extensions):
    files = []
    for folder, dirs, names in os.walk(source):
        dirs.sort()
        for name in sorted(names):
            if name.startswith(".") and not hidden:
                continue
            if extensions and not name.endswith(extensions):
                continue
            path = os.path.join(folder, name)
            files.append((os.path.relpath(path, source).replace(os.sep, "/"), path))
    files.sort(key=lambda item: item[0].encode("utf-8"))
    return files


def templates():
    out = [
        "// Generated from templates/ by scripts/embed-resources.py (`make resources`). Do not edit.",
        "",
        "/// The default templates, stylesheet and page texts, by path relative to `templates/`.",
        "enum DefaultTemplates {",
        "    static let files: [String: String] = [",
    ]
    for name, path in collect(os.path.join(ROOT, "templates"), False, (".mustache", ".css", ".md")):
        with open(path, encoding="utf-8") as handle:
            out.append('        "%s": %s,' % (name, literal(handle.read())))
    out += ["    ]", "}", ""]
    return "\n".join(out)


def starter():
    out = [
        "// Generated from starter/ by scripts/embed-resources.py (`make resources`). Do not edit.",
        "",
        "/// The files `dossier init` writes, by path relative to the new repository, in byte order.",
        "enum StarterFiles {",
        "    static let files: [(path: String, contents: String)] = [",
    ]
    for name, path in collect(os.path.join(ROOT, "starter"), True, ()):
        with open(path, encoding="utf-8") as handle:
            out.append('        ("%s", %s),' % (name, literal(handle.read())))
    out += ["    ]", "}", ""]
    return "\n".join(out)


TARGETS = [
    (os.path.join(ROOT, "Sources", "DossierSite", "Generated", "DefaultTemplates.swift"), templates),
    (os.path.join(ROOT, "Sources", "DossierCore", "Generated", "StarterFiles.swift"), starter),
]


def main():
    stale = []
    for target, make in TARGETS:
        generated = make()
        current = None
        if os.path.exists(target):
            with open(target, encoding="utf-8") as handle:
                current = handle.read()
        if current == generated:
            continue
        if "--check" in sys.argv:
            stale.append(os.path.relpath(target, ROOT))
            continue
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "w", encoding="utf-8") as handle:
            handle.write(generated)
    if stale:
        sys.exit("%s out of date: run `make resources`" % ", ".join(stale))


if __name__ == "__main__":
    main()
