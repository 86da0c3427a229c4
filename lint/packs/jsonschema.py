"""JSON Schemas of a rule pack and of ``.factlint.yaml``, so a YAML language server
(VS Code's YAML extension, yaml-language-server in Neovim or Helix) completes keys and
flags mistakes while a desk writes them, before factlint reports them.

The pack schema is generated from the loader's keys and each kind's declared options
(lint.packs.options), so it cannot drift from what the loader accepts; the committed
files in lint/schema/ are rewritten with ``python -m lint.packs.jsonschema`` (``make
docs``), and a test says when they are out of date.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

from lint.findings import CATEGORIES, SEVERITIES
from lint.packs.model import OUTSIDE

SCHEMA_DIR = Path(__file__).resolve().parents[1] / "schema"
FILES = {"pack": "pack.schema.json", "config": "factlint-config.schema.json"}
DRAFT = "http://json-schema.org/draft-07/schema#"  # what YAML language servers read best
LANGUAGES = ("en-US", "en-GB", "en-AU", "en-CA", "en-NZ", "en-ZA")

_STR_LIST = {"type": "array", "items": {"type": "string"}}
_TYPES = {
    "str": {"type": "string"},
    "bool": {"type": "boolean"},
    "int": {"type": "integer"},
    "number": {"type": "number"},
    "list[str]": _STR_LIST,
    "map[str]": {"type": "object", "additionalProperties": {"type": ["string", "null"]}},
    "map[str|list]": {
        "type": "object",
        "additionalProperties": {"anyOf": [{"type": "string"}, _STR_LIST]},
    },
    "list[list]": {"type": "array", "items": {"type": "array"}},
    "list[map]": {"type": "array", "items": {"type": "object"}},
    "any": {},
}
_DATE = {"type": "string", "format": "date", "pattern": r"^\d{4}-\d{2}-\d{2}$"}
_EXAMPLE = {
    "anyOf": [
        {"type": "string"},
        {
            "type": "object",
            "required": ["text"],
            "additionalProperties": False,
            "properties": {
                "text": {"type": "string"},
                "pubdate": {**_DATE, "description": "The publication date the example needs."},
                "fixed": {"type": "string", "description": "The text after --fix (bad only)."},
            },
        },
    ]
}
_RULE_COMMON = {
    "id": {"type": "string", "pattern": r"^([a-z0-9][a-z0-9_-]*\.)?[a-z0-9][a-z0-9_-]*$"},
    "kind": {"type": "string"},
    "severity": {"enum": list(SEVERITIES)},
    "category": {"enum": list(CATEGORIES)},
    "message": {"type": "string", "description": "With {match} and {suggestion} placeholders."},
    "link": {"type": "string", "description": "The rule's documentation ({id} is its id)."},
    "summary": {"type": "string"},
    "doc": {"type": "string"},
    "fix": {"type": "boolean", "description": "May --fix apply a single replacement?"},
    "outside": {"type": "array", "items": {"enum": list(OUTSIDE)}},
    "languages": {"type": "array", "items": {"enum": list(LANGUAGES)}},
    "examples": {
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "bad": {"type": "array", "items": _EXAMPLE},
            "good": {"type": "array", "items": _EXAMPLE},
        },
    },
}


def pack_schema() -> dict:
    """The schema of a rule pack: the loader's keys, and each kind with its options."""
    from lint.checks import KINDS
    from lint.packs.loader import DEFAULT_KEYS, PACK_KEYS, RULE_KEYS

    kinds = []
    for name, cls in sorted(KINDS.items()):
        options = {key: {**_TYPES[o.type], "description": o.doc} for key, o in cls.options.items()}
        doc = (sys.modules[cls.__module__].__doc__ or "").strip()
        kinds.append(
            {
                "if": {"properties": {"kind": {"const": name}}, "required": ["kind"]},
                "then": {
                    "properties": {**{k: {} for k in sorted(RULE_KEYS)}, **options},
                    "required": sorted(k for k, o in cls.options.items() if o.required),
                    "additionalProperties": False,
                    "description": doc.splitlines()[0] if doc else name,
                },
            }
        )
    rule = {
        "type": "object",
        "required": ["id", "kind"],
        "properties": {**_RULE_COMMON, "kind": {"enum": sorted(KINDS)}},
        "allOf": kinds,
    }
    defaults = {k: _RULE_COMMON[k] for k in sorted(DEFAULT_KEYS)}
    pack = {
        "$schema": DRAFT,
        "$id": "https://factlint.invalid/schema/pack.schema.json",
        "title": "factlint rule pack",
        "type": "object",
        "required": ["name"],
        "additionalProperties": False,
        "properties": {
            "name": {"type": "string", "pattern": r"^[a-z0-9][a-z0-9_-]*$"},
            "description": {"type": "string"},
            "link": {
                "type": "string",
                "description": "Documentation link of every rule; {id}, {pack}, {name} are filled in.",
            },
            "checked": {**_DATE, "description": "When the pack's facts were last checked."},
            "defaults": {"type": "object", "additionalProperties": False, "properties": defaults},
            "rules": {"type": "array", "items": rule},
            "entities": {"type": "array", "items": {"type": "object"}},
            "facts": {"type": "array", "items": {"type": "object"}},
        },
    }
    assert set(pack["properties"]) == PACK_KEYS, "PACK_KEYS changed: describe the new key here"
    return pack


def config_schema() -> dict:
    """The schema of ``.factlint.yaml`` (and of ``[tool.factlint]``)."""
    from lint.config import _KEYS

    selectors = {**_STR_LIST, "description": "Rule ids, globs (style.*) or pack names."}
    severity = {"enum": list(SEVERITIES)}
    schema = {
        "$schema": DRAFT,
        "$id": "https://factlint.invalid/schema/factlint-config.schema.json",
        "title": "factlint configuration (.factlint.yaml)",
        "type": "object",
        "additionalProperties": False,
        "properties": {
            "extends": {"anyOf": [{"type": "string"}, _STR_LIST]},
            "packs": {
                **_STR_LIST,
                "description": "Shipped packs by name, `default` for the default ones, yours by path.",
            },
            "extend-packs": {**_STR_LIST, "description": "Packs added to the inherited ones."},
            "select": selectors,
            "ignore": selectors,
            "per-file-ignores": {"type": "object", "additionalProperties": selectors},
            "severity": {"type": "object", "additionalProperties": severity},
            "fail-on": {"enum": [*SEVERITIES, "never"]},
            "language": {"enum": list(LANGUAGES)},
            "pubdate": _DATE,
            "vocabulary": {
                "type": "object",
                "additionalProperties": False,
                "properties": {
                    "accept": _STR_LIST,
                    "files": {**_STR_LIST, "description": "Word lists, one word a line."},
                    "reject": {
                        "anyOf": [
                            _STR_LIST,
                            {
                                "type": "object",
                                "additionalProperties": {"type": ["string", "null"]},
                            },
                        ]
                    },
                },
            },
            "languagetool": {"type": "object"},
            "spacy": {"type": "object", "properties": {"model": {"type": "string"}}},
            "max-file-size": {
                "type": ["string", "integer"],
                "pattern": r"^\s*\d+(\.\d+)?\s*[A-Za-z]*\s*$",
            },
            "exclude": {**_STR_LIST, "description": "Globs relative to this file."},
        },
    }
    for key in sorted(set(_KEYS) - set(schema["properties"])):  # a setting added since
        schema["properties"][key] = {}
    return schema


def render(schema: dict) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


def generated() -> dict[str, str]:
    """File name → text of every schema, as it should be committed."""
    return {FILES["pack"]: render(pack_schema()), FILES["config"]: render(config_schema())}


def main() -> None:
    for name, text in generated().items():
        (SCHEMA_DIR / name).write_text(text, encoding="utf-8")
        print(f"wrote {SCHEMA_DIR / name}")


if __name__ == "__main__":
    main()
