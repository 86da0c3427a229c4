"""Loading and validating rule packs: YAML → Pack with compiled checks.

Every mistake is reported as ``pack.yaml:LINE:COL: what is wrong``. YAML is
read with a safe loader, so a pack is data and can never run code.
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import regex

import lint
from lint.findings import CATEGORIES, SEVERITIES
from lint.packs.model import OUTSIDE, Example, Pack, Rule
from lint.packs.options import OptionError, validate_options
from lint.packs.yamlpos import Mark, PosDict, YAMLError, decode_utf8, load, mark_of

NAME = regex.compile(r"[a-z0-9][a-z0-9_-]*")
LANGUAGE = regex.compile(r"[a-z]{2}-[A-Z]{2}")
PACK_KEYS = {"name", "description", "link", "defaults", "rules", "checked", "entities", "facts"}
RULE_KEYS = {
    "id", "kind", "severity", "category", "message", "link", "summary", "doc", "fix", "examples",
    "outside", "languages",
}  # fmt: skip
EXAMPLE_KEYS = {"text", "pubdate", "fixed"}
DEFAULT_KEYS = {"severity", "category", "message", "fix", "outside"}


class PackError(Exception):
    """A pack that cannot be used; str() is ``file:line:col: what is wrong``."""


def shipped_dir() -> Path:
    """Where the packs that ship with factlint live (inside the wheel, or the checkout)."""
    inside = Path(lint.__file__).parent / "rules"
    return inside if inside.is_dir() else Path(lint.__file__).parent.parent / "rules"


def docs_dir() -> Path:
    """Where the rule reference pages live (docs/rules/ of the checkout, in the wheel)."""
    inside = Path(lint.__file__).parent / "docs" / "rules"
    return inside if inside.is_dir() else Path(lint.__file__).parent.parent / "docs" / "rules"


def rule_page(rule_id: str) -> Path:
    """The reference page of a shipped rule (``factlint rules --format markdown`` writes it)."""
    return docs_dir() / f"{rule_id}.md"


def _link(pattern: str | None, rule_id: str, pack: Pack) -> str | None:
    """A rule's ``link``: its own, or its pack's with ``{id}``, ``{pack}`` and ``{name}``
    filled in; a shipped rule without one links to its reference page."""
    if pattern is None:
        return rule_page(rule_id).as_uri() if pack.shipped else None
    if "{" not in pattern:
        return pattern
    name = rule_id.split(".", 1)[1]
    try:
        return pattern.format(id=rule_id, pack=pack.name, name=name)
    except (KeyError, IndexError, ValueError):
        return pattern  # braces of the URL's own: kept as written


def shipped_names() -> list[str]:
    return sorted(p.stem for p in shipped_dir().glob("*.yaml"))


def is_shipped_pack(spec: str) -> bool:
    """Does ``spec`` name a pack that ships with factlint (``idioms``)?"""
    return bool(NAME.fullmatch(spec)) and (shipped_dir() / f"{spec}.yaml").is_file()


def resolve(spec: str, base: Path | None = None) -> Path:
    """A pack given by shipped name (``idioms``) or by path (``./house.yaml``)."""
    if is_shipped_pack(spec):
        return shipped_dir() / f"{spec}.yaml"
    path = Path(spec).expanduser()
    if not path.is_absolute() and base is not None:
        path = base / path
    if not path.is_file():
        known = ", ".join(shipped_names())
        raise PackError(
            f"{spec}: no such pack (shipped packs: {known}; or give a path to a .yaml file)"
        )
    return path


def load_pack(path: Path) -> Pack:
    """Load, validate and compile one pack (cached by path and modification time)."""
    path = Path(path)
    try:
        stamp = path.stat().st_mtime_ns
    except OSError as exc:
        raise PackError(f"{path}: cannot read pack: {exc.strerror}") from None
    return _load_cached(str(path), stamp)


@functools.lru_cache(maxsize=64)
def _load_cached(path: str, _stamp: int) -> Pack:
    try:
        text = decode_utf8(Path(path).read_bytes(), path)
    except OSError as exc:
        raise PackError(f"{path}: cannot read pack: {exc.strerror or exc}") from None
    except YAMLError as exc:
        raise PackError(str(exc)) from None
    return parse_pack(text, path, shipped=Path(path).parent.resolve() == shipped_dir().resolve())


def parse_pack(text: str, path: str, shipped: bool = False) -> Pack:
    try:
        data = load(text, path)
    except YAMLError as exc:
        raise PackError(str(exc)) from None
    top = Mark(path, 1, 1)
    if not isinstance(data, dict):
        raise PackError(f"{top}: a pack is a mapping with `name`, `description` and `rules`")
    _no_unknown(data, PACK_KEYS, "pack")
    name = _required_str(data, "name", top)
    if not NAME.fullmatch(name):
        raise PackError(
            f"{mark_of(data, 'name')}: pack name {name!r} must be lower-case letters, digits, - or _"
        )
    for key in ("description", "link"):
        if data.get(key) is not None and not isinstance(data[key], str):
            raise PackError(f"{mark_of(data, key)}: `{key}` must be a string")
    if "checked" in data and not isinstance(data["checked"], dt.date):
        raise PackError(f"{mark_of(data, 'checked')}: `checked` must be a date, YYYY-MM-DD")
    pack = Pack(name, str(data.get("description") or ""), path, shipped=shipped)
    pack.data = {k: data[k] for k in ("entities", "facts", "checked") if k in data}
    pack.data["_raw"] = data
    defaults = data.get("defaults") or {}
    if not isinstance(defaults, dict):
        raise PackError(f"{mark_of(data, 'defaults')}: `defaults` must be a mapping")
    _no_unknown(defaults, DEFAULT_KEYS, "pack defaults")
    if "message" in defaults and not isinstance(defaults["message"], str):
        raise PackError(f"{mark_of(defaults, 'message')}: `defaults.message` must be a string")
    if "fix" in defaults and not isinstance(defaults["fix"], bool):
        raise PackError(f"{mark_of(defaults, 'fix')}: `defaults.fix` must be true or false")
    rules = data.get("rules")
    if rules is None:
        rules = []
    if not isinstance(rules, list):
        raise PackError(f"{mark_of(data, 'rules')}: `rules` must be a list")
    seen: set[str] = set()
    for i, raw in enumerate(rules):
        rule = _parse_rule(raw, pack, defaults, mark_of(rules, i, top) or top, data.get("link"))
        if rule.id in seen:
            raise PackError(f"{rule.mark}: duplicate rule id {rule.id!r}")
        seen.add(rule.id)
        pack.rules.append(rule)
    return pack


def compile_rule(rule: Rule, context: dict | None = None):
    """The Check object for a rule; PackError (with position) if its options are wrong."""
    from lint.checks import KINDS

    cls = KINDS[rule.kind]
    try:
        return cls(rule) if context is None else cls(rule, **context)
    except OptionError as exc:
        raise PackError(f"{exc.mark or rule.mark}: {rule.id}: {exc}") from None
    except (TypeError, ValueError, KeyError, AttributeError, IndexError) as exc:
        # a shape the kind's own checks missed: still the pack's mistake, never a traceback
        detail = " ".join(str(exc).split())[:200]
        raise PackError(
            f"{rule.mark}: {rule.id}: the options of kind {rule.kind!r} have the wrong shape "
            f"({type(exc).__name__}: {detail})"
        ) from None


def _parse_rule(raw: object, pack: Pack, defaults: dict, where: Mark, pack_link) -> Rule:
    from lint.checks import KINDS

    if not isinstance(raw, dict):
        raise PackError(f"{where}: each rule is a mapping with at least `id` and `kind`")
    rid = _required_str(raw, "id", where)
    local = rid[len(pack.name) + 1 :] if rid.startswith(pack.name + ".") else rid
    if not NAME.fullmatch(local):
        raise PackError(
            f"{mark_of(raw, 'id')}: rule id {rid!r} must be lower-case letters, digits, - or _"
        )
    full = f"{pack.name}.{local}"
    kind = _required_str(raw, "kind", where)
    if kind not in KINDS:
        raise PackError(
            f"{mark_of(raw, 'kind')}: {full}: unknown kind {kind!r} (known: {', '.join(sorted(KINDS))})"
        )
    cls = KINDS[kind]
    severity = raw.get("severity", defaults.get("severity", "warning"))
    if severity not in SEVERITIES:
        raise PackError(
            f"{mark_of(raw, 'severity')}: {full}: severity must be one of {', '.join(SEVERITIES)}, not {severity!r}"
        )
    category = raw.get("category", defaults.get("category", cls.category))
    if category not in CATEGORIES:
        raise PackError(
            f"{mark_of(raw, 'category')}: {full}: category must be one of {', '.join(CATEGORIES)}, not {category!r}"
        )
    for key in ("message", "link", "summary", "doc"):
        if key in raw and not isinstance(raw[key], str):
            raise PackError(f"{mark_of(raw, key)}: {full}: `{key}` must be a string")
    if "fix" in raw and not isinstance(raw["fix"], bool):
        raise PackError(f"{mark_of(raw, 'fix')}: {full}: `fix` must be true or false")
    outside = raw.get(
        "outside", defaults.get("outside", ["quotations"] if category == "style" else [])
    )
    if not isinstance(outside, list) or any(o not in OUTSIDE for o in outside):
        raise PackError(
            f"{mark_of(raw, 'outside')}: {full}: `outside` is a list of {', '.join(OUTSIDE)}"
        )
    languages = raw.get("languages", [])
    if not isinstance(languages, list) or not all(
        isinstance(v, str) and LANGUAGE.fullmatch(v) for v in languages
    ):
        raise PackError(
            f"{mark_of(raw, 'languages')}: {full}: `languages` is a list of varieties such as en-US"
        )
    opts = PosDict((k, v) for k, v in raw.items() if k not in RULE_KEYS)
    opts.mark, opts.marks = raw.mark if hasattr(raw, "mark") else where, getattr(raw, "marks", {})
    try:
        options = validate_options(opts, cls.options, kind)
    except OptionError as exc:
        raise PackError(f"{exc.mark or where}: {full}: {exc}") from None
    bad, good = _parse_examples(raw, full, where)
    rule = Rule(
        id=full,
        kind=kind,
        severity=severity,
        category=category,
        message=raw.get("message", defaults.get("message", "")) or "",
        options=options,
        pack=pack.name,
        summary=raw.get("summary", ""),
        doc=raw.get("doc", ""),
        link=_link(raw.get("link", pack_link), full, pack),
        fix=raw.get("fix", defaults.get("fix", True)),
        outside=tuple(outside),
        languages=tuple(languages),
        bad=bad,
        good=good,
        mark=getattr(raw, "mark", where) or where,
        owner=pack,
    )
    rule.check = compile_rule(rule)  # a broken pack fails at load time, with its position
    return rule


def _parse_examples(raw: dict, rid: str, where: Mark) -> tuple[list[Example], list[Example]]:
    examples = raw.get("examples") or {}
    if not isinstance(examples, dict):
        raise PackError(
            f"{mark_of(raw, 'examples')}: {rid}: `examples` must be a mapping with `bad` and `good` lists"
        )
    _no_unknown(examples, {"bad", "good"}, f"{rid} examples")
    result: dict[str, list[Example]] = {"bad": [], "good": []}
    for side in ("bad", "good"):
        items = examples.get(side) or []
        if not isinstance(items, list):
            raise PackError(f"{mark_of(examples, side)}: {rid}: `examples.{side}` must be a list")
        for i, item in enumerate(items):
            mark = mark_of(items, i, where)
            if isinstance(item, str):
                result[side].append(Example(item, mark))
            elif isinstance(item, dict) and isinstance(item.get("text"), str):
                _no_unknown(item, EXAMPLE_KEYS, f"{rid} example")
                pubdate = item.get("pubdate")
                if pubdate is not None and not isinstance(pubdate, dt.date):
                    try:
                        pubdate = dt.date.fromisoformat(str(pubdate))
                    except ValueError:
                        raise PackError(
                            f"{mark_of(item, 'pubdate')}: {rid}: `pubdate` must be YYYY-MM-DD"
                        ) from None
                fixed = item.get("fixed")
                if fixed is not None and not isinstance(fixed, str):
                    raise PackError(f"{mark_of(item, 'fixed')}: {rid}: `fixed` must be a string")
                result[side].append(Example(item["text"], mark, pubdate, fixed))
            else:
                raise PackError(f"{mark}: {rid}: an example is a string or a mapping with `text`")
    return result["bad"], result["good"]


def _required_str(data: dict, key: str, where: Mark) -> str:
    value = data.get(key)
    if not isinstance(value, str) or not value.strip():
        raise PackError(
            f"{mark_of(data, key) if key in data else getattr(data, 'mark', where)}: `{key}` is required and must be a string"
        )
    return value.strip()


def _no_unknown(data: dict, allowed: set[str], what: str) -> None:
    for key in data:
        if key not in allowed:
            raise PackError(
                f"{mark_of(data, key, at_key=True)}: unknown key {key!r} in {what} (allowed: {', '.join(sorted(allowed))})"
            )
