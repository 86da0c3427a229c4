"""When LanguageTool's speller does not know a word, it is not always a misspelling.

Judged one by one on real prose (bench/judged/), most speller matches on edited
copy are correct words the dictionary lacks: words cited in another language
("from the Greek anarchos", "albus"), parts of a word that another character
split ("-ane", "al-Jazā'ir"), technical and regional terms the draft uses
again and again ("cycloalkanes", "tailenders"). A typo is almost always a
one-off in plain English. So a speller match is kept only when nothing says the
word is meant, and dropped when:

* the draft writes the same word again, letter for letter, and it is a name or
  no slip of a far more common word, nor one of codespell's common misspellings
  (a slip is seldom repeated; the names and typos packs catch those that are);
* it has letters from outside the Latin alphabet or with diacritics (a foreign
  word), unless it mixes look-alike scripts ("ἄβακoς", a Latin o among Greek
  letters: a slip, kept);
* it is a piece of a longer word the speller cut at a hyphen, an apostrophe or
  a dot ("al-Jazāʾir", "haqqin.az");
* it opens a bracket, or a language or "word" names it just before ("Greek
  arkhē", "the Latin albus", "the term abugida"), or a gloss follows it (albus
  "white", kleos ("glory"), nautes (ναύτης), khmi, lit. 'black earth');
* a word beside it has diacritics, or, one word on at most, another whole word
  the speller flags, both capitalised or this one no slip of a known word: a
  phrase in another language or a foreign name ("Union des républiques
  socialistes", "Bir el Ater", "Ha Thi Van Khanh"); a slip beside a foreign
  term stays ("in-vitro fertalisation");
* it is an abbreviation with no vowel after a number (in figures or words), or
  a lower-case one written again: a wire desk's units ("600 mln rubles", "one
  dlr", "64 MLN DLRS");
* it stands inside a wire service's angle brackets, a company's registered name
  or ticker ("<Antibioticos SA>", "<CMAC.S>"), or it is a headline's word in
  capitals that the draft writes again in any case ("ROSPATCH" … "Rospatch");
* it is the plural of an acronym ("ANOVAs", "CAPCOMs"), or an Arabic name
  with its article ("al-Awlaki"), or a vowelless abbreviation after a name
  ("George Bush Snr"), or a species epithet after its genus ("Paedophryne
  amauensis").

Spellings of another variety ("‘theatre’ is British English") are never dropped
here: the draft's variety is the configuration's, and a desk localises them.

A word that stays may still be right, and then it is ``info`` (still shown, no
longer failing the run) rather than a warning:

* no word the speller suggests is a slip away from it (one letter added,
  dropped, changed or two swapped): a typo is a near miss of a known word
  ("champiom", "negelected"), a technical term or a name is not ("haptophytes",
  "Sonatrach"); judged on real prose, no real error was more than a slip away
  from the speller's suggestions save one run-together name;
* it is a short closed compound (twelve letters at most) of two words in
  common use ("aquaplanet", "timecodes", "foilboard"), not a phrase run
  together ("eachother", "alsosaid" stay warnings);
* it ends as technical coinages do ("alkalide", "electrides", "protistans")
  and no suggestion a slip away shares that ending ("alkaline", "electrodes"):
  a chemical, biological or linguistic term, not a slip of the common word;
* it is a lower-case word in use in English (wordfreq, frequencies of words
  across the web, books, news and subtitles: at least once per 10 million
  words) and its suggestion is not vastly more common (three orders of
  magnitude: "ath" for "at" stays a warning): "tailender", "stele",
  "folkways". Common misspellings are frequent too, but those are codespell's,
  and the typos pack reports them;
* it is an acronym written as a word, as some desks do ("Nasa", "Uefa",
  "gifs": the suggestion only capitalises it; "gmt" for "GMT" stays);
* it is a name joined to a common word ("Dari-speaking"): the names checks read
  names.

Any other suggestion that only changes case ("reconquista" → "Reconquista")
keeps the warning.
"""

from __future__ import annotations

import functools
import unicodedata
from collections.abc import Iterable
from dataclasses import replace

import regex
from rapidfuzz.distance import OSA

from lint.findings import Finding
from lint.languagetool import categories

VARIETY = regex.compile(
    r"is (?:British|American|Australian|Canadian|New Zealand|South African) English"
)
CUE = regex.compile(
    r"(?i:\b(?:Greek|Latin|French|German|Arabic|Sanskrit|Hebrew|Persian|Chinese|Japanese|"
    r"Russian|Italian|Spanish|Portuguese|Dutch|Norse|English|Hindi|Urdu|Turkish|Korean|"
    r"Pinyin|Basque|Catalan|Welsh|Irish|Gaelic|Swahili|Maori|Hawaiian|Aramaic|Egyptian|"
    r"Akkadian|Sumerian|Coptic|Berber|Tamil|Malay|Indonesian|Thai|Vietnamese|Polish|Czech|"
    r"Hungarian|Finnish|Swedish|Danish|Norwegian|Icelandic|Yiddish|Romani|Esperanto|"
    r"word|words|term|terms|spelled|spelt|transliterated|meaning|literally|lit|cf)\b)"
    r"[\s:,.(\"'“‘]*(?:\w+[\s:,\"'“‘]+)?$"
)
"""A language or "word" at most one word before the flagged one: "(Greek: anarchos)"."""
RARE_WORD = 1.0
"""wordfreq's Zipf value from which a word is in use (about once per 10 million words)."""
FAR_MORE_COMMON = 3.0
"""How much more common (Zipf, a log scale) a suggestion must be to make the word a typo."""
COMMON_WORD = 2.0
"""A suggestion at least this common (Zipf: once per 100 million words) makes a word that is
not in use at all a typo of it ("embezzlling" of "embezzling"), where two rare technical
words a slip apart are a term and its plural ("cycloalkanes", "cycloalkane")."""
LOOKALIKE_SCRIPTS = frozenset({"LATIN", "GREEK", "CYRILLIC", "ARMENIAN"})
"""Scripts whose letters look alike ("o", "ο", "о"): one word mixing them is a slip."""
GLOSS = regex.compile(
    r"\s*(?:[\"“‘][\p{L}’' -]{1,40}[\"”’]|\(\s*(?:[\"“‘]|meaning\b|lit\b|[^\p{Latin}\p{P}\s\d])"
    r"|,?\s*(?:meaning|lit\.|literally)\s)"
)
"""A gloss right after the word: a quoted meaning, a bracket with one or another script."""
ABBREVIATION = regex.compile(r"[b-df-hj-np-tv-z]{2,5}")
"""No vowel: no English word, but a unit or an abbreviation ("mln", "dlrs", "Pty")."""
ORDINALS = frozenset({"st", "nd", "rd", "th"})
NUMBER_BEFORE = regex.compile(
    r"(?:\d[\d.,]*|\b(?i:one|two|three|four|five|six|seven|eight|nine|ten|a|hundred|"
    r"thousand|million|billion|trillion))\s*(?:[b-df-hj-np-tv-z]{2,5}\s+)?$"
)
"""A number before the word, maybe with a unit between ("1.5 bln dlrs")."""
ACRONYM_PLURAL = regex.compile(r"[A-Z]{2,}s")
ARABIC_NAME = regex.compile(r"(?:al|el|ad|an|ar|as|ash|at|az|ibn|bin|abu|abd)-\p{Lu}\p{L}+")
"""A transliterated Arabic name with its article or kinship word: "al-Awlaki", "bin-Laden"."""
NAME_COMPOUND = regex.compile(r"\p{Lu}\p{Ll}{2,}-\p{Ll}{3,}")
"""A name and a common word: "Dari-speaking", "Farage-like"."""
NAME_BEFORE = regex.compile(r"\p{Lu}\p{Ll}+\s+$")
CLAUSE_MARK = regex.compile(r"[.,;:!?()\[\]\"“”«»—–]")
TECHNICAL = regex.compile(
    r"(?i)(?:ides?|lysis|genic|phytes?|oids?|iums?|ases|anes?|enes?|ynes?|itis|osis|istans?|"
    r"yls?|yles?)$"
)
"""Endings of coined technical terms (chemistry, biology, linguistics)."""
FUNCTION_WORDS = frozenset(
    ["a", "an", "the", "each", "every", "other", "another", "in", "on", "at", "of",
     "to", "by", "for", "with", "from", "into", "onto", "upon", "some", "any", "no",
     "all", "as", "so", "much", "many", "more", "most", "least", "lot", "where", "what",
     "when", "how", "who", "which", "there", "here", "this", "that", "these", "those",
     "one", "it", "its", "my", "your", "our", "their", "his", "her", "him", "them",
     "us", "we", "you", "he", "she", "they", "up", "out", "off", "not", "ever", "never",
     "also", "very", "just", "now", "then", "still", "even", "only", "already", "again",
     "always", "often", "said", "says", "is", "was", "are", "were", "has", "had", "have"]
)  # fmt: skip
"""Words a phrase run together ("eachother", "inspite", "everytime") is made of, and a
compound of two content words ("kite surfing" → "kitesurfing") is not."""
COMPOUND_LETTERS = 12
"""A closed compound is short ("kitesurfing", "sneakernet"); two long words run together
have lost a space ("defunctoperator")."""
COMPOUND_PART = 3.0
"""wordfreq's Zipf value from which each part of a closed compound is a common word."""
JOINERS = "-‐‑'’"
CASELESS = "\0"
"""Key prefix of a word's count in any case (a word in capitals is the same word)."""
WORD = regex.compile(r"\w[\w'’-]*")


def doubtful(finding: Finding, text: str, counts: dict[str, int]) -> bool:
    """Is this speller match on a word the draft means (see the module docstring)?"""
    word = text[finding.offset : finding.offset + finding.length]
    if not word or VARIETY.search(finding.message):
        return False
    if word.isupper() and len(word) > 2:  # a headline's capitals: "ROSPATCH" for Rospatch
        again = counts.get(CASELESS + word.lower(), 0) > 1 and not _misspelling(word)
    else:
        again = counts.get(word, 0) > 1 and not _misspelling(word)
    if again and (word[:1].isupper() or not _typo_like(word, finding.replacements[:3])):
        return True  # a name the draft writes again, or a word that is no slip of a common one
    if len(_scripts(word)) > 1:
        return False
    if any(_accented(c) for c in word):
        return True
    before = text[max(0, finding.offset - 40) : finding.offset]
    if _in_wire_brackets(text, finding):
        return True
    if _abbreviation(word, before, counts) or ACRONYM_PLURAL.fullmatch(word):
        return True
    if ARABIC_NAME.fullmatch(word) or (word.islower() and _epithet(text, finding)):
        return True
    if GLOSS.match(text, finding.offset + finding.length):
        return True
    after = text[finding.offset + finding.length : finding.offset + finding.length + 2]
    if (before and before[-1] in JOINERS) or (after[:1] in JOINERS and after[1:2].isalpha()):
        return True
    if before[-1:] == "." and before[-2:-1].isalnum():
        return True  # a piece of a dotted name: "haqqin.az", "One.Tel"
    return before[-1:] == "(" or CUE.search(before) is not None


def drop_doubtful(findings: Iterable[Finding], text: str) -> list[Finding]:
    """The findings without the speller matches on words the draft means, and with those
    on rare but real words as info."""
    findings = list(findings)
    spellers = [f for f in findings if _speller(f)]
    if not spellers:
        return findings
    counts: dict[str, int] = {}
    for m in WORD.finditer(text):
        counts[m.group()] = counts.get(m.group(), 0) + 1
        caseless = CASELESS + m.group().lower()
        counts[caseless] = counts.get(caseless, 0) + 1
    unknown = {(f.offset, f.offset + f.length) for f in spellers if not VARIETY.search(f.message)}
    drop = {
        id(f) for f in spellers if doubtful(f, text, counts) or _foreign_phrase(f, text, unknown)
    }
    speller_ids = {id(f) for f in spellers}
    kept = []
    for f in findings:
        if id(f) in drop:
            continue
        why = advisory(f, text) if id(f) in speller_ids else None
        if why:
            f = replace(f, severity="info", message=f"{f.message} ({why})")
        kept.append(f)
    return kept


def advisory(finding: Finding, text: str) -> str | None:
    """Why a speller match left standing is only info (see the module docstring), or None."""
    word = text[finding.offset : finding.offset + finding.length]
    if not word or VARIETY.search(finding.message) or len(_scripts(word)) > 1:
        return None
    guesses = [r for r in finding.replacements[:3] if r]
    if guesses and _acronym_as_word(guesses[0], word):
        return "An acronym written as a word: house style."
    if any(g.lower() == word.lower() for g in guesses) or _misspelling(word):
        return None
    if NAME_COMPOUND.fullmatch(word) and _zipf(word.rsplit("-", 1)[1]) >= COMPOUND_PART:
        return "A name in a compound: the names checks read it."
    slips = [g for g in guesses if _slip(g, word)]
    if not slips:
        return "No known word is a slip away: a name or a term?"
    if _compound(word, guesses):
        return "Two words in use, closed up: a compound?"
    ending = TECHNICAL.search(word)
    if ending and not any(g.lower().endswith(ending.group().lower()) for g in slips):
        return "A technical term's ending: a term?"
    if word[:1].islower() and _zipf(word) >= RARE_WORD and not _typo_like(word, guesses[:1]):
        return "A rare word, in use elsewhere."
    return None


def _acronym_as_word(guess: str, word: str) -> bool:
    """Is the word an acronym some desks write as a word ("Nasa", "Uefa", "gifs")?"""
    core = guess[:-1] if guess.endswith("s") and len(guess) > 3 else guess
    if guess == word or guess.lower() != word.lower() or len(core) < 3 or not core.isupper():
        return False
    if word.islower():  # "gifs" for "GIFs"; not "ath" for "ATH" nor "gmt" for "GMT"
        return core != guess
    return word[0].isupper() and word[1:].islower()


def _abbreviation(word: str, before: str, counts: dict[str, int]) -> bool:
    """A lower-case word with no vowel, after a number (in figures or words) or written
    again ("600 mln", "one dlr", "64 MLN DLRS"); one capitalised after a name ("George
    Bush Snr", "Pratt and Co Financial Services Pty")."""
    if word.lower() in ORDINALS or not ABBREVIATION.fullmatch(word.lower()):
        return False
    if word.isupper():  # a headline's "64 MLN DLRS"
        return NUMBER_BEFORE.search(before.lower()) is not None
    if word[:1].isupper():
        return word[1:].islower() and NAME_BEFORE.search(before) is not None
    if not word.islower():
        return False
    return NUMBER_BEFORE.search(before) is not None or counts.get(word, 0) > 1


def _foreign_phrase(finding: Finding, text: str, unknown: set[tuple[int, int]]) -> bool:
    """Does the word stand in a foreign phrase: a word with diacritics beside it, or
    another word the speller does not know beside it or one word on, in the same clause,
    both capitalised (a foreign name: "Bir el Ater") or the word no slip of a known one
    (a typo beside a foreign term stays: "in-vitro fertalisation")?"""
    start, end = finding.offset, finding.offset + finding.length
    word = text[start:end]
    if VARIETY.search(finding.message) or len(_scripts(word)) > 1:
        return False  # another variety; look-alike scripts mixed ("ἄβακoς"): a slip
    slip = any(_slip(g, word) for g in finding.replacements[:3] if g)
    left = text[max(0, start - 60) : start]
    right = text[end : end + 60]
    cut = [m.end() for m in CLAUSE_MARK.finditer(left)]
    left = left[cut[-1] :] if cut else left
    stop = CLAUSE_MARK.search(right)
    right = right[: stop.start()] if stop else right
    base = start - len(left)
    near = [(base + m.start(), base + m.end(), m.group()) for m in WORD.finditer(left)][-2:]
    near += [(end + m.start(), end + m.end(), m.group()) for m in WORD.finditer(right)][:2]
    for a, b, w in near:
        adjacent = (b >= start - 1 and a < start) or (a <= end + 1 and a >= end)
        if adjacent and any(_accented(c) for c in w) and not len(_scripts(w)) > 1:
            return True
        if (a, b) in unknown and ((w[:1].isupper() and word[:1].isupper()) or not slip):
            return True  # a whole word, not a piece ("vitro" of "in-vitro")
    return False


def _compound(word: str, guesses) -> bool:
    """Is the lower-case word two words in common use closed up, each of three letters or
    more (the first of four), and no suggestion the two apart?"""
    if not word.isalpha() or not word[1:].islower() or len(word) > COMPOUND_LETTERS:
        return False
    word = word.lower()
    for g in guesses:
        parts = g.lower().replace("-", " ").split()
        if "".join(parts) == word and any(p in FUNCTION_WORDS for p in parts):
            return False  # a phrase run together: "eachother" → "each other"
    return any(
        _zipf(word[:i]) >= COMPOUND_PART and _zipf(word[i:]) >= COMPOUND_PART
        for i in range(4, len(word) - 2)
    )


def _slip(guess: str, word: str) -> bool:
    return OSA.distance(guess.lower(), word.lower()) <= 1


def _typo_like(word: str, guesses) -> bool:
    """A slip of a suggestion far more common than itself, or, for a word not in use at
    all, of a suggestion in common use."""
    own = _zipf(word)
    return any(
        _slip(g, word)
        and (_zipf(g) - own >= FAR_MORE_COMMON or (own < RARE_WORD and _zipf(g) >= COMMON_WORD))
        for g in guesses
        if g
    )


def _in_wire_brackets(text: str, finding: Finding) -> bool:
    from lint.checks.typos import in_wire_brackets

    return in_wire_brackets(text, finding.offset, finding.offset + finding.length)


def _epithet(text: str, finding: Finding) -> bool:
    from lint.checks.typos import epithet

    return epithet(text, finding.offset, finding.offset + finding.length)


def _misspelling(word: str) -> bool:
    """Is the word one of codespell's common misspellings ("recieve")? Those are frequent
    on the web too, so frequency never excuses them."""
    from lint.checks.typos import load_dictionary

    return word.lower() in load_dictionary("clear")


@functools.lru_cache(maxsize=4096)
def _zipf(word: str) -> float:
    from wordfreq import zipf_frequency  # loads its word list (~0.5 s) on first use

    return zipf_frequency(word, "en")


def _speller(f: Finding) -> bool:
    rule = (f.rule or "").removeprefix(categories.RULE_PREFIX)
    return rule.startswith(categories.SPELLERS)


def _scripts(word: str) -> set[str]:
    """The look-alike scripts of the word's letters (LATIN, GREEK, CYRILLIC)."""
    out = set()
    for ch in word:
        if ch.isalpha():
            script = unicodedata.name(ch, "").split(" ")[0]
            if script in LOOKALIKE_SCRIPTS:
                out.add(script)
    return out


def _accented(ch: str) -> bool:
    return ch.isalpha() and not ch.isascii()
