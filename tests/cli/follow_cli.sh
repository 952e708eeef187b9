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
assert summary["schema"] == "logdx.analysis/2"
assert summary["diagnoses"][0]["cause"] == "port_conflict"
assert summary["inputs"][0]["lines"] == 70, summary["inputs"]
evidence = summary["diagnoses"][0]["evidence"]
assert any(e["line"] > 25 for e in evidence), evidence  # numbered on from the first pass
PY
check "every line is JSON; the last is the full analysis of all 70 lines" $?
check "the run is recorded" "$("$logdx" query --db "$work/history.db" "SELECT count(*) FROM runs" | grep -qx 1; echo $?)"

# --- stdin: diagnoses arrive while the pipe is still open; its end ends the run -------------------
mkfifo "$work/pipe"
"$logdx" analyze --no-db --no-user-rules --follow -o json <"$work/pipe" >"$work/stdin.out" 2>/dev/null &
pid=$!
exec 3>"$work/pipe"
sed -n 1,25p "$case01" >&3
wait_for '"change":"new".*"cause":"port_conflict"' "$work/stdin.out"
check "stdin: a diagnosis before the pipe closes" $?
sed -n 26,70p "$case01" >&3
exec 3>&-
wait "$pid"
check "stdin: the end of the pipe ends the run (exit 1)" "$([ $? = 1 ]; echo $?)"
check "stdin: the summary read all 70 lines" "$(tail -1 "$work/stdin.out" | grep -q '"path":"<stdin>","parser":"syslog-iso","lines":70'; echo $?)"

# --- the journal: a file added to the journal folder is read as it appears ------------------------
remote=/lib/systemd/systemd-journal-remote
if [ -x "$remote" ]; then
  mkdir "$work/journal"
  entry() {
    # A later entry needs a later monotonic time too: the journal orders a boot's entries by it.
    printf '__REALTIME_TIMESTAMP=%s\n__MONOTONIC_TIMESTAMP=%s\n_BOOT_ID=0123456789abcdef0123456789abcdef\n' \
      "$1" "${1:6:4}"
    printf '_HOSTNAME=gw\nSYSLOG_IDENTIFIER=node\n_PID=5\n_SYSTEMD_UNIT=openclaw-gateway.service\nMESSAGE=%s\n\n' "$2"
  }
  entry 1795514403000000 "gateway starting" >"$work/a.export"
  "$remote" -o "$work/journal/a.journal" "$work/a.export" 2>/dev/null
  "$logdx" analyze --no-db --no-user-rules --follow -o json --journal-dir "$work/journal" \
    >"$work/journal.out" 2>"$work/journal.err" &
  pid=$!
  wait_for "following 1 input" "$work/journal.err"
  entry 1795514404000000 "Error: listen EADDRINUSE: address already in use 127.0.0.1:18789" >"$work/b.export"
  "$remote" -o "$work/journal/b.journal" "$work/b.export" 2>/dev/null
  wait_for '"change":"new".*"cause":"port_conflict"' "$work/journal.out"
  check "journal: a new entry is read as it is written" $?
  kill -TERM "$pid"; wait "$pid"
  check "journal: SIGTERM ends it with the summary" "$(tail -1 "$work/journal.out" | grep -q '"path":"journal"'; echo $?)"
fi

# --- the text summary covers what arrived while following ----------------------------------------
# The first pass reads 5 lines (08:19:57 .. 08:20:03); 65 more arrive while following. The
# closing "Read ..." line spans all 70 (.. 08:21:26); with --until the followed lines after
# the bound are left out of it, as a first pass would leave them out.
follow_text() {  # follow_text NAME ARGS...: lines 1-5, then 6-70 while following; sets summary
  sed -n 1,5p "$case01" >"$work/$1.log"
  "$logdx" analyze --no-db --no-user-rules --follow "${@:2}" "$work/$1.log" \
    >"$work/$1.out" 2>"$work/$1.err" &
  pid=$!
  wait_for "following 1 input" "$work/$1.err"
  sed -n 6,70p "$case01" >>"$work/$1.log"
  wait_for '^\[new\] critical port_conflict' "$work/$1.out"
  kill -INT "$pid"; wait "$pid"
  summary="$(grep '^Read ' "$work/$1.out")"
}
follow_text grow
check "text follow: the summary counts all 70 lines" "$(grep -q '70 lines' <<<"$summary"; echo $?)"
check "text follow: its span reaches the last line read while following (got: $summary)" \
  "$(grep -q '2026-03-05T08:19:57Z \.\. 2026-03-05T08:21:26Z' <<<"$summary"; echo $?)"
follow_text until --until 2026-03-05T08:20:30Z
check "text follow: --until applies to the followed lines (got: $summary)" \
  "$(grep -q '2026-03-05T08:19:57Z \.\. 2026-03-05T08:20:25.153Z' <<<"$summary"; echo $?)"

# A recognised line with nothing wrong in it (plain prose would be "Nothing recognised").
printf '2026-11-24T10:00:00.000Z [gateway] listening on ws://127.0.0.1:18789 (PID 4242)\n' >"$work/quiet.log"
"$logdx" analyze --no-db --follow "$work/quiet.log" >"$work/out2" 2>"$work/err2" &
pid=$!
wait_for "following 1 input" "$work/err2"
kill -TERM "$pid"; wait "$pid"
check "SIGTERM on a quiet log: exit 0, 'No problem found'" "$([ $? = 0 ] && grep -q 'No problem found' "$work/out2"; echo $?)"

# A UTF-16 file (Windows PowerShell's `>`) is read once, like a compressed one: its offsets are
# in the decoded text, so following it would re-read half of it undecoded. The plain file beside
# it is followed; the UTF-16 file's diagnosis is in the final analysis.
{ printf '\xff\xfe'; sed -n 1,25p "$case01" | iconv -f utf-8 -t utf-16le; } >"$work/ps.log"
"$logdx" analyze --no-db --follow -o json "$work/ps.log" "$work/quiet.log" >"$work/out3" 2>"$work/err3" &
pid=$!
wait_for "following 1 input" "$work/err3"
check "a UTF-16 file is not followed, the plain one is" $?
kill -INT "$pid"; wait "$pid"
check "a UTF-16 file's diagnosis is in the final analysis" "$(tail -1 "$work/out3" | python3 -c '
import json, sys
d = json.load(sys.stdin)["diagnoses"]
sys.exit(0 if d and d[0]["cause"] == "port_conflict" else 1)'; echo $?)"

finish
