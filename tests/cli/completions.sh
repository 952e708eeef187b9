#!/usr/bin/env bash
# The shell completions load, and offer what `logdx --help` says: every command, every long
# option of every command and subcommand, the values of options with a fixed set ({a,b} in the
# help), and rule ids from `logdx rules list`. bash is checked in depth (its completion
# function is called directly); zsh and fish are loaded, and fish asked for completions.
# Usage: completions.sh path/to/logdx path/to/completions/
set -uo pipefail
logdx="$1"
dir="$2"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
. "$(dirname "$0")/lib.sh"

# The completions call `logdx` by name: the binary under test comes first on PATH.
mkdir -p "$work/bin"
ln -s "$(cd "$(dirname "$logdx")" && pwd)/$(basename "$logdx")" "$work/bin/logdx"
export PATH="$work/bin:$PATH"

subcommands() {
  logdx "$@" --help | awk '/^Subcommands:/{on=1; next} /^$/{on=0} on && /^  [a-z]/{print $1}'
}

# --- bash --------------------------------------------------------------------------------
. "$dir/logdx.bash"
grep -q -- '-F _logdx' <<<"$(complete -p logdx)"
check "bash: 'complete -p logdx' names _logdx" $?

complete_bash() {  # complete_bash "logdx words... cur": prints the candidates, one a line
  local line="$1"
  read -ra COMP_WORDS <<<"$line"
  [[ $line == *" " ]] && COMP_WORDS+=("")
  COMP_CWORD=$((${#COMP_WORDS[@]} - 1))
  COMPREPLY=()
  _logdx
  printf '%s\n' "${COMPREPLY[@]}"
}

check_bash_command() {  # check_bash_command WORDS...: options and option values of one command
  local help option set values expected
  help="$(logdx "$@" --help)"
  local offered
  offered="$(complete_bash "logdx $* --")"
  for option in $(grep -oE '^  +(-[A-Za-z],)?--[a-z0-9-]+' <<<"$help" | grep -oE -- '--[a-z0-9-]+'); do
    grep -qxF -- "$option" <<<"$offered"
    check "bash offers $option after 'logdx $*'" $?
  done
  # Options whose help shows a fixed set: TEXT:{a,b,c}.
  while read -r option set; do
    expected="$(tr ',' '\n' <<<"$set" | sort)"
    values="$(complete_bash "logdx $* $option " | sort)"
    [ "$values" = "$expected" ]
    check "bash offers exactly {$set} after 'logdx $* $option' (got: ${values//$'\n'/ })" $?
  done < <(sed -nE 's/^  +(-[A-Za-z],)?(--[a-z0-9-]+) [A-Z]+:\{([a-z,]+)\}.*/\2 \3/p' <<<"$help")
}

[ "$(complete_bash "logdx " | sort)" = "$(subcommands | sort)" ]
check "bash offers every command" $?
check_bash_command
for command in $(subcommands); do
  check_bash_command "$command"
  subs="$(subcommands "$command")"
  if [ -n "$subs" ]; then
    [ "$(complete_bash "logdx $command " | sort)" = "$(sort <<<"$subs")" ]
    check "bash offers the subcommands of $command" $?
  fi
  for sub in $subs; do check_bash_command "$command" "$sub"; done
done

complete_bash "logdx rules show gateway-port-i" | grep -x >/dev/null 'gateway-port-in-use'
check "bash completes rule ids for 'rules show'" $?
complete_bash "logdx --config x.yaml ana" | grep -x >/dev/null 'analyze'
check "bash skips an option's value when finding the command" $?
complete_bash "logdx analyze --parser pm2-l" | grep -x >/dev/null 'pm2-logs'
check "bash completes parser names" $?
complete_bash "logdx incidents --cause port_c" | grep -x >/dev/null 'port_conflict'
check "bash completes causes" $?
# The check can fail: an option no help lists is not offered.
! complete_bash "logdx parse --" | grep -x >/dev/null -- '--fail-on'
check "bash does not offer analyze's --fail-on to parse" $?

# --- zsh ---------------------------------------------------------------------------------
if command -v zsh >/dev/null; then
  zsh -n "$dir/_logdx"
  check "zsh: _logdx parses" $?
  out="$(ZDOTDIR="$work" zsh -fc "fpath=('$dir' \$fpath); autoload -Uz compinit; compinit -u -d '$work/zcompdump'; \
    autoload +X _logdx && print -r -- \"\${_comps[logdx]}\"" 2>&1)"
  [ "$out" = "_logdx" ]
  check "zsh: compinit binds logdx to _logdx and the function loads (got: $out)" $?
else
  echo "note: zsh is not installed; its completion was not loaded"
fi

# --- fish --------------------------------------------------------------------------------
if command -v fish >/dev/null; then
  fish -n "$dir/logdx.fish"
  check "fish: logdx.fish parses" $?
  complete_fish() { fish -c "source '$dir/logdx.fish'; complete -C'$1'" 2>&1 | cut -f1; }
  [ "$(complete_fish "logdx " | grep -vE '^-' | sort)" = "$(subcommands | sort)" ]
  check "fish offers every command" $?
  [ "$(complete_fish "logdx analyze --fail-on " | sort | tr '\n' ' ')" = "critical error info warning " ]
  check "fish offers the --fail-on levels" $?
  complete_fish "logdx rules show gateway-port-i" | grep -x >/dev/null 'gateway-port-in-use'
  check "fish completes rule ids for 'rules show'" $?
  complete_fish "logdx history prune --" | grep -x >/dev/null -- '--older-than'
  check "fish offers prune's --older-than" $?
  check_fish_command() {  # every long option of one command's help is offered
    local offered option
    offered="$(complete_fish "logdx $* --")"
    for option in $(logdx "$@" --help | grep -oE '^  +(-[A-Za-z],)?--[a-z0-9-]+' | grep -oE -- '--[a-z0-9-]+'); do
      grep -qxF -- "$option" <<<"$offered"
      check "fish offers $option after 'logdx $*'" $?
    done
  }
  for command in $(subcommands); do
    check_fish_command "$command"
    for sub in $(subcommands "$command"); do check_fish_command "$command" "$sub"; done
  done
else
  echo "note: fish is not installed; its completion was not loaded"
fi
finish
