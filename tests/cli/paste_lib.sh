# Shared by the paste tests (paste_shapes.sh, recall_*.sh, pm2_*.sh): a paste analysed from
# stdin as JSON, and questions about its diagnoses. The caller sets `logdx` and `work` and
# sources lib.sh.

paste_run() {  # paste_run TEXT : analyze TEXT from stdin as JSON; sets code and out
  printf '%s\n' "$1" | "$logdx" analyze --no-db --no-user-rules -o json - >"$work/out" 2>"$work/err"
  code=$?
  out="$(cat "$work/out")"
}
# not_fired RULE: the rule's id appears nowhere in the result (a look-alike must stay quiet)
not_fired() { [[ "$out" != *"$1"* ]]; }
# diagnoses_ask PYTHON [ARG...]: runs PYTHON on the last paste's result, with `d` its diagnoses
# (roots), `walk(d)` every diagnosis in the tree (roots and what they explain) and `args` the
# ARGs. Every question below is one of these.
diagnoses_ask() {
  local body="$1"
  shift
  python3 -c "import json, sys
def walk(ds):
    for d in ds:
        yield d
        yield from walk(d.get('explains', []))
d = json.load(open(sys.argv[1]))['diagnoses']
args = sys.argv[2:]
$body" "$work/out" "$@"
}
# root_is CAUSE [RULE] [SEVERITY]: whether the first diagnosis is that
root_is() {
  diagnoses_ask '
got = [d[0]["cause"], d[0]["rule"], d[0]["severity"]] if d else ["none"]
sys.exit(0 if all(w == "" or w == g for w, g in zip(args, got)) else 1)' "$@"
}
# has_cause CAUSE: the cause is somewhere in the tree, at any severity
has_cause() {
  diagnoses_ask 'sys.exit(0 if any(x["cause"] == args[0] for x in walk(d)) else 1)' "$1"
}
# fact NAME VALUE: the first diagnosis has that fact
fact() {
  diagnoses_ask '
sys.exit(0 if d and str(d[0].get("facts", {}).get(args[0])) == args[1] else 1)' "$1" "$2"
}
# quiet: nothing at error or above
quiet() {
  diagnoses_ask 'sys.exit(0 if all(x["severity"] in ("info", "warning") for x in d) else 1)'
}
# root_folds RULE: the first diagnosis has RULE folded under it (at any depth)
root_folds() {
  diagnoses_ask '
sys.exit(0 if d and any(x["rule"] == args[0] for x in walk(d[0].get("explains", []))) else 1)' "$1"
}
# root_of RULE: RULE is a root (reported, not folded under another finding)
root_of() {
  diagnoses_ask 'sys.exit(0 if any(x["rule"] == args[0] for x in d) else 1)' "$1"
}
# count_cause CAUSE: prints how many diagnoses of CAUSE the tree holds (roots and folded)
count_cause() {
  diagnoses_ask 'print(sum(1 for x in walk(d) if x["cause"] == args[0]))' "$1"
}
# root_shows TEXT: a line of the first diagnosis' evidence holds TEXT
root_shows() {
  diagnoses_ask 'sys.exit(0 if d and any(args[0] in e["text"] for e in d[0]["evidence"]) else 1)' "$1"
}
# root_noted TEXT: a note of the first diagnosis holds TEXT
root_noted() {
  diagnoses_ask 'sys.exit(0 if d and any(args[0] in n for n in d[0].get("notes", [])) else 1)' "$1"
}
# title_of RULE TEXT: a diagnosis of RULE (anywhere in the tree) has TEXT in its title
title_of() {
  diagnoses_ask '
sys.exit(0 if any(x["rule"] == args[0] and args[1] in x["title"] for x in walk(d)) else 1)' "$1" "$2"
}
