#!/usr/bin/env python3
"""Variant count: does every cause's rule tests cover its wording from several versions or tools?

usage: variant_sources.py LOGDX RULES_DIR [--causes FILE] [--exceptions FILE] [--min N] [-v]
                          [--write-exceptions]

Why: a pack written from one version's sample lines misses the same failure worded by another
version of openclaw, pm2, node, systemd, the kernel or a proxy (issue 12). The pack's embedded
tests are where each wording variant is pinned, and a `tests.match` entry may name who prints
that wording: `source: "tool version, how"` (docs/rules.md). This check loads the pack in
RULES_DIR (`logdx rules list -o json --no-builtin-rules --rules RULES_DIR` for the enabled rules
and their causes, the YAML files themselves for the tests) and counts, per cause, the distinct
sources among the match tests of that cause's rules. Two sources count as one when they name the
same "tool version" (the text before the first comma, case and spacing ignored), so the same
capture described twice is not two variants.

It prints one row per cause of the cause vocabulary (docs/causes.md) and per other cause the pack
uses. Exit 1 when a cause that has rules has fewer than --min (default 3) distinct sources and is
not listed in the exceptions file (`cause<TAB>why` per line, '#' comments; default
tests/corpus/variant_exceptions.txt next to this script); a listed cause that has reached the
minimum is reported as XPASS (remove it). Exit 2 on a usage or rule-loading error.
--write-exceptions rewrites the exceptions file from this run: every cause below the minimum,
keeping the existing why, `TODO why` for a new one; causes that reached it are dropped.
"""
import argparse
import json
import os
import re
import subprocess
import sys

import yaml

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpus_cases import read_tab_list  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))


def vocabulary(path):
    """The cause ids of the causes table (first column in backquotes), in order."""
    causes = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            m = re.match(r"\|\s*`([a-z0-9_]+)`\s*\|", line)
            if m and m.group(1) not in causes and m.group(1) != "none":
                causes.append(m.group(1))
    return causes


def enabled_rules(logdx, rules_dir):
    proc = subprocess.run([logdx, "rules", "list", "-o", "json", "--no-builtin-rules",
                           "--no-user-rules", "--rules", rules_dir],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    if proc.returncode != 0:
        raise RuntimeError(f"logdx rules list exit {proc.returncode}: "
                           + proc.stderr.decode(errors="replace").strip()[:500])
    return {r["id"]: r["cause"] for r in json.loads(proc.stdout) if r.get("enabled", True)}


def match_tests(rules_dir):
    """{rule id: [match test entries]} from every YAML file under RULES_DIR."""
    tests = {}
    for root, _, names in sorted(os.walk(rules_dir)):
        for name in sorted(names):
            if not name.endswith((".yaml", ".yml")):
                continue
            with open(os.path.join(root, name), encoding="utf-8") as f:
                doc = yaml.safe_load(f) or {}
            for rule in doc.get("rules") or []:
                if isinstance(rule, dict) and rule.get("id"):
                    entries = ((rule.get("tests") or {}).get("match")) or []
                    tests.setdefault(rule["id"], []).extend(entries)
    return tests


def source_key(source):
    """"node 20.18 net.js, captured" -> "node 20.18 net.js": the tool and version part."""
    return " ".join(source.split(",", 1)[0].lower().split())


def tally(rules, tests):
    """{cause: {"rules": n, "tests": n, "sources": {key: first spelling}, "unversioned": [..]}}"""
    per_cause = {}
    for rule_id, cause in rules.items():
        row = per_cause.setdefault(cause, {"rules": 0, "tests": 0, "sources": {},
                                           "unversioned": []})
        row["rules"] += 1
        for entry in tests.get(rule_id, []):
            row["tests"] += 1
            source = entry.get("source") if isinstance(entry, dict) else None
            if not isinstance(source, str) or not source.strip():
                continue
            row["sources"].setdefault(source_key(source), source.strip())
            if not re.search(r"\d", source):
                row["unversioned"].append(f"{rule_id}: {source.strip()}")
    return per_cause


def read_exceptions(path):
    return {cause: why for cause, why in read_tab_list(path, 2)}


def write_exceptions(path, per_cause, exceptions, minimum):
    lines = [
        "# Causes whose rules' match tests name fewer distinct sources (tool version) than",
        "# tests/corpus/variant_sources.py asks for. One `cause<TAB>why` per line. Regenerate with",
        "# variant_sources.py LOGDX rules --write-exceptions (existing whys are kept).",
    ]
    below = sorted(c for c, row in per_cause.items() if len(row["sources"]) < minimum)
    by_why = {}
    for cause in below:
        by_why.setdefault(exceptions.get(cause, "TODO why"), []).append(cause)
    for why in sorted(by_why, key=lambda w: (w == "TODO why", w)):
        lines.append("")
        lines.extend(f"{cause}\t{why}" for cause in by_why[why])
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return len(below)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("logdx")
    parser.add_argument("rules_dir")
    parser.add_argument("--causes", default=os.path.join(REPO, "docs", "causes.md"))
    parser.add_argument("--exceptions", default=os.path.join(HERE, "variant_exceptions.txt"))
    parser.add_argument("--min", type=int, default=3, help="distinct sources a cause needs")
    parser.add_argument("--write-exceptions", action="store_true",
                        help="rewrite the exceptions file from this run")
    parser.add_argument("-v", "--verbose", action="store_true", help="list each cause's sources")
    args = parser.parse_args()
    try:
        causes = vocabulary(args.causes)
        rules = enabled_rules(args.logdx, args.rules_dir)
        per_cause = tally(rules, match_tests(args.rules_dir))
        exceptions = read_exceptions(args.exceptions)
    except (OSError, RuntimeError, ValueError, yaml.YAMLError, json.JSONDecodeError) as e:
        print(f"variant_sources: {e}", file=sys.stderr)
        return 2

    if args.write_exceptions:
        n = write_exceptions(args.exceptions, per_cause, exceptions, args.min)
        print(f"wrote {n} causes to {args.exceptions}")
        return 0
    order = causes + sorted(c for c in per_cause if c not in causes)
    print(f"{'cause':<30}{'rules':>6}{'tests':>7}{'sources':>9}  status")
    failed = xpass = 0
    for cause in order:
        row = per_cause.get(cause)
        extra = "" if cause in causes else "  (not in causes.md)"
        if row is None:
            print(f"{cause:<30}{0:>6}{0:>7}{0:>9}  no rules{extra}")
            continue
        n = len(row["sources"])
        if n >= args.min:
            status = "ok"
            if cause in exceptions:
                status = "XPASS: remove it from the exceptions"
                xpass += 1
        elif cause in exceptions:
            status = f"excepted: {exceptions[cause]}"
        else:
            status = f"FAIL: fewer than {args.min} distinct sources"
            failed += 1
        print(f"{cause:<30}{row['rules']:>6}{row['tests']:>7}{n:>9}  {status}{extra}")
        if args.verbose:
            for spelling in row["sources"].values():
                print(f"{'':<32}- {spelling}")
    unversioned = [u for row in per_cause.values() for u in row["unversioned"]]
    for u in unversioned:
        print(f"note: a source without a version number: {u}")
    print(f"{len(per_cause)} causes with rules: {failed} below {args.min} sources and not "
          f"excepted, {xpass} XPASS")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
