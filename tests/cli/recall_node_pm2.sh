#!/usr/bin/env bash
# Node and pm2 wordings of other versions and of partial pastes, through the real binary (issue
# 12, recall): V8's heap abort quoted in Markdown, wrapped, or cut before its FATAL line; Node's
# listen EACCES as the error object alone, cut before the address, or in another app; an
# unhandled refused connect; a program it spawns missing; openclaw refusing an old Node; pm2
# 0.12.3's exit line without a code; a gateway HTTP 401 as a plugin logs it; openclaw's Discord
# 4014 debug line; npm/pnpm/yarn without package.json; coreutils refusals in other locales;
# node-fetch's FetchError to a remote API; an 'error' event with a non-Error value; require() of
# ES modules cut by a wrap or with top-level await; spawn/fs ENOMEM; pm2's logged unhandled
# rejection; npm's and pnpm's start-script failure block; node 0.x's bare listen EACCES(S);
# moltworker's and other clients' relayed auth reasons; ClawX giving up after doctor; doctor
# --json findings; openclaw's restart handoff failing; npm's debug-log and yarn 1's script
# failure lines; a script's program not found by sh/dash/cmd.exe; pm2's describe table, watch
# loop on its own files and 0.12 cluster closes; V8's OOM frames alone; node 0.12's inspected
# listen error; openclaw's skipped stage, token-mismatch reason line and restart diagnostics;
# openclaw's "another gateway instance" refusal met again and again by a process manager;
# Slack's auth refusal escaping as an unhandled rejection; node refusing to spawn a program
# (EPERM, EACCES); openclaw's plugin load path gone and its own "Invalid config:" refusals;
# grammY's and @slack/web-api's network failures; bash -c not finding a script's program.
# Each beside a look-alike that must not say the same.
set -uo pipefail
logdx="$(realpath "$1")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
# shellcheck source=paste_lib.sh
source "$(dirname "$0")/paste_lib.sh"

# V8 (node 16-24, api.cc FatalProcessOutOfMemory) quoted as a Markdown bullet in backticks
paste_run "  - After the upgrade both services grew memory and restarted
  - \`FATAL ERROR: Reached heap limit Allocation failed - JavaScript heap out of memory\`"
check "heap OOM in a backticked bullet" $(root_is node_heap_oom node-heap-out-of-memory critical; echo $?)
paste_run "- why does \`FATAL ERROR: Reached heap limit\` mean the heap is full?"
check "a question about the FATAL line is no OOM" $(quiet; echo $?)
# the same line wrapped before "Allocation": both halves are shown
paste_run "FATAL ERROR: Ineffective mark-compacts near heap limit
Allocation failed - JavaScript heap out of memory"
check "wrapped V8 line: heap OOM" $(root_is node_heap_oom "" critical; echo $?)
check "wrapped V8 line: the FATAL half is evidence" \
  $(has "FATAL ERROR: Ineffective mark-compacts near heap limit" "$out"; echo $?)
paste_run "FATAL ERROR: v8::ToLocalChecked Empty MaybeLocal."
check "another node FATAL ERROR is no heap OOM" $(not_fired node_heap_oom; echo $?)
# V8's last-GC report alone (a paste cut before FATAL), node 10-14 trace
paste_run "<--- Last few GCs --->

[3121:0x4e1c2b0]  8812044 ms: Mark-sweep 2041.3 (2090.1) -> 2039.8 (2090.6) MB, 2804.1 / 0.0 ms  (average mu = 0.121, current mu = 0.010) allocation failure scavenge might not succeed
[3121:0x4e1c2b0]  8815130 ms: Mark-sweep 2041.9 (2090.6) -> 2040.2 (2091.1) MB, 3010.7 / 0.0 ms  (average mu = 0.072, current mu = 0.021) allocation failure scavenge might not succeed"
check "GC report cut before FATAL: heap OOM" $(root_is node_heap_oom node-heap-oom-gc-trace critical; echo $?)
check "the heap size is read" $(has "max-old-space-size=3072" "$out"; echo $?)
check "an app that is not openclaw gets no openclaw command" $(not_fired "openclaw gateway"; echo $?)
paste_run "0|openclaw | Allocation failed - JavaScript heap out of memory"
check "the gateway's wrapped heap line gets openclaw's command" $(has "openclaw gateway run" "$out"; echo $?)
paste_run "0|worker   | Allocation failed - JavaScript heap out of memory"
check "another app's wrapped heap line gets its own terms" $(not_fired "openclaw gateway"; echo $?)
paste_run "[3121:0x4e1c2b0]  8812044 ms: Scavenge 41.3 (50.1) -> 39.8 (50.6) MB, 2.1 / 0.0 ms  (average mu = 0.991, current mu = 0.990) allocation failure"
check "a --trace-gc line alone is no OOM" $(quiet; echo $?)

# node 12-24 listen EACCES: only the tail of the crash record pasted (the object util.inspect
# prints after the stack), or the object a logger prints on one line
paste_run "Emitted 'error' event on Server instance at:
    at emitErrorNT (node:net:1940:8)
    at processTicksAndRejections (node:internal/process/task_queues:90:21) {
  code: 'EACCES',
  errno: -13,
  syscall: 'listen',
  address: '0.0.0.0',
  port: 443
}"
check "EACCES error object: permission_denied" \
  $(root_is permission_denied node-listen-permission-denied-errobj error; echo $?)
check "the port is read from the object" $(fact port 443; echo $?)
paste_run "{ code: 'EACCES', errno: -13, syscall: 'listen', address: '0.0.0.0', port: 80 }"
check "EACCES object on one line" $(root_is permission_denied node-listen-permission-denied-errobj; echo $?)
paste_run "{ code: 'EACCES', errno: -13, syscall: 'open', path: '/srv/app/config.json' }"
check "EACCES on open is not a listen failure" \
  $(not_fired node-listen-permission-denied-errobj; echo $?)
# the same EACCES in a pm2 app or compose service of another name: a warning about that app
paste_run "0|api      | Error: listen EACCES: permission denied 0.0.0.0:80"
check "pm2 app's EACCES: warning about it" \
  $(root_is permission_denied node-listen-permission-denied-other-app warning; echo $?)
check "the app is named" $(has "api may not listen on port 80" "$out"; echo $?)
paste_run "web_1  | Error: listen EACCES: permission denied 0.0.0.0:443"
check "compose service's EACCES: warning about it" \
  $(root_is permission_denied node-listen-permission-denied-other-app warning; echo $?)
paste_run "0|openclaw | Error: listen EACCES: permission denied 0.0.0.0:80"
check "the gateway's own EACCES stays critical" \
  $(root_is permission_denied gateway-port-permission-denied critical; echo $?)
# the message cut before the address by an app's logger
paste_run "2026-03-05 10:12:01 error: Error: listen EACCES: permission denied"
check "listen EACCES without address" \
  $(root_is permission_denied node-listen-permission-denied-no-address; echo $?)
paste_run "how do I fix listen EACCES: permission denied on port 80?"
check "a question is no finding" $(quiet; echo $?)

# pm2 0.12.3 lib/God.js: "App name:NAME id:ID exited" (no code), restarted in the same second
paste_run "PM2: 2015-06-02 09:31:07: App name:api id:3 exited
PM2: 2015-06-02 09:31:07: Starting execution sequence in -cluster mode- for app name:api id:3
PM2: 2015-06-02 09:31:07: App name:api id:3 online
PM2: 2015-06-02 09:31:07: App name:api id:3 exited
PM2: 2015-06-02 09:31:07: Starting execution sequence in -cluster mode- for app name:api id:3
PM2: 2015-06-02 09:31:08: App name:api id:3 online
PM2: 2015-06-02 09:31:08: App name:api id:3 exited"
check "pm2 0.12.3 codeless exits: loop" $(root_is restart_loop_pm2 pm2-app-exits-quickly-codeless; echo $?)
check "the title says the code is not logged" $(has "logs no exit code" "$out"; echo $?)
# the same codeless exits of three manual restarts over an hour are no loop
paste_run "PM2: 2015-06-02 09:31:07: App name:api id:3 exited
PM2: 2015-06-02 09:31:07: App name:api id:3 online
PM2: 2015-06-02 10:02:40: App name:api id:3 exited
PM2: 2015-06-02 10:02:41: App name:api id:3 online
PM2: 2015-06-02 10:40:12: App name:api id:3 exited
PM2: 2015-06-02 10:40:12: App name:api id:3 online"
check "codeless exits an hour apart: no loop" $(not_fired restart_loop_pm2; echo $?)
paste_run "PM2: 2015-06-02 09:31:07: App name:api id:3 online"
check "online alone is nothing" $(quiet; echo $?)

# a channel plugin calling the gateway's HTTP API without the token
paste_run '09:12:40 [feishu] [ERROR] reply failed: Error: Gateway error: 401 - {"error":{"message":"Unauthorized","type":"unauthorized"}}'
check "gateway HTTP 401: auth_failed" $(root_is auth_failed connect-gateway-http-unauthorized error; echo $?)
paste_run '09:12:40 [feishu] [DEBUG] Gateway responded 200 - {"ok":true}'
check "a 200 answer is nothing" $(quiet; echo $?)

# node 10-24 dies on an unhandled refused connect: the service it needs is not running
captured="$(dirname "$0")/../../corpus/captured/node"
for v in 10 16 24; do
  run analyze --no-db --no-user-rules -o json "$captured/econnrefused-uncaught-node$v.log"
  check "node $v uncaught ECONNREFUSED: the service is not running" \
    $(root_is gateway_not_running node-connect-refused-uncaught error; echo $?)
done
check "the port is read" $(fact port 6399; echo $?)
# a client that logs the refusal and retries is waiting, not dead
paste_run "[ioredis] Unhandled error event: Error: connect ECONNREFUSED 127.0.0.1:6379
    at TCPConnectWrap.afterConnect [as oncomplete] (node:net:1555:16)"
check "a logged, retried refusal is no death" $(not_fired node-connect-refused-uncaught; echo $?)

# node 10-24 cannot spawn a program that is not installed (captured)
for v in 10 24; do
  run analyze --no-db --no-user-rules -o json "$captured/spawn-enoent-node$v.log"
  check "node $v spawn ENOENT: the program is missing" $(root_is missing_executable node-spawn-not-found error; echo $?)
done
paste_run "0|worker   | Error: ENOENT: no such file or directory, open '/srv/app/.env'"
check "a missing file is no missing program" $(not_fired node-spawn-not-found; echo $?)

# openclaw refuses the Node it runs on (captured 2026.3.8 on node 18, 2026.9.6 on node 20)
for f in node-too-old-2026.3.8-node18 node-too-old-2026.9.6-node20; do
  run analyze --no-db --no-user-rules -o json "$(dirname "$0")/../../corpus/captured/openclaw/$f.log"
  check "$f: the gateway refuses this Node" $(root_is node_version_mismatch gateway-node-too-old critical; echo $?)
done
paste_run "Running on an unsupported Node (22.23.3); diagnostics may show truncated text"
check "openclaw's unsupported-Node note is no refusal" $(quiet; echo $?)

# openclaw's Discord channel debug line before the fatal close
paste_run "2026-02-19T10:01:02.123Z [discord] discord gateway: WebSocket connection closed with code 4014"
check "discord 4014 debug line: auth_failed" $(root_is auth_failed connect-discord-gateway-rejected; echo $?)
paste_run "2026-02-19T10:01:02.123Z [discord] discord gateway: WebSocket connection closed with code 1000"
check "a normal close is no refusal" $(not_fired connect-discord-gateway-rejected; echo $?)

# concurrently's index prefix on every line of node 14's unhandled 'error' event record
# (lib/events.js: the throw site, the caret, the error, its frames, "Emitted 'error' event"):
# with the prefix read as a wrapper the record joins, and a refused connect that killed the
# app is the service it needs not running, not a loose network line
paste_run "[1] events.js:292
[1]       throw er; // Unhandled 'error' event
[1]       ^
[1]
[1] Error: connect ECONNREFUSED 127.0.0.1:5432
[1]     at TCPConnectWrap.afterConnect [as oncomplete] (net.js:1144:16)
[1] Emitted 'error' event on Client instance at:
[1]     at Client._handleErrorEvent (/srv/api/node_modules/pg/lib/client.js:319:10)
[1]     at processTicksAndRejections (internal/process/task_queues.js:84:21) {
[1]   errno: -111,
[1]   code: 'ECONNREFUSED',
[1]   syscall: 'connect',
[1]   address: '127.0.0.1',
[1]   port: 5432
[1] }
[1] [nodemon] app crashed - waiting for file changes before starting..."
check "concurrently [N] prefix: the record joins (died on a refused connect)" \
  $(root_is gateway_not_running node-connect-refused-uncaught; echo $?)
check "concurrently [N] prefix: the port is read" $(fact port 5432; echo $?)

# npm/pnpm/yarn started in a folder without package.json (npm 2-8, npm 10+ and pnpm 8 wording,
# corpus/captured/npm/): nothing to start there, beside npm's own ENOENT on an installed package
paste_run "$ npm run dev
npm ERR! code ENOENT
npm ERR! syscall open
npm ERR! path /home/deploy/package.json
npm ERR! errno -2
npm ERR! enoent ENOENT: no such file or directory, open '/home/deploy/package.json'
npm ERR! enoent This is related to npm not being able to find a file."
check "npm 6: no package.json is nothing to start" \
  $(root_is missing_executable npm-start-no-package-json error; echo $?)
check "npm 6: the folder is read" $(fact dir /home/deploy; echo $?)
paste_run "npm error enoent Could not read package.json: Error: ENOENT: no such file or directory, open '/opt/bot/package.json'"
check "npm 10+: the same" $(root_is missing_executable npm-start-no-package-json; echo $?)
paste_run " ERR_PNPM_NO_IMPORTER_MANIFEST_FOUND  No package.json (or package.yaml, or package.json5) was found in \"/srv/web\"."
check "pnpm 8: the same" $(root_is missing_executable npm-start-no-package-json; echo $?)
paste_run "npm ERR! enoent ENOENT: no such file or directory, open '/srv/web/node_modules/sharp/package.json'"
check "a package.json missing under node_modules is no wrong folder" \
  $(not_fired npm-start-no-package-json; echo $?)

# coreutils refusing the gateway's state folder in another locale (coreutils 9.1 + glibc 2.36,
# corpus/captured/glibc/coreutils-denied-by-locale.txt)
paste_run "mkdir: 无法创建目录 \"/home/node/.openclaw/agents\": 权限不够"
check "zh_CN mkdir refused in the state folder: permission_denied" \
  $(root_is permission_denied gateway-state-dir-permission-denied critical; echo $?)
paste_run "mkdir: das Verzeichnis „/home/oc/.openclaw“ kann nicht angelegt werden: Keine Berechtigung"
check "de_DE mkdir refused in the state folder: permission_denied" \
  $(root_is permission_denied gateway-state-dir-permission-denied; echo $?)
paste_run "mkdir: cannot create directory ‘/home/node/.openclaw’: Permission denied"
check "C.UTF-8 curly quotes: permission_denied" \
  $(root_is permission_denied gateway-state-dir-permission-denied; echo $?)
paste_run "mkdir: 无法创建目录 \"/home/node/.openclaw\": 文件已存在"
check "zh_CN 'file exists' is no refusal" $(not_fired permission_denied; echo $?)

# node-fetch 2's FetchError with a connect failure to a remote API by name (a DNS filter that
# answers 127.0.0.1), beside the same error to the local gateway
paste_run "(node:7731) UnhandledPromiseRejectionWarning: FetchError: request to https://api.telegram.org/bot123:abc/getMe failed, reason: connect ECONNREFUSED 127.0.0.1:443
    at ClientRequest.<anonymous> (/srv/bot/node_modules/node-fetch/lib/index.js:1461:11)"
check "FetchError connect refused to a remote API: network_unstable" \
  $(root_is network_unstable connect-node-network-error; echo $?)
paste_run "(node:7731) UnhandledPromiseRejectionWarning: FetchError: request to http://127.0.0.1:18789/health failed, reason: connect ECONNREFUSED 127.0.0.1:18789"
check "FetchError to a loopback URL is no network fault" \
  $(not_fired connect-node-network-error; echo $?)

# an 'error' event emitted with a value that is not an Error (node 10-24 ERR_UNHANDLED_ERROR,
# node 4-7 "Uncaught, unspecified"): the process died of it, under its `throw err;` header
paste_run "node:events:497
      throw err; // Unhandled 'error' event
      ^

Error [ERR_UNHANDLED_ERROR]: Unhandled error. ({ type: 'error', message: 'socket hang up' })
    at Client.emit (node:events:508:17)
    at WebSocketShard.onError (/opt/bot/node_modules/@discordjs/ws/dist/index.js:1120:18)"
check "ERR_UNHANDLED_ERROR record: crash" $(root_is crash; echo $?)
check "ERR_UNHANDLED_ERROR record: the value line is read" $(has node-unhandled-error-value "$out"; echo $?)
paste_run "Error: Uncaught, unspecified \"error\" event. (undefined)"
check "node 6 unspecified error event: crash" $(root_is crash node-unhandled-error-value; echo $?)
paste_run "client.on('error') logs: Error [ERR_UNHANDLED_ERROR] is what you get without it"
check "prose naming ERR_UNHANDLED_ERROR is no crash" $(not_fired node-unhandled-error-value; echo $?)

# ERR_REQUIRE_ESM cut by a console wrap before "not supported", and node 20.19+/22.12+'s
# require() of an ES module with top-level await (captured node 20, 22, 24)
paste_run "Error [ERR_REQUIRE_ESM]: require() of ES Module D:\\apps\\bot\\node_modules\\chalk\\source\\index.js fr
om D:\\apps\\bot\\index.js not supported."
check "ERR_REQUIRE_ESM wrapped mid-word: crash" $(root_is crash node-require-esm; echo $?)
paste_run "Error [ERR_REQUIRE_ASYNC_MODULE]: require() cannot be used on an ESM graph with top-level await. Use import() instead. To see where the top-level await comes from, use --experimental-print-required-tla.
  From /srv/api/dist/main.js
  Requiring /srv/api/node_modules/some-esm/index.js"
check "ERR_REQUIRE_ASYNC_MODULE: crash" $(root_is crash node-require-esm; echo $?)


# a spawn failure that does not name the program: node 0.10's "spawn ENOENT" (child_process.js),
# pnpm's bare message line, libuv 0.10's "execvp(): ..." from the forked child in pm2.log
paste_run "Starting PM2 daemon...

events.js:72
        throw er; // Unhandled 'error' event
              ^
Error: spawn ENOENT
    at errnoException (child_process.js:980:11)
    at Process.ChildProcess._handle.onexit (child_process.js:771:34)"
check "node 0.10 spawn ENOENT: missing_executable over the error event" \
  $(root_is missing_executable node-spawn-not-found-unnamed error; echo $?)
paste_run "/srv/mono/packages/web:
 ERR_PNPM_RECURSIVE_RUN_FIRST_FAIL  web@0.4.1 start: \`vite preview --port 4173\`
spawn ENOENT
 ELIFECYCLE  Command failed with exit code 1."
check "pnpm run with a bare spawn ENOENT: missing_executable" \
  $(root_is missing_executable node-spawn-not-found-unnamed; echo $?)
paste_run "execvp(): No such file or directory"
check "libuv execvp() line alone: missing_executable" $(root_is missing_executable; echo $?)
paste_run "pnpm keeps saying spawn ENOENT when I run the dev script, any idea?"
check "a question quoting spawn ENOENT is no finding" $(not_fired node-spawn-not-found-unnamed; echo $?)

# openclaw refusals in other shapes: the missing-config head retyped without backticks, the
# hooks secret required by hooks.enabled (src/gateway/hooks.ts), a plugin config that fails
# its manifest's schema on a desktop wrapper's stderr line
paste_run "08:12:40 ERROR Missing config. Run openclaw setup..."
check "retyped Missing config head: missing_config" \
  $(root_is missing_config gateway-config-missing-mode critical; echo $?)
paste_run "2026-04-02T09:30:11.204Z [gateway] Gateway failed to start: Error: hooks.enabled requires hooks.token"
check "hooks.enabled without hooks.token: missing_config" \
  $(root_is missing_config gateway-start-refused-setting-required critical; echo $?)
check "the missing key is named" $(has "hooks.token" "$out"; echo $?)
paste_run "[2026-04-18T11:02:55.019Z] [WARN ] [Gateway stderr] - plugins.entries.memory-core.config: invalid config: must NOT have additional properties
[2026-04-18T11:02:55.031Z] [WARN ] Gateway process exited (code=1, expected=no)
[2026-04-18T11:02:55.240Z] [ERROR] Gateway process exited before ready (code=1)
Error: Gateway process exited before becoming ready (code=1)
    at Ui.waitForReady (C:\\Users\\me\\AppData\\Local\\Programs\\ClawX\\resources\\app.asar\\dist-electron\\main\\index.js:12:29752)"
check "plugin config invalid under a wrapper: invalid_config first" \
  $(root_is invalid_config gateway-config-invalid critical; echo $?)
paste_run "Is 'plugins.entries.x.config: invalid config' something doctor --fix repairs?"
check "a question about the plugin config message is quiet" $(quiet; echo $?)

# a node 12-24 listen error pasted from its properties on (the lines above "code:" cut off),
# then npm's ELIFECYCLE lines; the same tail for a connect error is no port conflict
paste_run "  code: 'EADDRINUSE',
  errno: -4091,
  syscall: 'listen',
  address: '::',
  port: 4010
}
npm ERR! code ELIFECYCLE
npm ERR! errno 1"
check "cut EADDRINUSE object tail: port_conflict" $(root_is port_conflict; echo $?)
check "the port is read from the cut object" $(fact port 4010; echo $?)
paste_run "  code: 'EADDRINUSE',
  errno: -98,
  syscall: 'connect',
  address: '10.0.4.7',
  port: 5432
}"
check "cut object of a connect EADDRINUSE is no port conflict" $(not_fired port_conflict; echo $?)

# V8's abort on an 80-column Windows console (node 6-10), broken inside "memory"
paste_run "FATAL ERROR: CALL_AND_RETRY_LAST Allocation failed - JavaScript heap out of memo
ry <---"
check "V8 line wrapped inside a word: heap OOM" $(root_is node_heap_oom node-heap-out-of-memory critical; echo $?)

# Bun.serve's bind failure (src/bun.js/api/server.zig, bun 1.0-1.3)
paste_run "error: Failed to start server. Is port 8081 in use?
 syscall: \"listen\",
   errno: 0,
    code: \"EADDRINUSE\""
check "bun port in use: port_conflict" $(root_is port_conflict bun-serve-port-in-use; echo $?)
check "bun's port is read" $(fact port 8081; echo $?)
paste_run "warn: Port 3000 is in use, using port 3001 instead."
check "bun's moved default port is no conflict" $(not_fired port_conflict; echo $?)

# pm2 on Windows: the daemon's named pipe opened from another account or elevation
# (paths.js DAEMON_RPC_PORT, pm2 4.x-6.x)
paste_run "PS C:\\srv\\api> pm2 ls
connect EPERM //./pipe/rpc.sock
[PM2] Spawning PM2 daemon with pm2_home=C:\\Users\\svc-api\\.pm2
node:events:497
      throw er; // Unhandled 'error' event
      ^

Error: connect EPERM //./pipe/rpc.sock
    at PipeConnectWrap.afterConnect [as oncomplete] (node:net:1607:16)"
check "pm2 pipe EPERM on Windows: permission_denied" \
  $(root_is permission_denied pm2-windows-daemon-pipe-denied; echo $?)
paste_run "Error: connect ENOENT //./pipe/rpc.sock"
check "a missing pm2 pipe is no permission problem" $(not_fired pm2-windows-daemon-pipe-denied; echo $?)

# the openclaw CLI refused until its device is paired (src/gateway/call.ts close 1008)
paste_run "gateway connect failed: Error: pairing required
[openclaw] Failed to start CLI: Error: gateway closed (1008): pairing required
Gateway target: ws://127.0.0.1:18789"
check "CLI pairing required: auth_failed" $(root_is auth_failed connect-cli-pairing-required; echo $?)

# no memory for a new process: node 14 as pm2's error log shows it (ChildProcess.spawn throws
# "spawn ENOMEM"), and pm2 0.12's daemon line with node 0.10's inspect form
paste_run "1|backup   | Error: spawn ENOMEM
1|backup   |     at ChildProcess.spawn (internal/child_process.js:403:11)
1|backup   |     at Object.spawn (child_process.js:553:9)
1|backup   |     at Job.run (/srv/backup/lib/job.js:41:19) {
1|backup   |   errno: 'ENOMEM',
1|backup   |   code: 'ENOMEM',
1|backup   |   syscall: 'spawn'
1|backup   | }"
check "spawn ENOMEM: low_memory" $(root_is low_memory node-enomem error; echo $?)
paste_run "PM2: 2015-09-14 03:12:40: 2231 pid can not be killed { [Error: spawn ENOMEM] code: 'ENOMEM', errno: 'ENOMEM', syscall: 'spawn' }"
check "pm2 0.x cannot fork (ENOMEM): low_memory" $(root_is low_memory node-enomem; echo $?)
paste_run "Error: spawn ffmpeg ENOENT"
check "spawn ENOENT is no memory problem" $(not_fired node-enomem; echo $?)

# pm2's container logs an unhandled rejection and keeps the app running (ProcessContainer.js)
paste_run "2|mailer   | You have triggered an unhandledRejection, you may have forgotten to catch a Promise rejection:
2|mailer   | Error: Invalid login: 535-5.7.8 Username and Password not accepted
2|mailer   |     at SMTPConnection._formatError (/srv/mailer/node_modules/nodemailer/lib/smtp-connection/index.js:790:19)"
check "pm2-logged unhandled rejection: crash warning" \
  $(root_is crash pm2-app-unhandled-rejection warning; echo $?)
paste_run "(node:2211) UnhandledPromiseRejectionWarning: Error: Invalid login"
check "node's own rejection warning is not pm2's line" $(not_fired pm2-app-unhandled-rejection; echo $?)

# npm 6's block for a start script that exited non-zero, the app's error not pasted
paste_run "npm ERR! code ELIFECYCLE
npm ERR! errno 1
npm ERR! shop-api@0.4.2 start: \`node dist/main.js\`
npm ERR! Exit status 1
npm ERR!
npm ERR! Failed at the shop-api@0.4.2 start script.
npm ERR! This is probably not a problem with npm. There is likely additional logging output above."
check "npm start script failed: crash at low confidence" \
  $(root_is crash npm-start-script-failed error; echo $?)
# with the app's own error above it, that error is the root
paste_run "Error: listen EADDRINUSE: address already in use :::4000
npm ERR! Failed at the shop-api@0.4.2 start script."
check "EADDRINUSE above npm's block stays the root" $(root_is port_conflict; echo $?)
paste_run " ERR_PNPM_RECURSIVE_RUN_FIRST_FAIL  @shop/web@1.2.0 build: \`next build\`
Exit status 1"
check "a failed build is no start failure" $(not_fired npm-start-script-failed; echo $?)

# node 0.10's listen error names no address (net.js errnoException(errno, 'listen'))
paste_run "events.js:72
        throw er; // Unhandled 'error' event
              ^
Error: listen EACCES
    at errnoException (net.js:904:11)
    at Server._listen2 (net.js:1023:19)"
check "node 0.10 listen EACCES: permission_denied" \
  $(root_is permission_denied node-listen-permission-denied-no-address; echo $?)

# auth reasons relayed by other clients: moltworker's rewrite of the 1008 reason, a dashboard's
# own prefix before the gateway's reason and hint
paste_run "disconnected (1008): Invalid or missing token. Visit https://claw.acme.workers.dev?token={REPLACE_WITH_YOUR_TOKEN}"
check "moltworker's token reason: auth_failed" \
  $(root_is auth_failed connect-control-ui-1008-policy; echo $?)
paste_run "[10:02:44] Gateway error: unauthorized: gateway token missing (provide gateway auth token)"
check "relayed gateway token missing: auth_failed" \
  $(root_is auth_failed connect-auth-client-rejected; echo $?)
paste_run "someone wrote: unauthorized: gateway token missing is what you get without a token"
check "prose about the reason is no finding" $(quiet; echo $?)

# ClawX gives up after doctor could not repair the config; doctor --json's findings
paste_run "[2026-03-14 21:07:55.310] [warn]  Detected invalid OpenClaw config during Gateway startup; running doctor repair before retry
[2026-03-14 21:07:58.902] [error] OpenClaw doctor repair failed; not retrying Gateway startup"
check "ClawX doctor repair failed: invalid_config" \
  $(root_is invalid_config gateway-config-invalid; echo $?)
paste_run "[2026-03-14 21:07:58.902] [info]  OpenClaw doctor repair completed; retrying Gateway startup"
check "a repair that worked is no finding" $(quiet; echo $?)
paste_run '{"schemaVersion":1,"ok":false,"checksRun":2,"checksSkipped":0,"findings":[{"checkId":"core/doctor/final-config-validation","severity":"error","message":"Unrecognized key: \"autoRestart\"","path":"gateway"}]}'
check "doctor --json config finding: invalid_config" \
  $(root_is invalid_config gateway-config-invalid; echo $?)
paste_run '{"schemaVersion":1,"ok":true,"checksRun":14,"checksSkipped":1,"findings":[]}'
check "a passing doctor --json is quiet" $(quiet; echo $?)

# openclaw's restart handoff failing leaves the gateway down (gateway-restart.log)
paste_run "[2026-10-03T06:41:10Z] openclaw restart attempt source=handoff mode=reload target=gui/502/ai.openclaw.gateway pid=8812 interactive=0
[2026-10-03T06:41:14Z] openclaw restart failed source=handoff mode=reload status=5 interactive=0"
check "restart handoff failed: gateway_not_running" \
  $(root_is gateway_not_running gateway-restart-handoff-failed critical; echo $?)
paste_run "[2026-10-03T06:41:14Z] openclaw restart done source=handoff mode=kickstart interactive=0"
check "a restart that finished is quiet" $(quiet; echo $?)
# the restart verdict's runtime line: stopped with a failed last exit
paste_run "Service runtime: status=stopped, state=activating, lastExit=78
Gateway port 18789 status: free."
check "stopped service with lastExit 78: gateway_not_ready" \
  $(root_is gateway_not_ready gateway-restart-never-healthy; echo $?)

# npm's debug log of a failed start script (npm 2 and npm 3-6 wording) and yarn 1's wrapper line
paste_run "6 info lifecycle shop-api@2.1.0~start: shop-api@2.1.0
7 verbose lifecycle shop-api@2.1.0~start: CWD: /srv/shop-api
8 silly lifecycle shop-api@2.1.0~start: Returned: code: 1  signal: null
9 info lifecycle shop-api@2.1.0~start: Failed to exec start script"
check "npm 6 debug log, start script failed: crash" \
  $(root_is crash npm-start-script-failed; echo $?)
paste_run "9 info lifecycle shop-api@2.1.0~build: Failed to exec build script"
check "a failed build script in the debug log is no start failure" $(not_fired crash; echo $?)
paste_run "yarn run v1.22.22
\$ node dist/main.js
error Command failed with exit code 1.
info Visit https://yarnpkg.com/en/docs/cli/run for documentation about this command."
check "yarn 1 script failed: crash" $(root_is crash yarn-script-failed; echo $?)
paste_run "why does yarn keep saying error Command failed with exit code 1?"
check "a question about yarn's line is quiet" $(quiet; echo $?)

# a script's program not found by the non-interactive shell (dash, bash as sh, cmd.exe)
paste_run "> ledger-web@0.3.0 dev /home/ci/ledger-web
> vite --port 5173

sh: 1: vite: not found
npm ERR! code ELIFECYCLE
npm ERR! syscall spawn
npm ERR! file sh
npm ERR! errno ENOENT"
check "dash: vite not found under npm: missing_executable" \
  $(root_is missing_executable shell-command-not-found; echo $?)
check "the program is named" $(fact executable vite; echo $?)
paste_run "'nodemon' is not recognized as an internal or external command,
operable program or batch file."
check "cmd.exe: nodemon not recognized: missing_executable" \
  $(root_is missing_executable shell-command-not-found; echo $?)
paste_run "user@box:~\$ htpo
bash: htpo: command not found"
check "an interactive typo is no finding" $(not_fired missing_executable; echo $?)
# bash running a removed gateway binary, in a zh_CN locale
paste_run "-bash: /usr/local/lib/node_modules/.bin/openclaw: 没有那个文件或目录"
check "bash exec of a removed openclaw (zh_CN): missing_executable" \
  $(root_is missing_executable gateway-executable-not-found critical; echo $?)

# pm2: describe table in errored, watch restarting on its own pid file, 0.12 cluster closes
paste_run " Describing process with id 1 - name billing 
┌───────────────────┬────────────────────────────────────────┐
│ status            │ errored                                │
│ name              │ billing                                │
│ restarts          │ 15                                     │"
check "pm2 describe errored: restart_loop_pm2" \
  $(root_is restart_loop_pm2 pm2-describe-app-errored critical; echo $?)
paste_run "│ status            │ online                                 │"
check "pm2 describe online is quiet" $(quiet; echo $?)
paste_run "2019-11-02T08:14:03: PM2 log: Change detected on path logs/billing-error.log for app billing - restarting"
check "watch restarting on the app's own log: restart_loop_pm2" \
  $(root_is restart_loop_pm2 pm2-watch-restarts-on-own-files; echo $?)
paste_run "2019-11-02T08:14:03: PM2 log: Change detected on path src/routes/pay.js for app billing - restarting"
check "a watch restart on a code change is quiet" $(not_fired restart_loop_pm2; echo $?)
paste_run "2015-05-11 10:02:01: App name:feed id:0 online
2015-05-11 10:02:02: App closed with code: 1
2015-05-11 10:02:02: App name:feed id:0 online
2015-05-11 10:02:03: App closed with code: 1
2015-05-11 10:02:03: App name:feed id:0 online
2015-05-11 10:02:04: App closed with code: 1"
check "pm2 0.12 cluster closes three times a minute: restart_loop_pm2" \
  $(root_is restart_loop_pm2 pm2-cluster-closes-quickly critical; echo $?)
paste_run "2015-05-11 10:02:02: App closed with code: 0"
check "one cluster close is no loop" $(not_fired restart_loop_pm2; echo $?)

# V8's OOM handler frames without the FATAL line; the inspected node 0.12 listen error
paste_run " 1: 0xb8d11b node::OOMErrorHandler(char const*, v8::OOMDetails const&) [/usr/bin/node]
 2: 0xf01b70 v8::Utils::ReportOOMFailure(v8::internal::Isolate*, char const*, v8::OOMDetails const&) [/usr/bin/node]"
check "OOM handler frames alone: node_heap_oom" \
  $(root_is node_heap_oom node-heap-oom-native-stack critical; echo $?)
paste_run " 5: 0x112b928 v8::internal::Heap::CollectGarbage(v8::internal::AllocationSpace, v8::internal::GarbageCollectionReason, v8::GCCallbackFlags) [/usr/bin/node]"
check "a GC frame alone is no OOM" $(not_fired node_heap_oom; echo $?)
paste_run "[app] uncaught { message: 'listen EADDRINUSE',
  stack: 'Error: listen EADDRINUSE\\n    at exports._errnoException (util.js:874:11)' }"
check "inspected node 0.12 listen error: port_conflict" \
  $(root_is port_conflict node-listen-eaddrinuse-no-port; echo $?)

# openclaw: a handled module load that is skipped; the token-mismatch reason alone; restart
# diagnostics with a free port
paste_run "09:12:40+00:00 [gateway-http] stage \"teams\" threw — skipping: Error: Cannot find module '@microsoft/teams-ai'"
check "a skipped optional stage is no crash" $(not_fired crash; echo $?)
paste_run "Gateway: not detected (unauthorized: device token mismatch (rotate/reissue device token))"
check "onboarding health line with a token mismatch: token_mismatch" \
  $(root_is token_mismatch connect-token-mismatch-reason-line; echo $?)
paste_run "Service runtime: status=running, state=active, pid=2211, lastExit=0
Gateway port 18789 status: free.
Port diagnostics errors: Error: spawn lsof ENOENT"
check "running service, free port after restart: gateway_not_ready" \
  $(root_is gateway_not_ready gateway-restart-health-wait-timed-out; echo $?)
check "the missing lsof of the port inspector is no finding" $(not_fired missing_executable; echo $?)

# openclaw 2026.3-9.6 (dist/server-start-*.mjs GatewayLockError, printed by dist/run-*.mjs as
# "Gateway failed to start: ..."): the refusal met again and again by a process manager is a port
# held by another gateway (port_conflict, the loop folded under it); typed once by hand it stays
# the info remark of a refused second start.
paste_run "0|openclaw  | 2026-03-14T02:11:05.412+00:00 Gateway failed to start: another gateway instance is already listening on ws://127.0.0.1:18789
0|openclaw  | If the gateway is supervised, stop it with: openclaw gateway stop
PM2        | App [openclaw:0] exited with code [1] via signal [SIGINT]
PM2        | App [openclaw:0] starting in -fork mode-
PM2        | App [openclaw:0] online
0|openclaw  | 2026-03-14T02:11:27.930+00:00 Gateway failed to start: another gateway instance is already listening on ws://127.0.0.1:18789
PM2        | App [openclaw:0] exited with code [1] via signal [SIGINT]"
check "refusal under a restarting pm2: port_conflict" \
  $(root_is port_conflict gateway-port-in-use-restarted critical; echo $?)
check "refusal under a restarting pm2: the port is a fact" $(fact port 18789; echo $?)
paste_run "Gateway failed to start: another gateway instance is already listening on ws://127.0.0.1:18789 | listen EADDRINUSE: address already in use 127.0.0.1:18789 | EADDRINUSE
If the gateway is supervised, stop it with: openclaw gateway stop"
check "one refused start by hand stays a second_instance remark" \
  $(root_is second_instance gateway-second-instance info; echo $?)
check "one refused start by hand is no port_conflict" $(not_fired gateway-port-in-use-re; echo $?)
# systemd v239+ (src/core/service.c) restarting the refused gateway
paste_run "Mar 14 02:11:05 vps node[4122]: 2026-03-14T02:11:05.412+00:00 Gateway failed to start: another gateway instance is already listening on ws://127.0.0.1:18789 | listen EADDRINUSE: address already in use 127.0.0.1:18789 | EADDRINUSE
Mar 14 02:11:05 vps systemd[1]: openclaw-gateway.service: Main process exited, code=exited, status=1/FAILURE
Mar 14 02:11:10 vps systemd[1]: openclaw-gateway.service: Scheduled restart job, restart counter is at 7."
check "refusal under a restarting systemd unit: port_conflict" \
  $(root_is port_conflict gateway-port-in-use-restarted critical; echo $?)
# macOS launchd (10.10+ com.apple.xpc.launchd) respawning the refused gateway
paste_run "2026-04-03T09:12:43.880+00:00 Gateway failed to start: another gateway instance is already listening on ws://127.0.0.1:18789 | listen EADDRINUSE: address already in use 127.0.0.1:18789 | EADDRINUSE
Apr  3 09:12:44 mbp com.apple.xpc.launchd[1] (ai.openclaw.gateway[48211]): Service exited with abnormal code: 1
Apr  3 09:12:44 mbp com.apple.xpc.launchd[1] (ai.openclaw.gateway): Service only ran for 0 seconds. Pushing respawn out by 10 seconds."
check "refusal under a respawning launchd agent: port_conflict" \
  $(root_is port_conflict gateway-port-in-use-restarted critical; echo $?)
# the holder block too (openclaw's formatPortListener): one port conflict for the one port,
# the holder's, whatever else found it
paste_run "2026-03-14T02:11:05.412+00:00 Gateway failed to start: another gateway instance is already listening on ws://127.0.0.1:18789 | listen EADDRINUSE: address already in use 127.0.0.1:18789 | EADDRINUSE
2026-03-14T02:11:05.520+00:00 Port 18789 is already in use.
2026-03-14T02:11:05.521+00:00 - pid 1187 root: /usr/bin/docker-proxy -proto tcp -host-ip 0.0.0.0 -host-port 18789 -container-ip 172.18.0.2 -container-port 18789 -use-listen-fd (0.0.0.0:18789)
2026-03-14T02:11:05.522+00:00 - Another process is listening on this port.
Mar 14 02:11:10 vps systemd[1]: openclaw-gateway.service: Scheduled restart job, restart counter is at 7."
check "holder block and a restart: the holder's port conflict leads" \
  $(root_is port_conflict gateway-port-in-use critical; echo $?)
check "holder block and a restart: one port_conflict in all" $(python3 -c '
import json, sys
def walk(ds):
    for d in ds:
        yield d
        yield from walk(d.get("explains", []))
d = json.load(open(sys.argv[1]))["diagnoses"]
sys.exit(0 if sum(x["cause"] == "port_conflict" for x in walk(d)) == 1 else 1)' "$work/out"; echo $?)
# only the gateway's own log: the same refusal three times within minutes
paste_run "2026-03-14T02:11:05.412+00:00 Gateway failed to start: another gateway instance is already listening on ws://[::1]:19001
2026-03-14T02:11:37.020+00:00 Gateway failed to start: another gateway instance is already listening on ws://[::1]:19001
2026-03-14T02:12:09.611+00:00 Gateway failed to start: another gateway instance is already listening on ws://[::1]:19001"
check "the refusal three times in a minute: port_conflict" \
  $(root_is port_conflict gateway-port-in-use-repeated critical; echo $?)
paste_run "2026-03-14T02:11:05.412+00:00 Gateway failed to start: another gateway instance is already listening on ws://127.0.0.1:18789
2026-03-14T09:40:12.003+00:00 Gateway failed to start: another gateway instance is already listening on ws://127.0.0.1:18789"
check "two refused starts hours apart stay a remark" \
  $(root_is second_instance gateway-second-instance info; echo $?)
# a person saying the manager loops, beside the refusal in backticks
paste_run "- the new gateway will not start: \`Gateway failed to start: another gateway instance is already listening on ws://127.0.0.1:18789\`
- pm2 shows it in a restart loop"
check "refusal and a described restart loop: port_conflict" \
  $(root_is port_conflict gateway-port-in-use-restarted critical; echo $?)
paste_run "- the new gateway will not start: \`Gateway failed to start: another gateway instance is already listening on ws://127.0.0.1:18789\`
- pm2 shows it stopped after I ran it by hand"
check "refusal beside a stopped pm2 app stays a remark" \
  $(root_is second_instance gateway-second-instance info; echo $?)

# @slack/web-api's auth refusal escaping openclaw's Slack provider: the crash is the refusal
paste_run "2026-05-02T08:14:10.201+00:00 [slack] [ops] starting provider
2026-05-02T08:14:10.688+00:00 [openclaw] Unhandled promise rejection: Error: An API error occurred: invalid_auth
    at platformErrorFromResult (/usr/lib/node_modules/openclaw/node_modules/@slack/web-api/dist/errors.js:62:33)
    at WebClient.apiCall (/usr/lib/node_modules/openclaw/node_modules/@slack/web-api/dist/WebClient.js:190:56)"
check "Slack invalid_auth: auth_failed, not a crash" \
  $(root_is auth_failed slack-api-auth-error error; echo $?)
check "the Slack code is a fact" $(fact slack_error invalid_auth; echo $?)
paste_run "[openclaw] Unhandled promise rejection: Error: An API error occurred: channel_not_found"
check "a Slack channel_not_found is not an auth failure" $(not_fired slack-api-auth-error; echo $?)

# node refusing to run a program it spawns: EPERM (Windows, thrown) and EACCES (node 20, async)
paste_run "C:\\work\\desk-app>npm start

> desk-app@1.0.0 start
> electron .

internal/child_process.js:319
    throw errnoException(err, 'spawn');
    ^

Error: spawn EPERM
    at exports._errnoException (util.js:1018:11)
    at ChildProcess.spawn (internal/child_process.js:319:11)
    at Object.exports.spawn (child_process.js:378:9)
npm ERR! code ELIFECYCLE
npm ERR! errno 1"
check "spawn EPERM under npm start: permission_denied" \
  $(root_is permission_denied node-spawn-permission-denied; echo $?)
paste_run "0|worker   | Error: spawn /srv/worker/bin/convert EACCES
0|worker   |     at ChildProcess._handle.onexit (node:internal/child_process:285:19)"
check "spawn EACCES names the program" $(fact executable /srv/worker/bin/convert; echo $?)
paste_run "0|worker   | Error: spawn convert ENOENT"
check "a missing program is not a permission problem" \
  $(not_fired node-spawn-permission-denied; echo $?)

# openclaw's config guard with a plugin load path an upgrade removed, one bullet per line
paste_run "Config invalid
File: ~/.openclaw/openclaw.json
Problem:
  - plugins.load.paths: plugin: plugin path not found: /home/u/.local/share/pnpm/global/5/.pnpm/openclaw@2026.3.28/node_modules/openclaw/dist/extensions/acpx

Run: openclaw doctor --fix"
check "stale plugin load path: invalid_config" \
  $(root_is invalid_config gateway-config-invalid critical; echo $?)
paste_run "Gateway failed to start: Error: Invalid config: hooks.token must not match gateway auth token. Set a distinct hooks.token for hook ingress."
check "the gateway's own Invalid config refusal" $(root_is invalid_config gateway-config-invalid; echo $?)
paste_run "[webpack-cli] Invalid config: output.path must be an absolute path"
check "another tool's Invalid config is not the gateway's" $(not_fired gateway-config-invalid; echo $?)

# a chat API that cannot be reached: grammY (Telegram) and @slack/web-api request errors
paste_run "10:02:11 [telegram] telegram sendMessage failed: Network request for 'sendMessage' failed!
10:02:14 [telegram] telegram sendMessage failed: Network request for 'sendMessage' failed!"
check "grammY's network failure: network_unstable" \
  $(root_is network_unstable channel-api-request-failed warning; echo $?)
paste_run "[slack] [default] slack auth.test failed at boot (A request error occurred: The operation was aborted due to timeout)"
check "Slack's request error: network_unstable" $(root_is network_unstable channel-api-request-failed; echo $?)
paste_run "user: why do I see \"Network request for 'getMe' failed!\" in the docs example?"
check "the message quoted in chat stays quiet" $(not_fired channel-api-request-failed; echo $?)

# bash -c (bun run on Linux) not finding the script's program
paste_run "\$ bun run start
\$ bun run index.ts
/usr/bin/bash: line 1: bun: command not found
error: script \"start\" exited with code 127"
check "bash -c's command not found: missing_executable" \
  $(root_is missing_executable shell-command-not-found; echo $?)
paste_run "bash: bun: command not found"
check "an interactive typo is not a service's missing program" \
  $(not_fired shell-command-not-found; echo $?)

# a missing program of another service gets advice in its own terms, openclaw's gets openclaw's
# reinstall (dash 0.5.12 exec.c "not found", under pm2's `ID|name | ` prefix)
paste_run "0|worker   | sh: 1: node: not found"
check "another app's missing node: no openclaw command" $(not_fired "npm install -g openclaw"; echo $?)
check "another app's missing node: its own lookup" $(has "command -v node" "$out"; echo $?)
paste_run "0|openclaw | sh: 1: node: not found"
check "the gateway's missing node: openclaw's reinstall" $(has "npm install -g openclaw" "$out"; echo $?)

finish
