# Shared by the shell tests that drive the real binary. The caller sets `logdx` and `work`
# (a temporary folder: its own, or `new_work`'s) and ends with `finish`.
failures=0
pass=0

new_work() {  # a temporary folder in $work, removed when the script exits
  work="$(mktemp -d)"
  trap 'rm -rf "$work"' EXIT
}

# The user's own config, rules, history and caches are never read or written by a test: XDG
# homes under $work (created empty), and no COLUMNS, so the output is laid out as for a pipe.
scratch_home() {
  export XDG_CONFIG_HOME="$work/config" XDG_STATE_HOME="$work/state" XDG_CACHE_HOME="$work/cache"
  mkdir -p "$XDG_CONFIG_HOME" "$XDG_STATE_HOME" "$XDG_CACHE_HOME"
  unset COLUMNS
}

# The tests' Python snippets use the standard library only, so Python starts without `site`
# (-S): importing site-packages' .pth files was over half of each start on a pyenv Python
# (0.16 -> 0.07 CPU-s here), and the suite starts Python hundreds of times.
python3() { command python3 -S "$@"; }

has() { grep -qF -- "$1" <<<"$2"; }  # has TEXT IN: whether IN holds TEXT as written

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
