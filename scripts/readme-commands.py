#!/usr/bin/env python3
"""Writes the README's command list from each subcommand's --help (`make readme`).

    python3 scripts/readme-commands.py DOSSIER [README]

The block between `<!-- commands: ... -->` and `<!-- /commands -->` is replaced by
the USAGE line of every subcommand, in the order `dossier --help` lists them.
Tests/DossierCLITests/ReadmeTests.swift checks that the README is current.
"""
import re
import subprocess
import sys


def usage_lines(dossier):
    overview = subprocess.run([dossier, "--help"], check=True, capture_output=True, text=True).stdout
    names = re.findall(r"^  ([a-z]+) {2,}", overview.split("SUBCOMMANDS:", 1)[1], re.M)
    lines = []
    for name in names:
        text = subprocess.run([dossier, name, "--help"], check=True, capture_output=True, text=True).stdout
        lines.append(re.search(r"^USAGE: (.*)$", text, re.M).group(1))
    return lines


def main():
    if len(sys.argv) not in (2, 3):
        sys.exit(__doc__)
    dossier = sys.argv[1]
    path = sys.argv[2] if len(sys.argv) == 3 else "README.md"
    text = open(path, encoding="utf-8").read()
    pattern = re.compile(r"(<!-- commands:[^\n]*-->\n```\n).*?(```\n<!-- /commands -->)", re.S)
    if not pattern.search(text):
        sys.exit(f"{path}: no <!-- commands: --> block")
    block = "".join(line + "\n" for line in usage_lines(dossier))
    updated = pattern.sub(lambda m: m.group(1) + block + m.group(2), text)
    if updated != text:
        open(path, "w", encoding="utf-8").write(updated)
        print(f"{path}: command list updated")


if __name__ == "__main__":
    main()
