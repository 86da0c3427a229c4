"""Entities of a names pack: who or what a name belongs to, and how it may be written.

An entity is written in YAML, in a pack's ``entities:`` list or in a data file
the rule names (``data: [names-data/public-figures.yaml]``)::

    - name: Recep Tayyip Erdoğan      # canonical form, with diacritics
      type: person                     # person | organisation | place
      variants: [Erdogan]              # other accepted forms
      preferred: Recep Tayyip Erdogan  # the house form, when not the canonical one
      surname: Erdoğan                 # the name used alone (default: the last word)
      misspellings: [Erdogen]          # known wrong forms, always flagged
      born: 1954-02-26                 # YYYY-MM-DD, or YYYY when only the year is known
      roles:
        - {title: President of Turkey, from: 2014-08-28}
        - {title: Prime Minister of Turkey, from: 2003-03-14, to: 2014-08-28}

Someone who has died also has ``died:`` (a date or a year, like ``born``): ages stop there.

A mistake is reported as ``file:line:col: what is wrong`` (OptionError with a mark).
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from dataclasses import dataclass, field
from pathlib import Path

from lint.names.fold import fold
from lint.packs.options import OptionError, reject_unknown_keys
from lint.packs.yamlpos import Mark, YAMLError, load, mark_of

TYPES = ("person", "organisation", "place")
ENTITY_KEYS = {
    "name", "type", "variants", "preferred", "surname", "misspellings", "roles", "note", "born",
    "died",
}  # fmt: skip
ROLE_KEYS = {"title", "from", "to"}
FILE_KEYS = {"checked", "description", "source", "entities"}
SUFFIXES = {"jr", "sr", "junior", "senior"}
_REGNAL = re.compile(r"[IVXLC]+")
_POSITION = re.compile(r"^(.+?):(\d+):(\d+): (.*)$", re.S)


@dataclass(frozen=True)
class Role:
    title: str
    start: dt.date | None = None
    end: dt.date | None = None


@dataclass(frozen=True)
class Day:
    """A date known to the day or only to the year: every day it may be is in
    [first, last]; ``text`` is how the data writes it ("1962-09-02", "1962")."""

    first: dt.date
    last: dt.date
    text: str

    @property
    def exact(self) -> bool:
        return self.first == self.last


@dataclass(frozen=True)
class Entity:
    name: str
    type: str
    variants: tuple[str, ...] = ()
    preferred: str | None = None
    surname: str | None = None
    misspellings: tuple[str, ...] = ()
    roles: tuple[Role, ...] = ()
    mark: Mark | None = field(default=None, compare=False)
    born: Day | None = None
    died: Day | None = None

    @property
    def display(self) -> str:
        """The form a fix writes: the house form, else the canonical one."""
        return self.preferred or self.name

    @property
    def forms(self) -> tuple[str, ...]:
        """Every accepted way to write the whole name."""
        return tuple(dict.fromkeys([self.name, *([self.preferred] if self.preferred else []),
                                    *self.variants]))  # fmt: skip

    def surnames(self) -> tuple[str, ...]:
        """The name used alone ("Modi", "Kim"), for people with more than one word."""
        if self.type != "person":
            return ()
        if self.surname:
            return (self.surname,)
        lasts = []
        for form in self.forms:
            words = form.split(" of ")[0].split()  # "King Abdullah II of Jordan"
            while len(words) > 1 and words[-1].rstrip(".").lower() in SUFFIXES:
                words = words[:-1]  # "Joseph R. Biden Jr."
            if len(words) > 1 and not _REGNAL.fullmatch(words[-1]):  # "Charles III": no surname
                lasts.append(words[-1])
        return tuple(dict.fromkeys(lasts))

    def role_at(self, when: dt.date | None = None) -> str:
        """The title held on ``when`` (or the latest one), for messages."""
        if not self.roles:
            return ""
        if when is not None:
            for role in self.roles:
                if (role.start is None or role.start <= when) and (
                    role.end is None or when <= role.end
                ):
                    return role.title
        return max(self.roles, key=lambda r: r.start or dt.date.min).title


def parse(raw: object, where: Mark | None, what: str = "`entities`") -> list[Entity]:
    """Entities from a YAML list, each mistake raised with its position."""
    if not isinstance(raw, list):
        raise OptionError(f"{what} must be a list of entities", getattr(raw, "mark", where))
    entities = [_entity(item, mark_of(raw, i, where)) for i, item in enumerate(raw)]
    _check_conflicts(entities, raw, where)
    return entities


def _entity(item: object, where: Mark | None) -> Entity:
    if not isinstance(item, dict):
        raise OptionError("an entity is a mapping with at least `name` and `type`", where)
    reject_unknown_keys(item, ENTITY_KEYS, "an entity", where)

    def text(key: str, required: bool = False) -> str | None:
        value = item.get(key)
        if value is None and not required:
            return None
        if not isinstance(value, str) or not value.strip():
            at = mark_of(item, key, where) if key in item else where
            raise OptionError(f"`{key}` must be a non-empty string", at)
        return " ".join(value.split())

    def texts(key: str) -> tuple[str, ...]:
        value = item.get(key, [])
        value = [value] if isinstance(value, str) else value
        if not isinstance(value, list):
            raise OptionError(f"`{key}` must be a list of strings", mark_of(item, key, where))
        for i, v in enumerate(value):
            if not isinstance(v, str) or not v.strip():
                raise OptionError(
                    f"`{key}` must be a list of strings, not {v!r}", mark_of(value, i, where)
                )
        return tuple(" ".join(v.split()) for v in value)

    name = text("name", required=True)
    kind = item.get("type")
    if kind not in TYPES:
        at = mark_of(item, "type", where) if "type" in item else where
        raise OptionError(f"`type` must be one of {', '.join(TYPES)}, not {kind!r}", at)
    assert name is not None
    return Entity(
        name=name,
        type=kind,
        variants=texts("variants"),
        preferred=text("preferred"),
        surname=text("surname"),
        misspellings=texts("misspellings"),
        roles=_roles(item, where),
        mark=where,
        **_life(item, kind, where),
    )


def _life(item: dict, kind: str, where: Mark | None) -> dict[str, Day | None]:
    """``born`` and ``died``, for people only; a death before the birth is a mistake."""
    found = {key: _day(item, key, where) for key in ("born", "died")}
    if kind != "person" and any(found.values()):
        key = "born" if found["born"] else "died"
        raise OptionError(f"`{key}` is for people only", mark_of(item, key, where))
    born, died = found["born"], found["died"]
    if born and died and died.last < born.first:
        raise OptionError(
            f"died ({died.text}) before born ({born.text})", mark_of(item, "died", where)
        )
    return found


def _day(item: dict, key: str, where: Mark | None) -> Day | None:
    value = item.get(key)
    if value is None:
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return Day(value, value, value.isoformat())
    if isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= 9999:
        return Day(dt.date(value, 1, 1), dt.date(value, 12, 31), str(value))
    raise OptionError(
        f"`{key}` must be a date, YYYY-MM-DD, or a year, YYYY (not {value!r})",
        mark_of(item, key, where),
    )


def _roles(item: dict, where: Mark | None) -> tuple[Role, ...]:
    raw = item.get("roles", [])
    if not isinstance(raw, list):
        raise OptionError("`roles` must be a list", mark_of(item, "roles", where))
    roles = []
    for i, role in enumerate(raw):
        at = mark_of(raw, i, where)
        if not isinstance(role, dict):
            raise OptionError("a role is a mapping with `title`, `from` and `to`", at)
        reject_unknown_keys(role, ROLE_KEYS, "a role", at)
        title = role.get("title")
        if not isinstance(title, str) or not title.strip():
            at_title = mark_of(role, "title", at) if "title" in role else at
            raise OptionError("a role needs a `title` (a string)", at_title)
        start, end = _date(role, "from", at), _date(role, "to", at)
        if start and end and end < start:
            raise OptionError(
                f"role ends ({end}) before it begins ({start})", mark_of(role, "to", at)
            )
        roles.append(Role(title.strip(), start, end))
    return tuple(roles)


def _date(role: dict, key: str, where: Mark | None) -> dt.date | None:
    value = role.get(key)
    if value is None:
        return None
    if isinstance(value, dt.date) and not isinstance(value, dt.datetime):
        return value
    try:
        return dt.date.fromisoformat(str(value))
    except ValueError:
        raise OptionError(
            f"`{key}` must be a date, YYYY-MM-DD (not {value!r})", mark_of(role, key, where)
        ) from None


def _check_conflicts(entities: list[Entity], raw: list, where: Mark | None) -> None:
    """The same canonical name twice, or a "misspelling" that is someone's real name, is
    a mistake in the data that would hide names or flag correct ones."""
    owners: dict[str, Entity] = {}
    seen: set[tuple[str, str]] = set()
    for i, entity in enumerate(entities):
        key = (fold(entity.name), entity.type)
        if key in seen:
            raise OptionError(
                f"duplicate entity {entity.name!r} (give one entry its variants instead)",
                mark_of(raw[i], "name", where),
            )
        seen.add(key)
        for form in entity.forms:
            owners.setdefault(fold(form), entity)
    for i, entity in enumerate(entities):
        for j, wrong in enumerate(entity.misspellings):
            other = owners.get(fold(wrong))
            if other is not None:
                whose = "its own" if other is entity else f"{other.name!r}'s"
                raise OptionError(
                    f"misspelling {wrong!r} is {whose} accepted form",
                    mark_of(raw[i].get("misspellings"), j, mark_of(raw[i], "misspellings")),
                )


@dataclass(frozen=True)
class DataFile:
    entities: tuple[Entity, ...]
    checked: dt.date | None


def load_file(path: Path, where: Mark | None) -> DataFile:
    """A data file of entities, parsed once per process (cached by path and mtime)."""
    try:
        stamp = path.stat().st_mtime_ns
    except OSError as exc:
        raise OptionError(f"cannot read names data {str(path)!r}: {exc.strerror}", where) from None
    return _load_cached(str(path), stamp)


@functools.lru_cache(maxsize=16)
def _load_cached(path: str, _stamp: int) -> DataFile:
    top = Mark(path, 1, 1)
    try:
        data = load(Path(path).read_text("utf-8"), path)
    except (OSError, UnicodeDecodeError) as exc:
        raise OptionError(f"cannot read names data: {exc}", top) from None
    except YAMLError as exc:
        found = _POSITION.match(str(exc))
        if found is None:
            raise OptionError(str(exc), top) from None
        path_, line, col, reason = found.groups()
        raise OptionError(reason, Mark(path_, int(line), int(col))) from None
    if isinstance(data, list):
        return DataFile(tuple(parse(data, top)), None)
    if not isinstance(data, dict) or "entities" not in data:
        raise OptionError(
            "a names data file is a list of entities or a mapping with `entities`", top
        )
    for key in data:
        if key not in FILE_KEYS:
            raise OptionError(
                f"unknown key {key!r} in a names data file (allowed: {', '.join(sorted(FILE_KEYS))})",
                mark_of(data, key, top, at_key=True),
            )
    checked = data.get("checked")
    if checked is not None and not isinstance(checked, dt.date):
        raise OptionError("`checked` must be a date, YYYY-MM-DD", mark_of(data, "checked", top))
    return DataFile(tuple(parse(data["entities"], mark_of(data, "entities", top))), checked)
