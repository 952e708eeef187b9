"""What the corpus scripts share: finding case folders, reading expected.yaml, walking a
diagnosis tree, and reading the tab-separated lists of known gaps (each entry with a why).

check_cases.py, ablation.py, variant_sources.py and prefilter_identity.py import it, so a case
folder means the same thing to all of them.
"""
import os

import yaml

SEVERITY_ORDER = {"info": 0, "warning": 1, "error": 2, "critical": 3}


def case_dirs(paths):
    """Every case folder (one holding expected.yaml) given directly or as a numbered child
    (`01-slug`, or `case01-slug` as the recall probes name theirs)."""
    for path in paths:
        if os.path.exists(os.path.join(path, "expected.yaml")):
            yield path
            continue
        for name in sorted(os.listdir(path)):
            full = os.path.join(path, name)
            numbered = name[0].isdigit() or (name.startswith("case") and name[4:5].isdigit())
            if numbered and os.path.exists(os.path.join(full, "expected.yaml")):
                yield full


def case_name(case_dir):
    return os.path.basename(os.path.normpath(case_dir))


def read_expected(case_dir):
    with open(os.path.join(case_dir, "expected.yaml"), encoding="utf-8") as f:
        return yaml.safe_load(f) or {}


def inputs_of(case_dir, expected):
    """The case's input files: those expected.yaml names, else every input* file in order."""
    declared = expected.get("inputs")
    names = []
    if isinstance(declared, list):
        names = list(declared)
    elif isinstance(declared, dict):
        names = list(declared.keys())
    if not names:
        names = sorted(n for n in os.listdir(case_dir) if n.startswith("input"))
    return [os.path.join(case_dir, n) for n in names]


def walk(diagnoses):
    """Every diagnosis of a tree, each before the ones it explains."""
    for d in diagnoses:
        yield d
        yield from walk(d.get("explains", []))


def read_known_failures(path):
    """The case names of a known-failures file (check_cases.py's): one per line, '#' comments."""
    if not path or not os.path.exists(path):
        return set()
    with open(path, encoding="utf-8") as f:
        return {line.split("#")[0].strip() for line in f} - {""}


def loud(diagnoses):
    """The diagnoses of a tree at error or above: what a negative case must not have."""
    return [d for d in walk(diagnoses) if SEVERITY_ORDER.get(d.get("severity"), 0) >= 2]


def read_tab_list(path, fields):
    """The entries of a known-gaps list: one per line, `fields` tab-separated columns of which
    the last is the why (it may itself hold tabs); blank lines and '#' comments are skipped.
    A line with fewer columns or an empty why is an error naming the file and line."""
    rows = []
    if not path or not os.path.exists(path):
        return rows
    with open(path, encoding="utf-8") as f:
        for number, raw in enumerate(f, start=1):
            if not raw.strip() or raw.lstrip().startswith("#"):
                continue
            parts = raw.rstrip("\n").split("\t")
            head = [p.strip() for p in parts[:fields - 1]]
            why = "\t".join(parts[fields - 1:]).strip()
            if len(parts) < fields or not why:
                shape = "<TAB>".join(["x"] * (fields - 1) + ["why"])
                raise ValueError(f"{path}:{number}: not '{shape}': {raw.rstrip()}")
            rows.append((*head, why))
    return rows
