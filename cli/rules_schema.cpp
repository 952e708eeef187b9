// `rules schema`: the rule language of docs/rules.md as a JSON Schema (draft 2020-12), for
// editors (yaml-language-server) and CI. It describes the shape of one file; what needs every
// file at once (ids, macros, lists, placeholders, RE2 syntax) is `rules lint`'s job.
// tests/cli/schema_keys.py checks it against the keys the engine's reader accepts.

#include "rules_views.hpp"

namespace logdx::cli {

std::string_view rule_schema_json() {
  return R"schema({
  "$schema": "https://json-schema.org/draft/2020-12/schema",
  "$id": "urn:logdx:rules:1",
  "title": "logdx rule file (logdx_rules: 1)",
  "description": "The logdx rule language (docs/rules.md); checks across files: rules lint.",
  "type": "object",
  "required": ["logdx_rules"],
  "additionalProperties": false,
  "properties": {
    "logdx_rules": {"description": "The language version.", "const": 1},
    "lists": {
      "description": "Named value sets, for {in_list: NAME} and {{list:NAME}} in patterns.",
      "type": ["object", "null"],
      "additionalProperties": {"type": "array", "items": {"$ref": "#/$defs/scalar"}}
    },
    "macros": {
      "description": "Named RE2 fragments, used in patterns as {{name}}.",
      "type": ["object", "null"],
      "additionalProperties": {"$ref": "#/$defs/scalar"}
    },
    "rules": {
      "type": ["array", "null"],
      "items": {"$ref": "#/$defs/rule"}
    },
    "formats": {
      "description": "Line formats declared as data (docs/rules.md, Formats).",
      "type": ["array", "null"],
      "items": {"$ref": "#/$defs/format"}
    }
  },
  "$defs": {
    "scalar": {"type": ["string", "number", "boolean"]},
    "scalars": {
      "description": "A value or a list of values.",
      "oneOf": [
        {"$ref": "#/$defs/scalar"},
        {"type": "array", "items": {"$ref": "#/$defs/scalar"}}
      ]
    },
    "string_map": {
      "type": "object",
      "additionalProperties": {"$ref": "#/$defs/scalar"}
    },
    "rule_id": {"type": "string", "pattern": "^[a-z0-9]+(-[a-z0-9]+)*$"},
    "cause": {"type": "string", "pattern": "^[a-z][a-z0-9_]*$"},
    "confidence": {"type": "number", "minimum": 0, "maximum": 1},
    "on_cut": {
      "description": "A window the end of the input cut short: report it (lower confidence, a note) or ignore it.",
      "enum": ["report", "ignore"],
      "default": "report"
    },
    "confidence_cut": {
      "description": "Confidence of a cut window's finding (default: half the rule's).",
      "$ref": "#/$defs/confidence"
    },
    "duration": {
      "description": "A whole number and a unit: 500ms, 30s, 10m, 2h, 1d.",
      "type": "string",
      "pattern": "^[0-9]+(ms|s|m|h|d)$"
    },
    "source_kind": {
      "enum": ["gateway", "pm2", "systemd", "kernel", "docker", "proxy", "app", "other"]
    },
    "source_kinds": {
      "oneOf": [
        {"$ref": "#/$defs/source_kind"},
        {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/source_kind"}}
      ]
    },
    "level": {
      "description": "A level name (case does not matter).",
      "enum": ["trace", "debug", "dbg", "d", "info", "inf", "i", "information", "notice",
               "warn", "warning", "w", "wrn", "err", "error", "e", "erro", "fatal", "crit",
               "critical", "panic", "alert", "emerg", "emergency", "dpanic", "out", "stdout"]
    },
    "format": {
      "description": "A line format: an RE2 pattern matched at the start of a line, whose named groups (time, host, unit, app, process, pid, level; message required) fill the event.",
      "type": "object",
      "required": ["id", "regex", "samples"],
      "additionalProperties": false,
      "properties": {
        "id": {"$ref": "#/$defs/rule_id"},
        "description": {"type": "string"},
        "regex": {"type": "string"},
        "unless": {
          "description": "RE2; a line it matches at its start is not the format's line.",
          "type": "string"
        },
        "time_format": {
          "description": "iso8601, syslog, epoch, time-only, or a strftime pattern of %Y %y %m %d %e %H %M %S %b %f %z %T %F %%.",
          "type": "string"
        },
        "source": {"$ref": "#/$defs/source_kind"},
        "samples": {
          "description": "Lines the format must read; checked when the file loads.",
          "type": "array",
          "minItems": 1,
          "items": {"type": "string"}
        }
      }
    },
    "rule": {
      "description": "A rule; needs cause and match unless override: true or only id + enabled.",
      "type": "object",
      "required": ["id"],
      "additionalProperties": false,
      "properties": {
        "id": {"$ref": "#/$defs/rule_id"},
        "title": {"description": "May use {capture} placeholders.", "$ref": "#/$defs/scalar"},
        "cause": {"$ref": "#/$defs/cause"},
        "severity": {"enum": ["info", "warning", "error", "critical"], "default": "error"},
        "confidence": {"$ref": "#/$defs/confidence", "default": 0.8},
        "sources": {"description": "Default: all.", "$ref": "#/$defs/source_kinds"},
        "tags": {"$ref": "#/$defs/scalars"},
        "match": {"$ref": "#/$defs/condition"},
        "key": {"description": "Captures that make the fingerprint.", "$ref": "#/$defs/scalars"},
        "facts": {
          "description": "Name -> template with {capture} placeholders (default: every capture).",
          "$ref": "#/$defs/string_map"
        },
        "correlate": {"$ref": "#/$defs/correlate"},
        "explains": {
          "description": "Causes this root cause explains.",
          "oneOf": [
            {"$ref": "#/$defs/cause"},
            {"type": "array", "items": {"$ref": "#/$defs/cause"}}
          ]
        },
        "subsumed_by": {
          "description": "Rules whose finding holding all of this one's lines makes it redundant.",
          "$ref": "#/$defs/scalars"
        },
        "fixes": {"type": "array", "items": {"$ref": "#/$defs/fix"}},
        "tests": {"$ref": "#/$defs/tests"},
        "override": {
          "description": "Patch the earlier rule with this id: keys written replace its values.",
          "type": "boolean"
        },
        "enabled": {"type": "boolean", "default": true},
        "report": {
          "description": "false: a context rule; its lines serve other diagnoses (a loop's last words), never reported alone.",
          "type": "boolean",
          "default": true
        }
      },
      "anyOf": [
        {"required": ["cause", "match"]},
        {"required": ["override"], "properties": {"override": {"const": true}}},
        {"required": ["enabled"], "maxProperties": 2}
      ]
    },
    "condition": {
      "description": "A condition on one event. Several keys in one mapping all have to hold.",
      "type": "object",
      "minProperties": 1,
      "additionalProperties": false,
      "properties": {
        "regex": {
          "description": "RE2, searched; (?P<name>...) captures; {{macro}}, {{list:NAME}} expand.",
          "$ref": "#/$defs/scalar"
        },
        "field": {
          "description": "Where `regex` searches (default message).",
          "type": "string",
          "pattern": "^(message|raw|host|unit|app|process|subsystem|fields\\..+)$"
        },
        "any": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/condition"}},
        "all": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/condition"}},
        "not": {"$ref": "#/$defs/condition"},
        "source": {"$ref": "#/$defs/source_kinds"},
        "unit": {"$ref": "#/$defs/field_value"},
        "app": {"$ref": "#/$defs/field_value"},
        "process": {"$ref": "#/$defs/field_value"},
        "subsystem": {"$ref": "#/$defs/field_value"},
        "host": {"$ref": "#/$defs/field_value"},
        "pid": {
          "type": "object",
          "required": ["equals_capture"],
          "additionalProperties": false,
          "properties": {"equals_capture": {"$ref": "#/$defs/scalar"}}
        },
        "level": {
          "type": "object",
          "required": ["at_least"],
          "additionalProperties": false,
          "properties": {"at_least": {"$ref": "#/$defs/level"}}
        }
      },
      "dependentRequired": {"field": ["regex"]}
    },
    "field_value": {
      "description": "VALUE, [VALUES], {in_list: NAME} or {regex: PATTERN}.",
      "oneOf": [
        {"$ref": "#/$defs/scalars"},
        {
          "type": "object",
          "minProperties": 1,
          "maxProperties": 1,
          "additionalProperties": false,
          "properties": {
            "in_list": {"$ref": "#/$defs/scalar"},
            "regex": {"$ref": "#/$defs/scalar"}
          }
        }
      ]
    },
    "correlate": {
      "description": "Exactly one of threshold, sequence, absent, join.",
      "type": "object",
      "minProperties": 1,
      "maxProperties": 1,
      "additionalProperties": false,
      "properties": {
        "threshold": {
          "description": "N matches within T, per group.",
          "type": "object",
          "required": ["count", "within"],
          "additionalProperties": false,
          "properties": {
            "count": {"type": "integer", "minimum": 1},
            "within": {"$ref": "#/$defs/duration"},
            "group_by": {"$ref": "#/$defs/scalars"}
          }
        },
        "sequence": {
          "description": "The steps in order within T (same group).",
          "type": "object",
          "required": ["within", "steps"],
          "additionalProperties": false,
          "properties": {
            "within": {"$ref": "#/$defs/duration"},
            "group_by": {"$ref": "#/$defs/scalars"},
            "steps": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/sequence_step"}},
            "on_cut": {"$ref": "#/$defs/on_cut"},
            "confidence_cut": {"$ref": "#/$defs/confidence_cut"}
          }
        },
        "absent": {
          "description": "A match and no `missing` event within T after it.",
          "type": "object",
          "required": ["within", "missing"],
          "additionalProperties": false,
          "properties": {
            "within": {"$ref": "#/$defs/duration"},
            "group_by": {"$ref": "#/$defs/scalars"},
            "missing": {"$ref": "#/$defs/condition"},
            "on_cut": {"$ref": "#/$defs/on_cut"},
            "confidence_cut": {"$ref": "#/$defs/confidence_cut"}
          }
        },
        "join": {
          "description": "Another rule's diagnosis with the same key.",
          "type": "object",
          "required": ["rule", "on"],
          "additionalProperties": false,
          "properties": {
            "rule": {"$ref": "#/$defs/rule_id"},
            "on": {"description": "My capture -> its capture.", "$ref": "#/$defs/string_map"},
            "required": {"type": "boolean", "default": true},
            "confidence_without": {"$ref": "#/$defs/confidence"}
          }
        }
      }
    },
    "sequence_step": {
      "type": "object",
      "required": ["match"],
      "additionalProperties": false,
      "properties": {"match": {"$ref": "#/$defs/condition"}}
    },
    "fix": {
      "description": "Exactly one of command (a shell command), edit (a config edit, with in) or step (a manual step).",
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "command": {
          "description": "A shell command; {capture} values are shell-quoted; logdx never runs it.",
          "$ref": "#/$defs/scalar"
        },
        "edit": {
          "description": "A config edit: the exact text to put in the file named by in; {capture} values are inserted as written.",
          "$ref": "#/$defs/scalar"
        },
        "in": {
          "description": "The file (or place) an edit goes in, e.g. the nginx site config.",
          "$ref": "#/$defs/scalar"
        },
        "step": {
          "description": "A manual step, in words.",
          "$ref": "#/$defs/scalar"
        },
        "why": {"$ref": "#/$defs/scalar"},
        "when": {
          "description": "A capture or fact of the rule: the fix is shown only when it has a value in the case.",
          "$ref": "#/$defs/scalar"
        },
        "unless": {
          "description": "A capture or fact of the rule: the fix is shown only when it has no value in the case.",
          "$ref": "#/$defs/scalar"
        }
      },
      "oneOf": [
        {"required": ["command"], "not": {"anyOf": [{"required": ["edit"]}, {"required": ["step"]}, {"required": ["in"]}]}},
        {"required": ["edit", "in"], "not": {"anyOf": [{"required": ["command"]}, {"required": ["step"]}]}},
        {"required": ["step"], "not": {"anyOf": [{"required": ["command"]}, {"required": ["edit"]}, {"required": ["in"]}]}}
      ]
    },
    "tests": {
      "type": "object",
      "additionalProperties": false,
      "properties": {
        "match": {"type": "array", "items": {"$ref": "#/$defs/match_test"}},
        "no_match": {"type": "array", "items": {"$ref": "#/$defs/scalar"}}
      }
    },
    "match_test": {
      "description": "A line that must match, alone or with the exact values of some captures.",
      "oneOf": [
        {"$ref": "#/$defs/scalar"},
        {
          "type": "object",
          "required": ["line"],
          "additionalProperties": false,
          "properties": {
            "line": {"$ref": "#/$defs/scalar"},
            "captures": {"$ref": "#/$defs/string_map"},
            "source": {"$ref": "#/$defs/scalar",
                       "description": "The tool and version that prints this wording, and how it was seen."}
          }
        }
      ]
    }
  }
})schema";
}

}  // namespace logdx::cli
