#!/usr/bin/env bash
# tests/fuzz/run.sh [SECONDS] [TARGET...]: builds the sanitizer + fuzz build (build-asan, via
# scripts/test-sanitizers --build-only) and runs every libFuzzer target for SECONDS each
# (default 20) on its seed corpus, cut from corpus/ and rules/ at run time (make_seeds.py).
# What a run finds new stays in build-asan/fuzz/corpus/<target> for the next run; a crash
# leaves its input in build-asan/fuzz/crash-<target>-*: save it to regressions/<target>/ with
# the fix. Exit 1 when a target failed. FUZZ_ARGS adds libFuzzer flags (e.g. -jobs=1);
# FUZZ_JOBS is how many targets run at once (default: one per core).
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
here="$root/tests/fuzz"
seconds="${1:-20}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(envelope detect peeler rules fix_render analyze)
build="${ASAN_BUILD_DIR:-$root/build-asan}"

"$root/scripts/test-sanitizers" --build-only
export ASAN_OPTIONS="${ASAN_OPTIONS:-detect_leaks=1:abort_on_error=1}"
export UBSAN_OPTIONS="${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}"

dict_of() {
  case "$1" in
    rules) echo "$here/dict/rules.dict" ;;
    fix_render) echo "$here/dict/fix_render.dict" ;;
    *) echo "$here/dict/logs.dict" ;;
  esac
}

work="$build/fuzz"
mkdir -p "$work"
# fuzz_one TARGET: one target's run; its verdict goes to $work/TARGET.status ("ok" or "FAILED").
fuzz_one() {
  local target="$1"
  local corpus="$work/corpus/$target" seeds="$work/seeds/$target" log="$work/$target.log"
  mkdir -p "$corpus"
  rm -rf "$seeds"
  python3 "$here/make_seeds.py" "$target" "$seeds" "$root" "$build/logdx"
  # -rss_limit_mb: a run that needs more memory than this is itself a finding.
  # -timeout: one input running this long is a hang (generous: a loaded machine is slow).
  # The outer timeout guards against libFuzzer's own timeout handler deadlocking (malloc in a
  # signal handler), seen once on a starved machine.
  # shellcheck disable=SC2086  # FUZZ_ARGS is a list of flags
  if timeout $((seconds + 180)) "$build/tests/fuzz/fuzz_$target" -max_total_time="$seconds" \
    -dict="$(dict_of "$target")" -max_len=16384 -timeout=60 -rss_limit_mb=2048 -print_final_stats=1 \
    -artifact_prefix="$work/crash-$target-" ${FUZZ_ARGS:-} \
    "$corpus" "$seeds" "$here/regressions/$target" >"$log" 2>&1; then
    echo ok >"$work/$target.status"
  else
    echo FAILED >"$work/$target.status"
  fi
}

# Each target is one single-threaded process: run as many at once as there are cores, so the
# stage takes SECONDS per round of nproc targets instead of SECONDS per target.
jobs="${FUZZ_JOBS:-$(nproc)}"
running=0
for target in "${targets[@]}"; do
  rm -f "$work/$target.status"
  fuzz_one "$target" &
  running=$((running + 1))
  if [ "$running" -ge "$jobs" ]; then
    wait -n || true
    running=$((running - 1))
  fi
done
wait

failed=()
for target in "${targets[@]}"; do
  log="$work/$target.log"
  status="$(cat "$work/$target.status" 2>/dev/null || echo FAILED)"
  if [ "$status" != ok ]; then
    failed+=("$target")
    tail -40 "$log" 2>/dev/null || true
  fi
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | tail -1 | grep -o '[0-9]*$' || echo "?")
  echo "fuzz $target: $status, $runs executions in ${seconds}s ($log)"
done
if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: failed: ${failed[*]}"
  exit 1
fi
