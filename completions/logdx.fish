# fish completion for logdx. Installed as /usr/share/fish/vendor_completions.d/logdx.fish.
# Rule ids, causes and parser names are asked from logdx itself.

set -l commands analyze parse detect rules incidents history query config

function __logdx_path_is --description 'true when the command line is `logdx <words...>`'
    set -l words (commandline -opc)
    set -e words[1]
    set -l found
    set -l skip 0
    for w in $words
        if test $skip -eq 1
            set skip 0
            continue
        end
        switch $w
            case --config --parser --year --max-line-bytes --rules -o --output --fail-on --color --db --db-timeout --since --cause --rule --limit --older-than --top --context
                set skip 1
            case '-*'
            case '*'
                set -a found $w
        end
    end
    test (count $argv) -le (count $found); or return 1
    for i in (seq (count $argv))
        test "$argv[$i]" = "$found[$i]"; or return 1
    end
end

function __logdx_rule_column
    logdx rules list 2>/dev/null | awk -v n=$argv[1] 'NR > 1 { print $n }' | sort -u
end

function __logdx_parsers
    logdx parse --no-config --parser '?' </dev/null 2>&1 | string replace -rf '.*known parsers: ' '' | string split ' '
end

# Global options, before or after the command.
complete -c logdx -s h -l help -d 'print the help, with examples'
complete -c logdx -s V -l version -n "not __fish_seen_subcommand_from $commands" -d 'print the versions'
complete -c logdx -l config -r -F -d 'read this configuration file'
complete -c logdx -l no-config -d 'read no configuration file'

complete -c logdx -f -n "not __fish_seen_subcommand_from $commands" -a analyze -d 'ranked root causes with proof and fixes'
complete -c logdx -f -n "not __fish_seen_subcommand_from $commands" -a parse -d 'the events of the inputs, as JSON lines'
complete -c logdx -f -n "not __fish_seen_subcommand_from $commands" -a detect -d 'which parser each input gets, and why'
complete -c logdx -f -n "not __fish_seen_subcommand_from $commands" -a rules -d 'list, show, check and test rules'
complete -c logdx -f -n "not __fish_seen_subcommand_from $commands" -a incidents -d 'past incidents from the history'
complete -c logdx -f -n "not __fish_seen_subcommand_from $commands" -a history -d 'past analyze runs'
complete -c logdx -f -n "not __fish_seen_subcommand_from $commands" -a query -d 'read-only SQL on the history'
complete -c logdx -f -n "not __fish_seen_subcommand_from $commands" -a config -d 'the configuration and its values'

# Input options: analyze, parse, detect.
set -l reads '__fish_seen_subcommand_from analyze parse detect'
complete -c logdx -n $reads -l parser -x -a '(__logdx_parsers)' -d 'force an envelope parser'
complete -c logdx -n $reads -l year -x -d 'year for timestamps that have none'
complete -c logdx -n $reads -l max-line-bytes -x -d 'cut longer lines'
complete -c logdx -n $reads -l journal -d 'read the systemd journal (sd-journal)'
complete -c logdx -n $reads -s u -l unit -x -d 'with --journal: only this unit, plus the kernel'
complete -c logdx -n $reads -l journal-dir -x -a '(__fish_complete_directories)' -d 'journal files in this folder'
complete -c logdx -n $reads -l journal-file -r -F -d 'a journal file'

# Rule options: analyze, rules list|show|lint|test.
set -l loads_rules '__logdx_path_is analyze; or __logdx_path_is rules list; or __logdx_path_is rules show; or __logdx_path_is rules lint; or __logdx_path_is rules test'
complete -c logdx -n $loads_rules -l rules -r -F -d 'a rule file or folder after the pack'
complete -c logdx -n $loads_rules -l no-builtin-rules -d 'do not load the built-in pack'
complete -c logdx -n $loads_rules -l no-user-rules -d 'skip the user and configured rules'
complete -c logdx -n $loads_rules -l max-rule-file-bytes -x -d 'refuse larger rule files'

# History options.
set -l uses_db '__fish_seen_subcommand_from analyze incidents history query; or __logdx_path_is config show'
complete -c logdx -n $uses_db -l db -r -F -d 'the history database'
complete -c logdx -n '__fish_seen_subcommand_from analyze incidents history query' -l db-timeout -x -d 'ms to wait for another writer'

# -o / --output.
set -l has_output '__fish_seen_subcommand_from detect query incidents; or __logdx_path_is history; and not __logdx_path_is history prune; or __logdx_path_is rules list; or __logdx_path_is rules lint'
complete -c logdx -n $has_output -s o -l output -x -a 'text json' -d 'output format'
complete -c logdx -n $has_output -l json -d 'the same as -o json'
complete -c logdx -n '__fish_seen_subcommand_from analyze' -s o -l output -x -a 'text json markdown sarif' -d 'output format'

# analyze (and config show, which takes the configurable options).
set -l configurable '__fish_seen_subcommand_from analyze; or __logdx_path_is config show'
complete -c logdx -n $configurable -l fail-on -x -a 'info warning error critical' -d 'exit 1 at or above this'
complete -c logdx -n $configurable -l color -x -a 'auto always never' -d 'colour'
complete -c logdx -n '__logdx_path_is config show' -l rules -r -F -d 'a rule file or folder'
complete -c logdx -n '__logdx_path_is config show' -l no-user-rules -d 'leave out the configured rules'
complete -c logdx -n '__logdx_path_is config show' -l max-line-bytes -x -d 'cut longer lines'
complete -c logdx -n '__fish_seen_subcommand_from analyze' -l no-db -d 'do not record this run'
complete -c logdx -n '__fish_seen_subcommand_from analyze' -s v -l verbose -d 'print phase timings'
complete -c logdx -n '__fish_seen_subcommand_from analyze' -l no-redact -d 'print secrets as found'
complete -c logdx -n '__fish_seen_subcommand_from analyze' -l timeline -d 'key events in time order'
complete -c logdx -n '__fish_seen_subcommand_from analyze' -l since -x -d 'from this time (ISO-8601, 18:41, today, 1h ago)'
complete -c logdx -n '__fish_seen_subcommand_from analyze' -l until -x -d 'up to this time (ISO-8601, 18:41, today, 1h ago)'
complete -c logdx -n '__fish_seen_subcommand_from analyze' -s f -l follow -d 'keep reading appended lines'
complete -c logdx -n '__fish_seen_subcommand_from analyze' -l json -d 'the same as -o json'
complete -c logdx -n '__fish_seen_subcommand_from analyze' -l brief -d 'one short block per finding'
complete -c logdx -n '__fish_seen_subcommand_from analyze' -l top -x -d 'show only the first N findings'
complete -c logdx -n '__fish_seen_subcommand_from analyze' -l context -x -d 'raw lines around each evidence line'
complete -c logdx -n '__fish_seen_subcommand_from analyze' -s j -l jobs -x -d 'inputs read in parallel'
complete -c logdx -n '__fish_seen_subcommand_from analyze' -l no-prefilter -d 'RE2 only, no Hyperscan'
complete -c logdx -n '__fish_seen_subcommand_from analyze' -s q -l quiet -d 'no report, the exit status only'
complete -c logdx -n '__fish_seen_subcommand_from analyze' -l no-progress -d 'no progress bar'
complete -c logdx -n '__fish_seen_subcommand_from analyze' -l max-groups -x -d 'correlation groups per rule'
complete -c logdx -n '__fish_seen_subcommand_from analyze' -l max-hits-per-rule -x -d 'lines kept per rule'
complete -c logdx -n '__fish_seen_subcommand_from analyze' -l max-evidence -x -d 'evidence lines per diagnosis'
complete -c logdx -n '__fish_seen_subcommand_from analyze' -l host -d 'check this machine now (read-only)'
complete -c logdx -n '__fish_seen_subcommand_from analyze' -l host-root -x -a '(__fish_complete_directories)' -d 'read /proc under this folder'

# rules
set -l rules_subs list show lint test schema
complete -c logdx -f -n "__logdx_path_is rules; and not __fish_seen_subcommand_from $rules_subs" -a "$rules_subs"
complete -c logdx -f -n '__logdx_path_is rules show' -a '(__logdx_rule_column 1)' -d 'rule id'

# incidents, history, config
complete -c logdx -f -n '__logdx_path_is incidents; and not __fish_seen_subcommand_from show' -a show -d 'every run that saw one incident'
complete -c logdx -n '__logdx_path_is incidents; and not __fish_seen_subcommand_from show' -l since -x -d 'seen since (ISO-8601, 2h, 7d)'
complete -c logdx -n '__logdx_path_is incidents; and not __fish_seen_subcommand_from show' -l cause -x -a '(__logdx_rule_column 2)' -d 'only this cause'
complete -c logdx -n '__logdx_path_is incidents; and not __fish_seen_subcommand_from show' -l rule -x -a '(__logdx_rule_column 1)' -d 'only this rule'
complete -c logdx -n '__logdx_path_is incidents; and not __fish_seen_subcommand_from show' -l host -x -d 'only this host of a fleet'
complete -c logdx -f -n '__logdx_path_is history; and not __fish_seen_subcommand_from prune' -a prune -d 'forget old runs'
complete -c logdx -n '__logdx_path_is history; and not __fish_seen_subcommand_from prune' -l since -x -d 'runs since (ISO-8601, 2h, 7d)'
complete -c logdx -n '__logdx_path_is history; and not __fish_seen_subcommand_from prune' -l limit -x -d 'at most this many runs'
complete -c logdx -n '__logdx_path_is history prune' -l older-than -x -a '30d 90d 365d' -d 'forget runs older than this'
complete -c logdx -n '__logdx_path_is history prune' -l dry-run -d 'count, change nothing'
complete -c logdx -f -n '__logdx_path_is config; and not __fish_seen_subcommand_from show path' -a 'show path'
complete -c logdx -f -n '__logdx_path_is query'
