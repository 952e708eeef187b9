#!/usr/bin/env python3
"""Rewrites line patterns (stdin) for `grep -E`: (?:...) becomes (...), \\d becomes [0-9];
patterns that still use (?...) syntax (inline flags) are left out, counted on stderr."""
import sys

kept = dropped = 0
for pattern in sys.stdin.read().splitlines():
    out = pattern.replace("(?:", "(").replace("\\d", "[0-9]")
    if "(?" in out:
        dropped += 1
        continue
    kept += 1
    print(out)
print(f"{kept} patterns kept for grep -E, {dropped} with inline flags left out", file=sys.stderr)
