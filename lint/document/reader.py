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


CHUNK = 1 << 20
"""Bytes read at a time: a limit larger than memory is never allocated at once."""


def read_bounded(handle, max_bytes: int) -> bytes:
    """At most ``max_bytes`` + 1 bytes of ``handle``, read in chunks, so a huge limit
    costs only what the file holds and one byte past the limit tells "too large"."""
    chunks: list[bytes] = []
    left = max_bytes + 1
    while left > 0:
        chunk = handle.read(min(CHUNK, left))
        if not chunk:
            break
        chunks.append(chunk)
        left -= len(chunk)
    return b"".join(chunks)


def file_kind(mode: int) -> str | None:
    """None for a regular file, else what it is ("a named pipe", "a directory")."""
    if stat.S_ISREG(mode):
        return None
    if stat.S_ISDIR(mode):
        return "a directory"
    return _SPECIAL.get(stat.S_IFMT(mode), "not a regular file")


def read_regular(path: Path, max_bytes: int) -> bytes:
    """The bytes of the regular file ``path``, at most ``max_bytes`` + 1 of them.

    Raises DocumentError("is a named pipe") and the like for anything else: a pipe
    with no writer would block forever and a device may never end. The file is
    opened without blocking and checked again once open (it may have been swapped
    since it was looked at); OSError is left to the caller."""
    what = file_kind(path.stat().st_mode)
    if what:
        raise DocumentError(f"is {what}")
    fd = os.open(path, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
    with os.fdopen(fd, "rb", buffering=0) as handle:
        what = file_kind(os.fstat(fd).st_mode)
        if what:
            raise DocumentError(f"is {what}")
        return read_bounded(handle, max_bytes)


CONFIG_MAX_BYTES = 1 << 20
"""A configuration file larger than this is refused: none is, unless it is a mistake."""


class ConfigReadError(Exception):
    """Why a file read as configuration could not be read: one line that follows the
    file's name ("is not a regular file (a named pipe)")."""


def read_config_bytes(path: Path, what: str = "configuration file", limit: int = CONFIG_MAX_BYTES):
    """The bytes of a file read as configuration (a config, a base it extends, a
    pyproject.toml, a word list), with what drafts get: regular files only, read up to
    ``limit``, never blocking on a pipe or a device."""
    try:
        data = read_regular(path, limit)
    except DocumentError as exc:
        kind = exc.args[0].removeprefix("is ")
        if kind == "a directory":
            raise ConfigReadError("is a directory") from None
        raise ConfigReadError(f"is not a regular file ({kind})") from None
    except FileNotFoundError:
        raise ConfigReadError("does not exist") from None
    except OSError as exc:
        raise ConfigReadError(f"cannot be read: {exc.strerror or exc}") from None
    if len(data) > limit:
        raise ConfigReadError(f"is larger than the {limit / 1048576:g} MB limit for a {what}")
    return data


def read_source(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The decoded text of ``path``, or DocumentError saying why not.

    Only regular files are read (see read_regular). At most ``max_bytes`` + 1 bytes
    are read, so a file that grows while it is read cannot exhaust memory either.
    """
    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise DocumentError("is a directory")
        what = file_kind(mode)
        if what:
            raise DocumentError(
                f"is {what}, not a regular file; to lint a stream, pipe it to `factlint check -`"
            )
        size = path.stat().st_size
        if size > max_bytes:
            raise _too_large(size, max_bytes)
        data = read_regular(path, max_bytes)
        if len(data) > max_bytes:
            raise _too_large(max(len(data), path.stat().st_size), max_bytes)
    except FileNotFoundError:
        raise DocumentError("no such file") from None
    except PermissionError:
        raise DocumentError("permission denied") from None
    except OSError as exc:
        raise DocumentError(exc.strerror or str(exc)) from None
    return decode(data)
