"""Anchors: text every match of a rule's pattern contains.

A paragraph without a pattern's anchor cannot match it, so a rule tests
substrings (microseconds) before it runs a regular expression over the whole
paragraph. Hundreds of substitution patterns each scanning every paragraph were
the largest cost among the rules; with anchors almost all of them are skipped.

An anchor is a tuple of requirements, all of which a matching text meets; a
requirement is a tuple of strings, one of which it contains: "lose ends" needs
"lose" and "ends", ``(?:peak|peek)ed (interest|curiosity)`` needs "pe", "ed "
and one of "interest" and "curiosity". None means "cannot tell": the pattern
always runs.

Matching that ignores case compares with the text lower-cased, ASCII_LOOKALIKES
(``lint.checks.base``) made ASCII first; that is exact for ASCII only, so a
case-insensitive requirement with other letters ("Straße") is left out.
"""

from __future__ import annotations

import re

try:
    from re import _parser as sre_parse  # Python 3.11+
except ImportError:  # pragma: no cover - Python 3.10
    import sre_parse  # type: ignore[no-redef]

Anchor = tuple[tuple[str, ...], ...]

MAX_REQUIREMENTS = 4
"""The most selective requirements kept: each one costs a substring test per paragraph."""
MAX_ALTERNATIVES = 16

_NOT_STANDARD = re.compile(r"\[:|\{(?![\d,])")
"""Syntax the ``regex`` module reads differently from the standard parser used here,
which would read it as literal text: POSIX classes (``[[:alpha:]]``) and fuzzy
matching (``(?:word){e<=1}``). A pattern with either gets no anchor."""

_REPEATS = {
    sre_parse.MAX_REPEAT,
    sre_parse.MIN_REPEAT,
    getattr(sre_parse, "POSSESSIVE_REPEAT", None),
}


def any_of(anchors: list[Anchor | None]) -> Anchor | None:
    """An anchor every text that meets one of ``anchors`` meets (weaker than each): the
    alternatives of their first requirements. None when one of them is None."""
    if not anchors or any(a is None for a in anchors):
        return None
    return (tuple(sorted({s for a in anchors for s in a[0]})),)  # type: ignore[index]


def of_phrase(phrase: str, ignorecase: bool) -> Anchor | None:
    """Every word of a literal phrase (its spaces match any whitespace)."""
    return _anchor([(w,) for w in phrase.split()], ignorecase)


def of_regex(pattern: str, ignorecase: bool) -> Anchor | None:
    """What every match of ``pattern`` contains, read from its parse: runs of literal
    characters outside any optional part, class or lookaround, in groups that do not
    change flags, and the alternatives of a choice whose every branch has such a run."""
    if _NOT_STANDARD.search(pattern):
        return None
    try:
        parsed = sre_parse.parse(pattern, re.IGNORECASE if ignorecase else 0)
    except (re.error, OverflowError, RecursionError, ValueError):
        return None
    if parsed.state.flags & re.IGNORECASE and not ignorecase:  # an inline (?i): the rule
        return None  # looks in the text as written, where a lower-cased anchor may not be
    return _anchor(_required(parsed), ignorecase)


def _required(nodes) -> list[tuple[str, ...]]:
    """The requirements of a sequence of parsed nodes (strings of two characters or more)."""
    found: list[tuple[str, ...]] = []
    run: list[str] = []

    def end_run() -> None:
        if len("".join(run).strip()) >= 2:
            found.append(("".join(run),))
        run.clear()

    def walk(seq) -> None:
        for op, arg in seq:
            if op is sre_parse.LITERAL:
                run.append(chr(arg))
            elif op is sre_parse.SUBPATTERN and not arg[1] and not arg[2]:  # same flags
                walk(arg[3])
            elif op is sre_parse.BRANCH:
                end_run()
                best = [max(_required(alt), key=_weakest, default=None) for alt in arg[1]]
                if all(b is not None and len(b) == 1 for b in best):
                    found.append(tuple(sorted({b[0] for b in best})))  # type: ignore[index]
            elif op in _REPEATS and arg[0] >= 1:  # at least once: what it needs, apart
                end_run()
                found.extend(_required(arg[2]))
            else:  # optional, a class, a lookaround, a boundary: a run ends here
                end_run()

    walk(nodes)
    end_run()
    return found


def _weakest(requirement: tuple[str, ...]) -> int:
    """How selective a requirement is: the length of its shortest string."""
    return min(len(s) for s in requirement)


def _anchor(requirements: list[tuple[str, ...]], ignorecase: bool) -> Anchor | None:
    """The most selective requirements that can be looked for (lower-cased when case is
    ignored), or None when none can."""
    kept: dict[tuple[str, ...], None] = {}
    for alternatives in requirements:
        if ignorecase:
            if not all(s.isascii() for s in alternatives):
                continue
            alternatives = tuple(sorted({s.lower() for s in alternatives}))
        if len(alternatives) <= MAX_ALTERNATIVES and _weakest(alternatives) >= 2:
            kept[alternatives] = None
    best = sorted(kept, key=_weakest, reverse=True)[:MAX_REQUIREMENTS]
    return tuple(best) or None
