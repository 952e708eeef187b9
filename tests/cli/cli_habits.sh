#!/usr/bin/env bash
# The first ten minutes (issue 14) through the real binary: never "No problem found" after
# reading nothing, one broken rule file of the user's skipped while the rest run, the stdin hint
# on a terminal, did-you-mean for mistyped commands and options, the short flags people bring
# from grep/rg/journalctl (-f, --json, -q, --no-progress), journalctl's time forms, --brief,
# --top, --context, and an --help without CLI11's type noise.
# usage: cli_habits.sh LOGDX
set -uo pipefail
logdx="$(realpath "$1")"
root="$(cd "$(dirname "$0")/../.." && pwd)"
# shellcheck source=lib.sh
source "$root/tests/cli/lib.sh"
new_work
scratch_home
cd "$root"
port_log=corpus/cases/01-port-conflict-systemd-docker-proxy/input.log

# A gateway log with times: a port conflict an hour and a half ago, a start three hours ago.
stamp() { date -u -d "$1" +%Y-%m-%dT%H:%M:%S.000Z; }
{
  echo "$(stamp '3 hours ago') [gateway] listening on ws://127.0.0.1:18789 (PID 4242)"
  echo "$(stamp '90 minutes ago') [gateway] starting"
  echo "$(stamp '90 minutes ago') Error: listen EADDRINUSE: address already in use 127.0.0.1:18789"
  echo "$(stamp '90 minutes ago') [gateway] exiting"
} >"$work/recent.log"

# --- 1. Nothing read is said plainly, never "No problem found" ---------------------------------
run analyze --no-db "$work/nope.log"
check "missing file: exit 2 (got $code)" $([ "$code" -eq 2 ]; echo $?)
check "missing file: says nothing was read and why" \
  $(has "Nothing to analyse: no input could be read (left out: $work/nope.log: " "$out"; echo $?)
check "missing file: no 'No problem found'" $(! has "No problem found" "$out"; echo $?)

mkdir -p "$work/empty-folder"
run analyze --no-db "$work/empty-folder"
check "empty folder: exit 2 (got $code)" $([ "$code" -eq 2 ]; echo $?)
check "empty folder: says so" $(has "Nothing to analyse:" "$out"; echo $?)
check "empty folder: no 'No problem found'" $(! has "No problem found" "$out"; echo $?)

run analyze --no-db  # stdin is /dev/null
check "empty stdin: exit 2 (got $code)" $([ "$code" -eq 2 ]; echo $?)
check "empty stdin: says standard input was empty" $(has "standard input was empty" "$out"; echo $?)

: >"$work/empty.log"
run analyze --no-db "$work/empty.log"
check "empty file: exit 2, named (got $code)" \
  $([ "$code" -eq 2 ] && has "Nothing to analyse: $work/empty.log was empty." "$out"; echo $?)

run analyze --no-db --since 1h "$work/recent.log"
check "window left nothing: exit 0 (got $code)" $([ "$code" -eq 0 ]; echo $?)
check "window left nothing: says every event was outside it" \
  $(has "Nothing to analyse: all 4 events read from $work/recent.log are outside --since 1h." "$out"; echo $?)
check "window left nothing: no 'No problem found'" $(! has "No problem found" "$out"; echo $?)

printf 'hello there\nthis is not a log\n' >"$work/prose.txt"
run analyze --no-db "$work/prose.txt"
check "plain text only: exit 0 (got $code)" $([ "$code" -eq 0 ]; echo $?)
check "plain text only: 'Nothing recognised' with the line count" \
  $(has "Nothing recognised: the 2 lines read from $work/prose.txt are in no log format" "$out"; echo $?)
check "plain text only: the count reads as 2 lines, 2 events" \
  $(has "Read 1 input (plain), 2 lines, 2 events" "$out"; echo $?)
# One line (a single pasted sentence is the commonest such input): singular words.
printf 'my container keeps stopping, any idea?\n' >"$work/one-sentence.txt"
run analyze --no-db "$work/one-sentence.txt"
check "one plain line: 'the 1 line ... is in no log format ... matched it'" \
  $(has "Nothing recognised: the 1 line read from $work/one-sentence.txt is in no log format logdx knows, and no rule matched it as plain text" "$out"; echo $?)
check "one plain line: the count reads as 1 line, 1 event" \
  $(has "Read 1 input (plain), 1 line, 1 event," "$out"; echo $?)

# A recognised log without a problem still gets the plain verdict: the checks above can fail.
echo "$(stamp '1 hour ago') [gateway] listening on ws://127.0.0.1:18789 (PID 4242)" >"$work/fine.log"
run analyze --no-db "$work/fine.log"
check "recognised, nothing wrong: 'No problem found.' (got: $out)" \
  $(has "No problem found." "$out" && ! has "Nothing" "$out"; echo $?)

run analyze --no-db -o json "$work/nope.log"
check "json, nothing read: stdout is still the JSON document" \
  $(python3 -c 'import json,sys; json.load(open(sys.argv[1]))' "$work/out"; echo $?)
check "json, nothing read: the verdict on stderr" $(has "logdx: note: Nothing to analyse" "$err"; echo $?)
empty_is() {  # empty_is PYTHON-EXPRESSION-ON-e ; e = read.empty of the JSON on stdout
  python3 -c 'import json,sys; e=json.load(open(sys.argv[1]))["read"]["empty"]; sys.exit(0 if eval(sys.argv[2]) else 1)' \
    "$work/out" "$1"
}
check "json, missing file: read.empty says no input, with the text's verdict" \
  $(empty_is 'e["reason"] == "no_input" and e["message"].startswith("Nothing to analyse: no input could be read")'; echo $?)
run analyze --no-db --json "$work/empty-folder"
check "json, empty folder: exit 2, read.empty no_input (got $code)" \
  $([ "$code" -eq 2 ] && empty_is 'e["reason"] == "no_input"'; echo $?)
run analyze --no-db --json  # stdin is /dev/null
check "json, empty stdin: read.empty no_lines" \
  $(empty_is 'e["reason"] == "no_lines" and "standard input was empty" in e["message"]'; echo $?)
run analyze --no-db --json --since 1h "$work/recent.log"
check "json, window left nothing: read.empty outside_window, exit 0 (got $code)" \
  $([ "$code" -eq 0 ] && empty_is 'e["reason"] == "outside_window"'; echo $?)
run analyze --no-db --json "$work/prose.txt"
check "json, plain text only: read.empty plain_text_only" \
  $(empty_is 'e["reason"] == "plain_text_only" and e["message"].startswith("Nothing recognised")'; echo $?)
run analyze --no-db --json "$work/fine.log"
check "json, a log read with nothing wrong: read.empty is null" $(empty_is 'e is None'; echo $?)
run analyze --no-db --json "$work/recent.log"
check "json, a finding: read.empty is null" $(empty_is 'e is None'; echo $?)

# The history keeps only runs that read something.
db="$work/h.db"
run analyze --db "$db" "$work/empty-folder"
run analyze --db "$db" --since 1h "$work/recent.log"
run analyze --db "$db" "$work/recent.log"
run history --db "$db" -o json
check "history: only the run that read something is recorded" \
  $(python3 -c 'import json,sys; runs=json.load(open(sys.argv[1]))["runs"]; sys.exit(0 if len(runs)==1 else 1)' "$work/out"; echo $?)

if [ -x /lib/systemd/systemd-journal-remote ]; then
  printf '__REALTIME_TIMESTAMP=1795514403000000\n__MONOTONIC_TIMESTAMP=1\n_BOOT_ID=0123456789abcdef0123456789abcdef\n_HOSTNAME=gw\n_SYSTEMD_UNIT=nginx.service\nSYSLOG_IDENTIFIER=nginx\nPRIORITY=6\nMESSAGE=started\n\n' >"$work/j.export"
  /lib/systemd/systemd-journal-remote -o "$work/j.journal" "$work/j.export" 2>/dev/null
  run analyze --no-db --journal-file "$work/j.journal" -u openclaw-gateway
  check "journal without entries for the unit: exit 2 (got $code)" $([ "$code" -eq 2 ]; echo $?)
  check "journal without entries for the unit: says so ($out)" \
    $(has "journal:openclaw-gateway.service had no entries" "$out"; echo $?)
else
  echo "note: systemd-journal-remote is missing; the empty-journal case is not checked"
fi

# --- 2. A broken rule file of the user's is skipped, the rest run ----------------------------
mkdir -p "$XDG_CONFIG_HOME/logdx/rules"
cp tests/cli/rules/bad_regex.yaml "$XDG_CONFIG_HOME/logdx/rules/10-bad.yaml"
cat >"$XDG_CONFIG_HOME/logdx/rules/20-good.yaml" <<'EOF'
logdx_rules: 1
rules:
  - id: my-gateway-exiting
    title: "The gateway said it was exiting"
    cause: crash
    severity: warning
    match:
      regex: 'EADDRINUSE'
EOF
run analyze --no-db "$work/recent.log"
check "broken user file: exit 2 (got $code)" $([ "$code" -eq 2 ]; echo $?)
check "broken user file: file:line:col on stderr" \
  $(has "$XDG_CONFIG_HOME/logdx/rules/10-bad.yaml:6:15: error[bad-regex]" "$err"; echo $?)
check "broken user file: says it was skipped" \
  $(has "10-bad.yaml: skipped because of the errors above" "$err"; echo $?)
check "broken user file: the other user file ran" $(has "rule my-gateway-exiting" "$out"; echo $?)
check "broken user file: the analysis is printed (pack findings)" \
  $(grep -q "^Root cause: " <<<"$out" && has "Read 1 input" "$out"; echo $?)
mv "$XDG_CONFIG_HOME/logdx/rules/20-good.yaml" "$work/mine.yaml"
run analyze --no-db --rules "$work/mine.yaml" "$work/recent.log"
check "--rules file runs while the user folder's broken file is skipped (got $code)" \
  $([ "$code" -eq 2 ] && has "rule my-gateway-exiting" "$out" && has "10-bad.yaml: skipped" "$err"; echo $?)
rm -r "$XDG_CONFIG_HOME/logdx"

# lint: every problem of one file in one pass; the summary counts the user's files and rules.
cat >"$work/three.yaml" <<'EOF'
logdx_rules: 1
rules:
  - id: first
    cause: port_conflict
    match:
      regex: 'listen (?P<port>\d+'
  - id: second
    cause: port_conflict
    sevrity: error
    match:
      regex: 'EADDRINUSE'
  - id: third
    cause: port_conflict
    severity: fatal
    match:
      regex: 'bind failed'
  - id: fourth
    cause: port_conflict
    match:
      regex: 'address in use'
EOF
run rules lint "$work/three.yaml"
check "lint: exit 2 (got $code)" $([ "$code" -eq 2 ]; echo $?)
check "lint: the three problems of the file at once" \
  $([ "$(grep -cE "three.yaml:[0-9]+:[0-9]+: error\[" <<<"$out")" -eq 3 ]; echo $?)
check "lint: the summary counts the user's file and its rules, not the pack ($(tail -1 <<<"$out"))" \
  $(tail -1 <<<"$out" | grep -qE "^3 errors, 0 warnings in 1 file \([0-9] rules?\), checked with the built-in pack$"; echo $?)

# --- 3. Reading a terminal says so ---------------------------------------------------------------
# `script` gives logdx a terminal and types what the hint says: Ctrl-D, which ends the paste.
# (With script's stdin at /dev/null the terminal never ends: the test sat out its 30 s timeout.)
printf '\004' | timeout 30 script -qec "$logdx analyze --no-db --color never" /dev/null \
  >"$work/tty.out" 2>&1
check "stdin on a terminal: the hint to paste, then Ctrl-D" \
  $(grep -q "reading standard input: paste the log, then Ctrl-D" "$work/tty.out"; echo $?)
check "stdin on a terminal: Ctrl-D ends it as an empty paste" \
  $(grep -q "standard input was empty" "$work/tty.out"; echo $?)
run analyze --no-db
check "stdin not a terminal: no hint" $(! has "paste the log" "$err"; echo $?)

# --- 4. CLI habits ---------------------------------------------------------------------------
run anlyze "$port_log"
check "mistyped command: exit 2 (got $code)" $([ "$code" -eq 2 ]; echo $?)
check "mistyped command: did you mean analyze ($err)" \
  $(has "'anlyze' is not a logdx command; did you mean 'analyze'?" "$err"; echo $?)
check "mistyped command: not 'A subcommand is required'" $(! has "A subcommand is required" "$err"; echo $?)
run rules lnt
check "mistyped subcommand: did you mean lint ($err)" $(has "did you mean 'lint'?" "$err"; echo $?)
run analyze --no-db --sinse 2h "$port_log"
check "mistyped option: did you mean --since ($err)" \
  $([ "$code" -eq 2 ] && has "unknown option '--sinse' for 'logdx analyze' (did you mean '--since'?)" "$err"; echo $?)
run frobnicate
check "unknown command far from any: lists the commands" \
  $(has "'frobnicate' is not a logdx command; commands: " "$err" && ! has "did you mean" "$err"; echo $?)
run analyze --no-db --fail-on bogus "$port_log"
check "a bad value keeps CLI11's own message" $([ "$code" -eq 2 ] && has "bogus" "$err"; echo $?)

run analyse --no-db "$port_log"
analyse_out="$out"
run analyze --no-db "$port_log"
check "analyse is analyze" $([ "$code" -eq 1 ] && [ "${analyse_out%in *}" = "${out%in *}" ]; echo $?)

run analyze --no-db --json "$port_log"
check "--json: the analysis JSON" \
  $(python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); sys.exit(0 if d["diagnoses"] else 1)' "$work/out"; echo $?)
run analyze --no-db -q "$port_log"
check "-q: no report, exit 1 for a fault (got $code)" $([ "$code" -eq 1 ] && [ -z "$out" ]; echo $?)
run analyze --no-db -q "$work/fine.log"
check "-q: exit 0 when nothing is wrong (got $code)" $([ "$code" -eq 0 ] && [ -z "$out" ]; echo $?)
run analyze --no-db --no-progress "$port_log"
check "--no-progress: the report is printed" $(grep -q "^Root cause: " <<<"$out"; echo $?)
timeout 30 "$logdx" analyze --no-db -f </dev/null >"$work/out" 2>"$work/err"
code=$?
check "-f is --follow (stdin followed to its end, got $code)" $([ "$code" -eq 2 ]; echo $?)

# journalctl's time forms
for form in today yesterday now -1h "1 hour ago" 18:41 1h30m "2 days ago" "2026-11-24 10:00"; do
  run analyze --no-db --since "$form" "$port_log"
  check "--since '$form' is a time (got $code: $err)" $(! has "is not a time" "$err"; echo $?)
done
run analyze --no-db --until "last tuesday" "$port_log"
check "--until 'last tuesday': usage error listing the forms" \
  $([ "$code" -eq 2 ] && has "yesterday" "$err" && has "1 hour ago" "$err"; echo $?)
run analyze --no-db --since "2 hours ago" "$work/recent.log"
check "--since '2 hours ago' keeps the conflict, leaves the start out" \
  $(has "(1 outside --since/--until left out)" "$out" && has "port_conflict" "$out"; echo $?)
run analyze --no-db --since -100min "$work/recent.log"
check "--since -100min keeps the same" $(has "(1 outside --since/--until left out)" "$out"; echo $?)

# --brief and --top
run analyze --no-db --brief "$port_log"
check "--brief: numbered blocks, one proof line and one fix each" \
  $(grep -q '^1\. ' <<<"$out" && grep -qE '^   \$ ' <<<"$out" && ! has "evidence:" "$out"; echo $?)
blocks=$(grep -cE '^[0-9]+\. ' <<<"$out")
fixes=$(grep -cE '^   \$ ' <<<"$out")
check "--brief: at most one fix per block ($fixes fixes, $blocks blocks)" $([ "$fixes" -le "$blocks" ] && [ "$blocks" -ge 1 ]; echo $?)
run analyze --no-db --top 1 "$port_log"
check "--top 1: one finding" $([ "$(grep -cE '^(Root cause: |[0-9]+\. )' <<<"$out")" -eq 1 ]; echo $?)
run analyze --no-db --top 1 --rules "$work/mine.yaml" "$work/recent.log"
check "--top 1: the rest counted" $(grep -qE "^1 more finding not shown \(--top 1\)\.$" <<<"$out"; echo $?)
run analyze --no-db --top 1 --json "$port_log"
check "--top 1 with --json: one diagnosis" \
  $(python3 -c 'import json,sys; sys.exit(0 if len(json.load(open(sys.argv[1]))["diagnoses"])==1 else 1)' "$work/out"; echo $?)

# --context: raw lines around each evidence line, from the file; stdin says it cannot.
run analyze --no-db --context 1 "$work/recent.log"
check "--context 1: the evidence line marked, its neighbours numbered" \
  $(grep -qE '^ +> +3  .*EADDRINUSE' <<<"$out" && grep -qE '^ +\| +2  .*starting' <<<"$out" && grep -qE '^ +\| +4  .*exiting' <<<"$out"; echo $?)
"$logdx" analyze --no-db --context 1 <"$work/recent.log" >"$work/out" 2>"$work/err"
check "--context on stdin: says it is not available" \
  $(grep -q "(no context: standard input is read once" "$work/out"; echo $?)

# --help: tuning options under Advanced, no CLI11 type noise
run analyze --help
check "help: an Advanced group with the limits" \
  $(awk '/^Advanced:/{on=1} on' "$work/out" | grep -q -- "--max-groups" && awk '/^Advanced:/{on=1} on' "$work/out" | grep -q -- "--db-timeout"; echo $?)
check "help: --since is not under Advanced" $(! awk '/^Advanced:/{on=1} /^$/{on=0} on' "$work/out" | grep -q -- "--since"; echo $?)
check "help: no 'UINT:UINT in [...]'" $(! grep -qE 'UINT|SIZE_T|INT in \[' "$work/out"; echo $?)
check "help: -f,--follow and -q,--quiet" $(grep -q -- "-f,--follow" "$work/out" && grep -q -- "--no-progress" "$work/out"; echo $?)
finish
