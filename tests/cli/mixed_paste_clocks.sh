#!/usr/bin/env bash
# Mixed pastes (issue 12): `dmesg`, then `systemctl status X` or `pm2 logs`, one after another as
# people paste them in issue threads, as saved and inside Markdown fences.
# - An unstamped pm2 block after raw dmesg does not take the kernel's seconds since boot
#   (carry-forward stops at a change of format).
# - The kernel's OOM kill of pid N and the unit whose `Main PID: N` died of SIGKILL are linked
#   across the two clocks: the unit's failure folds under the kill, which names the unit; a
#   kill of another pid, or a unit whose main process exited with status 1, stays apart.
# Templates: linux 6.1 mm/oom_kill.c (__oom_kill_process, dump_oom_summary), systemd v252
# (systemctl status, src/core/service.c "Main process exited" / "Failed with result"), pm2 5.x
# God daemon ("App [%s:%s] exited with code [%s] via signal [%s]", unstamped in `pm2 logs`).
set -uo pipefail
logdx="$(realpath "$1")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
# shellcheck source=paste_lib.sh
source "$(dirname "$0")/paste_lib.sh"

fenced() {  # fenced TITLE BLOCK [TITLE BLOCK...]: each block in a ``` fence under its title
  while [ $# -gt 0 ]; do printf '%s\n```\n%s\n```\n\n' "$1" "$2"; shift 2; done
}

kill_line() {  # kill_line PID: raw dmesg's kill of node PID
  printf '[ 2198.039625] Out of memory: Killed process %s (node) total-vm:11894452kB, anon-rss:1523448kB, file-rss:0kB, shmem-rss:0kB, UID:1000 pgtables:4316kB oom_score_adj:0' "$1"
}
dmesg_block="$(printf '%s\n%s' \
  '[ 2198.039571] oom-kill:constraint=CONSTRAINT_NONE,nodemask=(null),cpuset=/,mems_allowed=0,global_oom,task_memcg=/system.slice/pm2-root.service,task=node,pid=4242,uid=0' \
  "$(kill_line 4242)")"
pm2_block='PM2        | App [bot:0] exited with code [null] via signal [SIGKILL]
PM2        | App [bot:0] starting in -fork mode-
PM2        | App [bot:0] online
0|bot      | listening on :8080'

# pm2 findings have no time of their own: neither they nor their evidence take the kernel's.
pm2_untimed() {
  diagnoses_ask '
pm2 = [x for x in walk(d) if any("App [bot:0]" in e["text"] for e in x["evidence"])]
sys.exit(0 if pm2 and all(x.get("first_seen") is None for x in pm2) else 1)'
}
for shape in plain fenced; do
  if [ "$shape" = plain ]; then
    text="$(printf '%s\n%s' "$dmesg_block" "$pm2_block")"
  else
    text="$(fenced "sudo dmesg | tail -2:" "$dmesg_block" "pm2 logs bot:" "$pm2_block")"
  fi
  paste_run "$text"
  check "$shape: pm2 lines after dmesg take no boot-relative time" $(pm2_untimed; echo $?)
  check "$shape: the kill keeps its own time" $(diagnoses_ask '
sys.exit(0 if any(x.get("first_seen_kind") == "since_boot" for x in walk(d)) else 1)'; echo $?)
  check "$shape: the pm2 exit is not linked to the kill by a borrowed time" \
    $(not_fired oom-kernel-killed-service-process; echo $?)
done

status_block() {  # status_block MAIN_PID RESULT EXIT: `systemctl status api` after the kill
  printf '%s\n' "× api.service - API server" \
    "     Loaded: loaded (/etc/systemd/system/api.service; enabled; preset: enabled)" \
    "     Active: failed (Result: $2) since Tue 2026-02-10 15:20:41 UTC; 47s ago" \
    "   Main PID: $1 ($3)" \
    "        CPU: 9min 12.402s" "" \
    "Feb 10 15:05:12 vps node[$1]: listening on :8080"
  if [ "$2" = oom-kill ]; then
    printf '%s\n' "Feb 10 15:20:41 vps systemd[1]: api.service: A process of this unit has been killed by the OOM killer." \
      "Feb 10 15:20:41 vps systemd[1]: api.service: Main process exited, code=killed, status=9/KILL"
  else
    printf '%s\n' "Feb 10 15:20:41 vps systemd[1]: api.service: Main process exited, code=exited, status=1/FAILURE"
  fi
  printf '%s\n' "Feb 10 15:20:41 vps systemd[1]: api.service: Failed with result '$2'."
}

for shape in plain fenced; do
  killed="$(status_block 4242 oom-kill "code=killed, signal=KILL")"
  if [ "$shape" = plain ]; then
    text="$(printf '%s\n%s' "$(kill_line 4242)" "$killed")"
  else
    text="$(fenced "dmesg:" "$(kill_line 4242)" "systemctl status api:" "$killed")"
  fi
  paste_run "$text"
  check "$shape: the unit's failure folds under the kill of its Main PID" \
    $(root_folds oom-systemd-unit-failed; echo $?)
  check "$shape: the kill is the root, an error about api (not the gateway)" \
    $(root_is oom_kernel "" error; echo $?)
  check "$shape: its title names api" $(diagnoses_ask '
sys.exit(0 if d and "a process of api" in d[0]["title"] else 1)'; echo $?)
done

# Look-alikes: the kernel killed another pid; the unit's main process exited with status 1.
paste_run "$(printf '%s\n%s' "$(kill_line 4242)" "$(status_block 5361 oom-kill "code=killed, signal=KILL")")"
check "another pid: the unit's failure is not folded under the kill" \
  $(root_of oom-systemd-unit-failed; echo $?)
check "another pid: the kill does not name api" $(diagnoses_ask '
sys.exit(0 if not any("a process of api" in x["title"] for x in walk(d)) else 1)'; echo $?)
paste_run "$(printf '%s\n%s' "$(kill_line 4242)" "$(status_block 4242 exit-code "code=exited, status=1/FAILURE")")"
check "status 1: nothing is folded under the kill" $(diagnoses_ask '
sys.exit(0 if not any(x["cause"] == "oom_kernel" and x.get("explains") for x in walk(d)) else 1)'; echo $?)
check "status 1: the kill is not called api's process" $(diagnoses_ask '
sys.exit(0 if not any("a process of api" in x["title"] for x in walk(d)) else 1)'; echo $?)

finish
