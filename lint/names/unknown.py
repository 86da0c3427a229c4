"""A name the speller has never seen is not a misspelling.

LanguageTool's speller knows common words and famous names. In news most of
what it flags is neither: the people, places and firms of the day ("Geng
Shuang" → "Gang", "Jammeh" → "Jammed"). On 300 real articles
(``python -m bench.speller_names``) it raised 13.7 alarms per 1,000 words, three
in four on a name, with suggestions no copy editor would take. factlint checks
names itself, against the names pack (a known name misspelled, one person
written two ways), so a speller match is dropped when the word is a name to
spaCy: capitalised, and either inside a named entity or a proper noun after its
sentence's first word. That leaves 3.5 alarms per 1,000 words, mostly British
spellings under en-US. Of the 1,700 dropped, about ten were slips of the
original, and the names and typos packs report most of those themselves
("Benjamin Netayahu", "United Kindom").

spaCy does not tag every name: not one it has never seen at a sentence's start,
in a list, or cut at an apostrophe or hyphen ("d'Anconia", "Ulufa'alu"). The
draft's own evidence sets those apart too (``named_here``): the word is written
the same way again, or it is capitalised inside a sentence and no English word,
or it stands in a list beside names, or it is a piece of a split name spaCy
tags, unless the speller's guess is one slip away and is an English word
("Goverment" → "Government") or, for a word used once, a name it knows
("Pitwater" → "Pittwater"): those are misspellings. And a speller match on a
word that names.inconsistent takes for a slip of a name the draft uses becomes
that rule's finding, with the draft's form as the fix (``Slips``). On the same
300 articles this evidence takes the speller's alarms from 2.54 to 2.46 per 1,000
words (``lint.languagetool.speller`` already drops words written again); each of
the alarms it removed was a correct name or compound ("Wesolowska", "Chueca",
"MYbank", "Farage-like").

Four kinds of match are kept all the same: a suggestion that changes only
case ("Whatsapp" → "WhatsApp"), a title ("Presdient Trump" → "President": a
misspelt word in front of a name, not the name), a word for a word inside a title
("Deputy Financce Minister" → "Finance"), and a function word for the
first word of a sentence ("Teh" → "The", "Becuase" → "Because", which spaCy may
take for a name because it is capitalised). ``languagetool: {spell_names:
true}`` keeps every speller match.
"""

from __future__ import annotations

import bisect
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import regex
from rapidfuzz.distance import OSA
from spacy.lang.en.stop_words import STOP_WORDS

from lint.findings import Finding
from lint.languagetool import categories
from lint.names.fold import fold
from lint.names.mentions import HONORIFICS, POSSESSIVE, TITLES
from lint.names.words import is_word

NEEDS = frozenset({"entities", "tags"})
"""The spaCy annotations telling a name: entities, and parts of speech for proper nouns."""

NAME_LABELS = frozenset(
    {
        "PERSON",
        "NORP",
        "FAC",
        "ORG",
        "GPE",
        "LOC",
        "PRODUCT",
        "EVENT",
        "WORK_OF_ART",
        "LAW",
        "LANGUAGE",
    }
)
"""spaCy's entity labels for names (the others are dates, times, amounts and numbers)."""

SPELLERS = tuple(categories.RULE_PREFIX + prefix for prefix in categories.SPELLERS)
"""factlint's ids of LanguageTool's speller rules begin so."""


def is_name_token(token) -> bool:
    """A spaCy token that is (part of) a name: in a named entity, or a proper noun that
    does not open its sentence (where any word is capitalised and the tagger guesses)."""
    if token.ent_type_ in NAME_LABELS:
        return True
    return token.pos_ == "PROPN" and not token.is_sent_start


def names_a_name(doc, start: int, end: int, suggestion: str = "") -> bool:
    """True when the capitalised word at ``start:end`` of the parsed ``doc``, for which
    the speller suggests ``suggestion``, is a name."""
    span = doc.char_span(start, end, alignment_mode="expand")
    if span is None:
        return False
    if span[0].is_sent_start and suggestion.lower() in STOP_WORDS:
        return False
    words = [t for t in span if t.is_alpha or (_WORD.fullmatch(t.text) and t.text[:1] not in "'’")]
    return bool(words) and all(is_name_token(t) for t in words)


def may_be_a_name(finding: Finding, covered: str) -> bool:
    """True when ``finding`` is a speller's match on a capitalised word whose first
    suggestion is neither the same word in other case nor a title."""
    if not (finding.rule or "").startswith(SPELLERS) or not covered[:1].isupper():
        return False
    first = first_suggestion(finding).lower()
    return first != covered.lower() and first not in TITLES


def first_suggestion(finding: Finding) -> str:
    return finding.replacements[0] if finding.replacements else ""


SLIPS = "names.slips"
"""Where ``names.inconsistent`` leaves, in its document Context's ``extra``, the slips it
reports only when the speller agrees (``Slips``)."""


@dataclass(frozen=True)
class Slips:
    """What the names consistency rule found of one draft's words spelt a second way."""

    rule: str
    reported: list[Finding]  # reported in any case
    if_flagged: list[Tentative]  # reported only when the speller agrees


@dataclass(frozen=True)
class Tentative:
    """A slip reported only when the speller flags the odd word, and either does not flag
    the usual form (``uses``) or the usual form comes first in the draft."""

    finding: Finding
    uses: tuple[tuple[int, int], ...]
    first: bool
    reference: str = ""  # the draft's usual form: the speller suggesting it confirms the slip
    suggested: bool = False  # confirmed only when the speller suggests ``reference``


def drop_unknown_names(
    findings: list[Finding],
    text: str,
    paragraphs: Sequence[tuple[int, object]],
    extra: dict | None = None,
) -> list[Finding]:
    """``findings`` (offsets into ``text``) without the speller's matches on names.

    ``paragraphs`` are (offset, spaCy Doc of the paragraph) in text order; a match
    that does not fall inside one paragraph is kept. ``extra`` is the document
    Context's: a speller match on a word the names rule takes for a slip of a name
    the draft uses (``SLIPS``) becomes that rule's finding, with the draft's usual
    form as the fix, instead of the speller's guess.
    """
    findings = _as_slips(findings, text, (extra or {}).get(SLIPS))
    starts = [start for start, _ in paragraphs]
    draft = _Draft(text)
    texts: dict[int, str] = {}  # spaCy joins every token for each Doc.text: once a paragraph
    result = []
    for f in findings:
        i = bisect.bisect_right(starts, f.offset) - 1
        if i >= 0 and may_be_a_name(f, text[f.offset : f.offset + f.length]):
            start, doc = paragraphs[i]
            end = f.offset - start + f.length
            para = _text_of(texts, i, doc)
            if para is not None and end <= len(para):
                suggestion = first_suggestion(f)
                if misspelt(para, f.offset - start, end, suggestion, draft, f.rule or "") or (
                    _in_a_title(para, f.offset - start, end) and is_word(suggestion)
                ):
                    result.append(f)
                    continue
                if names_a_name(doc, f.offset - start, end, suggestion):
                    continue
                if named_here(doc, para, f.offset - start, end, suggestion, draft):
                    continue
        result.append(f)
    return result


# -- more evidence that a capitalised word is a name ------------------------------------
# spaCy misses names it has never seen at a sentence's start, in lists, and split at an
# apostrophe or hyphen ("d'Anconia", "Ulufa'alu"). Other signals say "a name" there:
# the word is used again in the draft, written the same; it is capitalised inside a
# sentence and no English word; it stands in a list beside names. None of them counts
# when the speller's guess is a plain slip away and is itself a word ("Goverment" →
# "Government") or a name it knows ("Pitwater" → "Pittwater"): that is a misspelling.

_WORD = regex.compile(r"[\p{L}\p{M}]+(?:['’-][\p{L}\p{M}]+)*")
_JOINERS = frozenset({",", "and", "or", "&", "/"})


class _Draft:
    """How often each word is written, exactly so, in the draft (counted on first use)."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._counts: Counter[str] | None = None

    def count(self, word: str) -> int:
        if self._counts is None:
            self._counts = Counter(m.group() for m in _WORD.finditer(self.text))
        return self._counts[word]


def _text_of(texts: dict[int, str], i: int, doc) -> str | None:
    """Paragraph ``i``'s text, read from its Doc once (None: not parsed)."""
    if doc is None:
        return None
    if i not in texts:
        texts[i] = doc.text
    return texts[i]


def named_here(doc, text: str, start: int, end: int, suggestion: str, draft: _Draft) -> bool:
    """True when the capitalised word at ``start:end`` of the parsed paragraph ``doc``
    (its ``text``, a paragraph of ``draft``) is a name by the draft's own evidence."""
    whole = _WORD.match(text, _word_start(text, start))
    if whole is None or whole.end() < end:
        return False
    word, matched = POSSESSIVE.sub("", whole.group()), text[start:end]
    slip = _slip_of(matched, suggestion)
    if slip and (is_word(suggestion) or suggestion.lower() in STOP_WORDS):
        return False  # "Goverment" → "Government", "Teh" → "The"
    if draft.count(word) >= 2:
        return True  # written the same way again
    if slip or is_word(matched):
        return False  # once, and a slip of a name the speller knows ("Pitwater" → "Pittwater")
    span = doc.char_span(whole.start(), whole.end(), alignment_mode="expand")
    if span is None:
        return False
    first = span[0]
    if _split(word) and any(is_name_token(t) for t in span if t.text[:1].isupper()):
        return True  # a name cut at an apostrophe or hyphen: "d'Anconia", "Ulufa'alu"
    if not first.is_sent_start and not _after_opening(first):
        return True  # capitalised inside a sentence, and no English word
    return _listed(span)


def misspelt(text: str, start: int, end: int, suggestion: str, draft: _Draft, rule: str) -> bool:
    """True when the capitalised word at ``start:end`` of ``text`` (a paragraph of
    ``draft``), flagged by the speller ``rule``, is a misspelling whatever spaCy says.

    It is no word, no place and not written again, and the speller's guess is one slip
    away with the same first letter ("Mittagong" is no slip of "Chittagong"): in a
    headline in title case (where a capital says nothing), an English word ("Suger" →
    "Sugar"); for a word standing alone (no capitalised word beside it: not "Ricky
    Ponting", "Hawkesbury River"), a country's people ("Australain" → "Australian") or
    a city of the speller's own country ("Pitwater" → "Pittwater" in en-AU copy).
    Measured on the judged samples: each wider guess (codespell's misspellings, any
    place, a country's name) brought back more correct names ("Ponting", "Suda",
    "Mabila") than slips."""
    word = text[start:end]
    if not word.isalpha() or is_word(word) or draft.count(word) > 1 or _a_place(word):
        return False
    if start and (text[start - 1].isalpha() or text[start - 1] in "'’-"):
        return False  # a piece of a longer name: "d'Anconia"
    if _in_run(text, start, end) and not _headline(text, start):
        return False
    if _home_city(word, rule):
        return True  # the speller may not know the city: "Pitwater" → "Pit water"
    if suggestion[:1] != word[:1] or OSA.distance(word.lower(), suggestion.lower()) != 1:
        return False
    if _headline(text, start):
        return is_word(suggestion)
    return _a_people(suggestion)


def _in_a_title(text: str, start: int, end: int) -> bool:
    """Does the word stand inside a title, between two of its words ("Deputy Financce
    Minister Yu": a portfolio, an ordinary word misspelt, not a name)?"""
    before = regex.search(r"([\p{L}.]+)[ \t]+$", text[max(0, start - 30) : start])
    after = regex.match(r"[ \t]+([\p{L}.]+)", text[end : end + 30])
    if before is None or after is None:
        return False
    first, last = (m.group(1).rstrip(".").lower() for m in (before, after))
    return first in TITLES and first not in HONORIFICS and last in OFFICES  # not "Dr Aamer Sultan"


OFFICES = frozenset(
    [
        "minister",
        "secretary",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "commissioner",
        "director",
        "chief",
        "chairman",
        "chairwoman",
        "ambassador",
        "envoy",
    ]
)
"""Title words that end a portfolio: "Deputy Finance Minister", "Foreign Affairs Secretary"."""


def _a_place(word: str) -> bool:
    from lint.names.places import is_place

    return is_place(word)


def _a_people(word: str) -> bool:
    """A country's people or adjective ("Australian"), not the country's name."""
    from lint.world.countries import countries

    key = fold(word)
    return any(key in {fold(d) for d in c.demonyms} for c in countries(word))


_VARIETY = regex.compile(r"_EN_([A-Z]{2})$")


def _home_city(word: str, rule: str) -> bool:
    """Is the word one slip (same first letter) from a city of 15,000 people or more, by
    its GeoNames name, in the speller's variety's country? en-AU knows "Pittwater", not
    "Corona" (for "Corowa")."""
    m = _VARIETY.search(rule)
    if m is None or len(word) < 5:
        return False
    from lint.world import cities

    code = {"UK": "GB"}.get(m.group(1), m.group(1))
    return any(
        c.country == code and fold(c.name) == near
        for near in _one_slip(fold(word))
        for c in cities.named(near)
    )


def _one_slip(word: str) -> set[str]:
    """Every string one letter dropped, added, changed or swapped away inside the word:
    first and last letters kept ("Auguste" is a name of its own, not "Augusta")."""
    letters = "abcdefghijklmnopqrstuvwxyz"
    head, mid, last = word[:1], word[1:-1], word[-1:]
    out = {mid[:i] + mid[i + 1 :] for i in range(len(mid))}
    out |= {mid[:i] + c + mid[i:] for i in range(len(mid) + 1) for c in letters}
    out |= {mid[:i] + c + mid[i + 1 :] for i in range(len(mid)) for c in letters}
    out |= {mid[:i] + mid[i + 1] + mid[i] + mid[i + 2 :] for i in range(len(mid) - 1)}
    return {head + m + last for m in out} - {word}


_MINOR = frozenset({"a", "an", "the", "and", "or", "but", "nor", "of", "on", "in", "at"})
_MINOR |= {"to", "for", "by", "with", "as", "from", "vs"}


def _line(text: str, at: int) -> str:
    return text[text.rfind("\n", 0, at) + 1 : (text.find("\n", at) + 1 or len(text) + 1) - 1]


def _headline(text: str, at: int) -> bool:
    """Is the line at ``at`` a headline in title case: one line of three to sixteen words,
    every one but the small ones capitalised, two of them ordinary words, no full stop at
    the end ("What Effect Does Suger Have on Our Brains?")?"""
    line = _line(text, at).strip()
    words = regex.findall(r"\p{L}+", line)
    major = [w for w in words if w.lower() not in _MINOR]
    if not 3 <= len(words) <= 16 or line.endswith(".") or not all(w[:1].isupper() for w in major):
        return False
    return sum(1 for w in major if w.lower() in STOP_WORDS or is_word(w)) >= 2


_CAPITALISED = regex.compile(r"\p{Lu}[\p{L}\p{M}'’.-]*")


def _in_run(text: str, start: int, end: int) -> bool:
    """Does a capitalised word stand just before or after (a name of several words)?"""
    before = regex.search(r"(\S+)[ \t]+$", text[max(0, start - 40) : start])
    after = regex.match(r"[ \t]+(\S+)", text[end : end + 40])
    prev = before.group(1) if before else ""
    nxt = after.group(1) if after else ""
    prev_name = bool(_CAPITALISED.fullmatch(prev)) and prev.lower().rstrip(".") not in STOP_WORDS
    return prev_name or bool(_CAPITALISED.match(nxt))


def _word_start(text: str, start: int) -> int:
    while start > 0 and (text[start - 1].isalpha() or text[start - 1] in "'’-"):
        start -= 1
    return start


def _split(word: str) -> bool:
    return any(c in word for c in "'’-")


def _after_opening(token) -> bool:
    """Does the token follow an opening quotation mark, bracket or colon (a fresh start)?"""
    if token.i == 0:
        return True
    prev = token.doc[token.i - 1]
    return prev.is_punct and prev.text not in (",", "-", "–")


def _listed(span) -> bool:
    """Is the word beside a name in a list ("Bichel, Ponting and Warne")?"""
    doc = span.doc
    before = [doc[i] for i in range(max(span.start - 2, 0), span.start)]
    after = [doc[i] for i in range(span.end, min(span.end + 2, len(doc)))]
    for pair in (before[::-1], after):
        if len(pair) == 2 and pair[0].lower_ in _JOINERS and is_name_token(pair[1]):
            return True
    return False


def _slip_of(word: str, suggestion: str) -> bool:
    """Is the speller's guess a plain slip away (a word or a name it knows)?"""
    if not suggestion or " " in suggestion:
        return False
    a, b = word.lower(), suggestion.lower()
    return a != b and OSA.distance(a, b) <= (1 if min(len(a), len(b)) < 8 else 2)


def _as_slips(findings: list[Finding], text: str, slips: Slips | None) -> list[Finding]:
    """The speller's matches, those on a slip the names rule found replaced by its finding."""
    if slips is None or not (slips.if_flagged or slips.reported):
        return findings
    spelled = [
        f
        for f in findings
        if (f.rule or "").startswith(SPELLERS) and text[f.offset : f.offset + 1].isupper()
    ]
    # one finding per word: with the usual form the speller ranks first
    confirmed: dict[tuple[int, int], tuple[int, Finding]] = {}
    for t in slips.if_flagged:
        matches = [f for f in spelled if _overlap(t.finding, f)]
        if not matches:
            continue
        rank = min(_rank(f, t.reference) for f in matches)
        if t.suggested and rank >= SUGGESTIONS:
            continue  # confirmed only by the speller's suggestion
        if (
            t.first
            or rank < SUGGESTIONS
            or not any(_overlap(Finding(a, b - a, ""), f) for a, b in t.uses for f in spelled)
        ):
            where = (t.finding.offset, t.finding.length)
            if where not in confirmed or rank < confirmed[where][0]:
                confirmed[where] = (rank, t.finding)
    names = [f for _, f in confirmed.values()] + slips.reported
    kept = [f for f in findings if f not in spelled or not any(_overlap(f, n) for n in names)]
    return kept + [f for _, f in confirmed.values()]


SUGGESTIONS = 5
"""How many of the speller's first guesses may name the draft's usual form."""


def _rank(f: Finding, reference: str) -> int:
    """Where the draft's usual form stands among the speller's first guesses for the odd
    one (0 first), or SUGGESTIONS when it is not among them."""
    for i, r in enumerate(f.replacements[:SUGGESTIONS]):
        if reference and r.lower() == reference.lower():
            return i
    return SUGGESTIONS


def _overlap(a: Finding, b: Finding) -> bool:
    return a.offset < b.offset + b.length and b.offset < a.offset + a.length
