#!/usr/bin/env python3
"""Whole-paste damage: does a case's diagnosis survive when all of its input is pasted the way
people carry logs into issues, forums and chats?

usage: paste_damage.py LOGDX CASE_DIR_OR_PARENT... [--known-failures FILE] [--forms F,F]
                       [--jobs N] [-v]

The envelope ablation (ablation.py) pastes one evidence line at a time; this pastes the whole
input, so what ties lines together (continuations, a crash banner's blank line, a status block)
is put to the test too. Every text input of every case (compressed and journal files are left
out, and so is a case with any) is rewritten in one form, then analysed
(`logdx analyze -o json --no-db --no-user-rules`):

  quote     every line behind a Markdown quote marker "> " (an empty line becomes ">");
  fence     the input inside a ```log fence;
  indent    a Markdown indented code block: a line of prose, a blank line, then every line
            indented by four spaces (how older GitHub issues, forums and mail carry a log);
  trailing  three spaces after every line, empty ones included (editors and terminal copies).

A form passes when the root cause is the same as check_cases.py asks of the unmodified input
(diagnoses[0].cause == root_cause; for root_cause none, nothing at error or above). Cases in the
known-failures file (check_cases.py's) fail unmodified and are not tried. Prints the pass count
per form, then each failure with what came out instead. Exit 0 when every form passes on every
case, 1 otherwise, 2 on a usage or logdx error.
"""
import argparse
import concurrent.futures
import json
import os
import subprocess
import sys
import tempfile

from corpus_cases import case_dirs, case_name, inputs_of, loud, read_expected, read_known_failures

BINARY_SUFFIXES = (".gz", ".zst", ".journal", ".xz", ".bz2")


def quote(text):
    return "\n".join("> " + line if line else ">" for line in text.split("\n"))


def fence(text):
    return "```log\n" + text.rstrip("\n") + "\n```\n"


def indent(text):
    body = "\n".join("    " + line if line else "" for line in text.split("\n"))
    return "This is what the log shows:\n\n" + body


def trailing(text):
    return "\n".join(line + "   " for line in text.split("\n"))


FORMS = {"quote": quote, "fence": fence, "indent": indent, "trailing": trailing}


def text_inputs(case_dir, expected):
    """(file name, text) of each input, or None when an input is not plain text."""
    out = []
    for path in inputs_of(case_dir, expected):
        if path.endswith(BINARY_SUFFIXES):
            return None
        with open(path, "rb") as f:
            data = f.read()
        if b"\0" in data:
            return None
        # CRLF inputs keep their line ends: the forms work on lines without the CR.
        out.append((os.path.basename(path), data.decode("utf-8", "surrogateescape")))
    return out


def verdict(logdx, expected, files):
    proc = subprocess.run([logdx, "analyze", "-o", "json", "--no-db", "--no-user-rules", *files],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=120)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"exit {proc.returncode}: {proc.stderr.decode(errors='replace')[:300]}")
    diagnoses = json.loads(proc.stdout).get("diagnoses", [])
    root = expected.get("root_cause")
    if root == "none":
        return not loud(diagnoses), ", ".join(f"{d['cause']} ({d['rule']})" for d in loud(diagnoses))
    got = diagnoses[0].get("cause") if diagnoses else "nothing"
    return got == root, f"{got} ({diagnoses[0].get('rule')})" if diagnoses else got


def try_form(logdx, case_dir, expected, inputs, form):
    with tempfile.TemporaryDirectory() as tmp:
        files = []
        for name, text in inputs:
            crlf = "\r\n" in text
            damaged = FORMS[form](text.replace("\r\n", "\n"))
            path = os.path.join(tmp, name)
            with open(path, "w", encoding="utf-8", errors="surrogateescape", newline="") as f:
                f.write(damaged.replace("\n", "\r\n") if crlf else damaged)
            files.append(path)
        ok, got = verdict(logdx, expected, files)
    return case_name(case_dir), form, ok, f"expected {expected.get('root_cause')}, got {got}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("logdx")
    parser.add_argument("paths", nargs="+")
    parser.add_argument("--known-failures")
    parser.add_argument("--forms", default=",".join(FORMS))
    parser.add_argument("--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("-v", "--verbose", action="store_true")
    args = parser.parse_args()
    forms = args.forms.split(",")
    if any(f not in FORMS for f in forms):
        print(f"unknown form in {args.forms}; forms: {', '.join(FORMS)}", file=sys.stderr)
        return 2
    known = read_known_failures(args.known_failures)
    jobs = []
    for case_dir in case_dirs(args.paths):
        expected = read_expected(case_dir)
        inputs = text_inputs(case_dir, expected)
        if case_name(case_dir) in known or not inputs:
            continue
        jobs.extend((case_dir, expected, inputs, form) for form in forms)
    results = []
    try:
        with concurrent.futures.ThreadPoolExecutor(max_workers=max(1, args.jobs)) as pool:
            results = list(pool.map(lambda j: try_form(args.logdx, *j), jobs))
    except (RuntimeError, json.JSONDecodeError, subprocess.TimeoutExpired) as e:
        print(f"logdx failed: {e}", file=sys.stderr)
        return 2
    failures = [r for r in results if not r[2]]
    for form in forms:
        tried = [r for r in results if r[1] == form]
        passed = sum(1 for r in tried if r[2])
        print(f"{form:9s} {passed}/{len(tried)} cases keep their root cause")
    for name, form, _, why in failures:
        print(f"FAIL {name} [{form}]: {why}")
    if args.verbose:
        for name, form, ok, why in results:
            if ok:
                print(f"ok   {name} [{form}]")
    print(f"{len(results) - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main())
