#!/usr/bin/env bash
# One problem seen many times is one finding, through the real binary: the kernel OOM killer
# killing node again and again, each time with a new pid (engine: analysis/volatile_fold.hpp),
# and a channel's refused token failing every call it makes (the rule's key).
set -uo pipefail
logdx="$(realpath "$1")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
scratch_home  # never the user's config, rules, history or caches

# 40 kills of node (each restart is a new pid), dmesg style, a minute apart.
kills="$work/dmesg.log"
for i in $(seq 0 39); do
  secs=$((1000 + 60 * i))
  pid=$((2301 + 7 * i))
  printf '[%d.000000] node invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0\n' "$secs"
  printf '[%d.000100] Out of memory: Killed process %d (node) total-vm:1234567kB, anon-rss:456789kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:4000kB oom_score_adj:0\n' "$secs" "$pid"
  printf '[%d.000200] oom_reaper: reaped process %d (node), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB\n' "$secs" "$pid"
done >"$kills"

# Each finding of the rules whose id starts with PREFIX (default oom-kernel), in JSON: rule
# id, count and the notes.
summary() {  # summary [PREFIX] < analysis JSON
  python3 -c '
import json, sys
def walk(ds):
    for d in ds:
        yield d
        yield from walk(d.get("explains", []))
for d in walk(json.load(sys.stdin)["diagnoses"]):
    if d["rule"].startswith(sys.argv[1]):
        print(d["rule"], d["count"], "|".join(d.get("notes", [])))
' "${1:-oom-kernel}"
}

run analyze --no-db --no-user-rules -o json "$kills"
check "analyze exits 1 (findings)" "$([ "$code" -eq 1 ]; echo $?)"
rows="$(summary <<<"$out")"
check "one OOM finding, not one per pid: $rows" "$([ "$(grep -c . <<<"$rows")" -eq 1 ]; echo $?)"
check "it counts every kill: $rows" "$(grep -q '^oom-kernel-killed-node 40 ' <<<"$rows"; echo $?)"
check "its note names the first pids and how many more: $rows" \
  "$(grep -q '40 findings that differ only in killed_pid are folded into this one (killed_pid 2301, 2308, 2315 and 37 more)' <<<"$rows"; echo $?)"

# The evidence reaches the last kill (pid 2574), and the text report shows the note too.
last="$(python3 -c '
import json, sys
for d in json.load(sys.stdin)["diagnoses"]:
    if d["rule"] == "oom-kernel-killed-node":
        print(d["evidence"][-1]["text"])
' <<<"$out")"
check "evidence reaches the last kill: $last" "$(grep -q 'process 2574 ' <<<"$last"; echo $?)"
run analyze --no-db --no-user-rules "$kills"
check "text shows the fold note" "$(grep -q 'differ only in killed_pid' <<<"$out"; echo $?)"

# One kill alone is left as it was: its own pid, no fold note.
head -3 "$kills" >"$work/one.log"
run analyze --no-db --no-user-rules -o json "$work/one.log"
rows="$(summary <<<"$out")"
check "a single kill is not folded: $rows" "$([ "$rows" = "oom-kernel-killed-node 1 " ]; echo $?)"

# Two different processes killed stay two findings (the process name is no volatile id).
sed 's/(node)/(chrome)/; s/ node invoked/ chrome invoked/' "$kills" | head -6 >"$work/other.log"
cat "$kills" "$work/other.log" >"$work/mixed.log"
run analyze --no-db --no-user-rules -o json "$work/mixed.log"
rows="$(summary <<<"$out")"
check "node's kills still fold with another process's present: $rows" \
  "$(grep -q '^oom-kernel-killed-node 40 ' <<<"$rows"; echo $?)"

# A Telegram bot token Telegram refuses fails every Bot API call the channel makes, each logged
# with grammY's `Call to '<method>' failed! (401: Unauthorized)`: one finding counting them all,
# not one per method. A token that names no bot (404) is told apart.
for method in deleteWebhook getMe sendChatAction sendMessage; do
  printf "2026-03-15T22:35:14.853Z [telegram] %s failed: Call to '%s' failed! (401: Unauthorized)\n" \
    "$method" "$method"
done >"$work/telegram.log"
run analyze --no-db --no-user-rules -o json "$work/telegram.log"
rows="$(summary telegram-bot-token <<<"$out")"
check "one Telegram token finding for four refused methods: $rows" \
  "$([ "$rows" = "telegram-bot-token-rejected 4 " ]; echo $?)"
echo "2026-03-15T22:36:00.000Z [telegram] getMe failed: Call to 'getMe' failed! (404: Not Found)" \
  >>"$work/telegram.log"
run analyze --no-db --no-user-rules -o json "$work/telegram.log"
rows="$(summary telegram-bot-token <<<"$out")"
check "a 404 (no such bot) is a finding of its own: $rows" \
  "$([ "$(grep -c '^telegram-bot-token-rejected ' <<<"$rows")" -eq 2 ]; echo $?)"

# imsg refusing the Messages database prints one refusal on three lines (imsg 0.8
# IMsgError.permissionDenied after SQLite.swift's error), openclaw logging each as a line it
# cannot parse; only the last names the database's path. One finding, with that path.
{ echo "2026-05-20T10:00:01.000Z [imessage] imsg rpc: failed to parse authorization denied (code: 23)"
  echo "2026-05-20T10:00:01.001Z [imessage] imsg rpc: failed to parse ⚠️  Permission Error: Cannot access Messages database"
  echo "2026-05-20T10:00:01.002Z [imessage] imsg rpc: failed to parse The Messages database at /Users/bot/Library/Messages/chat.db requires Full Disk Access permission."
} >"$work/imsg.log"
run analyze --no-db --no-user-rules -o json "$work/imsg.log"
rows="$(summary imessage-messages-db <<<"$out")"
check "one Messages database refusal, not one per path and no path: $rows" \
  "$([ "$rows" = "imessage-messages-db-denied 3 " ]; echo $?)"
path="$(python3 -c '
import json, sys
print(json.load(sys.stdin)["diagnoses"][0].get("facts", {}).get("path", ""))' <<<"$out")"
check "its path fact is the database's: $path" \
  "$([ "$path" = /Users/bot/Library/Messages/chat.db ]; echo $?)"

finish
