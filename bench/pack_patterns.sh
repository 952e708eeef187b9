#!/usr/bin/env bash
# Prints the built-in pack's scanned patterns (message/raw field), macros expanded, one per
# line: the same patterns logdx's scan uses, for the rg / grep baselines. Named groups become
# plain groups, since rg and grep join the patterns into one regex (names would clash).
set -euo pipefail
logdx="${1:-build/logdx}"
"$logdx" rules list -o json | python3 -c 'import json,sys; print("\n".join(r["id"] for r in json.load(sys.stdin) if r["enabled"]))' |
while read -r id; do
  "$logdx" rules show "$id" | awk '
    /^  #[0-9]+ .* in (message|raw) at / { want = 1; last = ""; next }
    /^  #[0-9]+ / { if (want && last != "") print last; want = 0; last = ""; next }
    want && /^     written:  / { last = substr($0, 16) }
    want && /^     expanded: / { last = substr($0, 16) }
    END { if (want && last != "") print last }'
done | sed -E 's/\(\?P<[A-Za-z_][A-Za-z0-9_]*>/(?:/g' | sort -u
