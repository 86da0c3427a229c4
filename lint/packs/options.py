"""Typed rule options: each check kind declares its options; packs are checked against them.

The declarations double as documentation (``factlint explain`` prints them), in
the manner of yamllint's ``CONF``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from lint.packs.yamlpos import Mark, mark_of


class OptionError(Exception):
    def __init__(self, message: str, mark: Mark | None) -> None:
        super().__init__(message)
        self.mark = mark


@dataclass(frozen=True)
class Option:
    type: str  # "str", "bool", "int", "list[str]", "map[str]", "map[str|list]", "list[list]", "any"
    default: Any = None
    doc: str = ""
    required: bool = False


def _is_str_list(value: Any) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


_CHECKERS = {
    "str": lambda v: isinstance(v, str),
    "bool": lambda v: isinstance(v, bool),
    "int": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "list[str]": _is_str_list,
    "map[str]": lambda v: isinstance(v, dict) and all(isinstance(x, str) for x in v.values()),
    "map[str|list]": lambda v: (
        isinstance(v, dict) and all(isinstance(x, str) or _is_str_list(x) for x in v.values())
    ),
    "list[list]": lambda v: isinstance(v, list) and all(isinstance(x, list) for x in v),
    "list[map]": lambda v: isinstance(v, list) and all(isinstance(x, dict) for x in v),
    "any": lambda v: True,
}

_NAMES = {
    "str": "a string",
    "bool": "true or false",
    "int": "an integer",
    "number": "a number",
    "list[str]": "a list of strings",
    "map[str]": "a mapping of strings to strings",
    "map[str|list]": "a mapping of strings to a string or a list of strings",
    "list[list]": "a list of lists",
    "list[map]": "a list of mappings",
    "any": "anything",
}


def _describe(value: Any) -> str:
    """What a YAML value is, in a pack author's words (never an internal class name). Looks
    one level into a list, never deeper: YAML aliases can nest a list a billion items deep."""
    if isinstance(value, list):
        kinds = sorted({_kind(v) for v in value[:100]})
        return f"a list of {' and '.join(kinds)}" if kinds else "an empty list"
    return _kind(value, article=True)


def _kind(value: Any, article: bool = False) -> str:
    if isinstance(value, dict):
        return "a mapping" if article else "mappings"
    if isinstance(value, list):
        return "a list" if article else "lists"
    if value is None:
        return "nothing"
    return type(value).__name__


def validate_options(raw: dict, spec: dict[str, Option], kind: str) -> dict:
    """Options with defaults filled in; OptionError (with position) on a mistake."""
    result: dict[str, Any] = {}
    for key, value in raw.items():
        if key not in spec:
            known = ", ".join(sorted(spec)) or "none"
            raise OptionError(
                f"unknown option {key!r} for kind {kind!r} (known: {known})", mark_of(raw, key)
            )
        option = spec[key]
        if not _CHECKERS[option.type](value):
            raise OptionError(
                f"option {key!r} must be {_NAMES[option.type]}, not {_describe(value)}",
                mark_of(raw, key),
            )
        result[key] = value
    for key, option in spec.items():
        if key not in result:
            if option.required:
                raise OptionError(f"kind {kind!r} needs option {key!r}", getattr(raw, "mark", None))
            default = option.default
            result[key] = list(default) if isinstance(default, list) else default
    return result


def reject_unknown_keys(data: dict, allowed: set[str], what: str, where: Mark | None) -> None:
    """OptionError at the first key of ``data`` not in ``allowed`` (a typo must not be ignored)."""
    for key in data:
        if key not in allowed:
            raise OptionError(
                f"unknown key {key!r} in {what} (allowed: {', '.join(sorted(allowed))})",
                mark_of(data, key, where, at_key=True),
            )
