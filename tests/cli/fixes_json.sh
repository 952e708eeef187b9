#!/usr/bin/env bash
# Fixes valid as printed (shell / config edit / manual step), fixes that use the numbers in the
# log (heap size, the port holder's pid), a fix shown once across findings, one finding for
# one request refused on both loopbacks, and JSON a script can use (ISO times with their kind
# and the text as written, the read summary, input errors, incidents' times): docs/output.md.
set -uo pipefail
logdx="$(realpath "$1")"
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
new_work
scratch_home

json() {  # json PYTHON-EXPRESSION-ON-d [ARG...] ; evaluates against $out, ARGs in sys.argv[1:]
  python3 -c "import json,sys; d=json.loads(sys.stdin.read()); sys.exit(0 if ($1) else 1)" "${@:2}" <<<"$out"
}

# --- a config edit is shown as the text to put in the file, never shell-quoted -------------
# The gateway listens on the IPv6 loopback; a client dials another port and is refused.
cat >"$work/gateway.log" <<'EOF'
2026-11-24T10:00:01.112+00:00 [gateway] listening on ws://[::1]:18789 (PID 4121)
2026-11-24T10:00:04.530+00:00 [client] gateway connect failed: Error: connect ECONNREFUSED 127.0.0.1:18790
2026-11-24T10:00:09.871+00:00 [client] gateway connect failed: Error: connect ECONNREFUSED 127.0.0.1:18790
EOF
run analyze --no-db --no-user-rules "$work/gateway.log"
check "config edit: 'in FILE:' heading" "$(has 'in the nginx site config' "$out"; echo $?)"
check "config edit: the directive as it goes in the file" \
  "$(grep -qE '^ +proxy_pass http://\[::1\]:18789;' <<<"$out"; echo $?)"
check "config edit: no shell quotes inside" "$(! grep -qF "proxy_pass http://'" <<<"$out"; echo $?)"
check "shell command: still after \$" "$(has '$ openclaw config get gateway.port' "$out"; echo $?)"
run analyze --no-db --no-user-rules -o json "$work/gateway.log"
check "json: config fix has kind, file, text and no command" "$(json '
  any(f["kind"] == "config" and f["text"] == "proxy_pass http://[::1]:18789;"
      and "nginx" in f["file"] and "command" not in f
      for x in d["diagnoses"] for f in x["fixes"])'; echo $?)"
check "json: shell fix keeps command = text" "$(json '
  all(f["command"] == f["text"] for x in d["diagnoses"] for f in x["fixes"]
      if f["kind"] == "shell")'; echo $?)"
run analyze --no-db --no-user-rules -o markdown "$work/gateway.log"
check "markdown: the edit in a text fence under In FILE" \
  "$(grep -A3 '^In `the nginx site config' <<<"$out" | grep -qx 'proxy_pass http://\[::1\]:18789;'; echo $?)"

# The history shows them the same way: `incidents show` prints each fix by its kind with
# analyze's printer, and its JSON writes them as analyze -o json does.
run analyze --no-user-rules --db "$work/kinds.db" -o json "$work/gateway.log"
fingerprint="$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))
print(next(x["incident"]["fingerprint"] for x in d["diagnoses"]
           if any(f["kind"] == "config" for f in x["fixes"])))' "$work/out")"
analyzed="$(python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))
print(json.dumps(next(x["fixes"] for x in d["diagnoses"]
                      if x["incident"]["fingerprint"] == sys.argv[2])))' "$work/out" "$fingerprint")"
run incidents show --db "$work/kinds.db" "$fingerprint"
check "incidents show: the edit under its file, not after \$" \
  "$(grep -A1 -F 'in the nginx site config' <<<"$out" | grep -qE '^ +proxy_pass http://\[::1\]:18789;'; echo $?)"
check "incidents show: no edit printed as a command" "$(! grep -qF '$ proxy_pass' <<<"$out"; echo $?)"
check "incidents show: shell commands still after \$" \
  "$(has '$ openclaw config get gateway.port' "$out"; echo $?)"
run incidents show --db "$work/kinds.db" -o json "$fingerprint"
check "incidents show json: the fixes exactly as analyze -o json wrote them" "$(json '
  [{k: v for k, v in f.items() if k != "shown_under"} for f in d["occurrences"][-1]["fixes"]]
  == [{k: v for k, v in f.items() if k != "shown_under"} for f in json.loads(sys.argv[1])]
  ' "$analyzed"; echo $?)"

# --- one request refused on [::1] and 127.0.0.1 is one finding --------------------------------
cat >"$work/nginx-error.log" <<'EOF'
2026/11/24 10:00:03 [error] 812#812: *41 connect() failed (111: Connection refused) while connecting to upstream, client: 203.0.113.9, server: claw.example.org, request: "GET / HTTP/1.1", upstream: "http://[::1]:3001/", host: "claw.example.org"
2026/11/24 10:00:03 [error] 812#812: *41 connect() failed (111: Connection refused) while connecting to upstream, client: 203.0.113.9, server: claw.example.org, request: "GET / HTTP/1.1", upstream: "http://127.0.0.1:3001/", host: "claw.example.org"
EOF
run analyze --no-db --no-user-rules -o json "$work/nginx-error.log"
check "both loopbacks: one finding of two lines" "$(json '
  [x["count"] for x in d["diagnoses"] if x["rule"] == "connect-nginx-upstream-refused"] == [2]'; echo $?)"

# --- the heap advice is above the heap the log shows -------------------------------------------
cat >"$work/heap.log" <<'EOF'
0|openclaw | <--- Last few GCs --->
0|openclaw | [2207:0x62f1a90]  8213345 ms: Mark-Compact 1998.4 (2083.1) -> 1996.9 (2083.6) MB, 1623.8 / 0.0 ms  (average mu = 0.141, current mu = 0.012) allocation failure; scavenge might not succeed
0|openclaw | FATAL ERROR: Ineffective mark-compacts near heap limit Allocation failed - JavaScript heap out of memory
EOF
run analyze --no-db --no-user-rules "$work/heap.log"
check "heap: limit above a 1998 MB heap" "$(has '--max-old-space-size=3072 openclaw gateway run' "$out"; echo $?)"
check "heap: never the old fixed 1536" "$(! has '1536' "$out"; echo $?)"
check "heap: the unit-file line as a config edit" \
  "$(grep -A1 "in the gateway's systemd unit" <<<"$out" | grep -qE '^ +Environment=NODE_OPTIONS=--max-old-space-size=3072'; echo $?)"
sed -i '2d' "$work/heap.log"  # no GC line: the size is unknown
run analyze --no-db --no-user-rules "$work/heap.log"
check "heap: a stated default without a size" "$(has '--max-old-space-size=4096' "$out"; echo $?)"
# Another Node app (pm2 app `api`): the same limit, in its own terms, and no openclaw command
sed 's/^0|openclaw |/0|api      |/' "$work/heap.log" >"$work/heap-api.log"
run analyze --no-db --no-user-rules "$work/heap-api.log"
check "heap of another app: export the limit" \
  "$(has 'export NODE_OPTIONS=--max-old-space-size=4096' "$out"; echo $?)"
check "heap of another app: no openclaw command" "$(! has 'openclaw gateway' "$out"; echo $?)"

# --- the port holder's pid goes into the fix ------------------------------------------------------
cat >"$work/port.log" <<'EOF'
2026-11-24T10:00:00+0000 gw01 openclaw[5120]: 2026-11-24T10:00:00.201+00:00 Gateway failed to start: another gateway instance is already listening on ws://127.0.0.1:18789 | listen EADDRINUSE: address already in use 127.0.0.1:18789 | EADDRINUSE
2026-11-24T10:00:00+0000 gw01 openclaw[5120]: 2026-11-24T10:00:00.204+00:00 Port 18789 is already in use.
2026-11-24T10:00:00+0000 gw01 openclaw[5120]: 2026-11-24T10:00:00.206+00:00 - pid 9701 ocuser: /usr/bin/python3 -m http.server 18789 (127.0.0.1:18789)
EOF
run analyze --no-db --no-user-rules "$work/port.log"
check "port: ps of the holder's pid" "$(has '$ ps -o pid,user,args -p 9701' "$out"; echo $?)"
check "port: stop the holder by pid" "$(has '$ sudo kill 9701' "$out"; echo $?)"
check "port: reset-failed of the unit" "$(has '$ systemctl reset-failed ' "$out"; echo $?)"

# --- one fix, one place: two findings that share a fix ----------------------------------------------
mkdir -p "$work/shared"
cat >"$work/shared/pack.yaml" <<'EOF'
logdx_rules: 1
rules:
  - id: my-crash
    cause: crash
    severity: critical
    match: {regex: 'worker (?P<worker>\d+) crashed'}
    fixes:
      - command: "free -h"
        why: "memory first"
      - command: "journalctl -u worker@{worker} -n 50"
  - id: my-slow
    cause: slow_start
    severity: error
    match: {regex: 'worker took \d+ s to start'}
    fixes:
      - command: "free -h"
        why: "a small host starts slowly too"
      - command: "uptime"
EOF
printf '2026-11-24T10:00:00Z worker 3 crashed\n2026-11-24T10:00:09Z worker took 41 s to start\n' >"$work/shared.log"
shared=(analyze --no-db --no-user-rules --no-builtin-rules --rules "$work/shared/pack.yaml")
run "${shared[@]}" -o json "$work/shared.log"
check "json: the repeated fix names where it is shown" "$(json '
  [f.get("shown_under", {}).get("rule") for x in d["diagnoses"] for f in x["fixes"]
   if f["text"] == "free -h"] == [None, "my-crash"]'; echo $?)"
run "${shared[@]}" "$work/shared.log"
check "text: a fix shared by findings is printed once" "$([ "$(grep -c '\$ free -h' <<<"$out")" -eq 1 ]; echo $?)"
check "text: the other finding refers to it" "$(has '(and 1 fix shown under my-crash)' "$out"; echo $?)"
check "text: its own fix is still there" "$(has '$ uptime' "$out"; echo $?)"
run "${shared[@]}" -o markdown "$work/shared.log"
check "markdown: refers to it" "$(has '- see the fixes of `my-crash`: `free -h`' "$out"; echo $?)"

# --- JSON times, read summary, input errors -------------------------------------------------------
run analyze --no-db --no-user-rules -o json "$work/port.log" "$work/missing.log"
check "json: schema 2 and the version" "$(json 'd["schema"] == "logdx.analysis/2" and d["logdx_version"]'; echo $?)"
check "json: a missing file is in input_errors" "$(json '
  any(e["severity"] == "error" and "missing.log" in e["input"] + e["message"]
      for e in d["input_errors"])'; echo $?)"
check "json: read summary" "$(json '
  d["read"]["inputs"] == 1 and d["read"]["lines"] == 3 and d["read"]["events"] == 3
  and d["read"]["first"] == "2026-11-24T10:00:00.201Z" and d["read"]["first_kind"] == "utc"
  and d["read"]["first_as_written"] == "2026-11-24T10:00:00.201+00:00"
  and d["read"]["left_out"]["events_outside_since_until"] == 0'; echo $?)"
check "json: evidence times are ISO with the text as written" "$(json '
  all(e["time"].endswith("Z") and e["time_kind"] == "utc" and e["time_as_written"]
      for x in d["diagnoses"] for e in x["evidence"])'; echo $?)"
check "json: jq reads first_seen" \
  "$(jq -e '.diagnoses[0].first_seen | test("^2026-11-24T10:00:00\\.20[0-9]Z$")' <<<"$out" >/dev/null; echo $?)"

# Syslog: no year in the stamp; the year is inferred and said to be.
cat >"$work/syslog.log" <<'EOF'
Nov 24 10:00:00 gw01 openclaw[5120]: Gateway failed to start: another gateway instance is already listening on ws://127.0.0.1:18789 | listen EADDRINUSE: address already in use 127.0.0.1:18789 | EADDRINUSE
Nov 24 10:00:00 gw01 openclaw[5120]: Port 18789 is already in use.
Nov 24 10:00:00 gw01 openclaw[5120]: - pid 9701 ocuser: /usr/bin/python3 -m http.server 18789 (127.0.0.1:18789)
EOF
run analyze --no-db --no-user-rules --year 2025 -o json "$work/syslog.log"
check "json: syslog time as local ISO with the inferred year" "$(json '
  d["diagnoses"][0]["first_seen"] == "2025-11-24T10:00:00"
  and d["diagnoses"][0]["first_seen_kind"] == "local"
  and d["diagnoses"][0]["first_seen_year_inferred"] is True
  and d["diagnoses"][0]["first_seen_as_written"] == "Nov 24 10:00:00"
  and d["diagnoses"][0]["evidence"][0]["time_as_written"] == "Nov 24 10:00:00"'; echo $?)"
run analyze --no-db --no-user-rules --year 2025 "$work/syslog.log"
check "text: one time format (ISO), year inferred said" \
  "$(has '2025-11-24T10:00:00 .. ' "$out$(grep -o 'at 2025-11-24T10:00:00' <<<"$out")" || has 'at 2025-11-24T10:00:00' "$out"; echo $?)"
check "text: read summary says the year is inferred" "$(has '(year inferred)' "$out"; echo $?)"
check "text: no syslog stamp outside evidence" \
  "$(! grep -v '^ *[^ ]*syslog.log:[0-9]' <<<"$out" | grep -q 'Nov 24 10:00:00'; echo $?)"

# incidents -o json: a time wherever the log had one, even without a zone.
run analyze --no-user-rules --year 2025 "$work/syslog.log"
run incidents -o json
check "incidents json: no null first_seen for a local time" "$(json '
  d and all(r["first_seen"] == "2025-11-24T10:00:00" and r["first_seen_kind"] == "local"
            for r in (d if isinstance(d, list) else d.get("incidents", [])))'; echo $?)"

# The rule language: an unknown filter and an edit without `in` are lint errors.
mkdir -p "$work/rules"
cat >"$work/rules/filter.yaml" <<'EOF'
logdx_rules: 1
rules:
  - id: my-heap
    cause: node_heap_oom
    match: {regex: 'heap (?P<mb>\d+) MB'}
    fixes:
      - command: "node --max-old-space-size={mb|double} app.js"
EOF
run rules lint --no-builtin-rules "$work/rules/filter.yaml"
check "lint: unknown filter at file:line:col" "$(has "filter.yaml:7:45: error[unknown-filter]: filter 'double' in '{mb|double}'" "$out$err"; echo $?)"
check "lint: unknown filter exits 2" "$([ "$code" -eq 2 ]; echo $?)"
cat >"$work/rules/edit.yaml" <<'EOF'
logdx_rules: 1
rules:
  - id: my-proxy
    cause: proxy_upstream_timeout
    match: {regex: 'upstream timed out'}
    fixes:
      - edit: "proxy_read_timeout 300s;"
EOF
run rules lint --no-builtin-rules "$work/rules/edit.yaml"
check "lint: an edit without in" "$(has "edit.yaml:7:9: error[missing-key]: an 'edit' fix has no 'in'" "$out$err"; echo $?)"
check "lint: an edit without in exits 2" "$([ "$code" -eq 2 ]; echo $?)"

finish
