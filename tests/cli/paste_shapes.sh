#!/usr/bin/env bash
# Pastes as people bring them, through the real binary: a V8 heap OOM behind an ISO stamp, a
# token-mismatch close split over lines by a wrapper, openclaw's start refusals for a
# non-loopback bind, one crash record matched by two rules, an OOM victim that is the pasted
# service. Each with a paste that must stay quiet.
set -uo pipefail
logdx="$(realpath "$1")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
# shellcheck source=paste_lib.sh
source "$(dirname "$0")/paste_lib.sh"


# node 20.20.2 V8 "FATAL ERROR: ... JavaScript heap out of memory" behind a shipper's ISO stamp:
# the stamp's level word is not a syslog host, so the message keeps its head.
paste_run "2026-07-08T13:11:50Z FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory"
check "heap OOM behind an ISO stamp" $(root_is node_heap_oom node-heap-out-of-memory; echo $?)
paste_run "2026-07-08T13:11:50+00:00 INFO web01: why does node print FATAL ERROR: here"
check "a level word as host is no V8 abort" $(quiet; echo $?)

# openclaw's close reason and code 1008 on lines of their own, each behind a wrapper's prefix
paste_run "[2026-03-23 14:57:09.412] [error] [Gateway stderr] [gateway] connect failed: unauthorized: device token mismatch (rotate/reissue device token)
[2026-03-23 14:57:09.412] [error] [Gateway stderr] code=1008
[2026-03-23 14:57:09.413] [error] [Gateway stderr] reason=unauthorized: device token mismatch (rotate/reissue device token)"
check "split close, desktop wrapper prefix" $(root_is token_mismatch connect-token-mismatch-split-close; echo $?)
paste_run "03-23 14:57:09.412  4312  4330 E OpenClawGateway: gateway closed: unauthorized: gateway token mismatch (set gateway.remote.token to match gateway.auth.token)
03-23 14:57:09.412  4312  4330 E OpenClawGateway:   code: 1008,
03-23 14:57:09.413  4312  4330 E OpenClawGateway:   reason: 'unauthorized: gateway token mismatch'"
check "split close, logcat prefix and inspect fields" $(root_is token_mismatch connect-token-mismatch-split-close; echo $?)
paste_run "[2026-03-23 14:57:09.412] [error] [Gateway stderr] [gateway] connect failed: unauthorized: device token mismatch (rotate/reissue device token)
[2026-03-23 14:57:09.412] [error] [Gateway stderr] code=1000
[2026-03-23 14:59:30.001] [error] [Gateway stderr] code=1008"
check "split close: a normal code, and 1008 minutes later, are no pair" $(quiet; echo $?)

# openclaw 2026.2.24+ refusals before the bind (resolveGatewayRuntimeConfig)
paste_run "2026-05-02T08:14:33.101+00:00 Gateway failed to start: Error: non-loopback Control UI requires gateway.controlUi.allowedOrigins (set explicit origins), or set gateway.controlUi.dangerouslyAllowHostHeaderOriginFallback=true to use Host-header origin fallback mode"
check "allowedOrigins refusal is missing_config" \
  $(root_is missing_config gateway-control-ui-origins-required critical; echo $?)
check "allowedOrigins fix names the key" \
  $(grep -q 'openclaw config set gateway.controlUi.allowedOrigins' "$work/out"; echo $?)
paste_run "Gateway failed to start: GatewayEffectiveConfigConflictError: tailscale serve/funnel requires gateway bind=loopback (127.0.0.1)"
check "tailscale/bind conflict is invalid_config" \
  $(root_is invalid_config gateway-start-refused-bind-conflict; echo $?)
paste_run "Control UI is enabled on a non-loopback bind but gateway.controlUi.allowedOrigins is empty. Strict origin policy requires explicit allowed origins for non-loopback deployments."
check "the security audit's finding is no start refusal" $(quiet; echo $?)

# node 18.20.8 unhandled rejection with its reason after the caret: one crash finding
paste_run "node:internal/process/promises:288
            triggerUncaughtException(err, true /* fromPromise */);
            ^

ReferenceError: fetchChannels is not defined
    at file:///usr/lib/node_modules/openclaw/dist/run-S_R0Bn7l.mjs:88:5"
check "one crash finding per crash record" $(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))["diagnoses"]
crash = [x for x in d if x["cause"] == "crash"]
ok = len(crash) == 1 and crash[0]["rule"] == "gateway-uncaught-exception" and any(
    "also matched by rule '"'"'node-unhandled-rejection'"'"'" in n for n in crash[0].get("notes", []))
sys.exit(0 if ok else 1)' "$work/out"; echo $?)

# linux 5.x OOM report of the pasted service, then systemd v243+ failing its unit
paste_run "Jul 30 02:24:00 db-01 kernel: java invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=0
Jul 30 02:24:00 db-01 kernel: oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/system.slice/tomcat9.service,task=java,pid=28438,uid=998
Jul 30 02:24:00 db-01 kernel: Out of memory: Killed process 28438 (java) total-vm:20255636kB, anon-rss:466160kB, file-rss:13684kB, shmem-rss:0kB, UID:998 pgtables:1424kB oom_score_adj:0
Jul 30 02:24:01 db-01 systemd[1]: tomcat9.service: Failed with result 'oom-kill'."
check "an OOM victim whose unit fails is its root cause" \
  $(root_is oom_kernel host-memory-pressure-oom-kill error; echo $?)
check "the unit's failure is folded under the kill" $(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))["diagnoses"]
sys.exit(0 if [x["rule"] for x in d[0].get("explains", [])] == ["oom-systemd-unit-failed"] else 1)' "$work/out"; echo $?)
# The gateway console's port refusal, once as the gateway writes it (+00:00) and once as a tool
# that rewrote its stamps in UTC writes it (Z): the same diagnosis with the same holder.
console_paste='2026-11-24T10:00:00.201+00:00 [gateway] starting gateway on port 18789
2026-11-24T10:00:00.305+00:00 Gateway failed to start: another gateway instance is already listening on ws://127.0.0.1:18789 | listen EADDRINUSE: address already in use 127.0.0.1:18789 | EADDRINUSE
2026-11-24T10:00:00.308+00:00 Port 18789 is already in use.
2026-11-24T10:00:00.310+00:00 - pid 1187 root: /usr/bin/docker-proxy -proto tcp -host-ip 0.0.0.0 -host-port 18789 -container-ip 172.18.0.2 -container-port 18789 -use-listen-fd (0.0.0.0:18789)'
root_facts() {  # the first diagnosis' rule, holder pid and first time, as one line
  python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))["diagnoses"][0]
print(d["rule"], d["facts"].get("holder_pid"), d["first_seen"])' "$work/out"
}
paste_run "$console_paste"
check "console paste, +00:00: port conflict with its holder" $(root_is port_conflict gateway-port-in-use; echo $?)
offset_facts="$(root_facts)"
paste_run "${console_paste//+00:00 /Z }"
check "console paste, Z zone: still the port conflict" $(root_is port_conflict gateway-port-in-use; echo $?)
check "console paste, Z zone: the same rule, holder and time ($offset_facts)" \
  $([ "$(root_facts)" = "$offset_facts" ] && [ "$offset_facts" = "gateway-port-in-use 1187 2026-11-24T10:00:00.305Z" ]; echo $?)
# A raw dmesg OOM kill of some `node` (no wall time, another pid) in the same paste as the
# gateway's EADDRINUSE under its unit: nothing links the two, so the port conflict is the root
# and the kill a memory-pressure warning (causes.md; docs/ranking.md "A victim beside the
# gateway's failure"). Alone, the same kill is still read as the gateway's memory death.
oom_line='[1284511.220334] Out of memory: Killed process 7712 (node) total-vm:1402540kB, anon-rss:601232kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:1680kB oom_score_adj:0'
paste_run "$oom_line
Mar 05 08:20:25 oc-gw-01 node[2301]: Error: listen EADDRINUSE: address already in use 0.0.0.0:18789
Mar 05 08:20:25 oc-gw-01 systemd[1]: openclaw-gateway.service: Main process exited, code=exited, status=1/FAILURE"
check "an unlinked node kill does not outrank the gateway's port conflict" \
  $(root_is port_conflict node-listen-eaddrinuse; echo $?)
check "the unlinked kill is listed as a memory-pressure warning" $(python3 -c '
import json, sys
def walk(ds):
    for d in ds:
        yield d
        yield from walk(d.get("explains", []))
k = [x for x in walk(json.load(open(sys.argv[1]))["diagnoses"]) if x["rule"] == "oom-kernel-killed-node"]
sys.exit(0 if len(k) == 1 and k[0]["cause"] == "memory_pressure" and k[0]["severity"] == "warning" else 1)' "$work/out"; echo $?)
paste_run "$oom_line"
check "the same kill alone is the gateway's memory death" \
  $(root_is oom_kernel oom-kernel-killed-node critical; echo $?)
# pm2 5.4.3 pm2.log (corpus/captured/pm2): a script that ends with code 0 is restarted every
# second; one clean exit (a stop) stays quiet.
paste_run "2026-12-06T06:28:05: PM2 log: App [ends-app:0] exited with code [0] via signal [SIGINT]
2026-12-06T06:28:05: PM2 log: App [ends-app:0] starting in -fork mode-
2026-12-06T06:28:05: PM2 log: App [ends-app:0] online
2026-12-06T06:28:06: PM2 log: App [ends-app:0] exited with code [0] via signal [SIGINT]
2026-12-06T06:28:06: PM2 log: App [ends-app:0] starting in -fork mode-
2026-12-06T06:28:06: PM2 log: App [ends-app:0] online
2026-12-06T06:28:07: PM2 log: App [ends-app:0] exited with code [0] via signal [SIGINT]
2026-12-06T06:28:07: PM2 log: App [ends-app:0] starting in -fork mode-"
check "clean exits again and again are a pm2 loop" \
  $(root_is restart_loop_pm2 pm2-app-clean-exits-repeatedly; echo $?)
paste_run "2026-12-06T06:28:32: PM2 log: Stopping app:runs-app id:0
2026-12-06T06:28:32: PM2 log: App [runs-app:0] exited with code [0] via signal [SIGINT]
2026-12-06T06:28:32: PM2 log: pid=28454 msg=process killed"
check "one clean exit after a stop is no fault" $(quiet; echo $?)
# openclaw 2026.3.8 `openclaw logs --plain` echoes {"subsystem":"..."} before each message: the
# gateway's rejection behind it is still read; 1.24-3.8 print the stamp in UTC with Z.
paste_run '2026-12-05T19:41:57.812Z warn gateway/ws {"subsystem":"gateway/ws"} unauthorized conn=85dfa37c-1e0b remote=127.0.0.1 client=cli cli v2026.3.8 reason=token_mismatch'
check "openclaw logs with the subsystem echo: token mismatch" \
  $(root_is token_mismatch connect-token-mismatch-rejected; echo $?)
# The Control UI's status after a 1008 close (2026.3.8 ui: disconnected (code): reason)
paste_run "disconnected (1008): device identity required"
check "Control UI 1008 device identity: auth failed" $(root_is auth_failed connect-control-ui-1008-policy; echo $?)
paste_run "disconnected (1008): unauthorized: gateway token mismatch (open the dashboard URL and paste the token in Control UI settings)"
check "Control UI 1008 token mismatch" $(root_is token_mismatch connect-token-mismatch-client; echo $?)
# The CLI's crash line when nothing answered (clawdbot 1.24 .. openclaw 4.24)
paste_run "[clawdbot] Failed to start CLI: Error: gateway closed (1006 abnormal closure (no close frame)): no close reason"
check "CLI call with no answer: gateway not running" $(root_is gateway_not_running connect-cli-call-no-answer; echo $?)
paste_run "2026-10-11T19:04:47.569+00:00 [node] gateway closed (1006 abnormal closure (no close frame)): ; reconnecting in 1s"
check "one reconnecting 1006 is no outage" $(quiet; echo $?)
# The same rejection as `openclaw logs` prints it on a terminal (2026.3.8: clock time, level,
# subsystem, the binding echo): the pack's openclaw-logs-tty format reads it.
paste_run '20:01:26 warn gateway/ws {"subsystem":"gateway/ws"} unauthorized conn=85dfa37c-1e0b remote=127.0.0.1 client=cli cli v2026.3.8 reason=token_mismatch'
check "openclaw logs on a terminal: token mismatch" \
  $(root_is token_mismatch connect-token-mismatch-rejected; echo $?)
paste_run '20:01:26 warn gateway/ws unauthorized conn=85dfa37c-1e0b says the chat bot'
check "a clock time and a level without the echo are not that format" $(quiet; echo $?)

# a Markdown indented code block (four spaces after a blank line): the rules see the line as
# printed; the same line indented right under prose is a paragraph, and stays text
paste_run 'pm2 keeps failing, the log says:

    Script /srv/api/index.js had too many unstable restarts (16). Stopped. "errored"'
check "indented code block: pm2 gave up" $(root_is restart_loop_pm2 pm2-too-many-unstable-restarts; echo $?)
paste_run 'Error: listen EADDRINUSE: address already in use :::3000

    at Server.setupListenHandle [as _listen2] (net.js:1313:16)'
check "a frame in a code block is still no cause of its own" $(root_is port_conflict; echo $?)

# A Markdown indented code block (older issues, forums, mail): node 8.x's heap OOM report, each
# line indented by four. Without the block removed every line was one record's continuation.
paste_run 'The build dies with:

    <--- Last few GCs --->

    [4821:0x2a8b3c0]    89123 ms: Mark-sweep 1398.2 (1425.4) -> 1398.1 (1425.4) MB, 1567.3 / 0.0 ms  allocation failure GC in old space requested

    <--- JS stacktrace --->

    FATAL ERROR: CALL_AND_RETRY_LAST Allocation failed - JavaScript heap out of memory
     1: node::Abort() [node]'
check "heap OOM in an indented code block" $(root_is node_heap_oom node-heap-out-of-memory; echo $?)
paste_run 'We saw this in the docs:

    FATAL ERROR: is what node prints when the heap is full, e.g. during a big build'
check "an indented quote of the wording is no abort" $(quiet; echo $?)

# Node 18's crash banner quoted line by line ("> "), its empty line a bare ">" and the frames'
# blank line left with trailing spaces: one crash, as without the quote.
paste_run '> node:internal/process/promises:288
>             triggerUncaughtException(err, true /* fromPromise */);
>             ^
>
> ReferenceError: fetchChannels is not defined
>     at file:///usr/lib/node_modules/openclaw/dist/run-S_R0Bn7l.mjs:88:5
   
> Node.js v18.20.8'
check "a quoted crash banner with a bare > line" $(root_is crash gateway-uncaught-exception; echo $?)
# `grep -n` over several files: "FILE:N:" glued to each journal line (GNU grep). The syslog
# envelope behind it is read, so the finding has its host and time (none before).
paste_run "/var/log/syslog:1520:Nov 25 04:42:30 gw systemd[1]: openclaw-gateway.service: Main process exited, code=exited, status=1/FAILURE
/var/log/syslog:1530:Nov 25 04:42:41 gw systemd[1]: openclaw-gateway.service: Start request repeated too quickly.
/var/log/syslog:1532:Nov 25 04:42:41 gw systemd[1]: Failed to start OpenClaw Gateway."
check "grep -n output: start limit with its host and time" $(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))["diagnoses"]
ok = d and d[0]["cause"] == "restart_loop_systemd" and d[0]["host"] == "gw" \
    and d[0].get("first_seen_as_written") == "Nov 25 04:42:41"
sys.exit(0 if ok else 1)' "$work/out"; echo $?)
printf '%s\n' "12:34:56 worker 3: cache refreshed" "note:nothing failed here" \
  "ERROR:root:Nov 25 04:42:36 gw systemd[1]: x.service: Failed with result 'exit-code'." |
  "$logdx" parse - >"$work/parsed" 2>/dev/null
check "clock times, word:word and Python's LEVEL:logger: are no grep prefix" $(python3 -c '
import json, sys
events = [json.loads(l) for l in open(sys.argv[1])]
sys.exit(0 if len(events) == 3 and all(e["parser"] == "plain" and "prefix" not in e.get("fields", {})
                                       for e in events) else 1)' "$work/parsed"; echo $?)
finish
