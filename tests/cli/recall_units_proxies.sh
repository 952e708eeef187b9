#!/usr/bin/env bash
# Other versions' wordings of service-manager and proxy failures, through the real binary (issue
# 12, recall): systemd's chdir into a missing WorkingDirectory= (200/CHDIR), a missing sandbox
# path (226/NAMESPACE) or EnvironmentFile=, its start limit with the unit cut off, the kernel's
# one-line OOM summary alone and CentOS 6's kill line, a pre-Go-1.6 dial refusal and Caddy v1's
# 502 for a dial timeout, HAProxy's down line ellipsized by systemctl, a program execve() refuses
# (under systemd or an OCI runtime), a core dump, Apache's backend timeout and its missing ws://
# handler, nginx kept from its upstream (EACCES) or from starting (a name that does not
# resolve). Older systemd's EXEC and exit lines, a memcg report read as one event, systemd-oomd's
# kill line cut short, httpd 2.2's AH01144 without a scheme, nginx lines cut by a pager, Go's
# resolver failing (dockerd, Traefik, wrapped; slog, WARN lines that say the operation failed), a
# unit timed out on start again and again, 203/EXEC quoted inline with a full stop, setup steps a
# container refuses, 217/USER of a control process, a listen address that does not resolve,
# HAProxy's Layer4 check timeout, Caddy v1 with no healthy upstream, the boot console's
# [FAILED] lines repeating, nginx's resolver without an answer and a bad `resolver` directive,
# dig/nslookup reaching no server, urllib3's NewConnectionError on a name, Caddy 0.9's
# "unreachable backend", Traefik's 502 on a broken exchange, nghttpx's backend connect
# failures, WebSocket++/uvicorn refusing an upgrade and socket.io's 400 in an access log,
# dnsmasq's and mongod's port in use, an OOM call trace without its first line, a failed DNS
# lookup logged as its bare message (node, Rust std), a 203/EXEC line in Markdown italics,
# Werkzeug's own port-in-use line, the kernel's fatal-fault notes (segfault, trap), a Go client's
# timeout to a remote host, Traefik's upstream reset in Windows' words, a unit systemctl status
# shows failed now (exit-code, no loop), nginx's config parse errors as its error-log reader
# gives them, C programs' bind failures in strerror or errno form, em-websocket's and
# websocket-client's upgrade refusals, docker 1.x's Restarting (-1), apt/curl/wget that cannot
# resolve a host (captured). Each beside a look-alike
# that must not say the same.
set -uo pipefail
logdx="$(realpath "$1")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
# shellcheck source=paste_lib.sh
source "$(dirname "$0")/paste_lib.sh"

# systemd v237-v244 (src/core/execute.c): the chdir() into WorkingDirectory= fails before exec
paste_run "Jan 12 07:40:02 app-2 systemd[1]: Started Orders API.
Jan 12 07:40:02 app-2 systemd[2291]: orders-api.service: Changing to the requested working directory failed: No such file or directory
Jan 12 07:40:02 app-2 systemd[2291]: orders-api.service: Failed at step CHDIR spawning /usr/bin/node: No such file or directory
Jan 12 07:40:02 app-2 systemd[1]: orders-api.service: Main process exited, code=exited, status=200/CHDIR
Jan 12 07:40:02 app-2 systemd[1]: orders-api.service: Failed with result 'exit-code'."
check "missing WorkingDirectory=: cannot spawn" \
  $(root_is missing_executable systemd-workdir-missing critical; echo $?)
check "the unit is named" $(fact unit orders-api.service; echo $?)
# systemctl status alone, v232
paste_run "● orders-api.service - Orders API
   Loaded: loaded (/etc/systemd/system/orders-api.service; enabled)
   Active: failed (Result: exit-code) since Mon 2026-01-12 07:40:02 UTC; 5s ago
  Process: 2291 ExecStart=/usr/bin/node /srv/orders/index.js (code=exited, status=200/CHDIR)
 Main PID: 2291 (code=exited, status=200/CHDIR)"
check "200/CHDIR in systemctl status" $(root_is missing_executable systemd-workdir-missing; echo $?)
# the folder exists but the unit's user may not enter it: not a missing folder
paste_run "Jan 12 07:40:02 app-2 systemd[2291]: orders-api.service: Changing to the requested working directory failed: Permission denied"
check "chdir refused (EACCES) is not a missing folder" \
  $(not_fired systemd-workdir-missing; echo $?)

# a ReadWritePaths= folder that does not exist (systemd v239+), 226/NAMESPACE
paste_run "May 02 04:10:00 db-1 systemd[1]: Starting Metrics ingest...
May 02 04:10:00 db-1 systemd[3120]: metrics-ingest.service: Failed to set up mount namespacing: /var/lib/metrics-ingest: No such file or directory
May 02 04:10:00 db-1 systemd[3120]: metrics-ingest.service: Failed at step NAMESPACE spawning /usr/local/bin/ingest: No such file or directory
May 02 04:10:00 db-1 systemd[1]: metrics-ingest.service: Main process exited, code=exited, status=226/NAMESPACE"
check "sandbox path missing" $(root_is missing_config systemd-namespace-path-missing critical; echo $?)

# systemd v240+ service_spawn: EnvironmentFile= missing, result 'resources'
paste_run "Feb 03 06:00:11 nas systemd[1]: backup-agent.service: Failed to load environment files: No such file or directory
Feb 03 06:00:11 nas systemd[1]: backup-agent.service: Failed to run 'start' task: No such file or directory
Feb 03 06:00:11 nas systemd[1]: backup-agent.service: Failed with result 'resources'.
Feb 03 06:00:11 nas systemd[1]: Failed to start Backup agent."
check "missing EnvironmentFile=" \
  $(root_is missing_config systemd-environment-file-missing critical; echo $?)
# v218 and older: no unit prefix on the first line
paste_run "Feb 03 06:00:11 core-3 systemd[1]: Failed to load environment files: No such file or directory
Feb 03 06:00:11 core-3 systemd[1]: backup-agent.service failed to run 'start-pre' task: No such file or directory"
check "old wording, no unit prefix" $(root_is missing_config systemd-environment-file-missing; echo $?)
paste_run "[dotenv@16.4.5] injecting env (0) from .env -- failed to load environment file: ENOENT"
check "an app's dotenv message is not systemd's" \
  $(not_fired systemd-environment-file-missing; echo $?)

# the start limit with the unit cut off by the paster (v208-v218 wording)
paste_run "systemd[1]: start request repeated too quickly"
check "start limit without its unit" \
  $(root_is restart_loop_systemd systemd-unit-start-limit-hit; echo $?)
# a socket unit whose service hit the limit (v232+), pasted alone
paste_run "Mar 19 08:02:13 desk systemd[1404]: audio-relay.socket: Failed with result 'service-start-limit-hit'."
check "socket's service at its start limit" \
  $(root_is restart_loop_systemd systemd-unit-start-limit-hit; echo $?)
paste_run "> is it bad that it says start request repeated too quickly for a timer I run by hand?"
check "the words in a question are no start limit" $(quiet; echo $?)

# linux 4.19+ dump_oom_summary alone (a grep kept only it): the kill is proven
paste_run "[812004.117250] oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/system.slice/docker-5be1c0a99f2e.scope,task=ruby,pid=30411,uid=1000"
check "OOM summary line alone" $(root_is oom_kernel host-memory-pressure-oom-kill; echo $?)
check "the victim is named" $(fact killed_process ruby; echo $?)
# CentOS 6 (2.6.32-*.el6) writes the uid before the comm: "Killed process N, UID U, (comm)"
paste_run "Mar  3 10:00:01 app1 kernel: Out of memory: Kill process 2592 (node) score 932 or sacrifice child
Mar  3 10:00:01 app1 kernel: Killed process 2592, UID 500, (node) total-vm:2140460kB, anon-rss:1000000kB, file-rss:0kB"
check "CentOS 6 kill of node" $(root_is oom_kernel oom-kernel-killed-node; echo $?)
check "its pid is read" $(fact killed_pid 2592; echo $?)
paste_run "vm.panic_on_oom = 0
vm.oom_kill_allocating_task = 0"
check "OOM sysctls are no kill" $(quiet; echo $?)

# Go <= 1.5 dial error (no syscall name) in Caddy 0.8's error log
paste_run "14/Mar/2016:09:02:11 +0000 [ERROR 502 /] dial tcp 127.0.0.1:8081: connection refused
14/Mar/2016:09:02:12 +0000 [ERROR 502 /static/app.js] dial tcp 127.0.0.1:8081: connection refused"
check "old Go dial refusal behind Caddy v1" \
  $(root_is proxy_upstream_refused connect-caddy-upstream-refused; echo $?)
# Caddy v1 answers a dial timeout with 502: packets dropped, not a refusal
paste_run "14/Mar/2018:09:02:11 +0000 [ERROR 502 /] dial tcp 198.51.100.20:9443: i/o timeout"
check "Caddy v1 dial timeout" $(root_is firewall_blocked connect-proxy-dial-timeout; echo $?)
paste_run "14/Mar/2018:09:02:11 +0000 [ERROR 502 /] context canceled"
check "a client that gave up is no dial timeout" \
  $(not_fired connect-proxy-dial-timeout; echo $?)

# HAProxy's down line ellipsized by systemctl status (pager width)
paste_run "Mar 02 10:11:12 lb-1 haproxy[901]: [WARNING] 060/101112 (901) : Server api/api-2 is DOWN, reason: Layer4 connection problem, info: \"Connecti…"
check "HAProxy Layer4 problem, info cut" \
  $(root_is proxy_upstream_refused connect-haproxy-upstream-refused; echo $?)
paste_run "Mar 02 10:11:12 lb-1 haproxy[901]: [WARNING] 060/101112 (901) : Server api/api-2 is DOWN, reason: Layer4 timeout, check duration: 2001ms. 0 active and 0 backup servers left."
check "a Layer4 timeout is no refusal" \
  $(not_fired connect-haproxy-upstream-refused; echo $?)

# execve() ENOEXEC: a script without "#!" (systemd v241 wording), then 203/EXEC
paste_run "Apr 14 21:03:55 pi systemd[1]: Started Sensor relay.
Apr 14 21:03:55 pi systemd[6120]: sensor-relay.service: Failed at step EXEC spawning /home/pi/relay/start.sh: Exec format error
Apr 14 21:03:55 pi systemd[1]: sensor-relay.service: Main process exited, code=exited, status=203/EXEC"
check "Exec format error: not a program" $(root_is missing_executable "" critical; echo $?)
check "the format error is reported" $(has_cause missing_executable && [[ "$out" == *systemd-exec-format-error* ]]; echo $?)
paste_run "pi@pi:~ \$ ./relay
bash: ./relay: cannot execute binary file: Exec format error"
check "a shell's format error is not a unit's" $(not_fired systemd-exec-format-error; echo $?)

# a unit's process died of SIGSEGV with a core (systemd v232+ result 'core-dump')
paste_run "Apr 14 21:03:55 web systemd[1]: img-worker.service: Main process exited, code=dumped, status=11/SEGV
Apr 14 21:03:55 web systemd[1]: img-worker.service: Failed with result 'core-dump'."
check "core dumped: crash" $(root_is crash systemd-unit-core-dumped error; echo $?)
paste_run "Apr 14 21:03:55 web systemd[1]: img-worker.service: Main process exited, code=killed, status=15/TERM"
check "a stop's SIGTERM is no crash" $(not_fired systemd-unit-core-dumped; echo $?)

# Apache mod_proxy_http: the backend accepted but sent no status line in time (httpd 2.4)
paste_run "[Tue Apr 14 21:03:55.120331 2026] [proxy_http:error] [pid 2211:tid 1402] (70007)The timeout specified has expired: [client 203.0.113.9:50122] AH01102: error reading status line from remote server 127.0.0.1:8069
[Tue Apr 14 21:03:55.120402 2026] [proxy:error] [pid 2211:tid 1402] [client 203.0.113.9:50122] AH00898: Error reading from remote server returned by /web/report"
check "Apache backend read timeout" \
  $(root_is proxy_upstream_timeout connect-apache-upstream-read-timeout; echo $?)
paste_run "[Tue Apr 14 21:03:55.120331 2026] [proxy_http:error] [pid 2211:tid 1402] (104)Connection reset by peer: [client 203.0.113.9:50122] AH01102: error reading status line from remote server 127.0.0.1:8069"
check "a reset is no timeout" $(not_fired connect-apache-upstream-read-timeout; echo $?)
# a ws:// ProxyPass without mod_proxy_wstunnel
paste_run "[Tue Apr 14 21:03:55.120331 2026] [proxy:warn] [pid 2211:tid 1402] [client 203.0.113.9:50122] AH01144: No protocol handler was valid for the URL /socket.io/ (scheme 'ws'). If you are using a DSO version of mod_proxy, make sure the proxy submodules are included in the configuration using LoadModule."
check "Apache has no ws handler" \
  $(root_is proxy_websocket_upgrade connect-apache-ws-handler-missing; echo $?)

# the OCI runtime cannot exec the image's entrypoint: another CPU's image (runc 1.1 wording in
# compose logs, three restarts), a CRLF script (runc 1.0-rc, quoted error), a missing exec bit
paste_run "api-1  | exec /usr/local/bin/docker-entrypoint.sh: exec format error
api-1 exited with code 1
api-1  | exec /usr/local/bin/docker-entrypoint.sh: exec format error
api-1 exited with code 1
api-1  | exec /usr/local/bin/docker-entrypoint.sh: exec format error
api-1 exited with code 1"
check "image for another CPU" $(root_is missing_executable container-exec-failed critical; echo $?)
check "its restarts fold under it" $(has_cause restart_loop_docker; echo $?)
paste_run 'standard_init_linux.go:211: exec user process caused "no such file or directory"'
check "entrypoint with a CRLF #! line" $(root_is missing_executable container-exec-failed; echo $?)
paste_run 'docker: Error response from daemon: OCI runtime create failed: container_linux.go:349: starting container process caused "exec: \"/app/start.sh\": permission denied": unknown.'
check "entrypoint without its exec bit" \
  $(root_is permission_denied container-exec-permission-denied critical; echo $?)
paste_run "> we got exec format error on the old Pi, works on the new one"
check "the words in prose are no exec failure" $(not_fired container-exec-failed; echo $?)

# nginx refused by the kernel, not the upstream: SELinux on a TCP upstream (CentOS 7, nginx 1.16)
paste_run '2019/11/02 11:04:15 [crit] 2211#0: *7 connect() to 127.0.0.1:3000 failed (13: Permission denied) while connecting to upstream, client: 203.0.113.9, server: app.example.com, request: "GET / HTTP/1.1", upstream: "http://127.0.0.1:3000/", host: "app.example.com"'
check "nginx connect EACCES" \
  $(root_is permission_denied connect-nginx-upstream-permission-denied; echo $?)
paste_run '2019/11/02 11:04:15 [crit] 2211#0: *7 open() "/usr/share/nginx/html/index.html" failed (13: Permission denied), client: 203.0.113.9, server: app.example.com'
check "a file nginx may not read is no upstream" \
  $(not_fired connect-nginx-upstream-permission-denied; echo $?)
# nginx does not start: a compose service name that does not resolve (docker nginx image)
paste_run 'web-1  | nginx: [emerg] host not found in upstream "api:8080" in /etc/nginx/conf.d/default.conf:14'
check "upstream name does not resolve" \
  $(root_is network_unstable connect-nginx-upstream-host-not-found; echo $?)
check "the name is given" $(fact upstream_host api; echo $?)

# linux 4.4-4.18 memcg report: its first line alone proves a kill at the container's limit;
# with the kill line the sequence rule reports it and the one-line rule goes (subsumed_by)
paste_run "[ 5210.118204] Task in /docker/0b7e2d41c9aa killed as a result of limit of /docker/0b7e2d41c9aa"
check "memcg report's first line alone: oom_kernel" \
  $(root_is oom_kernel oom-kernel-container-limit-report error; echo $?)
paste_run "[ 5210.118204] Task in /docker/0b7e2d41c9aa killed as a result of limit of /docker/0b7e2d41c9aa
[ 5210.118460] Memory cgroup out of memory: Kill process 3112 (python3) score 998 or sacrifice child"
check "with its kill line: the one-line rule goes" \
  $([[ "$out" != *oom-kernel-container-limit-report* && "$out" == *oom-kernel-container-limit-old* ]]; echo $?)

# systemd v208-v218 (src/core/execute.c) logged the EXEC failure from the child without the
# unit in front; v208-v225 (src/core/service.c) wrote "main process exited" in lower case
paste_run "Sep 14 09:02:11 build-7 systemd[2210]: Failed at step EXEC spawning /opt/ci/bin/runner.sh: Permission denied
Sep 14 09:02:11 build-7 systemd[1]: ci-runner.service: main process exited, code=exited, status=203/EXEC
Sep 14 09:02:11 build-7 systemd[1]: Unit ci-runner.service entered failed state."
check "old EXEC line without a unit: permission denied" \
  $(root_is permission_denied systemd-exec-permission-denied critical; echo $?)
paste_run "Sep 14 09:02:11 build-7 systemd[1]: ci-runner.service: main process exited, code=exited, status=203/EXEC"
check "old lower-case 203/EXEC exit" $(root_is missing_executable systemd-exec-not-found; echo $?)
paste_run "why does my unit say Failed at step EXEC spawning /opt/ci/bin/runner.sh: Permission denied"
check "the words in a question are no EXEC failure" \
  $(not_fired systemd-exec-permission-denied; echo $?)

# linux 4.9 memcg report read as one kernel event (the invoker line first): its line still counts
paste_run "Mar 02 04:11:09 worker-2 kernel: java invoked oom-killer: gfp_mask=0x24000c0, order=0, oom_score_adj=0
Mar 02 04:11:09 worker-2 kernel: Task in /docker/7f3c19a2b8e0 killed as a result of limit of /docker/7f3c19a2b8e0"
check "memcg report after its invoker line: oom_kernel" \
  $(root_is oom_kernel oom-kernel-container-limit-report error; echo $?)

# systemd-oomd v248+ (src/oom/oomd-manager.c) kill line cut before "due to memory pressure"
paste_run "Apr 02 09:14:07 ws systemd-oomd[811]: Killed /user.slice/user-1000.slice/user@1000.service/app.slice/app-org.kde.konsole-5512.scope"
check "oomd kill line cut short" $(root_is oom_systemd host-memory-pressure-unit-oom; echo $?)
paste_run "Apr 02 09:14:07 ws backup[811]: Killed /srv/backup/run/worker-3 after the lock timed out"
check "another program's 'Killed /path' is not oomd" \
  $(not_fired host-memory-pressure-unit-oom; echo $?)

# httpd 2.2 and early 2.4 name no scheme in AH01144: a WebSocket path tells it was ws://
paste_run "[Tue Mar 03 09:12:44.113907 2015] [proxy:warn] [pid 2211] [client 198.51.100.20:53012] AH01144: No protocol handler was valid for the URL /sockjs/842/x1c9e/websocket. If you are using a DSO version of mod_proxy, make sure the proxy submodules are included in the configuration using LoadModule."
check "Apache without mod_proxy_wstunnel, no scheme named" \
  $(root_is proxy_websocket_upgrade connect-apache-ws-handler-missing; echo $?)
paste_run "[Sun Mar 21 00:14:56 2010] [warn] proxy: No protocol handler was valid for the URL /reports. If you are using a DSO version of mod_proxy, make sure the proxy submodules are included in the configuration using LoadModule."
check "a plain path's missing handler is not a WebSocket failure" \
  $(not_fired connect-apache-ws-handler-missing; echo $?)

# nginx error.log read in nano / less -S: the line ends at the terminal's width with '$'
paste_run "2021/04/11 08:02:17 [error] 611#611: *5 connect() failed (111: Connection ref\$
2021/04/11 08:02:19 [error] 611#611: *5 no live upstreams while connecting to\$"
check "nginx refusal cut by the pager" \
  $(root_is proxy_upstream_refused connect-nginx-upstream-refused; echo $?)
paste_run "2021/04/11 08:02:17 [error] 611#611: *5 connect() failed (11: Resource temporarily unav\$"
check "another errno cut the same way is no refusal" \
  $(not_fired connect-nginx-upstream-refused; echo $?)

# Go's resolver failing for dockerd (errServerMisbehaving, Go 1.14+ quoting the URL) and for
# Traefik's docker provider (logrus text, the msg value broken before the space of "no such")
paste_run 'docker: Error response from daemon: Get "https://registry-1.docker.io/v2/": dial tcp: lookup registry-1.docker.io on 127.0.0.53:53: server misbehaving.'
check "docker pull: DNS server misbehaving" \
  $(root_is network_unstable connect-node-network-error; echo $?)
paste_run 'time="2024-02-11T09:20:31Z" level=error msg="Provider connection error error during connect: Get \"http://socket-proxy:2375/v1.24/version\": dial tcp: lookup socket-proxy on 127.0.0.11:53: no
 such host, retrying in 3.2s" providerName=docker'
check "Traefik provider: the name does not resolve (wrapped)" \
  $(root_is network_unstable connect-node-network-error; echo $?)
check "the host is named" $(fact host socket-proxy; echo $?)
paste_run 'time="2024-02-11T09:20:31Z" level=info msg="retrying lookup" err="dial tcp: lookup acme-v02.api.letsencrypt.org on 127.0.0.11:53: server misbehaving"'
check "a resolver blip logged at info is no finding" \
  $(not_fired connect-node-network-error; echo $?)

# The resolver failing an operation a program logs below error level: log/slog's upper-case
# levels (Go 1.21+), a feed fetcher's "Unable to fetch feed" at WARN (miniflux 2.2), a Go CLI's
# "Error ...: " line with no level at all.
paste_run 'level=WARN msg="Unable to fetch feed" feed_url=https://news.example.org/atom.xml error="fetcher: Get \"https://news.example.org/atom.xml\": dial tcp: lookup news.example.org on 127.0.0.11:53: server misbehaving"'
check "feed fetch failed on DNS (slog WARN)" \
  $(root_is network_unstable connect-node-network-error; echo $?)
check "the unresolved host is named" $(fact host news.example.org; echo $?)
paste_run 'Error retrieving updates: performing HTTP request: Get "https://updates.example.com/db/update": dial tcp: lookup updates.example.com on 127.0.0.11:53: server misbehaving'
check "a Go CLI's error line on DNS" \
  $(root_is network_unstable connect-node-network-error; echo $?)
paste_run 'level=WARN msg="lookup failed, will retry" err="dial tcp: lookup db on 127.0.0.11:53: server misbehaving"'
check "a retried lookup at WARN is no finding" \
  $(not_fired connect-node-network-error; echo $?)

# A unit that never gets ready: systemd kills it at TimeoutStartSec= and starts it again
# (v232 "Start operation timed out", v240+ "start operation timed out", src/core/service.c)
paste_run "Mar 03 09:00:00 edge systemd[1]: Starting Sensor bridge...
Mar 03 09:01:30 edge systemd[1]: sensor-bridge.service: Start operation timed out. Terminating.
Mar 03 09:01:30 edge systemd[1]: sensor-bridge.service: Failed with result 'timeout'.
Mar 03 09:01:30 edge systemd[1]: sensor-bridge.service: Service hold-off time over, scheduling restart.
Mar 03 09:01:30 edge systemd[1]: Starting Sensor bridge...
Mar 03 09:03:00 edge systemd[1]: sensor-bridge.service: Start operation timed out. Terminating.
Mar 03 09:03:00 edge systemd[1]: sensor-bridge.service: Failed with result 'timeout'."
check "start timeouts again and again: a loop" \
  $(root_is restart_loop_systemd systemd-unit-start-timeout-loop; echo $?)
check "the timed-out unit is named" $(fact unit sensor-bridge.service; echo $?)
paste_run "Nov 25 11:47:16 pc systemd[4354]: xdg-desktop-portal.service: start operation timed out. Terminating.
Nov 25 11:47:16 pc systemd[4354]: xdg-desktop-portal.service: Failed with result 'timeout'."
check "one slow start alone is no loop" \
  $(not_fired systemd-unit-start-timeout-loop; echo $?)

# A systemd message quoted as inline code that ends the reporter's sentence: "`...`."
paste_run '`sync-agent.service: Main process exited, code=exited, status=203/EXEC`. '
check "203/EXEC in a code span with a full stop" \
  $(root_is missing_executable systemd-exec-not-found; echo $?)
check "no template placeholder shown when the path is not in the log" \
  $([[ "$out" != *"{executable}"* ]]; echo $?)


# Setup steps the kernel refuses inside an unprivileged container (systemd v215-v235
# src/core/execute.c "Failed at step %s spawning %s: %m", bare when the unit is only in the fields)
paste_run "Apr 04 09:12:55 ct-web systemd[88]: Failed at step OOM_ADJUST spawning /usr/sbin/redis-server: Permission denied
Apr 04 09:12:55 ct-web systemd[1]: redis-server.service: main process exited, code=exited, status=206/OOM_ADJUST"
check "OOMScoreAdjust= refused in a container: permission" \
  $(root_is permission_denied systemd-spawn-step-denied; echo $?)
paste_run "Apr 04 09:12:55 ct-web systemd[88]: Failed at step OOM_ADJUST spawning /usr/sbin/redis-server: Invalid argument"
check "an invalid OOMScoreAdjust= value is no permission problem" \
  $(not_fired systemd-spawn-step-denied; echo $?)

# 217/USER from an ExecStartPre= step: systemd calls it the control process (src/core/service.c)
paste_run "Sep 03 18:02:41 pi4 systemd[1]: Starting Sensor relay...
Sep 03 18:02:41 pi4 systemd[1]: sensor-relay.service: Control process exited, code=exited, status=217/USER
Sep 03 18:02:41 pi4 systemd[1]: sensor-relay.service: Failed with result 'exit-code'."
check "217/USER from the control process" \
  $(root_is systemd_user_missing systemd-user-missing; echo $?)

# Go's resolver failing a listen address by name (net.OpError Op=listen), Caddy 2.x admin endpoint
paste_run "Error: loading initial config: loading new config: starting caddy administration endpoint: listen tcp: lookup localhost on 10.0.2.3:53: no such host"
check "listen address that does not resolve: DNS" \
  $(root_is network_unstable; echo $?)
paste_run "Error: loading initial config: loading new config: starting caddy administration endpoint: listen tcp 127.0.0.1:2019: bind: address already in use"
check "a busy admin port is no DNS failure" \
  $(not_fired network_unstable; echo $?)

# HAProxy: health check connect() never answered (src/check.c "Layer4 timeout")
paste_run "Jun 14 02:11:40 lb-1 haproxy[1907]: Server be_api/api2 is DOWN, reason: Layer4 timeout, check duration: 2001ms. 0 active and 0 backup servers left. 0 sessions active, 0 requeued, 0 remaining in queue."
check "HAProxy check connect timeout: dropped packets" \
  $(root_is firewall_blocked connect-haproxy-check-connect-timeout; echo $?)
paste_run "Jun 14 02:11:40 lb-1 haproxy[1907]: Server be_api/api2 is DOWN, reason: Layer7 timeout, check duration: 2001ms. 0 active and 0 backup servers left."
check "a Layer7 (HTTP check) timeout is no firewall" \
  $(not_fired connect-haproxy-check-connect-timeout; echo $?)

# Caddy v1: every upstream marked down (caddyhttp/proxy/proxy.go "no hosts available upstream")
paste_run "03/Mar/2018:14:22:07 +0000 [ERROR 502 /socket] no hosts available upstream
03/Mar/2018:14:22:09 +0000 [ERROR 502 /] no hosts available upstream"
check "Caddy v1 with no healthy upstream" \
  $(root_is proxy_upstream_refused connect-caddy-upstream-refused; echo $?)

# The boot console's status lines (src/core/job.c "[FAILED] Failed to start %s."), no timestamps
paste_run "[FAILED] Failed to start Docker Application Container Engine.
See 'systemctl status docker.service' for details.
[  OK  ] Stopped Docker Application Container Engine.
         Starting Docker Application Container Engine...
[FAILED] Failed to start Docker Application Container Engine.
See 'systemctl status docker.service' for details.
[  OK  ] Stopped Docker Application Container Engine.
         Starting Docker Application Container Engine...
[FAILED] Failed to start Docker Application Container Engine.
See 'systemctl status docker.service' for details."
check "the same start job failing on the console again and again" \
  $(root_is restart_loop_systemd systemd-console-start-failed-repeatedly; echo $?)
paste_run "[FAILED] Failed to start Docker Application Container Engine.
See 'systemctl status docker.service' for details."
check "one failed start on the console is no loop" \
  $(not_fired systemd-console-start-failed-repeatedly; echo $?)

# nginx resolving at request time (ngx_http_upstream_resolve_handler "%V could not be resolved")
paste_run "2025/01/14 21:03:55 [error] 30#30: *112 grafana could not be resolved (3: Host not found), client: 172.19.0.1, server: metrics.example.org, request: \"GET /login HTTP/1.1\", host: \"metrics.example.org\""
check "nginx's resolver has no such name" \
  $(root_is network_unstable connect-nginx-resolver-no-answer; echo $?)
check "the name is a fact" $(fact upstream_host grafana; echo $?)
paste_run "2025/01/14 21:03:55 [warn] 30#30: *112 upstream server temporarily disabled while reading response header from upstream"
check "an nginx warning is no resolver failure" $(not_fired connect-nginx-resolver-no-answer; echo $?)
# the `resolver` directive itself unusable (ngx_resolver_create)
paste_run "nginx: [emerg] host not found in resolver \"ns1.lan\" in /etc/nginx/conf.d/proxy.conf:2
nginx: configuration file /etc/nginx/nginx.conf test failed"
check "a resolver directive nginx cannot use" \
  $(root_is invalid_config connect-nginx-resolver-directive-bad; echo $?)
# upstream-dynamic-servers logs the upstream failure at error level, quoted inline
paste_run '`[error] host not found in upstream "cache.int.example:6081" in /etc/nginx/nginx.conf:41`'
check "host not found in upstream at error level, in backticks" \
  $(root_is network_unstable connect-nginx-upstream-host-not-found; echo $?)

# BIND 9.18 nslookup: no DNS server answered
paste_run "$ nslookup registry.npmjs.org
;; communications error to 10.0.2.3#53: timed out
;; communications error to 10.0.2.3#53: timed out
;; no servers could be reached"
check "dig/nslookup reach no DNS server" \
  $(root_is network_unstable connect-dns-tool-no-answer; echo $?)
paste_run "$ nslookup nosuch.example.org
Server:         10.0.2.3
Address:        10.0.2.3#53

** server can't find nosuch.example.org: NXDOMAIN"
check "NXDOMAIN is a missing name, not a DNS outage" $(not_fired connect-dns-tool-no-answer; echo $?)

# urllib3 1.26 NewConnectionError wrapping a resolver failure
paste_run "requests.exceptions.ConnectionError: HTTPSConnectionPool(host='hooks.slack.com', port=443): Max retries exceeded with url: /services/T000/B000 (Caused by NewConnectionError('<urllib3.connection.HTTPSConnection object at 0x7f2b1c3d9e80>: Failed to establish a new connection: [Errno -3] Temporary failure in name resolution'))"
check "urllib3 cannot resolve the host" $(root_is network_unstable connect-python-dns-error; echo $?)
paste_run "urllib3.exceptions.NewConnectionError: <urllib3.connection.HTTPConnection object at 0x7f2b1c3d9e80>: Failed to establish a new connection: [Errno 111] Connection refused"
check "urllib3's refused connection is no DNS failure" $(not_fired connect-python-dns-error; echo $?)

# Caddy 0.9 (v1) before "no hosts available upstream": "unreachable backend"
paste_run "14/Nov/2016:10:40:21 +0000 [ERROR 502 /] unreachable backend
14/Nov/2016:10:40:23 +0000 [ERROR 502 /favicon.ico] unreachable backend"
check "Caddy 0.9 cannot reach its backend" \
  $(root_is proxy_upstream_refused connect-caddy-upstream-refused; echo $?)
paste_run "[ERROR] plugin/proxy: unreachable backend"
check "CoreDNS's DNS proxy is not an HTTP proxy" $(not_fired connect-caddy-upstream-refused; echo $?)

# Traefik v2 debug: the backend closed the connection (502 caused by EOF)
paste_run "time=\"2021-02-08T16:20:31Z\" level=debug msg=\"'502 Bad Gateway' caused by: EOF\""
check "Traefik's backend broke off the exchange" \
  $(root_is proxy_upstream_refused connect-traefik-upstream-broke-off; echo $?)

# nghttpx: backend connects refused, and timing out
paste_run "2022-03-01T09:00:01.512+00:00 4021 4021 1a2b3c4d WARN (shrpx_http_downstream_connection.cc:1502) [DCONN:0x5601] Backend connect failed; addr=127.0.0.1:8081: errno=111"
check "nghttpx backend refused" $(root_is proxy_upstream_refused connect-nghttpx-backend-refused; echo $?)
paste_run "2022-03-01T09:00:01.512+00:00 4021 4021 1a2b3c4d WARN (shrpx_http_downstream_connection.cc:1502) [DCONN:0x5601] Backend connect failed; addr=10.8.0.4:8081: errno=110"
check "nghttpx backend connect timing out" \
  $(root_is firewall_blocked connect-nghttpx-backend-connect-timeout; echo $?)
check "a timeout is not a refusal" $(not_fired connect-nghttpx-backend-refused; echo $?)
# nghttp2 1.1x: the errno on its own line before the address line
paste_run "04/Jan/2017:09:12:40 +0000 PID812 [WARN] shrpx_http_downstream_connection.cc:1145 socket contains error: errno=110
04/Jan/2017:09:12:40 +0000 PID812 [WARN] shrpx_http_downstream_connection.cc:1158 [DCONN:0x7f3c11] Backend connect failed; addr=10.20.0.9:8443
04/Jan/2017:09:12:40 +0000 PID812 [WARN] shrpx_connect_blocker.cc:93 Could not connect 1 times in a row; sleep for 1.8 seconds"
check "nghttpx 1.1x connect timeout (errno on its own line)" \
  $(root_is firewall_blocked connect-nghttpx-backend-connect-timeout-split; echo $?)

# WebSocket++ and uvicorn refusing an upgrade whose headers did not arrive
paste_run "[2019-04-02 11:05:17] [error] Handshake ended with HTTP error: 426"
check "WebSocket++ got a plain request" \
  $(root_is proxy_websocket_upgrade connect-ws-server-rejected-upgrade; echo $?)
paste_run "INFO:     172.18.0.5:48812 - \"GET /ws HTTP/1.1\" 404 Not Found
WARNING:  Unsupported upgrade request.
WARNING:  No supported WebSocket library detected. Please use \"pip install 'uvicorn[standard]'\", or install 'websockets' or 'wsproto' manually."
check "uvicorn refused an upgrade" \
  $(root_is proxy_websocket_upgrade connect-ws-server-rejected-upgrade; echo $?)
paste_run "[2019-04-02 11:05:17] [error] Handshake ended with HTTP error: 503"
check "a 503 handshake is the upstream's failure, not a lost upgrade" \
  $(not_fired connect-ws-server-rejected-upgrade; echo $?)
# socket.io's websocket transport answered 400 in the proxy's access log
paste_run '203.0.113.40 - - [11/Sep/2024:19:02:11 +0000] "GET /socket.io/?EIO=4&transport=websocket&sid=pQ3xYv9bXkAAAC HTTP/1.1" 400 45 "-" "Mozilla/5.0 (Windows NT 10.0; Win64; x64)"'
check "socket.io websocket transport refused" \
  $(root_is proxy_websocket_upgrade connect-socketio-websocket-transport-400; echo $?)
paste_run '203.0.113.40 - - [11/Sep/2024:19:02:11 +0000] "GET /socket.io/?EIO=4&transport=polling&t=P1x2 HTTP/1.1" 200 97 "-" "Mozilla/5.0 (Windows NT 10.0; Win64; x64)"'
check "socket.io polling is fine" $(not_fired connect-socketio-websocket-transport-400; echo $?)

# dnsmasq (lxc-net, libvirt) and mongod cannot bind: another process holds the port
paste_run "    Mar 03 10:02:41 host1 lxc-net[611]: dnsmasq: failed to create listening socket for 10.0.3.1: Address already in use
    Mar 03 10:02:41 host1 lxc-net[611]: Failed to setup lxc-net."
check "dnsmasq's port is taken" $(root_is port_conflict bind-address-in-use-other-program; echo $?)
paste_run "2021-06-07T08:30:12.118+0000 E  CONTROL  [initandlisten] Failed to set up listener: SocketException: Address already in use"
check "mongod's port is taken" $(root_is port_conflict bind-address-in-use-other-program; echo $?)

# an OOM report pasted from inside its call trace (ARM unwinder form), first line cut off
paste_run "[ 4410.118230]  show_stack from dump_stack_lvl+0x40/0x4c
[ 4410.118251]  dump_stack_lvl from dump_header+0x54/0x1fc
[ 4410.118270]  dump_header from oom_kill_process+0x1c8/0x1d4
[ 4410.118289]  oom_kill_process from out_of_memory+0x1f0/0x33c"
check "the OOM killer's call trace alone" \
  $(root_is oom_kernel oom-killer-invoked-kill-not-shown; echo $?)
paste_run "[ 4410.118230]  show_stack from dump_stack_lvl+0x40/0x4c
[ 4410.118251]  dump_stack_lvl from __warn+0x88/0x120"
check "another kernel warning's trace is no OOM" $(not_fired oom-killer-invoked-kill-not-shown; echo $?)

# A failed lookup logged as its message alone: node's err.message after a logger's level or a
# monitor's status (node 10-24 dnsException), Rust std's "failed to lookup address information"
# under a proxy's WARN line; one line is a remark, a retried openclaw line is not this rule's
paste_run "[2026-03-02 07:14:09.310 +0000] ERROR: getaddrinfo EAI_AGAIN hooks.example.net
    err: {
      \"type\": \"Error\","
check "node's lookup message after pino's level" \
  $(root_is network_unstable connect-dns-lookup-failed-logged warning; echo $?)
paste_run "[shop.example.org] [Down] getaddrinfo ENOTFOUND shop.example.org"
check "a monitor's status line with the lookup message" \
  $(root_is network_unstable connect-dns-lookup-failed-logged; echo $?)
check "the host is named" $(fact host shop.example.org; echo $?)
paste_run "[2026-01-19T22:03:51Z WARN  relay] to cdn.example.com:443: failed to lookup address information: Temporary failure in name resolution"
check "Rust std's lookup failure" \
  $(root_is network_unstable connect-dns-lookup-failed-logged; echo $?)
paste_run "getUpdates failed: TypeError: fetch failed (cause: Error: getaddrinfo EAI_AGAIN api.telegram.org); retrying in 5s"
check "one retried lookup is left to the repeated-failures rule" \
  $(not_fired connect-dns-lookup-failed-logged; echo $?)
paste_run "resolved cdn.example.com via getaddrinfo in 3 ms"
check "a successful lookup says nothing" $(not_fired connect-dns-lookup-failed-logged; echo $?)

# systemd's exec failure quoted in Markdown italics in an issue body (v219 wording)
paste_run "_Failed at step EXEC spawning /opt/agent/venv/bin/agent-worker --port 8700: No such file or directory_"
check "italic 203/EXEC line" $(root_is missing_executable; echo $?)

# Werkzeug 2.1+ (flask run): strerror, then its own line instead of a traceback; a person
# writing about a port in use is not it
paste_run " * Serving Flask app 'inventory'
 * Debug mode: on
Address already in use
Port 5050 is in use by another program. Either identify and stop that program, or start the server with a different port."
check "Werkzeug's port-in-use line" \
  $(root_is port_conflict bind-address-in-use-other-program error; echo $?)
check "its port is named" $(fact port 5050; echo $?)
paste_run "Port 5050 is in use by another program, so I started inventory on 5051 instead"
check "prose about a busy port" $(not_fired bind-address-in-use-other-program; echo $?)

# the kernel's note of a fatal fault, with comm[pid] in the message (dmesg) or taken by the
# syslog reader; a person's word "segfault" is not it
paste_run "[Tue Apr 14 03:12:09 2026] imgproxy[30112]: segfault at 18 ip 00007f90c2a1b3f0 sp 00007ffd61c2a8e8 error 4 in libvips.so.42.14.2[7f90c29a0000+2c5000] likely on CPU 2 (core 2, socket 0)"
check "dmesg segfault line" $(root_is crash kernel-process-fatal-fault error; echo $?)
check "the process is named" $(fact process imgproxy; echo $?)
paste_run "Apr 14 03:12:09 media-1 kernel: traps: ffmpeg[7702] trap invalid opcode ip:5617a0c1 sp:7ffd2b10 error:0 in ffmpeg[5617a0000000+1c000]"
check "kern.log invalid opcode trap" $(root_is crash kernel-process-fatal-fault; echo $?)
paste_run "after the upgrade imgproxy gets a segfault at startup, see attached core"
check "a segfault in prose" $(not_fired kernel-process-fatal-fault; echo $?)

# a Go client's request to a remote host timing out (one line, a warning); a pod's probe and a
# container name are local, not the network
paste_run "2026-05-02T10:41:07.211Z	WARN	notify	webhook failed: Post \"https://hooks.example.com/services/T0/B0\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)"
check "Go client timeout to a remote host" \
  $(root_is network_unstable connect-go-http-client-timeout warning; echo $?)
check "the host is named" $(fact host hooks.example.com; echo $?)
paste_run "Warning  Unhealthy  12s (x3 over 32s)  kubelet  Readiness probe failed: Get \"http://10.42.0.17:8080/ready\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)"
check "a readiness probe's timeout" $(not_fired connect-go-http-client-timeout; echo $?)
paste_run "error=\"Get \\\"http://worker:9000/jobs\\\": context deadline exceeded (Client.Timeout exceeded while awaiting headers)\""
check "a container name is local" $(not_fired connect-go-http-client-timeout; echo $?)

# Traefik v2 on Windows: the reset in Windows' words, with masked addresses
paste_run "time=\"2026-02-09T11:30:02+01:00\" level=debug msg=\"'502 Bad Gateway' caused by: read tcp 10.20.0.4:60811->10.20.0.12:5000: wsarecv: An existing connection was forcibly closed by the remote host.\""
check "Traefik on Windows: upstream reset" \
  $(root_is proxy_upstream_refused connect-traefik-upstream-broke-off; echo $?)
paste_run "'502 Bad Gateway' caused by: read tcp 1x.xx.x.xx:yyyyy->1x.xx.x.xx:yyyy: wsarecv: An existing connection was forcibly closed by the remote host"
check "masked addresses" $(root_is proxy_upstream_refused connect-traefik-upstream-broke-off; echo $?)
paste_run "read tcp 10.20.0.4:60811->10.20.0.12:5000: wsarecv: An existing connection was forcibly closed by the remote host."
check "the reset without Traefik's 502 is not Traefik's" $(not_fired connect-traefik-upstream-broke-off; echo $?)

# systemctl status of a unit left failed by an exit with an error (a oneshot, or Restart=no):
# the unit is down now, which one failure line in a journal does not say
paste_run "* report-sync.service - Nightly report sync
   Loaded: loaded (/lib/systemd/system/report-sync.service; enabled; vendor preset: enabled)
   Active: failed (Result: exit-code) since Mon 2017-07-24 07:28:50 UTC; 2min 8s ago
  Process: 659 ExecStart=/bin/sh -c /usr/local/bin/report-sync --all (code=exited, status=1/FAILURE)

Jul 24 07:28:50 cube systemd[1]: Starting Nightly report sync...
Jul 24 07:28:50 cube systemd[1]: report-sync.service: Control process exited, code=exited status=1
Jul 24 07:28:50 cube systemd[1]: Failed to start Nightly report sync.
Jul 24 07:28:50 cube systemd[1]: report-sync.service: Unit entered failed state."
check "a unit failed now, status v232" $(root_is crash systemd-unit-failed-now error; echo $?)
check "the failed unit is named" $(fact unit report-sync.service; echo $?)
paste_run "● openclaw-gateway.service - OpenClaw Gateway
     Loaded: loaded (/etc/systemd/system/openclaw-gateway.service; enabled; preset: enabled)
     Active: failed (Result: exit-code) since Mon 2026-03-30 19:57:24 CEST; 4min 11s ago
   Main PID: 27984 (code=exited, status=1/FAILURE)"
check "the gateway's unit failed now is critical" \
  $(root_is crash systemd-gateway-unit-failed-now critical; echo $?)
# the same status block beside the start limit it ended in: the loop says it, once
paste_run "● owserver.service - Backend server for 1-wire control
     Loaded: loaded (/lib/systemd/system/owserver.service; enabled; vendor preset: enabled)
     Active: failed (Result: exit-code) since Sat 2026-08-01 22:02:23 CEST; 7s ago
    Process: 1460 ExecStart=/usr/bin/owserver -c /etc/owfs.conf (code=exited, status=1/FAILURE)
   Main PID: 1460 (code=exited, status=1/FAILURE)

Aug 01 22:02:23 pi systemd[1]: owserver.service: Main process exited, code=exited, status=1/FAILURE
Aug 01 22:02:23 pi systemd[1]: owserver.service: Failed with result 'exit-code'.
Aug 01 22:02:23 pi systemd[1]: owserver.service: Start request repeated too quickly.
Aug 01 22:02:23 pi systemd[1]: Failed to start Backend server for 1-wire control."
check "failed at its start limit: the loop is the root" \
  $(root_is restart_loop_systemd systemd-unit-start-limit-hit; echo $?)
check "the failed state is not a second finding beside the loop" \
  $(not_fired systemd-unit-failed-now; echo $?)
# systemd's own setup statuses: the program never ran, their rules say why
paste_run "● api.service - API
     Loaded: loaded (/etc/systemd/system/api.service; enabled; preset: enabled)
     Active: failed (Result: exit-code) since Mon 2026-03-30 19:57:24 CEST; 4min 11s ago
    Process: 27984 ExecStart=/opt/api/bin/api (code=exited, status=203/EXEC)
   Main PID: 27984 (code=exited, status=203/EXEC)"
check "203/EXEC in status: missing executable, not a crash" \
  $(root_is missing_executable; echo $?)
check "203/EXEC in status: no failed-now finding" $(not_fired systemd-unit-failed-now; echo $?)
paste_run "● api.service - API
     Active: activating (auto-restart) (Result: exit-code) since Mon 2026-03-30 19:57:24 CEST; 2s ago
   Main PID: 27984 (code=exited, status=1/FAILURE)"
check "auto-restart pending is not failed now" $(not_fired systemd-unit-failed-now; echo $?)

# nginx's config parse errors (src/core/ngx_conf_file.c "... in FILE:LINE") as the nginx
# error-log reader gives them: "[emerg] PID#TID: " is the event's level, not its message
paste_run "2024/03/02 10:11:12 [emerg] 1#1: unknown directive \"proxy_pas\" in /etc/nginx/conf.d/default.conf:14"
check "nginx error log: a config parse error" \
  $(root_is invalid_config proxy-config-test-failed; echo $?)
check "nginx error log: the file is named" \
  $(fact config_path /etc/nginx/conf.d/default.conf; echo $?)
paste_run "Jan 08 13:46:17 pi nginx[14213]: nginx: [emerg] \"listen\" directive is not allowed here in /etc/nginx/sites-enabled/app:1"
check "nginx -t in the journal: a config parse error" \
  $(root_is invalid_config proxy-config-test-failed; echo $?)
paste_run "2024/03/02 10:11:12 [emerg] 1#1: host not found in upstream \"app:3000\" in /etc/nginx/conf.d/default.conf:5"
check "nginx upstream name not resolving is not the config's" \
  $(not_fired proxy-config-test-failed; echo $?)
paste_run "2024/03/02 10:11:12 [error] 31#31: *7 open() \"/usr/share/nginx/html/x\" failed (2: No such file or directory) in /etc/nginx/conf.d/default.conf:5"
check "an nginx [error] line ending in FILE:LINE is not a refused config" \
  $(not_fired proxy-config-test-failed; echo $?)
# Debian's apache2ctl says "Action 'start' failed." after any failed start: a port in use here
paste_run "(98)Address already in use: AH00072: make_sock: could not bind to address [::]:80
(98)Address already in use: AH00072: make_sock: could not bind to address 0.0.0.0:80
no listening sockets available, shutting down
AH00015: Unable to open logs
Action 'start' failed.
The Apache error log may have more information."
check "apache2ctl's failed start after a bind error is not a config error" \
  $(not_fired proxy-config-test-failed; echo $?)

# C programs' own bind failures (perror / strerror, or the errno alone): a port in use, not a
# refused permission
paste_run "$ ./relayd --port 9000
loading routes from routes.conf
binding to port 9000
bind() failed: Address already in use"
check "a C daemon's bind() failure, strerror text" \
  $(root_is port_conflict bind-address-in-use-other-program; echo $?)
paste_run "listener.c: socket created
bind failed with errno 98
exiting"
check "the errno alone after bind" $(root_is port_conflict bind-address-in-use-other-program; echo $?)
paste_run "bind() failed: Permission denied"
check "a refused low port is not a port in use" \
  $(not_fired bind-address-in-use-other-program; echo $?)

# em-websocket (Ruby) refusing a request without the upgrade headers, and websocket-client
# (Python) getting 426 through a proxy; curl's own 426 from the ws port is a healthy answer
paste_run "I, [2019-03-04T10:11:12.000000 #812]  INFO -- : chat server listening on 0.0.0.0:8080
E, [2019-03-04T10:11:20.401233 #812] ERROR -- : EventMachine::WebSocket::HandshakeError: Connection and Upgrade headers required
E, [2019-03-04T10:11:21.913002 #812] ERROR -- : EventMachine::WebSocket::HandshakeError: Connection and Upgrade headers required"
check "em-websocket refused the upgrade" \
  $(root_is proxy_websocket_upgrade connect-ws-server-rejected-upgrade; echo $?)
paste_run "Traceback (most recent call last):
  File \"/srv/feeder/run.py\", line 41, in <module>
    ws = websocket.create_connection(\"wss://feeds.example.org/stream\")
  File \"/usr/lib/python3/dist-packages/websocket/_core.py\", line 595, in create_connection
    websock.connect(url, **options)
websocket._exceptions.WebSocketBadStatusException: Handshake status 426 Upgrade Required"
check "websocket-client got 426 through the proxy" \
  $(root_is proxy_websocket_upgrade connect-ws-handshake-unexpected-status; echo $?)
paste_run "$ curl -i http://127.0.0.1:8080/stream
HTTP/1.1 426 Upgrade Required
Content-Type: text/plain
Upgrade: websocket

Upgrade Required"
check "curl's 426 from a WebSocket port is not a failure" $(quiet; echo $?)

# docker 1.x prints the exit code it never got as -1
paste_run "CONTAINER ID        IMAGE               COMMAND                  CREATED             STATUS                              PORTS                    NAMES
5c0e81d2a9f4        shop/api:1.4        \"node server.js\"         2 weeks ago         Restarting (-1) 40 minutes ago      0.0.0.0:3000->3000/tcp   shop-api"
check "docker ps: restarting with exit code -1" \
  $(root_is restart_loop_docker docker-ps-container-restarting; echo $?)
check "the container is named" $(fact container shop-api; echo $?)

# apt 2.6.1, curl 7.88.1 and wget 1.21.3 that cannot resolve a host, as captured
# (corpus/captured/dns-tools): the resolver not answering, and a name that does not exist
captured="$(dirname "$0")/../../corpus/captured/dns-tools"
paste_run "$(cat "$captured/apt-2.6.1-eai-again.log")"
check "apt: temporary failure resolving" \
  $(root_is network_unstable connect-dns-tool-could-not-resolve error; echo $?)
paste_run "$(cat "$captured/apt-2.6.1-eai-noname.log")"
check "apt: could not resolve" $(root_is network_unstable connect-dns-tool-could-not-resolve; echo $?)
check "the host is named" $(fact host nonexistent.invalid; echo $?)
paste_run "$(cat "$captured/curl-7.88.1-wget-1.21.3-eai-again.log")"
check "curl and wget: could not resolve" \
  $(root_is network_unstable connect-dns-tool-could-not-resolve; echo $?)
paste_run "$(tail -n 1 "$captured/curl-7.88.1-wget-1.21.3-eai-noname.log")"
check "wget's last line alone" $(root_is network_unstable connect-dns-tool-could-not-resolve; echo $?)
paste_run "Hit:1 http://deb.debian.org/debian bookworm InRelease
Resolving deb.debian.org (deb.debian.org)... 151.101.2.132, 2a04:4e42::644
Reading package lists... Done"
check "a name that resolved is quiet" $(not_fired connect-dns-tool-could-not-resolve; echo $?)

# zerolog's console lines (rs/zerolog console.go; Traefik v3's default "common" log format):
# the level read, the caller taken off, the message matched as it is
paste_run '2024-04-15T09:53:28Z ERR github.com/traefik/traefik/v3/pkg/server/server_entrypoint_tcp.go:150 > Error while starting server error="listen tcp :80: bind: address already in use" entryPointName=web'
check "Traefik v3: port 80 in use" $(root_is port_conflict "" error; echo $?)
paste_run '3:04PM FTL cannot start error="dial tcp 10.0.0.2:5432: connect: connection refused"'
check "zerolog FTL: a client dies on a refused dependency" $(root_is gateway_not_running go-client-dial-refused-fatal; echo $?)
paste_run '3:04PM INF retrying error="dial tcp 10.0.0.2:5432: connect: connection refused"'
check "zerolog INF: no fatal record" $(not_fired go-client-dial-refused-fatal; echo $?)

finish
