#!/usr/bin/env bash
# Wordings of other versions and tools, through the real binary (issue 12, recall): openclaw's
# port report naming a gateway of an older install, systemd's restart counter without its unit
# prefix, Docker's `restarting` state outside a `docker ps` row, a desktop wrapper (ClawX)
# that restarts its gateway, a Node app's database refusing it (mongoose, the mongodb driver's
# first connect, an unhandled rejection), openclaw's Discord channel losing its socket, and a
# config holding the redaction placeholder. Each beside a paste that must not say the same.
set -uo pipefail
logdx="$(realpath "$1")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
# shellcheck source=paste_lib.sh
source "$(dirname "$0")/paste_lib.sh"

# openclaw doctor's port box (src/infra/ports-format.ts): a clawdbot-era gateway holds the port
# and openclaw counts it as "another process": a stale install, the port conflict itself.
paste_run "◇  Gateway port ─────────────────────────────────────────╮
│                                                        │
│  Port 18789 is already in use.                         │
│  - pid 40211 pi: clawdbot-gateway (127.0.0.1:18789)    │
│  - Another process is listening on this port.          │
│                                                        │
├────────────────────────────────────────────────────────╯"
check "old-name gateway openclaw calls foreign: port_conflict" \
  $(root_is port_conflict gateway-port-held-by-other-install critical; echo $?)
check "the holder is named" $(fact holder_command clawdbot-gateway; echo $?)
# the same holder line where openclaw (an older one) counts it as its own gateway
paste_run "Port 18789 is already in use.
- pid 40211 pi: clawdbot-gateway (127.0.0.1:18789)
Gateway already running locally. Stop it (clawdbot gateway stop) or use a different port."
check "own gateway under the old name: no port conflict" $(quiet; echo $?)
# a current gateway holding its own port, with a foreign listener beside it
paste_run "Port 18789 is already in use.
- pid 5120 oc: openclaw-gateway (127.0.0.1:18789)
Gateway already running locally. Stop it (openclaw gateway stop) or use a different port."
check "current gateway holds its port: no port conflict" $(quiet; echo $?)

# systemd v249+ restart counter, pasted without the unit prefix
paste_run "Apr 09 11:02:07 systemd[912]: Scheduled restart job, restart counter is at 742."
check "restart counter without unit" \
  $(root_is restart_loop_systemd systemd-unit-restart-counter-high; echo $?)
paste_run "Apr 09 11:02:07 systemd[912]: Scheduled restart job, restart counter is at 2."
check "a second start is no loop" $(quiet; echo $?)

# Docker's restarting state: the daemon's refusals, a STATUS cell alone, docker inspect
paste_run "Error response from daemon: Container 7c1d0b5e9a2f4c3b8e6d1a0f9b8c7d6e5f4a3b2c1d0e9f8a7b6c5d4e3f2a1b0c is restarting, wait until the container is running"
check "docker exec into a restarting container" \
  $(root_is restart_loop_docker docker-container-in-restarting-state; echo $?)
paste_run "Error response from daemon: You cannot remove a restarting container 3e5b7a9c1d2f. Stop the container before attempting removal or force remove"
check "docker rm of a restarting container" $(root_is restart_loop_docker; echo $?)
paste_run "> the status column says Restarting (137) 12 seconds ago"
check "STATUS cell quoted alone" $(root_is restart_loop_docker; echo $?)
paste_run '        "State": {
            "Status": "restarting",
            "Running": true,
            "Restarting": true,
            "ExitCode": 1,'
check "docker inspect State" $(root_is restart_loop_docker; echo $?)
paste_run "Error response from daemon: You cannot remove a running container 3e5b7a9c1d2f. Stop the container before attempting removal or force remove"
check "a running container is no loop" $(quiet; echo $?)
paste_run '        "State": {
            "Status": "running",
            "Restarting": false,'
check "docker inspect of a running container" $(quiet; echo $?)
paste_run "Restarting (1/3) the web service after the config change"
check "a deploy tool's own wording" $(quiet; echo $?)

# ClawX (electron-log) restarting its bundled gateway
paste_run "[2026-04-02T09:10:01.100Z] [WARN ] Gateway process exited (code=1, expected=no)
[2026-04-02T09:10:01.101Z] [WARN ] Scheduling Gateway reconnect attempt 1/10 in 1000ms
[2026-04-02T09:10:04.300Z] [WARN ] Gateway process exited (code=1, expected=no)
[2026-04-02T09:10:04.301Z] [WARN ] Scheduling Gateway reconnect attempt 2/10 in 2000ms"
check "ClawX restarts its gateway" $(root_is restart_loop_supervisor "" error; echo $?)
paste_run "[2026-04-02T09:12:30.000Z] [ERROR] Gateway reconnect failed: max attempts reached (10)"
check "ClawX gave up" $(root_is restart_loop_supervisor desktop-wrapper-gateway-gave-up critical; echo $?)
# the wrapper's loop explained by the gateway's own refusal in its stderr
paste_run "[2026-04-02T09:10:00.900Z] [WARN ] [Gateway stderr] Invalid config at C:\\Users\\u\\.openclaw\\openclaw.json:\\n- agents.list.0: Unrecognized key: \"tools\"
[2026-04-02T09:10:01.100Z] [WARN ] Gateway process exited (code=1, expected=no)
[2026-04-02T09:10:03.900Z] [WARN ] [Gateway stderr] Invalid config at C:\\Users\\u\\.openclaw\\openclaw.json:\\n- agents.list.0: Unrecognized key: \"tools\"
[2026-04-02T09:10:04.300Z] [WARN ] Gateway process exited (code=1, expected=no)
[2026-04-02T09:10:04.301Z] [WARN ] Scheduling Gateway reconnect attempt 2/10 in 2000ms"
check "the config refusal is the root" $(root_is invalid_config; echo $?)
check "the wrapper loop is in the report" $(has_cause restart_loop_supervisor; echo $?)
paste_run "[2026-04-02T09:20:00.000Z] [INFO ] Gateway process exited (code=0, expected=yes)
[2026-04-02T09:20:00.100Z] [INFO ] Gateway stop requested"
check "a requested stop is quiet" $(quiet; echo $?)
paste_run "[2026-04-02T09:20:00.000Z] [INFO ] Scheduling gateway reconnect attempt 3/10 in 4000ms"
check "a WebSocket client reconnecting is no process loop" $(quiet; echo $?)

# systemctl's answer at the start limit, and the status line without its unit header
paste_run "Job for mosquitto.service failed because start of the service was attempted too often."
check "systemctl: attempted too often" $(root_is restart_loop_systemd "" error; echo $?)
paste_run "Job for mosquitto.service failed because the control process exited with error code."
check "one failed start is no start limit" $(has_cause restart_loop_systemd; [ $? -ne 0 ]; echo $?)

# V8's own OOM block (node 20 and node 22+ wordings, as node prints them under ulimit -v)
paste_run "
#
# Fatal process OOM in Failed to reserve virtual memory for CodeRange
#"
check "V8 process OOM, node <= 20 wording" $(root_is node_heap_oom node-v8-process-oom; echo $?)
paste_run "# Fatal process out of memory: Failed to reserve virtual memory for CodeRange"
check "V8 process OOM, node 22+ wording" $(root_is node_heap_oom node-v8-process-oom; echo $?)

# Apache mod_proxy refused, and its timeout (another cause)
paste_run "[Sat Mar 07 10:11:12.131415 2026] [proxy:error] [pid 2211:tid 3300] (111)Connection refused: AH00957: WS: attempt to connect to 127.0.0.1:18789 (127.0.0.1) failed"
check "Apache proxy refused" $(root_is proxy_upstream_refused connect-apache-upstream-refused; echo $?)
paste_run "[Sat Mar 07 10:11:12.131415 2026] [proxy:error] [pid 2211:tid 3300] (110)Connection timed out: AH00957: HTTP: attempt to connect to 10.1.2.3:8080 (app) failed"
check "Apache proxy timeout is no refusal" $(has_cause proxy_upstream_refused; [ $? -ne 0 ]; echo $?)

# Kubernetes crash loop: the kubelet event and kubectl's STATUS column
paste_run "  Warning  BackOff    2m12s (x41 over 11m)  kubelet  Back-off restarting failed container gateway in pod claw-0_ai(91be)"
check "kubelet BackOff event" $(root_is restart_loop_docker kubernetes-container-crash-loop; echo $?)
paste_run "claw-0   0/1     CrashLoopBackOff   9 (40s ago)   22m"
check "kubectl CrashLoopBackOff row" $(root_is restart_loop_docker kubernetes-container-crash-loop; echo $?)
paste_run "claw-0   1/1     Running   2 (3h ago)   2d"
check "a running pod is quiet" $(quiet; echo $?)

# openclaw's CLI verdicts: a restart that never got healthy (an error), a second start refused
# by the state lock (only a remark: the running gateway is fine)
paste_run "Timed out after 60s waiting for gateway port 18789 to become healthy."
check "restart never healthy" $(root_is gateway_not_ready gateway-restart-health-wait-timed-out error; echo $?)
# the diagnostics openclaw prints under that verdict decide it (2026.2.24-9.6 restart-health):
# a live process with a free port is a start that hangs or is slow (a remark), a stopped one
# with a failed exit is the fault
paste_run "Timed out after 60s waiting for gateway port 18789 to become healthy.
Gateway process is running but port 18789 is still free (startup hang/crash loop or very slow VM startup).
Service runtime: status=running, state=active, pid=315520, lastExit=0
Gateway port 18789 status: free.
Gateway restart timed out after 60s waiting for health checks."
check "verdict over a running process is a remark" $(root_is gateway_not_ready gateway-running-but-port-free warning; echo $?)
check "and nothing louder" $(quiet; echo $?)
paste_run "Timed out after 60s waiting for gateway port 18789 to become healthy.
Service runtime: status=stopped, state=activating, lastExit=1
Gateway port 18789 status: free.
Gateway restart timed out after 60s waiting for health checks."
check "verdict over a stopped service is one fault" $(root_is gateway_not_ready gateway-restart-never-healthy error; echo $?)
check "and only one" $([ "$(count_cause gateway_not_ready)" = 1 ]; echo $?)
# the service commands' own check failing (openclaw 2026.3.8-9.6 lifecycle-core): nothing was
# started, but a foreground gateway may run anyway, so a remark; a host without systemctl at all
# is no finding
paste_run "Gateway service check failed: Error: systemctl is-enabled unavailable: Failed to connect to bus: No medium found"
check "service check failed is a remark" $(root_is gateway_not_running gateway-service-check-failed warning; echo $?)
check "and nothing louder" $(quiet; echo $?)
paste_run "Gateway service check failed: Error: systemctl --user unavailable: spawn systemctl ENOENT"
check "no systemctl at all is no finding" $(not_fired gateway-service-check-failed; echo $?)
# openclaw's restart killing the last gateway as stale (2026.3.8-9.6 restart-stale-pids): once
# is a remark, every few minutes is a loop
paste_run "2026-11-02T08:14:55.102Z [restart] killing 1 stale gateway process(es) before restart: 48211"
check "one stale kill is a remark" $(root_is restart_loop_supervisor gateway-stale-process-killed warning; echo $?)
paste_run "2026-11-02T08:14:55.102Z [restart] killing 1 stale gateway process(es) before restart: 48211
2026-11-02T08:18:40.311Z [restart] killing 1 stale gateway process(es) before restart: 48790
2026-11-02T08:23:02.877Z [restart] killing 1 stale gateway process(es) before restart: 49102"
check "stale kills every few minutes are a loop" $(root_is restart_loop_supervisor gateway-stale-processes-killed-repeatedly error; echo $?)
check "and the single kills fold into it" $(not_fired '"rule": "gateway-stale-process-killed"'; echo $?)
paste_run "Gateway failed to start: gateway already running (pid 7301); lock timeout after 5000ms"
check "second start refused by the lock is a remark" $(root_is second_instance "" info; echo $?)
check "and nothing louder" $(quiet; echo $?)

# a client refused on the gateway's port (node 17+ prints the IPv6 loopback bare), curl 8's words
paste_run "[bridge] WebSocket error: connect ECONNREFUSED ::1:18789"
check "refused on the gateway port, bare ::1" $(root_is gateway_not_running connect-client-refused-gateway-port; echo $?)
paste_run "curl: (7) Failed to connect to 127.0.0.1 port 18789 after 0 ms: Couldn't connect to server"
check "curl refused on the gateway port" $(root_is gateway_not_running; echo $?)
# another port refused: a remark about what listens (or not) on that port, never the gateway
paste_run "Error: connect ECONNREFUSED 127.0.0.1:5432"
check "another port refused: a remark about that port" \
  $(root_is gateway_not_running node-connect-refused-logged warning; echo $?)
check "another port refused does not blame the gateway" \
  $(quiet && ! title_of node-connect-refused-logged gateway; echo $?)
check "its title names the port" $(title_of node-connect-refused-logged "127.0.0.1:5432"; echo $?)
# nginx on Windows and macOS words the refusal with their own errno
paste_run '2026/05/01 10:00:00 [error] 4321#8765: *1 connect() failed (10061: No connection could be made because the target machine actively refused it) while connecting to upstream, client: 127.0.0.1, server: localhost, request: "GET / HTTP/1.1", upstream: "http://127.0.0.1:3000/", host: "localhost"'
check "nginx on Windows: refused" $(root_is proxy_upstream_refused; echo $?)
# an unhandled "fetch failed" without its cause line ends the process (openclaw 2026.3-9.6
# unhandled-rejections exits on a rejection it does not class as transient): the crash first,
# the network failure beside it; with its cause line the network failure is the root; a caught
# one is noise
paste_run "2026-04-02T09:10:00.100+08:00 [openclaw] Unhandled promise rejection: Error: Failed to reach the Telegram API: fetch failed"
check "unhandled fetch failed is a crash" $(root_is crash gateway-uncaught-exception critical; echo $?)
check "and the network failure beside it" $(has_cause network_unstable; echo $?)
paste_run "TypeError: fetch failed
    at node:internal/deps/undici/undici:14976:13 {
  [cause]: Error: getaddrinfo ENOTFOUND api.example.invalid
      at GetAddrInfoReqWrap.onlookupall [as oncomplete] (node:dns:122:26) {"
check "fetch failed with its DNS cause is the network" $(root_is network_unstable connect-node-network-error; echo $?)
paste_run "2026-04-02T09:10:00.100+08:00 [telegram] send failed: TypeError: fetch failed"
check "a caught fetch failed is quiet" $(quiet; echo $?)

# ClawX's own start retries: from the second attempt a loop
paste_run "[2026-04-02T09:10:05.964Z] [WARN ] Transient start error: Error: Gateway process exited before becoming ready (code=1). Retrying... (2/3)"
check "ClawX start retried" $(root_is restart_loop_supervisor desktop-wrapper-gateway-start-retried; echo $?)
paste_run "[2026-04-02T09:10:05.964Z] [WARN ] Transient start error: Connect handshake timeout. Retrying... (1/3)"
check "a first retry is no loop" $(quiet; echo $?)

# openclaw's holder line without a user (formatPortListener omits it when lsof/netstat gave
# none, as on Windows); the plain reader takes its dash for a bullet. No literal {holder_user}.
paste_run 'Port 18789 is already in use.
- pid 6156: ClawX.exe (127.0.0.1:18789)
Gateway restart failed health checks.'
check "holder without user: port_conflict" $(root_is port_conflict gateway-port-in-use critical; echo $?)
check "holder without user is named" $(fact holder_command ClawX.exe; echo $?)
check "no literal placeholder in the facts" $([[ "$out" != *'{holder_user}'* ]]; echo $?)
paste_run 'Port 18789 is already in use.
- pid 6156: openclaw-gateway (127.0.0.1:18789)'
check "own gateway without user: no port conflict" $(quiet; echo $?)

# a top-level config key in openclaw's bare issue line ("meta: ...", no dot)
paste_run 'Gateway failed to start: Invalid config at /home/node/.openclaw/openclaw.json:
meta: Unrecognized key: "lastTouchedAt"'
check "top-level key: invalid_config" $(root_is invalid_config gateway-config-invalid; echo $?)
check "top-level key named" $(fact config_key meta; echo $?)
paste_run 'status: Required'
check "a word before a colon is no config issue" $(quiet; echo $?)

# systemd v219-v229: "X.service has no holdoff time, scheduling restart." (RestartSec=0)
paste_run '[Sat Oct 22 06:02:04 2016] systemd[1]: systemd-journald.service has no holdoff time, scheduling restart.
[Sat Oct 22 06:02:04 2016] systemd[1]: systemd-journald.service has no holdoff time, scheduling restart.
[Sat Oct 22 06:02:04 2016] systemd[1]: systemd-journald.service has no holdoff time, scheduling restart.'
check "old systemd, no holdoff time: loop" $(root_is restart_loop_systemd systemd-unit-restart-loop; echo $?)
paste_run '[Sat Oct 22 06:02:04 2016] systemd[1]: systemd-journald.service has no holdoff time, scheduling restart.'
check "one restart is no loop" $(quiet; echo $?)

# V8's heap OOM in an indented Markdown block, dashes retyped
paste_run 'it reports the following error:

    FATAL ERROR: Ineffective mark‑compacts near heap limit Allocation failed – JavaScript heap out of memory'
check "indented, retyped heap OOM" $(root_is node_heap_oom node-heap-out-of-memory; echo $?)

# Go's dial error to an upstream without a host (JoinHostPort("", "9999") is ":9999")
paste_run 'caddy_1  | {"level":"error","ts":1700776220.799892,"logger":"http.log.error","msg":"dial tcp :9999: connect: connection refused","status":502}'
check "empty upstream host: refused" $(root_is proxy_upstream_refused connect-caddy-upstream-refused; echo $?)

# the kernel's OOM report cut before its kill line: a warning naming the invoker
paste_run '[ 3690.421554] StreamTrans #72 invoked oom-killer: gfp_mask=0x140dca(GFP_HIGHUSER_MOVABLE|__GFP_COMP|__GFP_ZERO), order=0, oom_score_adj=167
[ 3690.421566] Call Trace:
[ 3690.421579]  oom_kill_process+0x1db/0x2c0'
check "OOM report cut before the kill" $(root_is oom_kernel oom-killer-invoked-kill-not-shown warning; echo $?)
check "the invoker is named" $(fact invoking_process "StreamTrans #72"; echo $?)
paste_run 'node invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP), order=0, oom_score_adj=0
oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/system.slice/postgresql.service,task=postgres,pid=2231,uid=113
Out of memory: Killed process 2231 (postgres) total-vm:2516612kB, anon-rss:1611300kB, file-rss:4kB, shmem-rss:61240kB, UID:113 pgtables:3620kB oom_score_adj:0'
check "the whole report: no invoker-only finding" \
  $(not_fired oom-killer-invoked-kill-not-shown; echo $?)

# pm2: a second failed exit within a minute is a warning; two clean reload exits are nothing
paste_run '> PM2        | 2020-03-13T11:11:10: PM2 log: App [app:2] online
PM2        | 2020-03-13T11:11:13: PM2 log: App [app:2] exited with code [1] via signal [SIGINT]
PM2        | 2020-03-13T11:11:13: PM2 log: App [app:2] starting in -fork mode-
PM2        | 2020-03-13T11:11:16: PM2 log: App [app:2] exited with code [1] via signal [SIGINT]'
check "two failed exits: warning loop" $(root_is restart_loop_pm2 pm2-app-exits-twice-quickly warning; echo $?)
paste_run 'PM2        | 2020-03-13T11:11:13: PM2 log: App [app:2] exited with code [0] via signal [SIGINT]
PM2        | 2020-03-13T11:11:16: PM2 log: App [app:2] exited with code [0] via signal [SIGINT]'
check "two clean exits: no loop" $(not_fired restart_loop_pm2; echo $?)
# one failed exit, cut before any restart: a warning that shows the app's last words
paste_run "0|api      | Error: Cannot open database file '/srv/api/data.db'
PM2        | 2020-03-13T11:11:13: PM2 log: App [api:0] exited with code [1] via signal [SIGINT]"
check "one failed exit: a crash warning" $(root_is crash pm2-app-exited-with-error warning; echo $?)
check "one failed exit: its last words" $(has "Cannot open database file" "$out"; echo $?)
paste_run "PM2        | 2020-03-13T11:11:13: PM2 log: App [api:0] exited with code [0] via signal [SIGINT]"
check "one clean exit: no failure" $(not_fired pm2-app-exited-with-error; echo $?)

# pm2's memory cap restart, one line (pm2 2.0.19 lib/Worker.js, pm2.log), is the start of a loop;
# the ecosystem setting that names the cap is nothing.
paste_run '2016-11-01 21:48:00: [PM2][WORKER] Process 0 restarted because it exceeds --max-memory-restart value (current_memory=39677952 max_memory_limit=250 [octets])'
check "one max-memory restart: a loop warning" \
  $(root_is restart_loop_pm2 pm2-max-memory-restart warning; echo $?)
paste_run "module.exports = { apps: [{ name: 'api', script: 'index.js', max_memory_restart: '1G' }] }"
check "the max_memory_restart setting: quiet" $(not_fired pm2-max-memory-restart; echo $?)

# An error quoted inside a sentence of an issue (node 20 V8 heap OOM banner line), and the same
# text inside a log's own field (an openclaw run record quoting the user's prompt).
paste_run 'An agent turn drove the gateway to `FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory` (SIGABRT), then systemd restarted it.'
check "a heap OOM quoted in a sentence" $(root_is node_heap_oom; echo $?)
paste_run 'i have issue with "FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory"
have any help?'
check "a heap OOM in double quotes in a sentence" $(root_is node_heap_oom; echo $?)
paste_run '2026-03-05T08:20:25.036Z [agent] run started prompt="why FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory?"'
check "the same words in a log field: quiet" $(quiet; echo $?)

# systemd: one unit failure (v232+ service.c service_enter_dead), quoted alone in Markdown, is a
# crash warning; the same failures again and again are the loop, not a loop and a failure.
paste_run 'Always when booting I get this in my log:

`systemd[1]: umbrel-startup.service: Failed with result '"'"'exit-code'"'"'.`'
check "one unit failure quoted alone: a crash warning" \
  $(root_is crash systemd-unit-exited-with-error warning; echo $?)
check "the unit is a fact" $(fact unit umbrel-startup.service; echo $?)
unit_rounds=''
for second in 01 07 13; do
  unit_rounds+="Dec 06 10:12:$second h systemd[1]: api.service: Main process exited, code=exited, status=1/FAILURE
Dec 06 10:12:$second h systemd[1]: api.service: Failed with result 'exit-code'.
Dec 06 10:12:$second h systemd[1]: api.service: Scheduled restart job, restart counter is at 1.
"
done
paste_run "$unit_rounds"
check "three unit failures: the loop" $(root_is restart_loop_systemd; echo $?)
check "three unit failures: no lone-failure finding beside it" \
  $(not_fired systemd-unit-exited-with-error; echo $?)
paste_run "$(printf '%s' "$unit_rounds" | head -n 6)"
check "two unit failures and a restart: no lone-failure finding beside the loop" \
  $(not_fired systemd-unit-exited-with-error; echo $?)
paste_run "$(printf '%s' "$unit_rounds" | sed 's/^Dec 06 10:12:[0-9]* h //')"
check "the same loop without times: no lone-failure finding" \
  $(not_fired systemd-unit-exited-with-error; echo $?)
paste_run 'api.service: Main process exited, code=exited, status=0/SUCCESS
api.service: Deactivated successfully.'
check "a clean exit of a unit: nothing" $(quiet; echo $?)

# coreutils refused again and again (an entrypoint at each container start), quotes mangled
paste_run 'touch: cannot touch ���/var/jenkins_home/copy_reference_file.log���: Permission denied
touch: cannot touch ���/var/jenkins_home/copy_reference_file.log���: Permission denied
touch: cannot touch ���/var/jenkins_home/copy_reference_file.log���: Permission denied'
check "coreutils denied three times" $(root_is permission_denied shell-permission-denied-repeated; echo $?)
paste_run "mkdir: cannot create directory '/var/www/html/uploads': Permission denied"
check "once is not a finding" $(not_fired shell-permission-denied-repeated; echo $?)

# A Node app whose database is not running: the client gave up (node 8-14 unhandled rejection
# warning, mongoose's server selection error, the mongodb 3.x driver's first connect), in the
# shape of an `npm start` transcript. A bare refused line is a retry's log and stays quiet.
paste_run "> shop@1.4.1 start C:\\shop
> node index.js

(node:9724) UnhandledPromiseRejectionWarning: MongooseServerSelectionError: connect ECONNREFUSED 127.0.0.1:27017
    at NativeConnection.Connection.openUri (C:\\shop\\node_modules\\mongoose\\lib\\connection.js:832:32)"
check "mongoose refused at start: the service is not running" \
  $(root_is gateway_not_running node-connect-refused-given-up error; echo $?)
check "the refused port is a fact" $(fact port 27017; echo $?)
paste_run "**(node:47700) UnhandledPromiseRejectionWarning: Error: connect ECONNREFUSED 127.0.0.1:8080
    at TCPConnectWrap.afterConnect [as oncomplete] (net.js:1186:14)"
check "an unhandled refused connect, bold in Markdown" \
  $(root_is gateway_not_running node-connect-refused-given-up; echo $?)
paste_run "2026-05-02 10:01:12 api | MongoNetworkError: failed to connect to server [localhost:27017] on first connect [MongoNetworkError: connect ECONNREFUSED 127.0.0.1:27017]"
check "mongodb 3.x first connect refused" \
  $(root_is gateway_not_running node-connect-refused-given-up; echo $?)
paste_run "[db] connect failed, retrying in 5s: Error: connect ECONNREFUSED 127.0.0.1:5432"
check "a refused connect being retried is no finding" $(not_fired node-connect-refused-given-up; echo $?)
paste_run "MongoNetworkError: failed to connect to server [database:27017] on first connect [MongoNetworkError: getaddrinfo ENOTFOUND database database:27017]"
check "a first connect that fails on DNS is not a refusal" \
  $(not_fired node-connect-refused-given-up; echo $?)

# openclaw's Discord channel losing its socket: the 2026.4 console line (the parser takes
# "[discord]" off into the subsystem) and the 2026.2 "discord gateway:" form
paste_run "2026-04-30T15:44:58.722-07:00 [discord] gateway: Gateway websocket closed: 1006
2026-04-30T15:44:58.728-07:00 [discord] gateway: Gateway reconnect scheduled in 1107ms (close, resume=true)"
check "Discord socket closed 1006: a drop" \
  $(root_is gateway_disconnects discord-socket-dropped warning; echo $?)
paste_run "discord gateway: WebSocket connection closed with code 1006
discord gateway: Attempting resume with backoff: 1000ms after code 1006"
check "the 2026.2 wording: a drop" $(root_is gateway_disconnects discord-socket-dropped; echo $?)
paste_run "2026-04-30T16:00:53.616-07:00 [discord] gateway: Gateway websocket closed: 1000
2026-04-30T16:00:53.616-07:00 [discord] gateway: Gateway reconnect scheduled in 916ms (close, resume=true)"
check "a normal close (1000) is no drop" $(not_fired discord-socket-dropped; echo $?)
paste_run "2026-04-22T03:40:32.020+00:00 [discord] gateway: Gateway websocket closed: 4014"
check "4014 is the intents refusal, not a drop" $(not_fired discord-socket-dropped; echo $?)

# a config write holding the placeholder the gateway shows instead of a secret
paste_run "2026-04-02T09:12:44.101+00:00 [slack] Reserved redaction sentinel \"__OPENCLAW_REDACTED__\" is not valid config data (channels.slack.appToken)."
check "the redaction placeholder in the config: invalid_config" \
  $(root_is invalid_config gateway-config-redacted-sentinel error; echo $?)
check "the setting is named" $(title_of gateway-config-redacted-sentinel "channels.slack.appToken"; echo $?)
paste_run "config.get: channels.slack.appToken=__OPENCLAW_REDACTED__ (redacted for display)"
check "a redacted value shown for display is no fault" $(quiet; echo $?)

# a unit that failed, was restarted, and failed again (systemd v219-v238 wording): the loop's
# first seconds; one failure and one restart, after which the service ran, stay quiet
paste_run 'May 01 17:03:05 systemd[1]: Started fail-on-restart.service.
May 01 17:03:06 systemd[1]: fail-on-restart.service: Main process exited, code=exited, status=1/FAILURE
May 01 17:03:06 systemd[1]: fail-on-restart.service: Failed with result '"'"'exit-code'"'"'.
May 01 17:03:06 systemd[1]: fail-on-restart.service: Service hold-off time over, scheduling restart.
May 01 17:03:08 systemd[1]: Started fail-on-restart.service.
May 01 17:03:08 systemd[1]: fail-on-restart.service: Main process exited, code=exited, status=1/FAILURE'
check "failed, restarted, failed again: loop" \
  $(root_is restart_loop_systemd systemd-unit-fails-again-after-restart; echo $?)
paste_run '  systemd[953]: syncthing.service: main process exited, code=exited, status=3/NOTIMPLEMENTED
  systemd[953]: syncthing.service holdoff time over, scheduling restart.
  systemd[953]: Started Syncthing - Open Source Continuous File Synchronization.
  syncthing[13222]: [LFKUK] INFO: syncthing v0.10.30 (go1.4.2 linux-amd64 default)'
check "one exit and one restart, then running: no loop" $(quiet; echo $?)

# the browser console's handshake answered by the proxy itself: 502 is the upstream, 400 the upgrade
paste_run "\`WebSocket connection to 'ws://203.0.113.8/ws' failed: Error during WebSocket handshake: Unexpected response code: 502\`"
check "handshake 502: the upstream" \
  $(root_is proxy_upstream_refused connect-ws-handshake-bad-gateway error; echo $?)
paste_run "Error during WebSocket handshake: Unexpected response code: 504"
check "handshake 504: the upstream is slow" \
  $(root_is proxy_upstream_timeout connect-ws-handshake-gateway-timeout; echo $?)
paste_run "GET http://app.example.com/ws/ 502 (Bad Gateway)"
check "DevTools network line 502" $(root_is proxy_upstream_refused connect-browser-bad-gateway-response; echo $?)
paste_run "GET http://app.example.com/favicon.ico 404 (Not Found)"
check "DevTools 404 is no proxy fault" $(quiet; echo $?)

# a Go service's JSON log: the failure is in the error key beside a generic message
paste_run '{"level":"ERROR","time":"2023/02/21 16:32:02.961501 +0000","msg":"init remote connection failed, retry later","error":"dial tcp4: lookup log-1.svc on 172.20.0.10:53: no such host"}'
check "JSON error key: the lookup failure" $(root_is network_unstable connect-node-network-error; echo $?)
paste_run '{"level":"info","time":"2023/02/21 16:32:02.961501 +0000","msg":"connected","remote":"log-1.svc:32001"}'
check "JSON without an error: quiet" $(quiet; echo $?)

finish
