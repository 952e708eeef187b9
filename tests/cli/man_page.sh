#!/usr/bin/env bash
# The help and the man page cannot drift apart: every command and subcommand `logdx --help`
# lists has a help with examples, and every long option a help lists appears in docs/logdx.1.
# groff must render the page without a warning (when groff is installed).
# Usage: man_page.sh path/to/logdx path/to/logdx.1
set -uo pipefail
logdx="$1"
page="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
. "$(dirname "$0")/lib.sh"

# The page's text with roff escapes for minus (\-) and fonts (\fB ... \fR) undone.
sed -e 's/\\-/-/g' -e 's/\\f[BIRP]//g' "$page" >"$work/page.txt"

subcommands() {  # subcommands ARGS... : the names under "Subcommands:" in that help
  "$logdx" "$@" --help | awk '/^Subcommands:/{on=1; next} /^$/{on=0} on && /^  [a-z]/{print $1}'
}

check_help() {  # check_help ARGS... : one command's help
  local help
  help="$("$logdx" "$@" --help)"
  check "'logdx $* --help' exits 0" $?
  grep -q '^Examples:' <<<"$help"
  check "'logdx $* --help' has examples" $?
  [ $# -eq 0 ] || grep -qE "(^|[^a-z-])${*: -1}([^a-z-]|$)" "$work/page.txt"
  check "the man page names the command '$*'" $?
  local option
  for option in $(grep -oE '^  +(-[A-Za-z],)?--[a-z0-9-]+' <<<"$help" | grep -oE -- '--[a-z0-9-]+'); do
    grep -qE -- "${option}([^a-z0-9-]|$)" "$work/page.txt"
    check "the man page documents $option (from 'logdx $* --help')" $?
  done
}

commands=0
check_help
for command in $(subcommands); do
  check_help "$command"
  commands=$((commands + 1))
  for sub in $(subcommands "$command"); do
    check_help "$command" "$sub"
    commands=$((commands + 1))
  done
done
[ "$commands" -ge 12 ]
check "found the commands (got $commands)" $?

# An option the help does not list is not there either: the check above can fail.
! grep -qF -- "--frobnicate" "$work/page.txt"
check "the page check sees a missing option" $?

if command -v groff >/dev/null; then
  warnings="$(groff -man -Tutf8 -ww -z "$page" 2>&1)"
  [ -z "$warnings" ]
  check "groff renders the man page without warnings: $warnings" $?
  groff -man -Tutf8 -P-cbou "$page" 2>/dev/null | grep 'EXIT STATUS' >/dev/null
  check "the rendered page has its sections" $?
else
  echo "note: groff is not installed; rendering not checked"
fi
finish
