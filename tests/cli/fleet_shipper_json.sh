#!/usr/bin/env bash
# A fleet's logs as a log shipper or store writes them (issue 15): JSON lines in the shapes of
# Vector's journald source through a JSON-encoded file sink ({"host","message","timestamp",
# "source_type", and the journal's own _SYSTEMD_UNIT, SYSLOG_IDENTIFIER, _PID, PRIORITY}) and
# of Loki's `logcli query --output=jsonl` ({"labels":{...},"line":...,"timestamp":...}, from
# its JSONLOutput printer), three hosts each: a port conflict, an OOM kill, a healthy gateway.
# The generic shipper envelope reads both and logdx reports the three verdicts; a docker
# json-file line and journalctl's own JSON stay their parsers'.
set -uo pipefail
logdx="$(realpath "$1")"
root="$(cd "$(dirname "$0")/../.." && pwd)"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
source "$root/tests/cli/lib.sh"
source "$root/tests/cli/fleet_lib.sh"

python3 - "$work" "$fleet_port_conflict_line" "$fleet_oom_line" <<'PY'
import json, sys
work, in_use, oom = sys.argv[1:4]
unit = "openclaw-gateway.service"
def lines(host):
    """(seconds after the start, identifier, pid, priority, message) per host."""
    if host == "gw-a":
        out = []
        for i in range(4):
            out += [(i * 10, "node", 2301 + i, 3, in_use),
                    (i * 10 + 1, "systemd", 1, 4, unit + ": Main process exited, code=exited, status=1/FAILURE"),
                    (i * 10 + 5, "systemd", 1, 6, unit + f": Scheduled restart job, restart counter is at {i + 1}.")]
        return out
    if host == "gw-b":
        return [(0, "kernel", 0, 3, oom),
                (0.2, "systemd", 1, 3, unit + ": A process of this unit has been killed by the OOM killer."),
                (0.3, "systemd", 1, 3, unit + ": Main process exited, code=killed, status=9/KILL"),
                (0.4, "systemd", 1, 4, unit + ": Failed with result 'oom-kill'.")]
    return [(0, "systemd", 1, 6, "Started " + unit + " - OpenClaw Gateway."),
            (2, "node", 3100, 6, "[gateway] listening on ws://127.0.0.1:18789")]

def stamp(seconds, zone="Z"):
    whole, frac = divmod(seconds, 1)
    return f"2026-11-24T10:00:{int(whole):02d}.{int(round(frac * 1e6)):06d}" + zone

with open(f"{work}/vector.jsonl", "w") as vector, open(f"{work}/logcli.jsonl", "w") as logcli:
    for host in ("gw-a", "gw-b", "gw-c"):
        for at, ident, pid, prio, message in lines(host):
            # Vector: its own keys, then the journal fields it passes through.
            event = {"host": host + ".example.net", "message": message, "source_type": "journald",
                     "timestamp": stamp(at), "PRIORITY": str(prio), "SYSLOG_IDENTIFIER": ident,
                     "_HOSTNAME": host + ".example.net", "_BOOT_ID": "0123456789abcdef"}
            if ident == "kernel":
                event["_TRANSPORT"] = "kernel"
            else:
                event.update({"_PID": str(pid), "_TRANSPORT": "journal" if ident == "systemd" else "stdout",
                              "_SYSTEMD_UNIT": "init.scope" if ident == "systemd" else unit})
                if ident == "systemd":
                    event["UNIT"] = unit
            vector.write(json.dumps(event) + "\n")
            # logcli: Go's encoding/json sorts map keys; the time in the query's zone.
            labels = {"host": host, "job": "systemd-journal"}
            if ident != "kernel":
                labels["unit"] = unit
            logcli.write(json.dumps({"labels": labels, "line": message,
                                     "timestamp": stamp(at, "Z")}, sort_keys=True) + "\n")
PY

for shape in vector logcli; do
  "$logdx" detect "$work/$shape.jsonl" >"$work/detect" 2>&1
  check "$shape: detected as shipper-json" "$(grep -q 'shipper-json' "$work/detect"; echo $?)"
  "$logdx" analyze --db "$work/history.db" --no-user-rules "$work/$shape.jsonl" -o json \
    >"$work/out.json" 2>"$work/err"
  check "$shape: exit 1 (faults found)" "$([ $? -eq 1 ]; echo $?)"
  "$logdx" analyze --db "$work/history.db" --no-user-rules "$work/$shape.jsonl" \
    >"$work/out.txt" 2>>"$work/err"
  fleet_check "$shape" "$work/out.json" "$work/out.txt"
  [ "$failures" -eq 0 ] || { cat "$work/err" "$work/out.txt"; }
done

# The history per host: `incidents --host`, the HOST column, one line per cause seen on several
# hosts. A second store adds the port conflict on gw-c too.
"$logdx" incidents --db "$work/history.db" --host gw-a >"$work/inc.txt" 2>&1
check "incidents --host gw-a: its port conflict" "$(grep -q 'port_conflict' "$work/inc.txt"; echo $?)"
check "incidents --host gw-a: not gw-b's OOM kill" "$(! grep -q 'oom_kernel' "$work/inc.txt"; echo $?)"
"$logdx" incidents --db "$work/history.db" --host gw-b -o json >"$work/inc.json" 2>&1
check "incidents --host gw-b -o json: only gw-b's rows, each naming it" "$(python3 -c '
import json, sys
rows = json.load(open(sys.argv[1]))
rows = rows["incidents"] if isinstance(rows, dict) else rows
sys.exit(0 if rows and all(r["host"] == "gw-b" for r in rows) else 1)' "$work/inc.json"; echo $?)"
"$logdx" incidents --db "$work/history.db" --host gw-c >"$work/inc.txt" 2>&1
check "incidents --host gw-c: the healthy host has no incident" \
  "$(! grep -qE 'port_conflict|oom_kernel' "$work/inc.txt"; echo $?)"
python3 - "$work/vector.jsonl" "$work/more.jsonl" <<'PY'
import json, sys
with open(sys.argv[2], "w") as out:
    for line in open(sys.argv[1]):
        event = json.loads(line)
        if event["host"].startswith("gw-a"):
            event["host"] = event["_HOSTNAME"] = "gw-c.example.net"
            out.write(json.dumps(event) + "\n")
PY
"$logdx" analyze --db "$work/history.db" --no-user-rules -q "$work/more.jsonl" 2>/dev/null
"$logdx" incidents --db "$work/history.db" >"$work/inc.txt" 2>&1
check "incidents: a HOST column" "$(grep -qE '^FINGERPRINT +HOST ' "$work/inc.txt"; echo $?)"
check "incidents: the port conflict on 2 hosts, named" \
  "$(grep -qE 'port_conflict on 2 hosts since .*\(gw-a, gw-c\)' "$work/inc.txt"; echo $?)"
[ "$failures" -eq 0 ] || cat "$work/inc.txt"

# The generic envelope never takes a line a specific parser owns.
printf '%s\n' '{"log":"Error: listen EADDRINUSE: address already in use 127.0.0.1:18789\n","stream":"stderr","time":"2026-11-24T10:00:03.000000000Z"}' \
  >"$work/docker.log"
"$logdx" parse "$work/docker.log" >"$work/parsed" 2>&1
check "a docker json-file line stays docker-json-file" \
  "$(grep -q '"parser":"docker-json-file"' "$work/parsed"; echo $?)"
printf '%s\n' '{"__CURSOR":"s=1","__REALTIME_TIMESTAMP":"1795514403000000","_HOSTNAME":"gw-a","SYSLOG_IDENTIFIER":"node","_PID":"2301","MESSAGE":"hello"}' \
  >"$work/journal.json"
"$logdx" parse "$work/journal.json" >"$work/parsed" 2>&1
check "journalctl -o json stays journal-json" "$(grep -q '"parser":"journal-json"' "$work/parsed"; echo $?)"
# A JSON object without a message under any known key is not a log line of this envelope.
printf '%s\n' '{"status":"ok","count":3}' '{"status":"ok","count":4}' >"$work/other.jsonl"
"$logdx" parse "$work/other.jsonl" >"$work/parsed" 2>&1
check "JSON without a message key is not claimed" "$(! grep -q '"parser":"shipper-json"' "$work/parsed"; echo $?)"
# An Elasticsearch export: the document under _source, ECS host.name and @timestamp.
printf '%s\n' '{"_index":"logs-2026.11.24","_id":"x1","_source":{"@timestamp":"2026-11-24T10:00:03.000Z","host":{"name":"gw-e"},"service":{"name":"openclaw-gateway"},"message":"Error: listen EADDRINUSE: address already in use 127.0.0.1:18789"}}' \
  >"$work/es.jsonl"
"$logdx" parse "$work/es.jsonl" >"$work/parsed" 2>&1
check "an Elasticsearch hit: host.name and the message under _source" \
  "$(grep -q '"host":"gw-e".*"message":"Error: listen EADDRINUSE' "$work/parsed"; echo $?)"
finish
