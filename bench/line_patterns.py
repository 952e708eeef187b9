#!/usr/bin/env python3
"""Filters pack patterns (stdin) for line-oriented baselines (rg, grep): `\\n` inside a
character class is dropped (a line has none), and patterns that need a newline elsewhere
(multi-line records) are left out, counted on stderr."""
import sys

kept = dropped = 0
for pattern in sys.stdin.read().splitlines():
    out, i, in_class, needs_newline = [], 0, False, False
    while i < len(pattern):
        c = pattern[i]
        if c == "\\" and i + 1 < len(pattern):
            pair = pattern[i:i + 2]
            if pair == "\\n":
                if in_class:
                    i += 2
                    continue
                needs_newline = True
            out.append(pair)
            i += 2
            continue
        if c == "[" and not in_class:
            in_class = True
        elif c == "]" and in_class and out and out[-1] not in ("[", "[^"):
            in_class = False
        out.append(c)
        i += 1
    if needs_newline:
        dropped += 1
        continue
    kept += 1
    print("".join(out).replace("[^]", "[^\\x00]"))
print(f"{kept} patterns kept, {dropped} multi-line patterns left out", file=sys.stderr)
