#!/usr/bin/env bash
# The performance benchmark (issue 6): a deterministic mixed log (bench/gen_mixed_log.py) at
# 100 MB, and 1 GB with --1g; `cat`, `wc -l`, `rg -c` and `grep -cP` with the pack's own line
# patterns next to `logdx analyze --no-db` (-j1, -j2, and -j1 --no-prefilter) on the same
# bytes in the same run; the rule-scaling run (pack vs pack + 10x variant rules); peak RSS;
# a one-line input end to end (one_line_rows, median of 20); then the same mixed log with 1 % and 10 % failure lines (memory
# must stay flat) and a plain-text log (no envelope any parser knows: the per-line fallback);
# a fleet: the same log as four hosts' folders, against the same bytes naming one host.
# Ends with one table from this run: MB/s, x rg, % of cat, peak RSS, one-line ms.
# Each time is the best of RUNS (default 3): the machine is shared, so MB/s is given on CPU time
# (user + sys) beside wall time. --size MB sets the size of the default input (100).
# usage: bench/perf.sh [--1g] [--runs N] [--size MB]
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
    --size) sizes=("$2"); shift ;;
    *) echo "usage: $0 [--1g] [--runs N] [--size MB]" >&2; exit 2 ;;
  esac
  shift
done
mkdir -p "$out"
patterns="$out/pack-patterns.txt"
"$root/bench/pack_patterns.sh" "$logdx" | python3 "$root/bench/line_patterns.py" >"$patterns"
# grep -P takes one pattern, and PCRE2 refuses one over its compiled size limit ("regular
# expression is too large"; the pack's ~250 line patterns passed it at about 300 rules): the
# patterns are joined into as few alternations as PCRE2 compiles, and grep runs once per
# alternation. The row says how many passes that took.
grep_parts=1
while :; do
  rm -f "$out"/grep-part-*
  split -n "l/$grep_parts" -d "$patterns" "$out/grep-part-"
  fits=1
  for part in "$out"/grep-part-*; do
    paste -sd'|' "$part" >"$part.alt"
    status=0
    grep -cP -f "$part.alt" /dev/null >/dev/null 2>&1 || status=$?
    if [ "$status" -ge 2 ]; then fits=0; break; fi
  done
  [ "$fits" = 1 ] && break
  grep_parts=$((grep_parts * 2))
done
# Runs grep -cP over FILES once per alternation: grep_all FILES...
grep_all() {
  for part in "$out"/grep-part-*.alt; do grep -cP -f "$part" "$@" || [ $? -eq 1 ]; done
}
export -f grep_all
export out
python3 "$root/bench/variant_rules.py" 10 <"$patterns" >"$out/variants-10x.yaml"
printf 'logdx_rules: 1\nrules:\n  - id: never\n    cause: bench\n    match:\n      regex: "zq-never-zq"\n' \
  >"$out/never.yaml"
analyze=("$logdx" analyze --no-db --no-user-rules -o json)

# Prints "WALL CPU": the best wall time and the best CPU time (user + sys) of $runs runs of
# "$@", in seconds. On a shared machine the CPU time is the steadier of the two. Output goes
# to a file, not /dev/null: GNU grep stops at the first match when it sees /dev/null.
# A run that fails (exit 2 or more) stops the benchmark: its time would mean nothing.
best_of() {
  local best="" best_cpu="" times output
  times=$(mktemp)
  output=$(mktemp)
  for _ in $(seq "$runs"); do
    /usr/bin/time -f "%e %U %S %x" -o "$times" "$@" >"$output" 2>&1 || true
    read -r wall user sys status < <(tail -1 "$times")
    if [ "$status" -ge 2 ]; then
      echo "failed (exit $status): $*" >&2
      head -3 "$output" >&2
      exit 1
    fi
    local cpu
    cpu=$(echo "$user + $sys" | bc -l)
    if [ -z "$best" ] || [ "$(echo "$wall < $best" | bc -l)" = 1 ]; then best=$wall; fi
    if [ -z "$best_cpu" ] || [ "$(echo "$cpu < $best_cpu" | bc -l)" = 1 ]; then best_cpu=$cpu; fi
  done
  rm -f "$times" "$output"
  echo "$best $best_cpu"
}
wall() { echo "${1% *}"; }
cpu() { echo "${1#* }"; }
nz() { [ "$(echo "$1 < 0.01" | bc -l)" = 1 ] && echo 0.01 || echo "$1"; }  # /usr/bin/time has 10 ms steps

row() {  # name "WALL CPU" megabytes "WALL CPU" of the reference
  local w c rw
  w=$(nz "$(wall "$2")"); c=$(nz "$(cpu "$2")"); rw=$(wall "$4")
  printf "%-36s %7.2f %8.1f %7.2f %8.1f %9.2f\n" "$1" "$w" "$(echo "$3 / $w" | bc -l)" "$c" \
    "$(echo "$3 / $c" | bc -l)" "$(echo "$rw / $w" | bc -l)"
}

peak_kb() { /usr/bin/time -f "%M" "$@" 2>&1 >/dev/null | tail -1; }

# The start-up cost ("1-line ms"): one line of input end to end, median of 20 whole
# processes (bench/startup_time.py), wall and CPU (user + sys) in ms: without the history
# (--no-db), with it (a fresh history file, then warm), and with an empty prefilter cache
# before each run (a user's first run; the pack's database is built into the binary).
one_line_rows() {
  local one="$out/one-line.log" cache="$out/cache" state="$out/state" t
  echo "2026-11-20T10:00:00.000+00:00 Error: listen EADDRINUSE: address already in use 127.0.0.1:18789" >"$one"
  local st=("$root/bench/startup_time.py" --runs 20)
  echo
  printf "%-44s %9s %9s\n" "1-line input end to end (median of 20)" "wall-ms" "cpu-ms"
  t=$(XDG_CACHE_HOME="$cache" "${st[@]}" -- "${analyze[@]}" "$one")
  printf "%-44s %9s %9s\n" "1-line ms: analyze --no-db" ${t}
  rm -rf "$state"
  t=$(XDG_CACHE_HOME="$cache" XDG_STATE_HOME="$state" "${st[@]}" -- \
        "$logdx" analyze --no-user-rules -o json "$one")
  printf "%-44s %9s %9s\n" "1-line ms: analyze (history, warm)" ${t}
  t=$(XDG_CACHE_HOME="$cache" "${st[@]}" --before "rm -rf '$cache'" -- "${analyze[@]}" "$one")
  printf "%-44s %9s %9s\n" "1-line ms: analyze --no-db, empty cache" ${t}
  t=$(XDG_CACHE_HOME="$cache" "${st[@]}" -- "${analyze[@]}" --no-prefilter "$one")
  printf "%-44s %9s %9s\n" "1-line ms: analyze --no-db --no-prefilter" ${t}
}

summary=()  # rows of the closing table: "input|MB/s wall|MB/s cpu|x rg|% of cat|RSS MB"
# Adds a summary row for logdx -j1 on one input set: its times next to cat's and rg's.
summarize() {  # label megabytes "WALL CPU" of logdx, of cat, of rg; peak KB
  local w c
  w=$(nz "$(wall "$3")"); c=$(nz "$(cpu "$3")")
  summary+=("$1|$(printf %.1f "$(echo "$2 / $w" | bc -l)")|$(printf %.1f "$(echo "$2 / $c" | bc -l)")|$(printf %.2f "$(echo "$(nz "$(wall "$5")") / $w" | bc -l)")|$(printf %.1f "$(echo "100 * $(nz "$(wall "$4")") / $w" | bc -l)")|$(( $6 / 1024 ))")
}

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
  printf "%-36s %7s %8s %7s %8s %9s\n" command wall-s MB/s cpu-s MB/cpu-s "x logdx-j2"
  t_j2=$(best_of "${analyze[@]}" -j2 "$data")
  t_j1=$(best_of "${analyze[@]}" -j1 "$data")
  t_nopf=$(best_of "${analyze[@]}" -j1 --no-prefilter "$data")
  t_cat=$(best_of cat "${files[@]}")
  t_wc=$(best_of wc -l "${files[@]}")
  t_rg=$(best_of rg -c -j1 -f "$patterns" "$data")
  t_grep=$(best_of bash -c 'grep_all "$@"' grep_all "${files[@]}")
  row "cat" "$t_cat" "$mb" "$t_j2"
  row "wc -l" "$t_wc" "$mb" "$t_j2"
  row "rg -c -j1 (pack patterns)" "$t_rg" "$mb" "$t_j2"
  row "grep -cP (pack patterns, $grep_parts pass$([ "$grep_parts" = 1 ] || echo es))" "$t_grep" "$mb" "$t_j2"
  row "logdx analyze -j1 --no-prefilter" "$t_nopf" "$mb" "$t_j2"
  row "logdx analyze -j1" "$t_j1" "$mb" "$t_j2"
  row "logdx analyze -j2" "$t_j2" "$mb" "$t_j2"
  echo "targets (wall): -j2 >= 3x rg: $(printf %.2f "$(echo "$(wall "$t_rg") / $(wall "$t_j2")" | bc -l)")x;" \
       ">= 20% of cat: $(printf %.1f "$(echo "100 * $(nz "$(wall "$t_cat")") / $(wall "$t_j2")" | bc -l)")%"
  t_parse=$(best_of "${analyze[@]}" -j1 --no-builtin-rules --rules "$out/never.yaml" "$data")
  echo "where the time goes (-j1 CPU): parsing alone (a pack of one rule that never hits)" \
       "$(cpu "$t_parse") s of $(cpu "$t_j1") s; the rest is scanning, matching, correlating"
  t_var=$(best_of "${analyze[@]}" -j1 --rules "$out/variants-10x.yaml" "$data")
  echo "rule scaling (-j1, CPU): pack $(cpu "$t_j1") s; pack + 10x variants" \
       "$(cpu "$t_var") s = $(printf %.2f "$(echo "$(cpu "$t_var") / $(cpu "$t_j1")" | bc -l)")x the time"
  rss_j1=$(peak_kb "${analyze[@]}" -j1 "$data" || true)  # exit 1 means findings
  echo "peak RSS: -j1 $rss_j1 KB, -j2" \
       "$(peak_kb "${analyze[@]}" -j2 "$data") KB, stdin -j1" \
       "$(cat "${files[@]}" | /usr/bin/time -f %M "${analyze[@]}" -j1 - 2>&1 >/dev/null | tail -1) KB"
  summarize "mixed $size MB, 0.05 % failing, -j1" "$mb" "$t_j1" "$t_cat" "$t_rg" "$rss_j1"
  summarize "mixed $size MB, 0.05 % failing, -j2" "$mb" "$t_j2" "$t_cat" "$t_rg" \
    "$(peak_kb "${analyze[@]}" -j2 "$data")"
done

# Memory at any density, and the plain-text path: the first size only (-j1, one core).
size="${sizes[0]}"
for variant in "density 0.01" "density 0.1" "plain"; do
  case "$variant" in
    plain) data="$out/plain-$size"; label="plain text $size MB, 0.05 % failing"
           gen=(--plain) ;;
    *) pct=$(echo "${variant#density } * 100" | bc -l | sed 's/\.0*$//; s/^\./0./')
       data="$out/mixed-$size-d${variant#density }"; label="mixed $size MB, $pct % failing"
       gen=(--density "${variant#density }") ;;
  esac
  [ -d "$data" ] || python3 "$root/bench/gen_mixed_log.py" "$data" "$size" "${gen[@]}"
  files=("$data"/*)
  mb=$(echo "$(cat "${files[@]}" | wc -c) / 1048576" | bc -l)
  cat "${files[@]}" >/dev/null
  t_cat=$(best_of cat "${files[@]}")
  t_rg=$(best_of rg -c -j1 -f "$patterns" "$data")
  t_j1=$(best_of "${analyze[@]}" -j1 "$data")
  summarize "$label, -j1" "$mb" "$t_j1" "$t_cat" "$t_rg" "$(peak_kb "${analyze[@]}" -j1 "$data")"
done

# A fleet (issue 15): the mixed log as four hosts' folders of a central tree (the lines that
# name a host name their folder's, as a central rsyslog writes them; the others, such as nginx's
# and pm2's, take the folder's name as their host), next to the same bytes as one host (one
# host folder holding the four parts, every named host the same): the cost of per-host
# fingerprints, groups and the per-host summary, same run, same bytes.
fleet_tree() {  # fleet_tree DIR hosts|one
  local dir="$1" n folder host
  for n in 1 2 3 4; do
    if [ "$2" = hosts ]; then folder="gw-$n"; host="gw-$n"; else folder="gw-1/part-$n"; host=gw-1; fi
    python3 "$root/bench/gen_mixed_log.py" "$dir/$folder" $(( size / 4 ))
    sed -i -E "s/(\"hostname\":\"| )vm([\" ])/\1$host\2/g" "$dir/$folder"/*
  done
}
fleet="$out/fleet-$size"
one_host="$out/fleet-$size-one-host-folder"
[ -d "$fleet" ] || fleet_tree "$fleet" hosts
[ -d "$one_host" ] || fleet_tree "$one_host" one
fleet_files=("$fleet"/*/*)
mb=$(echo "$(cat "${fleet_files[@]}" | wc -c) / 1048576" | bc -l)
cat "${fleet_files[@]}" "$one_host"/*/*/* >/dev/null
t_cat=$(best_of cat "${fleet_files[@]}")
t_rg=$(best_of rg -c -j1 -f "$patterns" "$fleet")
t_fleet=$(best_of "${analyze[@]}" -j1 "$fleet")
t_one=$(best_of "${analyze[@]}" -j1 "$one_host")
echo
echo "fleet: 4 hosts' folders, $(printf %.0f "$mb") MB, -j1 CPU: $(cpu "$t_fleet") s; the same" \
     "bytes naming one host: $(cpu "$t_one") s; per-host overhead" \
     "$(printf %.1f "$(echo "100 * ($(cpu "$t_fleet") - $(cpu "$t_one")) / $(nz "$(cpu "$t_one")")" | bc -l)")%"
summarize "fleet $size MB, 4 hosts' folders, -j1" "$mb" "$t_fleet" "$t_cat" "$t_rg" \
  "$(peak_kb "${analyze[@]}" -j1 "$fleet")"
summarize "fleet $size MB, one host, -j1" "$mb" "$t_one" "$t_cat" "$t_rg" \
  "$(peak_kb "${analyze[@]}" -j1 "$one_host")"

echo
echo "summary (this run; MB/s of logdx analyze --no-db; x rg and % of cat on wall time, same bytes)"
printf "%-40s %9s %10s %7s %9s %8s\n" input MB/s MB/cpu-s "x rg" "% of cat" "RSS MB"
for line in "${summary[@]}"; do
  IFS='|' read -r label mbs mbc xrg pcat rss <<<"$line"
  printf "%-40s %9s %10s %7s %9s %8s\n" "$label" "$mbs" "$mbc" "$xrg" "$pcat" "$rss"
done
one_line_rows
