# Shared by the fleet tests (issue 15): three gateways as a central store holds them, one with
# a port conflict, one killed by the kernel's OOM killer, one healthy, and the check that logdx
# reports exactly that per host. The caller sets `logdx` (and `work`, or calls fleet_server_work)
# and sources lib.sh first.
# The wording is the tools' own: node's `listen EADDRINUSE`, systemd v249+ src/core/service.c,
# the kernel's mm/oom_kill.c (`Out of memory: Killed process %d (%s) total-vm:...`).

# fleet_server_work: a work folder, and a trap that on exit stops the server the test started
# (its pid in $server, 0 until then) and removes the folder. Nothing the test starts outlives it.
fleet_server_work() {
  work="$(mktemp -d)"
  server=0
  trap '[ "$server" -gt 0 ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
}

fleet_port_conflict_line="Error: listen EADDRINUSE: address already in use 127.0.0.1:18789"
fleet_oom_line="Out of memory: Killed process 4242 (openclaw-gatewa) total-vm:3120412kB, anon-rss:1843200kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:4100kB oom_score_adj:0"

# fleet_verdicts JSON: "HOST CAUSE-OF-WORST-FINDING" per host (healthy: "-"), from -o json.
fleet_verdicts() {
  python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
for h in d["hosts"]:
    print(h["host"], h["worst"]["cause"] if h["worst"] else "-")' "$1"
}

# fleet_check NAME JSON TEXT: the three verdicts, the host on every finding and evidence line,
# and the text report's per-host summary.
fleet_check() {
  local name="$1" json="$2" text="$3"
  check "$name: one verdict per host (port conflict, OOM kill, healthy)" \
    "$([ "$(fleet_verdicts "$json")" = "$(printf 'gw-a port_conflict\ngw-b oom_kernel\ngw-c -')" ]; echo $?)"
  [ "$(fleet_verdicts "$json")" = "$(printf 'gw-a port_conflict\ngw-b oom_kernel\ngw-c -')" ] ||
    fleet_verdicts "$json"
  check "$name: every finding and evidence line names its host, none links two hosts" "$(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))
def walk(ds, parent):
    for x in ds:
        assert x["host"] in ("gw-a", "gw-b"), x["host"]
        assert parent is None or x["host"] == parent, (x["host"], parent)
        for e in x["evidence"]:
            assert e["host"].split(".")[0].lower() == x["host"], (e["host"], x["host"])
        walk(x["explains"], x["host"])
walk(d["diagnoses"], None)
assert d["diagnoses"], "no finding"' "$json"; echo $?)"
  check "$name: the text opens with the per-host summary, gw-c healthy" \
    "$(head -1 "$text" | grep -q '^3 hosts: 2 with a fault, 0 with only remarks, 1 healthy' &&
       grep -q '^  gw-c  *healthy' "$text" && grep -q '^== host gw-a ==' "$text" &&
       ! grep -q '^== host gw-c' "$text"; echo $?)"
}

# fleet_export HOST KIND START_USEC: journal export entries (`journalctl -o export`) of one
# host; KIND is port_conflict, oom_kill or healthy.
fleet_export() {
  local host="$1" kind="$2" t="$3" i s
  entry() {
    local usec="$1"; shift
    printf '__REALTIME_TIMESTAMP=%s\n__MONOTONIC_TIMESTAMP=%s\n_BOOT_ID=%s\n_MACHINE_ID=%s\n_HOSTNAME=%s\n' \
      "$usec" "$usec" "$(printf 'boot %s' "$host" | md5sum | cut -c1-32)" \
      "$(printf '%s' "$host" | md5sum | cut -c1-32)" "$host"
    printf '%s\n' "$@"
    printf '\n'
  }
  local unit=UNIT=openclaw-gateway.service sysd="SYSLOG_IDENTIFIER=systemd _PID=1 _SYSTEMD_UNIT=init.scope _TRANSPORT=journal"
  case "$kind" in
    port_conflict)
      for i in 0 1 2 3; do
        s=$((t + i * 10000000))
        entry $s SYSLOG_IDENTIFIER=node _PID=$((2301 + i)) _SYSTEMD_UNIT=openclaw-gateway.service \
          PRIORITY=3 _TRANSPORT=stdout "MESSAGE=$fleet_port_conflict_line"
        # shellcheck disable=SC2086
        entry $((s + 1000000)) $sysd $unit PRIORITY=4 \
          "MESSAGE=openclaw-gateway.service: Main process exited, code=exited, status=1/FAILURE"
        # shellcheck disable=SC2086
        entry $((s + 5000000)) $sysd $unit PRIORITY=6 \
          "MESSAGE=openclaw-gateway.service: Scheduled restart job, restart counter is at $((i + 1))."
      done ;;
    oom_kill)
      entry "$t" SYSLOG_IDENTIFIER=kernel _TRANSPORT=kernel PRIORITY=3 "MESSAGE=$fleet_oom_line"
      # shellcheck disable=SC2086
      entry $((t + 200000)) $sysd $unit PRIORITY=3 \
        "MESSAGE=openclaw-gateway.service: A process of this unit has been killed by the OOM killer."
      # shellcheck disable=SC2086
      entry $((t + 300000)) $sysd $unit PRIORITY=3 \
        "MESSAGE=openclaw-gateway.service: Main process exited, code=killed, status=9/KILL"
      # shellcheck disable=SC2086
      entry $((t + 400000)) $sysd $unit PRIORITY=4 \
        "MESSAGE=openclaw-gateway.service: Failed with result 'oom-kill'." ;;
    healthy)
      # shellcheck disable=SC2086
      entry "$t" $sysd $unit PRIORITY=6 "MESSAGE=Started openclaw-gateway.service - OpenClaw Gateway."
      entry $((t + 2000000)) SYSLOG_IDENTIFIER=node _PID=3100 _SYSTEMD_UNIT=openclaw-gateway.service \
        PRIORITY=6 _TRANSPORT=stdout "MESSAGE=[gateway] listening on ws://127.0.0.1:18789" ;;
  esac
}

# fleet_free_port: a TCP port nothing listens on at 127.0.0.1 (the kernel picks it).
fleet_free_port() {
  python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

# fleet_wait_port PORT: up to 10 s for a listener on 127.0.0.1:PORT.
fleet_wait_port() {
  for _ in $(seq 100); do
    python3 -c 'import socket, sys; socket.create_connection(("127.0.0.1", int(sys.argv[1])), 0.2)' \
      "$1" 2>/dev/null && return 0
    sleep 0.1
  done
  return 1
}
