"""Which rule ids exist, so a typo in ``select``, ``ignore``, ``severity`` or an inline
``factlint-disable`` is an error that names the closest ids, as Ruff does, instead of
silently switching off nothing (or everything).

Ids are read from the packs' YAML without compiling their checks (a few milliseconds
for every shipped pack), so checking a selector costs nothing next to a lint run.
"""

from __future__ import annotations

import difflib
import fnmatch
import functools
from pathlib import Path

import regex

from lint.packs.loader import is_shipped_pack, shipped_dir, shipped_names
from lint.packs.yamlpos import YAMLError, decode_utf8, load

BUILT_IN = ("vocabulary.rejected",)
"""Rules no pack file declares: the configuration's ``vocabulary.reject`` list."""
OPEN_PACKS = ("languagetool",)
"""Packs whose ids are not known in advance (LanguageTool's, ``languagetool.RULE_ID``)."""


_TOP = regex.compile(r"^(?P<key>[A-Za-z_][\w-]*):(?P<rest>.*)$")
_ITEM_ID = regex.compile(r"^(?P<indent> *)- +id: *(?P<id>[^#\s]+)")


def _scan(text: str) -> tuple[str, tuple[str, ...]] | None:
    """(name, ids) read from a block-style pack's lines, in a millisecond where parsing
    the YAML of a large pack takes a second; None when the pack is not written that way."""
    name, ids, key, indent = None, [], None, None
    for line in text.splitlines():
        top = _TOP.match(line)
        if top:
            key = top.group("key")
            if key == "name":
                name = top.group("rest").split(" #")[0].strip().strip("'\"")
            elif key == "rules" and top.group("rest").split("#")[0].strip():
                return None  # a flow-style list: leave it to the YAML parser
            continue
        if key != "rules":
            continue
        item = _ITEM_ID.match(line)
        if item and (indent is None or len(item.group("indent")) == indent):
            indent = len(item.group("indent"))
            ids.append(item.group("id").strip("'\""))
        elif line.lstrip().startswith("-") and (
            indent is None or len(line) - len(line.lstrip()) == indent
        ):
            return None  # a rule whose id is not its first key: leave it to the parser
    return (name, tuple(ids)) if name else None


@functools.lru_cache(maxsize=256)
def _ids_cached(path: str, _stamp: int) -> tuple[str, tuple[str, ...]] | None:
    try:
        text = decode_utf8(Path(path).read_bytes(), path)
    except (OSError, YAMLError):
        return None
    scanned = _scan(text)
    if scanned is not None:
        name, ids = scanned
        return name, tuple(i if i.startswith(name + ".") else f"{name}.{i}" for i in ids)
    try:
        data = load(text, path)
    except YAMLError:
        return None
    if not isinstance(data, dict) or not isinstance(data.get("name"), str):
        return None
    name = data["name"].strip()
    ids = []
    for rule in data.get("rules") or []:
        rid = rule.get("id") if isinstance(rule, dict) else None
        if isinstance(rid, str) and rid.strip():
            rid = rid.strip()
            ids.append(rid if rid.startswith(name + ".") else f"{name}.{rid}")
    return name, tuple(ids)


def pack_ids(path: Path) -> tuple[str, tuple[str, ...]] | None:
    """(pack name, rule ids) of the pack file at ``path``; None if it cannot be read
    (loading it reports why)."""
    try:
        stamp = path.stat().st_mtime_ns
    except OSError:
        return None
    return _ids_cached(str(path), stamp)


def known(pack_specs: list[str], root: Path) -> tuple[set[str], set[str]]:
    """(rule ids, pack names) of every shipped pack and of the packs named by path."""
    ids: set[str] = set(BUILT_IN)
    names: set[str] = {r.split(".", 1)[0] for r in BUILT_IN} | set(OPEN_PACKS)
    paths = [shipped_dir() / f"{n}.yaml" for n in shipped_names()]
    for spec in pack_specs:
        if not is_shipped_pack(spec):
            path = Path(spec).expanduser()
            paths.append(path if path.is_absolute() else root / path)
    for path in paths:
        found = pack_ids(path)
        if found:
            names.add(found[0])
            ids.update(found[1])
    return ids, names


def problem(selector: str, ids: set[str], names: set[str]) -> str | None:
    """Why ``selector`` (an id, a glob or a pack name) matches no rule, with the closest
    known ids; None when it is fine."""
    if selector == "*" or selector in ids or selector in names:
        return None
    pack = selector.split(".", 1)[0]
    if pack in OPEN_PACKS and "." in selector:
        return None
    if any(ch in selector for ch in "*?["):
        if any(fnmatch.fnmatchcase(i, selector) for i in ids) or (
            pack in OPEN_PACKS or fnmatch.fnmatchcase("languagetool.X", selector)
        ):
            return None
        what = "glob"
        probe = selector.replace("*", "").replace("?", "").rstrip(".")
    else:
        what = "rule id" if "." in selector else "rule id or pack name"
        probe = selector
    close = difflib.get_close_matches(probe, sorted(ids | names), n=3, cutoff=0.6)
    hint = f"; did you mean {', '.join(repr(c) for c in close)}?" if close else ""
    return f"unknown {what} {selector!r}{hint} (see `factlint rules --all`)"
