#!/usr/bin/env python3
"""Envelope ablation: does the diagnosis survive when the same evidence line is pasted differently?

usage: ablation.py LOGDX CASE_DIR_OR_PARENT... [--known-limits FILE] [--write-known-limits]
                   [--rules DIR] [--jobs N] [--only-case SUBSTRING] [--results-json FILE] [-v]

Why: people paste one or two lines, strip or lose the envelope (journal prefix, pm2 or compose
columns, a desktop wrapper's `[time] [LEVEL]`), quote them in Markdown, or copy them from a tool
that prints time differently. A rule that only fires on the exact envelope of our corpus misses
all of these (issue 12). So, for every non-negative case (expected.yaml root_cause != none) in the
given folders, each expected evidence line is analysed on its own through stdin
(`logdx analyze -o json --no-db --no-user-rules`) in these forms:

  a        the line alone, as a one-line paste;
  b        the bare message: the shorter of `logdx parse`'s innermost `message` and a regex
           stripper of common prefixes (syslog/journal, ISO stamps, `[time] [LEVEL]`, dmesg,
           nginx/Caddy error-log heads, pm2 and docker-compose columns), among those that differ
           from the line (n/a when neither does);
  c-quote  the line after a Markdown quote marker `> `;
  c-fence  the line inside a ``` fence;
  d        the line's outermost timestamp rewritten to another valid form (`Z` <-> `+00:00`,
           journal short-iso -> syslog `Mon DD HH:MM:SS` without a year, syslog -> short-iso,
           JSON time <-> epoch, dmesg -T -> dmesg iso); a line without a dated timestamp gets an
           ISO one prepended.

A form passes when the case's root cause is among the diagnoses (anywhere in the tree, folded
ones included) at severity warning or above. The script prints the pass rate per form and
overall, then every failure (case, form, evidence line number, what was found instead).

Known limits: FILE (default ablation_known_limits.txt next to this script) holds
`case-name<TAB>form<TAB>why` lines ('#' comments). `form` is a form name (every evidence line of
the case in that form), `form:N` (evidence line N only, 1-based), `*` (every form of every line)
or `*:N` (every form of line N); the most specific entry covers a failure. A covered failure is
reported as XFAIL; an entry that covers no failure any more is reported as XPASS (remove it).
A broad entry whose lines pass in part is not reported: --write-known-limits narrows it. Exit 0
when every failure is covered, 1 otherwise (2 on a usage or logdx error).

--write-known-limits rewrites FILE from this run with the fewest entries that cover exactly the
failures, grouped by why: a failure keeps the why of the entry that covered it, a new one gets
`TODO why`; entries that cover nothing are dropped. Exit 0 after writing.
"""
import argparse
import calendar
import concurrent.futures
import datetime
import json
import os
import re
import subprocess
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from corpus_cases import (  # noqa: E402
    SEVERITY_ORDER, case_dirs, case_name, read_expected, read_tab_list, walk)

FORMS = ["a", "b", "c-quote", "c-fence", "d"]
FORM_TITLES = {
    "a": "a  alone",
    "b": "b  bare message",
    "c-quote": "c  Markdown quote",
    "c-fence": "c  Markdown fence",
    "d": "d  timestamp rewritten",
}
TODO_WHY = "TODO why"
MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
# The year given to stamps that have none (syslog): any fixed year is as valid as another.
DEFAULT_YEAR = 2026


# ---- cases --------------------------------------------------------------------------------

def evidence_items(paths):
    """(case name, 1-based line number, evidence line, root cause) of every non-negative case."""
    items = []
    for case_dir in case_dirs(paths):
        expected = read_expected(case_dir)
        root = expected.get("root_cause")
        if not root or root == "none":
            continue
        name = case_name(case_dir)
        for number, line in enumerate(expected.get("evidence") or [], start=1):
            items.append((name, number, str(line), root))
    return items


# ---- form b: the bare message ----------------------------------------------------------------

ANSI = re.compile(r"\x1b\[[0-9;]*[A-Za-z]")
_MON = r"[A-Za-zéû]{3,5}\.?"
_ISO = (r"\d{4}-\d\d-\d\d[T -]\d\d:\d\d(?::\d\d(?:[.,]\d+)?)?"
        r"(?: ?(?:Z|[+-]\d\d:?\d\d))?")
# syslog/journal `host proc[pid]: ` (host optional), also `(proc)[pid]` and `kernel:`
_HOST_PROC = r"(?:[\w.-]+ )?(?:[\w.@/()-]+\[\d+\]|\([\w.@-]+\)\[\d+\]|kernel|[\w.@-]+):"
PREFIXES = [
    # syslog / journal short: `Mar  5 08:20:25 host proc[pid]: `
    re.compile(_MON + r" +\d{1,2} \d\d:\d\d:\d\d(?:\.\d+)? " + _HOST_PROC + r" "),
    # journal short-iso and rsyslog RFC 3339: `2026-03-05T08:20:25+0000 host proc[pid]: `
    re.compile(_ISO + r" (?:[\w.-]+ )(?:[\w.@/()-]+\[\d+\]|\([\w.@-]+\)\[\d+\]|kernel): "),
    # nginx error log head: `2016/12/15 16:11:55 [error] 5#5: *1 `
    re.compile(r"\d{4}/\d\d/\d\d \d\d:\d\d:\d\d \[\w+\] \d+#\d+: (?:\*\d+ )?"),
    # Caddy/zap console: `2026/08/21 06:13:13.746\tERROR\thttp.log.error\t`
    re.compile(r"\d{4}/\d\d/\d\d \d\d:\d\d:\d\d(?:\.\d+)?\t\w+\t[\w.]+\t"),
    # a bare ISO stamp (pm2 `2026-11-25T05:06:45: `, docker -t, openclaw console)
    re.compile(_ISO + r":? +"),
    # `[time] [LEVEL] [Wrapper stderr] ` (desktop wrappers, dmesg -T, `[07:30:57] `)
    re.compile(r"\[[^\]\n]*\d\d:\d\d[^\]\n]*\] *(?:\[(?:[A-Za-z]+)\] *)?"
               r"(?:\[[\w .-]+ (?:stderr|stdout)\] *)?"),
    # dmesg monotonic `[219040.172143] `
    re.compile(r"\[ *\d+\.\d+\] "),
    # a bare clock `20:51:06  `
    re.compile(r"\d\d:\d\d:\d\d +"),
    # pm2 logs columns `0|openclaw-gateway  | ` and `PM2        | `
    re.compile(r"(?:\d+\|[\w.@-]+|PM2) *\| ?"),
    # pm2 daemon log
    re.compile(r"PM2 log: "),
    # docker compose service column `openclaw-gateway-1  | `
    re.compile(r"[\w.-]+ +\| "),
]


def strip_prefixes(line):
    """Peel known prefixes off the front of the line, repeatedly."""
    text = ANSI.sub("", line)
    changed = True
    while changed:
        changed = False
        for pattern in PREFIXES:
            m = pattern.match(text)
            if m and m.end() < len(text):
                text = text[m.end():]
                changed = True
                break
    return text


def bare_form(line, parsed_message):
    candidates = [c for c in (parsed_message, strip_prefixes(line))
                  if c and c.strip() and c != line]
    return min(candidates, key=len) if candidates else None


def parse_messages(logdx, lines):
    """logdx parse of each line as its own input (one process): the innermost message."""
    messages = [None] * len(lines)
    with tempfile.TemporaryDirectory(prefix="logdx-ablation-") as tmp:
        paths = []
        for i, line in enumerate(lines):
            path = os.path.join(tmp, f"{i}.log")
            with open(path, "w", encoding="utf-8") as f:
                f.write(line + "\n")
            paths.append(path)
        proc = subprocess.run([logdx, "parse", *paths], stdout=subprocess.PIPE,
                              stderr=subprocess.PIPE, timeout=300)
        if proc.returncode != 0:
            raise RuntimeError("logdx parse failed: " +
                               proc.stderr.decode(errors="replace").strip()[:300])
        index = {p: i for i, p in enumerate(paths)}
        for raw in proc.stdout.decode(errors="replace").splitlines():
            event = json.loads(raw)
            i = index.get(event.get("input"))
            if i is not None and messages[i] is None:
                messages[i] = event.get("message")
    return messages


# ---- form d: another timestamp form ----------------------------------------------------------

def _epoch_of_iso(text):
    m = re.match(r"(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d):(\d\d)(?:[.,](\d+))?", text)
    y, mo, d, h, mi, s = (int(g) for g in m.groups()[:6])
    frac = m.group(7) or ""
    seconds = calendar.timegm((y, mo, d, h, mi, s, 0, 0, 0))
    return seconds, frac


def _iso_of_epoch(value):
    seconds = float(value) / (1000.0 if len(value.split(".")[0]) >= 13 else 1.0)
    stamp = datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc)
    return stamp.strftime("%Y-%m-%dT%H:%M:%S.") + f"{stamp.microsecond // 1000:03d}Z"


def _swap_zone(m):
    text = m.group(0)
    spaced = m.group("zone") or ""
    body = text[:len(text) - len(spaced)]
    zone = spaced.strip()
    body += spaced[:len(spaced) - len(zone)]  # keep pm2's `YYYY-MM-DD HH:mm:ss Z` space
    if spaced != zone and zone != "Z":  # dayjs `Z` <-> `ZZ` (pm2 log_date_format)
        return body + (zone.replace(":", "") if ":" in zone else zone[:3] + ":" + zone[3:])
    if zone == "Z":
        return body + "+00:00"
    if zone in ("+00:00", "-00:00"):
        return body + "Z"
    if zone and ":" not in zone:
        return body + zone[:3] + ":" + zone[3:]
    if zone:
        return body + zone.replace(":", "")
    return body + "Z"


def _journal_iso_to_syslog(m):
    seconds, _ = _epoch_of_iso(m.group("stamp"))
    t = datetime.datetime.fromtimestamp(seconds, datetime.timezone.utc)
    return f"{MONTHS[t.month - 1]} {t.day:2d} {t:%H:%M:%S} " + m.group("rest")


def _syslog_to_iso(m):
    month = MONTHS.index(m.group("mon").title()) + 1
    return f"{DEFAULT_YEAR}-{month:02d}-{int(m.group('day')):02d}T{m.group('clock')}+0000 "


def _dmesg_t_to_iso(m):
    month = MONTHS.index(m.group("mon")) + 1
    return (f"{m.group('year')}-{month:02d}-{int(m.group('day')):02d}T{m.group('clock')}"
            f",000000+00:00 ")


def _json_time_to_other(m):
    value = m.group("value")
    if value.startswith('"'):
        seconds, frac = _epoch_of_iso(value.strip('"'))
        millis = (frac + "000")[:3]
        if m.group("key") == "time":  # pino: epoch milliseconds
            return f'"time":{seconds}{millis}'
        return f'"{m.group("key")}":{seconds}.{millis}'  # zap: epoch seconds
    return f'"{m.group("key")}":"{_iso_of_epoch(value)}"'


def _pm2_dashed_to_iso(m):
    return m.group(1) + "T" + m.group(2)


_ISO_FULL = (r"\d{4}-\d\d-\d\d[T ]\d\d:\d\d:\d\d(?:[.,]\d+)?"
             r"(?P<zone> ?(?:Z|[+-]\d\d:?\d\d))?")
# (pattern, replacement), tried in order; the first that matches rewrites its first match.
RETIMES = [
    # docker json-file keeps RFC 3339 (`"time":"...Z"`): only the zone form may change
    (re.compile(r'(?<="time":")' + _ISO_FULL + r'(?=")'), _swap_zone, r'^\{"log":'),
    # JSON loggers (pino, bunyan, zap/Caddy): ISO string <-> epoch seconds
    (re.compile(r'"(?P<key>time|ts|timestamp)":(?P<value>"' + _ISO_FULL.replace("?P<zone>", "?:")
                + r'"|\d{13}|\d{10}(?:\.\d+)?)'), _json_time_to_other, None),
    # journal short-iso / RFC 3339 syslog -> classic syslog (no year)
    (re.compile(r"^(?P<stamp>" + _ISO_FULL.replace("?P<zone>", "?:") +
                r") (?P<rest>[\w.-]+ (?:[\w.@/()-]+\[\d+\]|\([\w.@-]+\)\[\d+\]|kernel): )"),
     _journal_iso_to_syslog, None),
    # classic syslog -> journal short-iso (with a year)
    (re.compile(r"^(?P<mon>[A-Z][a-z]{2}) +(?P<day>\d{1,2}) (?P<clock>\d\d:\d\d:\d\d(?:\.\d+)?) "),
     _syslog_to_iso, None),
    # dmesg -T -> dmesg --time-format iso
    (re.compile(r"^\[(?:[A-Z][a-z]{2}) (?P<mon>[A-Z][a-z]{2}) +(?P<day>\d{1,2}) "
                r"(?P<clock>\d\d:\d\d:\d\d) (?P<year>\d{4})\] "), _dmesg_t_to_iso, None),
    # pm2's `YYYY-MM-DD-HH:mm:ss` log_date_format -> ISO
    (re.compile(r"(\d{4}-\d\d-\d\d)-(\d\d:\d\d:\d\d)"), _pm2_dashed_to_iso, None),
    # any other ISO stamp: Z <-> +00:00, +0000 <-> +00:00, none -> Z
    (re.compile(_ISO_FULL), _swap_zone, None),
]
PREPEND_STAMP = "2026-03-05T08:20:25.000Z "


def retime_form(line):
    for pattern, replace, only_if in RETIMES:
        if only_if and not re.search(only_if, line):
            continue
        m = pattern.search(line)
        if m:
            return line[:m.start()] + replace(m) + line[m.end():]
    return PREPEND_STAMP + line


# ---- running logdx ---------------------------------------------------------------------------

def forms_of(line, parsed_message):
    bare = bare_form(line, parsed_message)
    return {
        "a": line,
        "b": bare,
        "c-quote": "> " + line,
        "c-fence": "```\n" + line + "\n```",
        "d": retime_form(line),
    }


def analyze(command, text):
    """The (cause, severity) of every diagnosis logdx makes of TEXT on stdin."""
    proc = subprocess.run(command, input=(text + "\n").encode(), stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, timeout=120)
    if proc.returncode not in (0, 1):
        raise RuntimeError(f"logdx analyze exit {proc.returncode}: "
                           + proc.stderr.decode(errors="replace").strip()[:300])
    result = json.loads(proc.stdout)
    return [(d.get("cause"), d.get("severity")) for d in walk(result.get("diagnoses", []))]


def found(findings, cause):
    return any(c == cause and SEVERITY_ORDER.get(s, 0) >= SEVERITY_ORDER["warning"]
               for c, s in findings)


def describe(findings):
    if not findings:
        return "nothing"
    return ", ".join(f"{c}({s})" for c, s in findings[:4]) + (" ..." if len(findings) > 4 else "")


# ---- known limits ----------------------------------------------------------------------------

ALL_FORMS = "*"


def read_known(path):
    """{(case, form or '*', line number or None): why}."""
    known = {}
    for case, form, why in read_tab_list(path, 3):
        number = None
        if ":" in form:
            form, n = form.split(":", 1)
            number = int(n)
        if form not in FORMS and form != ALL_FORMS:
            raise ValueError(f"{path}: unknown form {form!r} (one of {', '.join(FORMS)}, *)")
        known[(case, form, number)] = why
    return known


def entry_for(known, case, form, number):
    """The known-limits entry that covers this failure, most specific first, or None."""
    for key in ((case, form, number), (case, form, None), (case, ALL_FORMS, number),
                (case, ALL_FORMS, None)):
        if key in known:
            return key
    return None


def entry_name(key):
    _, form, number = key
    return form if number is None else f"{form}:{number}"


def compact_entries(failing, applicable):
    """Fewest entries covering exactly the failures: {(case, form, n): why} -> [(case, form, why)].

    A case whose every line fails every form it has, for one why, is `case *`; a line that fails
    all its forms for one why is `case *:N`; a form that fails on every line for one why is
    `case form`; the rest are `case form:N`."""
    entries = []
    for case in sorted({c for c, _, _ in failing}):
        mine = {(f, n): why for (c, f, n), why in failing.items() if c == case}
        if set(mine) == applicable[case] and len(set(mine.values())) == 1:
            entries.append((case, ALL_FORMS, next(iter(mine.values()))))
            continue
        numbers = sorted({n for _, n in applicable[case]})
        for n in numbers:
            forms = {f for f, m in applicable[case] if m == n}
            whys = {mine.get((f, n)) for f in forms}
            if all((f, n) in mine for f in forms) and len(whys) == 1:
                entries.append((case, f"{ALL_FORMS}:{n}", whys.pop()))
                for f in forms:
                    del mine[(f, n)]
        for form in FORMS:
            lines = {n for f, n in applicable[case] if f == form}
            whys = {mine.get((form, n)) for n in lines}
            if lines and all((form, n) in mine for n in lines) and len(whys) == 1:
                entries.append((case, form, whys.pop()))
                for n in lines:
                    del mine[(form, n)]
        rest = sorted(mine.items(), key=lambda kv: (kv[0][1], FORMS.index(kv[0][0])))
        for (form, n), why in rest:
            entries.append((case, f"{form}:{n}", why))
    return entries


def write_known(path, rows, known):
    """Rewrite the file from this run, keeping the why of every failure that was listed."""
    applicable, failing = {}, {}
    for case, number, form, text, _, passed, _ in rows:
        if text is None:
            continue
        applicable.setdefault(case, set()).add((form, number))
        if not passed:
            key = entry_for(known, case, form, number)
            failing[(case, form, number)] = known[key] if key else TODO_WHY
    entries = compact_entries(failing, applicable)
    lines = [
        "# Envelope ablation (tests/corpus/ablation.py): evidence lines that do not yet yield",
        "# their case's root cause when pasted alone (a), bare (b), in Markdown (c-quote,",
        "# c-fence) or with another timestamp form (d). One `case<TAB>form<TAB>why` per line:",
        "# form is a form (every evidence line), `form:N` (evidence line N), `*` (every form and",
        "# line) or `*:N` (every form of line N). Grouped by why; docs/known-limits.md summarises.",
        "# Regenerate: ablation.py LOGDX corpus/{cases,real,field} --write-known-limits",
    ]
    by_why = {}
    for case, form, why in entries:
        by_why.setdefault(why, []).append((case, form))
    for why in sorted(by_why, key=lambda w: (w == TODO_WHY, -len(by_why[w]), w)):
        lines.append("")
        lines.extend(f"{case}\t{form}\t{why}" for case, form in by_why[why])
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")
    return len(entries)


# ---- main ------------------------------------------------------------------------------------

def run(args):
    items = evidence_items(args.paths)
    if args.only_case:
        items = [it for it in items if args.only_case in it[0]]
    if not items:
        print("no evidence lines found", file=sys.stderr)
        return 2
    command = [args.logdx, "analyze", "-o", "json", "--no-db", "--no-user-rules", "-j", "1", "--no-progress"]
    if args.rules:
        command += ["--no-builtin-rules", "--rules", args.rules]
    messages = parse_messages(args.logdx, [line for _, _, line, _ in items])
    jobs = []  # (case, number, form, text, cause)
    for (case, number, line, cause), message in zip(items, messages):
        for form, text in forms_of(line, message).items():
            jobs.append((case, number, form, text, cause))
    texts = sorted({text for *_, text, _ in jobs if text is not None})
    with concurrent.futures.ThreadPoolExecutor(max_workers=args.jobs) as pool:
        results = dict(zip(texts, pool.map(lambda t: analyze(command, t), texts)))

    rows = []  # (case, number, form, text, cause, passed or None, what was found)
    tally = {form: [0, 0, 0] for form in FORMS}  # passed, failed, n/a
    for case, number, form, text, cause in jobs:
        passed = None if text is None else found(results[text], cause)
        tally[form][0 if passed else 2 if passed is None else 1] += 1
        rows.append((case, number, form, text, cause, passed,
                     None if text is None else describe(results[text])))
    print_table(tally)
    if args.results_json:
        with open(args.results_json, "w", encoding="utf-8") as f:
            json.dump([dict(zip(("case", "line", "form", "text", "cause", "passed", "found"), r))
                       for r in rows], f, indent=1)
    known = read_known(args.known_limits)
    if args.write_known_limits:
        n = write_known(args.known_limits, rows, known)
        print(f"wrote {n} entries to {args.known_limits}")
        return 0
    return report(rows, known, {case for case, *_ in items}, args.verbose)


def print_table(tally):
    print(f"{'form':<26}{'pass':>6}{'fail':>6}{'n/a':>6}{'rate':>8}")
    total_pass = total_run = 0
    for form in FORMS:
        passed, failed, na = tally[form]
        total_pass += passed
        total_run += passed + failed
        rate = f"{100.0 * passed / (passed + failed):.0f} %" if passed + failed else "-"
        print(f"{FORM_TITLES[form]:<26}{passed:>6}{failed:>6}{na:>6}{rate:>8}")
    rate = f"{100.0 * total_pass / total_run:.0f} %" if total_run else "-"
    print(f"{'overall':<26}{total_pass:>6}{total_run - total_pass:>6}{'':>6}{rate:>8}")


def report(rows, known, cases, verbose):
    failures = [r for r in rows if r[5] is False]
    used = set()
    unexpected = 0
    print()
    for case, number, form, text, _, _, got in failures:
        key = entry_for(known, case, form, number)
        if key is None:
            unexpected += 1
            print(f"FAIL  {case}  {form}:{number}  got {got}")
            print(f"      {text[:160]!r}")
        else:
            used.add(key)
            if verbose:
                print(f"XFAIL {case}  {form}:{number}  ({known[key]})  got {got}")
    xpass = 0
    for key in sorted(set(known) - used, key=str):
        if key[0] in cases:
            xpass += 1
            print(f"XPASS {key[0]}  {entry_name(key)}: passes now, remove it from the known limits")
    print(f"{len(failures)} failures: {len(failures) - unexpected} known (XFAIL), "
          f"{unexpected} not listed; {xpass} XPASS")
    return 1 if unexpected else 0


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("logdx")
    parser.add_argument("paths", nargs="+", help="case folders or folders of cases")
    parser.add_argument("--known-limits", default=os.path.join(here, "ablation_known_limits.txt"))
    parser.add_argument("--write-known-limits", action="store_true",
                        help="rewrite the known-limits file from this run")
    parser.add_argument("--rules",
                        help="analyse with this rule folder instead of the built-in pack")
    parser.add_argument("--jobs", type=int, default=max(2, os.cpu_count() or 2),
                        help="logdx processes at once (default: cores)")
    parser.add_argument("--results-json", help="also write every line's result to this file")
    parser.add_argument("--only-case", help="only cases whose folder name contains this")
    parser.add_argument("-v", "--verbose", action="store_true", help="also list known failures")
    args = parser.parse_args()
    try:
        return run(args)
    except (RuntimeError, ValueError, subprocess.TimeoutExpired, json.JSONDecodeError) as e:
        print(f"ablation: {e}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
