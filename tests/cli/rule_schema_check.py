#!/usr/bin/env python3
"""`logdx rules schema` against the engine's reader, so the two cannot drift apart.

The keys are read from the reader's own source (the constexpr key arrays in engine/src/rules/):
every key the reader accepts must be in the schema at the matching place, and the schema may
name no key the reader refuses. When the jsonschema module is there, the schema must also be a
valid draft 2020-12 schema that accepts the built-in pack and tests/cli/rules/good.yaml and
refuses files with known mistakes.

usage: rule_schema_check.py LOGDX SOURCE_ROOT
"""
import json
import pathlib
import re
import subprocess
import sys

logdx, root = sys.argv[1], pathlib.Path(sys.argv[2])
src = root / "engine" / "src" / "rules"
failures = []


def check(ok, what):
    if not ok:
        failures.append(what)


def array(file, name):
    """The strings of `... name = {"a", "b"}` in an engine source file."""
    text = (src / file).read_text()
    m = re.search(r"\b" + name + r"\s*=\s*\{([^}]*)\}", text)
    if not m:
        sys.exit(f"FAIL: cannot find {name} in {file}; update this test with the reader")
    return re.findall(r'"([^"]*)"', m.group(1))


def kind_keys():
    """correlate_reader.cpp kind_specs(): {"threshold", Kind, {keys...}, {required...}}."""
    text = (src / "correlate_reader.cpp").read_text()
    out = {}
    for m in re.finditer(r'\{"(\w+)",\s*Correlate::Kind::\w+,\s*\{([^}]*)\}', text):
        out[m.group(1)] = re.findall(r'"([^"]*)"', m.group(2))
    if len(out) != 4:
        sys.exit(f"FAIL: found {len(out)} correlate kinds in correlate_reader.cpp, wanted 4")
    return out


schema_text = subprocess.run([logdx, "rules", "schema"], capture_output=True, check=True).stdout
schema = json.loads(schema_text)
defs = schema["$defs"]


def same_keys(place, props, keys):
    check(set(props) == set(keys),
          f"{place}: schema has {sorted(props)}, the reader accepts {sorted(keys)}")


same_keys("top level", schema["properties"], array("rule_reader.cpp", "kTopKeys"))
same_keys("rule", defs["rule"]["properties"], array("rule_entry_reader.cpp", "kRuleKeys"))
same_keys("format", defs["format"]["properties"], array("format_reader.cpp", "kFormatKeys"))
same_keys("condition", defs["condition"]["properties"],
          array("condition_reader.cpp", "kConditionKeys"))
same_keys("fix", defs["fix"]["properties"], array("rule_entry_reader.cpp", "kFixKeys"))
same_keys("match test", defs["match_test"]["oneOf"][1]["properties"],
          array("rule_entry_reader.cpp", "kTestKeys"))
same_keys("tests", defs["tests"]["properties"], array("rule_entry_reader.cpp", "kKeys"))
same_keys("sequence step", defs["sequence_step"]["properties"],
          array("correlate_reader.cpp", "kStepKeys"))
correlate = defs["correlate"]["properties"]
same_keys("correlate", correlate, array("correlate_reader.cpp", "kKinds"))
for kind, keys in kind_keys().items():
    same_keys(f"correlate {kind}", correlate.get(kind, {}).get("properties", {}), keys)
check(set(defs["source_kind"]["enum"]) == set(array("condition_reader.cpp", "kSourceKinds")),
      "source kinds differ from condition_reader.cpp kSourceKinds")
for field in array("condition_reader.cpp", "kEventFields"):
    check(re.fullmatch(defs["condition"]["properties"]["field"]["pattern"], field),
          f"field pattern refuses '{field}'")
check(defs["rule"]["properties"]["severity"]["enum"] == array("severity.cpp", "kSeverityNames"),
      "severities differ from severity.cpp")

try:
    import jsonschema
    import yaml
except ImportError:
    print("note: jsonschema or PyYAML missing; only the keys were checked")
    jsonschema = None

if jsonschema:
    class Loader(yaml.SafeLoader):
        """YAML 1.2 booleans, as yaml-cpp reads them: `on:` (join) is a key, not True."""

    Loader.yaml_implicit_resolvers = {
        k: [(t, r) for t, r in v if t != "tag:yaml.org,2002:bool"]
        for k, v in yaml.SafeLoader.yaml_implicit_resolvers.items()}
    Loader.add_implicit_resolver("tag:yaml.org,2002:bool",
                                 re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"),
                                 list("tTfF"))
    jsonschema.Draft202012Validator.check_schema(schema)
    validator = jsonschema.Draft202012Validator(schema)
    good = sorted((root / "rules").glob("*.y*ml")) + [root / "tests/cli/rules/good.yaml"]
    for path in good:
        errors = list(validator.iter_errors(yaml.load(path.read_text(), Loader=Loader)))
        check(not errors, f"{path} is refused: {errors[0].message if errors else ''}")
    bad = {
        "unknown rule key": "logdx_rules: 1\nrules: [{id: a, cause: c, match: {regex: x}, "
                            "severty: error}]",
        "two correlate kinds": "logdx_rules: 1\nrules: [{id: a, cause: c, match: {regex: x}, "
                               "correlate: {threshold: {count: 2, within: 1m}, "
                               "absent: {within: 1m, missing: {regex: y}}}}]",
        "duration without unit": "logdx_rules: 1\nrules: [{id: a, cause: c, match: {regex: x},"
                                 " correlate: {threshold: {count: 2, within: 60}}}]",
        "no version": "rules: []",
        "rule without cause": "logdx_rules: 1\nrules: [{id: a, match: {regex: x}}]",
        "bad severity": "logdx_rules: 1\nrules: [{id: a, cause: c, severity: fatal, "
                        "match: {regex: x}}]",
        "an edit without in": "logdx_rules: 1\nrules: [{id: a, cause: c, match: {regex: x}, "
                              "fixes: [{edit: 'proxy_read_timeout 300s;'}]}]",
        "a fix with two kinds": "logdx_rules: 1\nrules: [{id: a, cause: c, match: {regex: x}, "
                                "fixes: [{command: ls, step: look}]}]",
        "in on a command": "logdx_rules: 1\nrules: [{id: a, cause: c, match: {regex: x}, "
                           "fixes: [{command: ls, in: f}]}]",
    }
    for what, text in bad.items():
        check(not validator.is_valid(yaml.load(text, Loader=Loader)), f"schema accepts {what}")

for f in failures:
    print("FAIL:", f)
print(f"{len(failures)} failed")
sys.exit(1 if failures else 0)
