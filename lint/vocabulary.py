"""A newsroom's own words: word-list files, and learning them from a published archive.

A desk that publishes thousands of names and local words ("Socceroos",
"tailender", "wheatbelt") keeps them in a plain word list rather than in its
configuration: one word or name a line, ``#`` starts a comment, blank lines are
ignored. ``.factlint.yaml`` names the file::

    vocabulary:
      accept: [Sudzha]
      files: [newsroom-words.txt]   # relative to the configuration file

``factlint vocabulary learn ARCHIVE...`` writes such a list: it runs the spelling
checks over a published archive and proposes every word they flag in at least
``min_files`` different articles (a slip is a one-off; a word a desk has published
again and again is its own), with how often and one example each, for a person to
read before the list is used.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path

from lint.document.reader import ConfigReadError, read_config_bytes

SPELLING = ("spelling",)
"""The categories whose findings a vocabulary can silence."""


WORDLIST_MAX_BYTES = 16 << 20


class WordListError(Exception):
    """A word list that cannot be read; str() is ``file:line: what is wrong``."""


def read_wordlist(path: Path) -> list[str]:
    """The words of a word-list file (see the module docstring)."""
    try:  # a regular file, read up to a limit (a FIFO or /dev/zero never hangs the run)
        text = read_config_bytes(path, "word list", WORDLIST_MAX_BYTES).decode("utf-8")
    except ConfigReadError as exc:
        raise WordListError(f"{path}: cannot read word list: it {exc}") from None
    except UnicodeDecodeError as exc:
        line = exc.object[: exc.start].count(b"\n") + 1
        raise WordListError(f"{path}:{line}: word list is not UTF-8 text") from None
    words = []
    for line in text.splitlines():
        word = line.split("#", 1)[0].strip()
        if word:
            words.append(" ".join(word.split()))
    return words


@dataclass
class Learned:
    """A word the spelling checks flag across an archive."""

    word: str
    files: set[str] = field(default_factory=set)
    count: int = 0
    example: str = ""  # "path:line: the line, shortened"


def collect(found: list[tuple[str, int, str, str]], min_files: int) -> list[Learned]:
    """Words flagged in at least ``min_files`` files, most widespread first.

    ``found`` holds (path, line, flagged word, the source line) per spelling finding.
    """
    words: dict[str, Learned] = defaultdict(lambda: Learned(""))
    for path, line, word, text in found:
        entry = words[word]
        entry.word = word
        entry.files.add(path)
        entry.count += 1
        if not entry.example:
            entry.example = f"{path}:{line}: {_shorten(text, word)}"
    kept = [w for w in words.values() if len(w.files) >= min_files]
    return sorted(kept, key=lambda w: (-len(w.files), -w.count, w.word.lower()))


def render(learned: list[Learned], articles: int, today: dt.date | None = None) -> str:
    """The word list, with a header and one comment line per word for the reviewer."""
    today = today or dt.date.today()
    lines = [
        f"# factlint vocabulary, learned {today.isoformat()} from {articles} articles:",
        "# words the spelling checks flagged in several articles. Read it before use:",
        "# delete any line that is a real misspelling.",
        "",
    ]
    for entry in learned:
        lines.append(f"# {len(entry.files)} articles, {entry.count} times; e.g. {entry.example}")
        lines.append(entry.word)
    return "\n".join(lines) + "\n"


def _shorten(line: str, word: str, width: int = 60) -> str:
    at = line.find(word)
    if at < 0:
        return line.strip()[: 2 * width]
    start = max(0, at - width)
    end = min(len(line), at + len(word) + width)
    return ("…" if start else "") + line[start:end].strip() + ("…" if end < len(line) else "")
