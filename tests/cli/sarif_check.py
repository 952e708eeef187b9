#!/usr/bin/env python3
"""`analyze -o sarif` validates against the official SARIF 2.1.0 schema and says what the JSON
output says: every result's rule is in tool.driver.rules at its ruleIndex, levels follow
severities, fingerprints and evidence locations match `-o json`, fixes are in properties.

Usage: sarif_check.py LOGDX SOURCE_DIR"""
import json
import subprocess
import sys
from pathlib import Path

import jsonschema

LEVEL = {"critical": "error", "error": "error", "warning": "warning", "info": "note"}
CASES = [
    ["corpus/cases/01-port-conflict-systemd-docker-proxy/input.log"],
    ["corpus/cases/02-port-conflict-3001-pm2-uptime-kuma/input-1.log",
     "corpus/cases/02-port-conflict-3001-pm2-uptime-kuma/input-2.log"],
    ["corpus/cases/08-oom-systemd-oomd-user-unit-gz/input.log.gz"],
    ["corpus/cases/20-none-healthy-normal-closes-jsonl/input.log"],
    ["corpus/cases/24-none-error-words-in-chat-invalid-utf8/input.log"],
]

failures = 0
passed = 0


def check(name, condition, detail=""):
    global failures, passed
    if condition:
        passed += 1
    else:
        failures += 1
        print(f"FAIL: {name} {detail}")


def flatten(diagnoses):
    for d in diagnoses:
        yield d
        yield from flatten(d["explains"])


def run(logdx, root, fmt, paths):
    done = subprocess.run([logdx, "analyze", "--no-db", "-o", fmt, *paths], cwd=root,
                          capture_output=True, check=False)
    if done.returncode not in (0, 1):
        raise SystemExit(f"logdx exited {done.returncode}: {done.stderr.decode()}")
    return json.loads(done.stdout)


def main():
    logdx, root = sys.argv[1], Path(sys.argv[2])
    schema = json.loads((root / "tests/schemas/sarif-schema-2.1.0.json").read_text())
    validator = jsonschema.Draft7Validator(schema, format_checker=jsonschema.FormatChecker())
    # The schema itself is a valid draft-7 schema, and it can fail: a result without message.
    jsonschema.Draft7Validator.check_schema(schema)
    broken = {"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "x"}},
                                            "results": [{"ruleId": "r", "level": "fatal"}]}]}
    check("schema rejects a result without message and with a bad level",
          len(list(validator.iter_errors(broken))) >= 2)
    for paths in CASES:
        sarif = run(logdx, root, "sarif", paths)
        analysis = run(logdx, root, "json", paths)
        errors = sorted(validator.iter_errors(sarif), key=lambda e: list(e.path))
        check(f"{paths[0]}: valid SARIF 2.1.0", not errors,
              "; ".join(f"{list(e.path)}: {e.message}" for e in errors[:5]))
        run_ = sarif["runs"][0]
        rules = run_["tool"]["driver"]["rules"]
        check(f"{paths[0]}: driver lists the pack", len(rules) > 50, str(len(rules)))
        diagnoses = list(flatten(analysis["diagnoses"]))
        results = run_["results"]
        check(f"{paths[0]}: one result per diagnosis", len(results) == len(diagnoses),
              f"{len(results)} != {len(diagnoses)}")
        by_fp = {d["incident"]["fingerprint"]: d for d in diagnoses}
        for r in results:
            d = by_fp.get(r["partialFingerprints"]["logdxFingerprint/v1"])
            check("result has the diagnosis fingerprint", d is not None)
            if d is None:
                continue
            check("ruleIndex points at ruleId", rules[r["ruleIndex"]]["id"] == r["ruleId"] == d["rule"])
            check("level from severity", r["level"] == LEVEL[d["severity"]], r["level"])
            check("message is the title", r["message"]["text"] == d["title"])
            locations = [(l["physicalLocation"]["artifactLocation"]["uri"],
                          l["physicalLocation"]["region"]["startLine"]) for l in r["locations"]]
            check("locations are the evidence lines",
                  locations == [(e["input"], e["line"]) for e in d["evidence"]], str(locations[:2]))
            check("fixes in properties", r["properties"]["fixes"] == d["fixes"])
    print(f"{passed} passed, {failures} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
