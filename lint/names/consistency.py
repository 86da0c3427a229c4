"""One person, one spelling: group a draft's mentions of people and find the odd forms out.

Two written forms are taken for one name when they differ only by case,
hyphens, spaces or diacritics ("Kim Jong Un" / "Kim Jong-un", "Erdoğan" /
"Erdogan"), when the name index lists both for one entity ("Zelensky" /
"Zelenskyy"), or when they have the same words but one, and that one is a
small slip of the other ("Gerasimov" / "Gerasimow"). They are never taken for
one name when the index knows them as different people ("Kim Jong Un" / "Kim
Jong Il"), when they differ as a family's plural or a Slavic feminine does
("Obama" / "Obamas", "Petrov" / "Petrova"), or when whole names with different
first names end in them: "Ivan Petrov" and "Anna Petrova" are two people, so a
lone "Petrova" is nobody's misspelling.

The reference form is an accepted form of a known name if the group has one,
else the form used most (on a tie, the one used first); every other form in
its group is reported where it occurs.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rapidfuzz import fuzz

from lint.names.fold import close, fold, tight
from lint.names.index import NameIndex, derived
from lint.names.mentions import Name
from lint.names.slips import derived_form

LIKE = 70.0  # how alike two listed forms of one person must be to count as one spelling


@dataclass
class Form:
    """One way a name is written in the draft, and where."""

    text: str
    names: list[Name] = field(default_factory=list)  # its occurrences, in order
    person: bool = False  # some occurrence is a person by spaCy, a title or the index

    @property
    def key(self) -> str:
        return fold(self.text)

    @property
    def size(self) -> int:
        return len(self.key.split())

    @property
    def first(self) -> int:
        return self.names[0].start


@dataclass(frozen=True)
class Odd:
    """An occurrence written differently from the rest of its group."""

    name: Name
    written: str  # the odd form's text here ("Gerasimow", or the whole "Valery Gerasimow")
    reference: str  # the form the rest of the draft uses
    replacement: str  # the occurrence rewritten in the reference form
    count: int  # how often the reference form is used
    first: int  # offset of the reference form's first use


def odd_forms(names: list[Name], index: NameIndex) -> list[Odd]:
    """Occurrences of people's names written differently from the draft's usual form."""
    forms: dict[str, Form] = {}
    for name in names:
        if _shouted(name.text) or name.size > 4:
            continue
        key = name.text[:1].upper() + name.text[1:]  # "al-Shabab" begins a sentence capitalised
        forms.setdefault(key, Form(name.text)).names.append(name)
    for form in forms.values():
        form.person = _person(form, index)
    full = [f for f in forms.values() if f.size > 1]
    single = [f for f in forms.values() if f.size == 1]
    odd = list(_whole_names(full, index))
    seen = {o.name.start for o in odd}
    odd.extend(o for o in _surnames(full, single, index) if o.name.start not in seen)
    return sorted(odd, key=lambda o: o.name.start)


def _whole_names(full: list[Form], index: NameIndex):
    pairs = [
        (i, j) for i, j in _whole_candidates(full, index) if _same_whole(full[i], full[j], index)
    ]
    groups = [[full[i] for i in g] for g in _components(len(full), pairs)]
    for group in groups:
        ref = _reference(group, index)
        if not ref.person:
            continue
        for form in group:
            if form is ref or _not_person(form.text, index):
                continue
            for name in form.names:
                yield Odd(name, form.text, ref.text, ref.text, len(ref.names), ref.first)


def _surnames(full: list[Form], single: list[Form], index: NameIndex):
    """Lone surnames against each other and against the surnames of whole names."""
    units: dict[str, list[tuple[Name, str]]] = defaultdict(list)  # surname → (occurrence, whole)
    anchors: dict[str, set[str]] = defaultdict(set)  # surname → first names it follows
    person: set[str] = set()
    for form in full:
        if not form.person:
            continue
        surname, given = _surname_of(form.text, index)
        anchors[surname].add(fold(given))
        person.add(surname)
        units[surname].extend((n, form.text) for n in form.names)
    for form in single:
        if _not_person(form.text, index):
            continue
        units[form.text].extend((n, form.text) for n in form.names)
        if form.person:
            person.add(form.text)
    keys = list(units)
    loose = [k for k in keys if k not in anchors]
    pairs = [(a, b) for a, b in _single_candidates(loose, keys, index) if _same_single(a, b, index)]
    for group in _group_keys(keys, pairs):
        whole = [k for k in group if k in anchors]
        if len({fold(k) for k in whole}) > 1 or not person & set(group):
            continue  # two people's surnames, or nobody known to be a person
        if any(not _one_person(anchors[k]) for k in whole):
            continue  # the surname of two different people in this draft
        for k in group:
            units[k].sort(key=lambda unit: unit[0].start)
        ref = max(
            group,
            key=lambda k: (bool(index.single.get(fold(k))), len(units[k]), -units[k][0][0].start),
        )
        if ref not in person:
            continue
        count, first = len(units[ref]), units[ref][0][0].start
        for key in group:
            if key == ref or _known_other(key, ref, index):
                continue
            for name, whole_text in units[key]:
                replacement = _swap_last(whole_text, key, ref)
                yield Odd(name, whole_text, ref, replacement, count, first)


def _same_whole(a: Form, b: Form, index: NameIndex) -> bool:
    if a.size != b.size or a.text == b.text:
        return False
    return index.remember(("whole", a.text, b.text), lambda: _alike_whole(a, b, index))


def _alike_whole(a: Form, b: Form, index: NameIndex) -> bool:
    ea, eb = index.full.get(a.key, []), index.full.get(b.key, [])
    if ea and eb:  # two forms of one known person, unless unlike ("Leo XIV", "Robert Prevost")
        return bool(set(map(id, ea)) & set(map(id, eb))) and fuzz.ratio(a.key, b.key) >= LIKE
    if tight(a.text) == tight(b.text):
        return True
    differ = [(x, y) for x, y in zip(a.key.split(), b.key.split(), strict=True) if x != y]
    return len(differ) == 1 and close(*differ[0]) and not _family(*differ[0])


def _same_single(a: str, b: str, index: NameIndex) -> bool:
    return index.remember(("single", a, b), lambda: _alike_single(a, b, index))


def _alike_single(a: str, b: str, index: NameIndex) -> bool:
    ka, kb = fold(a), fold(b)
    if " " in ka or " " in kb:
        return False
    ea, eb = index.single.get(ka, []), index.single.get(kb, [])
    if ea and eb:
        return bool(set(map(id, ea)) & set(map(id, eb))) and fuzz.ratio(ka, kb) >= LIKE
    return tight(a) == tight(b) or (close(ka, kb) and not _family(ka, kb))


def _known_other(a: str, b: str, index: NameIndex) -> bool:
    ea, eb = index.single.get(fold(a), []), index.single.get(fold(b), [])
    return bool(ea and eb and not set(map(id, ea)) & set(map(id, eb)))


def _family(a: str, b: str) -> bool:
    """A family's plural ("Obamas") or a feminine surname ("Petrova", "Kowalska"), or a
    word made from the other ("Alaskan", "Anarchist", "Staline": ``slips.derived_form``)."""
    if derived_form(a, b):
        return True
    short, long_ = sorted((a, b), key=len)
    if long_ in (short + "s", short + "es", short + "a"):
        return True
    return len(a) == len(b) and a[:-1] == b[:-1] and {a[-1], b[-1]} <= {"a", "i", "y"}


def _one_person(given: set[str]) -> bool:
    """Can all these given names be one person's ("Valery", "V.", "")?"""
    names = sorted(given, key=len)
    return all(_compatible(a, b) for i, a in enumerate(names) for b in names[i + 1 :])


def _compatible(short: str, long_: str) -> bool:
    words = long_.split()
    return all(
        any(w == s or (s.endswith(".") and w.startswith(s[:-1])) for w in words)
        for s in short.split()
    )


def _surname_of(text: str, index: NameIndex) -> tuple[str, str]:
    """The surname of a whole name as written, and the rest (its given names)."""
    words = text.split()
    for entity in index.full.get(fold(text), []):
        if not entity.surname:
            continue
        n = len(entity.surname.split())
        for i in range(len(words) - n + 1):
            if fold(" ".join(words[i : i + n])) == fold(entity.surname):
                return " ".join(words[i : i + n]), " ".join(words[:i] + words[i + n :])
    return words[-1], " ".join(words[:-1])


def _swap_last(whole: str, old: str, new: str) -> str:
    if whole == old:
        return new
    if whole.endswith(old):
        return whole[: -len(old)] + new
    if whole.startswith(old):
        return new + whole[len(old) :]
    return new


def _person(form: Form, index: NameIndex) -> bool:
    """Is this form a person's name: known as one, written after a title, or taken by
    spaCy for a person more often than for anything else?"""
    if _not_person(form.text, index):
        return False
    if _person_known(form.text, index) or any(n.titled for n in form.names):
        return True
    labels = [n.label for n in form.names if n.label]
    return labels.count("PERSON") * 2 > len(labels)


def _person_known(text: str, index: NameIndex) -> bool:
    return any(e.type == "person" for e in index.known(text))


def _not_person(text: str, index: NameIndex) -> bool:
    """A known country or body, or a word made from one ("Israeli", "Russians")."""
    known = index.known(text)
    if known:
        return all(e.type != "person" for e in known)
    key = fold(text)
    if " " in key:
        return False
    return any(
        derived(key, form, e.type) for form in index.places_by_initial.get(key[:1], ())
        for e in index.single[form] if e.type != "person"
    )  # fmt: skip


def _shouted(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) > 1 and all(c.isupper() for c in letters)


def _reference(group: list[Form], index: NameIndex) -> Form:
    """The form the rest should follow: an accepted form of a known name, else the one
    used most, else the one used first."""
    return max(group, key=lambda f: (bool(index.known(f.text)), len(f.names), -f.first))


# -- which pairs can be alike at all ---------------------------------------------------------
# Comparing every pair of a long draft's names is quadratic; these give the pairs that
# can pass _alike_whole / _alike_single (a superset: each is still compared), from
# what each test needs: an index entity both forms belong to, the same tight form,
# or, for a slip, folded words at most two letters apart in length (whole names: all
# other words the same). tests/names/test_consistency.py checks them against all pairs.


def _whole_candidates(full: list[Form], index: NameIndex) -> set[tuple[int, int]]:
    """Index pairs (i < j) of whole names of one size that may be one name."""
    buckets: dict[tuple, list[int]] = defaultdict(list)
    for i, form in enumerate(full):
        words_ = form.key.split()
        buckets[("tight", tight(form.text))].append(i)
        for entity in index.full.get(form.key, ()):
            buckets[("known", id(entity))].append(i)
        for p in range(len(words_)):  # all words but one the same, in place
            buckets[("but", p, *words_[:p], *words_[p + 1 :])].append(i)
    return {(a, b) for group in buckets.values() for a in group for b in group if a < b}


def _single_candidates(loose: list[str], keys: list[str], index: NameIndex) -> set[tuple[str, str]]:
    """Pairs (a, b), a loose, b another key, that may be one surname."""
    by_length: dict[int, list[str]] = defaultdict(list)
    by_tight: dict[str, list[str]] = defaultdict(list)
    by_entity: dict[int, list[str]] = defaultdict(list)
    for key in keys:
        folded = fold(key)
        if " " in folded:
            continue  # never alike
        by_length[len(folded)].append(key)
        by_tight[tight(key)].append(key)
        for entity in index.single.get(folded, ()):
            by_entity[id(entity)].append(key)
    pairs: set[tuple[str, str]] = set()
    for a in loose:
        folded = fold(a)
        if " " in folded:
            continue
        near = list(by_tight.get(tight(a), ()))
        if len(folded) >= 6:  # `close` needs six letters and at most two edits
            near += [
                b for n in range(len(folded) - 2, len(folded) + 3) for b in by_length.get(n, ())
            ]
        for entity in index.single.get(folded, ()):
            near += by_entity[id(entity)]
        pairs.update((a, b) for b in near if b != a)
    return pairs


def _group_keys(keys: list[str], pairs: list[tuple[str, str]]) -> list[list[str]]:
    where = {k: i for i, k in enumerate(keys)}
    groups = _components(len(keys), [(where[a], where[b]) for a, b in pairs])
    return [[keys[i] for i in g] for g in groups]


def _components(n: int, pairs: list[tuple[int, int]]) -> list[list[int]]:
    """Groups of more than one item joined by ``pairs`` (union-find)."""
    parent = list(range(n))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, b in pairs:
        parent[root(a)] = root(b)
    groups: dict[int, list[int]] = defaultdict(list)
    for i in range(n):
        groups[root(i)].append(i)
    return [sorted(g) for g in groups.values() if len(g) > 1]
