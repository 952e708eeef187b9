#!/usr/bin/env bash
# A fleet's journals collected by systemd-journal-remote (issue 15): the test starts
# systemd-journal-remote on 127.0.0.1 (a port the kernel picked), three simulated gateways POST
# their export streams to /upload as systemd-journal-upload does (one port conflict, one OOM
# kill, one healthy), the server is stopped by its pid, and `logdx analyze --journal-dir` on
# the folder it wrote reports exactly that per host (_HOSTNAME as the host). Then --follow on a
# live folder: a host's first upload makes its file while logdx follows, and its entries (older
# than the other host's last) arrive as follow records naming the host. Nothing is sent but to
# 127.0.0.1 (the second host uploads from 127.0.0.2, another loopback address: journal-remote
# names each uploader's file after its address, remote-<address>.journal).
set -uo pipefail
logdx="$(realpath "$1")"
root="$(cd "$(dirname "$0")/../.." && pwd)"
source "$root/tests/cli/lib.sh"
source "$root/tests/cli/fleet_lib.sh"
fleet_server_work
remote=/lib/systemd/systemd-journal-remote
if [ ! -x "$remote" ] || ! command -v curl >/dev/null; then
  echo "SKIP: systemd-journal-remote or curl is missing (scripts/bootstrap installs them)"
  exit 0
fi

t=1795514403000000
fleet_export gw-a port_conflict "$t" >"$work/gw-a.export"
fleet_export gw-b oom_kill "$t" >"$work/gw-b.export"
fleet_export gw-c healthy "$t" >"$work/gw-c.export"

mkdir -p "$work/remote"
port="$(fleet_free_port)"
"$remote" --listen-http="127.0.0.1:$port" --output="$work/remote/" --split-mode=host \
  >"$work/server.log" 2>&1 &
server=$!
fleet_wait_port "$port"
check "systemd-journal-remote listens on 127.0.0.1:$port" $?
for host in gw-a gw-b gw-c; do
  curl -sS --fail -X POST -H 'Content-Type: application/vnd.fdo.journal' \
    --data-binary @"$work/$host.export" "http://127.0.0.1:$port/upload" >/dev/null
  check "$host's export stream is accepted" $?
done
kill "$server"
wait "$server" 2>/dev/null
server=0
check "the server wrote remote-*.journal" \
  "$(compgen -G "$work/remote/remote-*.journal" >/dev/null; echo $?)"

"$logdx" analyze --db "$work/history.db" --no-user-rules --journal-dir "$work/remote" -o json \
  >"$work/out.json" 2>"$work/err"
check "analyze --journal-dir: exit 1 (faults found)" "$([ $? -eq 1 ]; echo $?)"
"$logdx" analyze --db "$work/history.db" --no-user-rules --journal-dir "$work/remote" \
  >"$work/out.txt" 2>>"$work/err"
fleet_check "journal-remote" "$work/out.json" "$work/out.txt"
[ "$failures" -eq 0 ] || { cat "$work/err" "$work/out.txt" "$work/server.log"; }

# --follow --journal-dir on a folder the server is writing to.
upload() {  # upload HOST FROM-ADDRESS: HOST's export stream, sent from that loopback address
  curl -sS --fail --interface "$2" -X POST -H 'Content-Type: application/vnd.fdo.journal' \
    --data-binary @"$work/$1.export" "http://127.0.0.1:$port/upload" >/dev/null
}
mkdir -p "$work/live"
port="$(fleet_free_port)"
"$remote" --listen-http="127.0.0.1:$port" --output="$work/live/" --split-mode=host \
  >"$work/live-server.log" 2>&1 &
server=$!
fleet_wait_port "$port"
upload gw-c 127.0.0.1
check "gw-c's upload makes its file" "$(compgen -G "$work/live/remote-*.journal" >/dev/null; echo $?)"
"$logdx" analyze --no-db --no-user-rules --follow -o json --journal-dir "$work/live" \
  >"$work/follow.out" 2>"$work/follow.err" &
follower=$!
for _ in $(seq 100); do grep -q "following 1 input" "$work/follow.err" && break; sleep 0.1; done
sleep 0.5  # gw-c's two entries are read: gw-b's are older than the last of them
expected="gw-c"
if upload gw-b 127.0.0.2; then
  expected="gw-b gw-c"
  check "gw-b's upload from another address makes a second file" \
    "$([ "$(compgen -G "$work/live/remote-*.journal" | wc -l)" -eq 2 ]; echo $?)"
  for _ in $(seq 100); do grep -q '"cause":"oom_kernel"' "$work/follow.out" && break; sleep 0.1; done
  check "--follow --journal-dir: the new host's file is read, its OOM kill a follow record naming gw-b" \
    "$(python3 -c '
import json, sys
recs = [json.loads(l) for l in open(sys.argv[1]) if "logdx.follow/1" in l]
oom = [r["diagnosis"] for r in recs if r["diagnosis"]["cause"] == "oom_kernel"]
assert oom and all(d["host"] == "gw-b" for d in oom), recs
assert all(e["host"] == "gw-b" for d in oom for e in d["evidence"]), oom
' "$work/follow.out"; echo $?)"
else
  echo "note: cannot upload from 127.0.0.2 (no such loopback address here): new-file check skipped"
fi
# A file deleted under logdx (journal-remote's vacuuming of old files) is closed, so its space
# is freed while logdx follows on.
deleted_open() { find "/proc/$follower/fd" -lname "*remote-127.0.0.1.journal (deleted)" 2>/dev/null | grep -c .; }
check "--follow --journal-dir: logdx holds gw-c's file open" \
  "$(find "/proc/$follower/fd" -lname "$work/live/remote-127.0.0.1.journal" | grep -q .; echo $?)"
rm "$work/live/remote-127.0.0.1.journal"
for _ in $(seq 50); do [ "$(deleted_open)" -eq 0 ] && break; sleep 0.1; done
check "--follow --journal-dir: a deleted journal file is closed" "$([ "$(deleted_open)" -eq 0 ]; echo $?)"
kill -INT "$follower"
wait "$follower" 2>/dev/null
check "--follow --journal-dir: the closing summary names $expected" "$(python3 -c '
import json, sys
summary = json.loads(open(sys.argv[1]).read().splitlines()[-1])
hosts = " ".join(h["host"] for h in summary["hosts"])
assert hosts == sys.argv[2], hosts
' "$work/follow.out" "$expected"; echo $?)"
kill "$server"
wait "$server" 2>/dev/null
server=0
[ "$failures" -eq 0 ] || { cat "$work/follow.err" "$work/live-server.log"; tail -c 3000 "$work/follow.out"; }
finish
