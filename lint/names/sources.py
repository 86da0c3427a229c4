"""Where a names rule gets its entities: the pack's own ``entities:`` list and the data
files its ``data`` option names (relative to the pack), combined into one index.

The shipped list of public figures is large, so an index built from data files
alone is shared by every rule that names the same files (and rebuilt only when
one of them changes).
"""

from __future__ import annotations

import datetime as dt
import functools
from pathlib import Path

import regex

from lint.names.entities import DataFile, Entity, load_file, parse
from lint.names.index import NameIndex
from lint.packs.options import OptionError
from lint.packs.yamlpos import mark_of

_WORD_SPLIT = regex.compile(r"[\s\-‐]+")


def index_for(rule, data: list[str], required: bool) -> tuple[NameIndex, dt.date | None]:
    """The rule's name index and the date its data was last checked (the latest given)."""
    pack = rule.owner
    inline: list[Entity] = []
    checked: list[dt.date] = []
    if pack is not None and "entities" in pack.data:
        raw = pack.data.get("_raw", {})
        inline = parse(pack.data["entities"], mark_of(raw, "entities", rule.mark))
        if isinstance(pack.data.get("checked"), dt.date):
            checked.append(pack.data["checked"])
    base = Path(pack.path).parent if pack is not None and pack.path else Path.cwd()
    files: list[tuple[Path, DataFile]] = []
    for i, spec in enumerate(data):
        path = (base / spec).resolve()
        if not path.is_file():
            raise OptionError(
                f"names data file {spec!r} not found (looked for {path})",
                mark_of(data, i, rule.mark),
            )
        loaded = load_file(path, mark_of(data, i, rule.mark))
        files.append((path, loaded))
        if loaded.checked:
            checked.append(loaded.checked)
    if required and not inline and not any(f.entities for _, f in files):
        raise OptionError(
            "a names rule needs entities: a non-empty `entities:` list in its pack, "
            "or `data:` files",
            rule.mark,
        )
    if inline:
        entities = [e for _, f in files for e in f.entities] + inline
        index = NameIndex(entities)
    else:
        index = _shared(tuple(files))
    return index, max(checked, default=None)


@functools.lru_cache(maxsize=8)
def _shared(files: tuple[tuple[Path, DataFile], ...]) -> NameIndex:
    return NameIndex(e for _, f in files for e in f.entities)


def accepted_words(index: NameIndex) -> frozenset[str]:
    """Words of every accepted form, as written and split at hyphens, for the speller."""
    words: set[str] = set()
    for entity in index.entities:
        for form in (*entity.forms, *entity.surnames()):
            for word in form.split():
                words.add(word)
                words.update(w for w in _WORD_SPLIT.split(word) if w)
    return frozenset(w for w in words if any(c.isalpha() for c in w))
