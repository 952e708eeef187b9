#!/usr/bin/env bash
# --journal: the systemd journal read through sd-journal. Journal files are made in the test by
# systemd-journal-remote from export streams, then read with --journal-file / --journal-dir
# and -u, and compared with what the export text gives.
set -uo pipefail
logdx="$(realpath "$1")"
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
source "$root/tests/cli/lib.sh"
scratch_home  # never the user\'s config, rules, history or caches
cd "$root"
remote=/lib/systemd/systemd-journal-remote
if [ ! -x "$remote" ]; then
  echo "systemd-journal-remote is missing (scripts/bootstrap installs it)"; exit 1
fi
to_journal() { "$remote" -o "$2" "$1" 2>/dev/null; }
events() { python3 -c '
import json, sys
for line in open(sys.argv[1]):
    e = json.loads(line)
    print(e.get("time"), e.get("host"), e.get("unit"), e.get("pid"), e.get("message"))' "$1"; }

# --- the format sample, as a journal file: the same events as its export text ---------------------
to_journal corpus/formats/journalctl-export.log "$work/sample.journal"
"$logdx" parse corpus/formats/journalctl-export.log >"$work/text.jsonl"
"$logdx" parse --journal-file "$work/sample.journal" >"$work/journal.jsonl"
check "journal file: as many events as the export text" \
  "$([ "$(wc -l <"$work/text.jsonl")" = "$(wc -l <"$work/journal.jsonl")" ] && [ -s "$work/text.jsonl" ]; echo $?)"
check "journal file: same times, hosts, units, pids, messages" \
  "$(diff <(events "$work/text.jsonl") <(events "$work/journal.jsonl") >/dev/null; echo $?)"
check "journal evidence is numbered by entry and reads like short-iso" \
  "$(head -1 "$work/journal.jsonl" | grep -q '"input":"journal","line":1,'; echo $?)"

# --- a port conflict under systemd, with an unrelated unit and a kernel line -----------------------
entry() {  # entry USEC FIELD=VALUE...
  local usec="$1"; shift
  printf '__REALTIME_TIMESTAMP=%s\n__MONOTONIC_TIMESTAMP=%s\n_BOOT_ID=0123456789abcdef0123456789abcdef\n_HOSTNAME=oc-gw-01\n' \
    "$usec" "$usec"
  printf '%s\n' "$@"
  printf '\n'
}
t=1795514403000000
{
  for i in 0 1 2; do
    s=$((t + i * 10000000))
    entry $s SYSLOG_IDENTIFIER=node _PID=$((2301 + i)) _SYSTEMD_UNIT=openclaw-gateway.service PRIORITY=3 _TRANSPORT=stdout \
      "MESSAGE=Error: listen EADDRINUSE: address already in use 127.0.0.1:18789"
    entry $((s + 1000000)) SYSLOG_IDENTIFIER=systemd _PID=1 _SYSTEMD_UNIT=init.scope UNIT=openclaw-gateway.service PRIORITY=4 \
      "MESSAGE=openclaw-gateway.service: Main process exited, code=exited, status=1/FAILURE"
    entry $((s + 5000000)) SYSLOG_IDENTIFIER=systemd _PID=1 _SYSTEMD_UNIT=init.scope UNIT=openclaw-gateway.service PRIORITY=6 \
      "MESSAGE=openclaw-gateway.service: Scheduled restart job, restart counter is at $((i + 1))."
  done
  entry $((t + 40000000)) SYSLOG_IDENTIFIER=nginx _PID=900 _SYSTEMD_UNIT=nginx.service PRIORITY=6 "MESSAGE=nginx: reloaded"
  entry $((t + 41000000)) SYSLOG_IDENTIFIER=kernel _TRANSPORT=kernel PRIORITY=3 \
    "MESSAGE=Out of memory: Killed process 4242 (postgres) total-vm:2048000kB, anon-rss:1024000kB"
} >"$work/gateway.export"
mkdir -p "$work/jdir"
to_journal "$work/gateway.export" "$work/jdir/system.journal"

"$logdx" parse --journal-dir "$work/jdir" >"$work/all.jsonl"
check "--journal-dir reads every entry (11)" "$([ "$(wc -l <"$work/all.jsonl")" = 11 ]; echo $?)"
"$logdx" parse --journal-dir "$work/jdir" -u openclaw-gateway >"$work/unit.jsonl"
check "-u: the unit, systemd about the unit, and the kernel; not nginx (10)" \
  "$([ "$(wc -l <"$work/unit.jsonl")" = 10 ] && ! grep -q nginx "$work/unit.jsonl"; echo $?)"
check "-u: kernel lines kept" "$(grep -q 'Out of memory' "$work/unit.jsonl"; echo $?)"
run analyze --no-db --no-user-rules --journal-dir "$work/jdir" -u openclaw-gateway.service
check "analyze --journal: the port conflict is the root cause" \
  "$([ "$code" = 1 ] && grep -q '^Root cause: .*18789' <<<"$out"; echo $?)"
check "analyze --journal: input named after the unit" \
  "$(grep -q 'journal:openclaw-gateway.service:1 ' <<<"$out"; echo $?)"
"$logdx" analyze --no-db --no-user-rules -o json --journal-dir "$work/jdir" >"$work/pre.json" 2>/dev/null
"$logdx" analyze --no-db --no-user-rules -o json --no-prefilter --journal-dir "$work/jdir" \
  >"$work/nopre.json" 2>/dev/null
check "journal: the prefilter changes nothing" "$(cmp -s "$work/pre.json" "$work/nopre.json" && grep -q port_conflict "$work/pre.json"; echo $?)"
run analyze --no-db --no-user-rules -o json --journal-file "$work/jdir/system.journal" corpus/cases/01-port-conflict-systemd-docker-proxy/input.log
check "paths and the journal together: two inputs" \
  "$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if [i["parser"] for i in d["inputs"]] == ["syslog-iso", "journal-export"] else 1)' "$work/out"; echo $?)"

# --- a message with a newline travels in export's binary form --------------------------------------
python3 - "$work/multi.export" <<'PY'
import struct, sys
msg = b"TypeError: Cannot read properties of undefined (reading 'port')\n    at start (/app/gateway.js:12:7)"
with open(sys.argv[1], "wb") as f:
    f.write(b"__REALTIME_TIMESTAMP=1795514403000000\n__MONOTONIC_TIMESTAMP=1\n_BOOT_ID=0123456789abcdef0123456789abcdef\n")
    f.write(b"SYSLOG_IDENTIFIER=node\n_PID=77\nMESSAGE\n" + struct.pack("<Q", len(msg)) + msg + b"\n\n")
PY
to_journal "$work/multi.export" "$work/multi.journal"
"$logdx" parse --journal-file "$work/multi.journal" >"$work/multi.jsonl"
check "a multi-line MESSAGE comes back whole" \
  "$(python3 -c 'import json,sys; m=json.loads(open(sys.argv[1]).readline())["message"]; sys.exit(0 if m.endswith("(reading \x27port\x27)\n    at start (/app/gateway.js:12:7)") else 1)' "$work/multi.jsonl"; echo $?)"

# --- errors --------------------------------------------------------------------------------------
run analyze --no-db -u openclaw-gateway corpus/cases/01-port-conflict-systemd-docker-proxy/input.log
check "-u without --journal: exit 2" "$([ "$code" = 2 ] && grep -q 'add --journal' <<<"$err"; echo $?)"
run analyze --no-db --journal-file "$work/nope.journal"
check "a missing journal file: exit 2" "$([ "$code" = 2 ]; echo $?)"
printf 'not a journal\n' >"$work/bad.journal"
run analyze --no-db --journal-file "$work/bad.journal"
check "a file that is not a journal: exit 2, named" "$([ "$code" = 2 ] && grep -q 'bad.journal\|journal' <<<"$err"; echo $?)"

finish
