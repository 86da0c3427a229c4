"""The language server under a burst of edits, driven by a real LSP client (pytest-lsp)."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
import pytest_lsp
from conftest import TINY_PACK
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

EDITS = 1000


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("lsp-load")
    (root / "house.yaml").write_text(TINY_PACK)
    (root / ".factlint.yaml").write_text("packs: [./house.yaml]\nlanguagetool: {enabled: false}\n")
    return root


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[sys.executable, "-m", "lint", "lsp"]))
async def client(lsp_client: LanguageClient, workspace: Path):
    await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            root_uri=workspace.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=workspace.as_uri(), name="drafts")],
        )
    )
    yield
    await lsp_client.shutdown_session()


async def published(client: LanguageClient, uri: str, until, timeout: float = 300):
    async def wait():
        while uri not in client.diagnostics or not until(client.diagnostics[uri]):
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        return client.diagnostics[uri]

    return await asyncio.wait_for(wait(), timeout)


def change(client: LanguageClient, uri: str, version: int, text: str) -> None:
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


@pytest.mark.asyncio
async def test_thousand_rapid_edits(client: LanguageClient, workspace: Path):
    """1,000 didChange notifications in a burst (whole-document and incremental): the last
    diagnostics published are those of the final text, nothing stale arrives after them,
    and the server is still alive and answers a request."""
    uri = (workspace / "draft.md").as_uri()
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(
                uri=uri, language_id="markdown", version=1, text="They tow the line.\n"
            )
        )
    )
    await published(client, uri, bool)
    for version in range(2, EDITS + 1):
        if version % 2:
            change(client, uri, version, f"Edit {version}: they tow the line.\n")
        else:  # an incremental edit: type one more character at the start
            client.text_document_did_change(
                types.DidChangeTextDocumentParams(
                    text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
                    content_changes=[
                        types.TextDocumentContentChangePartial(
                            range=types.Range(types.Position(0, 0), types.Position(0, 0)),
                            text="x",
                        )
                    ],
                )
            )
    final = "Final.\n\nA very unique day; at last they tow the line.\n"
    change(client, uri, EDITS + 1, final)

    def final_diagnostics(ds) -> bool:
        return len(ds) == 2 and all(d.range.start.line == 2 for d in ds)

    diagnostics = await published(client, uri, final_diagnostics)
    got = sorted((d.code, d.range.start.character, d.range.end.character) for d in diagnostics)
    line = final.splitlines()[2]
    assert got == [
        ("house.tow", line.index("tow"), line.index("tow") + len("tow the line")),
        ("house.very-unique", line.index("very"), line.index("very") + len("very unique")),
    ]
    await asyncio.sleep(2)  # longer than the debounce: a late, stale lint would show now
    assert final_diagnostics(client.diagnostics[uri])

    tow = next(d for d in diagnostics if d.code == "house.tow")
    actions = await asyncio.wait_for(
        client.text_document_code_action_async(
            types.CodeActionParams(
                text_document=types.TextDocumentIdentifier(uri=uri),
                range=tow.range,
                context=types.CodeActionContext(diagnostics=[tow]),
            )
        ),
        60,
    )
    [action] = [a for a in actions if a.title == "Replace 'tow the line' with 'toe the line'"]
    [edit] = action.edit.changes[uri]
    assert edit.new_text == "toe the line" and edit.range == tow.range
