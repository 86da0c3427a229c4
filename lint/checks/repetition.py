"""repetition: the same word twice in a row ("the the"), across a line break too.

Doubled words survive proofreading because the eye skips the second one. Some
doublings are grammatical ("had had", "that that") or reduplicatives ("bye
bye", "great great grandfather") and are listed in ``ignore``; a capitalised
pair that is not a function word is a name ("Walla Walla", "Zsa Zsa",
"Sirhan Sirhan"); and spaCy's parse tells a word that ends one clause from the
same word opening the next ("when we look back on it it will matter",
"whatever happens happens").

Options:

* ``ignore`` — words whose doubling is fine (default: had, that, is, do,
  bye, no, yes, very, ha, knock, so, tut, chop, well).
* ``ignorecase`` — "The the" counts (default ``true``).

The fix removes the second word.

Bad: "We met the the minister." Good: "What he had had was enough."
"""

from __future__ import annotations

from collections.abc import Iterator

import regex
from spacy.lang.en.stop_words import STOP_WORDS

from lint.checks.base import Check, Context
from lint.findings import Finding
from lint.packs.options import Option

DEFAULT_IGNORE = [
    "had", "that", "is", "do", "bye", "no", "yes", "very", "ha", "knock",
    "so", "tut", "chop", "well", "blah", "bang", "buzz", "la", "ta",
    "great", "night", "choo", "pom", "tsk", "boo", "hush", "yada", "dum", "chin",
]  # fmt: skip
SUBJECTS = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})


class Repetition(Check):
    kind = "repetition"
    scope = "paragraph"
    needs = frozenset({"tags", "sentences"})
    message = "'{match}' is repeated."
    options = {
        "ignore": Option("list[str]", DEFAULT_IGNORE, "words whose doubling is fine"),
        "ignorecase": Option("bool", True, "'The the' counts"),
    }

    def prepare(self) -> None:
        flags = regex.IGNORECASE if self.opts["ignorecase"] else 0
        self.pattern = regex.compile(
            r"(?<![\w'’-])(?P<word>[^\W\d_][\w'’]*)(?P<gap>[ \t\u00a0]*\n?[ \t\u00a0]*[ \t\u00a0\n])"
            r"(?P=word)(?![\w'’-])",
            flags,
        )
        self.ignore = {w.lower() for w in self.opts["ignore"]}

    def run(self, ctx: Context) -> Iterator[Finding]:
        text = ctx.text
        for m in self.finditer(self.pattern, text):
            word = m.group("word")
            second = text[m.end("gap") : m.end()]
            if word.lower() in self.ignore or is_name(word, second):
                continue
            if ctx.nlp is not None and across_clauses(ctx.nlp, m.start(), m.end("gap")):
                continue
            start = m.start("gap")
            yield self.finding(start, m.end(), word, [""])


def is_name(first: str, second: str) -> bool:
    """ "Walla Walla", "Zsa Zsa": both capitalised and not a function word ("The The")."""
    return first[:1].isupper() and second[:1].isupper() and first.lower() not in STOP_WORDS


def across_clauses(doc, first: int, second: int) -> bool:
    """Does the second word open a clause the first does not belong to? "… back on it | it
    will matter" (an object, then a subject), "whatever happens | happens" (a clause
    that is the subject of the verb that follows)."""
    a, b = (
        doc.char_span(first, first + 1, alignment_mode="expand"),
        doc.char_span(second, second + 1, alignment_mode="expand"),
    )
    if a is None or b is None:
        return False
    one, two = a[0], b[0]
    if one.dep_ in ("csubj", "csubjpass") and one.head == two:
        return True
    return two.dep_ in SUBJECTS and one.dep_ not in SUBJECTS and one.head != two.head
