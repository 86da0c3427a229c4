"""Forms of a name a writer lists on purpose: never one name misspelt.

An encyclopedia (and sometimes a feature) gives a name's other spellings
deliberately: "Other spellings have included Alibamu, Alabamo, Albama",
"Achilles (Akhilleus)", "Afroasiatic (often now spelled Afro-Asiatic)", "the
Doric form Apellon", "known as Alyeska", a nickname in quotation marks. Judged
on the Wikipedia sample, 41 of the 44 names.inconsistent warnings were such
forms. A slip of the pen does not stand in such places, so a form written there
is not reported as one name spelt two ways:

* after a cue within its sentence: "spelled", "spelt", "spellings", "known as",
  "named", "name", "form", "variant", "word for", "literally", "meaning", or a word
  and a colon ("Doric: Apellon"); not "called" or "wrote", which news uses before
  names all the time, and not when a title stands just before the form ("threatening
  words or behaviour to Mr Jaso") or the form begins a longer name ("the name Joohn
  Towner Williams"); a label is a word in title case ("READ:" is a page's link);
* inside brackets that open just after a form of the same name ("Achilles
  (Akhilleus)"; not "IBF (International Boxong Federation)", nor the name written
  again, "China Daily. (China Dauly Weekly)"), or just before brackets that hold
  another form ("Helius (Helios)");
* alone inside quotation marks (a form cited, not used: nicknamed "Ogie"; not
  the start of a quoted sentence, "Turmp's threats");
* in a list (commas, "or", "and", slashes) beside another form of the same name:
  "Alibamu, Alabamo, Albama", "Albaamo (or variously Albaama or Albàamo)".
"""

from __future__ import annotations

import regex
from rapidfuzz.distance import OSA

from lint.names.fold import fold
from lint.names.mentions import TITLES

_CUE = regex.compile(
    r"(?i:\b(?:spell(?:ed|ing|ings)?|spelt|written|known|named|nicknamed|dubbed"
    r"|rendered|transliterated|romani[sz]ed|variants?|forms?|variously|alternatively"
    r"|word|words|term|name|names|literally|lit|meaning|aka|a\.k\.a)\b)"
    r"(?:[\s\"“‘']+[\p{L}\p{M}'’-]+){0,5}[\s\"“‘']+$"
)
"""A cue at most five words before the form, with no punctuation between."""
_LABEL = regex.compile(r"\b\p{Lu}\p{Ll}+:[\s,;]*$")
"""A word and a colon just before: "Doric: , Apellon" (not a page's "READ: " link)."""
_SENTENCE_END = regex.compile(r"[.!?](?=\s+\p{Lu})|\n")
_SEPARATOR = r"(?:\s*[,;/]\s*(?:(?:or|and)\s+)?|\s+(?:or|and)\s+|\s*\(\s*(?:or\s+)?(?:\p{Ll}+\s+)?)"
_BEFORE = regex.compile(rf"([\p{{L}}\p{{M}}'’-]+){_SEPARATOR}$")
_AFTER = regex.compile(rf"^{_SEPARATOR}([\p{{L}}\p{{M}}'’-]+)")
_QUOTES = "\"'“”‘’«»"


def deliberate(text: str, start: int, end: int, reference: str) -> bool:
    """Is the form at ``text[start:end]`` one the writer lists on purpose beside
    ``reference`` (the draft's usual form), rather than a slip?"""
    begin = _sentence_start(text, start)
    before = text[begin:start]
    # a cue, unless a title says the form names someone ("words … to Mr Jaso") or it
    # begins a longer name ("the name Joohn Towner Williams")
    cited = _CUE.search(before) and not _titled(before) and not _first_of_more(text, end)
    if cited or _LABEL.search(before[-40:]):
        return True
    if _bracketed_form(before, text[start:end], reference):
        return True
    if _quoted(text, start, end) or _glossed(text, start, end, reference):
        return True
    return _listed(text, begin, start, end, reference)


def _first_of_more(text: str, end: int) -> bool:
    """Does a capitalised word follow the form (the first word of a longer name)?"""
    return bool(regex.match(r"[ \t]+\p{Lu}\p{Ll}", text[end : end + 4]))


def _titled(before: str) -> bool:
    """Does a title stand just before the form (the writer uses the name, not cites it)?"""
    words = before.split()
    return bool(words) and before[-1:].isspace() and words[-1].rstrip(".").lower() in TITLES


def _sentence_start(text: str, at: int) -> int:
    begin = 0
    for m in _SENTENCE_END.finditer(text, max(0, at - 400), at):
        begin = m.end()
    return begin


def _in_brackets_after_name(before: str) -> bool:
    """Inside a bracket still open, which opens just after a capitalised word."""
    opened = max(before.rfind("("), before.rfind("["))
    if opened < 0 or max(before.rfind(")"), before.rfind("]")) > opened:
        return False
    head = before[:opened].rstrip().split()
    return bool(head) and head[-1][:1].isupper()


def _bracketed_form(before: str, odd: str, reference: str) -> bool:
    """Inside brackets just after a form of the same name ("Achilles (Akhilleus)"), not
    any bracket after a capital ("IBF (International Boxong Federation)")."""
    if not _in_brackets_after_name(before):
        return False
    opened = max(before.rfind("("), before.rfind("["))
    if regex.search(r"\p{Lu}[\p{L}\p{M}'’-]*\s+$", before[opened + 1 :]):
        return False  # a name written again inside: "China Daily (China Dauly Weekly)"
    if before[:opened].rstrip().endswith("."):
        return False  # a new sentence in brackets, after one that ended
    word = regex.sub(r"[^\p{L}\p{M}'’-]", "", before[:opened].rstrip().split()[-1])
    other = fold(word)
    return bool(other) and (other == fold(reference) or _alike(other, fold(odd)))


def _glossed(text: str, start: int, end: int, reference: str) -> bool:
    """Brackets just after the form hold another form of the name ("Helius (Helios)")."""
    m = regex.match(r"\s*[(\[]([^)\]]{0,60})", text[end : end + 70])
    if m is None:
        return False
    odd, ref = fold(text[start:end]), fold(reference)
    inside = regex.findall(r"\p{Lu}[\p{L}\p{M}'’-]+", m.group(1))
    return any(_alike(fold(w), odd) or fold(w) == ref for w in inside)


def _quoted(text: str, start: int, end: int) -> bool:
    """The form alone in quotation marks ("Ogie," or “Ogie”)."""
    opening = text[start - 1 : start]
    after = end + 1 if text[end : end + 1] in (",", ".") else end
    closing = text[after : after + 1]
    if text[after + 1 : after + 2].isalpha():
        return False  # an apostrophe, not a quotation mark: "Turmp's threats …"
    return bool(opening) and opening in _QUOTES and bool(closing) and closing in _QUOTES


def _listed(text: str, begin: int, start: int, end: int, reference: str) -> bool:
    """Beside another form of the same name in a list ("Alibamu, Alabamo, Albama")."""
    odd = fold(text[start:end])
    neighbours = []
    m = _BEFORE.search(text, begin, start)
    if m:
        neighbours.append(m.group(1))
    m = _AFTER.search(text[end : end + 60])
    if m:
        neighbours.append(m.group(1))
    ref = fold(reference)
    for word in neighbours:
        other = fold(word)
        if not word[:1].isupper() or other == odd:
            continue
        if _alike(other, odd) or _alike(other, ref):
            return True
    return False


def _alike(a: str, b: str) -> bool:
    return a[:1] == b[:1] and OSA.distance(a, b) <= max(2, min(len(a), len(b)) // 3)
