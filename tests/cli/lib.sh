# Shared by the shell tests that drive the real binary. The caller sets `logdx` and `work`
# (a temporary folder) before sourcing this file, and ends with `finish`.
failures=0
pass=0

check() {  # check NAME CONDITION-EXIT-STATUS
  if [ "$2" -eq 0 ]; then pass=$((pass + 1)); else echo "FAIL: $1"; failures=$((failures + 1)); fi
}

run() {  # run ARGS... ; sets code, out, err
  "$logdx" "$@" >"$work/out" 2>"$work/err" </dev/null
  code=$?
  out="$(cat "$work/out")"
  err="$(cat "$work/err")"
}

# Under a sanitizer (ASAN_OPTIONS / TSAN_OPTIONS set by scripts/test-sanitizers) the shadow
# memory needs terabytes of address space, so a memory cap only applies to a normal build.
sanitized() { [ -n "${ASAN_OPTIONS:-}${TSAN_OPTIONS:-}" ]; }

capped_run() {  # capped_run KILOBYTES ARGS... ; like run, under ulimit -v unless sanitized
  if sanitized; then
    "$logdx" "${@:2}" >"$work/out" 2>"$work/err" </dev/null
  else
    (ulimit -v "$1"; "$logdx" "${@:2}" >"$work/out" 2>"$work/err" </dev/null)
  fi
  code=$?
  out="$(cat "$work/out")"
  err="$(cat "$work/err")"
}

finish() {  # prints the closing line CI reads; the exit status says whether all passed
  echo "$pass passed, $failures failed"
  [ "$failures" -eq 0 ]
}
