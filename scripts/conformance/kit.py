"""The conformance kit: checks a back end at BASE_URL against docs/openapi.yaml.

    python kit.py BASE_URL [--token TOKEN] [--header 'Name: value'] [--max-examples N]

1. schemathesis with docs/openapi.yaml and the checks of hooks.py: generated requests to every
   operation; every answer a documented status, of its documented type and schema, no 5xx, errors
   as problem+json, `limit` and `year` rules, `next` links on the API's origin.
2. A walk through the account as the app reads it (walk.py): the figures of a year agree between
   entitlements, attendance and the ledger, every training's employer is one of /v1/me, the paging
   ends and stays on the API, filters and single trainings agree with the list.
3. A summary: one line per failure (which check, which endpoint, what was wrong); exit 1 on any.

Run it through scripts/conformance.sh, which installs the tools first."""
import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
import xml.etree.ElementTree as ET

import requests

import walk
from contract import ROOT, SPEC_PATH

HERE = os.path.dirname(os.path.abspath(__file__))
# schemathesis's own checks, then ours (hooks.py)
CHECKS = [
    "not_a_server_error",
    "status_code_conformance",
    "content_type_conformance",
    "response_headers_conformance",
    "response_schema_conformance",
    "required_year_is_400",
    "limit_range",
    "next_link_on_api_origin",
    "problem_status_matches",
]


def parse_args(argv):
    p = argparse.ArgumentParser(prog="scripts/conformance.sh", description=__doc__.split("\n\n")[0])
    p.add_argument("base_url", metavar="BASE_URL", help="the API's base, such as http://127.0.0.1:8097/api")
    p.add_argument("--token", help="send Authorization: Bearer TOKEN on every request")
    p.add_argument("--header", action="append", default=[], metavar="'NAME: VALUE'",
                   help="an extra header on every request (may be repeated)")
    p.add_argument("--max-examples", type=int, default=int(os.environ.get("CONFORMANCE_MAX_EXAMPLES", "100")),
                   help="schemathesis: test cases per operation and phase (default 100)")
    args = p.parse_args(argv)
    if not re.match(r"https?://[^/]+", args.base_url):
        p.error(f"BASE_URL must be an http(s) URL, such as http://127.0.0.1:8097/api, not {args.base_url!r}")
    args.base_url = args.base_url.rstrip("/")
    headers = {}
    for h in args.header:
        name, sep, value = h.partition(":")
        if not sep or not name.strip():
            p.error(f"--header must be 'Name: value', not {h!r}")
        headers[name.strip()] = value.strip()
    if args.token:
        headers["Authorization"] = f"Bearer {args.token}"
    args.headers = headers
    return args


def run_schemathesis(args, junit, workdir):
    """Runs schemathesis in `workdir` (where it keeps its caches), its output on ours; returns its
    exit code."""
    cmd = [os.path.join(os.path.dirname(sys.executable), "schemathesis"),
           "--config-file", os.path.join(HERE, "schemathesis.toml"), "run", SPEC_PATH,
           "--url", args.base_url,
           "--checks", ",".join(CHECKS),
           "--phases", "examples,coverage,fuzzing",
           "--max-examples", str(args.max_examples),
           "--request-timeout", "15",
           "--generation-database", "none",
           "--report", "junit", "--report-junit-path", junit,
           "--no-color"]
    for name, value in args.headers.items():
        cmd += ["--header", f"{name}: {value}"]
    env = dict(os.environ, SCHEMATHESIS_HOOKS="hooks", CONFORMANCE_BASE_URL=args.base_url,
               PYTHONPATH=HERE + os.pathsep + os.environ.get("PYTHONPATH", ""))
    sys.stdout.flush()
    return subprocess.run(cmd, env=env, cwd=workdir).returncode


def failures_from_junit(path):
    """(check, endpoint, what) for every failure and error in schemathesis's JUnit report."""
    found = []
    try:
        suite = ET.parse(path).getroot()
    except (OSError, ET.ParseError) as e:
        return [("schemathesis", "-", f"no report from schemathesis ({e}); see its output above")]
    for case in suite.iter("testcase"):
        endpoint = case.get("name", "?")
        for node in list(case.iter("failure")) + list(case.iter("error")):
            text = node.text or node.get("message") or ""
            # one block per failing test case, each with its own `curl`
            for block in re.split(r"(?m)^(?=\d+\. Test Case ID)", text):
                if block.strip():
                    found += parse_failure_text(endpoint, block)
    return found


def parse_failure_text(endpoint, text):
    """The failures of one operation's report text: each `- STnnn Title` line with the messages
    under it (each with the schema location it is about, where there is one) and the request that
    shows it."""
    out, lines = [], text.splitlines()
    curl = next((line.strip() for line in lines if line.strip().startswith("curl ")), None)
    i = 0
    while i < len(lines):
        m = re.match(r"- (ST\d+ .*|.*[Ee]rror.*)$", lines[i])
        if not m:
            i += 1
            continue
        title = m.group(1)
        custom = re.search(r"Custom check failed: `(\w+)`", title)
        check = custom.group(1) if custom else re.sub(r" \(\d+ violations\)$", "", title)
        i += 1
        messages = []
        while i < len(lines) and not re.match(r"(- |\[\d+\]|Reproduce with|\d+\. Test Case ID)", lines[i]):
            line = lines[i]
            if re.match(r"    \S", line):
                s = line.strip()
                if s.startswith("Schema at ") and messages:
                    messages[-1] += f" (at {s[len('Schema at '):].rstrip(':')})"
                elif not (s.startswith("Validated against") or s == "Value:"):
                    messages.append(s)
            i += 1
        what = "; ".join(messages) or title
        if curl:
            what += f"; reproduce: {curl}"
        out.append((check, endpoint, what))
    if not out and text.strip():
        out.append(("schemathesis", endpoint, " ".join(text.split())[:400]))
    return out


def main(argv):
    args = parse_args(argv)
    started = time.monotonic()
    print(f"Conformance of {args.base_url} to docs/openapi.yaml"
          f"{' (with a bearer token)' if args.token else ''}\n")
    try:
        requests.get(args.base_url + "/v1/me", headers=args.headers, timeout=15)
    except requests.RequestException as e:
        print(f"FAIL cannot reach {args.base_url}/v1/me: {e}")
        return 2

    print("== 1. generated requests (schemathesis)", flush=True)
    with tempfile.TemporaryDirectory() as tmp:
        junit = os.path.join(tmp, "junit.xml")
        code = run_schemathesis(args, junit, tmp)
        failures = failures_from_junit(junit) if os.path.exists(junit) else []
    if code != 0 and not failures:
        failures.append(("schemathesis", "-", f"schemathesis exited {code} without a failure in its report; see above"))
    generated = len(failures)

    print("\n== 2. the account as the app reads it (walk.py)", flush=True)
    walker = walk.Walker(args.base_url, args.headers, bool(args.token))
    walker.run()
    for line in walker.log:
        print(line)
    failures += walker.failures

    elapsed = time.monotonic() - started
    print("\n" + "=" * 30 + " CONFORMANCE SUMMARY " + "=" * 30)
    print(f"back end: {args.base_url}; contract: docs/openapi.yaml; {elapsed:.0f} s")
    print(f"generated requests (schemathesis): {'passed' if generated == 0 else f'{generated} failure(s)'}; "
          f"walk: {walker.passed} checks passed, {len(walker.failures)} failed")
    for check, endpoint, what in failures:
        print(f"FAIL [{check}] {endpoint}: {what}")
    if failures:
        print(f"{len(failures)} failure(s): the back end does not conform yet")
        return 1
    print("0 failures: the back end conforms")
    return 0


if __name__ == "__main__":
    os.chdir(ROOT)
    sys.exit(main(sys.argv[1:]))
