"""The name index: every accepted form of every entity, by folded key, for exact and
fuzzy look-up.

Fuzzy matching is deliberately narrow, because an editor stops reading a tool
that flags correct names: a candidate must share its first letter and at least
one whole word with a known name, every other word must be a small slip of the
known word, and a word that is itself known (accepted vocabulary, or a word of
another entity's name) is never a slip: "Kim Jong Il" is not a misspelling of
"Kim Jong Un", and "Donald Tusk" is not one of "Donald Trump".
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable, Iterable
from dataclasses import dataclass

from rapidfuzz import fuzz, process
from rapidfuzz.distance import OSA

from lint.names.entities import Entity
from lint.names.fold import fold
from lint.names.mentions import TITLES

MIN_RATIO = 85.0  # rapidfuzz ratio of the folded names, 0-100
MEMO_SIZE = 1 << 18
TIE = 2.0  # two different entities this close in score: ambiguous, say nothing


@dataclass(frozen=True)
class Near:
    """A known name a written one is probably a misspelling of."""

    entity: Entity
    form: str  # the accepted form, as the data writes it, that the fix puts in
    score: float


class NameIndex:
    def __init__(self, entities: Iterable[Entity]) -> None:
        self.entities = tuple(entities)
        self.full: dict[str, list[Entity]] = defaultdict(list)  # whole forms, 2+ words
        self.single: dict[str, list[Entity]] = defaultdict(list)  # one-word forms, surnames
        self.written: dict[str, list[str]] = defaultdict(list)  # folded key → forms as written
        self.wrong: dict[str, Entity] = {}
        self.words: set[str] = set()
        self.memo: dict = {}  # comparisons of name forms (pure given the index), see remember
        for entity in self.entities:
            for form in entity.forms:
                self._add(form, entity)
                bare = _untitled(form)
                if bare != form and len(bare.split()) > 1:
                    self._add(bare, entity)
            for surname in entity.surnames():
                self._add(surname, entity, single=True)
            for wrong in entity.misspellings:
                self.wrong[fold(wrong)] = entity
        self.by_size: dict[int, list[str]] = defaultdict(list)
        for key in self.full:
            self.by_size[len(key.split())].append(key)
        self.singles = list(self.single)
        self.places_by_initial: dict[str, list[str]] = defaultdict(list)
        for key, owners in self.single.items():
            if any(e.type != "person" for e in owners):
                self.places_by_initial[key[:1]].append(key)

    def _add(self, form: str, entity: Entity, single: bool = False) -> None:
        key = fold(form)
        table = self.single if single or " " not in key else self.full
        if entity not in table[key]:
            table[key].append(entity)
        if form not in self.written[key]:
            self.written[key].append(form)
        self.words.update(key.split())

    def __len__(self) -> int:
        return len(self.entities)

    def known(self, name: str) -> list[Entity]:
        """The entities ``name`` is an accepted form of (whole name, or surname alone)."""
        key = fold(name)
        return self.full.get(key) or self.single.get(key) or []

    def remember(self, key: tuple, compute: Callable[[], bool]) -> bool:
        """``compute()``, once per ``key``: an editor re-checks the same names on every
        edit, and comparing every pair of names is the costly part of consistency."""
        if key not in self.memo:
            if len(self.memo) > MEMO_SIZE:
                self.memo.clear()
            self.memo[key] = compute()
        return self.memo[key]

    def misspelling(self, name: str) -> Entity | None:
        """The entity ``name`` is a listed misspelling of."""
        return self.wrong.get(fold(name))

    def near(self, name: str, is_known: Callable[[str], bool]) -> Near | None:
        """The one known name ``name`` is a small slip from, or None.

        ``is_known(word)`` says whether a folded word is accepted vocabulary: such a
        word is never taken for a slip.
        """
        key = fold(name)
        words = key.split()
        if not words or key in self.full or key in self.single:
            return None
        if len(words) == 1:
            found = self._near_single(key, is_known)
        else:
            found = self._near_full(words, is_known)
        if not found:
            return None
        found.sort(key=lambda n: -n.score)
        best = found[0]
        rivals = [n for n in found[1:] if n.score >= best.score - TIE]
        if any(n.entity is not best.entity and n.form != best.form for n in rivals):
            return None  # close to two different names
        return Near(best.entity, self.replacement(best.entity, name, best.form), best.score)

    def _near_full(self, words: list[str], is_known: Callable[[str], bool]) -> list[Near]:
        key = " ".join(words)
        hits = process.extract(
            key, self.by_size.get(len(words), []), scorer=fuzz.ratio, score_cutoff=MIN_RATIO,
            limit=8,
        )  # fmt: skip
        found = []
        for form, score, _ in hits:
            pairs = list(zip(words, form.split(), strict=True))
            differ = [(a, b) for a, b in pairs if a != b]
            if len(differ) == len(pairs) or key[0] != form[0]:
                continue
            if all(_slip(a, b) and not is_known(a) and a not in self.words for a, b in differ):
                found.extend(
                    Near(e, form, score)
                    for e in self.full[form]
                    if not any(derived(a, b, e.type) for a, b in differ)
                )
        return found

    def _near_single(self, key: str, is_known: Callable[[str], bool]) -> list[Near]:
        if len(key) < 6 or is_known(key) or key in self.words:
            return []
        hits = process.extract(
            key, self.singles, scorer=OSA.distance, score_cutoff=1 if len(key) < 9 else 2,
            limit=8,
        )  # fmt: skip
        return [
            Near(e, form, 100.0 - 10 * dist)
            for form, dist, _ in hits
            if form[0] == key[0] and len(form) >= 6
            and not any(derived(key, form, o.type) for o in self.single[form])
            for e in self.single[form]
        ]  # fmt: skip

    def replacement(self, entity: Entity, written: str, key: str | None = None) -> str:
        """The form a fix offers for ``written``: the house (or canonical) form when it has as
        many words as the matched form ``key`` (default: ``written``), else the accepted form
        of that shape closest to what was written."""
        size = len(fold(key or written).split())
        for form in (entity.display, entity.name):
            if len(fold(form).split()) == size:
                return form
        same = [f for f in (*entity.forms, *entity.surnames()) if len(fold(f).split()) == size]
        pool = (self.written.get(key) if key else None) or same or [entity.display]
        return max(pool, key=lambda f: fuzz.ratio(f.lower(), written.lower()))


def _slip(written: str, known: str) -> bool:
    """Is a written word a plausible misspelling of a known word ("Nahedra", "Narendra")?"""
    shorter = min(len(written), len(known))
    if shorter < 4 or written[0] != known[0]:
        return False
    allowed = 1 if shorter < 7 else 2 if shorter < 10 else 3
    return OSA.distance(written, known) <= allowed


PLURALS = ("s", "es")


def derived(written: str, known: str, kind: str) -> bool:
    """Is a folded word made from a known one, or another name built on it, rather than a
    slip: a people or an adjective from a place ("Americans", "German", "Argentine",
    "Israeli"), a family's plural ("the Obamas"), a longer name ("Turchinov", "Turchin")?"""
    if len(known) < 4 or written == known:
        return False
    short, long_ = sorted((written, known), key=len)
    if long_.startswith(short) and len(long_) - len(short) >= 2:
        return True
    if kind == "person":
        return any(written == known + end for end in PLURALS)
    return written.startswith(known[:-1]) and len(written) >= len(known) - 1


def _untitled(form: str) -> str:
    words = form.split()
    while len(words) > 1 and words[0].rstrip(".").lower() in TITLES:
        words = words[1:]
    return " ".join(words)
