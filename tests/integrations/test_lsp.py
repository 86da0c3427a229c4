"""The language server, driven by a real LSP client (pytest-lsp) over stdio."""

from __future__ import annotations

import asyncio
import sys
from pathlib import Path

import pytest
import pytest_lsp
from conftest import TINY_PACK
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient


@pytest.fixture(scope="module")
def workspace(tmp_path_factory) -> Path:
    root = tmp_path_factory.mktemp("workspace")
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


async def diagnostics_for(client: LanguageClient, uri: str, until=bool, timeout: float = 120):
    """Wait until the diagnostics published for ``uri`` satisfy ``until`` (the first lint
    loads spaCy, so allow time)."""

    async def wait():
        while uri not in client.diagnostics or not until(client.diagnostics[uri]):
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        return client.diagnostics[uri]

    return await asyncio.wait_for(wait(), timeout)


def open_doc(client, uri, text, language="markdown"):
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)
        )
    )


@pytest.mark.asyncio
async def test_diagnostics_code_action_and_edit(client: LanguageClient, workspace: Path):
    uri = (workspace / "draft.md").as_uri()  # never saved: an unsaved buffer
    text = "# Title 😀\n\nThe 😀 minister will tow the line.\n\n`tow the line` in code.\n"
    open_doc(client, uri, text)
    [diag] = await diagnostics_for(client, uri)
    assert diag.code == "house.tow"
    assert diag.severity == types.DiagnosticSeverity.Warning
    # UTF-16 columns: the emoji takes two units
    assert (diag.range.start.line, diag.range.start.character) == (
        2,
        21,
    )  # 20 code points + 1 for the surrogate pair
    assert (diag.range.end.line, diag.range.end.character) == (2, 33)

    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=diag.range,
            context=types.CodeActionContext(diagnostics=[diag]),
        )
    )
    [action] = actions
    [edit] = action.edit.changes[uri]
    assert edit.new_text == "toe the line" and edit.range == diag.range

    # apply the action as an editor would, then add a new mistake
    lines = text.split("\n")
    line = lines[2]
    units = line.encode("utf-16-le")
    start, end = diag.range.start.character * 2, diag.range.end.character * 2
    lines[2] = (units[:start] + edit.new_text.encode("utf-16-le") + units[end:]).decode("utf-16-le")
    fixed = "\n".join(lines) + "A very unique day.\n"
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=fixed)],
        )
    )
    [diag] = await diagnostics_for(client, uri, lambda ds: ds and ds[0].code != "house.tow")
    assert diag.code == "house.very-unique"
    assert diag.severity == types.DiagnosticSeverity.Error
    assert diag.range.start.line == 5


@pytest.mark.asyncio
async def test_config_change_is_picked_up(client: LanguageClient, workspace: Path):
    uri = (workspace / "other.txt").as_uri()
    open_doc(client, uri, "They tow the line.\n", language="plaintext")
    [diag] = await diagnostics_for(client, uri)
    assert diag.severity == types.DiagnosticSeverity.Warning
    config = workspace / ".factlint.yaml"
    config.write_text(config.read_text() + "severity: {house.*: info}\n")
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(
            text_document=types.TextDocumentIdentifier(uri=config.as_uri())
        )
    )
    info = types.DiagnosticSeverity.Information
    [diag] = await diagnostics_for(client, uri, lambda ds: ds and ds[0].severity == info)
    assert diag.code == "house.tow"


@pytest.mark.asyncio
async def test_broken_config_is_shown_not_fatal(client: LanguageClient, workspace: Path):
    sub = workspace / "broken"
    sub.mkdir(exist_ok=True)
    (sub / ".factlint.yaml").write_text("language: fr-FR\n")
    uri = (sub / "d.md").as_uri()
    open_doc(client, uri, "They tow the line.\n")
    await asyncio.wait_for(client.wait_for_notification(types.WINDOW_SHOW_MESSAGE), 60)
    assert any("language must be one of" in m.message for m in client.messages)
    # the server is still alive and linting other documents
    good = (workspace / "alive.md").as_uri()
    open_doc(client, good, "They tow the line.\n")
    assert await diagnostics_for(client, good)


@pytest.mark.asyncio
async def test_a_refused_draft_says_why(client: LanguageClient, workspace: Path):
    """A draft factlint refuses (Markdown nested past the parser's limit) gets its one-line
    reason in the editor, not a generic failure."""
    uri = (workspace / "deep.md").as_uri()
    open_doc(client, uri, "> " * 40 + "They tow the line.\n")
    await asyncio.wait_for(client.wait_for_notification(types.WINDOW_SHOW_MESSAGE), 60)
    [message] = [m.message for m in client.messages if "deep.md" in m.message]
    assert message.startswith("factlint does not check deep.md: Markdown nested too deep")
