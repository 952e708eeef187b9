#!/usr/bin/env python3
"""The prefilter changes speed, never results: every corpus case (and a few generated inputs
made to trip a line-based prefilter) is analysed with and without it, and with -j1 and -j2
when the binary has -j (for cases of more than one input: -j splits work by input), and the
JSON must be byte-identical.

usage: prefilter_identity.py LOGDX [--no-generated] [CORPUS_DIR...]
With no CORPUS_DIR only the generated inputs run (cheap enough for the sanitizer build, where
each process costs ~4x); --no-generated leaves them out (they have a CTest test of their own).
Exit 0 when every run agreed, 1 otherwise (the first differing bytes are printed).
"""
import os
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpus_cases import case_dirs, inputs_of, read_expected  # noqa: E402


def run(logdx, args):
    proc = subprocess.run([logdx, "analyze", "-o", "json", "--no-db", "--no-user-rules", *args],
                          stdout=subprocess.PIPE, stderr=subprocess.PIPE, timeout=300)
    return proc.returncode, proc.stdout, proc.stderr


def has_jobs(logdx):
    out = subprocess.run([logdx, "analyze", "--help"], stdout=subprocess.PIPE, text=True).stdout
    return "--jobs" in out


def tricky_inputs(folder):
    """Inputs where raw bytes and the parsed message differ, or records span lines."""
    files = {
        # JSON escapes: the message has '"' and a newline the raw line spells as \" and \n.
        "escaped.jsonl": "".join(
            '{"time":"2026-11-20T10:00:%02dZ","level":"error","msg":"Error: listen \\u0045ADDRINUSE:'
            ' address already in use 127.0.0.1:18789\\nat Server.listen"}\n' % i for i in range(5)),
        # ANSI colour codes inside the words a rule looks for; CRLF line ends.
        "ansi.log": "".join(
            "2026-11-20T10:00:%02d.000+00:00 \x1b[31mFATAL\x1b[0m ERROR: Reached heap limit "
            "Allocation failed - JavaScript heap out\x1b[0m of memory\r\n" % i for i in range(3)),
        # A Node crash report: the error is on a continuation line of a multi-line record.
        "crash.log": "2026-11-20T10:00:00.000+00:00 [gateway] starting\n"
                     "node:internal/errors:484\n    ErrorCaptureStackTrace(err);\n    ^\n\n"
                     "Error: listen EADDRINUSE: address already in use :::18789\n"
                     "    at Server.setupListenHandle [as _listen2] (node:net:1817:16)\n"
                     "Node.js v22.11.0\n",
        # Untimed hits after timed lines (time carried forward), and an over-long line.
        "untimed.log": "Nov 20 10:00:00 vm systemd[1]: Started openclaw-gateway.service.\n"
                       "Error: Cannot find module '/opt/openclaw/dist/index.js'\n"
                       + "x" * 5000 + " EADDRINUSE " + "y" * 100 + "\n"
                       "Error: listen EADDRINUSE: address already in use 127.0.0.1:18789\n",
    }
    paths = []
    for name, text in files.items():
        path = os.path.join(folder, name)
        with open(path, "w", encoding="utf-8", newline="") as f:
            f.write(text)
        paths.append(path)
    return paths


def first_difference(a, b):
    for i, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return i
    return min(len(a), len(b))


def compare(logdx, label, args, variants):
    base = run(logdx, args)
    bad = 0
    for extra in variants:
        other = run(logdx, args + extra)
        if other[0] != base[0] or other[1] != base[1]:
            i = first_difference(base[1], other[1])
            print(f"FAIL {label} {' '.join(extra)}: exit {base[0]} vs {other[0]}, first "
                  f"difference at byte {i}:\n  default: {base[1][max(0, i - 80):i + 80]!r}\n"
                  f"  {' '.join(extra)}: {other[1][max(0, i - 80):i + 80]!r}")
            bad += 1
    return bad


def main():
    logdx, roots = sys.argv[1], sys.argv[2:]
    generated = "--no-generated" not in roots
    roots = [r for r in roots if r != "--no-generated"]
    variants = [["--no-prefilter"]]
    if has_jobs(logdx):
        variants += [["-j", "1"], ["-j", "2"], ["--no-prefilter", "-j", "2"]]
    failed = checked = 0
    for case in case_dirs(roots):
        inputs = inputs_of(case, read_expected(case))
        # -j reads inputs in parallel: one input is read by one thread whatever -j says, so a
        # one-input case runs the prefilter variant alone (a third of the processes).
        failed += compare(logdx, os.path.basename(case), inputs,
                          variants if len(inputs) > 1 else variants[:1])
        checked += 1
    if not generated:
        print(f"{checked - failed} agreed, {failed} differed ({len(variants)} variants each)")
        return 1 if failed else 0
    with tempfile.TemporaryDirectory() as folder:
        tricky = tricky_inputs(folder)
        for path in tricky:
            failed += compare(logdx, os.path.basename(path), [path], variants)
            failed += compare(logdx, os.path.basename(path) + " (short lines)",
                              ["--max-line-bytes", "256", path], variants)
        failed += compare(logdx, "all generated inputs", tricky, variants)
        checked += len(tricky) * 2 + 1
    print(f"{checked - failed} agreed, {failed} differed ({len(variants)} variants each)")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
