"""Reading a draft from disk: size, binary and encoding checks with clear reasons."""

from __future__ import annotations

import codecs
from pathlib import Path

DEFAULT_MAX_BYTES = 5 * 1024 * 1024


class DocumentError(Exception):
    """A file that cannot be linted; the message is one line, without the path."""


def decode(data: bytes) -> str:
    """Bytes → text: UTF-8 (BOM stripped) or UTF-16 with a BOM; nothing else is guessed."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError as exc:
            raise DocumentError(f"not valid UTF-16 at byte {exc.start}") from None
    if b"\x00" in data[:8192]:
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


def read_source(path: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> str:
    """The decoded text of ``path``, or DocumentError saying why not."""
    try:
        size = path.stat().st_size
        if path.is_dir():
            raise DocumentError("is a directory")
        if size > max_bytes:
            raise DocumentError(
                f"file is {size / 1048576:.1f} MB, above the {max_bytes / 1048576:.1f} MB limit "
                "(raise `max-file-size` in the configuration to lint it)"
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise DocumentError("no such file") from None
    except PermissionError:
        raise DocumentError("permission denied") from None
    except OSError as exc:
        raise DocumentError(exc.strerror or str(exc)) from None
    return decode(data)
