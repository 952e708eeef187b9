#!/usr/bin/env bash
# `logdx analyze` on a generated mixed log set next to `cat`, `rg -c` and `grep -cP` with the
# pack's own patterns, on the same bytes in the same run; MB/s and ratios. Numbers only.
# usage: bench/analyze_throughput.sh [SIZE_MB] (default 200)
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
size_mb="${1:-200}"
logdx="${LOGDX:-$root/build/logdx}"
data="$root/bench/out/mixed-$size_mb"
[ -d "$data" ] || python3 "$root/bench/gen_mixed_log.py" "$data" "$size_mb"
patterns="$root/bench/out/pack-patterns.txt"
"$root/bench/pack_patterns.sh" "$logdx" | python3 "$root/bench/line_patterns.py" >"$patterns"
combined="$(paste -sd'|' "$patterns")"
bytes=$(cat "$data"/* | wc -c)
mb=$(echo "$bytes / 1048576" | bc -l)
cat "$data"/* >/dev/null

best_of_3() {
  local best=""
  for _ in 1 2 3; do
    local start end t
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    t=$(echo "$end - $start" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
  done
  echo "$best"
}

t_cat=$(best_of_3 sh -c "cat '$data'/*")
t_rg=$(best_of_3 rg -c -j1 -f "$patterns" "$data")
t_grep=$(best_of_3 grep -cP "$combined" -r "$data")
t_an=$(best_of_3 "$logdx" analyze --no-db --no-user-rules -o json "$data")
echo "input: $data, $(printf %.0f "$mb") MB in $(ls "$data" | wc -l) files; $(wc -l <"$patterns") patterns from the pack"
printf "%-34s %8s %10s %14s\n" "command" "seconds" "MB/s" "time vs logdx"
for row in "cat:$t_cat" "rg -c -j1 (pack patterns):$t_rg" "grep -cP (pack patterns):$t_grep" "logdx analyze -o json:$t_an"; do
  name="${row%%:*}"; t="${row##*:}"
  printf "%-34s %8.3f %10.1f %13.2fx\n" "$name" "$t" "$(echo "$mb / $t" | bc -l)" "$(echo "$t / $t_an" | bc -l)"
done
/usr/bin/time -f "logdx analyze peak RSS: %M KB" "$logdx" analyze --no-db --no-user-rules -o json "$data" >/dev/null
