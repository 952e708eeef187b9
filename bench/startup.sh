#!/usr/bin/env bash
# Start-up cost (issue 13: one line end to end <= 30 ms with --no-db, <= 60 ms with the
# history, <= 150 ms on an empty cache): whole processes, median of RUNS (default 20) by
# bench/startup_time.py, for `--version`, a one-line analyze without the history, with it
# (a fresh history file, then warm), and with an empty prefilter cache before each run (a
# user's first run). Columns: wall ms, CPU ms (user + sys) and minor page faults. The machine
# is shared: wall time moves with its load, CPU time less, page faults hardly at all, and on a
# VM a fresh page costs tens of microseconds, so the faults are most of what start-up costs.
# /bin/true is the floor of a process here. Given two binaries, each case runs for both back
# to back, so a before/after pair sees the same load.
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
  printf "%-34s %-28s %8s %8s %8s\n" "$1" "$2" $3
}

printf "%-34s %-28s %8s %8s %8s\n" "median of $runs runs" "binary" "wall-ms" "cpu-ms" "faults"
row "/bin/true (a process)" "-" "$("${st[@]}" -- /bin/true)"
for case in version no-db history empty-cache; do
  for bin in "${binaries[@]}"; do
    name="$(basename "$(dirname "$(dirname "$bin")")")/$(basename "$(dirname "$bin")")"
    cache="$work/cache-$case" state="$work/state-$case"
    rm -rf "$cache" "$state"
    case $case in
      version) t=$(XDG_CACHE_HOME="$cache" "${st[@]}" -- "$bin" --version) ;;
      no-db) t=$(XDG_CACHE_HOME="$cache" "${st[@]}" -- "$bin" analyze --no-db --no-user-rules "$one") ;;
      history)
        # The first run creates the history file; the measured runs find it (warm).
        XDG_CACHE_HOME="$cache" XDG_STATE_HOME="$state" "$bin" analyze --no-user-rules "$one" \
          >/dev/null 2>&1 || true
        t=$(XDG_CACHE_HOME="$cache" XDG_STATE_HOME="$state" "${st[@]}" -- \
              "$bin" analyze --no-user-rules "$one") ;;
      empty-cache)
        t=$(XDG_CACHE_HOME="$cache" "${st[@]}" --before "rm -rf '$cache'" -- \
              "$bin" analyze --no-db --no-user-rules "$one") ;;
    esac
    row "$case" "$name" "$t"
  done
done
if command -v perf >/dev/null 2>&1; then
  echo
  echo "perf stat, one-line analyze --no-db, $runs runs:"
  for bin in "${binaries[@]}"; do
    XDG_CACHE_HOME="$work/cache-no-db" perf stat -r "$runs" -e task-clock,page-faults \
      "$bin" analyze --no-db --no-user-rules "$one" 2>&1 >/dev/null |
      grep -E "task-clock|page-faults" | sed "s|^|  $(basename "$(dirname "$(dirname "$bin")")") |" || true
  done
fi
