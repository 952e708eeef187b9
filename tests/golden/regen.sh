#!/usr/bin/env bash
# Rewrites every golden case's expected output from the current build. Review the diff!
set -uo pipefail
logdx="$(realpath "${1:-build/logdx}")"
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"
for case_dir in tests/golden/*/; do
  case_dir="${case_dir%/}"
  [ -f "$case_dir/args" ] || continue
  mapfile -t args < "$case_dir/args"
  stdin_file=/dev/null
  [ -f "$case_dir/stdin" ] && stdin_file="$(cat "$case_dir/stdin")"
  env_args=()
  [ -f "$case_dir/env" ] && mapfile -t env_args < "$case_dir/env"
  state="$(mktemp -d)"  # an empty history per case, as run_case.sh does
  XDG_STATE_HOME="$state" env -u COLUMNS "${env_args[@]}" "$logdx" "${args[@]}" <"$stdin_file" \
    >"$case_dir/expected.stdout" 2>"$case_dir/expected.stderr.new"
  echo $? > "$case_dir/expected.exit"
  rm -rf "$state"
  sed -i -E 's/[0-9]+\.[0-9]+ s\.$/T s./' "$case_dir/expected.stdout"
  if [ -f "$case_dir/expected.stderr" ] || [ -s "$case_dir/expected.stderr.new" ]; then
    mv "$case_dir/expected.stderr.new" "$case_dir/expected.stderr"
  else
    rm -f "$case_dir/expected.stderr.new"
  fi
  echo "regenerated $case_dir"
done
