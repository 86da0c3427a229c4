"""Where a draft names someone or something: capitalised runs, with spaCy's entity labels.

spaCy's small English model finds most names (PERSON, ORG, GPE, NORP) but misses
unfamiliar ones ("Gerasimow said…" is an ORG or nothing), so the candidates are
the runs of capitalised words in the text, with the label of any spaCy entity
they overlap. Titles ("Gen.", "Prime Minister") and sentence-initial function
words ("However", "The") are cut off the front, because "Indian Prime Minister
Nahedra Modi" names "Nahedra Modi"; a possessive ("Putin's") ends a run.
"""

from __future__ import annotations

import bisect
import dataclasses
from collections.abc import Iterator
from dataclasses import dataclass

import regex
from spacy.lang.en.stop_words import STOP_WORDS

from lint.names.fold import fold
from lint.names.words import is_word

LABELS = frozenset({"PERSON", "ORG", "GPE", "NORP"})
_TITLE_WORDS = """mr mrs ms miss mx dr prof sir dame lord lady gen general lt col maj capt adm
    sgt cpl sen rep gov pres president vice prime minister premier chancellor king queen prince
    princess emperor empress sheikh sheik emir amir sultan pope cardinal archbishop bishop rev
    ayatollah secretary chief justice speaker commissioner director governor mayor senator
    congressman congresswoman chairman chairwoman chair leader deputy acting ambassador envoy
    marshal admiral colonel captain sergeant comrade president-elect ex-president"""
TITLES = frozenset(_TITLE_WORDS.split())
HONORIFICS = frozenset(
    ["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "sir", "dame", "lord", "lady", "rev", "comrade"]
)
"""Titles anybody may hold: they say a name follows, not whose."""
PARTICLES = r"(?:da|de|di|do|dos|das|du|del|della|der|den|ter|van|von|la|le|bin|ibn|al|el|y)"
_LETTERS = r"[\p{L}\p{M}]"
_ABBREVIATIONS = (
    r"(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Maj|Capt|Sgt|Sen|Rep|Gov|Prof|Rev|Adm|Pres|Jr|Sr|St)\."
)
_WORD = (  # a full stop only after an initial or an abbreviation: elsewhere it ends a sentence
    rf"(?:{_ABBREVIATIONS}|\p{{Lu}}\.|\p{{Lu}}{_LETTERS}*(?:['’]{_LETTERS}+)*(?:[-‐]{_LETTERS}+)*"
    rf"|(?:al|el|ad|as|ash|at|az|ibn|bin)-\p{{Lu}}{_LETTERS}*)"
)
_GAP = r"(?:[ \t\u00a0]+|[ \t\u00a0]*\n[ \t\u00a0]*)"
RUN = regex.compile(
    rf"(?<![\p{{L}}\p{{M}}\d'’-]){_WORD}(?:{_GAP}(?:{PARTICLES}{_GAP})*{_WORD})*(?![\p{{L}}\p{{M}}\d])"
)
WORD = regex.compile(rf"{_WORD}|\b{PARTICLES}\b")
OPENERS = frozenset({"ADV", "ADP", "DET", "PRON", "CCONJ", "SCONJ", "AUX", "INTJ", "VERB"})
"""Parts of speech of a capitalised word that opens a sentence, not a name ("Later", "When")."""
POSSESSIVE = regex.compile(r"['’]s$")


@dataclass(frozen=True)
class Name:
    """A name as written in the draft: the words after any title, with their offsets."""

    start: int
    end: int
    text: str  # as written, whitespace made single spaces
    words: tuple[tuple[int, int], ...]  # offsets of each word
    label: str | None = None  # the spaCy entity label it overlaps, if any
    title: str = ""  # the title it follows, lower-cased ("prime minister", "mr"), or ""
    proper: bool = True  # every word tagged PROPN (True when there are no tags)

    def shifted(self, delta: int) -> Name:
        return dataclasses.replace(
            self,
            start=self.start + delta,
            end=self.end + delta,
            words=tuple((a + delta, b + delta) for a, b in self.words),
        )

    @property
    def titled(self) -> bool:
        return bool(self.title)

    @property
    def size(self) -> int:
        return len(fold(self.text).split())


def names(text: str, doc=None) -> list[Name]:
    """Every name-like run in ``text`` (``doc`` is its spaCy Doc, or None)."""
    labels = _Labels(doc)
    found = []
    for run in RUN.finditer(text):
        for words, title in _split(text, run):
            name = _name(text, words, title, labels)
            if name is not None:
                found.append(name)
    return found


def before_titles(text: str, doc=None) -> list[Name]:
    """The names written before a title in a run, which ``names`` cuts off with the title:
    "Arkansas" in "Arkansas Gov. Asa Hutchinson", "Geelong" in "Geelong Mayor Ann Cole"."""
    labels = _Labels(doc)
    found = []
    for run in RUN.finditer(text):
        words = [m.span() for m in WORD.finditer(text, run.start(), run.end())]
        head = []
        for s, e in words[:-1]:
            if text[s:e].rstrip(".").lower() in TITLES:
                break
            head = [] if POSSESSIVE.search(text, s, e) else [*head, (s, e)]  # "Putin's"
        else:
            continue  # no title inside the run
        while head and text[head[0][0] : head[0][1]].lower() in STOP_WORDS:
            head = head[1:]  # "The", "However"
        if head:
            name = _name(text, head, "", labels)
            if name is not None:
                found.append(name)
    return found


def _split(text: str, run: regex.Match) -> Iterator[tuple[list[tuple[int, int]], str]]:
    """The run's words in pieces that end at a possessive, each with its titles cut off."""
    piece: list[tuple[int, int]] = []
    for m in WORD.finditer(text, run.start(), run.end()):
        start, end = m.span()
        possessive = POSSESSIVE.search(text, start, end)
        if possessive and end - start > 2 and text[start].isupper():
            piece.append((start, possessive.start()))
            yield _untitled(text, piece)
            piece = []
        else:
            piece.append((start, end))
    if piece:
        yield _untitled(text, piece)


def _untitled(text: str, words: list[tuple[int, int]]) -> tuple[list[tuple[int, int]], str]:
    """Words after the last title or leading function word, and the titles cut off."""
    titles: list[str] = []
    cut = 0
    for i, (s, e) in enumerate(words[:-1]):
        word = text[s:e].rstrip(".").lower()
        if word in TITLES:
            titles.append(word)
            cut = i + 1
        elif i == cut and (word in STOP_WORDS or regex.fullmatch(PARTICLES, text[s:e])):
            cut = i + 1
    rest = words[cut:]
    if len(rest) == 1 and text[rest[0][0] : rest[0][1]].rstrip(".").lower() in TITLES:
        return [], " ".join(titles)
    if not titles and words[:1]:  # "president Macorn": a title before the run
        before = text[max(0, words[0][0] - 20) : words[0][0]].split()
        if before and before[-1].rstrip(".").lower() in TITLES:
            titles.append(before[-1].rstrip(".").lower())
    return rest, " ".join(titles)


def _name(text: str, words: list[tuple[int, int]], title: str, labels: _Labels) -> Name | None:
    while (
        len(words) > 1
        and labels.pos_at(words[0][0]) in OPENERS
        and is_word(text[words[0][0] : words[0][1]])
    ):
        words = words[1:]  # "Later Tarrawn said": a capitalised word that opens a sentence
    if not words:
        return None
    s, e = words[-1]
    if e - s > 2 and text[e - 1] == ".":  # a sentence's full stop, not an initial's
        words = [*words[:-1], (s, e - 1)]
    while words and regex.fullmatch(PARTICLES, text[words[0][0] : words[0][1]]):
        words = words[1:]
    if not words:
        return None
    start, end = words[0][0], words[-1][1]
    if sum(c.isalpha() for c in text[start:end]) < 2:
        return None
    written = " ".join(text[start:end].split())
    label, proper = labels.of(start, end)
    return Name(start, end, written, tuple(words), label, title, proper)


class _Labels:
    """spaCy's entity labels and part-of-speech tags by character offset."""

    def __init__(self, doc) -> None:
        self.ents = []
        self.tokens: list[tuple[int, int, str]] = []
        if doc is None:
            return
        self.ents = sorted(
            (e.start_char, e.end_char, e.label_) for e in doc.ents if e.label_ in LABELS
        )
        if doc.has_annotation("TAG"):
            self.tokens = [(t.idx, t.idx + len(t), t.pos_) for t in doc]
        self.starts = [t[0] for t in self.tokens]

    def pos_at(self, start: int) -> str:
        """The part of speech of the token beginning at ``start`` ("" when unknown)."""
        i = bisect.bisect_left(self.starts, start) if self.tokens else 0
        if i < len(self.tokens) and self.tokens[i][0] == start:
            return self.tokens[i][2]
        return ""

    def of(self, start: int, end: int) -> tuple[str | None, bool]:
        label = next((lab for s, e, lab in self.ents if s < end and start < e), None)
        if not self.tokens:
            return label, True
        i = max(bisect.bisect_right(self.starts, start) - 1, 0)
        proper = True
        while i < len(self.tokens) and self.tokens[i][0] < end:
            _, e, pos = self.tokens[i]
            if e > start and pos not in ("PROPN", "PUNCT"):
                proper = False
            i += 1
        return label, proper


def paragraph_of(paragraphs: list[tuple[int, int]], offset: int) -> int:
    """1-based number of the paragraph holding ``offset`` (0 when there are none)."""
    starts = [p[0] for p in paragraphs]
    return bisect.bisect_right(starts, offset) if starts else 0
