#!/usr/bin/env python3
"""make_seeds.py TARGET OUT_DIR REPO LOGDX: writes the seed corpus of one fuzz target into
OUT_DIR, cut from the repository's own files at run time (corpus/, rules/), so nothing large is
checked in twice. Seeds are small (a few KB): libFuzzer mutates short inputs far faster."""
import glob
import gzip
import json
import os
import re
import subprocess
import sys

CHUNK = 4096
HOSTILE = ["$(rm -rf ~)", "`id`", "it's", 'a"b', "a; reboot", "line\nbreak", "-rf", "--force",
           "", " spaced ", "\\", "$HOME", "*", "{port}", "18789", "/home/oc/.openclaw"]


def log_inputs(repo):
    pats = ["corpus/formats/*.log", "corpus/cases/*/input*", "corpus/real/*/*.log",
            "corpus/pastes/*"]
    return sorted(p for pat in pats for p in glob.glob(os.path.join(repo, pat)))


def head(path, size=CHUNK):
    with open(path, "rb") as f:
        data = f.read(size)
    cut = data.rfind(b"\n")
    return data[: cut + 1] if cut > 0 else data


def parser_names(logdx):
    """The registry's order, as `parse --parser` lists it when the name is unknown."""
    err = subprocess.run([logdx, "parse", "--parser", "?", "/dev/null"], capture_output=True,
                         text=True).stderr
    return err.split("known parsers:", 1)[1].split()


def detected(logdx, paths):
    out = subprocess.run([logdx, "detect", "-o", "json", *paths], capture_output=True,
                         text=True).stdout
    return {json.loads(line)["input"]: json.loads(line)["parser"] for line in out.splitlines()}


def seeds(target, repo, logdx):
    inputs = log_inputs(repo)
    if target == "envelope":
        names = parser_names(logdx)
        formats = sorted(glob.glob(os.path.join(repo, "corpus/formats/*.log")))
        for path, parser in detected(logdx, formats).items():
            if parser in names:
                yield bytes([names.index(parser)]) + head(path)
    elif target in ("detect", "analyze"):
        for path in inputs:
            yield head(path, CHUNK * (2 if target == "analyze" else 1))
        if target == "analyze":
            yield gzip.compress(head(inputs[0]))
    elif target == "peeler":
        for path in inputs:
            yield from head(path, 1024).splitlines()[:3]
    elif target == "rules":
        for path in sorted(glob.glob(os.path.join(repo, "rules/*.yaml")) +
                           glob.glob(os.path.join(repo, "tests/cli/rules/*.yaml"))):
            yield open(path, "rb").read()
    elif target == "fix_render":
        commands = set()
        for path in glob.glob(os.path.join(repo, "rules/*.yaml")):
            commands.update(re.findall(r'command: "(.*)"', open(path).read()))
        for i, command in enumerate(sorted(commands)):
            yield command.encode() + b"\xff" + HOSTILE[i % len(HOSTILE)].encode()
    else:
        sys.exit(f"unknown target {target}")


def main():
    target, out, repo, logdx = sys.argv[1:5]
    os.makedirs(out, exist_ok=True)
    n = 0
    for n, seed in enumerate(seeds(target, repo, logdx), 1):
        if seed:
            with open(os.path.join(out, f"seed-{n:04d}"), "wb") as f:
                f.write(seed)
    print(f"{target}: {n} seeds", file=sys.stderr)


if __name__ == "__main__":
    main()
