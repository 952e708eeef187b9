#!/usr/bin/env bash
# A fleet's journals collected by systemd-journal-remote (issue 15): the test starts
# systemd-journal-remote on 127.0.0.1 (a port the kernel picked), three simulated gateways POST
# their export streams to /upload as systemd-journal-upload does (one port conflict, one OOM
# kill, one healthy), the server is stopped by its pid, and `logdx analyze --journal-dir` on
# the folder it wrote reports exactly that per host (_HOSTNAME as the host). Nothing leaves
# 127.0.0.1.
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
finish
