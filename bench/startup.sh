#!/usr/bin/env bash
# Start-up cost (issue 13: one line end to end <= 30 ms with --no-db, <= 60 ms with the
# history, <= 150 ms on an empty cache): whole processes, median of RUNS (default 20) by
# bench/startup_time.py, for `--version`, a one-line analyze without the history, with it
# (a fresh history file, then warm), and with an empty prefilter cache before each run (a
# user's first run). Columns: wall ms, CPU ms (user + sys) and minor page faults. The machine
# is shared: wall time moves with its load, CPU time less, page faults hardly at all, and on a
# VM a fresh page costs tens of microseconds, so the faults are most of what start-up costs.
# /bin/true is the floor of a process here. Given two binaries, each case runs for both in
# turn, in 4 rounds of RUNS/4 runs each (the median of the rounds' medians is shown), so a
# before/after pair sees the same load even when it changes during the run.
# usage: bench/startup.sh [--runs N] [LOGDX [OTHER_LOGDX]]
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
runs=20
if [ "${1:-}" = "--runs" ]; then
  runs="$2"
  shift 2
fi
binaries=("${@:-${LOGDX:-$root/build/logdx}}")
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
one="$work/one-line.log"
echo "2026-11-20T10:00:00.000+00:00 Error: listen EADDRINUSE: address already in use 127.0.0.1:18789" >"$one"
st=("$root/bench/startup_time.py" --runs "$runs" --faults)

row() {  # label binary "WALL CPU FAULTS"
  # shellcheck disable=SC2086  # $3 is the three columns
  printf "%-34s %-28s %8s %8s %8s\n" "$1" "$2" $3
}

printf "%-34s %-28s %8s %8s %8s\n" "median, $runs runs" "binary" "wall-ms" "cpu-ms" "faults"
row "/bin/true (a process)" "-" "$("${st[@]}" -- /bin/true)"
rounds=4
per_round=$(( (runs + rounds - 1) / rounds ))
# One round of one case for one binary: "WALL CPU FAULTS", medians of per_round runs.
measure() {  # case binary index
  local cache="$work/cache-$1-$3" state="$work/state-$1-$3"
  local st=("$root/bench/startup_time.py" --runs "$per_round" --faults)
  case $1 in
    version) XDG_CACHE_HOME="$cache" "${st[@]}" -- "$2" --version ;;
    no-db) XDG_CACHE_HOME="$cache" "${st[@]}" -- "$2" analyze --no-db --no-user-rules "$one" ;;
    history)
      # The first run creates the history file; the measured runs find it (warm).
      [ -d "$state" ] || XDG_CACHE_HOME="$cache" XDG_STATE_HOME="$state" "$2" analyze \
        --no-user-rules "$one" >/dev/null 2>&1 || true
      XDG_CACHE_HOME="$cache" XDG_STATE_HOME="$state" "${st[@]}" -- \
        "$2" analyze --no-user-rules "$one" ;;
    empty-cache)
      XDG_CACHE_HOME="$cache" "${st[@]}" --before "rm -rf '$cache'" -- \
        "$2" analyze --no-db --no-user-rules "$one" ;;
  esac
}
median_rows() {  # lines of "WALL CPU FAULTS" -> the median of each column
  python3 -c 'import statistics, sys
rows = [list(map(float, l.split())) for l in sys.stdin if l.strip()]
cols = [statistics.median(c) for c in zip(*rows)]
print(" ".join(f"{v:.1f}" for v in cols[:2]), f"{cols[2]:.0f}")'
}
for case in version no-db history empty-cache; do
  declare -A samples=()
  for _ in $(seq "$rounds"); do
    for i in "${!binaries[@]}"; do
      samples[$i]+="$(measure "$case" "${binaries[$i]}" "$i")"$'\n'
    done
  done
  for i in "${!binaries[@]}"; do
    bin="${binaries[$i]}"
    name="$(basename "$(dirname "$(dirname "$bin")")")/$(basename "$(dirname "$bin")")"
    row "$case" "$name" "$(printf "%s" "${samples[$i]}" | median_rows)"
  done
  unset samples
done
if command -v perf >/dev/null 2>&1; then
  echo
  echo "perf stat, one-line analyze --no-db, $runs runs:"
  for bin in "${binaries[@]}"; do
    XDG_CACHE_HOME="$work/cache-perf" perf stat -r "$runs" -e task-clock,page-faults \
      "$bin" analyze --no-db --no-user-rules "$one" 2>&1 >/dev/null |
      grep -E "task-clock|page-faults" | sed "s|^|  $(basename "$(dirname "$(dirname "$bin")")") |" || true
  done
fi
