#!/usr/bin/env bash
# Measures `logdx parse` throughput on a generated mixed log set next to `cat` and `wc -l`
# on the same bytes, in the same run, and prints MB/s and ratios. Not a test: numbers only.
# usage: bench/parse_throughput.sh [SIZE_MB] (default 200)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
size_mb="${1:-200}"
logdx="${LOGDX:-$root/build/logdx}"
data="$root/bench/out/mixed-$size_mb"
[ -d "$data" ] || python3 "$root/bench/gen_mixed_log.py" "$data" "$size_mb"
bytes=$(cat "$data"/* | wc -c)
cat "$data"/* >/dev/null  # warm the page cache

time_of() {  # seconds (wall) for a command, best of 3
  local best=""
  for _ in 1 2 3; do
    local start end
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s.%N)
    local t
    t=$(echo "$end - $start" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
  done
  echo "$best"
}

t_cat=$(time_of sh -c "cat '$data'/*")
t_wc=$(time_of sh -c "cat '$data'/* | wc -l")
t_parse=$(time_of "$logdx" parse "$data")
t_detect=$(time_of "$logdx" detect "$data")
mb=$(echo "$bytes / 1048576" | bc -l)
printf "input: %s, %.0f MB in %d files\n" "$data" "$mb" "$(ls "$data" | wc -l)"
printf "%-28s %8s %10s %12s\n" "command" "seconds" "MB/s" "vs logdx parse"
for row in "cat:$t_cat" "wc -l:$t_wc" "logdx detect (reads all):$t_detect" "logdx parse:$t_parse"; do
  name="${row%%:*}"; t="${row##*:}"
  printf "%-28s %8.3f %10.1f %11.2fx\n" "$name" "$t" "$(echo "$mb / $t" | bc -l)" "$(echo "$t_parse / $t" | bc -l)"
done
for f in "$data"/*; do
  t=$(time_of "$logdx" parse "$f")
  fmb=$(echo "$(stat -c %s "$f") / 1048576" | bc -l)
  printf "  %-26s %8.3f s %8.1f MB/s\n" "$(basename "$f")" "$t" "$(echo "$fmb / $t" | bc -l)"
done
