#!/usr/bin/env bash
# The configuration file through the real binary: it changes what commands do (fail-on, color,
# db, rules, max-line-bytes), flags win over it, a bad one stops every command with exit 2 and
# file:line:col, and `config show|path` and `--version` say what applies.
# Usage: config_cli.sh path/to/logdx SOURCE_DIR
set -uo pipefail
logdx="$1"
source="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
. "$(dirname "$0")/lib.sh"

export XDG_CONFIG_HOME="$work/xdg"
export XDG_STATE_HOME="$work/state"
unset LOGDX_CONFIG NO_COLOR
config="$XDG_CONFIG_HOME/logdx/config.yaml"
mkdir -p "$(dirname "$config")"
negative="$source/corpus/cases/44-negative-oom-kills-postgres-gateway-fine/input.log"
critical="$source/corpus/cases/03-missing-config-pm2-loop-hundreds/input.log"

run config path
[ "$code" -eq 0 ] && [ "$out" = "$config" ]
check "config path names \$XDG_CONFIG_HOME/logdx/config.yaml (got: $out)" $?
run config show
grep -qE '^fail-on +error +default$' <<<"$out" && grep -q 'not found' <<<"$out"
check "config show without a file: built-in defaults" $?

# fail-on: the negative case has only warnings/info, so info makes it exit 1.
run analyze --no-db "$negative"
check "without a config the negative case exits 0 (got $code)" "$code"
printf 'fail-on: info  # strict\n' >"$config"
run analyze --no-db "$negative"
[ "$code" -eq 1 ]
check "fail-on: info from the file makes it exit 1 (got $code)" $?
run analyze --no-db --fail-on critical "$negative"
check "--fail-on on the command line wins over the file (got $code)" "$code"
run config show --color never
grep -qE "^fail-on +info +$config:1\$" <<<"$out" && grep -qE '^color +never +flag$' <<<"$out"
check "config show says where each value came from: $out" $?

# color, db, max-line-bytes, rules.
cat >"$config" <<'YAML'
color: always
db: state/from-config.db
max-line-bytes: 300
rules: [team/]
YAML
mkdir -p "$XDG_CONFIG_HOME/logdx/team"
cat >"$XDG_CONFIG_HOME/logdx/team/boom.yaml" <<'YAML'
logdx_rules: 1
rules:
  - id: team-kaboom
    title: "The team's app went kaboom"
    cause: team_kaboom
    severity: warning
    match:
      regex: 'kaboom'
YAML
run analyze "$critical"
grep -q $'\e\[' "$work/out"
check "color: always from the file colours a pipe" $?
[ -f "$XDG_CONFIG_HOME/logdx/state/from-config.db" ]
check "db: a relative path is relative to the config file's folder" $?
run analyze --no-db --color never "$critical"
! grep -q $'\e\[' "$work/out"
check "--color never wins over the file" $?
run rules list
grep -qE '^team-kaboom .*team/boom.yaml' <<<"$out"
check "rules: from the file are loaded (rules list)" $?
run rules list --no-user-rules
! grep -q 'team-kaboom' <<<"$out"
check "--no-user-rules leaves the file's rules out" $?
printf 'Nov 25 10:00:00 box app[7]: kaboom %s\n' "$(head -c 2000 /dev/zero | tr '\0' x)" >"$work/boom.log"
run parse "$work/boom.log"
[ "${#out}" -lt 1200 ] && grep -q kaboom <<<"$out"
check "max-line-bytes: 300 from the file cuts the 2000-byte line (got ${#out} bytes)" $?
run parse --max-line-bytes 4096 "$work/boom.log"
[ "${#out}" -gt 2000 ]
check "--max-line-bytes wins over the file" $?

# A bad file stops every command with exit 2 and names file:line:col, all problems at once.
printf 'colour: never\nfail-on: loud\n' >"$config"
for command in "analyze --no-db $negative" "parse $negative" "rules list" "history" "config show"; do
  run $command
  [ "$code" -eq 2 ] && grep -qF "$config:1:1: error: unknown key 'colour' (did you mean 'color'?)" <<<"$err" &&
    grep -qF "$config:2:10: error: 'fail-on' is 'loud'" <<<"$err" && [ -z "$out" ]
  check "a bad config stops 'logdx $command' with exit 2 and both positions (got $code: $err)" $?
done
run config path
check "config path still works with a bad file (got $code)" "$code"
run --no-config analyze --no-db "$negative"
check "--no-config ignores the file (got $code)" "$code"

# Which file: --config (also after the command), LOGDX_CONFIG; a named file must exist.
printf 'fail-on: info\n' >"$work/ci.yaml"
run analyze --no-db --config "$work/ci.yaml" "$negative"
[ "$code" -eq 1 ]
check "--config after the command reads that file (got $code)" $?
LOGDX_CONFIG="$work/ci.yaml" "$logdx" config path >"$work/out"
[ "$(cat "$work/out")" = "$work/ci.yaml" ]
check "LOGDX_CONFIG names the file" $?
run --config "$work/missing.yaml" parse "$negative"
[ "$code" -eq 2 ] && grep -qF "$work/missing.yaml: error: cannot read the configuration file (named by --config)" <<<"$err"
check "a missing --config file is an error: $err" $?

# --version: the pack digest is the rules_version a run with only the pack records, and the
# schemas are the ones the outputs carry.
rm -f "$config"
run --version
[ "$code" -eq 0 ] && [ "$(wc -l <<<"$out")" -eq 3 ]
check "--version prints three lines" $?
digest="$(sed -nE 's/.*digest (xxh3:[0-9a-f]{16})$/\1/p' <<<"$out")"
rules="$(sed -nE 's/^rule pack: ([0-9]+) rules.*/\1/p' <<<"$out")"
"$logdx" analyze --no-user-rules --db "$work/v.db" "$negative" >/dev/null
recorded="$("$logdx" query --db "$work/v.db" -o json "SELECT rules_version FROM runs" |
  python3 -c 'import json,sys; d=json.load(sys.stdin); print(d["rows"][0][0] if "rows" in d else d)')"
[ -n "$digest" ] && [ "$digest" = "$recorded" ]
check "--version's pack digest ($digest) is the run's rules_version ($recorded)" $?
[ "$rules rules" = "$("$logdx" rules list --no-user-rules | tail -1)" ]
check "--version counts the rules rules list shows ($rules)" $?
schema="$("$logdx" analyze --no-db -o json "$negative" | python3 -c 'import json,sys; print(json.load(sys.stdin)["schema"])')"
grep -qF "analysis JSON $schema," <<<"$out"
check "--version names the analysis schema analyze writes ($schema)" $?
finish
