"""typos: common misspellings with their corrections, without LanguageTool.

For the fast pre-commit hook and for machines without Java. The word list is
codespell's, installed from PyPI with the ``codespell`` package and read in
place (it is maintained there, not copied here). Matching is whole-word and
case-aware ("Recieve" → "Receive"); accepted vocabulary is never flagged.
Entries codespell itself disables (those with a reason) are skipped.

Options:

* ``dictionaries`` — codespell dictionaries to use (default ``[clear, rare]``;
  also ``informal``, ``usage``, ``names``, ``en-GB_to_en-US``).
* ``ignore`` — words never to flag.

Bad: "We will recieve the report." Good: "We will receive the report."
"""

from __future__ import annotations

import functools
from collections.abc import Iterator
from importlib import resources

import regex

from lint.checks.base import Check, Context, match_case
from lint.findings import Finding
from lint.packs.options import Option, OptionError
from lint.packs.yamlpos import mark_of

WORD = regex.compile(r"(?<![\w'’-])[^\W\d_][\w'’]*[^\W\d_](?![\w-]|['’]\w)")
FILES = {
    "clear": "dictionary.txt",
    "rare": "dictionary_rare.txt",
    "informal": "dictionary_informal.txt",
    "usage": "dictionary_usage.txt",
    "names": "dictionary_names.txt",
    "en-GB_to_en-US": "dictionary_en-GB_to_en-US.txt",
}


@functools.cache
def load_dictionary(name: str) -> dict[str, tuple[str, ...]]:
    """codespell dictionary ``name`` as lower-case word → corrections."""
    text = resources.files("codespell_lib").joinpath("data", FILES[name]).read_text("utf-8")
    result: dict[str, tuple[str, ...]] = {}
    for line in text.splitlines():
        wrong, sep, right = line.partition("->")
        if not sep:
            continue
        parts = [p.strip() for p in right.split(",")]
        if len(parts) > 1 and not right.rstrip().endswith(","):
            continue  # codespell disables entries that carry a reason
        fixes = tuple(p for p in parts if p)
        if fixes:
            result[wrong.strip().lower()] = fixes
    return result


class Typos(Check):
    kind = "typos"
    scope = "paragraph"
    category = "spelling"
    message = "Possible typo: '{match}' (did you mean '{suggestion}'?)"
    options = {
        "dictionaries": Option("list[str]", ["clear", "rare"], "codespell dictionaries"),
        "ignore": Option("list[str]", [], "words never to flag"),
    }

    def prepare(self) -> None:
        merged: dict[str, tuple[str, ...]] = {}
        for i, name in enumerate(self.opts["dictionaries"]):
            if name not in FILES:
                raise OptionError(
                    f"unknown codespell dictionary {name!r} (known: {', '.join(FILES)})",
                    mark_of(self.opts["dictionaries"], i),
                )
            merged.update(load_dictionary(name))
        for word in self.opts["ignore"]:
            merged.pop(word.lower(), None)
        self.words = merged

    def run(self, ctx: Context) -> Iterator[Finding]:
        words = self.words
        text = ctx.text
        for m in WORD.finditer(text):
            found = m.group()
            lower = found.lower()
            fixes = words.get(lower)
            if not fixes or lower in ctx.accepted:
                continue
            if found.isupper() and len(found) <= 5:
                continue  # an acronym ("ONS", "HSI"), not a shouted misspelling
            if found[0].isupper() and not found.isupper() and names_a_name(text, m):
                continue
            if found.islower() and epithet(text, m.start(), m.end()):
                continue
            if in_wire_brackets(text, m.start(), m.end()):
                continue
            yield self.finding(m.start(), m.end(), found, [match_case(f, found) for f in fixes])


NEIGHBOUR = regex.compile(r"\p{Lu}[\p{Ll}'’-]+")
SENTENCE_END = regex.compile(r"(?:^|[.!?:;]['\"’”)]*\s+|\n\s*)$")


def names_a_name(text: str, m: regex.Match) -> bool:
    """Is a capitalised word from the misspelling list a name here? codespell's list turns
    surnames into words ("Ponting" → "Pointing", "Hass" → "Hash"); a name shows itself by
    being written the same way again in the paragraph, or by a capitalised word beside it
    in mid-sentence ("Ray Hass", "Agence France Presse"). "News of the Worl" stays a typo."""
    word = m.group()
    if len(regex.findall(r"(?<![\w'’-])" + regex.escape(word) + r"(?![\w'’-])", text)) > 1:
        return True
    before = text[max(0, m.start() - 40) : m.start()]
    after = text[m.end() : m.end() + 40]
    prev = regex.search(r"(\S+)\s+$", before)
    nxt = regex.match(r"\s+(\S+)", after)
    prev_name = (
        prev is not None
        and NEIGHBOUR.fullmatch(prev.group(1).rstrip(",")) is not None
        and not SENTENCE_END.search(before[: prev.start(1)])
        and prev.group(1)[-1] not in ",;:"
    )
    next_name = (
        not SENTENCE_END.search(before)  # "Teh President said" is a typo all the same
        and nxt is not None
        and NEIGHBOUR.fullmatch(nxt.group(1).rstrip(".,;:!?'’s")) is not None
    )
    return prev_name or next_name


GENUS = regex.compile(
    r"(?<=\s|\()\p{Lu}\p{Ll}{2,}(?:us|um|a|is|on|es|ia|ne|ys|ea|ix|ops|odon|saurus)\s+$"
)
"""A capitalised Latin-looking genus in mid-sentence just before: "(Paedophryne ", "is Prosalirus "."""
LATIN_EPITHET = regex.compile(
    r"\p{Ll}{3,}(?:us|um|is|a|ae|ii|i|ensis|oides|ata|atus|ica|icus|ina|inus|alis|ella|ens|ax|ix)"
)


def epithet(text: str, start: int, end: int) -> bool:
    """Is the lower-case word at ``start:end`` a species epithet after its genus
    ("Prosalirus bitis", "Paedophryne amauensis")? Neither is English, and neither is a
    typo of the English word a slip away ("bits")."""
    if not LATIN_EPITHET.fullmatch(text, start, end):
        return False
    before = text[max(0, start - 40) : start]
    found = GENUS.search(before)
    if found is None:
        return False
    opening = before[: found.start()].rstrip()
    return bool(opening) and opening[-1] not in ".!?"


WIRE_OPEN = regex.compile(r"<[^<>\n]{0,80}$")


def in_wire_brackets(text: str, start: int, end: int) -> bool:
    """Is the word inside a wire service's angle brackets, which hold a company's registered
    name or its ticker ("<Antibioticos SA>", "<CMAC.S>")? Those are names, spelt as filed."""
    if WIRE_OPEN.search(text, max(0, start - 80), start) is None:
        return False
    closing = regex.match(r"[^<>\n]{0,80}>", text, pos=end)
    return closing is not None
