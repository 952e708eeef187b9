# Shared by the paste tests (paste_shapes.sh, recall_shapes.sh): a paste analysed from stdin as
# JSON, and questions about its diagnoses. The caller sets `logdx` and `work` and sources lib.sh.

paste_run() {  # paste_run TEXT : analyze TEXT from stdin as JSON; sets code and out
  printf '%s\n' "$1" | "$logdx" analyze --no-db --no-user-rules -o json - >"$work/out" 2>"$work/err"
  code=$?
  out="$(cat "$work/out")"
}
# not_fired RULE: the rule's id appears nowhere in the result (a look-alike must stay quiet)
not_fired() { [[ "$out" != *"$1"* ]]; }
# root CAUSE [RULE] [SEVERITY]: whether the first diagnosis is that
root_is() {
  python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))["diagnoses"]
want = sys.argv[2:]
got = [d[0]["cause"], d[0]["rule"], d[0]["severity"]] if d else ["none"]
sys.exit(0 if all(w == "" or w == g for w, g in zip(want, got)) else 1)
' "$work/out" "$@"
}
# has_cause CAUSE: the cause is somewhere in the tree, at any severity
has_cause() {
  python3 -c '
import json, sys
def walk(ds):
    for d in ds:
        yield d
        yield from walk(d.get("explains", []))
d = json.load(open(sys.argv[1]))["diagnoses"]
sys.exit(0 if any(x["cause"] == sys.argv[2] for x in walk(d)) else 1)
' "$work/out" "$1"
}
# fact NAME VALUE: the first diagnosis has that fact
fact() {
  python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))["diagnoses"]
sys.exit(0 if d and str(d[0].get("facts", {}).get(sys.argv[2])) == sys.argv[3] else 1)
' "$work/out" "$1" "$2"
}
# quiet: nothing at error or above
quiet() {
  python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))["diagnoses"]
sys.exit(0 if all(x["severity"] in ("info", "warning") for x in d) else 1)
' "$work/out"
}
# root_folds RULE: the first diagnosis has RULE folded under it (at any depth)
root_folds() {
  python3 -c '
import json, sys
def walk(ds):
    for d in ds:
        yield d
        yield from walk(d.get("explains", []))
d = json.load(open(sys.argv[1]))["diagnoses"]
sys.exit(0 if d and any(x["rule"] == sys.argv[2] for x in walk(d[0].get("explains", []))) else 1)
' "$work/out" "$1"
}
# root_of RULE: RULE is a root (reported, not folded under another finding)
root_of() {
  python3 -c '
import json, sys
d = json.load(open(sys.argv[1]))["diagnoses"]
sys.exit(0 if any(x["rule"] == sys.argv[2] for x in d) else 1)
' "$work/out" "$1"
}
