#!/usr/bin/env bash
# analyze --host on a fake machine made here (a /proc tree, a home folder), the time window
# and the timeline through the real binary, colour rules, and examples in every --help.
set -uo pipefail
logdx="$(realpath "$1")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
scratch_home  # never the user's config, rules, history or caches
cd "$(dirname "$0")/../.." || exit 2
port_case=corpus/cases/01-port-conflict-systemd-docker-proxy/input.log
config_case=corpus/cases/03-missing-config-pm2-loop-hundreds/input.log

# A machine where docker-proxy (pid 1187) listens on 0.0.0.0:18789, 200 MB are available,
# no gateway runs, and the OpenClaw config has no gateway.mode.
root="$work/root"
mkdir -p "$root/proc/net" "$root/proc/1187/fd" "$root/home/oc/.openclaw"
printf 'MemTotal:        1000000 kB\nMemAvailable:     204800 kB\n' >"$root/proc/meminfo"
{
  echo "  sl  local_address rem_address   st tx_queue rx_queue tr tm->when retrnsmt   uid  timeout inode"
  echo "   0: 00000000:4965 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 48213 1 0 100 0 0 10 0"
} >"$root/proc/net/tcp"
printf '/usr/bin/docker-proxy\0-proto\0tcp\0-host-port\00018789\0' >"$root/proc/1187/cmdline"
echo docker-proxy >"$root/proc/1187/comm"
echo "1187 (docker-proxy) S 1 1 1 0 -1" >"$root/proc/1187/stat"
echo "0::/system.slice/docker.service" >"$root/proc/1187/cgroup"
ln -s 'socket:[48213]' "$root/proc/1187/fd/4"
echo '{ gateway: { port: 18789 } }' >"$root/home/oc/.openclaw/openclaw.json"

host_run() {  # host_run ARGS... : analyze --host on the fake machine
  HOME=/home/oc OPENCLAW_CONFIG_PATH='' OPENCLAW_STATE_DIR='' PM2_HOME='' \
    "$logdx" analyze --no-db --no-user-rules --host --host-root "$root" "$@" \
    >"$work/out" 2>"$work/err" </dev/null
  code=$?
  out="$(cat "$work/out")"
}

host_run "$port_case"
check "host: exit 1 for the port conflict (got $code)" $([ "$code" -eq 1 ]; echo $?)
check "host: the holder is named and confirms the conflict" \
  $(grep -q "port: port 18789 is held now by pid 1187 (docker-proxy), which is not a gateway \[confirms port_conflict\]" <<<"$out"; echo $?)
check "host: memory is below what the gateway needs" \
  $(grep -q "memory: 200 MB available now of 976 MB; the gateway needs about 256 MB" <<<"$out"; echo $?)
check "host: no gateway process" $(grep -q "gateway_process: no gateway process is running now" <<<"$out"; echo $?)
check "host: pm2 skipped with a note" $(grep -q "pm2: no PM2 folder at /home/oc/.pm2" <<<"$out"; echo $?)
check "host: the section comes before the summary" \
  $(grep -A100 "^On this host" <<<"$out" | grep -q "^Read 1 input"; echo $?)

host_run -o markdown "$port_case"
check "host markdown: a list item with its bearing and facts" \
  $(grep -qF -- '- **port** (problem): port 18789 is held now by pid 1187 (docker-proxy), which is not a gateway — confirms `port_conflict`' <<<"$out" &&
    grep -qF -- '  - holder\_pid: `1187`' <<<"$out"; echo $?)

host_run -o json "$config_case"
check "host json: config confirms missing_config" $(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
c = [c for c in d["host"] if c["check"] == "config"][0]
assert c["status"] == "problem" and c["bearing"] == "confirms" and c["cause"] == "missing_config", c
assert [c for c in d["host"] if c["check"] == "port"][0]["facts"]["port"] == "18789"
assert "timeline" not in d
' "$work/out"; echo $?)

run analyze --no-db --no-user-rules -o json "$port_case"
check "no --host: no host key" $(python3 -c 'import json,sys; assert "host" not in json.load(open(sys.argv[1]))' "$work/out"; echo $?)

# The time window: a relative --since far after this March 2026 log leaves nothing (whatever
# today is, it is after the log); --until a relative time keeps all of it.
run analyze --no-db --no-user-rules --since 1h "$port_case"
check "since 1h: nothing left, exit 0 (got $code)" $([ "$code" -eq 0 ]; echo $?)
check "since 1h: says how many were left out" $(grep -q "(70 outside --since/--until left out)" <<<"$out"; echo $?)
run analyze --no-db --no-user-rules --until 1h "$port_case"
check "until 1h: everything kept (got $code)" $([ "$code" -eq 1 ] && ! grep -q "outside" <<<"$out"; echo $?)
run analyze --no-db --since 2026-03-05T08:21:00Z --until 2026-03-05T08:20:00Z "$port_case"
check "since after until: usage error" $([ "$code" -eq 2 ] && grep -q "is after --until" <<<"$err"; echo $?)

# Colour: never in a pipe by default; --color always wins over NO_COLOR; never wins over all.
run analyze --no-db --no-user-rules "$port_case"
check "pipe: no escape codes" $(! grep -q $'\e\[' "$work/out"; echo $?)
NO_COLOR=1 "$logdx" analyze --no-db --no-user-rules --color always "$port_case" >"$work/out" 2>/dev/null
check "--color always beats NO_COLOR" $(grep -q $'\e\[1m' "$work/out"; echo $?)

# The timeline: in time order across inputs.
run analyze --no-db --no-user-rules --timeline -o json \
  corpus/cases/02-port-conflict-3001-pm2-uptime-kuma/input-1.log \
  corpus/cases/02-port-conflict-3001-pm2-uptime-kuma/input-2.log
check "timeline: both inputs, sorted by time" $(python3 -c '
import json, sys
t = json.load(open(sys.argv[1]))["timeline"]
assert len({e["input"] for e in t}) == 2, t
times = [e["time"][:19] for e in t]
assert times == sorted(times), times
' "$work/out"; echo $?)

# Every command's --help ends with examples.
for command in "" parse detect analyze rules "rules list" "rules show" "rules lint" "rules test" \
  "rules schema"; do
  # shellcheck disable=SC2086
  "$logdx" $command --help >"$work/out" 2>&1
  check "--help of '${command:-logdx}' has examples" $(grep -q "^Examples:" "$work/out"; echo $?)
done

# A log saved by Windows PowerShell 5.1 (`openclaw logs > gateway.log`): UTF-16LE with a BOM,
# CRLF. It is text: the same diagnosis as the UTF-8 file, not "skipped: binary file".
{ printf '\xff\xfe'; sed 's/$/\r/' "$port_case" | iconv -f utf-8 -t utf-16le; } >"$work/ps.log"
"$logdx" analyze --no-db -o json "$port_case" >"$work/utf8.json" 2>/dev/null
"$logdx" analyze --no-db -o json "$work/ps.log" >"$work/utf16.json" 2>"$work/err"
check "a UTF-16LE file is read as text" $(! grep -q "binary" "$work/err"; echo $?)
check "a UTF-16LE file gives the UTF-8 file's diagnoses" $(python3 -c '
import json, sys
a, b = (json.load(open(p))["diagnoses"] for p in sys.argv[1:3])
sys.exit(0 if [(d["cause"], d["rule"]) for d in a] == [(d["cause"], d["rule"]) for d in b] and a else 1)
' "$work/utf8.json" "$work/utf16.json"; echo $?)

finish
