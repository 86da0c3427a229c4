"""Years with an era: "2500 BC", "AD 200", "from 3000 to 2500 BCE".

Years before Christ count backwards, so "from 3000 to 2500 BC" is in order and
"from 2500 to 3000 BC" is not; an era written once, after the second year, is
shared by both ("3000 to 2500 BC"). A year BC is not a year of the calendar the
other checks reckon in (``datetime`` has no year 0 or before), so :func:`find`
leaves such years out and :func:`era_ranges` orders them here, as signed years
(BC negative).
"""

from __future__ import annotations

from dataclasses import dataclass

import regex

_NUM = r"(?:\d{1,3}(?:,\d{3})+|\d{1,5})"
_BC = r"(?:B\.C\.E\.|B\.C\.|BCE|BC)"
_AD = r"(?:A\.D\.|C\.E\.|AD|CE)"
# not "the 2017 BC election" (British Columbia) or "300 AD patients": an era mark is
# followed by punctuation, the end, or a word that can follow a year
_FOLLOW = r"(?:and|or|to|until|till|through|in|on|at|when|while|the|a|an|with|as|by|for|from|of|is|was|were|are|had|has|which|that|after|before)"
_END = rf"(?![\w])(?!\s+(?!{_FOLLOW}\b)[A-Za-z])"
_B = r"(?<![\w.,'’/-])"

ERA_YEAR = regex.compile(
    rf"{_B}(?:(?P<pre>A\.D\.|AD)\s*(?P<y>{_NUM})(?![\d,])"
    rf"|(?P<y>{_NUM})\s*(?P<post>{_BC}|{_AD}){_END})"
)
ERA_RANGE = regex.compile(
    rf"{_B}(?P<y1>{_NUM})(?:\s*(?P<e1>{_BC}|{_AD}))?"
    rf"\s*(?P<join>[-–—]|to|until|till|through|and)\s*"
    rf"(?:(?P<pre2>A\.D\.|AD)\s*)?(?P<y2>{_NUM})(?:\s*(?P<e2>{_BC}|{_AD}){_END})?(?![\d,])"
)
_BETWEEN = regex.compile(r"(?i)\b(?:from|between)\s+$")


@dataclass(frozen=True)
class EraYear:
    start: int
    end: int
    text: str
    year: int  # signed: 2500 BC is -2500


def _value(number: str) -> int:
    return int(number.replace(",", ""))


def _bc(mark: str | None) -> bool:
    return bool(mark) and mark.replace(".", "").startswith("B")


def era_years(text: str) -> list[EraYear]:
    """Years written with an era mark, each with its signed value."""
    out = []
    for m in ERA_YEAR.finditer(text):
        year = _value(m.group("y"))
        if year == 0:
            continue
        out.append(EraYear(m.start(), m.end(), m.group(), -year if _bc(m.group("post")) else year))
    return out


def era_ranges(text: str) -> list[tuple[EraYear, EraYear]]:
    """Pairs of years joined into a range with an era on at least one side.

    The era after the second year is shared by the first when the first has none
    ("3000 to 2500 BC"); a first year BC followed by a bare second year is left out
    (is "from 500 BC to 200" 200 BC or AD 200?)."""
    out = []
    for m in ERA_RANGE.finditer(text, overlapped=True):
        e1, e2, pre2 = m.group("e1"), m.group("e2"), m.group("pre2")
        if not (e1 or e2 or pre2):
            continue
        if m.group("join") == "and" and not _BETWEEN.search(
            text, max(0, m.start() - 12), m.start()
        ):
            continue
        y1, y2 = _value(m.group("y1")), _value(m.group("y2"))
        if y1 == 0 or y2 == 0:
            continue
        if not e1 and (e2 or pre2):
            if len(m.group("y2")) < len(m.group("y1")):  # "1200–50 BC": a shortened tail
                continue
            e1 = e2 if e2 else "AD"
        if _bc(e1) and not (e2 or pre2):
            continue
        s1 = -y1 if _bc(e1) else y1
        s2 = -y2 if _bc(e2) else y2
        a_end = m.end("e1") if m.group("e1") else m.end("y1")
        b_start = m.start("pre2") if pre2 else m.start("y2")
        first = EraYear(m.start(), a_end, text[m.start() : a_end], s1)
        second = EraYear(b_start, m.end(), text[b_start : m.end()], s2)
        out.append((first, second))
    return _outermost(out)


def _outermost(pairs: list[tuple[EraYear, EraYear]]) -> list[tuple[EraYear, EraYear]]:
    """Overlapping readings ("1000 BC to 500 BC"): the earliest, longest one."""
    pairs.sort(key=lambda p: (p[0].start, -p[1].end))
    kept: list[tuple[EraYear, EraYear]] = []
    for pair in pairs:
        if kept and pair[0].start < kept[-1][1].end:
            continue
        kept.append(pair)
    return kept


def describe(year: int) -> str:
    """A signed year in words: -2500 → "2500 BC", 200 → "AD 200"."""
    return f"{-year} BC" if year < 0 else f"AD {year}"
