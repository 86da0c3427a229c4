"""Reading a draft from disk: size, binary and encoding checks with clear reasons."""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

DEFAULT_MAX_BYTES = 5 * 1024 * 1024
_SPECIAL = {
    stat.S_IFIFO: "a named pipe",
    stat.S_IFCHR: "a character device",
    stat.S_IFBLK: "a block device",
    stat.S_IFSOCK: "a socket",
}


class DocumentError(Exception):
    """A file that cannot be linted; the message is one line, without the path."""


def decode(data: bytes) -> str:
    """Bytes → text: UTF-8 (BOM stripped) or UTF-16 with a BOM; nothing else is guessed."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DocumentError(f"not valid UTF-16 at byte {exc.start}") from None
    if b"\x00" in data:
        order = _utf16_without_bom(data)
        if order:
            raise DocumentError(
                f"looks like UTF-16 ({order}) without a byte order mark; "
                "save the file as UTF-8 (or UTF-16 with a BOM)"
            )
        raise DocumentError("binary file (contains NUL bytes), not a text draft")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        col = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise DocumentError(
            f"not valid UTF-8 at line {line}, byte column {col} (byte 0x{data[exc.start]:02x}); "
            "save the file as UTF-8"
        ) from None


def _utf16_without_bom(data: bytes) -> str | None:
    """The byte order when ``data`` reads like mostly-Latin text in UTF-16 without a BOM
    (every other byte NUL, on one side only), else None."""
    head = data[:4096]
    if len(head) < 4 or len(head) % 2:
        return None
    even, odd = head[0::2], head[1::2]
    for order, zeros, chars in (("little-endian", odd, even), ("big-endian", even, odd)):
        if zeros.count(0) >= 0.9 * len(zeros) and 0 not in chars:
            try:
                data.decode("utf-16-le" if order == "little-endian" else "utf-16-be")
            except UnicodeDecodeError:
                return None
            return order
    return None


def _too_large(size: int, max_bytes: int) -> DocumentError:
    return DocumentError(
        f"file is {size / 1048576:.1f} MB, above the {max_bytes / 1048576:.1f} MB limit "
        "(raise `max-file-size` in the configuration to lint it)"
    )


def read_source(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The decoded text of ``path``, or DocumentError saying why not.

    Only regular files are read: a named pipe with no writer would block the run
    forever and a device may never end. At most ``max_bytes`` + 1 bytes are read,
    so a file that grows while it is read cannot exhaust memory either.
    """
    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise DocumentError("is a directory")
        if not stat.S_ISREG(mode):
            what = _SPECIAL.get(stat.S_IFMT(mode), "not a regular file")
            raise DocumentError(
                f"is {what}, not a regular file; to lint a stream, pipe it to `factlint check -`"
            )
        size = path.stat().st_size
        if size > max_bytes:
            raise _too_large(size, max_bytes)
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        with os.fdopen(fd, "rb") as handle:
            if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):  # swapped since stat()
                raise DocumentError("is not a regular file")
            data = handle.read(max_bytes + 1)
        if len(data) > max_bytes:
            raise _too_large(max(len(data), path.stat().st_size), max_bytes)
    except FileNotFoundError:
        raise DocumentError("no such file") from None
    except PermissionError:
        raise DocumentError("permission denied") from None
    except OSError as exc:
        raise DocumentError(exc.strerror or str(exc)) from None
    return decode(data)
