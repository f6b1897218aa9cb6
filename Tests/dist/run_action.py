#!/usr/bin/env python3
"""Runs the steps of a composite action.yml the way the GitHub runner does, on this machine.

  python3 Tests/dist/run_action.py ACTION_YML WORKSPACE OUTPUTS_JSON [--input NAME=VALUE]...

Each `run` step is a bash script run in WORKSPACE with its `env:` (the `${{ }}`
expressions evaluated), RUNNER_OS, RUNNER_ARCH, RUNNER_TEMP, GITHUB_WORKSPACE, and
fresh GITHUB_OUTPUT and GITHUB_PATH files, on the caller's environment; the
folders a step adds to GITHUB_PATH come first on PATH for the next steps. The
steps stop at the first failure. RUNNER_TEMP, when set, is kept; else a
new temporary folder is used. The action's outputs are then written to
OUTPUTS_JSON and the exit code is the failed step's (0 when all passed).

Only the expressions the action needs are understood: `inputs.NAME`,
`steps.ID.outputs.NAME`, `github.NAME` (empty here) and `A || B`. Anything else,
and any `${{ }}` inside a `run` script (where an input would be pasted into the
script unquoted), is an error, so that the test notices.
"""
import json
import os
import platform
import re
import subprocess
import sys
import tempfile

from ruamel.yaml import YAML

EXPRESSION = re.compile(r"\$\{\{\s*(.*?)\s*\}\}")
RUNNER_ARCH = {"x86_64": "X64", "aarch64": "ARM64", "arm64": "ARM64"}


def evaluate(expression, inputs, steps):
    for operand in (part.strip() for part in expression.split("||")):
        parts = operand.split(".")
        if parts[0] == "inputs" and len(parts) == 2:
            value = inputs.get(parts[1], "")
        elif parts[0] == "steps" and len(parts) == 4 and parts[2] == "outputs":
            value = steps.get(parts[1], {}).get(parts[3], "")
        elif parts[0] == "github" and len(parts) == 2:
            value = ""
        else:
            sys.exit(f"run_action: unsupported expression: {expression}")
        if value:
            return value
    return ""


def substitute(text, inputs, steps):
    return EXPRESSION.sub(lambda match: evaluate(match.group(1), inputs, steps), str(text))


def read_outputs(path):
    outputs = {}
    with open(path, encoding="utf-8") as handle:
        for line in handle.read().splitlines():
            if "=" in line:
                name, value = line.split("=", 1)
                outputs[name] = value
            elif line:
                sys.exit(f"run_action: unsupported GITHUB_OUTPUT line: {line}")
    return outputs


def main():
    if len(sys.argv) < 4:
        sys.exit(__doc__)
    action_path, workspace, outputs_json = sys.argv[1:4]
    given = {}
    rest = sys.argv[4:]
    while rest:
        if rest[0] != "--input" or len(rest) < 2 or "=" not in rest[1]:
            sys.exit(__doc__)
        name, value = rest[1].split("=", 1)
        given[name] = value
        rest = rest[2:]

    with open(action_path, encoding="utf-8") as handle:
        action = YAML(typ="safe").load(handle)
    declared = action.get("inputs", {})
    for name in given:
        if name not in declared:
            sys.exit(f"run_action: the action has no input {name}")
    inputs = {}
    for name, spec in declared.items():
        if name in given:
            inputs[name] = given[name]
        elif spec.get("required"):
            sys.exit(f"run_action: the input {name} is required")
        else:
            inputs[name] = str(spec.get("default", ""))
    if action["runs"]["using"] != "composite":
        sys.exit("run_action: not a composite action")

    temp = os.environ.get("RUNNER_TEMP") or tempfile.mkdtemp(prefix="runner-temp-")
    os.makedirs(temp, exist_ok=True)
    paths = []
    steps = {}
    code = 0
    for index, step in enumerate(action["runs"]["steps"]):
        script = step.get("run")
        if script is None:
            sys.exit(f"run_action: step {index} is not a run step")
        if "${{" in script:
            sys.exit(f"run_action: step {index} pastes an expression into its script; pass it in env")
        if step.get("shell") != "bash":
            sys.exit(f"run_action: step {index} does not run in bash")
        output_file = os.path.join(temp, f"output-{index}")
        path_file = os.path.join(temp, f"path-{index}")
        open(output_file, "w").close()
        open(path_file, "w").close()
        env = dict(os.environ)
        env.update({name: substitute(value, inputs, steps) for name, value in (step.get("env") or {}).items()})
        env.update({
            "RUNNER_OS": "Linux",
            "RUNNER_ARCH": RUNNER_ARCH.get(platform.machine(), platform.machine()),
            "RUNNER_TEMP": temp,
            "GITHUB_WORKSPACE": workspace,
            "GITHUB_OUTPUT": output_file,
            "GITHUB_PATH": path_file,
            "PATH": os.pathsep.join(paths + [os.environ.get("PATH", "")]),
        })
        print(f"run_action: step {index}: {step.get('name', '')}", flush=True)
        # GitHub's bash: bash --noprofile --norc -eo pipefail {0}
        result = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", "-c", script],
                                cwd=workspace, env=env)
        if "id" in step:
            steps[step["id"]] = read_outputs(output_file)
        with open(path_file, encoding="utf-8") as handle:
            paths = [line for line in handle.read().splitlines() if line][::-1] + paths
        if result.returncode != 0:
            code = result.returncode
            break

    outputs = {name: substitute(spec.get("value", ""), inputs, steps)
               for name, spec in (action.get("outputs") or {}).items()}
    with open(outputs_json, "w", encoding="utf-8") as handle:
        json.dump(outputs, handle, indent=2, sort_keys=True)
    sys.exit(code)


if __name__ == "__main__":
    main()
