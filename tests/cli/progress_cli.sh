#!/usr/bin/env bash
# The progress bar: drawn on a terminal (a pty from `script`), never into a pipe or with
# --no-progress or --quiet, and gone from the screen when the result is printed.
set -uo pipefail
logdx="$(realpath "$1")"
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
source "$root/tests/cli/lib.sh"
for _ in $(seq 300); do cat "$root/corpus/cases/01-port-conflict-systemd-docker-proxy/input.log"; done \
  >"$work/big.log"
export LOGDX_PROGRESS_DELAY_MS=0

script -q -e -c "$logdx analyze --no-db -j1 $work/big.log >$work/tty.out" /dev/null >"$work/tty.err"
check "on a terminal: a bar with the share and the size" \
  "$(grep -aqE '\[[#.]+\] +[0-9]+%  [0-9]+ MB of [0-9]+ MB' "$work/tty.err"; echo $?)"
check "on a terminal: the line is cleared at the end" "$(tail -c 8 "$work/tty.err" | grep -aq $'\r\x1b\[K'; echo $?)"
check "the result is untouched by it" "$(grep -q '^Root cause:' "$work/tty.out"; echo $?)"

script -q -e -c "$logdx analyze --no-db --no-progress -j1 $work/big.log >$work/np.out" /dev/null >"$work/np.err"
check "--no-progress: no bar" "$(! grep -aq 'MB of' "$work/np.err"; echo $?)"
check "--no-progress: the report still printed" "$(grep -q '^Root cause:' "$work/np.out"; echo $?)"
script -q -e -c "$logdx analyze --no-db -q -j1 $work/big.log >$work/quiet.out" /dev/null >"$work/quiet.err"
check "--quiet: no bar" "$(! grep -aq 'MB of' "$work/quiet.err"; echo $?)"
check "--quiet: no report" "$([ ! -s "$work/quiet.out" ]; echo $?)"
"$logdx" analyze --no-db -j1 "$work/big.log" >/dev/null 2>"$work/pipe.err"
check "stderr a pipe: no bar" "$(! grep -aq 'MB of' "$work/pipe.err"; echo $?)"
# -v prints its timings whatever the input: one case, not the 2.7 MB built for the bar.
"$logdx" analyze -v --db "$work/h.db" "$root/corpus/cases/01-port-conflict-systemd-docker-proxy/input.log" \
  >/dev/null 2>"$work/v.err"
check "-v: one line of per-phase timings" \
  "$(grep -qE '^logdx: timings: rules [0-9.]+ s, prefilter database [0-9.]+ s, reading and matching [0-9.]+ s, correlation [0-9.]+ s, redaction [0-9.]+ s, storing the run [0-9.]+ s; analysis' "$work/v.err"; echo $?)"
finish
