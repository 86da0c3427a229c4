"""``--fix`` and ``--diff``: apply the safe fixes of a run to the files.

Only issues marked fixable (one replacement a rule allows to be applied) are
used, and only when the source span is the same prose the check saw, so a fix
never touches Markdown or HTML markup. Overlapping fixes are never both
applied. A file is written atomically (temporary file, then rename) in its
original encoding, and not at all if it changed on disk since it was read.
"""

from __future__ import annotations

import codecs
import contextlib
import difflib
import os
import tempfile
from dataclasses import dataclass, field
from pathlib import Path

import regex

from lint.document import Document, DocumentError, decode
from lint.findings import Issue
from lint.fixes import Edit, apply, choose
from lint.runner import FileResult, RunResult

_SPACE = regex.compile(r"\s+")


@dataclass
class FixReport:
    diff: str = ""
    errors: list[str] = field(default_factory=list)
    applied: int = 0
    files: int = 0

    def summary(self) -> str:
        if not self.applied:
            return "No fixes applied."
        return (
            f"Applied {self.applied} fix{'es' if self.applied != 1 else ''} "
            f"in {self.files} file{'s' if self.files != 1 else ''}."
        )


def edits_for(file: FileResult) -> list[Edit]:
    """The safe, non-overlapping edits of one file's issues."""
    source = file.source or ""
    edits = [
        Edit(
            i.offset,
            i.offset + i.length,
            keep_layout(source[i.offset : i.offset + i.length], i.replacements[0]),
            i.rule,
        )
        for i in file.issues
        if i.fixable and i.replacements and _touches_prose_only(file.document, i)
    ]
    return choose(edits)


def keep_layout(original: str, replacement: str) -> str:
    """The replacement with the original's line breaks and spacing between words, when
    both have as many words ("tow\nthe line" → "toe\nthe line"), so hard wraps survive."""
    gaps = _SPACE.findall(original)
    words = _SPACE.split(replacement)
    if len(gaps) != len(words) - 1 or not gaps or not all(words):
        return replacement  # a fix of the spacing itself ("  " → " ") is taken as it is
    out = [words[0]]
    for gap, word in zip(gaps, words[1:], strict=True):
        out += [gap, word]
    return "".join(out)


def _touches_prose_only(doc: Document | None, issue: Issue) -> bool:
    """Is the source span the same prose the check saw (modulo line breaks and spaces)?"""
    if doc is None:
        return False
    plain_offset = issue.extra.get("plain_offset")
    plain_length = issue.extra.get("plain_length")
    if plain_offset is None:
        return False
    seen = doc.text[plain_offset : plain_offset + plain_length]
    source = doc.source[issue.offset : issue.offset + issue.length]
    return _SPACE.sub(" ", seen) == _SPACE.sub(" ", source)


def apply_fixes(result: RunResult, write: bool) -> FixReport:
    """Fix (or, without ``write``, only diff) every file of a run."""
    report = FixReport()
    for file in result.files:
        if file.source is None:
            continue
        edits = edits_for(file)
        if not edits:
            continue
        fixed = apply(file.source, edits)
        if fixed == file.source:
            continue
        name = file.target.display
        if not write or file.target.path is None:
            report.diff += "".join(
                difflib.unified_diff(
                    file.source.splitlines(keepends=True),
                    fixed.splitlines(keepends=True),
                    f"a/{name}",
                    f"b/{name}",
                )
            )
            if write:
                report.errors.append(f"{name}: --fix cannot write to standard input; use --diff")
            continue
        try:
            write_atomically(file.target.path, file.source, fixed)
        except FixError as exc:
            report.errors.append(f"{name}: not fixed: {exc}")
            continue
        report.applied += len(edits)
        report.files += 1
    return report


class FixError(Exception):
    """The file was not written (it changed since it was read, or writing failed)."""


def write_atomically(path: Path, expected: str, new_text: str) -> None:
    """Replace ``path`` with ``new_text`` if it still holds ``expected``; all or nothing."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise FixError(f"cannot read it again: {exc.strerror}") from None
    try:
        unchanged = decode(raw) == expected
    except DocumentError:  # it is not even text any more
        unchanged = False
    if not unchanged:
        raise FixError("it changed on disk since it was read; run factlint again")
    data = _encode_like(raw, new_text)
    directory = path.resolve().parent
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".factlint-tmp", dir=directory)
    except OSError as exc:  # a read-only directory, no inodes left
        raise FixError(f"cannot write beside it: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, path.stat().st_mode & 0o7777)
        if path.read_bytes() != raw:
            raise FixError("it changed on disk while fixes were written; run factlint again")
        os.replace(tmp, path.resolve())
    except OSError as exc:
        raise FixError(exc.strerror or str(exc)) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def _encode_like(raw: bytes, text: str) -> bytes:
    """``text`` in the encoding, byte order and BOM of ``raw`` (what ``decode`` accepted)."""
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if raw.startswith(bom):
            return bom + text.encode(codec)
    if raw.startswith(codecs.BOM_UTF8):
        return codecs.BOM_UTF8 + text.encode("utf-8")
    return text.encode("utf-8")
