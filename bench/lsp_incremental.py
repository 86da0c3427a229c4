"""The incremental re-check: ``factlint lsp`` driven over stdio by a real LSP client (pygls).

An editor opens the ~5,000-word draft, waits for its diagnostics, then edits
one paragraph at a time (the whole text is sent on each change, which every
client may do); the figure is the time from sending a change to receiving the
diagnostics published for that version. The client asks for no debounce
(``initializationOptions: {"debounce": 0}``); nothing is subtracted, so a
server that ignores the option shows its debounce in the figure.
"""

from __future__ import annotations

import asyncio
import contextlib
import time
from dataclasses import dataclass, field
from pathlib import Path

from lsprotocol import types
from pygls.lsp.client import LanguageClient

from bench import proc
from bench.table import Fig

FIRST_TIMEOUT = 240.0  # the first check loads spaCy (and may wait for LanguageTool)
EDIT_TIMEOUT = 60.0


@dataclass
class LspResult:
    first: Fig  # open → first diagnostics
    edits: list[float] = field(default_factory=list)
    peak_mb: Fig = field(default_factory=lambda: Fig.na("not measured"))

    @property
    def incremental(self) -> Fig:
        if not self.edits:
            return Fig.na(self.first.why or "no edit was re-checked")
        return Fig(proc.median(self.edits))


def measure(exe: Path, document: Path, versions: list[str], env: dict[str, str]) -> LspResult:
    """Open ``versions[0]`` as ``document``, then change it to each later version in turn."""
    try:
        return asyncio.run(_session(exe, document, versions, env))
    except Exception as exc:  # report, never abort the whole bench
        return LspResult(Fig.na(f"{type(exc).__name__}: {exc}"[:160]))


async def _drain(stream: asyncio.StreamReader | None, tail: list[bytes]) -> None:
    """Read the server's stderr (pygls pipes it and never reads it: a full pipe would
    block the server); keep the last lines for the error message."""
    if stream is None:
        return
    async for line in stream:
        tail.append(line)
        del tail[:-5]


async def _session(exe: Path, document: Path, versions: list[str], env: dict[str, str]):
    client = LanguageClient("factlint-bench", "1")
    uri = document.as_uri()
    arrived: dict[int, asyncio.Future[float]] = {}

    @client.feature(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
    def published(params: types.PublishDiagnosticsParams) -> None:
        if params.uri != uri:
            return
        if params.version is not None:
            future = arrived.get(params.version)
        else:  # a server that does not say which version: the newest one waited for
            future = arrived[max(arrived)] if arrived else None
        if future is not None and not future.done():
            future.set_result(time.perf_counter())

    await client.start_io(str(exe), "lsp", env=env, cwd=str(document.parent))
    server = client._server  # pygls keeps the server process here; its pid is what we watch
    assert server is not None
    tail: list[bytes] = []
    drain = asyncio.create_task(_drain(server.stderr, tail))
    loop = asyncio.get_running_loop()
    try:
        with proc.PeakRSS(lambda: [server.pid]) as rss:
            await client.initialize_async(
                types.InitializeParams(
                    capabilities=types.ClientCapabilities(),
                    root_uri=document.parent.as_uri(),
                    initialization_options={"debounce": 0},
                )
            )
            client.initialized(types.InitializedParams())
            arrived[1] = loop.create_future()
            began = time.perf_counter()
            client.text_document_did_open(
                types.DidOpenTextDocumentParams(
                    text_document=types.TextDocumentItem(
                        uri=uri, language_id="plaintext", version=1, text=versions[0]
                    )
                )
            )
            first = await _wait(arrived[1], FIRST_TIMEOUT, tail) - began
            result = LspResult(Fig(first))
            for version, text in enumerate(versions[1:], start=2):
                arrived[version] = loop.create_future()
                began = time.perf_counter()
                client.text_document_did_change(
                    types.DidChangeTextDocumentParams(
                        text_document=types.VersionedTextDocumentIdentifier(
                            uri=uri, version=version
                        ),
                        content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
                    )
                )
                result.edits.append(await _wait(arrived[version], EDIT_TIMEOUT, tail) - began)
        result.peak_mb = Fig(rss.mb)
        await asyncio.wait_for(client.shutdown_async(None), 30)
        client.exit(None)
        await asyncio.wait_for(client.stop(), 30)
        return result
    finally:
        if server.returncode is None:
            with contextlib.suppress(ProcessLookupError):
                server.kill()
        drain.cancel()


async def _wait(future: asyncio.Future[float], timeout: float, tail: list[bytes]) -> float:
    try:
        return await asyncio.wait_for(future, timeout)
    except TimeoutError:
        last = b"".join(tail).decode("utf-8", "replace").strip().splitlines()
        raise TimeoutError(
            f"no diagnostics within {timeout:.0f} s"
            + (f"; server said: {last[-1]}" if last else "")
        ) from None
