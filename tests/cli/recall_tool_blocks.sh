#!/usr/bin/env bash
# Tool blocks read as one record (issue 12, core/tool_blocks): `kubectl describe pod`'s
# container section with its Events, and npm's error block, as people paste them: in a
# Markdown fence, quoted with "> ", cut mid-way. A container its liveness probe killed exits
# 137 too and must not be read as an OOM kill; OOMKilled is one, with its limit named; npm's
# ENOENT names the file it could not find.
set -uo pipefail
logdx="$(realpath "$1")"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
# shellcheck source=paste_lib.sh
source "$(dirname "$0")/paste_lib.sh"

# kubectl 1.2x describe pod: Reason Error, Exit Code 137, the kubelet's probe events under it
section='Containers:
  api:
    Container ID:   containerd://9a1b2c3d
    State:          Running
      Started:      Mon, 13 Nov 2023 03:50:57 +0100
    Last State:     Terminated
      Reason:       Error
      Exit Code:    137
      Started:      Mon, 13 Nov 2023 03:48:52 +0100
      Finished:     Mon, 13 Nov 2023 03:50:55 +0100
    Ready:          False
    Restart Count:  4
    Limits:
      memory:  512Mi'
events='Events:
  Type     Reason     Age               From     Message
  ----     ------     ----              ----     -------
  Warning  Unhealthy  2m (x12 over 8m)  kubelet  Liveness probe failed: HTTP probe failed with statuscode: 500
  Normal   Killing    2m (x4 over 8m)   kubelet  Container api failed liveness probe, will be restarted'

paste_run "kubectl describe pod api-7d9f says:

\`\`\`
$section
$events
\`\`\`"
check "describe, fenced: the liveness probe killed it" \
  $(root_is restart_loop_docker kubernetes-container-killed-by-probe-137; echo $?)
check "describe, fenced: exit 137 is no OOM kill here" $(not_fired process-killed-exit-137; echo $?)
check "describe, fenced: the container is named" $(fact container api; echo $?)

paste_run "$(printf '%s\n%s\n' "$section" "$events" | sed 's/^/> /')"
check "describe, quoted: the liveness probe killed it" \
  $(root_is restart_loop_docker kubernetes-container-killed-by-probe-137; echo $?)

paste_run "$(printf '%s\n' "$section" | head -9)"
check "describe, cut after its exit code: SIGKILL, not memory" \
  $(root_is restart_loop_docker kubernetes-container-sigkilled-not-oom; echo $?)

paste_run "$(printf '%s\n' "$section" | sed 's/Reason:       Error/Reason:       OOMKilled/')"
check "describe, OOMKilled: the memory limit" \
  $(root_is oom_kernel kubernetes-container-oom-killed; echo $?)
check "describe, OOMKilled: its limit named" $(fact memory_limit 512Mi; echo $?)

paste_run "      Exit Code:    137"
check "the exit code alone: still the likely OOM kill" \
  $(root_is oom_kernel process-killed-exit-137; echo $?)

# npm 6.14 `npm run build` on a project whose node_modules lost a binary
npm_block="npm ERR! code ENOENT
npm ERR! syscall lstat
npm ERR! path /srv/app/node_modules/.bin/next
npm ERR! errno -2
npm ERR! enoent ENOENT: no such file or directory, lstat '/srv/app/node_modules/.bin/next'
npm ERR! enoent This is related to npm not being able to find a file."
paste_run "\`\`\`
$npm_block
\`\`\`"
check "npm ENOENT, fenced: the file named" \
  $(root_is missing_executable npm-file-not-found; echo $?)
check "npm ENOENT, fenced: its path" $(fact path /srv/app/node_modules/.bin/next; echo $?)
check "npm ENOENT lstat is no program" $(not_fired npm-program-not-found; echo $?)
paste_run "$(printf '%s\n' "$npm_block" | head -2 | sed 's/^/> /')"
check "npm ENOENT, quoted and cut after syscall: ENOENT still read" \
  $(root_is missing_executable; echo $?)

paste_run "npm error code E404
npm error 404 Not Found - GET https://registry.npmjs.org/opnclaw - Not found
npm error 404
npm error 404  'opnclaw@*' is not in this registry."
check "npm 10 E404 block: the package named" $(fact package 'opnclaw@*'; echo $?)

finish
