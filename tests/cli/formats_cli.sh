#!/usr/bin/env bash
# Declared line formats (docs/rules.md "Formats") through the real binary: a format in the user
# rules folder changes what `parse` and `detect` make of a line and lets `analyze` see the
# wrapped program's message; `--rules` formats reach `analyze`; a format whose sample fails is
# left out with file:line and the rest still runs; a time-only stamp is kept as written and
# never placed on a clock.
# usage: formats_cli.sh LOGDX
set -uo pipefail
logdx="$1"
# shellcheck source=lib.sh
source "$(dirname "$0")/lib.sh"
new_work
scratch_home  # also keeps the user's history out of reach: analyze records every run
mkdir -p "$XDG_CONFIG_HOME/logdx/rules"

# A made-up supervisor's prefix no built-in grammar knows: `<<name>> YYYY-MM-DD HH:MM:SS | `.
cat >"$work/wrapped.log" <<'LOG'
<<acme>> 2026-03-05 08:20:25 | gw | Error: listen EADDRINUSE: address already in use 127.0.0.1:18789
<<acme>> 2026-03-05 08:20:26 | gw | [gateway] listening on ws://127.0.0.1:18789
LOG
cat >"$work/acme.yaml" <<'YAML'
logdx_rules: 1
formats:
  - id: acme-supervisor
    description: "a supervisor's prefix: <<name>> time | app | text"
    regex: '<<(?P<host>[a-z]+)>> (?P<time>\d{4}-\d\d-\d\d \d\d:\d\d:\d\d) \| (?P<app>[\w.-]+) \| (?P<message>.*)'
    time_format: '%Y-%m-%d %H:%M:%S'
    samples:
      - "<<acme>> 2026-03-05 08:20:25 | gw | started"
YAML

# 1. Without the format, no parser of that name reads the line.
run parse "$work/wrapped.log"
check "no format: parse exits 0 (got $code)" $([ "$code" -eq 0 ]; echo $?)
check "no format: not read by it" $(! has '"parser":"acme-supervisor"' "$out"; echo $?)

# 2. In the user rules folder: parse reads time, host, app and the message behind the prefix.
cp "$work/acme.yaml" "$XDG_CONFIG_HOME/logdx/rules/"
run parse "$work/wrapped.log"
first="$(head -n 1 <<<"$out")"
check "user format: parse exits 0 (got $code)" $([ "$code" -eq 0 ]; echo $?)
check "user format: the parser is the format" $(has '"parser":"acme-supervisor"' "$first"; echo $?)
check "user format: the host group" $(has '"host":"acme"' "$first"; echo $?)
check "user format: the app group" $(has '"app":"gw"' "$first"; echo $?)
check "user format: the time is placed" $(has '"time":"2026-03-05T08:20:25' "$first"; echo $?)
check "user format: the message behind the prefix" \
  $(has '"message":"Error: listen EADDRINUSE: address already in use 127.0.0.1:18789"' "$first"; echo $?)

# 3. detect names it as the input's format.
run detect "$work/wrapped.log"
check "user format: detect names it" $(has "acme-supervisor" "$out"; echo $?)

# 4. analyze without the user folder but with --rules: the format reaches analyze too.
rm "$XDG_CONFIG_HOME/logdx/rules/acme.yaml"
run analyze --no-db -o json --rules "$work/acme.yaml" "$work/wrapped.log"
check "--rules format: analyze finds the port conflict (exit $code)" \
  $(has '"cause": "port_conflict"' "$out" || has '"cause":"port_conflict"' "$out"; echo $?)

# 5. A format whose sample its regex does not read: left out, file:line on stderr, the other
#    formats and parsers still run.
cat >"$XDG_CONFIG_HOME/logdx/rules/broken.yaml" <<'YAML'
logdx_rules: 1
formats:
  - id: broken-format
    regex: '== (?P<message>.*)'
    samples:
      - "-- this sample does not match"
YAML
cp "$work/acme.yaml" "$XDG_CONFIG_HOME/logdx/rules/"
run parse "$work/wrapped.log"
check "broken format: parse still exits 0 (got $code)" $([ "$code" -eq 0 ]; echo $?)
check "broken format: file:line on stderr" $(grep -qE 'broken\.yaml:[0-9]+' <<<"$err"; echo $?)
check "broken format: the good one still reads" $(has '"parser":"acme-supervisor"' "$out"; echo $?)
rm "$XDG_CONFIG_HOME/logdx/rules/broken.yaml"

# 6. A time-only stamp (the pack's procfile-runner format: foreman/forego/honcho) is kept as
#    written and never given a date.
printf '16:16:18 web.1  | Error: listen EADDRINUSE: address already in use :::5000\n' >"$work/procfile.log"
run parse "$work/procfile.log"
check "time-only: read by procfile-runner" $(has '"parser":"procfile-runner"' "$out"; echo $?)
check "time-only: kept as written" $(has '"time_text":"16:16:18"' "$out"; echo $?)
check "time-only: not placed on a clock" $(! has '"time":' "$out"; echo $?)

# 7. The pack's host-tag format takes a bracketed IPv4 address or a host name whose last label
#    is a name ("[app1.example.com] "), not s6-overlay's stage tags ("[cont-init.d] ",
#    "[services.d] ") that a container's log shows behind its compose prefix.
printf 'readsb    | [cont-init.d] executing container initialization scripts...\n[services.d] done.\n[app1.example.com] Error: listen EADDRINUSE :::80\n' >"$work/s6.log"
run parse "$work/s6.log"
check "host-tag: s6 stage tag is no host" $(! has '"host":"cont-init.d"' "$out"; echo $?)
check "host-tag: s6 services.d is no host" $(! has '"host":"services.d"' "$out"; echo $?)
check "host-tag: a host name still is" $(has '"host":"app1.example.com"' "$out"; echo $?)

# 8. The pack's node-red format (Node-RED's util.log stamp, @node-red/util lib/log.js): the
#    time and level go into the event, the "[level] " stays in the message where the Node-RED
#    rules read it; the same line quoted in Markdown is read the same; a line cut inside its
#    stamp is no Node-RED line.
printf '6 Mar 15:16:34 - [info] Node-RED version: v3.1.9\n> 12 Jan 09:00:01 - [error] Error: port in use\n6 Mar 15:1\n' >"$work/node-red.log"
run parse "$work/node-red.log"
check "node-red: read by its format" $(has '"parser":"node-red","time":"' "$out"; echo $?)
check "node-red: level taken" $(has '"level":"error","message":"[error] Error: port in use"' "$out"; echo $?)
check "node-red: a cut stamp is plain" $(has '"parser":"plain","source":"other","message":"6 Mar 15:1"' "$out"; echo $?)
run analyze --no-db "$work/node-red.log"
check "node-red: the port rule still reads it" $(has 'port in use' "$out"; echo $?)

# 9. Caddy 0.x's errors about a site ("[domain.com] failed to get certificate: ...",
#    caddytls/client.go), alone or behind Go's log stamp, keep the site in the message and set
#    no host: the pack's host-tag format says `unless` for that wording.
printf '2015/12/30 07:54:53 [domain.com] failed to get certificate: The server could not validate our request.\n[www.domain.com] failed to get certificate: The server could not validate our request.\n' >"$work/caddy0.log"
run parse "$work/caddy0.log"
check "caddy 0.x site: no host" $(! has '"host":' "$out"; echo $?)
check "caddy 0.x site: the site stays in the message" \
  $(has '"message":"[www.domain.com] failed to get certificate:' "$out"; echo $?)

finish
