#!/usr/bin/env bash
# A central rsyslog tree whose template leaves the host out of each line (issue 15): the folder
# (/var/log/remote/<host>/<program>.log) is then the only place the host is named. Written here
# as rsyslog writes it with `%timestamp% %syslogtag%%msg%` (gw-a, gw-c) and `%msg%` alone
# (gw-b, one folder deeper: <host>/kern/<program>.log); fleet_rsyslog.sh makes the same trees
# with the real rsyslogd. logdx must take each host-less line's host from the first folder
# under the folder it was given, when that folder holds only folders; a line naming its own
# host keeps it; a folder with files of its own (as /var/log always has), a single file and
# stdin are read as before; --follow names a new host's folder's lines after it.
set -uo pipefail
logdx="$(realpath "$1")"
root="$(cd "$(dirname "$0")/../.." && pwd)"
source "$root/tests/cli/lib.sh"
source "$root/tests/cli/fleet_lib.sh"
new_work
scratch_home

tree="$work/remote"
mkdir -p "$tree/gw-a" "$tree/gw-b/kern" "$tree/gw-c"
for i in 1 2 3 4; do
  printf 'Nov 24 10:0%s:03 node[%s]: %s\n' "$i" $((2300 + i)) "$fleet_port_conflict_line"
  printf 'Nov 24 10:0%s:04 systemd[1]: openclaw-gateway.service: Main process exited, code=exited, status=1/FAILURE\n' "$i"
  printf 'Nov 24 10:0%s:08 systemd[1]: openclaw-gateway.service: Scheduled restart job, restart counter is at %s.\n' "$i" "$i"
done >"$tree/gw-a/syslog.log"
printf ' %s\n' "$fleet_oom_line" >"$tree/gw-b/kern/kernel.log"
printf ' %s\n' "openclaw-gateway.service: A process of this unit has been killed by the OOM killer." \
  "openclaw-gateway.service: Main process exited, code=killed, status=9/KILL" \
  "openclaw-gateway.service: Failed with result 'oom-kill'." >"$tree/gw-b/systemd.log"
printf '%s\n' "Nov 24 10:00:03 systemd[1]: Started openclaw-gateway.service - OpenClaw Gateway." \
  "Nov 24 10:00:05 node[3100]: [gateway] listening on ws://127.0.0.1:18789" >"$tree/gw-c/syslog.log"

a=(analyze --no-db --no-user-rules)
"$logdx" "${a[@]}" -o json "$tree" >"$work/out.json" 2>"$work/err"
check "host-less tree: exit 1 (faults found)" "$([ $? -eq 1 ]; echo $?)"
"$logdx" "${a[@]}" "$tree/" >"$work/out.txt" 2>>"$work/err"
fleet_check "host-less tree (folder names as hosts)" "$work/out.json" "$work/out.txt"
[ "$failures" -eq 0 ] || { cat "$work/err" "$work/out.txt"; }

# A line that names its host keeps it, whatever folder it is in.
printf 'Nov 24 10:09:00 gw-d node[77]: %s\n' "$fleet_port_conflict_line" >>"$tree/gw-c/syslog.log"
"$logdx" "${a[@]}" -o json "$tree" >"$work/own.json" 2>/dev/null
check "a line naming its own host (gw-d) keeps it in gw-c's folder" "$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
hosts = sorted(h["host"] for h in d["hosts"])
assert hosts == ["gw-a", "gw-b", "gw-c", "gw-d"], hosts
d4 = [x for x in d["diagnoses"] if x["host"] == "gw-d"]
assert d4 and all(e["input"].endswith("gw-c/syslog.log") for x in d4 for e in x["evidence"]), d4
' "$work/own.json"; echo $?)"
sed -i '$d' "$tree/gw-c/syslog.log"

# Not a tree of host folders: a folder with a file of its own (like /var/log: its nginx/ is
# no host), a single file, standard input, a glob of files. Host-less lines name no host.
hosts_of() { python3 -c 'import json, sys; print(" ".join(h["host"] for h in json.load(open(sys.argv[1]))["hosts"]))' "$1"; }
cp -r "$tree" "$work/varlog"
printf 'Nov 24 10:00:01 cron[9]: (root) CMD (true)\n' >"$work/varlog/syslog"
"$logdx" "${a[@]}" -o json "$work/varlog" >"$work/varlog.json" 2>/dev/null
check "a folder with a file of its own: no folder is a host" \
  "$([ -z "$(hosts_of "$work/varlog.json")" ]; echo $?)"
"$logdx" "${a[@]}" -o json "$tree/gw-b/systemd.log" >"$work/file.json" 2>/dev/null
check "a single file: no host" "$([ -z "$(hosts_of "$work/file.json")" ]; echo $?)"
"$logdx" "${a[@]}" -o json <"$tree/gw-b/systemd.log" >"$work/stdin.json" 2>/dev/null
check "stdin: no host" "$([ -z "$(hosts_of "$work/stdin.json")" ]; echo $?)"
"$logdx" "${a[@]}" -o json "$tree"/*/*.log >"$work/glob.json" 2>/dev/null
check "a glob of files: no host" "$([ -z "$(hosts_of "$work/glob.json")" ]; echo $?)"
# A folder name no host can have (docker's 64-hex container ids under /var/lib/docker/containers).
id="$(printf 'container' | sha256sum | cut -c1-64)"
mkdir -p "$work/containers/$id"
cp "$tree/gw-b/systemd.log" "$work/containers/$id/$id-json.log"
"$logdx" "${a[@]}" -o json "$work/containers" >"$work/docker.json" 2>/dev/null
check "a 64-hex folder (a container id) is no host" \
  "$([ -z "$(hosts_of "$work/docker.json")" ]; echo $?)"

# --follow: a host's folder made while logdx runs; its host-less lines arrive as follow
# records naming the folder's host.
mkdir -p "$work/live"
cp -r "$tree/gw-c" "$work/live/"
"$logdx" "${a[@]}" --follow -o json "$work/live" >"$work/follow.out" 2>"$work/follow.err" &
follower=$!
for _ in $(seq 100); do grep -q "following 1 input" "$work/follow.err" && break; sleep 0.1; done
cp -r "$tree/gw-b" "$work/live/"
for _ in $(seq 100); do grep -q '"cause":"oom_kernel"' "$work/follow.out" && break; sleep 0.1; done
check "--follow: the new host folder's files are picked up" \
  "$(grep -q "following new input .*gw-b/kern/kernel.log" "$work/follow.err"; echo $?)"
check "--follow: its host-less OOM kill arrives naming the folder's host" "$(python3 -c '
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1]) if "logdx.follow/1" in l]
oom = [r["diagnosis"] for r in recs if r["diagnosis"]["cause"] == "oom_kernel"]
assert oom and all(d["host"] == "gw-b" for d in oom), recs
assert all(e["host"] == "gw-b" for d in oom for e in d["evidence"]), oom
' "$work/follow.out"; echo $?)"
kill -INT "$follower"
wait "$follower" 2>/dev/null
[ "$failures" -eq 0 ] || { cat "$work/follow.err" "$work/follow.out"; }
finish
