#!/usr/bin/env python3
"""Checks `dossier schema` against the fixtures, with a real JSON Schema validator.

    python3 Tests/schema/check_schema.py DOSSIER

- Every agent file of a valid repository (the scoring cases, examples/acme and
  the reference-model repository) validates against the schema.
- Every invalid case whose error is in an agent file and is a type or key
  error is rejected by the schema; the errors JSON Schema cannot express (a
  duplicate key, an id that is not the file name, a bad file name, syntax) are
  listed below and left to the loader. A new invalid case must be put in one of
  the two lists, so that the schema keeps up with the loader.

YAML is read as YAML 1.2 core, as the loader (and yaml-language-server) read it:
only true/false are booleans and dates stay strings.
Needs the `jsonschema` and `PyYAML` packages (pip).
"""
import json
import pathlib
import re
import subprocess
import sys

import jsonschema
import yaml

ROOT = pathlib.Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "Tests/DossierCLITests/Fixtures"

REJECTED = {
    "agent-missing-name", "agent-missing-risk-level-flow", "agent-missing-risk-level", "agent-missing-risk",
    "agent-null-name", "attestation-missing-done", "attestation-on-auto-item", "bad-assessment-date",
    "done-quoted-true", "done-yes", "empty-agent-file", "invalid-risk-level", "list-for-string", "map-for-string",
    "metrics-non-number", "negative-max-transaction-amount", "quoted-int", "quoted-true-boolean", "string-for-list",
    "unknown-agent-key", "unknown-checklist-item", "unknown-compliance-key", "yes-boolean", "many-errors-in-several-files",
    "attestation-unknown-key", "attestation-missing-by-and-date", "attestation-evidence-not-a-list",
}
# The loader's alone: not a property of one file's values that JSON Schema can state.
LOADER_ONLY = {
    "bad-file-name-dash": "the file name is not a valid id",
    "bad-file-name-uppercase": "the file name is not a valid id",
    "duplicate-key-json": "a key given twice (parsers keep one)",
    "duplicate-key-yaml": "a key given twice (parsers keep one)",
    "duplicate-stem": "two files with one id",
    "id-not-stem": "the id must equal the file name",
    "json-file-with-yaml-syntax": "syntax",
    "yaml-syntax-error": "syntax",
    "unknown-extension-agents": "a file type",
    "json-number-for-string": "one schema serves YAML (where 1.10 is text) and JSON",
    "metrics-nan": "YAML's .nan is a number to a YAML parser",
}


class CoreLoader(yaml.SafeLoader):
    """YAML 1.2 core schema: no timestamps, no yes/no/on/off booleans."""


CoreLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers
            if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
CoreLoader.add_implicit_resolver("tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                 list("tTfF"))


def parse(path, text):
    if path.endswith(".json"):
        return json.loads(text)
    return yaml.load(text, Loader=CoreLoader)


def txtar(path):
    """The files of a txtar archive: {name: text}, and its comment lines."""
    files, comment, name = {}, [], None
    for line in path.read_text().splitlines(keepends=True):
        match = re.match(r"^-- (.+) --$", line.rstrip("\n"))
        if match:
            name = match.group(1)
            files[name] = ""
        elif name is None:
            comment.append(line)
        else:
            files[name] += line
    return files, comment


def agent_files(files):
    return {name: text for name, text in files.items()
            if re.match(r"^agents/[^/]+\.(yaml|yml|json)$", name)}


def main():
    schema = json.loads(subprocess.run([sys.argv[1], "schema"], check=True, capture_output=True, text=True).stdout)
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)
    failures = []
    valid = 0

    # Valid repositories: every agent file validates.
    sources = []
    for case in sorted((FIXTURES / "cases").glob("*.txtar")):
        files, _ = txtar(case)
        sources += [(f"{case.name}:{name}", name, text) for name, text in agent_files(files).items()]
    for folder in [ROOT / "examples/acme/agents", ROOT / "Tests/DossierCoreTests/Fixtures/reference/repo/agents"]:
        sources += [(str(p.relative_to(ROOT)), p.name, p.read_text()) for p in sorted(folder.iterdir())
                    if p.suffix in (".yaml", ".yml", ".json")]
    for label, name, text in sources:
        errors = sorted(validator.iter_errors(parse(name, text)), key=lambda e: list(e.path))
        if errors:
            failures.append(f"{label}: valid for dossier, rejected by the schema: {errors[0].message} at {list(errors[0].path)}")
        valid += 1

    # Invalid repositories whose error is in an agent file.
    rejected = 0
    for case in sorted((FIXTURES / "invalid").glob("*.txtar")):
        files, comment = txtar(case)
        stderr = [line for line in comment if line.startswith("stderr")]
        if not any(re.match(r"stderr(-re)? agents/", line) for line in stderr):
            continue
        stem = case.stem
        if stem in LOADER_ONLY:
            continue
        if stem not in REJECTED:
            failures.append(f"invalid/{case.name}: not classified (add it to REJECTED or LOADER_ONLY)")
            continue
        agents = agent_files(files)
        results = []
        for name, text in agents.items():
            try:
                document = parse(name, text)
            except Exception as error:  # a parse error is the loader's (and would be in LOADER_ONLY)
                failures.append(f"invalid/{case.name}: {name} does not parse: {error}")
                continue
            results.append(any(True for _ in validator.iter_errors(document)))
        if not any(results):
            failures.append(f"invalid/{case.name}: dossier rejects it, the schema accepts every agent file")
        else:
            rejected += 1
    for stem in sorted(REJECTED | set(LOADER_ONLY)):
        if not (FIXTURES / "invalid" / f"{stem}.txtar").exists():
            failures.append(f"invalid/{stem}.txtar: listed here but missing")

    for failure in failures:
        print(failure)
    print(f"schema: {valid} valid agent files accepted, {rejected} invalid cases rejected, "
          f"{len(LOADER_ONLY)} left to the loader; {len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
