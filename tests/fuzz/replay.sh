#!/usr/bin/env bash
# replay.sh FUZZ_BINARY DIR: runs the target once on every file of DIR (libFuzzer and the
# standalone replayer both take files as arguments and run each once). Exit 0 when all pass.
set -euo pipefail
shopt -s nullglob
files=("$2"/*)
[ ${#files[@]} -gt 0 ] || { echo "no inputs in $2" >&2; exit 2; }
exec "$1" "${files[@]}"
