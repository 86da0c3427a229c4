"""``--fix`` and ``--diff``: apply the safe fixes of a run to the files.

Only issues marked fixable (one replacement a rule allows to be applied) are
used, and only when the source span is the same prose the check saw, so a fix
never touches Markdown or HTML markup. Overlapping fixes are never both
applied. A file is written atomically (temporary file, then rename) in its
original encoding, keeping its mode, owner, group and hard links (see
``write_atomically``), and not at all if it changed on disk since it was read or
is read-only. Deleting page furniture takes its whole line when nothing else is
on it, without leaving two blank lines or an empty bullet, quote or heading.
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
    edits = []
    for i in file.issues:
        if not (i.fixable and i.replacements and _touches_prose_only(file.document, i)):
            continue
        start, end = i.offset, i.offset + i.length
        if not i.replacements[0].strip() and source[start:end].strip():
            edit = _deletion(source, start, end, i.rule)  # page furniture
        else:
            edit = _wrapped(source, Edit(start, end, keep_layout(source[start:end],
                                                                 i.replacements[0]), i.rule))  # fmt: skip
        if edit is not None:
            edits.append(edit)
    return choose(edits)


def keep_layout(original: str, replacement: str) -> str:
    """The replacement with the original's line breaks and spacing between words, so hard
    wraps survive: as many words, the same gaps ("tow\nthe line" → "toe\nthe line");
    fewer, the line breaks kept first ("in order\nto make" → "to\nmake")."""
    gaps = _SPACE.findall(original)
    words = _SPACE.split(replacement)
    if not gaps or not all(words):
        return replacement  # a fix of the spacing itself ("  " → " ") is taken as it is
    slots = len(words) - 1
    if slots != len(gaps):
        breaks = [j for j, gap in enumerate(gaps) if "\n" in gap]
        if not breaks or not slots:
            return replacement  # no break to keep, or no gap to keep it in (see _wrapped)
        chosen = [" "] * slots
        for j in breaks:  # each break at about the same place in the shorter text
            k = min(slots - 1, j * slots // len(gaps))
            while k < slots - 1 and "\n" in chosen[k]:
                k += 1
            chosen[k] = gaps[j]
        gaps = chosen
    out = [words[0]]
    for gap, word in zip(gaps, words[1:], strict=True):
        out += [gap, word]
    return "".join(out)


def _wrapped(source: str, edit: Edit) -> Edit:
    """A one-word fix of a span that held a line break keeps the break beside it (taking
    the space before or after the span), instead of joining two lines into one long one."""
    original = source[edit.start : edit.end]
    if "\n" not in original or "\n" in edit.text or _SPACE.search(edit.text):
        return edit
    if edit.start > 0 and source[edit.start - 1] in " \t":
        return Edit(edit.start - 1, edit.end, "\n" + edit.text, edit.rule)
    if edit.end < len(source) and source[edit.end] in " \t":
        return Edit(edit.start, edit.end + 1, edit.text + "\n", edit.rule)
    return edit


_STRUCTURE = regex.compile(r"[ \t]*(?:[-*+]|\d{1,9}[.)]|>[> \t]*|#{1,6}|\|[ \t|]*)?[ \t]*")
"""What may be left of a line once its furniture is gone and still mean nothing: an
empty bullet or numbered item, a bare quote marker, a heading mark, empty table cells."""


def _deletion(source: str, start: int, end: int, rule: str) -> Edit | None:
    """Deleting page furniture: its whole line when nothing but Markdown structure would
    be left of it (and then no second blank line, none at the start or end of the file);
    inside a line, the span and one space beside it; nothing in a table row with other
    cells (an empty cell would be left)."""
    line_start = source.rfind("\n", 0, start) + 1
    line_end = source.find("\n", end)
    line_end = len(source) if line_end < 0 else line_end
    rest = source[line_start:start] + source[end:line_end]
    if not _STRUCTURE.fullmatch(rest):
        if source[line_start:start].lstrip().startswith("|"):
            return None  # a table cell among others: deleting would leave it empty
        if (
            start > line_start
            and source[start - 1] in " \t"
            and (end == line_end or source[end] in " \t")
        ):
            start -= 1
        return Edit(start, end, "", rule)
    a, b = line_start, min(line_end + 1, len(source))  # the line and its line break
    before_blank = a == 0 or source[:a].endswith("\n\n") or source[:a].strip() == ""
    after = source[b:]
    if not after.strip():  # the last line: no blank lines left before the end
        a = len(source[:a].rstrip("\n \t"))
        if a:
            a += 1  # keep the line break of the last line of text
        return Edit(a, len(source), "", rule)
    if before_blank and after.startswith("\n"):
        b += 1  # the blank line after it would be a second one (or lead the file)
    return Edit(a, b, "", rule)


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
            error = f"{name}: not fixed: {exc}"
            if error not in result.errors:  # a later fix round finds it again: said once
                report.errors.append(error)
            continue
        report.applied += len(edits)
        report.files += 1
    return report


class FixError(Exception):
    """The file was not written (it changed since it was read, or writing failed)."""


def write_atomically(path: Path, expected: str, new_text: str) -> None:
    """Replace ``path`` with ``new_text`` if it still holds ``expected``; all or nothing.

    The file keeps its mode, owner and group and its hard links: normally a temporary
    file beside it (given the same mode, owner and group) is renamed over it; when that
    would change what the file is (other hard links to it; an owner or group this
    process cannot give a new file) the fixed text is written into the file itself,
    after a full copy of it went to disk beside it, so a failed write loses nothing.
    A read-only file (no write bit, even for root) is refused."""
    try:
        raw = path.read_bytes()
        st = path.stat()
    except OSError as exc:
        raise FixError(f"cannot read it again: {exc.strerror}") from None
    try:
        unchanged = decode(raw) == expected
    except DocumentError:  # it is not even text any more
        unchanged = False
    if not unchanged:
        raise FixError("it changed on disk since it was read; run factlint again")
    if not st.st_mode & 0o222 or not os.access(path, os.W_OK):
        raise FixError("it is read-only; make it writable to fix it, or use --diff")
    data = _encode_like(raw, new_text)
    target = path.resolve()
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".factlint-tmp",
                                   dir=target.parent)  # fmt: skip
    except OSError as exc:  # a read-only directory, no inodes left
        raise FixError(f"cannot write beside it: {exc.strerror or exc}") from None
    try:
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, st.st_mode & 0o7777)
        in_place = st.st_nlink > 1 or not _same_owner(tmp, st)
        if path.read_bytes() != raw:
            raise FixError("it changed on disk while fixes were written; run factlint again")
        if in_place:
            _overwrite(target, data, tmp)
        else:
            os.replace(tmp, target)
    except OSError as exc:
        raise FixError(exc.strerror or str(exc)) from None
    finally:
        with contextlib.suppress(FileNotFoundError):
            os.unlink(tmp)


def _same_owner(tmp: str, st: os.stat_result) -> bool:
    """Give ``tmp`` the file's owner and group; False when this process cannot."""
    mine = os.stat(tmp)
    if (mine.st_uid, mine.st_gid) == (st.st_uid, st.st_gid):
        return True
    try:
        os.chown(tmp, st.st_uid, st.st_gid)
        os.chmod(tmp, st.st_mode & 0o7777)  # chown clears set-id bits
    except OSError:
        return False
    return True


def _overwrite(target: Path, data: bytes, copy: str) -> None:
    """Write ``data`` into ``target`` itself (same inode: links, owner, group, ACLs kept).
    ``copy`` holds the same bytes on disk already; if writing fails half-way it is kept
    and named, so the fixed text is never lost."""
    try:
        with open(target, "r+b") as handle:
            handle.write(data)
            handle.truncate()
            handle.flush()
            os.fsync(handle.fileno())
    except OSError as exc:
        kept = f"{copy}.fixed"
        with contextlib.suppress(OSError):
            os.replace(copy, kept)
        raise FixError(
            f"writing it failed half-way ({exc.strerror or exc}); the fixed text is in {kept}"
        ) from None


def _encode_like(raw: bytes, text: str) -> bytes:
    """``text`` in the encoding, byte order and BOM of ``raw`` (what ``decode`` accepted)."""
    for bom, codec in ((codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be")):
        if raw.startswith(bom):
            return bom + text.encode(codec)
    if raw.startswith(codecs.BOM_UTF8):
        return codecs.BOM_UTF8 + text.encode("utf-8")
    return text.encode("utf-8")
