"""Spelling suggestions computed here, from LanguageTool's own speller dictionary.

The managed server runs with ``maxSpellingSuggestions=-1``: its speller still
flags every word it does not know, but skips the search for replacements and
sends a placeholder, "(suggestion limit reached)", instead. That search was
most of what LanguageTool spends on news (the speller's matches are mostly
names, whose suggestions factlint drops anyway): measured, 0.70× the time per
1,000 words. The property is server-wide, and the suggestions are evidence the
speller filter and the names pack weigh ("Goverment" → "Government" is a slip,
"Sonatrach" → "Contract" is not), so they are made here instead, for speller
matches only, from the very word list LanguageTool's speller uses: the
variant's Morfologik dictionary (``org/languagetool/resource/en/hunspell/
en_US.dict`` in LanguageTool's ``english-pos-dict`` jar, with the words
LanguageTool adds to it from ``spelling.txt`` and the variant's own list, less
those it prohibits).

Like LanguageTool's speller (Morfologik's ``Speller``), the candidates are the
dictionary's words one edit away (a letter added, dropped, changed, or two
swapped; case and diacritics are free, and the dictionary's own replacement
pairs, "f"/"ph", count as one edit), and only when there is none, two edits
away; nearer first, then the more frequent (the dictionary's frequency class).
A word that is two of the dictionary's words run together gets them apart, as one
edit ("prizemoney" → "prize money", LanguageTool's run-on words). A suggestion keeps
the flagged word's capitals ("Goverment" → "Government").
The dictionary is read once (the jar's compact automaton, ~2 s) and kept as a
word list beside the jars, which later processes load in ~0.1 s.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import re
import struct
import threading
import unicodedata
import zipfile
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from rapidfuzz import process
from rapidfuzz.distance import OSA

PLACEHOLDER = "(suggestion limit reached)"
"""What LanguageTool 6.8 sends as the one replacement of a speller match it was told not to
search for (``too_many_errors`` in its messages; capitalised at a sentence start)."""
MAX_SUGGESTIONS = 5
RESOURCE = "org/languagetool/resource/en/hunspell/"
VARIANTS = {
    "US": "en_US",
    "GB": "en_GB",
    "AU": "en_AU",
    "CA": "en_CA",
    "NZ": "en_NZ",
    "ZA": "en_ZA",
}
LETTERS = "abcdefghijklmnopqrstuvwxyz'-"
"""What an edit may add or change (on the case- and diacritic-folded form)."""
CACHE_FORMAT = 3
ADDED = -1
"""The frequency class of a word LanguageTool adds from a plain list (not in the automaton)."""


def is_placeholder(replacements: Iterable[str]) -> bool:
    """True when LanguageTool sent its placeholder instead of suggestions."""
    values = list(replacements)
    return len(values) == 1 and values[0].strip().lower() == PLACEHOLDER


def dictionary_name(language: str) -> str | None:
    """``en_US`` for en-US (and plain en), the other English variants alike; None otherwise."""
    lang, _, region = language.replace("_", "-").partition("-")
    if lang.lower() != "en":
        return None
    return VARIANTS.get(region.split("-")[0].upper() or "US", "en_US")


def fold(word: str) -> str:
    """Lower case without diacritics: the form edits are counted on."""
    if word.isascii():
        return word.lower()
    decomposed = unicodedata.normalize("NFKD", word.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c)).replace("’", "'")


@dataclass
class Speller:
    """A variant's word list: folded form → (frequency class, word) pairs, most frequent
    first; and the folded forms by first letter and length, for the two-edit search."""

    forms: dict[str, tuple[tuple[int, str], ...]]
    pairs: tuple[tuple[str, str], ...]
    buckets: dict[tuple[str, int], list[str]]
    unsplit: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
    """LanguageTool's English speller drops a suggestion of several words that begins with
    one of the first ("re ", "non ", "over ") or ends with one of the second (" able"):
    read from its own class (``AbstractEnglishSpellerRule.cleanSuggestions``)."""

    @classmethod
    def from_entries(
        cls,
        entries: Iterable[tuple[str, int]],
        pairs: Iterable[tuple[str, str]] = (),
        unsplit: tuple[tuple[str, ...], tuple[str, ...]] = ((), ()),
    ) -> Speller:
        grouped: dict[str, list[tuple[int, str]]] = {}
        for word, freq in entries:
            grouped.setdefault(fold(word), []).append((freq, word))
        forms = {k: tuple(sorted(v, key=lambda fw: (-fw[0], fw[1]))) for k, v in grouped.items()}
        buckets: dict[tuple[str, int], list[str]] = {}
        for form in forms:
            buckets.setdefault((form[:1], len(form)), []).append(form)
        folded = tuple((fold(a), fold(b)) for a, b in pairs if a and b)
        return cls(forms, folded, buckets, unsplit)

    def suggest(self, word: str, limit: int = MAX_SUGGESTIONS) -> tuple[str, ...]:
        """The dictionary's nearest words to ``word``, best first, in ``word``'s capitals.

        A match over two words ("Helens on", LanguageTool's wrongly split words) gets the
        split moved ("Helen son") and then the unknown word's suggestions; a hyphenated
        word with nothing near it as a whole, its unknown part's ("al-Rantisi")."""
        parts = word.split(" ")
        if len(parts) == 2 and all(parts):
            out = self._resplit(*parts)
        elif "-" in word.strip("-") and " " not in word:
            out = self._single(word, limit) or self._in_compound(word, limit)
        else:
            out = self._single(word, limit)
        return tuple(dict.fromkeys(s for s in out if s != word))[:limit]

    def _single(self, word: str, limit: int) -> list[str]:
        key = fold(word)
        if not key:
            return []
        ranked: dict[str, tuple[int, int, int]] = {}  # word → (distance, run-on, -frequency)

        def add(form: str, distance: int) -> None:
            for freq, candidate in self.forms.get(form, ()):
                rank = (distance, 0, -max(freq, 0))
                if candidate != word and rank < ranked.get(candidate, (9, 9, 9)):
                    ranked[candidate] = rank

        add(key, 0)  # the same word in other case or accents ("Whatsapp" → "WhatsApp")
        for form in _edits(key) | self._paired(key) | _spaced(key):
            add(form, 1)
        starts, ends = self.unsplit
        for i in range(1, len(word)):  # two words run together ("prizemoney" → "prize money")
            if self.knows(word[:i]) and self.knows(word[i:]):
                split = f"{word[:i]} {word[i:]}"
                if not split.lower().startswith(starts) and not split.endswith(ends):
                    ranked.setdefault(split, (1, 1, 0))  # after the others
        if not ranked and len(key) >= 3:  # as LanguageTool: two edits only when one finds none
            for form in self._two_edits(key):
                add(form, 2)
        out: list[str] = []
        for candidate in sorted(ranked, key=lambda w: (ranked[w], w)):
            shaped = _shape(candidate, word)
            if shaped != word and shaped not in out:
                out.append(shaped)
            if len(out) == limit:
                break
        return out

    def _resplit(self, first: str, second: str) -> list[str]:
        """Suggestions for two words LanguageTool takes for one split wrongly."""
        out = []
        if len(first) > 2 and self.knows(first[:-1]) and self.knows(first[-1] + second):
            out.append(f"{first[:-1]} {first[-1]}{second}")  # "Helens on" → "Helen son"
        if len(second) > 3 and self.knows(first + second[0]) and self.knows(second[1:]):
            out.append(f"{first}{second[0]} {second[1:]}")
        if self.knows(first + second):
            out.append(first + second)
        if not self.knows(first):
            out += [f"{s} {second}" for s in self._single(first, MAX_SUGGESTIONS)]
        if not self.knows(second):
            out += [f"{first} {s}" for s in self._single(second, MAX_SUGGESTIONS)]
        return out

    def _in_compound(self, word: str, limit: int) -> list[str]:
        """A hyphenated word's suggestions for its first unknown part, the rest as written."""
        parts = word.split("-")
        for i, part in enumerate(parts):
            if part and not self.knows(part):
                return [
                    "-".join([*parts[:i], s, *parts[i + 1 :]])
                    for s in self._single(part, limit)
                    if " " not in s and s.lower() != part.lower()  # not "EID-al-Fitr"
                ]
        return []

    def knows(self, word: str) -> bool:
        """In the dictionary's automaton as written, or, capitalised, in lower case
        (Morfologik's test for the parts of run-on words; the words LanguageTool adds from
        its plain lists do not count)."""
        if any(w == word and f >= 0 for f, w in self.forms.get(fold(word), ())):
            return True
        lower = word.lower()
        return word[:1].isupper() and any(
            w == lower and f >= 0 for f, w in self.forms.get(lower, ())
        )

    def _paired(self, key: str) -> set[str]:
        """Forms made by one of the dictionary's replacement pairs ("fone" → "phone")."""
        out = set()
        for a, b in self.pairs:
            start = key.find(a)
            while start >= 0:
                out.add(key[:start] + b + key[start + len(a) :])
                start = key.find(a, start + 1)
        return out

    def _two_edits(self, key: str) -> list[str]:
        """Dictionary forms two edits away that begin with the same letter (a slip seldom
        hits the first one; this keeps the search to a few thousand forms)."""
        near = [
            form
            for n in range(len(key) - 2, len(key) + 3)
            for form in self.buckets.get((key[:1], n), ())
        ]
        found = process.extract(key, near, scorer=OSA.distance, score_cutoff=2, limit=None)
        return [form for form, distance, _ in found if distance == 2]


def _edits(key: str) -> set[str]:
    """Every form one edit from ``key``: a letter dropped, added, changed, two swapped."""
    splits = [(key[:i], key[i:]) for i in range(len(key) + 1)]
    out = {a + b[1:] for a, b in splits if b}
    out |= {a + b[1] + b[0] + b[2:] for a, b in splits if len(b) > 1}
    out |= {a + c + b[1:] for a, b in splits if b for c in LETTERS}
    out |= {a + c + b for a, b in splits for c in LETTERS}
    out.discard(key)
    return out


def _spaced(key: str) -> set[str]:
    """A hyphen written as a space, or a space as a hyphen ("Eid-al-Fitr" → "Eid al-Fitr"):
    one edit, as the dictionary holds some names of several words."""
    return {
        key[:i] + (" " if c == "-" else "-") + key[i + 1 :]
        for i, c in enumerate(key)
        if c in "- " and 0 < i < len(key) - 1
    }


def _shape(candidate: str, word: str) -> str:
    """The candidate in the flagged word's capitals: all capitals, or a capital first letter
    (a dictionary word with capitals of its own, a name, keeps them)."""
    if word.isupper() and len(word) > 1:
        return candidate.upper()
    if word[:1].isupper() and candidate[:1].islower():
        return candidate[:1].upper() + candidate[1:]
    return candidate


# -- reading LanguageTool's dictionary --------------------------------------------------------


def read_cfsa2(data: bytes) -> list[bytes]:
    """Every sequence of a Morfologik CFSA2 automaton (format version 0xC6, no numbers)."""
    if data[:4] != b"\\fsa" or data[4] != 0xC6:
        raise ValueError("not a Morfologik CFSA2 automaton")
    flags = int.from_bytes(data[5:7], "big")
    if flags & (1 << 8):
        raise ValueError("a CFSA2 automaton with numbers is not supported")
    labels = data[8 : 8 + data[7]]
    arcs = data[8 + data[7] :]

    def skip_arc(arc: int) -> int:
        flag = arcs[arc]
        arc += 1 if flag & 31 else 2  # a label index, or an explicit label byte
        if not flag & 0x80:  # an explicit target address (a variable-length int)
            while arcs[arc] & 0x80:
                arc += 1
            arc += 1
        return arc

    def target(arc: int) -> int:
        if arcs[arc] & 0x80:  # the target is the node right after this one
            while not arcs[arc] & 0x40:
                arc = skip_arc(arc)
            return skip_arc(arc)
        at = arc + (1 if arcs[arc] & 31 else 2)
        value, shift = 0, 0
        while True:
            byte = arcs[at]
            value |= (byte & 0x7F) << shift
            if not byte & 0x80:
                return value
            at, shift = at + 1, shift + 7

    out: list[bytes] = []
    stack = [(target(0), b"")]
    while stack:
        arc, prefix = stack.pop()
        while True:
            index = arcs[arc] & 31
            sequence = prefix + bytes([labels[index] if index else arcs[arc + 1]])
            if arcs[arc] & 0x20:  # final: a whole sequence ends here
                out.append(sequence)
            node = target(arc)
            if node:
                stack.append((node, sequence))
            if arcs[arc] & 0x40:  # the node's last arc
                break
            arc = skip_arc(arc)
    return out


def _info(text: str) -> dict[str, str]:
    props = {}
    for line in text.splitlines():
        if "=" in line and not line.lstrip().startswith("#"):
            key, _, value = line.partition("=")
            props[key.strip()] = value.strip()
    return props


def _word_lines(text: str) -> list[str]:
    return [
        line.strip()
        for line in text.splitlines()
        if line.strip() and not line.startswith("#") and " " not in line.strip()
    ]


def read_jars(jars: Path, name: str) -> tuple[list[tuple[str, int]], list[tuple[str, str]]]:
    """(word, frequency class) entries and replacement pairs of dictionary ``name`` as
    LanguageTool's speller sees it: the jar's automaton, plus ``spelling.txt`` and the
    variant's list, less ``prohibit.txt``."""
    dict_jar = next(iter(sorted(jars.glob("english-pos-dict-*.jar"))), None)
    lang_jar = next(iter(sorted(jars.glob("language-en-*.jar"))), None)
    if dict_jar is None:
        raise FileNotFoundError(f"no english-pos-dict jar in {jars}")
    with zipfile.ZipFile(dict_jar) as jar:
        info = _info(jar.read(f"{RESOURCE}{name}.info").decode("utf-8"))
        sequences = read_cfsa2(jar.read(f"{RESOURCE}{name}.dict"))
    separator = info.get("fsa.dict.separator", "+").encode()
    frequencies = info.get("fsa.dict.frequency-included", "false") == "true"
    entries: dict[str, int] = {}
    for sequence in sequences:
        word, _, rest = sequence.partition(separator)
        freq = rest[-1] - ord("A") if frequencies and rest else 0
        text = word.decode("utf-8", "replace")
        entries[text] = max(freq, entries.get(text, 0))
    if lang_jar is not None:
        variant = name.replace("_", "-")
        with zipfile.ZipFile(lang_jar) as jar:
            names = set(jar.namelist())

            def lines(file: str) -> list[str]:
                path = f"{RESOURCE}{file}"
                return _word_lines(jar.read(path).decode("utf-8")) if path in names else []

            for word in lines("spelling.txt") + lines(f"spelling_{variant}.txt"):
                entries.setdefault(word, ADDED)
            for word in lines("prohibit.txt"):
                entries.pop(word, None)
    raw_pairs = info.get("fsa.dict.speller.replacement-pairs", "")
    pairs = [
        (a, b)
        for item in raw_pairs.split(",")
        if len(parts := item.split()) == 2
        for a, b in [parts]
        if " " not in a and re.fullmatch(r"[a-z]+", a) and re.fullmatch(r"[a-z]+", b)
    ]
    return sorted(entries.items()), pairs


CLEANER = "org/languagetool/rules/en/AbstractEnglishSpellerRule.class"


def read_unsplit(jars: Path) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """The beginnings and endings for which LanguageTool's English speller drops a
    suggestion of several words, read from the string constants of its filter method
    (``lambda$cleanSuggestions$3``); none when the class cannot be read."""
    lang_jar = next(iter(sorted(jars.glob("language-en-*.jar"))), None)
    try:
        with zipfile.ZipFile(lang_jar or "") as jar:
            strings = method_strings(jar.read(CLEANER), "lambda$cleanSuggestions$3")
    except (OSError, KeyError, ValueError, IndexError, struct.error, zipfile.BadZipFile):
        return (), ()
    starts = tuple(x for x in strings if x.endswith(" ") and x.strip())
    ends = tuple(x for x in strings if x.startswith(" ") and x.strip())
    return starts, ends


def method_strings(data: bytes, method: str) -> list[str]:
    """The string constants a method of a Java class file loads (``ldc``, ``ldc_w``), in
    order; stops at an opcode it does not know rather than misread the rest."""
    if data[:4] != b"\xca\xfe\xba\xbe":
        raise ValueError("not a Java class file")
    (count,) = struct.unpack_from(">H", data, 8)
    pool: list[tuple[str, object] | None] = [None] * count
    pos, i = 10, 1
    while i < count:
        tag = data[pos]
        if tag == 1:
            (n,) = struct.unpack_from(">H", data, pos + 1)
            pool[i] = ("utf8", data[pos + 3 : pos + 3 + n].decode("utf-8", "replace"))
            pos += 3 + n
        elif tag == 8:
            pool[i] = ("string", struct.unpack_from(">H", data, pos + 1)[0])
            pos += 3
        elif tag in (5, 6):  # long, double: two slots
            pos, i = pos + 9, i + 1
        elif tag in (3, 4, 9, 10, 11, 12, 17, 18):
            pos += 5
        elif tag in (7, 16, 19, 20):
            pos += 3
        elif tag == 15:
            pos += 4
        else:
            raise ValueError(f"unknown constant tag {tag}")
        i += 1
    pos += 6  # access flags, this class, super class
    (n,) = struct.unpack_from(">H", data, pos)
    pos += 2 + 2 * n  # interfaces

    def members(pos: int, want: str | None) -> tuple[int, bytes | None]:
        (n,) = struct.unpack_from(">H", data, pos)
        pos += 2
        found = None
        for _ in range(n):
            _, name, _, attributes = struct.unpack_from(">HHHH", data, pos)
            pos += 8
            for _ in range(attributes):
                kind, size = struct.unpack_from(">HI", data, pos)
                if want and _utf8(pool, name) == want and _utf8(pool, kind) == "Code":
                    (length,) = struct.unpack_from(">I", data, pos + 10)
                    found = data[pos + 14 : pos + 14 + length]
                pos += 6 + size
        return pos, found

    pos, _ = members(pos, None)  # fields
    _, code = members(pos, method)
    if code is None:
        raise ValueError(f"no method {method}")
    out: list[str] = []
    j = 0
    while j < len(code):
        op = code[j]
        if op in (0x12, 0x13):  # ldc, ldc_w
            index = code[j + 1] if op == 0x12 else struct.unpack_from(">H", code, j + 1)[0]
            entry = pool[index] if index < count else None
            if entry and entry[0] == "string":
                out.append(_utf8(pool, entry[1]))  # type: ignore[arg-type]
        if op in _OPERANDS:
            j += 1 + _OPERANDS[op]
        elif 0x02 <= op <= 0x08 or 0x1A <= op <= 0x2D or 0x3B <= op <= 0x4E or op in _BARE:
            j += 1
        else:
            break
    return out


_OPERANDS = {0x12: 1, 0x13: 2, 0xB2: 2, 0xB6: 2, 0xB7: 2, 0xB8: 2, 0xB9: 4, 0xBB: 2, 0xC0: 2,
             0x99: 2, 0x9A: 2, 0xA7: 2}  # fmt: skip
_BARE = frozenset({0x57, 0x59, 0xAC, 0xB0, 0xB1})


def _utf8(pool: list, index: int) -> str:
    entry = pool[index] if 0 <= index < len(pool) else None
    return str(entry[1]) if entry and entry[0] == "utf8" else ""


def _cache_path(jars: Path, name: str) -> Path:
    return jars / f"factlint-speller-{name}.pickle"


def load(jars: Path, name: str) -> Speller:
    """The speller for dictionary ``name``: from the copy beside the jars, or read from the
    jars and kept there (in memory only when that directory cannot be written)."""
    path = _cache_path(jars, name)
    try:
        with path.open("rb") as f:
            kept = pickle.load(f)
        if kept.get("format") == CACHE_FORMAT:
            return Speller(kept["forms"], kept["pairs"], kept["buckets"], kept["unsplit"])
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, KeyError, TypeError):
        pass
    speller = Speller.from_entries(*read_jars(jars, name), read_unsplit(jars))
    kept = {"format": CACHE_FORMAT, **vars(speller)}
    tmp = path.with_name(f".{path.name}.{os.getpid()}.{threading.get_ident()}")
    try:
        with tmp.open("wb") as f:
            pickle.dump(kept, f, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except OSError:
        with contextlib.suppress(OSError):
            tmp.unlink()
    return speller


_spellers: dict[tuple[str, str], Speller | None] = {}
_lock = threading.Lock()


def speller_for(jars: Path, language: str) -> Speller | None:
    """The language's speller, loaded once per process; None when there is none to load."""
    name = dictionary_name(language)
    if name is None:
        return None
    key = (str(jars), name)
    with _lock:
        if key not in _spellers:
            try:
                _spellers[key] = load(jars, name)
            except (OSError, KeyError, ValueError, zipfile.BadZipFile):
                _spellers[key] = None
        return _spellers[key]


def replacements(word: str, jars: Path, language: str) -> tuple[str, ...]:
    """Suggestions for a speller match on ``word``; () when no dictionary can give any (the
    placeholder is never shown)."""
    speller = speller_for(jars, language)
    return speller.suggest(word) if speller is not None else ()
