#!/usr/bin/env bash
# Bad input through the real binary: each case has an exact expectation for the exit code,
# the message on stderr (naming the input), and what is still printed.
set -uo pipefail
logdx="$1"
work="$(mktemp -d)"
trap 'chmod -R u+rwx "$work"; rm -rf "$work"' EXIT
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
scratch_home  # never the user's history: analyze records every run there

valid_json_lines() {
  python3 -c 'import json,sys
for n, line in enumerate(open(sys.argv[1], "rb"), 1):
    json.loads(line.decode("utf-8"))' "$1"
}

# 1. A path that does not exist: exit 2, the message names it.
run parse "$work/nope.log"
check "nonexistent: exit 2 (got $code)" $([ "$code" -eq 2 ]; echo $?)
check "nonexistent: message names the path" $(grep -q "nope.log" <<<"$err"; echo $?)
check "nonexistent: says why" $(grep -qi "no such file" <<<"$err"; echo $?)

# 2. An empty file: no events, no error.
: >"$work/empty.log"
run parse "$work/empty.log"
check "empty: exit 0 (got $code)" $([ "$code" -eq 0 ]; echo $?)
check "empty: no output" $([ -z "$out" ]; echo $?)

# 3. A truncated gzip: the lines before the cut are parsed, then exit 2 naming the file.
# (awk, not a shell loop: one $(printf) per line was 3000 forks, most of this test's time)
awk 'BEGIN { for (i = 1; i <= 3000; i++)
  printf "2026-11-25T04:47:56.%03d+00:00 [gateway] line %d\n", i % 1000, i }' |
  gzip -c >"$work/full.log.gz"
size=$(stat -c %s "$work/full.log.gz")
head -c $((size / 2)) "$work/full.log.gz" >"$work/cut.log.gz"
run parse "$work/cut.log.gz"
check "truncated gz: exit 2 (got $code)" $([ "$code" -eq 2 ]; echo $?)
check "truncated gz: names the file" $(grep -q "cut.log.gz" <<<"$err"; echo $?)
check "truncated gz: says truncated" $(grep -qi "truncated" <<<"$err"; echo $?)
check "truncated gz: earlier lines still parsed" $([ "$(wc -l <"$work/out")" -gt 100 ]; echo $?)

# 4. Binary garbage: skipped with a note, exit 0, nothing printed.
head -c 65536 /dev/urandom >"$work/garbage.bin"
printf '\0\0\0' >>"$work/garbage.bin"
run parse "$work/garbage.bin"
check "binary: exit 0 (got $code)" $([ "$code" -eq 0 ]; echo $?)
check "binary: note says skipped" $(grep -q "garbage.bin: skipped: binary file" <<<"$err"; echo $?)

# 5. Garbage bytes without NULs (invalid UTF-8, control chars): parsed, output is valid JSON.
python3 -c 'import os,sys; sys.stdout.buffer.write(bytes(b for b in os.urandom(200000) if b not in (0,)))' >"$work/noise.log"
run parse "$work/noise.log"
check "noise: exit 0 (got $code)" $([ "$code" -eq 0 ]; echo $?)
check "noise: every output line is valid JSON" $(valid_json_lines "$work/out"; echo $?)

# 6. A 200 MB line without a newline: cut with a warning, memory stays bounded (256 MB cap),
#    through `parse` and `analyze` alike.
head -c 209715200 /dev/zero | tr '\0' 'a' >"$work/huge.log"
for command in parse "analyze --no-user-rules"; do
  # shellcheck disable=SC2086  # the command and its flag are two words
  capped_run 262144 $command "$work/huge.log"
  check "huge line, $command: exit 0 under a 256 MB memory cap (got $code)" $([ "$code" -eq 0 ]; echo $?)
  check "huge line, $command: warning names the file and the cut" $(grep -q "huge.log: 1 line(s) longer than 1048576 bytes were cut to that length (first at line 1)" <<<"$err"; echo $?)
  [ "$command" = parse ] &&
    check "huge line: one event" $([ "$(wc -l <"$work/out")" -eq 1 ]; echo $?)
done
rm -f "$work/huge.log"

# 7. A folder with a broken entry: the other files are read, the broken one is named, exit 2.
mkdir -p "$work/dir/sub"
echo "Mar  5 08:20:25 vm node[1]: hello" >"$work/dir/a.log"
echo "Mar  5 08:20:26 vm node[1]: world" >"$work/dir/sub/b.log"
ln -s "$work/dir/missing-target.log" "$work/dir/dangling.log"
run parse "$work/dir"
check "folder: exit 2 (got $code)" $([ "$code" -eq 2 ]; echo $?)
check "folder: names the broken entry" $(grep -q "dangling.log" <<<"$err"; echo $?)
check "folder: other files read" $([ "$(wc -l <"$work/out")" -eq 2 ]; echo $?)

# 8. An unknown --parser: usage error, exit 2, lists the known parsers.
run parse --parser no-such-format "$work/dir/a.log"
check "unknown parser: exit 2 (got $code)" $([ "$code" -eq 2 ]; echo $?)
check "unknown parser: says which" $(grep -q "unknown parser 'no-such-format'" <<<"$err"; echo $?)

# 9. stdin works, and '-' means stdin.
printf 'Mar  5 08:20:25 vm node[1]: from stdin\n' | "$logdx" parse - >"$work/out" 2>"$work/err"
check "stdin: one event" $(grep -q '"message":"from stdin"' "$work/out"; echo $?)

# 10. Terminal escapes in a file name never reach the terminal raw.
esc_name="$work/$(printf 'evil\033]0;pwned\007.log')"
run parse "$esc_name"
check "escape in name: no raw ESC on stderr" $(! grep -q $'\033' "$work/err"; echo $?)

finish
