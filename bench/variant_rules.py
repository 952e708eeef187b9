#!/usr/bin/env python3
"""Writes a rule file with COPIES variants of every pack pattern (stdin, one per line): each
variant is the pattern followed by a distinct literal, so it is a real rule the scan must
carry but one the generated logs never complete. For the rule-scaling run of bench/perf.sh.
usage: variant_rules.py COPIES < patterns > variants.yaml"""
import sys

copies = int(sys.argv[1])
patterns = [p for p in sys.stdin.read().splitlines() if p]
print("logdx_rules: 1\nrules:")
for i, pattern in enumerate(patterns):
    for k in range(copies):
        regex = f"{pattern} variant-{i}-{k}".replace("'", "''")
        print(f"  - id: bench-variant-{i}-{k}\n    cause: bench_variant\n"
              f"    match:\n      regex: '{regex}'")
