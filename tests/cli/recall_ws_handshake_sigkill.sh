#!/usr/bin/env bash
# WebSocket upgrades lost behind a proxy as Go programs log them, and deaths by SIGKILL told
# only by exit code 137 (issue 12, recall): gorilla/websocket's server refusing a request
# without the upgrade headers (three generations of its wording), Traefik's oxy forwarder
# getting no 101 from its backend (with the logrus msg value whose inner quotes a paste lost),
# docker compose / yarn / npm reporting 137, and the Ctrl+C stop that also ends in 137. Each
# beside a look-alike that must not say the same.
set -uo pipefail
logdx="$(realpath "$1")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
# shellcheck source=paste_lib.sh
source "$(dirname "$0")/paste_lib.sh"

# gorilla/websocket v1.4+ server.go, wrapped by the app's own error line
paste_run "2024/05/01 10:00:00 terminal session 10.0.0.7:51220: GET /term/ws: 400: websocket: the client is not using the websocket protocol: 'upgrade' token not found in 'Connection' header"
check "Go server: 'upgrade' token missing" \
  $(root_is proxy_websocket_upgrade connect-ws-go-server-rejected-upgrade; echo $?)
# v1.2-v1.3 through logrus, v1.0 through the log package
paste_run "time=\"2019-05-02T10:11:12Z\" level=error msg=\"websocket: not a websocket handshake: 'websocket' token not found in 'Upgrade' header\""
check "Go server v1.2: 'websocket' token missing (logrus)" \
  $(root_is proxy_websocket_upgrade connect-ws-go-server-rejected-upgrade; echo $?)
paste_run "2017/01/10 12:00:00 websocket: could not find connection header with token 'upgrade'"
check "Go server v1.0 wording" $(root_is proxy_websocket_upgrade; echo $?)
paste_run "2024/03/02 09:14:55 websocket: the client is not using the websocket protocol: request method is not GET"
check "a POST to the WebSocket path is no lost upgrade" \
  $(not_fired connect-ws-go-server-rejected-upgrade; echo $?)

# Traefik 1.5 (oxy with gorilla), a swarm service log prefix, the quotes of the host unescaped
paste_run 'edge.1.x3k9p2m7q1@node-2    | time="2018-05-14T08:02:11Z" level=error msg="vulcand/oxy/forward/websocket: Error dialing "chat.example.org": websocket: bad handshake with resp: 200 200 OK"'
check "Traefik: the backend answered 200 to the upgrade" \
  $(root_is proxy_websocket_upgrade connect-ws-proxy-dial-bad-handshake; echo $?)
check "the backend is named" $(fact backend chat.example.org; echo $?)
check "its answer is named" $(fact status 200; echo $?)
# Traefik 1.3 (oxy before gorilla)
paste_run 'time="2017-09-26T15:03:55Z" level=warning msg="Error dialing `streaming.example.com`: websocket: bad handshake"'
check "Traefik 1.3 wording" $(root_is proxy_websocket_upgrade connect-ws-proxy-dial-bad-handshake; echo $?)
paste_run 'time="2018-02-19T16:30:59Z" level=error msg="vulcand/oxy/forward/websocket: Error dialing \"api\": websocket: bad handshake with resp: 401 401 Unauthorized"'
check "a 401 from the backend is auth, not the upgrade" \
  $(not_fired connect-ws-proxy-dial-bad-handshake; echo $?)

# logrus text whose msg value lost the backslashes of its inner quotes: the value runs to the
# quote that ends the field, so the next key=value is not read as the message's end
paste_run 'time="2024-02-11T09:20:31Z" level=error msg="Provider error: Get "http://socket-proxy:2375/v1.24/version": dial tcp: lookup socket-proxy on 127.0.0.11:53: no such host" providerName=docker'
check "unescaped quotes inside msg: the whole message is read" \
  $(root_is network_unstable; echo $?)
check "the host behind the inner quotes is named" $(fact host socket-proxy; echo $?)

# docker compose v2 / v1 and the OOM killer's SIGKILL
paste_run "worker-1 exited with code 137"
check "compose: exit 137 is a SIGKILL, most likely OOM" \
  $(root_is oom_kernel process-killed-exit-137 error; echo $?)
paste_run "every few hours the indexer stops with 'feed-indexer exited with code 137'"
check "compose v1 with container_name, quoted in prose" $(root_is oom_kernel; echo $?)
check "the container is named" $(fact container feed-indexer; echo $?)
paste_run "api-1 exited with code 1"
check "exit 1 is no kill" $(not_fired process-killed-exit-137; echo $?)
# yarn 1.22 after sh's "Killed": the OOM reading outranks yarn's generic script failure
paste_run "Killed
error Command failed with exit code 137."
check "yarn 137: OOM, not a crash" $(root_is oom_kernel process-killed-exit-137; echo $?)
check "yarn's generic failure is dropped" $(not_fired yarn-script-failed; echo $?)
paste_run "npm ERR! code ELIFECYCLE
npm ERR! errno 137
npm ERR! app@1.0.0 start: \`node server.js\`
npm ERR! Exit status 137"
check "npm 6: errno 137" $(root_is oom_kernel process-killed-exit-137; echo $?)
# Ctrl+C on compose up: the container ignored SIGTERM and was killed at the stop timeout
paste_run "^CGracefully stopping... (press Ctrl+C again to force)
Stopping web_1 ... done
web_1 exited with code 137"
check "a stop that timed out is no OOM kill" $(quiet; echo $?)
check "and says so" $(root_is stop_timeout_kill compose-stop-timeout-kill info; echo $?)

finish
