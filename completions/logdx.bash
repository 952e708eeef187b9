# bash completion for logdx                                        -*- shell-script -*-
# Installed as /usr/share/bash-completion/completions/logdx; or `source` this file.
# Needs nothing from the bash-completion package. Rule ids, causes and parser names are asked
# from logdx itself, so they follow the rule pack (and the user's own rules).
# tests/cli/completions.sh checks that every option `logdx <command> --help` lists is offered.

_logdx_options() {  # the options of "command" or "command sub"
  local global="-h --help --config --no-config"
  local input="--parser --year --max-line-bytes --journal -u --unit --journal-dir --journal-file"
  local rules="--rules --no-builtin-rules --no-user-rules --max-rule-file-bytes"
  local db="--db --db-timeout"
  case "$1" in
    "") echo "$global -V --version" ;;
    analyze) echo "$global $input $rules -o --output --fail-on --color $db --no-db -v --verbose --no-redact --timeline --since --until -f --follow --host --host-root -j --jobs --no-prefilter -q --quiet --no-progress --json --brief --top --context --max-groups --max-hits-per-rule --max-evidence" ;;
    parse) echo "$global $input" ;;
    detect) echo "$global $input -o --output --json" ;;
    "rules list" | "rules lint") echo "$global $rules -o --output --json" ;;
    "rules show" | "rules test") echo "$global $rules" ;;
    incidents) echo "$global $db --since --cause --rule --host -o --output --json" ;;
    "incidents show") echo "$global $db -o --output --json" ;;
    history) echo "$global $db --since --limit -o --output --json" ;;
    "history prune") echo "$global $db --older-than --dry-run" ;;
    query) echo "$global $db -o --output --json" ;;
    "config show") echo "$global --rules --no-user-rules --db --color --fail-on --max-line-bytes" ;;
    *) echo "$global" ;;
  esac
}

_logdx_subcommands() {
  case "$1" in
    "") echo "analyze parse detect rules incidents history query config" ;;
    rules) echo "list show lint test schema" ;;
    incidents) echo "show" ;;
    history) echo "prune" ;;
    config) echo "show path" ;;
  esac
}

# Options followed by a value (the value is not a command word).
_logdx_takes_value() {
  case "$1" in
    --config | --parser | --year | --max-line-bytes | --rules | -o | --output | --fail-on | \
      --color | --db | --db-timeout | --since | --cause | --rule | --limit | --older-than | \
      -u | --unit | --journal-dir | --journal-file | --until | --host-root | -j | --jobs | \
      --max-rule-file-bytes | --max-groups | --max-hits-per-rule | --max-evidence | --top | \
      --context)
      return 0 ;;
  esac
  return 1
}

_logdx_rule_column() {  # _logdx_rule_column N: column N of `logdx rules list`, no header
  "${COMP_WORDS[0]}" rules list 2>/dev/null | awk -v n="$1" 'NR > 1 { print $n }' | sort -u
}

_logdx() {
  local cur="${COMP_WORDS[COMP_CWORD]}" prev="${COMP_WORDS[COMP_CWORD - 1]}"
  local command="" sub="" word i
  for ((i = 1; i < COMP_CWORD; i++)); do
    word="${COMP_WORDS[i]}"
    if _logdx_takes_value "$word"; then
      ((i++))
    elif [[ $word != -* ]]; then
      if [[ -z $command ]]; then
        command="$word"
      elif [[ -z $sub && " $(_logdx_subcommands "$command") " == *" $word "* ]]; then
        sub="$word"
      fi
    fi
  done
  local path="$command${sub:+ $sub}"

  case "$prev" in
    -o | --output)
      local formats="text json"
      [ "$path" = analyze ] && formats="text json markdown sarif"
      mapfile -t COMPREPLY < <(compgen -W "$formats" -- "$cur")
      return ;;
    --fail-on)
      mapfile -t COMPREPLY < <(compgen -W "info warning error critical" -- "$cur")
      return ;;
    --color)
      mapfile -t COMPREPLY < <(compgen -W "auto always never" -- "$cur")
      return ;;
    --parser)
      local names
      names=$("${COMP_WORDS[0]}" parse --no-config --parser '?' </dev/null 2>&1 |
        sed -n 's/.*known parsers: //p')
      mapfile -t COMPREPLY < <(compgen -W "$names" -- "$cur")
      return ;;
    --rule)
      mapfile -t COMPREPLY < <(compgen -W "$(_logdx_rule_column 1)" -- "$cur")
      return ;;
    --cause)
      mapfile -t COMPREPLY < <(compgen -W "$(_logdx_rule_column 2)" -- "$cur")
      return ;;
    --since | --older-than)
      mapfile -t COMPREPLY < <(compgen -W "1h 24h 7d 30d 90d" -- "$cur")
      return ;;
    --config | --db | --rules)
      mapfile -t COMPREPLY < <(compgen -f -- "$cur")
      return ;;
    --year | --max-line-bytes | --db-timeout | --limit)
      return ;;
  esac

  if [[ $cur == -* ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$(_logdx_options "$path")" -- "$cur")
    return
  fi
  local subs
  subs=$(_logdx_subcommands "$command")
  if [[ -z $command || (-n $subs && -z $sub) ]]; then
    mapfile -t COMPREPLY < <(compgen -W "$subs" -- "$cur")
    # `incidents` and `history` run without a subcommand too: nothing else to offer.
    return
  fi
  case "$path" in
    "rules show") mapfile -t COMPREPLY < <(compgen -W "$(_logdx_rule_column 1)" -- "$cur") ;;
    analyze | parse | detect | "rules lint" | "rules test")
      mapfile -t COMPREPLY < <(compgen -f -- "$cur") ;;
  esac
}

complete -o filenames -o bashdefault -F _logdx logdx
