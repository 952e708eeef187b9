#!/usr/bin/env bash
# A fleet's syslog collected by a central rsyslog (issue 15): the test starts rsyslogd on
# 127.0.0.1 (imtcp on a port the kernel picked, one folder per sending host, the traditional
# file format), three simulated gateways send with `logger --server 127.0.0.1 --tcp` under
# their own hostnames (a UTS namespace each: logger sends gethostname()), the server is
# stopped by its pid, and `logdx analyze` on the tree reports per host: a port conflict, an
# OOM kill, a healthy gateway. The same server writes two more trees with templates that leave
# the host out of each line (`%timestamp% %syslogtag%%msg%`, and `%msg%` alone): there the
# folder names the host, and the verdicts are the same. Nothing leaves 127.0.0.1.
set -uo pipefail
logdx="$(realpath "$1")"
root="$(cd "$(dirname "$0")/../.." && pwd)"
source "$root/tests/cli/lib.sh"
source "$root/tests/cli/fleet_lib.sh"
fleet_server_work
rsyslogd="$(command -v rsyslogd || echo /usr/sbin/rsyslogd)"
if [ ! -x "$rsyslogd" ] || ! command -v logger >/dev/null; then
  echo "SKIP: rsyslogd or logger is missing (scripts/bootstrap installs rsyslog)"
  exit 0
fi
if ! unshare -u true 2>/dev/null; then
  echo "SKIP: cannot make a UTS namespace (unshare -u) to send under three hostnames"
  exit 0
fi

port="$(fleet_free_port)"
mkdir -p "$work/spool" "$work/remote"
cat >"$work/rsyslog.conf" <<CONF
global(workDirectory="$work/spool")
module(load="imtcp")
template(name="PerHost" type="string" string="$work/remote/%HOSTNAME%/syslog.log")
template(name="BarePerHost" type="string" string="$work/bare/%HOSTNAME%/syslog.log")
template(name="MsgPerHost" type="string" string="$work/msg/%HOSTNAME%/syslog.log")
template(name="NoHost" type="string" string="%timestamp% %syslogtag%%msg%\n")
template(name="MsgOnly" type="string" string="%msg%\n")
ruleset(name="remote") {
  action(type="omfile" dynaFile="PerHost" template="RSYSLOG_TraditionalFileFormat")
  action(type="omfile" dynaFile="BarePerHost" template="NoHost")
  action(type="omfile" dynaFile="MsgPerHost" template="MsgOnly")
}
input(type="imtcp" address="127.0.0.1" port="$port" ruleset="remote")
CONF
"$rsyslogd" -n -f "$work/rsyslog.conf" -i "$work/rsyslogd.pid" >"$work/server.log" 2>&1 &
server=$!
fleet_wait_port "$port"
check "rsyslogd listens on 127.0.0.1:$port" $?

send() {  # send HOST TAG PID MESSAGE: one line as HOST's logger sends it
  unshare -u sh -c 'hostname "$1" && logger --server 127.0.0.1 --tcp --port "$2" --rfc3164 \
    -t "$3" --id="$4" -- "$5"' sh "$1" "$port" "$2" "$3" "$4"
}
for i in 1 2 3 4; do
  send gw-a node $((2300 + i)) "$fleet_port_conflict_line"
  send gw-a systemd 1 "openclaw-gateway.service: Main process exited, code=exited, status=1/FAILURE"
  send gw-a systemd 1 "openclaw-gateway.service: Scheduled restart job, restart counter is at $i."
done
send gw-b kernel 0 "$fleet_oom_line"
send gw-b systemd 1 "openclaw-gateway.service: A process of this unit has been killed by the OOM killer."
send gw-b systemd 1 "openclaw-gateway.service: Main process exited, code=killed, status=9/KILL"
send gw-b systemd 1 "openclaw-gateway.service: Failed with result 'oom-kill'."
send gw-c systemd 1 "Started openclaw-gateway.service - OpenClaw Gateway."
send gw-c node 3100 "[gateway] listening on ws://127.0.0.1:18789"
# rsyslog writes asynchronously: wait for the last line of each host, then stop it by its pid.
written() {  # written TREE: the last line of each host is in TREE
  grep -qs "oom-kill" "$1/gw-b/syslog.log" && grep -qs "listening" "$1/gw-c/syslog.log" &&
    grep -qs "counter is at 4" "$1/gw-a/syslog.log"
}
for _ in $(seq 100); do
  written "$work/remote" && written "$work/bare" && written "$work/msg" && break
  sleep 0.1
done
kill "$server"
wait "$server" 2>/dev/null
server=0
check "rsyslog wrote one folder per host" \
  "$([ "$(ls "$work/remote")" = "$(printf 'gw-a\ngw-b\ngw-c')" ]; echo $?)"

"$logdx" analyze --db "$work/history.db" --no-user-rules "$work/remote" -o json \
  >"$work/out.json" 2>"$work/err"
check "analyze on the tree: exit 1 (faults found)" "$([ $? -eq 1 ]; echo $?)"
"$logdx" analyze --db "$work/history.db" --no-user-rules "$work/remote" >"$work/out.txt" 2>>"$work/err"
fleet_check "central rsyslog" "$work/out.json" "$work/out.txt"
[ "$failures" -eq 0 ] || { cat "$work/err" "$work/out.txt" "$work/server.log"; head -3 "$work"/remote/*/syslog.log; }

# The trees whose lines name no host: the first folder under the given one is the host.
for tree in bare msg; do
  check "$tree tree: no line names a host (the template leaves it out)" \
    "$(! grep -q 'gw-[abc]' "$work/$tree"/*/syslog.log; echo $?)"
  "$logdx" analyze --no-db --no-user-rules "$work/$tree" -o json >"$work/$tree.json" 2>"$work/err"
  check "$tree tree: exit 1 (faults found)" "$([ $? -eq 1 ]; echo $?)"
  "$logdx" analyze --no-db --no-user-rules "$work/$tree" >"$work/$tree.txt" 2>>"$work/err"
  fleet_check "central rsyslog, $tree template (folder names as hosts)" "$work/$tree.json" \
    "$work/$tree.txt"
  [ "$failures" -eq 0 ] || { cat "$work/err"; head -40 "$work/$tree.txt"; head -3 "$work/$tree"/*/syslog.log; }
done

# --follow on the tree picks up a host whose folder appears while it runs (rsyslog makes a
# host's folder at its first line); its findings arrive as follow records naming the host.
mkdir -p "$work/live"
cp -r "$work/remote/gw-c" "$work/live/"
"$logdx" analyze --db "$work/history.db" --no-user-rules --follow -o json "$work/live" \
  >"$work/follow.out" 2>"$work/follow.err" &
follower=$!
for _ in $(seq 100); do grep -q "following 1 input" "$work/follow.err" && break; sleep 0.1; done
cp -r "$work/remote/gw-b" "$work/live/"
for _ in $(seq 100); do grep -q '"cause":"oom_kernel"' "$work/follow.out" && break; sleep 0.1; done
check "--follow: a new host's folder is picked up" \
  "$(grep -q "following new input .*gw-b/syslog.log" "$work/follow.err"; echo $?)"
check "--follow: its OOM kill arrives as a follow record naming the host" \
  "$(grep -q '"host":"gw-b".*"cause":"oom_kernel"\|"cause":"oom_kernel".*"host":"gw-b"' "$work/follow.out"; echo $?)"
kill -INT "$follower"
wait "$follower" 2>/dev/null
[ "$failures" -eq 0 ] || { cat "$work/follow.err" "$work/follow.out"; }
finish
