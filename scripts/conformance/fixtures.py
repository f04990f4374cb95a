"""Checks the demo's fixtures, the JSON examples of docs/api-v1.md and public/config.json against
docs/openapi.yaml. Non-zero on any problem, or when a known deviation (below) is gone.

Run with the venv of scripts/python-tools.sh: .venv/bin/python scripts/conformance/fixtures.py"""
import glob
import json
import os
import re
import sys

from contract import ROOT, problems

# Fixtures that break the contract on purpose, to show how the app copes: persona c sends a status
# code the contract does not have (the app shows it as "other"), persona d is broken data. Back ends
# must not do this (codes are strict for them), so these are listed, and a new one fails the check.
KNOWN = {
    ("c/trainings.json", "[1].status"),
    ("d/me.json", "(the whole body)"),  # no `sources`
    ("d/me.json", "employers[0].sizeBand"),
}


def schema_of(name):
    if name == "me.json":
        return "Me", False
    if name == "carry-over.json":
        return "CarryOver", False
    if name == "trainings.json":
        return "Training", True
    m = re.fullmatch(r"(entitlements|attendance)-\d{4}\.json", name)
    if m:
        return m.group(1).capitalize(), False
    return None, False


def main():
    failures, seen_known, checked = [], set(), 0
    fixtures = os.path.join(ROOT, "demo", "fixtures")
    for path in sorted(glob.glob(os.path.join(fixtures, "*", "*.json"))):
        rel = os.path.relpath(path, fixtures)
        with open(path, encoding="utf-8") as f:
            value = json.load(f)
        if isinstance(value, dict) and any(k.startswith("$demo") for k in value):
            continue  # an error answer ($demoStatus) or a made-up history ($demoGenerate)
        schema, many = schema_of(os.path.basename(path))
        if schema is None:
            failures.append(f"{rel}: no schema for this file name")
            continue
        checked += 1
        for where, message in problems(schema, value, many):
            if (rel, where) in KNOWN:
                seen_known.add((rel, where))
            else:
                failures.append(f"demo/fixtures/{rel}: {where}: {message} (schema {schema})")

    with open(os.path.join(ROOT, "docs", "api-v1.md"), encoding="utf-8") as f:
        examples = [b.split("```")[0] for b in f.read().split("```json")[1:]]
    names = ["Me", "Entitlements", "Attendance", "CarryOver", "TrainingPage", "Config"]
    if len(examples) != len(names):
        failures.append(f"docs/api-v1.md: {len(examples)} JSON examples, expected {len(names)}")
    for i, (text, schema) in enumerate(zip(examples, names)):
        checked += 1
        for where, message in problems(schema, json.loads(text)):
            failures.append(f"docs/api-v1.md example {i + 1}: {where}: {message} (schema {schema})")

    with open(os.path.join(ROOT, "public", "config.json"), encoding="utf-8") as f:
        checked += 1
        for where, message in problems("Config", json.load(f)):
            failures.append(f"public/config.json: {where}: {message} (schema Config)")

    for rel, where in sorted(KNOWN - seen_known):
        failures.append(f"demo/fixtures/{rel}: {where}: the known deviation is gone: take it out of KNOWN in {__file__}")
    for line in failures:
        print("FAIL " + line)
    print(f"{checked} documents checked against docs/openapi.yaml, {len(seen_known)} known deviations, "
          f"{len(failures)} failures")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
