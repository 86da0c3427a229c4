"""Spelling keys for names: what two ways of writing one name have in common.

Copy writes "Erdogan" for "Erdoğan", "Kim Jong-un" for "Kim Jong Un" and
"O'Neill" with either apostrophe. Comparing folded keys makes those one name
(the near-miss check accepts them, the consistency check reports the mix);
comparing edit distances on folded keys keeps diacritics from counting as typos.
"""

from __future__ import annotations

import functools
import unicodedata

from rapidfuzz.distance import OSA

_LETTERS = str.maketrans(
    dict(zip("øØłŁđĐðÐıħĦŧ", "oOlLdDdDihHt", strict=True))
    | {"þ": "th", "Þ": "Th", "ß": "ss", "æ": "ae", "Æ": "Ae", "œ": "oe", "Œ": "Oe"}
)
_DASHES = str.maketrans({c: " " for c in "-‐‑‒–—"})
_APOSTROPHES = str.maketrans({c: "'" for c in "’‘ʼ`´"})


@functools.lru_cache(maxsize=65536)
@functools.lru_cache(maxsize=1 << 16)
def fold(name: str) -> str:
    """Lower-case, no diacritics, hyphens as spaces, one apostrophe, single spaces."""
    text = unicodedata.normalize("NFKD", name.translate(_LETTERS))
    text = "".join(c for c in text if not unicodedata.combining(c))
    return " ".join(text.translate(_DASHES).translate(_APOSTROPHES).lower().split())


@functools.lru_cache(maxsize=1 << 16)
def tight(name: str) -> str:
    """The folded name without spaces or apostrophes: "Kim Jong-un" = "Kimjongun"."""
    return fold(name).replace(" ", "").replace("'", "")


def words(name: str) -> list[str]:
    """The folded words of a name."""
    return fold(name).split()


def distance(a: str, b: str) -> int:
    """Edits (insert, delete, substitute, swap neighbours) between two folded words."""
    return OSA.distance(a, b)


def close(a: str, b: str) -> bool:
    """Are two folded words one small slip apart? Short words never are: "Un" and "Il",
    "Jiang" and "Xiang" are different names, not typos of each other."""
    shorter = min(len(a), len(b))
    if shorter < 6:
        return False
    return distance(a, b) <= (1 if shorter < 9 else 2)
