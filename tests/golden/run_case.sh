#!/usr/bin/env bash
# Golden CLI test: runs `logdx` with the arguments in CASE/args (one per line, paths relative
# to the repository root, which is the working directory), and compares stdout, stderr and the
# exit code with CASE/expected.stdout, CASE/expected.stderr (if present), CASE/expected.exit.
# Regenerate after an intended change with: tests/golden/regen.sh build/logdx
set -uo pipefail
logdx="$1"
case_dir="$2"
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
mapfile -t args < "$case_dir/args"
stdin_file=/dev/null
[ -f "$case_dir/stdin" ] && stdin_file="$(cat "$case_dir/stdin")"
actual_out="$(mktemp)"; actual_err="$(mktemp)"
# Each case starts with an empty history, so "seen before" is the same every run.
state="$(mktemp -d)"
export XDG_STATE_HOME="$state"
trap 'rm -rf "$actual_out" "$actual_err" "$state"' EXIT
# CASE/env (optional): NAME=value lines for the run. COLUMNS is unset otherwise, so the
# output does not depend on the terminal the tests run in.
env_args=()
[ -f "$case_dir/env" ] && mapfile -t env_args < "$case_dir/env"
env -u COLUMNS "${env_args[@]}" "$logdx" "${args[@]}" <"$stdin_file" >"$actual_out" 2>"$actual_err"
code=$?
# The time an analysis took is the one thing that may differ between runs.
sed -i -E 's/[0-9]+\.[0-9]+ s\.$/T s./' "$actual_out"
status=0
expected_code="$(cat "$case_dir/expected.exit" 2>/dev/null || echo 0)"
if [ "$code" != "$expected_code" ]; then
  echo "exit code $code, expected $expected_code"; status=1
fi
if ! diff -u "$case_dir/expected.stdout" "$actual_out"; then
  echo "stdout differs from $case_dir/expected.stdout"; status=1
fi
if [ -f "$case_dir/expected.stderr" ] && ! diff -u "$case_dir/expected.stderr" "$actual_err"; then
  echo "stderr differs from $case_dir/expected.stderr"; status=1
fi
exit $status
