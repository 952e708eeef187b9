#!/usr/bin/env bash
# One cause about one app is one finding (issue 12): pm2's exits of bot again and again, its
# give-up on bot's script, `pm2 ls`'s errored row and `pm2 describe`'s status row say one thing,
# so they are one restart_loop_pm2 root with every part's lines in its evidence. Pastes built
# from pm2 5.4.3's real output (corpus/captured/pm2/pm2-5-giveup-*): as saved, and as people
# bring them (a Markdown quote around a fenced block, CRLF line ends). Beside them, two apps and
# two hosts that must stay apart.
set -uo pipefail
logdx="$(realpath "$1")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
# shellcheck source=paste_lib.sh
source "$(dirname "$0")/paste_lib.sh"
captured="$(dirname "$0")/../../corpus/captured/pm2"

messy() {  # messy TEXT: TEXT as a Markdown quote around a fenced block, with CRLF line ends
  { printf '%s\n' "bot is down, pm2.log and pm2 describe bot:" '```'
    printf '%s\n' "$1"
    printf '%s\n' '```'; } | sed -e 's/^/> /' -e 's/$/\r/'
}
pm2log="$(cat "$captured/pm2-5-giveup-pm2.log")"
describe="$(cat "$captured/pm2-5-giveup-describe.txt")"
ls_table="$(cat "$captured/pm2-5-giveup-ls.txt")"

for shape in plain markdown-crlf; do
  text="$(printf '%s\n\n%s\n\n%s' "$pm2log" "$ls_table" "$describe")"
  [ "$shape" = markdown-crlf ] && text="$(messy "$text")"
  paste_run "$text"
  check "$shape: one restart_loop_pm2 finding for bot" $([ "$(count_cause restart_loop_pm2)" = 1 ]; echo $?)
  check "$shape: it is the root, critical" $(root_is restart_loop_pm2 "" critical; echo $?)
  check "$shape: the note names the merged rules" \
    $(root_noted "found the same restart_loop_pm2 about bot" && root_noted "pm2-describe-app-errored"; echo $?)
  check "$shape: the exits are in its evidence" $(root_shows "App [bot:0] exited with code [1]"; echo $?)
  check "$shape: the give-up is in its evidence" $(root_shows "had too many unstable restarts (15)"; echo $?)
  check "$shape: the describe row is in its evidence" $(root_shows "errored      "; echo $?)
  check "$shape: exit status 1" $([ "$code" = 1 ]; echo $?)
done

# The describe table alone: its status row names no app, the table's heading and `name` row do.
paste_run "$describe"
check "describe alone: the finding names bot" \
  $(title_of pm2-describe-app-errored "pm2 describes bot as errored"; echo $?)
check "describe alone: the fix names bot" $(has "pm2 logs bot --lines 100 --nostream" "$out"; echo $?)
paste_run "$(messy "$describe")"
check "describe alone, Markdown/CRLF: the finding names bot" \
  $(title_of pm2-describe-app-errored "pm2 describes bot as errored"; echo $?)

# Another app's describe table beside bot's pm2.log: api's errored is api's, not bot's loop.
api_describe="$(sed -e 's/name bot/name api/' -e 's/│ bot  /│ api  /' -e 's#/srv/bot/#/srv/api/#' <<<"$describe")"
paste_run "$(printf '%s\n\n%s' "$pm2log" "$api_describe")"
check "two apps: api's errored stays a finding of its own" \
  $(title_of pm2-describe-app-errored "pm2 describes api as errored"; echo $?)
check "two apps: bot's loop does not take api's row" $(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))["diagnoses"]
sys.exit(0 if not any("api" in n for x in d if "bot" in x["title"] for n in x.get("notes", [])) else 1)' "$work/out"; echo $?)
check "two apps: at least two restart_loop_pm2 findings" $([ "$(count_cause restart_loop_pm2)" -ge 2 ]; echo $?)

# The same app on two hosts (a central rsyslog's lines): two loops, never one.
two_hosts="$(grep 'exited with code' <<<"$pm2log" | head -4 | sed -e 's/^\([^ ]*\) PM2 log: /Dec  6 20:34:22 gw-a pm2[901]: /')
$(grep 'exited with code' <<<"$pm2log" | head -4 | sed -e 's/^\([^ ]*\) PM2 log: /Dec  6 20:34:22 gw-b pm2[902]: /')"
paste_run "$two_hosts"
check "two hosts: one loop per host" $(python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))["diagnoses"]
hosts = sorted(x.get("host") for x in d if x["cause"] == "restart_loop_pm2")
sys.exit(0 if hosts == ["gw-a", "gw-b"] else 1)' "$work/out"; echo $?)

finish
