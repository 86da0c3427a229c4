"""names: a name close to, but not, a known name ("Nahedra Modi" for Narendra Modi).

The commonest correction a newspaper prints is a misspelled name. This kind
compares every name in the draft (spaCy's PERSON, ORG, GPE and NORP entities,
and the capitalised runs it missed, with titles such as "Prime Minister" cut
off) with the entities of its pack, whole names and surnames alone, and offers
the canonical (or house-preferred) form as the fix.

It prefers silence to a false alarm:

* a name that is an accepted form of any entity is never a misspelling of
  another ("Kim Jong Il" is not "Kim Jong Un"), and neither is a word in the
  accepted vocabulary (the words of every names pack in the run, and the
  configuration's ``vocabulary: accept``);
* a misspelled whole name must end where the written name ends, share its
  first letter and at least one word with the known name, and every other word
  must be a slip of one letter (two in words of seven letters or more, three
  from ten); and it must not be as close to a second known name;
* a surname alone ("Macorn") is flagged only when it has six letters or more, is
  one slip (two in long words) from a known surname, and plainly means that
  person: the draft names them correctly elsewhere, or a title they hold comes
  before it ("President Macorn"; a bare "Mr." is not enough); never when the
  draft introduces someone by a whole name ending in it. A country or body
  written alone is flagged when the word has eight letters or more and spaCy
  takes it for a name ("Afganistan");
* words made from a known name are not slips of it: "Americans", "Argentine",
  "Moldovan", "the Obamas";
* forms that differ only by diacritics, hyphens or case ("Erdogan",
  "Kim Jong-un") are accepted here (``name-consistency`` reports mixing them);
* a form written where a writer lists names on purpose ("the old word Anorra",
  "named after the Columbiad": ``lint.names.variants``) is not flagged;
* ``misspellings`` listed for an entity are always flagged.

The entities are the pack's ``entities:`` list and the files named by ``data``;
see ``lint/names/entities.py`` for the format. Canonical names and variants
are added to LanguageTool's accepted vocabulary.

Options:

* ``data`` — entity data files, relative to the pack (default: none; then the
  pack must have ``entities:``).
* ``ignore`` — names never flagged here: a local name that happens to look like
  a famous one.

The message may use ``{match}``, ``{suggestion}``, ``{name}`` (canonical form)
and ``{role}`` (the title held on the publication date, or the latest one).

Bad::

    entities: [{name: Narendra Modi, type: person}]

flags "Indian Prime Minister Nahedra Modi arrived." (fix: Narendra Modi);
leaves "Indian Prime Minister Narendra Modi arrived." alone.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from lint.cache import LRU, MISSING
from lint.checks.base import Check, Context
from lint.findings import Finding
from lint.names.entities import Entity
from lint.names.fold import fold
from lint.names.mentions import HONORIFICS, Name, names
from lint.names.sources import accepted_words, index_for
from lint.names.variants import deliberate
from lint.packs.options import Option

MAX_WORDS = 5  # the longest name compared (words after titles)


def names_of(ctx: Context) -> list[Name]:
    """The draft's names, read paragraph by paragraph (cached) and shared by the names rules."""
    return ctx.per_paragraph("names", lambda part: names(part.text, part.nlp))


@dataclass(frozen=True)
class Slip:
    """A known entity a written name is a slip of, and the fix to offer."""

    entity: Entity
    replacement: str
    listed: bool  # a misspelling the data lists, flagged whatever the context


class Names(Check):
    kind = "names"
    category = "names"
    needs = frozenset({"entities", "tags"})
    message = "'{match}' looks like a misspelling of '{suggestion}'{role}."
    options = {
        "data": Option("list[str]", [], "entity data files, relative to the pack"),
        "ignore": Option("list[str]", [], "names never flagged"),
    }

    def prepare(self) -> None:
        self.index, self.checked = index_for(self.rule, self.opts["data"], required=True)
        self.ignored = {fold(n) for n in self.opts["ignore"]}
        self._seen = LRU(1 << 14)  # name form → its slip (or None), across drafts

    def accepted_words(self) -> frozenset[str]:
        return accepted_words(self.index)

    def run(self, ctx: Context) -> Iterator[Finding]:
        found = names_of(ctx)
        introduced = {fold(n.text).split()[-1] for n in found if n.size > 1}
        mentioned = {id(e) for n in found for e in _named(self.index.known(n.text))}

        def is_known(word: str) -> bool:
            return word in ctx.accepted or word in self.ignored

        for name in found:
            for start, end, written, slip in self._slips(ctx.text, name, is_known, ctx.accepted):
                if not slip.listed and deliberate(ctx.text, start, end, slip.replacement):
                    continue  # "the old word Anorra", "named after the Columbiad"
                lone = " " not in fold(written)
                if lone and not slip.listed:
                    if fold(written) in introduced or not name.proper:
                        continue  # someone the draft introduces by a whole name ending so
                    if not _plainly(slip.entity, name, written, id(slip.entity) in mentioned):
                        continue
                role = slip.entity.role_at(ctx.pubdate)
                yield self.finding(
                    start,
                    end,
                    written,
                    [slip.replacement],
                    name=slip.entity.name,
                    role=f" ({role})" if role else "",
                )

    def _slips(
        self, text: str, name: Name, is_known, accepted: frozenset[str]
    ) -> Iterator[tuple[int, int, str, Slip]]:
        """Word runs of ``name`` that are a listed misspelling or a near miss, longest first;
        a run inside a longer known or flagged one is not looked at again. A near miss must
        end where the name ends: in "Angel Garcia Rodriguez", "Angel Garcia" is no one."""
        words = name.words
        spans = [
            (i, i + size)
            for size in range(min(len(words), MAX_WORDS), 0, -1)
            for i in range(len(words) - size + 1)
        ]
        taken: set[int] = set()
        for i, j in spans:
            if taken & set(range(i, j)):
                continue
            start, end = words[i][0], words[j - 1][1]
            written = " ".join(text[start:end].split())
            if self.index.known(written) or fold(written) in self.ignored:
                taken.update(range(i, j))
                continue
            key = (written, j == len(words), len(words), j - i, accepted)
            slip = self._seen.get(key, MISSING)
            if slip is MISSING:  # the fuzzy lookup is the costly part: once per name form
                slip = self._slip(written, j == len(words), len(words), j - i, is_known)
                self._seen.put(key, slip)
            if slip is not None:
                taken.update(range(i, j))
                yield start, end, written, slip

    def _slip(self, written: str, at_end: bool, name_size: int, size: int, is_known) -> Slip | None:
        wrong = self.index.misspelling(written)
        if wrong is not None:
            return Slip(wrong, self.index.replacement(wrong, written), listed=True)
        if not at_end or (size == 1 and name_size > 1):
            return None  # a lone surname is judged only when it stands alone
        near = self.index.near(written, is_known)
        return None if near is None else Slip(near.entity, near.form, listed=False)


def _plainly(entity: Entity, name: Name, written: str, mentioned: bool) -> bool:
    """Is a lone word plainly meant for ``entity``? The draft names the entity correctly
    elsewhere; or a title before it is one the entity holds ("President Macorn"; not a
    bare "Mr."); or, for a country or body, it is a long word spaCy takes for a name."""
    if mentioned:
        return True
    held = {w for role in entity.roles for w in role.title.lower().split()}
    if any(t in held for t in name.title.split() if t not in HONORIFICS):
        return True
    return entity.type != "person" and len(fold(written)) >= 8 and name.label is not None


def _named(entities: list[Entity]) -> list[Entity]:
    """Whom a known form names for sure: "Montenegro" names the country, not also the
    Portuguese prime minister of that surname."""
    places = [e for e in entities if e.type != "person"]
    return places or entities if len(entities) > 1 else entities
