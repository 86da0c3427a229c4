"""One word of a name spelt differently once: "Mr Hallam … Mr Halam said", "the Geelnog plant".

``consistency`` compares whole names and people's surnames, and needs six
letters to call two words one slip apart. Most surnames have four or five
("Moore", "Patel", "Kerr") and places and firms are names too, so this pass
compares every capitalised word of the draft's names with every other, of any
kind, and takes a short slip as safe to report only on other evidence:

* the odd form is no English word (``lint.names.words``), no accepted word,
  no name the index knows, and no real place (``lint.names.places``: "Hubei"
  beside "Hebei");
* the other form is close (one edit; two in words of nine letters or more),
  begins with the same letter, and is a name here: spaCy labels it or it
  follows a title or is a proper noun;
* the odd form is not the other's plural, feminine or adjective ("Obamas",
  "Petrova", "Israeli": those are words or ``derived``);
* nothing says they are two: two whole names with other words that differ
  ("Anna Petrova", "Ivan Petrov"; "Sara Lee", "Sarah Hunt") are two people;
* when the usual form is also written in lower case in the draft, an ordinary
  word ("Market", "market"), the odd one stands among the same other words
  ("Markit" is a firm; "the Whitee House" is a slip).

How sure each finding is, is its ``Tier``: ``LIKELY`` when the other form is
used at least twice and more often than the odd one, or as often but inside a
whole name ("Barack Obama … Obaa") while the odd one stands alone, or as often
but is itself a known name (the index, a real place, the dictionary: "Orlando …
Orlado"; five letters or more) (reported);
``SPELLER`` when the counts do not say which is right, or the odd form is two
slips from the other in a shorter word written in the same shape (after the same
title, beside the same given name), or has three letters ("Mr Wrd"), or differs by
a last letter that also makes names of names ("Amankw", "Amankwa") (reported only
when LanguageTool's speller flags the odd form and either knows the other, suggests
it, or the other comes first: see ``lint.names.unknown``); ``SUGGESTED`` for two
edits in another shape that are no slips of the keys (letters dropped, doubled,
swapped, or replaced by a key beside them), reported only when the speller flags the
odd form and suggests the usual one (on Wikipedia every such pair it did not was two
names: "Apella", "Apollo"; "Pelagon", "Pelion").

Where the draft alone does not decide (the usual form is a dictionary word, as
"Maryland" is; the odd one is as close to two forms used as often; it is the usual
one cut short, "Russi"; it is a place somewhere, "Oga"), slips of the keys are
``SUGGESTED`` too (``_suggestible``): the speller knows the usual form and not the
odd one. Two slips of the keys wait for the speller even when the usual form is a
dictionary word ("Hplines" for "Holiness"). On real news with injected slips this
took the names pack with LanguageTool from 0.81 to 0.95 of the slips found, with
no new warning on the untouched articles, Lee or Wikipedia; endings ("Khasic",
"Achilleid") and lists of a name's spellings ("Alibamo", "Alibamu", "Alibama")
stay apart.
"""

from __future__ import annotations

import enum
import functools
from collections import defaultdict
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import regex
from rapidfuzz.distance import OSA

from lint.names.fold import fold, tight
from lint.names.index import NameIndex, derived
from lint.names.mentions import PARTICLES, Name
from lint.names.places import is_place
from lint.names.words import is_word

_PARTICLE = regex.compile(PARTICLES)
MIN_LETTERS = 4
SHORTEST = 3  # "Mr Wrd" for "Mr Ward": only when the speller flags it too
MAX_WORDS = 5  # a longer run of capitals is a headline's, no evidence of a name
VARIANTS = 3  # forms one letter from the odd one: a list of the name's spellings


class Tier(enum.Enum):
    LIKELY = "likely"
    SPELLER = "speller"
    SUGGESTED = "suggested"  # only if the speller flags the odd form and suggests the usual


@dataclass(frozen=True)
class Word:
    """One capitalised word of a name, where it stands and in what name."""

    start: int
    end: int
    text: str
    name: Name
    place: int  # its position among the name's words


@dataclass(frozen=True)
class WordSlip:
    word: Word  # the odd occurrence
    reference: str  # the form the rest of the draft uses
    count: int  # how often the reference is used
    first: int  # offset of its first use
    tier: Tier
    uses: tuple[tuple[int, int], ...] = ()  # where the reference is written


def word_slips(
    names: list[Name], text: str, index: NameIndex, accepted: Callable[[str], bool]
) -> list[WordSlip]:
    """Occurrences of a name's word that look like a slip of a more usual form in the draft.

    ``accepted(word)`` says whether a lower-cased word is accepted vocabulary.
    """
    forms: dict[str, list[Word]] = defaultdict(list)
    for name in names:
        for place, (s, e) in enumerate(name.words):
            word = text[s:e]
            letters = [c for c in word if c.isalpha()]
            if len(letters) < SHORTEST or not _capitalised(word):
                continue
            if all(c.isupper() for c in letters) or _PARTICLE.fullmatch(word):
                continue
            pieces = word.split("-")
            if any((len(p) > 1 and p.isupper()) or len(p) == 1 for p in pieces):
                continue  # "US-China", "Control-Q": compounds of abbreviations and letters
            if not word.isascii():
                continue  # "Vlorë" beside "Vlora", "Muḥammad": a spelling of its own
            forms[word].append(Word(s, e, word, name, place))
    lower = frozenset(regex.findall(r"(?<![\p{L}'’-])\p{Ll}+(?![\p{L}])", text))
    by_initial: dict[str, list[str]] = defaultdict(list)
    for form in forms:
        by_initial[fold(form)[:1]].append(form)
    found = []
    for odd, occurrences in forms.items():
        key = fold(odd)
        if is_word(odd) or accepted(key) or _known_name(odd, index):
            continue
        near = by_initial[key[:1]]
        if sum(1 for o in near if o != odd and OSA.distance(key, fold(o)) == 1) >= VARIANTS:
            continue  # "Alibamo" among "Alibamu", "Alibama", "Alibamou": forms listed
        best = _reference(odd, occurrences, forms, near, index, lower)
        if best is not None and is_place(odd):
            best = None  # a place of that name exists: "Hubei" beside "Hebei"
        if best is not None:
            choices = [best]
        else:  # the draft does not tell: the speller may, by suggesting one of these
            found_near = _suggestible(odd, occurrences, forms, near, index, lower)
            choices = [(ref, Tier.SUGGESTED) for ref in found_near]
        for ref, tier in choices:
            refs = forms[ref]
            uses = tuple((w.start, w.end) for w in refs)
            for word in occurrences:
                found.append(WordSlip(word, ref, len(refs), refs[0].start, tier, uses))
    return sorted(found, key=lambda s: s.word.start)


def _comparable(odd: str, near: list[str]) -> Iterator[tuple[str, str]]:
    """The forms worth comparing with ``odd``, each with its folded key: another form,
    not one that differs only by case, diacritics, hyphens or spaces ("North-West",
    "Northwest": those are consistency's own rule), and written in ASCII."""
    key = fold(odd)
    for other in near:
        okey = fold(other)
        if other != odd and okey != key and other.isascii() and tight(odd) != tight(other):
            yield other, okey


def _suggestible(
    odd: str,
    occurrences: list[Word],
    forms: dict[str, list[Word]],
    near: list[str],
    index: NameIndex,
    lower: frozenset[str],
) -> list[str]:
    """Forms the odd one may be a slip of, where the draft alone does not say so: the
    usual form is a dictionary word ("Maryland" for "Marglannd"), a place beside another
    ("Russia", "Russian" for "Russa"), a word made from the odd one ("Russi", "Russia"),
    or the odd form is itself a place somewhere ("Oga"). Reported only when the speller
    flags the odd form and suggests the usual one (``Tier.SUGGESTED``): the speller knows
    the usual form and not the odd one, and the draft writes the usual one as a name.
    Only slips of the keys count, never a name made from the other with an ending
    ("Achilleid", "Khasic", "Nabokova", "Louisiane"), never two people, and never a name
    beside an ordinary word the draft uses."""
    key = fold(odd)
    out = []
    for other, okey in _comparable(odd, near):
        short, long_ = sorted((key, okey), key=len)
        if long_ in (short + "s", short + "es") or len(short) < SHORTEST:
            continue  # "Obamas"
        if OSA.distance(key, okey) > (1 if len(short) < 5 else 2) or _an_ending(key, okey):
            continue
        if not _keyboard_slips(key, okey):
            continue  # "Gerzean" is no slip of "German", "Apella" of "Apollo"
        refs = forms[other]
        if len(refs) < len(occurrences) or not (_a_name(refs) or _known(other, index)):
            continue
        if _two(occurrences, refs):
            continue  # "Magnus Hundt", "James Hunt"
        if okey in lower and not _same_setting(occurrences, refs):
            continue  # "Markit" is not "Market" where the draft writes "market" too
        out.append(other)
    return out


def _reference(
    odd: str,
    occurrences: list[Word],
    forms: dict[str, list[Word]],
    near: list[str],
    index: NameIndex,
    lower: frozenset[str],
) -> tuple[str, Tier] | None:
    key = fold(odd)
    candidates = []
    for other, okey in _comparable(odd, near):
        if not _close(key, okey, loose=True):
            continue
        ending = _made_from(key, okey, other, index)
        if ending and not _ending_slip(key, okey):
            continue  # "Obamas", "Qatari", "Alaskan", "Reunification"
        if _nearer_word(key, okey):
            continue  # "Australain": a slip of "Australian", not of "Australia"
        refs = forms[other]
        if not _a_name(refs) or _two(occurrences, refs):
            continue
        if okey in lower and not _same_setting(occurrences, refs):
            continue  # "Markit" is not "Market" where the draft writes "market" too
        doubled = len(key) == len(okey) + 1 and key == okey + okey[-1]  # "Chinaa": a slip
        strict = _close(key, okey) and (doubled or not ending)
        candidates.append((-OSA.distance(key, okey), len(refs), strict, other))
    if not candidates:
        return None
    candidates.sort(reverse=True)  # the nearest ("Russia" for "Russa", not "Russian"),
    _, count, strict, ref = candidates[0]  # then the one used most
    if len(candidates) > 1 and candidates[1][:2] == candidates[0][:2]:
        return None  # as close to two names used as often: which one is meant?
    refs = forms[ref]
    if not strict:  # two slips, or three letters: only if the speller agrees, and only
        # a person's for a person's ("Tim Harford" is not a slip of "Harvard")
        person = any(w.name.size > 1 and _a_person(w.name) for w in occurrences)
        if person and not any(_a_person(w.name) for w in refs):
            return None
        if count < len(occurrences):
            return None
        far = _two_edits(key, fold(ref)) and not _same_shape(occurrences, refs)
        if far and not _keyboard_slips(key, fold(ref)):
            if is_word(ref):
                return None  # "Gerzean" is no slip of "German", "Achilleid" of "Achilles"
            return ref, Tier.SUGGESTED  # "Pelagon" is no slip of "Pelion"
        return ref, Tier.SPELLER  # "Hplines" for "Holiness": slips of the keys
    if (count >= 2 and count > len(occurrences)) or (
        count >= len(occurrences) and _whole(refs, occurrences)
    ):
        return ref, Tier.LIKELY
    if count >= len(occurrences) and min(len(key), len(fold(ref))) >= 5 and _known(ref, index):
        return ref, Tier.LIKELY  # a known name first, an unknown near-miss of it later
    if (
        count >= len(occurrences)
        and _same_setting(occurrences, refs)
        and _before(refs, occurrences)
    ):
        return ref, Tier.LIKELY  # "Betsy DeVos", later "Bety DeVos": one person, two ways
    if count >= len(occurrences):
        return ref, Tier.SPELLER
    return None


def _an_ending(odd: str, usual: str) -> bool:
    """Is the odd form the usual one with letters added at its end (not its last one
    doubled: "Armeniaa") or its last letter changed for one that is not a key beside it
    ("Louisiane", "Alibamo"; "Russiz" is a slip)?"""
    if len(odd) > len(usual) and odd.startswith(usual):
        return odd[len(usual) :].strip(usual[-1]) != ""
    if len(odd) == len(usual) and odd[:-1] == usual[:-1]:
        return odd[-1] not in _BESIDE.get(usual[-1], "")
    return False


def _before(refs: list[Word], odd: list[Word]) -> bool:
    """Is the usual form written first (the later one taken for the slip)?"""
    return refs[0].start < odd[0].start


def _two_edits(a: str, b: str) -> bool:
    return OSA.distance(a, b) >= 2 and min(len(a), len(b)) < 9


_ROWS = ("qwertyuiop", "asdfghjkl", "zxcvbnm")
_KEY = {c: (r, i) for r, row in enumerate(_ROWS) for i, c in enumerate(row)}


_BESIDE = {
    x: "".join(
        y for y, (r2, c2) in _KEY.items() if y != x and abs(r - r2) <= 1 and abs(c - c2) <= 1
    )
    for x, (r, c) in _KEY.items()
}
"""The keys next to each one on a QWERTY keyboard."""


def _keyboard_slips(odd: str, usual: str, most: int = 2) -> bool:
    """Can ``odd`` be typed for ``usual`` by at most ``most`` slips of the keys: a letter
    dropped, doubled, swapped with its neighbour, replaced by a key beside it, or a key
    beside a letter struck with it ("Thomposm", "Schffenr", "Syrai")? Two names differ
    otherwise: vowels for vowels, "Apella" and "Apollo", "Palais" and "Paris", "Khmuic"
    and "Katuic", an ending, "Achilleid" and "Achilles"."""
    if odd == usual:
        return True
    if most == 0 or abs(len(odd) - len(usual)) > most:
        return False
    one = _slipped(usual)
    if odd in one:
        return True
    return any(  # only strings one edit from the odd form can be one slip from it
        _keyboard_slips(odd, v, most - 1) for v in one if OSA.distance(v, odd) <= most - 1
    )


@functools.lru_cache(maxsize=4096)
def _slipped(word: str) -> frozenset[str]:
    """Every string one slip of the keys away from ``word`` (``_keyboard_slips``)."""
    out = set()
    for i, c in enumerate(word):
        out.add(word[:i] + word[i + 1 :])  # dropped
        out.add(word[:i] + c + word[i:])  # doubled
        if i + 1 < len(word):
            out.add(word[:i] + word[i + 1] + c + word[i + 2 :])  # swapped
        for k in _BESIDE.get(c, ""):
            out.add(word[:i] + k + word[i + 1 :])  # the key beside it
            out.add(word[:i] + k + word[i:])  # struck with it, before
            out.add(word[: i + 1] + k + word[i + 1 :])  # or after
    out.discard(word)
    return frozenset(out)


def _same_shape(odd: list[Word], refs: list[Word]) -> bool:
    """Is the odd form written as the usual one is: after the same title ("Mr Hallam",
    "Mr Halalm") or beside the same other words ("Mark Hallam", "Mark Halalm")?"""
    titles = {w.name.title for w in refs if w.name.title}
    return any(w.name.title in titles for w in odd) or _same_setting(odd, refs)


def _close(a: str, b: str, loose: bool = False) -> bool:
    """One edit apart (insert, delete, substitute, swap neighbours); two from nine letters.
    ``loose``: two when one has five letters and the other six or more, and one from
    three letters."""
    shorter, longer = sorted((len(a), len(b)))
    if shorter < (SHORTEST if loose else MIN_LETTERS) or longer - shorter > 2:
        return False
    if loose and shorter >= 5 and longer >= 6:
        return OSA.distance(a, b) <= 2
    return OSA.distance(a, b) <= (1 if shorter < 9 else 2)


def _made_from(key: str, okey: str, other: str, index: NameIndex) -> bool:
    """A plural, feminine or derived form ("Obamas", "Petrova", "Turchinov")."""
    return derived_form(key, okey)


def _ending_slip(key: str, okey: str) -> bool:
    """A last letter dropped, doubled or added that may be a slip rather than an ending
    ("Penc", "Obamaa", "Hallamm"): not a plural, not made from a place or country
    ("Qatari", "Alaskan"), not a word. Only the speller can confirm it: "Clarke" and
    "Clark", "Marlowe" and "Marlow" are names of their own."""
    short, long_ = sorted((key, okey), key=len)
    if len(long_) != len(short) + 1 or not long_.startswith(short) or long_[-1] == "s":
        return False
    if len(short) < MIN_LETTERS or is_word(long_) or _SUFFIXES.fullmatch(short[-1] + long_[-1]):
        return False  # a word, or an ending that merges with the last letter: "Khasic"
    if long_[-1] == "a" and short.endswith(("ov", "ev", "in", "yn", "ik")):
        return False  # a Slavic feminine: "Nabokova", "Sorokina"
    if long_[-1] not in "in" or long_[-1] == short[-1]:
        return True  # "Russiaa", "Obamaa", "Penc": no ending makes a place's people so
    from lint.world.countries import countries

    return not (is_place(short) or countries(short))  # "Qatari", "Alaskan"


def derived_form(key: str, okey: str) -> bool:
    """Is one folded word made from the other by an ending or prefix that makes names and
    words of names ("Obamas", "Petrova", "Alaskan", "Anarchist", "Reunification")?"""
    short, long_ = sorted((key, okey), key=len)
    if long_ in (short + "s", short + "es", short + "a", short + "i", short + "e"):
        return True  # "Obamas", "Petrova", "Tabrizi", "Staline"
    tail = long_[len(short) :]
    if long_.startswith(short) and len(tail) <= 2 and _SUFFIXES.fullmatch(short[-1] + tail):
        return True  # an ending that merges with the last letter: "Khasi", "Khasic"
    if long_ == short + "n" and short[-1] in "aeiou":
        return True  # "Alaskan", "Apollon"
    if _stem(key) == _stem(okey):
        return True  # "Anarchist", "Anarchism"; "Salamandridae", "Salamandroidea"
    if len(long_) - len(short) >= 2 and long_.endswith(short):
        return True  # a prefix: "Unification", "Reunification"
    if len(key) == len(okey) and key[:-1] == okey[:-1] and {key[-1], okey[-1]} <= set("aiy"):
        return True
    return derived(key, okey, "person") or derived(okey, key, "person")


def _a_name(refs: list[Word]) -> bool:
    """Is this form a name here: labelled by spaCy, after a title, or a proper noun
    inside a sentence, in most of its uses?"""
    named = [w for w in refs if w.name.size <= MAX_WORDS]  # not a headline's capitals
    votes = sum(1 for w in named if w.name.label or w.name.titled or w.name.proper)
    return votes * 2 > len(named)


def _two(odd: list[Word], refs: list[Word]) -> bool:
    """Do whole names say these are two people? Both are used inside whole names, the
    usual form's a person's, the odd one's a person's or ending in it ("Magnus Hundt",
    which spaCy may not label, beside "James Hunt"), and no whole name of one has the
    same other words as one of the other."""
    ref_whole = [_others(w) for w in refs if w.name.size > 1 and _a_person(w.name)]
    odd_whole = [
        _others(w)
        for w in odd
        if w.name.size > 1 and (_a_person(w.name) or (ref_whole and w.place == w.name.size - 1))
    ]
    if not odd_whole or not ref_whole:
        return False
    return not any(_compatible(a, b) for a in odd_whole for b in ref_whole)


_SUFFIXES = regex.compile(
    r"(?:ism|ist|ists|isms|ian|ians|ic|ics|ite|ites|ese|idae|oidea|inae|ini|ina|ida|ine"
    r"|aya|ij|iy|y|e|o|a)$"
)


def _stem(key: str) -> str:
    """A folded word without a suffix that makes other words or names of it."""
    return _SUFFIXES.sub("", key) if len(key) > 5 else key


def _nearer_word(key: str, okey: str) -> bool:
    """Is the odd form nearer a word made from the other ("Australian", "Kenyans")?"""
    far = OSA.distance(key, okey)
    return any(
        is_word(okey + end) and OSA.distance(key, okey + end) < far
        for end in ("n", "an", "ian", "i", "ese", "s", "ns")
    )


def _a_person(name: Name) -> bool:
    return name.label == "PERSON" or name.titled


def _known(form: str, index: NameIndex) -> bool:
    """A name known to be one: in the name index, a real place, or a word of the dictionary
    (which lists many: "Orlando", "Treasury", "Trump")."""
    return bool(index.known(form)) or is_word(form) or is_place(form)


def _others(word: Word) -> tuple[int, tuple[str, ...]]:
    words = fold(word.name.text).split()
    return word.place, tuple(w for i, w in enumerate(words) if i != word.place)


def _compatible(a: tuple[int, tuple[str, ...]], b: tuple[int, tuple[str, ...]]) -> bool:
    """Same other words, or one's other words a part of the other's ("Betsy DeVos",
    "Betsy Dedos"; "New Zealand Rugby", "New Zealand"; "V. Gerasimov", "Valery Gerasimov")."""
    small, big = sorted((a[1], b[1]), key=len)
    return all(any(_same_word(w, s) for w in big) for s in small)


def _same_word(a: str, b: str) -> bool:
    """One word of a name, or an initial or short form of it ("V." for "Valery", "Ben"
    for "Benjamin")?"""
    if a == b:
        return True
    short, long_ = sorted((a.rstrip("."), b.rstrip(".")), key=len)
    if (a.endswith(".") or b.endswith(".")) and long_.startswith(short):
        return True
    return len(short) >= 3 and long_.startswith(short)


def _same_setting(odd: list[Word], refs: list[Word]) -> bool:
    """Do both forms stand among the same other words ("White House", "Whitee House")?"""
    a = [_others(w) for w in odd if w.name.size > 1]
    b = [_others(w) for w in refs if w.name.size > 1]
    return any(x[1] and _compatible(x, y) for x in a for y in b)


def _whole(refs: list[Word], odd: list[Word]) -> bool:
    """The reference is used inside a whole name ("Barack Obama") and the odd form is not."""
    return any(w.name.size > 1 for w in refs) and not any(w.name.size > 1 for w in odd)


def _capitalised(word: str) -> bool:
    """Capitalised, or a particle joined to a capitalised name ("al-Din", "d'Anconia")."""
    return word[:1].isupper() or any(p[:1].isupper() for p in regex.split(r"['’-]", word)[1:])


def _known_name(word: str, index: NameIndex) -> bool:
    """A form the name index knows (a slip of it is the names pack's other rule)."""
    return bool(index.known(word)) or fold(word) in index.words
