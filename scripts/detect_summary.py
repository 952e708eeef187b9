#!/usr/bin/env python3
"""Prints `logdx detect -o json` lines (stdin) as a table: input, parser, events, lines."""
import json
import sys

for raw in sys.stdin:
    d = json.loads(raw)
    print("%-72s %-20s %5d events from %5d lines" % (d["input"][-72:], d["parser"], d["events"], d["lines"]))
