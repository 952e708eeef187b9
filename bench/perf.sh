#!/usr/bin/env bash
# The performance benchmark (issue 6): a deterministic mixed log (bench/gen_mixed_log.py) at
# 100 MB, and 1 GB with --1g; `cat`, `wc -l`, `rg -c` and `grep -cP` with the pack's own line
# patterns next to `logdx analyze --no-db` (-j1, -j2, and -j1 --no-prefilter) on the same
# bytes in the same run; the rule-scaling run (pack vs pack + 10x variant rules); peak RSS;
# a one-line input end to end. Each time is the best of RUNS (default 3): the machine is shared.
# usage: bench/perf.sh [--1g] [--runs N]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
logdx="${LOGDX:-$root/build/logdx}"
out="$root/bench/out"
sizes=(100)
runs=3
while [ $# -gt 0 ]; do
  case "$1" in
    --1g) sizes+=(1024) ;;
    --runs) runs="$2"; shift ;;
    *) echo "usage: $0 [--1g] [--runs N]" >&2; exit 2 ;;
  esac
  shift
done
mkdir -p "$out"
patterns="$out/pack-patterns.txt"
"$root/bench/pack_patterns.sh" "$logdx" | python3 "$root/bench/line_patterns.py" >"$patterns"
combined="$(paste -sd'|' "$patterns")"  # grep -P takes one pattern
python3 "$root/bench/variant_rules.py" 10 <"$patterns" >"$out/variants-10x.yaml"
analyze=("$logdx" analyze --no-db --no-user-rules -o json)

best_of() {  # prints the best wall time of $runs runs of "$@", in seconds
  local best=""
  for _ in $(seq "$runs"); do
    local start end t
    start=$(date +%s.%N)
    "$@" >/dev/null 2>&1 || true
    end=$(date +%s.%N)
    t=$(echo "$end - $start" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$t < $best" | bc -l)" = 1 ]; then best=$t; fi
  done
  echo "$best"
}

row() {  # name seconds megabytes reference_seconds
  printf "%-40s %8.3f %9.1f %10.2f\n" "$1" "$2" "$(echo "$3 / $2" | bc -l)" "$(echo "$4 / $2" | bc -l)"
}

peak_kb() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1; }

echo "logdx $("$logdx" --version 2>/dev/null | head -1); $(nproc) cores; best of $runs runs"
echo "$(wc -l <"$patterns") pack line patterns for rg and grep -P (RE2 syntax is PCRE-like;" \
     "POSIX -E reads [^\\]] and \\d differently, so grep -E would not search the same thing)"
for size in "${sizes[@]}"; do
  data="$out/mixed-$size"
  [ -d "$data" ] || python3 "$root/bench/gen_mixed_log.py" "$data" "$size"
  files=("$data"/*)
  mb=$(echo "$(cat "${files[@]}" | wc -c) / 1048576" | bc -l)
  cat "${files[@]}" >/dev/null  # warm the page cache
  echo
  echo "== $(printf %.0f "$mb") MB in ${#files[@]} files ($data)"
  printf "%-40s %8s %9s %10s\n" command seconds MB/s "x logdx-j2"
  t_j2=$(best_of "${analyze[@]}" -j2 "$data")
  t_j1=$(best_of "${analyze[@]}" -j1 "$data")
  t_nopf=$(best_of "${analyze[@]}" -j1 --no-prefilter "$data")
  t_cat=$(best_of cat "${files[@]}")
  t_wc=$(best_of wc -l "${files[@]}")
  t_rg=$(best_of rg -c -j1 -f "$patterns" "$data")
  t_grep=$(best_of grep -cP "$combined" "${files[@]}")
  row "cat" "$t_cat" "$mb" "$t_j2"
  row "wc -l" "$t_wc" "$mb" "$t_j2"
  row "rg -c -j1 (pack patterns)" "$t_rg" "$mb" "$t_j2"
  row "grep -cP (pack patterns)" "$t_grep" "$mb" "$t_j2"
  row "logdx analyze -j1 --no-prefilter" "$t_nopf" "$mb" "$t_j2"
  row "logdx analyze -j1" "$t_j1" "$mb" "$t_j2"
  row "logdx analyze -j2" "$t_j2" "$mb" "$t_j2"
  echo "targets: -j2 >= 3x rg: $(printf %.2f "$(echo "$t_rg / $t_j2" | bc -l)")x;" \
       ">= 20% of cat: $(printf %.1f "$(echo "100 * $t_cat / $t_j2" | bc -l)")%"
  t_var=$(best_of "${analyze[@]}" -j1 --rules "$out/variants-10x.yaml" "$data")
  echo "rule scaling (-j1): pack $(printf %.3f "$t_j1") s; pack + 10x variants" \
       "$(printf %.3f "$t_var") s = $(printf %.2f "$(echo "$t_var / $t_j1" | bc -l)")x the time"
  echo "peak RSS: -j1 $(peak_kb "${analyze[@]}" -j1 "$data") KB, -j2" \
       "$(peak_kb "${analyze[@]}" -j2 "$data") KB, stdin -j1" \
       "$(cat "${files[@]}" | /usr/bin/time -f %M "${analyze[@]}" -j1 - 2>&1 >/dev/null | tail -1) KB"
done

one="$out/one-line.log"
echo "2026-11-20T10:00:00.000+00:00 Error: listen EADDRINUSE: address already in use 127.0.0.1:18789" >"$one"
cache="$out/cache"
cold_run() { rm -rf "$cache"; XDG_CACHE_HOME="$cache" "${analyze[@]}" "$one"; }
warm_run() { XDG_CACHE_HOME="$cache" "${analyze[@]}" "$one"; }
t_cold=$(best_of cold_run)
warm_run >/dev/null 2>&1 || true
t_warm=$(best_of warm_run)
t_nopf=$(best_of "${analyze[@]}" --no-prefilter "$one")
echo
echo "one-line input end to end: cold database cache $(printf %.3f "$t_cold") s, warm" \
     "$(printf %.3f "$t_warm") s (--no-prefilter $(printf %.3f "$t_nopf") s)"
