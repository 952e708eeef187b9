#!/usr/bin/env bash
# The history through the real binary: analyze records runs (seen_before, redaction, private
# files), incidents / history / query read them, and the faults of issue 5: a lock held by
# another process, concurrent writers, a file that is not SQLite, a read-only history.
set -uo pipefail
logdx="$(realpath "$1")"
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
chmod 755 "$work"
trap 'rm -rf "$work"' EXIT
source "$root/tests/cli/lib.sh"
cd "$root"
case01=corpus/cases/01-port-conflict-systemd-docker-proxy/input.log
db="$work/state/logdx/history.db"
export XDG_STATE_HOME="$work/state"
jq_py() { python3 -c "import json,sys; d=json.load(open(sys.argv[1])); print($1)" "$work/out"; }

# --- analyze records runs; the second run knows the first --------------------------------------
run analyze --no-user-rules --no-db $case01
check "--no-db creates no history" "$([ ! -e "$db" ]; echo $?)"
run analyze --no-user-rules -o json $case01
check "a stored run keeps the analysis exit code (1)" "$([ "$code" = 1 ]; echo $?)"
check "first run: seen_before 0" "$([ "$(jq_py 'd["diagnoses"][0]["incident"]["seen_before"]')" = 0 ]; echo $?)"
check "history file is 0600" "$([ "$(stat -c %a "$db")" = 600 ]; echo $?)"
check "history folder is 0700" "$([ "$(stat -c %a "$work/state/logdx")" = 700 ]; echo $?)"
run analyze --no-user-rules -o json $case01
check "second run: seen_before 1" "$([ "$(jq_py 'd["diagnoses"][0]["incident"]["seen_before"]')" = 1 ]; echo $?)"
check "second run: first_run given" "$(jq_py 'd["diagnoses"][0]["incident"]["first_run"]' | grep -qE '^20[0-9]{2}-'; echo $?)"
fingerprint="$(jq_py 'd["diagnoses"][0]["incident"]["fingerprint"]')"
run analyze --no-user-rules $case01
check "text says the same logs were analysed before, not a new occurrence" \
  "$(grep -q 'the same logs were analysed before (2 earlier runs, first on .*not a new occurrence' <<<"$out"; echo $?)"

# --- incidents ----------------------------------------------------------------------------------
run incidents
check "incidents lists port_conflict: happened once, 3 runs of which 2 re-read the same logs" \
  "$(grep -qE "^${fingerprint:0:8} +port_conflict +critical +1 +3 \(2 re-read\) +6 " <<<"$out"; echo $?)"
check "incidents explains its columns" "$(grep -q '^TIMES: separate times it happened' <<<"$out"; echo $?)"
run incidents -o json --cause port_conflict
check "incidents json: one port_conflict, 3 runs, 6 events not 18" \
  "$([ "$(jq_py '[(i["runs"], i["events"]) for i in d["incidents"]]')" = "[(3, 6)]" ]; echo $?)"
run incidents --since 2026-04-01
check "--since after the events: nothing" "$(grep -q 'No incidents match' <<<"$out"; echo $?)"
run incidents --since 2026-03-01 --cause port_conflict
check "--since before the events: listed" "$(grep -q port_conflict <<<"$out"; echo $?)"
run incidents --since yesterday-ish
check "bad --since: exit 2 with the accepted forms" "$([ "$code" = 2 ] && grep -q '2h, 7d' <<<"$err"; echo $?)"
run incidents show "${fingerprint:0:6}"
check "show by prefix: every run" "$([ "$code" = 0 ] && [ "$(grep -c '^Run ' <<<"$out")" = 3 ]; echo $?)"
check "show: evidence and the fix" "$(grep -q 'input.log:17' <<<"$out" && grep -q '\$ lsof -i :18789' <<<"$out"; echo $?)"
check "show: each evidence line once, not once per run" "$([ "$(grep -c 'input.log:17 ' <<<"$out")" = 1 ]; echo $?)"
check "show: later runs point at the lines shown under run 1" \
  "$([ "$(grep -cE '^    the same [0-9]+ evidence lines as shown under run 1$' <<<"$out")" = 2 ]; echo $?)"
check "show: the re-runs are named as the same logs read again" \
  "$([ "$(grep -c '(the same logs as run 1 read again)' <<<"$out")" = 2 ]; echo $?)"
check "show: the command is 'logdx analyze ...', not the binary's path" \
  "$(! grep -qF "$logdx" <<<"$out" && grep -qE '^Run 1 at [^:]+:[0-9:]+Z: logdx analyze ' <<<"$out"; echo $?)"
run incidents show 0000000000000
check "show unknown: exit 2" "$([ "$code" = 2 ] && grep -q 'no incident' <<<"$err"; echo $?)"
run incidents show -o json "$fingerprint"
check "show json parses" "$([ "$(jq_py 'len(d["occurrences"])')" = 3 ]; echo $?)"
check "show json: 1 episode, 2 re-reads, every run's evidence kept" \
  "$([ "$(jq_py '(d["episodes"], d["rereads"], [len(o["evidence"]) > 0 for o in d["occurrences"]])')" = "(1, 2, [True, True, True])" ]; echo $?)"

# --- incidents show prints evidence as analyze does: the decisive line of a record ---------------
# A kernel OOM report is one multi-line record; the rule matched its "Killed process" line,
# which is the line cited (input-2.log:55), with its place in the record.
oom_db="$work/oom.db"
run analyze --no-user-rules --db "$oom_db" -o json \
  corpus/cases/07-oom-kernel-gateway-plus-dmesg/input-1.log \
  corpus/cases/07-oom-kernel-gateway-plus-dmesg/input-2.log
oom="$(jq_py 'd["diagnoses"][0]["incident"]["fingerprint"]')"
# The record starts at line 4 of input-2.log; its "Killed process" line is the input's line 55.
oom_lines="$(jq_py '[(e["line"], e["matched_line"]) for e in d["diagnoses"][0]["evidence"] if e["input"].endswith("input-2.log")]')"
check "analyze json: matched_line is the input line the rule matched (got $oom_lines)" \
  "$([ "$oom_lines" = "[(4, 55)]" ] && [ "$(sed -n 55p corpus/cases/07-oom-kernel-gateway-plus-dmesg/input-2.log | grep -c 'Killed process 31877')" = 1 ]; echo $?)"
run incidents show --db "$oom_db" "$oom"
check "show: a record's decisive line, as analyze shows it" \
  "$(grep -qE 'input-2.log:55  .*Out of memory: Killed process 31877 .*\(line 52 of 53 of the record\)' <<<"$out"; echo $?)"
check "show: not the record's first line" "$(! grep -qE 'input-2.log:4  .*invoked oom-killer' <<<"$out"; echo $?)"
COLUMNS=100 "$logdx" incidents show --db "$oom_db" "$oom" >"$work/out" 2>"$work/err"
check "show, 100 columns: the envelope shortened around the stamp as written, as analyze does" \
  "$(grep -qF '      [Thu Mar  5 08:23:05 2026] Out of memory: Killed process 3187... (line 52 of 53 of the record)' "$work/out"; echo $?)"
run incidents show --db "$oom_db" -o json "$oom"
check "show json: evidence keeps its stamp as written beside the ISO time" \
  "$([ "$(jq_py '[(e["time"], e.get("time_as_written")) for e in d["occurrences"][0]["evidence"]][1]')" = "('2026-03-05T08:23:05', 'Thu Mar  5 08:23:05 2026')" ]; echo $?)"
check "show json: matched_line as analyze gave it" \
  "$([ "$(jq_py '[(e["line"], e["matched_line"]) for e in d["occurrences"][0]["evidence"] if e["input"].endswith("input-2.log")]')" = "[(4, 55)]" ]; echo $?)"

# --- a history written by schema version 2 is upgraded and read, nothing lost --------------------
v2="$work/v2.db"
python3 -c 'import sqlite3,sys; sqlite3.connect(sys.argv[1]).executescript(open(sys.argv[2]).read())' \
  "$v2" tests/storage/fixtures/history-v2.sql
run incidents --db "$v2" -o json
check "v2 history: both incidents listed after the upgrade" \
  "$([ "$code" = 0 ] && [ "$(jq_py 'sorted(i["cause"] for i in d["incidents"])')" = "['oom_kernel', 'proxy_upstream_refused']" ]; echo $?)"
check "v2 history: upgraded to the latest schema" \
  "$([ "$(python3 -c 'import sqlite3,sys; print(sqlite3.connect(sys.argv[1]).execute("PRAGMA user_version").fetchone()[0])' "$v2")" -ge 3 ]; echo $?)"
nginx_v2="$(jq_py '[i["fingerprint"] for i in d["incidents"] if i["cause"] == "proxy_upstream_refused"][0]')"
run incidents show --db "$v2" -o json "$nginx_v2"
check "v2 history: its fixes read back whole, as shell (no kind was stored)" \
  "$([ "$(jq_py '[(f["kind"], f["text"]) for f in d["occurrences"][0]["fixes"]][2]')" = "('shell', 'proxy_pass http://127.0.0.1:18789;')" ]; echo $?)"
run history --db "$v2"
check "v2 history: its three runs" "$([ "$code" = 0 ] && [ "$(grep -c ' logdx analyze ' <<<"$out")" = 3 ]; echo $?)"

# --- history, prune, query ----------------------------------------------------------------------
run history
check "history: commands start with logdx, not the binary's path" \
  "$(! grep -qF "$logdx" <<<"$out" && [ "$(grep -c ' logdx analyze ' <<<"$out")" = 3 ]; echo $?)"
check "history: a re-read names the run that read the same logs first" \
  "$([ "$(grep -c '(same logs as run 1)' <<<"$out")" = 2 ]; echo $?)"
run history -o json
check "history json: same_inputs_as" "$([ "$(jq_py '[r["same_inputs_as"] for r in d["runs"]]')" = "[1, 1, None]" ]; echo $?)"
check "history: 3 runs with input hashes" "$([ "$(jq_py 'sum(1 for r in d["runs"] if r["inputs"][0]["content_hash"].startswith("xxh3:"))')" = 3 ]; echo $?)"
run query "SELECT count(*) AS n FROM runs"
check "query: text table" "$(grep -qE '^3$' <<<"$out"; echo $?)"
run query -o json "SELECT cause FROM incidents WHERE cause = 'port_conflict'"
check "query: json" "$([ "$(jq_py 'd["rows"]')" = "[['port_conflict']]" ]; echo $?)"

# --json is -o json on every command that has a JSON form, as on analyze (and rg).
json_flag_same() {  # json_flag_same ARGS...: --json prints what -o json prints, and it is JSON
  run "$@" -o json
  local with_o="$out"
  run "$@" --json
  [ "$code" = 0 ] && [ "$out" = "$with_o" ] && python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$work/out"
}
for args in "history" "incidents --cause port_conflict" "incidents show $fingerprint" \
  "detect $case01" "rules list --no-user-rules"; do
  # shellcheck disable=SC2086  # each entry is a command line
  json_flag_same $args
  check "--json is -o json: logdx $args" $?
done
json_flag_same query "SELECT cause FROM incidents"
check "--json is -o json: logdx query" $?
run history --json --frobnicate
check "--json does not hide a bad option: exit 2" "$([ "$code" = 2 ]; echo $?)"

run query "DELETE FROM runs"
check "query refuses a write: exit 2" "$([ "$code" = 2 ] && grep -q 'read-only' <<<"$err"; echo $?)"
run query "SELECT count(*) FROM runs; DROP TABLE runs"
check "query refuses a second statement" "$([ "$code" = 2 ]; echo $?)"
run query "SELECT count(*) FROM runs"
check "nothing was deleted" "$(grep -qE '^3$' <<<"$out"; echo $?)"
run history prune --older-than 1d --dry-run
check "prune dry run: nothing that old" "$(grep -q 'Would prune 0 runs' <<<"$out"; echo $?)"
run history prune --older-than 2099-01-01
check "prune everything before 2099" "$(grep -q 'Pruned 3 runs' <<<"$out"; echo $?)"
run incidents
check "no incidents left" "$(grep -q 'No incidents match' <<<"$out"; echo $?)"

# --- the same logs read again vs it happened again ---------------------------------------------
# The same failure a day later in another log is a second time it happened; a copy of the
# first log under another name is the same log read again.
again="$work/again.db"
sed 's/2026-03-05/2026-03-06/g' $case01 > "$work/next-day.log"
cp $case01 "$work/renamed.log"
run analyze --no-user-rules --db "$again" $case01
run analyze --no-user-rules --db "$again" "$work/renamed.log"
check "a renamed copy is the same logs" "$(grep -q 'the same logs were analysed before (1 earlier run' <<<"$out"; echo $?)"
run analyze --no-user-rules --db "$again" "$work/next-day.log"
check "the next day's log: seen before on other logs" \
  "$(grep -q 'seen in 2 earlier runs on other logs, first on' <<<"$out" && ! grep -q 'not a new occurrence' <<<"$out"; echo $?)"
run incidents --db "$again" --cause port_conflict
check "incidents: happened twice, 3 runs, 1 of them a re-read" \
  "$(grep -qE "^${fingerprint:0:8} +port_conflict +critical +2 +3 \(1 re-read\) " <<<"$out"; echo $?)"

# --- secrets ------------------------------------------------------------------------------------
secret=9f8e7d6c5b4a392817060a0b
for i in 1 2 3 4 5 6; do  # nginx answers 426 to WebSocket requests carrying a token
  echo "203.0.113.5 - - [07/Jul/2026:13:00:2$i +0000] \"GET /?token=$secret HTTP/1.1\" 426 16 \"-\" \"Mozilla/5.0\""
done > "$work/token.log"
run analyze --no-user-rules -o json "$work/token.log"
check "the token is redacted in the output" "$(! grep -q "$secret" <<<"$out" && grep -q 'token=\[REDACTED\]' <<<"$out"; echo $?)"
run analyze --no-user-rules -o json --no-redact "$work/token.log"
check "--no-redact prints it" "$(grep -q "$secret" <<<"$out"; echo $?)"
check "the history never holds it" "$(! grep -qa "$secret" "$db" "$db-wal" 2>/dev/null; echo $?)"

# --- a lock held by another process -------------------------------------------------------------
python3 - "$db" <<'PY' &
import sqlite3, sys, time
con = sqlite3.connect(sys.argv[1], isolation_level=None)
con.execute("BEGIN IMMEDIATE")
open(sys.argv[1] + ".locked", "w").close()
time.sleep(4)
con.execute("ROLLBACK")
PY
holder=$!
for _ in $(seq 50); do [ -e "$db.locked" ] && break; sleep 0.1; done
runs_before="$("$logdx" query --db "$db" "SELECT count(*) FROM runs" | sed -n 2p)"
run analyze --no-user-rules --db-timeout 300 $case01
check "locked: exit 2" "$([ "$code" = 2 ]; echo $?)"
check "locked: the message names the file and the lock" "$(grep -q "$db" <<<"$err" && grep -q 'locked' <<<"$err"; echo $?)"
check "locked: the analysis is still printed" "$(grep -q '^Root cause: Port 18789' <<<"$out"; echo $?)"
wait $holder
run query "SELECT count(*) FROM runs"
check "locked: nothing half-stored" "$([ "$(sed -n 2p <<<"$out")" = "$runs_before" ]; echo $?)"

# --- concurrent writers -------------------------------------------------------------------------
for i in 1 2 3 4; do
  "$logdx" analyze --no-user-rules -o json $case01 >"$work/c$i.a" 2>&1 &
  "$logdx" analyze --no-user-rules -o json $case01 >"$work/c$i.b" 2>&1 &
  wait
done
run query "SELECT count(*) FROM runs"
check "8 concurrent analyses: 8 runs stored" "$([ "$(sed -n 2p <<<"$out")" = "$((runs_before + 8))" ]; echo $?)"
run query "PRAGMA integrity_check"
check "and the file is sound" "$(grep -qx ok <<<"$out"; echo $?)"

# --- not a database -----------------------------------------------------------------------------
printf 'notes from the incident call\n' > "$work/notes.db"
cp "$work/notes.db" "$work/notes.orig"
run analyze --no-user-rules --db "$work/notes.db" $case01
check "not SQLite: exit 2, names the file" "$([ "$code" = 2 ] && grep -q "$work/notes.db" <<<"$err" && grep -qi 'not a database' <<<"$err"; echo $?)"
check "not SQLite: analysis printed" "$(grep -q '^Root cause:' <<<"$out"; echo $?)"
check "not SQLite: file untouched" "$(cmp -s "$work/notes.db" "$work/notes.orig"; echo $?)"
run incidents --db "$work/notes.db"
check "incidents on it: exit 2" "$([ "$code" = 2 ]; echo $?)"

# --- a read-only history ------------------------------------------------------------------------
mkdir -p "$work/ro"
cp "$db" "$work/ro/history.db"
chmod 755 "$work/ro"; chmod 644 "$work/ro/history.db"
as_reader=()
if [ "$(id -u)" = 0 ]; then
  as_reader=(setpriv --reuid=65534 --regid=65534 --clear-groups)
else
  chmod 555 "$work/ro"; chmod 444 "$work/ro/history.db"
fi
cp "$work/ro/history.db" "$work/ro.orig"
"${as_reader[@]}" "$logdx" analyze --no-user-rules --db "$work/ro/history.db" $case01 \
  >"$work/out" 2>"$work/err"
code=$?
check "read-only: the analysis exit code (1), not 2" "$([ "$code" = 1 ]; echo $?)"
check "read-only: a warning naming the file" "$(grep -q "warning: $work/ro/history.db" "$work/err"; echo $?)"
check "read-only: analysis printed" "$(grep -q '^Root cause:' "$work/out"; echo $?)"
check "read-only: file unchanged" "$(cmp -s "$work/ro/history.db" "$work/ro.orig"; echo $?)"
"${as_reader[@]}" "$logdx" incidents --db "$work/ro/history.db" >"$work/out" 2>"$work/err"
check "read-only: incidents still readable" "$([ $? = 0 ] && grep -q port_conflict "$work/out"; echo $?)"
chmod -R u+w "$work/ro"

finish
