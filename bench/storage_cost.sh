#!/usr/bin/env bash
# What recording a run in the history costs next to the analysis itself, on a large generated
# input: `logdx analyze -v` reports both phases. Runs into a fresh database, then into one that
# already holds 100 runs of the corpus (indexes and the incident upserts have rows to find).
# usage: bench/storage_cost.sh [SIZE_MB] (default 100)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
size_mb="${1:-100}"
logdx="${LOGDX:-$root/build/logdx}"
data="$root/bench/out/mixed-$size_mb"
[ -d "$data" ] || python3 "$root/bench/gen_mixed_log.py" "$data" "$size_mb"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
db="$work/history.db"

timings() {  # prints "ANALYSIS STORE" seconds of one analyze run into $db
  "$logdx" analyze -v --no-user-rules -o json --db "$db" "$@" 2>&1 >/dev/null |
    sed -nE 's/.*analysis ([0-9.]+) s, storing the run ([0-9.]+) s.*/\1 \2/p'
}

report() {
  local label="$1"; shift
  local best_a="" best_s=""
  for _ in 1 2 3; do
    read -r a s < <(timings "$@")
    if [ -z "$best_a" ] || [ "$(echo "$a < $best_a" | bc -l)" = 1 ]; then best_a=$a; fi
    if [ -z "$best_s" ] || [ "$(echo "$s < $best_s" | bc -l)" = 1 ]; then best_s=$s; fi
  done
  printf "%-44s analysis %7.3f s   storing %7.4f s   %5.2f %%\n" "$label" "$best_a" "$best_s" \
    "$(echo "100 * $best_s / $best_a" | bc -l)"
}

echo "input: $data ($(du -sm "$data" | cut -f1) MB); best of 3 for each phase"
report "fresh history, ${size_mb} MB input" "$data"
for i in $(seq 100); do
  "$logdx" analyze --no-user-rules --db "$db" "$root"/corpus/cases/0$((i % 9 + 1))-*/input* \
    >/dev/null 2>&1 || true
done
report "history with 100+ runs, ${size_mb} MB input" "$data"
report "history with 100+ runs, one corpus case" "$root"/corpus/cases/01-*/input.log
