#!/usr/bin/env python3
"""Corpus runner: analyze each case's inputs and check the diagnosis its expected.yaml asks for.

usage: check_cases.py LOGDX CASE_DIR_OR_PARENT... [--known-failures FILE] [--root-only] [-v]

A case passes when:
  - root_cause none: no diagnosis at error or above (exit code 0);
  - otherwise diagnoses[0].cause == root_cause;
  - every secondary cause appears somewhere in the result (folded under the root or beside it);
  - every expected evidence line (or its evidence_plain form) is among the evidence texts
    (a multi-line evidence text counts when the expected line is one of its lines);
  - every fix_contains string occurs in one of the rendered fixes' texts (anywhere in the tree).
--root-only checks the first two points alone: the recall probes (corpus/probes/) are scored
that way, since their expected.yaml names the cause a reader of the whole thread would give,
not the lines or fix text logdx must show.
Cases listed in the known-failures file (one folder name per line, '#' comments) are reported
as XFAIL instead of failing; one that passes is reported as XPASS. Exit 0 when nothing failed
unexpectedly, 1 otherwise. Prints "N passed, M failed" last.
"""
import argparse
import json
import subprocess
import sys

from corpus_cases import (case_dirs, case_name, inputs_of, loud, read_expected,
                          read_known_failures, walk)


def check_case(logdx, case_dir, root_only=False):
    expected = read_expected(case_dir)
    proc = subprocess.run([logdx, "analyze", "-o", "json", "--no-db", "--no-user-rules",
                           *inputs_of(case_dir, expected)],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    problems = []
    if proc.returncode not in (0, 1):
        return [f"exit code {proc.returncode}: {proc.stderr.decode(errors='replace').strip()[:300]}"]
    try:
        result = json.loads(proc.stdout)
    except json.JSONDecodeError as e:
        return [f"output is not JSON: {e}"]
    diagnoses = result.get("diagnoses", [])
    every = list(walk(diagnoses))
    root = expected.get("root_cause")
    if root == "none":
        if loud(diagnoses):
            problems.append("expected nothing at error or above, got " +
                            ", ".join(f"{d['cause']} ({d['severity']}, {d['rule']})"
                                      for d in loud(diagnoses)))
        if proc.returncode != 0:
            problems.append(f"exit code {proc.returncode}, expected 0")
        return problems
    if not diagnoses:
        return [f"no diagnosis; expected {root}"]
    if diagnoses[0].get("cause") != root:
        problems.append(f"root cause {diagnoses[0].get('cause')} ({diagnoses[0].get('rule')}), "
                        f"expected {root}; found: " + ", ".join(d["cause"] for d in diagnoses))
    if root_only:
        return problems
    causes = {d.get("cause") for d in every}
    for secondary in expected.get("secondary_causes") or []:
        if secondary not in causes:
            problems.append(f"secondary cause {secondary} missing")
    texts = set()
    for d in every:
        for ev in d.get("evidence", []):
            text = ev.get("text", "")
            texts.add(text)
            texts.update(text.split("\n"))
    plain = expected.get("evidence_plain") or []
    for i, line in enumerate(expected.get("evidence") or []):
        alt = plain[i] if i < len(plain) else None
        if line not in texts and (alt is None or alt not in texts):
            problems.append(f"evidence line not shown: {line[:120]}")
    # `text` is every kind's text (a command, a config edit, a step); schema 1 had `command`
    commands = [fx.get("text", fx.get("command", "")) for d in every for fx in d.get("fixes", [])]
    for needle in expected.get("fix_contains") or []:
        if not any(str(needle) in c for c in commands):
            problems.append(f"no fix contains {needle!r}")
    return problems


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("logdx")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--known-failures")
    parser.add_argument("--root-only", action="store_true",
                        help="check the root cause alone (the recall probes' score)")
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    known = read_known_failures(args.known_failures)
    passed = failed = xfail = 0
    for case_dir in case_dirs(args.paths):
        name = case_name(case_dir)
        problems = check_case(args.logdx, case_dir, args.root_only)
        if not problems:
            passed += 1
            print(f"PASS  {name}" + ("  (XPASS: remove it from the known failures)" if name in known else ""))
        elif name in known:
            xfail += 1
            print(f"XFAIL {name}: {problems[0]}")
        else:
            failed += 1
            print(f"FAIL  {name}")
            for p in problems:
                print(f"      {p}")
    if xfail:
        print(f"({xfail} known failures)")
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
