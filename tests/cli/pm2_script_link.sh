#!/usr/bin/env bash
# pm2 names the app it gave up on by its script path ("Script /srv/bot/index.js had too many
# unstable restarts"), everything else by the app's name: a line that names both ties them, and
# then that app's own port conflict is the root over its loop (issue 12). Pastes built from
# pm2 5.4.3's real output (corpus/captured/pm2/pm2-5-giveup-*.txt), as people bring them: a
# Markdown quote around a fenced block, CRLF line ends. Each beside a paste that must not fold.
set -uo pipefail
logdx="$(realpath "$1")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
# shellcheck source=paste_lib.sh
source "$(dirname "$0")/paste_lib.sh"

# messy TEXT: TEXT as a Markdown quote around a fenced block, with CRLF line ends
messy() {
  { printf '%s\n' "my bot keeps dying since the deploy, pm2 logs says:" '```'
    printf '%s\n' "$1"
    printf '%s\n' '```'; } | sed -e 's/^/> /' -e 's/$/\r/'
}

# pm2's daemon lines (lib/God.js, lib/God/ForkMode.js 4.x-6.x) for app NAME, script SCRIPT,
# ending with the give-up line (same template 0.12-6.x: 'Script %s had too many unstable
# restarts (%d). Stopped. %j').
daemon_tail() {  # daemon_tail NAME SCRIPT
  local t
  for t in 29 30 31 32; do
    printf 'PM2        | 2026-12-06T20:34:%s: PM2 log: App [%s:0] exited with code [1] via signal [SIGINT]\n' "$t" "$1"
    printf 'PM2        | 2026-12-06T20:34:%s: PM2 log: App [%s:0] starting in -fork mode-\n' "$t" "$1"
    printf 'PM2        | 2026-12-06T20:34:%s: PM2 log: App [%s:0] online\n' "$t" "$1"
  done
  printf 'PM2        | 2026-12-06T20:34:33: PM2 log: App [%s:0] exited with code [1] via signal [SIGINT]\n' "$1"
  printf 'PM2        | 2026-12-06T20:34:33: PM2 log: Script %s had too many unstable restarts (15). Stopped. "errored"\n' "$2"
}
# node 20.20.2's EADDRINUSE crash of app NAME (script SCRIPT, port PORT) as `pm2 logs` relays it
app_crash() {  # app_crash NAME SCRIPT PORT
  local p
  p="$(printf '0|%-9s|' "$1")"
  printf '%s\n' "/root/.pm2/logs/$1-error.log last 15 lines:" \
    "$p Error: listen EADDRINUSE: address already in use :::$3" \
    "$p     at Server.setupListenHandle [as _listen2] (node:net:1908:16)" \
    "$p     at listenInCluster (node:net:1965:12)" \
    "$p     at Server.listen (node:net:2067:7)" \
    "$p     at Object.<anonymous> ($2:1:53)" \
    "$p     at Module._compile (node:internal/modules/cjs/loader:1521:14)" \
    "$p     at Module._extensions..js (node:internal/modules/cjs/loader:1623:10)" \
    "$p     at Module.load (node:internal/modules/cjs/loader:1266:32)" \
    "$p     at Module._load (node:internal/modules/cjs/loader:1091:12)" \
    "$p     at Object.<anonymous> (/usr/lib/node_modules/pm2/lib/ProcessContainerFork.js:33:23)" \
    "$p   code: 'EADDRINUSE'," "$p   errno: -98," "$p   syscall: 'listen'," "$p   address: '::'," \
    "$p   port: $3" "$p }"
}
pm2_logs() {  # the layout of `pm2 logs --nostream`: pm2.log's tail, then each app's tail
  printf '%s\n' "[TAILING] Tailing last 15 lines for [all] processes (change the value with --lines option)" \
    "/root/.pm2/pm2.log last 15 lines:"
  printf '%s' "$1"
  printf '\n'
  printf '%s' "$2"
}

# The app's own stack names its script: pm2's give-up on that script is bot's loop, and bot's
# port conflict is the root over it, with the port and the app in its fixes.
paste_run "$(messy "$(pm2_logs "$(daemon_tail bot /srv/bot/index.js)" "$(app_crash bot /srv/bot/index.js 3000)")")"
check "stack-tied: the port conflict is the root" $(root_is port_conflict node-listen-eaddrinuse-other-app critical; echo $?)
check "stack-tied: pm2's give-up on /srv/bot/index.js is folded under it" \
  $(root_folds pm2-too-many-unstable-restarts; echo $?)
# bot's exits are the same loop as the give-up (one cause, one app): merged into it, under the
# conflict.
check "stack-tied: bot's exits are merged into the folded give-up" $(python3 -c '
import json, sys
def walk(ds):
    for d in ds:
        yield d
        yield from walk(d.get("explains", []))
d = json.load(open(sys.argv[1]))["diagnoses"]
up = [x for x in walk(d[0].get("explains", [])) if x["rule"] == "pm2-too-many-unstable-restarts"]
sys.exit(0 if up and any("pm2-app-exits-repeatedly" in n for n in up[0].get("notes", []))
         and any("App [bot:0] exited" in e["text"] for e in up[0]["evidence"]) else 1)' "$work/out"; echo $?)
check "stack-tied: the fix names the port" $(has "lsof -nP -iTCP:3000 -sTCP:LISTEN" "$out"; echo $?)
check "stack-tied: the fix names the app" $(has "restart bot once" "$out"; echo $?)
check "stack-tied: nothing else is a root" $(python3 -c '
import json, sys; sys.exit(0 if len(json.load(open(sys.argv[1]))["diagnoses"]) == 1 else 1)' "$work/out"; echo $?)

# `pm2 describe` ties them instead (its name and script path rows); the app's output has no
# top-level frame (a stack cut after the listen call).
describe=" Describing process with id 0 - name bot 
┌───────────────────┬──────────────────────────────────────┐
│ status            │ errored                              │
│ name              │ bot                                  │
│ namespace         │ default                              │
│ version           │ N/A                                  │
│ restarts          │ 14                                   │
│ uptime            │ 0                                    │
│ script path       │ /srv/bot/index.js                    │
│ script args       │ N/A                                  │
│ error log path    │ /root/.pm2/logs/bot-error.log        │
└───────────────────┴──────────────────────────────────────┘"
cut_crash="$(app_crash bot /srv/bot/index.js 3000 | grep -v 'Object.<anonymous>')"
paste_run "$(messy "$(printf 'PM2        | 2026-12-06T20:34:33: PM2 log: Script /srv/bot/index.js had too many unstable restarts (15). Stopped. "errored"\n%s\n\n%s' "$cut_crash" "$describe")")"
check "describe-tied: the port conflict is the root" $(root_is port_conflict node-listen-eaddrinuse-other-app critical; echo $?)
check "describe-tied: the give-up is folded under it" $(root_folds pm2-too-many-unstable-restarts; echo $?)

# Nothing ties the script to the app (no frame of it, no describe): /srv/bot/index.js is not
# `bot` because its folder is called so. The give-up stays a root of its own.
paste_run "$(messy "$(printf 'PM2        | 2026-12-06T20:34:33: PM2 log: Script /srv/bot/index.js had too many unstable restarts (15). Stopped. "errored"\n%s' "$cut_crash")")"
check "untied: the give-up is a root" $(root_of pm2-too-many-unstable-restarts; echo $?)
check "untied: the conflict does not fold it" $(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))["diagnoses"]
sys.exit(0 if all(x["rule"] != "node-listen-eaddrinuse-other-app" or not x.get("explains") for x in d) else 1)' "$work/out"; echo $?)

# Two apps: worker loops (its stack ties /srv/worker/index.js to it), bot's port conflict is
# bot's alone. The conflict must not swallow worker's loop.
worker_crash="$(printf '%s\n' "/root/.pm2/logs/worker-error.log last 15 lines:" \
  "1|worker   | TypeError: Cannot read properties of undefined (reading 'token')" \
  "1|worker   |     at Object.<anonymous> (/srv/worker/index.js:4:20)" \
  "1|worker   |     at Module._compile (node:internal/modules/cjs/loader:1521:14)")"
bot_once="$(app_crash bot /srv/bot/index.js 3000)"
paste_run "$(messy "$(pm2_logs "$(daemon_tail worker /srv/worker/index.js)" "$(printf '%s\n\n%s' "$worker_crash" "$bot_once")")")"
check "two apps: worker's give-up is a root" $(root_of pm2-too-many-unstable-restarts; echo $?)
check "two apps: worker's loop is the first root" $(root_is restart_loop_pm2 "" critical; echo $?)
check "two apps: bot's conflict folds no loop" $(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))["diagnoses"]
c = [x for x in d if x["rule"] == "node-listen-eaddrinuse-other-app"]
sys.exit(0 if c and all(x["severity"] == "warning" and not x.get("explains") for x in c) else 1)' "$work/out"; echo $?)

finish
