#!/usr/bin/env bash
# analyze --follow on a file that grows, is rotated and truncated while logdx reads it: new and
# changed diagnoses arrive as JSON lines, SIGINT ends with the full analysis and the usual exit
# code, and the run is recorded. Waits are bounded polls, not fixed sleeps.
set -uo pipefail
logdx="$(realpath "$1")"
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'kill "$pid" 2>/dev/null; rm -rf "$work"' EXIT
source "$root/tests/cli/lib.sh"
case01="$root/corpus/cases/01-port-conflict-systemd-docker-proxy/input.log"
log="$work/gateway.log"
pid=0

wait_for() {  # wait_for PATTERN FILE: up to 10 s
  for _ in $(seq 100); do grep -q "$1" "$2" 2>/dev/null && return 0; sleep 0.1; done
  return 1
}

sed -n 1,5p "$case01" >"$log"
"$logdx" analyze --db "$work/history.db" --no-user-rules --follow -o json "$log" \
  >"$work/out" 2>"$work/err" &
pid=$!
wait_for "following 1 input" "$work/err"
check "announces what it follows" $?
check "nothing found in the first 5 lines" "$([ ! -s "$work/out" ]; echo $?)"

sed -n 6,25p "$case01" >>"$log"   # the first EADDRINUSE round
wait_for '"change":"new".*"cause":"port_conflict"' "$work/out"
check "appended lines: the port conflict arrives as a new diagnosis" $?

mv "$log" "$log.1"                 # logrotate: rename, then a new file
sed -n 26,50p "$case01" >"$log"
wait_for '"change":"changed".*"cause":"port_conflict"' "$work/out"
check "after rotation: the new file is read, the conflict's count changes" $?

: >"$log"                          # copytruncate
sed -n 51,70p "$case01" >>"$log"
wait_for '"cause":"restart_loop_systemd"' "$work/out"
check "after truncation: read again from the start" $?

kill -INT "$pid"
wait "$pid"
code=$?
check "SIGINT: the analysis exit code (1: a critical finding)" "$([ "$code" = 1 ]; echo $?)"
python3 - "$work/out" <<'PY'
import json, sys
lines = [json.loads(l) for l in open(sys.argv[1])]
follow, summary = lines[:-1], lines[-1]
assert all(l["schema"] == "logdx.follow/1" and l["change"] in ("new", "changed") for l in follow)
assert summary["schema"] == "logdx.analysis/1"
assert summary["diagnoses"][0]["cause"] == "port_conflict"
assert summary["inputs"][0]["lines"] == 70, summary["inputs"]
evidence = summary["diagnoses"][0]["evidence"]
assert any(e["line"] > 25 for e in evidence), evidence  # numbered on from the first pass
PY
check "every line is JSON; the last is the full analysis of all 70 lines" $?
check "the run is recorded" "$("$logdx" query --db "$work/history.db" "SELECT count(*) FROM runs" | grep -qx 1; echo $?)"

printf 'plain words\n' >"$work/quiet.log"
"$logdx" analyze --no-db --follow "$work/quiet.log" >"$work/out2" 2>"$work/err2" &
pid=$!
wait_for "following 1 input" "$work/err2"
kill -TERM "$pid"; wait "$pid"
check "SIGTERM on a quiet log: exit 0, 'No problem found'" "$([ $? = 0 ] && grep -q 'No problem found' "$work/out2"; echo $?)"

finish
