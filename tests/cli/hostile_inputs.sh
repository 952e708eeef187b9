#!/usr/bin/env bash
# Hostile input through `analyze` (docs/limits.md): each case has an exact expectation for the
# exit code and the message, runs in bounded time (timeout), and never crashes. Byte-level
# cases (a 200 MB line, garbage, a broken folder) are in bad_inputs.sh; moving files in the
# parsers tests (test_reader_moving_files.cpp).
set -uo pipefail
logdx="$1"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
scratch_home  # never the user's history: analyze records every run there

# Every analyze here: no user rules, a time bound, and memory bounded too unless the build has
# AddressSanitizer (its shadow memory needs terabytes of address space).
analyze() {
  if sanitized; then
    timeout 300 "$logdx" analyze --no-user-rules "$@" >"$work/out" 2>"$work/err" </dev/null
  else
    (ulimit -v 1048576; timeout 60 "$logdx" analyze --no-user-rules "$@" >"$work/out" \
      2>"$work/err" </dev/null)
  fi
  code=$?
  out="$(cat "$work/out")"
  err="$(cat "$work/err")"
}
json_get() {  # json_get PYTHON-EXPRESSION-OF-d: evaluates it on the JSON in $work/out
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); print(eval(sys.argv[2]))' \
    "$work/out" "$1"
}
seconds_since() { echo $(( $(date +%s) - $1 )); }

# 1. Millions of distinct group_by keys: the kept hits and the correlation groups are capped,
#    each cap says so in a note, and every line is still counted.
cat >"$work/refused.yaml" <<'YAML'
logdx_rules: 1
rules:
  - id: conn-refused
    title: "connections from {client} refused"
    cause: gateway_unreachable
    severity: error
    match: {regex: 'connect from (?P<client>\S+) refused'}
    correlate:
      threshold: {count: 2, within: 1h, group_by: [client]}
YAML
# Under a sanitizer (10x slower) 300000 keys take the same paths: both caps are still passed.
keys=2000000
sanitized && keys=300000
# One client is refused twice (the first line repeats): the rule has a finding, which the notes
# qualify; every other key is seen once.
awk -v n="$keys" 'BEGIN { print "2026-11-25T04:47:55.000+00:00 [gateway] connect from 10.0.0.0:1024 refused";
  for (i = 0; i < n; i++)
  printf "2026-11-25T04:47:56.000+00:00 [gateway] connect from 10.%d.%d.%d:%d refused\n",
    i / 65536 % 256, i / 256 % 256, i % 256, 1024 + i % 50000 }' >"$work/keys.log"
# Default kept-hits cap (10000); the group cap lowered below it, since no more groups than kept
# lines can exist.
analyze --no-builtin-rules --rules "$work/refused.yaml" --max-groups 5000 -o json "$work/keys.log"
check "$keys keys: exit 1 (one client refused twice) (got $code)" $([ "$code" -eq 1 ]; echo $?)
check "$keys keys: every line counted" $([ "$(json_get 'sum(i["events"] for i in d["inputs"])')" = "$((keys + 1))" ]; echo $?)
check "$keys keys: note on the kept-hits cap" $(json_get 'd["notes"]' | grep -q "rule 'conn-refused': $((keys + 1 - 10000)) more matching lines after the first 10000 were counted but not kept"; echo $?)
check "$keys keys: note on the group cap" $(json_get 'd["notes"]' | grep -q "rule 'conn-refused': more than 5000 groups"; echo $?)
analyze --no-builtin-rules --rules "$work/refused.yaml" --max-groups 100 --max-hits-per-rule 500 "$work/keys.log"
check "$keys keys, lowered caps: the text output says so" $(grep -q "more than 100 groups" <<<"$out"; echo $?)
check "$keys keys, lowered caps: $((keys + 1 - 500)) more" $(grep -q "$((keys + 1 - 500)) more matching lines after the first 500" <<<"$out"; echo $?)
# The same caps on a log where no client is refused twice: no finding, so no limit note.
tail -n +2 "$work/keys.log" | head -n 5000 >"$work/keys-once.log"
analyze --no-builtin-rules --rules "$work/refused.yaml" --max-groups 100 --max-hits-per-rule 500 "$work/keys-once.log"
check "capped rule without a finding: exit 0, no limit note" \
  $([ "$code" -eq 0 ] && ! grep -qE "more than 100 groups|more matching lines" <<<"$out$err"; echo $?)

# 1b. A broad join partner: an nginx access log whose every line is "GET / 200", which the
#     access-log rule of a WebSocket refusal matches. That rule stands only beside the browser's
#     report of the same path and status (a required join), so it keeps at most 1000 lines per
#     path and status, says so in a note when it has a finding, and -j2 and --no-prefilter
#     keep the same lines.
awk 'BEGIN { for (i = 0; i < 5000; i++)
  printf "203.0.113.%d - - [02/Nov/2026:20:%02d:%02d +0000] \"GET / HTTP/1.1\" 200 1873 \"-\" \"Mozilla/5.0 (X11; Linux x86_64) Chrome/131.0.0.0 Safari/537.36\"\n",
    i % 200, i / 60 % 60, i % 60 }' >"$work/access.log"
head -n 2500 "$work/access.log" >"$work/access-1.log"
tail -n +2501 "$work/access.log" >"$work/access-2.log"
echo "index-C4gGL9E4.js:1 WebSocket connection to 'wss://claw.example.com/' failed: Error during WebSocket handshake: Unexpected response code: 200" >"$work/console.log"
access_rule=connect-ws-path-answered-without-upgrade
access_count='[x["count"] for x in d["diagnoses"] if x["rule"] == "'$access_rule'"]'
for variant in "" "--no-prefilter" "-j2"; do
  if [ "$variant" = "-j2" ]; then
    analyze -o json -j2 "$work/access-1.log" "$work/access-2.log" "$work/console.log"
  else
    analyze -o json $variant "$work/access.log" "$work/console.log"
  fi
  check "broad join partner ${variant:-(prefilter)}: 1000 lines kept (got $(json_get "$access_count"))" \
    $([ "$(json_get "$access_count")" = "[1000]" ]; echo $?)
  check "broad join partner ${variant:-(prefilter)}: the note counts the rest" \
    $(json_get 'd["notes"]' | grep -q "rule '$access_rule': 4000 more matching lines with the same join values after the first 1000"; echo $?)
done
analyze -o json "$work/access.log"
check "broad join partner without the browser's line: no finding, no note" \
  $([ "$(json_get "$access_count")" = "[]" ] && ! grep -q "join values" "$work/out"; echo $?)

# 2. Deeply nested JSON in a log line (and in a JSON log): no stack overflow, the line is kept.
python3 -c 'print("[gateway] payload " + "{\"a\":" * 100000 + "1" + "}" * 100000)' >"$work/deep.log"
python3 -c 'print("{\"msg\":" * 100000 + "1" + "}" * 100000)' >>"$work/deep.log"
analyze -o json "$work/deep.log"
check "deep JSON: exit 0 (got $code)" $([ "$code" -eq 0 ]; echo $?)
check "deep JSON: both lines read" $([ "$(json_get 'sum(i["events"] for i in d["inputs"])')" = 2 ]; echo $?)

# 3. A YAML alias bomb: refused at its first alias, exit 2, quickly.
{
  echo 'logdx_rules: 1'; echo 'lists:'; echo '  l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]'
  for l in 1 2 3 4 5 6 7 8 9; do
    p=$((l - 1)); echo "  l$l: &l$l [*l$p, *l$p, *l$p, *l$p, *l$p, *l$p, *l$p, *l$p, *l$p]"
  done
} >"$work/bomb.yaml"
start=$(date +%s)
analyze --rules "$work/bomb.yaml" "$work/deep.log"
check "alias bomb: exit 2 (got $code)" $([ "$code" -eq 2 ]; echo $?)
check "alias bomb: names file, line and why" $(grep -q "bomb.yaml:4:12: error\[yaml-syntax\]: .*aliases (\*name) are not allowed" <<<"$err"; echo $?)
check "alias bomb: within 10 s" $([ "$(seconds_since "$start")" -lt 10 ]; echo $?)

# 4. A 100 MB rule file is refused before it is read; the limit is a flag.
truncate -s 100M "$work/huge.yaml"
start=$(date +%s)
analyze --rules "$work/huge.yaml" "$work/deep.log"
check "100 MB rules: exit 2 (got $code)" $([ "$code" -eq 2 ]; echo $?)
check "100 MB rules: says the size and the limit" $(grep -q "huge.yaml: error\[file-too-large\]: rule file is 104857600 bytes, over the limit of 8388608 bytes" <<<"$err"; echo $?)
check "100 MB rules: within 10 s" $([ "$(seconds_since "$start")" -lt 10 ]; echo $?)
{ cat "$work/refused.yaml"; head -c 9000000 /dev/zero | tr '\0' '#' | fold -w 100 ; echo; } >"$work/nine.yaml"
analyze --no-builtin-rules --rules "$work/nine.yaml" "$work/deep.log"
check "9 MB rules: refused by default (got $code)" $([ "$code" -eq 2 ]; echo $?)
analyze --no-builtin-rules --rules "$work/nine.yaml" --max-rule-file-bytes 10000000 "$work/deep.log"
check "9 MB rules: read with --max-rule-file-bytes 10000000 (got $code)" $([ "$code" -eq 0 ]; echo $?)

# 5. A regex RE2 refuses (look-ahead), and one catastrophic for backtracking engines.
cat >"$work/lookahead.yaml" <<'YAML'
logdx_rules: 1
rules:
  - id: look
    cause: gateway_unreachable
    match: {regex: 'token(?=expired)'}
YAML
analyze --no-builtin-rules --rules "$work/lookahead.yaml" "$work/deep.log"
check "look-ahead: exit 2 (got $code)" $([ "$code" -eq 2 ]; echo $?)
check "look-ahead: RE2's reason, file and line" $(grep -q "lookahead.yaml:5:.*error\[bad-regex\]: RE2 refused the pattern: invalid perl operator: (?=" <<<"$err"; echo $?)
cat >"$work/nested.yaml" <<'YAML'
logdx_rules: 1
rules:
  - id: nested
    cause: gateway_unreachable
    match: {regex: '^(a+)+$'}
YAML
python3 -c 'print(("a" * 30000 + "!\n") * 20, end="")' >"$work/aaa.log"
start=$(date +%s)
analyze --no-builtin-rules --rules "$work/nested.yaml" "$work/aaa.log"
check "(a+)+\$ on 20 x 30000 a's: exit 0 (got $code)" $([ "$code" -eq 0 ]; echo $?)
check "(a+)+\$: within 20 s (RE2 is linear)" $([ "$(seconds_since "$start")" -lt 20 ]; echo $?)

# 6. Terminal escapes in log lines are never replayed raw: not in evidence, titles or notes.
cat >"$work/esc.yaml" <<'YAML'
logdx_rules: 1
rules:
  - id: esc
    title: "bad token {token}"
    cause: gateway_unreachable
    severity: error
    match: {regex: 'bad token (?P<token>.+)$'}
YAML
printf '2026-11-25T04:47:56.000+00:00 [gateway] bad token \033]0;pwned\007\033[2J\033[1;1H\302\2335m\r\n' >"$work/esc.log"
printf '2026-11-25T04:47:57.000+00:00 [gateway] bad token \033]8;;http://evil\033\\link\033]8;;\033\\\n' >>"$work/esc.log"
analyze --no-builtin-rules --rules "$work/esc.yaml" --color never "$work/esc.log"
check "escapes: exit 1 (an error found) (got $code)" $([ "$code" -eq 1 ]; echo $?)
check "escapes: no ESC, BEL, CR or C1 CSI in the text output" $(! LC_ALL=C grep -q $'[\033\007\r]\|\xc2\x9b' "$work/out"; echo $?)
check "escapes: made visible instead" $(grep -qF '\e]0;pwned\x07\e[2J' "$work/out"; echo $?)
analyze --no-builtin-rules --rules "$work/esc.yaml" --color always "$work/esc.log"
check "escapes, colour on: only logdx's own SGR codes" $(! LC_ALL=C grep -aoP '\033(?!\[[0-9;]*m)' "$work/out" | grep -q .; echo $?)

# 6b. Evidence per diagnosis is capped; the rest is counted (--max-evidence).
for i in $(seq 10 29); do echo "2026-11-25T04:47:$i.000+00:00 [gateway] bad token t$i"; done >"$work/match.log"
evidence_of() { json_get '[(len(x["evidence"]), x.get("evidence_omitted", 0)) for x in d["diagnoses"]]'; }
analyze --no-builtin-rules --rules "$work/esc.yaml" -o json "$work/match.log"
check "evidence: 5 kept, 15 counted by default ($(evidence_of))" $([ "$(evidence_of)" = "[(5, 15)]" ]; echo $?)
analyze --no-builtin-rules --rules "$work/esc.yaml" -o json --max-evidence 1 "$work/match.log"
check "evidence: --max-evidence 1 keeps 1, counts 19 ($(evidence_of))" $([ "$(evidence_of)" = "[(1, 19)]" ]; echo $?)

# 7. A symlink loop in an input folder: the folder is read once, the link cycle is named.
mkdir -p "$work/logs/sub"
cp "$work/esc.log" "$work/logs/a.log"
ln -s .. "$work/logs/sub/up"
ln -s l2 "$work/logs/l1"
ln -s l1 "$work/logs/l2"
analyze --no-builtin-rules --rules "$work/esc.yaml" -o json "$work/logs"
check "symlink loop: exit 2 for the link cycle (got $code)" $([ "$code" -eq 2 ]; echo $?)
check "symlink loop: names the cycle" $(grep -q "logs/l1: Too many levels of symbolic links" <<<"$err"; echo $?)
check "symlink loop: the folder cycle is a note" $(grep -q "note: .*logs/sub/up: skipped: folder already read (symlink)" <<<"$err"; echo $?)
check "symlink loop: a.log read once" $([ "$(json_get 'sum(i["events"] for i in d["inputs"])')" = 2 ]; echo $?)

# 8. Captures that try to break out of a fix command: each rendered fix passes `sh -n` and,
#    run with a tiny argv printer in place of the command, gives exactly the argv it says.
mkdir -p "$work/bin"
printf '#!/bin/sh\nfor a in "$@"; do printf "<%%s>\\n" "$a"; done\n' >"$work/bin/printargs"
chmod +x "$work/bin/printargs"
cat >"$work/fix.yaml" <<'YAML'
logdx_rules: 1
rules:
  - id: unreadable-config
    title: "config is unreadable"
    cause: invalid_config
    severity: error
    match: {regex: '(?s)cannot read config (?P<path>.+)$'}
    key: [path]
    fixes:
      - command: "printargs -l {path} \"in {path}\" 'at {path}'"
        why: "check the file"
YAML
canary="$work/canary"
python3 - "$work/fix.log" "$canary" <<'PY'
import json, sys
values = ["$(rm -rf ~)", "`touch %s`" % sys.argv[2], "$(touch %s)" % sys.argv[2], "it's \"quoted\"",
          "a; reboot", "line\nbreak", "-rf", "--force x", "\\", "$HOME", "x\ty", "a|b&c>d"]
with open(sys.argv[1], "w") as f:
    for i, v in enumerate(values):
        # journalctl -o json: MESSAGE may hold real newlines
        f.write(json.dumps({"__REALTIME_TIMESTAMP": str(1764045000000000 + i * 1000000),
                            "__CURSOR": "s=1;i=%d" % i, "PRIORITY": "3",
                            "_SYSTEMD_UNIT": "openclaw-gateway.service",
                            "SYSLOG_IDENTIFIER": "node", "MESSAGE": "cannot read config " + v},
                           separators=(",", ":")) + "\n")
PY
analyze --no-builtin-rules --rules "$work/fix.yaml" -o json "$work/fix.log"
check "hostile captures: exit 1 (got $code)" $([ "$code" -eq 1 ]; echo $?)
check "hostile captures: one diagnosis each" $([ "$(json_get 'len(d["diagnoses"])')" = 12 ]; echo $?)
python3 - "$work/out" "$work/bin" <<'PY' >"$work/fix-check" 2>&1
import json, os, subprocess, sys
d = json.load(open(sys.argv[1]))
env = dict(os.environ, PATH=sys.argv[2] + ":" + os.environ["PATH"])
bad = 0
for diag in d["diagnoses"]:
    cmd = diag["fixes"][0]["command"]
    if subprocess.run(["sh", "-n", "-c", cmd]).returncode != 0:
        print("sh -n refuses:", repr(cmd)); bad += 1; continue
    got = subprocess.run(["sh", "-c", cmd], env=env, capture_output=True, text=True).stdout
    value = json.loads(diag["evidence"][0]["text"])["MESSAGE"].split("cannot read config ", 1)[1]
    want = "".join("<%s>\n" % a for a in ["-l", value, "in " + value, "at " + value])
    if got != want:
        print("argv differs for", repr(cmd), repr(got), repr(want)); bad += 1
print("bad", bad)
PY
check "hostile captures: sh -n accepts and argv is exact ($(tail -1 "$work/fix-check"))" $(grep -qx "bad 0" "$work/fix-check"; echo $?)
check "hostile captures: nothing ran" $([ ! -e "$canary" ]; echo $?)

finish
