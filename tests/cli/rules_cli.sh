#!/usr/bin/env bash
# `logdx rules` through the real binary: each case pins the exit code (contract: 2 for a rule
# error) and what a user must see (file:line:col, the caret, RE2's message, did-you-mean, the
# `N passed, M failed` line CI reads). Rule files are in tests/cli/rules/.
# usage: rules_cli.sh LOGDX
set -uo pipefail
logdx="$1"
here="$(cd "$(dirname "$0")" && pwd)"
rules="$here/rules"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
# No user folder from the machine running the tests.
export XDG_CONFIG_HOME="$work/config"
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"

has() { grep -qF -- "$1" <<<"$2"; }
last_line() { tail -n 1 <<<"$1"; }

# 1. Broken YAML: exit 2, file:line:col, the line as written and a caret.
run rules lint --no-builtin-rules "$rules/broken_yaml.yaml"
check "broken yaml: exit 2 (got $code)" $([ "$code" -eq 2 ]; echo $?)
check "broken yaml: file:line:col and code" \
  $(has "broken_yaml.yaml:5:4: error[yaml-syntax]: the file is not valid YAML" "$out"; echo $?)
check "broken yaml: a caret line" $(grep -qE '^ +\^$' <<<"$out"; echo $?)
check "broken yaml: summary" $(has "1 error, 0 warnings in 1 file" "$out"; echo $?)

# 2. A regex RE2 refuses: RE2's own message, at the pattern.
run rules lint --no-builtin-rules "$rules/bad_regex.yaml"
check "bad regex: exit 2 (got $code)" $([ "$code" -eq 2 ]; echo $?)
check "bad regex: code and position" $(has "bad_regex.yaml:6:15: error[bad-regex]" "$out"; echo $?)
check "bad regex: RE2's message" $(has "missing )" "$out"; echo $?)
check "bad regex: the line quoted" $(has "regex: 'listen EADDRINUSE (?P<port>" "$out"; echo $?)

# 3. A duplicate id names both places.
run rules lint --no-builtin-rules "$rules/duplicate_id.yaml"
check "duplicate id: exit 2 (got $code)" $([ "$code" -eq 2 ]; echo $?)
check "duplicate id: code" $(has "error[duplicate-id]" "$out"; echo $?)
check "duplicate id: names the first definition" $(has "duplicate_id.yaml:3" "$out"; echo $?)

# 4. An unknown key gets a did-you-mean.
run rules lint --no-builtin-rules "$rules/unknown_key.yaml"
check "unknown key: exit 2 (got $code)" $([ "$code" -eq 2 ]; echo $?)
check "unknown key: position" $(has "unknown_key.yaml:5:5: error[unknown-key]" "$out"; echo $?)
check "unknown key: did you mean" $(has "did you mean 'severity'" "$out"; echo $?)

# 5. Every problem of every file at once, in file order.
run rules lint --no-builtin-rules "$rules/broken_yaml.yaml" "$rules/bad_regex.yaml" \
  "$rules/unknown_key.yaml" "$rules/warning_only.yaml"
check "all at once: exit 2 (got $code)" $([ "$code" -eq 2 ]; echo $?)
check "all at once: four codes" $([ "$(grep -cE '(error|warning)\[' <<<"$out")" -eq 4 ]; echo $?)
check "all at once: summary" $(has "3 errors, 1 warning in 4 files" "$(last_line "$out")"; echo $?)

# 6. Only warnings: exit 0, still printed.
run rules lint --no-builtin-rules "$rules/warning_only.yaml"
check "warnings only: exit 0 (got $code)" $([ "$code" -eq 0 ]; echo $?)
check "warnings only: printed" $(has "warning[leading-dot-star]" "$out"; echo $?)

# 7. lint -o json: one JSON array, one object per problem.
run rules lint --no-builtin-rules -o json "$rules/bad_regex.yaml" "$rules/warning_only.yaml"
check "lint json: exit 2 (got $code)" $([ "$code" -eq 2 ]; echo $?)
check "lint json: an array of both problems" $(python3 -c 'import json,sys
d = json.load(sys.stdin)
assert [x["code"] for x in d] == ["bad-regex", "leading-dot-star"], d
assert d[0]["line"] == 6 and d[0]["file"].endswith("bad_regex.yaml")' <<<"$out"; echo $?)

# 8. A file that cannot be read is a rule error naming it.
run rules lint --no-builtin-rules "$work/nope.yaml"
check "missing file: exit 2 (got $code)" $([ "$code" -eq 2 ]; echo $?)
check "missing file: named" $(has "nope.yaml: error[unreadable-file]" "$out"; echo $?)

# 9. rules test: a failing embedded test is a rule error; the last line is for CI.
run rules test --no-builtin-rules "$rules/failing_test.yaml"
check "failing test: exit 2 (got $code)" $([ "$code" -eq 2 ]; echo $?)
check "failing test: last line" $([ "$(last_line "$out")" = "0 passed, 1 failed" ]; echo $?)
check "failing test: file:line of the test" \
  $(has "failing_test.yaml:9:11: error[rule-test-failed]" "$out"; echo $?)
run rules test --no-builtin-rules "$rules/good.yaml"
check "passing tests: exit 0 (got $code)" $([ "$code" -eq 0 ]; echo $?)
check "passing tests: counted" $([ "$(last_line "$out")" = "2 passed, 0 failed" ]; echo $?)
# With PATHs only their tests count, though other files are loaded.
run rules test --no-builtin-rules --rules "$rules/failing_test.yaml" "$rules/good.yaml"
check "test PATH: only its tests (got $(last_line "$out"))" \
  $([ "$(last_line "$out")" = "2 passed, 0 failed" ]; echo $?)
run rules test --no-builtin-rules "$rules/bad_regex.yaml"
check "test on broken rules: exit 2 (got $code)" $([ "$code" -eq 2 ]; echo $?)
# Each test line is also read as `analyze` reads it: a rule written against nginx's error-log
# prefix passes raw, but the parsers peel the prefix, so it fails (docs/rules.md "Tests").
run rules test --no-builtin-rules "$rules/envelope_only.yaml"
check "envelope-only rule: exit 2 (got $code)" $([ "$code" -eq 2 ]; echo $?)
check "envelope-only rule: counted (got $(last_line "$out"))" \
  $([ "$(last_line "$out")" = "3 passed, 1 failed" ]; echo $?)
check "envelope-only rule: file:line and what the rule was shown" \
  $(has "envelope_only.yaml:11:11: error[rule-test-failed]: embedded test of rule 'test-nginx-emerg-bind' failed: matches the raw line but not the parsed event: message seen was 'bind() to 0.0.0.0:80 failed (98: Address already in use)'" "$out"; echo $?)

# 10. rules show: an unknown id is exit 2 with a did-you-mean; a known one shows expansion.
run rules show --no-builtin-rules --rules "$rules/good.yaml" test-port-in-us
check "show unknown: exit 2 (got $code)" $([ "$code" -eq 2 ]; echo $?)
check "show unknown: did you mean" $(has "did you mean 'test-port-in-use'" "$err"; echo $?)
run rules show --no-builtin-rules --rules "$rules/good.yaml" test-port-in-use
check "show: exit 0 (got $code)" $([ "$code" -eq 0 ]; echo $?)
prefix='listen EADDRINUSE:? (?:address already in use )?[0-9.]+:'
check "show: macro expanded" $(has "expanded: $prefix(?:(?P<port>\d{1,5}))" "$out"; echo $?)
check "show: written form" $(has "written:  $prefix{{port}}" "$out"; echo $?)
check "show: origin" $(has "origin:     $rules/good.yaml:11:5" "$out"; echo $?)
check "show: fix" $(has '$ lsof -nP -iTCP:{port} -sTCP:LISTEN' "$out"; echo $?)
check "show: config edit under its file" $([[ "$out" == *$'  in the nginx site config:\n    proxy_pass http://127.0.0.1:{port};'* ]]; echo $?)
check "show: manual step" $(has 'step: Stop whatever else was started on port {port|or:18789}' "$out"; echo $?)

run rules show pm2-app-exits-twice-quickly
check "show: the rule that subsumes it" $(has "subsumed by: pm2-app-exits-repeatedly" "$out"; echo $?)

# 11. rules list: disabled rules are listed as such; -o json is JSON.
run rules list --no-builtin-rules --rules "$rules/good.yaml" --rules "$rules/disables_good.yaml"
check "list: exit 0 (got $code)" $([ "$code" -eq 0 ]; echo $?)
check "list: enabled rule" \
  $(grep -qE '^test-port-in-use +port_conflict +critical +.*good.yaml:11 +yes$' <<<"$out"; echo $?)
check "list: disabled rule" \
  $(grep -qE '^test-unit-failed +service_failed +error +.* +no$' <<<"$out"; echo $?)
run rules list --no-builtin-rules --rules "$rules/good.yaml" -o json
check "list json: valid, two rules" $(python3 -c 'import json,sys
d = json.load(sys.stdin)
assert [r["id"] for r in d] == ["test-port-in-use", "test-unit-failed"], d' <<<"$out"; echo $?)
run rules list --no-builtin-rules --rules "$rules/bad_regex.yaml"
check "list broken rules: exit 2 (got $code)" $([ "$code" -eq 2 ]; echo $?)

# 12. The user folder loads after the pack, and --no-user-rules skips it.
mkdir -p "$XDG_CONFIG_HOME/logdx/rules"
cp "$rules/good.yaml" "$XDG_CONFIG_HOME/logdx/rules/"
run rules list --no-builtin-rules
check "user folder: loaded" $(has "test-port-in-use" "$out"; echo $?)
run rules list --no-builtin-rules --no-user-rules
check "user folder: skipped" $(! has "test-port-in-use" "$out"; echo $?)
rm -r "$XDG_CONFIG_HOME/logdx"

# 13. The embedded pack lints clean and its tests pass.
run rules lint
check "pack lint: exit 0 (got $code)" $([ "$code" -eq 0 ]; echo $?)
check "pack lint: no errors" $(has "0 errors" "$out"; echo $?)
run rules test
check "pack tests: exit 0 (got $code)" $([ "$code" -eq 0 ]; echo $?)
check "pack tests: none failed" \
  $(grep -qE '^[0-9]+ passed, 0 failed$' <<<"$(last_line "$out")"; echo $?)

# 14. rules schema is JSON.
run rules schema
check "schema: exit 0 (got $code)" $([ "$code" -eq 0 ]; echo $?)
check "schema: valid JSON" $(python3 -c 'import json,sys; json.load(sys.stdin)' <<<"$out"; echo $?)

# The pack's own files on the command line take their built-in place instead of loading twice:
# `logdx rules lint rules/` is how a pack author checks the pack as it is on disk.
pack="$here/../../rules"
run rules lint "$pack"
check "lint rules/: exit 0 (got $code)" $([ "$code" -eq 0 ]; echo $?)
check "lint rules/: no duplicate ids" $(! has "duplicate-id" "$out"; echo $?)
cp "$pack/startup-port.yaml" "$work/copy.yaml"
run rules lint "$work/copy.yaml"
check "an identical copy of a pack file replaces it: exit 0 (got $code)" $([ "$code" -eq 0 ]; echo $?)
sed 's/confidence: 0.92/confidence: 0.91/' "$pack/startup-port.yaml" >"$work/changed.yaml"
run rules lint "$work/changed.yaml"
check "a changed copy elsewhere is a user file: duplicate ids, exit 2 (got $code)" \
  $([ "$code" -eq 2 ] && has "duplicate-id" "$out"; echo $?)

finish
