"""Messages between client and service: a 4-byte length, then UTF-8 JSON.

Standard library only (the thin client imports it).
"""

from __future__ import annotations

import json
import socket
import struct

CREDENTIALS = struct.Struct("3i")  # struct ucred: pid, uid, gid

HEADER = struct.Struct(">I")
MAX_MESSAGE = 256 << 20


def send(sock: socket.socket, message: dict) -> None:
    data = json.dumps(message, ensure_ascii=False).encode("utf-8")
    sock.sendall(HEADER.pack(len(data)) + data)


def receive(sock: socket.socket) -> dict | None:
    """The next message, or None when the other side closed the connection."""
    header = _exactly(sock, HEADER.size)
    if header is None:
        return None
    (size,) = HEADER.unpack(header)
    if size > MAX_MESSAGE:
        raise ValueError(f"message of {size} bytes is larger than the {MAX_MESSAGE} byte limit")
    data = _exactly(sock, size)
    if data is None:
        return None
    message = json.loads(data.decode("utf-8"))
    if not isinstance(message, dict):
        raise ValueError("message is not a JSON object")
    return message


def _exactly(sock: socket.socket, size: int) -> bytes | None:
    chunks, got = [], 0
    while got < size:
        chunk = sock.recv(min(size - got, 1 << 20))
        if not chunk:
            return None
        chunks.append(chunk)
        got += len(chunk)
    return b"".join(chunks)


def peer_uid(sock: socket.socket) -> int | None:
    """The uid of the process at the other end (Linux SO_PEERCRED); None if unknown."""
    try:
        creds = sock.getsockopt(socket.SOL_SOCKET, socket.SO_PEERCRED, CREDENTIALS.size)
    except (OSError, AttributeError):
        return None
    return CREDENTIALS.unpack(creds)[1]
