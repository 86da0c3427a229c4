"""The language server, driven by a real LSP client (pytest-lsp) over stdio: every feature
an editor gets (diagnostics pushed and pulled, hover, each code action, fix-all, adding a
word, reloading a changed configuration or pack) and the buffers it must survive."""

from __future__ import annotations

import ast
import asyncio
import itertools
import os
import sys
from pathlib import Path

import pytest
import pytest_lsp
from conftest import TINY_PACK
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

from lint.service import client as service_client
from lint.service import protocol
from lint.service.paths import fingerprint

SERVER = [sys.executable, "-m", "lint", "lsp"]
HOUSE = TINY_PACK.replace(
    "    summary: Broken idiom.\n",
    "    summary: Broken idiom.\n"
    "    doc: To toe the line is to stand at the mark; nothing is towed.\n"
    "    link: https://example.org/rules/house.tow\n",
)
CONFIG = "# our desk\npacks: [./house.yaml, typos]  # and codespell's list\nlanguagetool: {enabled: false}\n"
FOLDERS = itertools.count()
MARKDOWN_HOVER = types.HoverClientCapabilities(content_format=[types.MarkupKind.Markdown])


def capabilities(**workspace) -> types.ClientCapabilities:
    return types.ClientCapabilities(
        text_document=types.TextDocumentClientCapabilities(hover=MARKDOWN_HOVER),
        workspace=types.WorkspaceClientCapabilities(**workspace) if workspace else None,
    )


@pytest.fixture(scope="module")
def root(tmp_path_factory) -> Path:
    """The workspace one server shares between the tests of this module."""
    return tmp_path_factory.mktemp("workspace")


@pytest.fixture
def workspace(root: Path, request) -> Path:
    """A folder of the workspace with its own configuration and pack, for one test."""
    folder = root / f"{request.node.originalname}-{next(FOLDERS)}"
    folder.mkdir()
    (folder / "house.yaml").write_text(HOUSE)
    (folder / ".factlint.yaml").write_text(CONFIG)
    return folder


async def start(client: LanguageClient, workspace: Path, caps: types.ClientCapabilities):
    return await client.initialize_session(
        types.InitializeParams(
            capabilities=caps,
            root_uri=workspace.as_uri(),
            workspace_folders=[types.WorkspaceFolder(uri=workspace.as_uri(), name="drafts")],
        )
    )


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER), scope="module")
async def client(lsp_client: LanguageClient, root: Path):
    """A client that neither watches files nor pulls: diagnostics are pushed and the
    server polls the files in use. One server for the module's tests that use it."""
    await start(lsp_client, root, capabilities())
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


async def shown(client: LanguageClient, until, timeout: float = 60) -> None:
    """Wait until the server has shown a message satisfying ``until``."""

    async def wait():
        while not any(until(m.message) for m in client.messages):
            await client.wait_for_notification(types.WINDOW_SHOW_MESSAGE)

    await asyncio.wait_for(wait(), timeout)


def open_doc(client, uri, text, language="markdown"):
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            types.TextDocumentItem(uri=uri, language_id=language, version=1, text=text)
        )
    )


def change(client, uri, version, text):
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=version),
            content_changes=[types.TextDocumentContentChangeWholeDocument(text=text)],
        )
    )


async def code_actions(client, uri, diag=None, only=None) -> list[types.CodeAction]:
    rng = diag.range if diag else types.Range(types.Position(0, 0), types.Position(0, 0))
    return await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=rng,
            context=types.CodeActionContext(diagnostics=[diag] if diag else [], only=only),
        )
    )


def apply(text: str, edits: list[types.TextEdit]) -> str:
    """``text`` with LSP edits applied as an editor applies them (UTF-16 positions)."""
    lines = text.split("\n")

    def offset(p: types.Position) -> int:
        before = sum(len(ln) + 1 for ln in lines[: p.line])
        line = lines[p.line] if p.line < len(lines) else ""
        return before + len(line.encode("utf-16-le")[: 2 * p.character].decode("utf-16-le"))

    for e in sorted(
        edits, key=lambda e: (e.range.start.line, e.range.start.character), reverse=True
    ):
        text = text[: offset(e.range.start)] + e.new_text + text[offset(e.range.end) :]
        lines = text.split("\n")
    return text


def titled(actions, title) -> types.CodeAction:
    [action] = [a for a in actions if a.title == title]
    if isinstance(action, types.Command):
        # lsprotocol reads any code action with a `command` as a bare Command, its
        # command object as a string; editors tell them apart by the command's type
        return types.CodeAction(title, command=types.Command(**ast.literal_eval(action.command)))
    return action


@pytest.mark.asyncio(loop_scope="module")
async def test_diagnostics_and_each_fix(client: LanguageClient, workspace: Path):
    uri = (workspace / "draft.md").as_uri()  # never saved: an unsaved buffer
    text = "# Title 😀\n\nThe 😀 minister will tow the line.\n\n`tow the line` in code.\n"
    open_doc(client, uri, text)
    [diag] = await diagnostics_for(client, uri)
    assert diag.code == "house.tow"
    assert diag.severity == types.DiagnosticSeverity.Warning
    # UTF-16 columns: the emoji takes two units (20 code points + 1)
    assert (diag.range.start.line, diag.range.start.character) == (2, 21)
    assert (diag.range.end.line, diag.range.end.character) == (2, 33)
    assert diag.code_description is None or diag.code_description.href

    actions = await code_actions(client, uri, diag)
    assert [a.title for a in actions] == [
        "Replace 'tow the line' with 'toe the line'",
        "Disable house.tow on this line",
        "Disable house.tow in this file",
        "Fix all safe factlint issues (1)",
    ]
    fix = actions[0]
    assert fix.kind == types.CodeActionKind.QuickFix and fix.is_preferred
    [edit] = fix.edit.changes[uri]
    assert edit.new_text == "toe the line" and edit.range == diag.range
    fixed = apply(text, [edit]) + "A very unique day.\n"
    change(client, uri, 2, fixed)
    [diag] = await diagnostics_for(client, uri, lambda ds: ds and ds[0].code != "house.tow")
    assert diag.code == "house.very-unique"
    assert diag.severity == types.DiagnosticSeverity.Error
    assert diag.range.start.line == 5
    # no replacement: no fix offered, only the ways to silence it
    actions = await code_actions(client, uri, diag)
    assert [a.title for a in actions] == [
        "Disable house.very-unique on this line",
        "Disable house.very-unique in this file",
    ]


@pytest.mark.asyncio(loop_scope="module")
async def test_hover_explains_the_rule(client: LanguageClient, workspace: Path):
    uri = (workspace / "hover.md").as_uri()
    open_doc(client, uri, "Intro.\n\nThey will tow the line.\n")
    [diag] = await diagnostics_for(client, uri)
    inside = types.Position(diag.range.start.line, diag.range.start.character + 4)
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), inside)
    )
    assert hover.contents.kind == types.MarkupKind.Markdown
    text = hover.contents.value
    assert text.startswith("**house.tow** · warning")
    assert "Broken idiom." in text
    assert "**Why.** To toe the line is to stand at the mark; nothing is towed." in text
    assert "**Fix.** 'tow the line' → 'toe the line' (a safe fix" in text
    assert "[Documentation of house.tow](https://example.org/rules/house.tow)" in text
    assert hover.range == diag.range
    elsewhere = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), types.Position(0, 1))
    )
    assert elsewhere is None


@pytest.mark.asyncio(loop_scope="module")
@pytest.mark.parametrize(
    ("name", "language", "text", "line_edit", "file_edit"),
    [
        (
            "d.md",
            "markdown",
            "---\ntitle: T\n---\nA very unique plan.\nThey tow the line.\n",
            "A very unique plan. <!-- factlint-disable-line house.very-unique -->\n",
            "---\ntitle: T\n---\n<!-- factlint-disable house.very-unique -->\n",
        ),
        (
            "d.txt",
            "plaintext",
            "A very unique plan.\nThey tow the line.\n",
            "# factlint-disable-next-line house.very-unique\nA very unique plan.\n",
            "# factlint-disable house.very-unique\n",
        ),
        (
            "d.html",
            "html",
            "<!DOCTYPE html>\n<p>A very unique plan.\nThey tow the line.</p>\n",
            "<p>A very unique plan. <!-- factlint-disable-line house.very-unique -->\n",
            "<!DOCTYPE html>\n<!-- factlint-disable house.very-unique -->\n",
        ),
    ],
)
async def test_disable_on_this_line_and_in_this_file(
    client, workspace, name, language, text, line_edit, file_edit
):
    """The directive the format reads, where it keeps the draft intact (after front matter
    and doctype; in Markdown at the line's end, not splitting the paragraph); the rule is
    silenced and the other finding stays."""
    uri = (workspace / name).as_uri()
    open_doc(client, uri, text, language)
    ds = await diagnostics_for(client, uri, lambda ds: len(ds) == 2)
    unique = next(d for d in ds if d.code == "house.very-unique")
    actions = await code_actions(client, uri, unique)
    for version, title, expected in (
        (2, "Disable house.very-unique on this line", line_edit),
        (3, "Disable house.very-unique in this file", file_edit),
    ):
        edited = apply(text, titled(actions, title).edit.changes[uri])
        assert expected in edited
        change(client, uri, version, edited)
        [left] = await diagnostics_for(client, uri, lambda ds: len(ds) == 1)
        assert left.code == "house.tow"


@pytest.mark.asyncio(loop_scope="module")
async def test_fix_all_applies_every_safe_fix(client: LanguageClient, workspace: Path):
    uri = (workspace / "all.md").as_uri()
    text = "They tow the line.\n\nA very unique day: we tow the line, and we recieve\nthanks.\n"
    open_doc(client, uri, text)
    await diagnostics_for(client, uri, lambda ds: len(ds) == 4)
    only = [types.CodeActionKind.SourceFixAll]
    [action] = await code_actions(client, uri, only=only)
    assert action.kind == "source.fixAll.factlint"
    assert action.title == "Fix all safe factlint issues (3)"
    fixed = apply(text, action.edit.changes[uri])
    assert fixed == (
        "They toe the line.\n\nA very unique day: we toe the line, and we receive\nthanks.\n"
    )
    assert await code_actions(client, uri, only=["source.fixAll.factlint"])
    assert not [a for a in await code_actions(client, uri, only=[types.CodeActionKind.QuickFix])
                if a.kind != types.CodeActionKind.QuickFix]  # fmt: skip


@pytest.mark.asyncio(loop_scope="module")
async def test_add_word_writes_the_configuration_and_rechecks(client, workspace: Path):
    uri = (workspace / "word.md").as_uri()
    other = (workspace / "other.md").as_uri()
    open_doc(client, uri, "The clerks recieve the letters.\n")
    open_doc(client, other, "Nobody will recieve it.\n")
    [diag] = await diagnostics_for(client, uri)
    await diagnostics_for(client, other)
    assert diag.code == "typos.misspelling"
    actions = await code_actions(client, uri, diag)
    add = titled(actions, "Add 'recieve' to the vocabulary")
    assert add.command.command == "factlint.addWord"
    written = await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command=add.command.command, arguments=add.command.arguments)
    )
    config = workspace / ".factlint.yaml"
    assert Path(written) == config
    assert config.read_text() == CONFIG + "vocabulary:\n  accept: [recieve]\n"  # rest kept
    # every open document is checked again under the new vocabulary
    assert not await diagnostics_for(client, uri, lambda ds: not ds)
    assert not await diagnostics_for(client, other, lambda ds: not ds)


@pytest.mark.asyncio(loop_scope="module")
async def test_config_saved_in_the_editor_is_reloaded(client: LanguageClient, workspace: Path):
    uri = (workspace / "other.txt").as_uri()
    open_doc(client, uri, "They tow the line.\n", language="plaintext")
    [diag] = await diagnostics_for(client, uri)
    assert diag.severity == types.DiagnosticSeverity.Warning
    config = workspace / ".factlint.yaml"
    # the editor shows the configuration too (attached to hear it saved): not a draft
    open_doc(client, config.as_uri(), config.read_text(), language="yaml")
    config.write_text(config.read_text() + "severity: {house.*: info}\n")
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(
            text_document=types.TextDocumentIdentifier(uri=config.as_uri())
        )
    )
    info = types.DiagnosticSeverity.Information
    [diag] = await diagnostics_for(client, uri, lambda ds: ds and ds[0].severity == info)
    assert diag.code == "house.tow"
    assert config.as_uri() not in client.diagnostics


@pytest.mark.asyncio(loop_scope="module")
async def test_pack_changed_on_disk_is_noticed_without_a_watcher(client, workspace: Path):
    """An editor that cannot watch files (Neovim before 0.10, Helix): the server looks at
    the files in use itself. The pack is written the moment the first diagnostics arrive,
    while the server may still be noting the files that lint read (on a warm server the
    lint takes milliseconds): a write then is not missed."""
    uri = (workspace / "poll.md").as_uri()
    open_doc(client, uri, "They tow the line.\n")
    [diag] = await diagnostics_for(client, uri)
    assert diag.severity == types.DiagnosticSeverity.Warning
    pack = workspace / "house.yaml"
    pack.write_text(pack.read_text().replace("  - id: tow\n", "  - id: tow\n    severity: error\n"))
    error = types.DiagnosticSeverity.Error
    await diagnostics_for(client, uri, lambda ds: ds and ds[0].severity == error, timeout=30)


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def watching_client(lsp_client: LanguageClient, workspace: Path):
    registrations: list[types.Registration] = []

    @lsp_client.feature(types.CLIENT_REGISTER_CAPABILITY)
    def register(params: types.RegistrationParams):
        registrations.extend(params.registrations)

    @lsp_client.feature(types.CLIENT_UNREGISTER_CAPABILITY)
    def unregister(params: types.UnregistrationParams):
        gone = {u.id for u in params.unregisterations}
        registrations[:] = [r for r in registrations if r.id not in gone]

    lsp_client.registrations = registrations
    watched = types.DidChangeWatchedFilesClientCapabilities(
        dynamic_registration=True, relative_pattern_support=True
    )
    await start(lsp_client, workspace, capabilities(did_change_watched_files=watched))
    yield
    await lsp_client.shutdown_session()


def watched_globs(client) -> set[str]:
    globs = set()
    for r in client.registrations:
        assert r.method == types.WORKSPACE_DID_CHANGE_WATCHED_FILES
        for w in r.register_options["watchers"]:
            g = w["globPattern"]
            globs.add(g if isinstance(g, str) else f"{g['baseUri']}/{g['pattern']}")
    return globs


@pytest.mark.asyncio
async def test_files_in_use_are_registered_and_their_change_reloads(watching_client, workspace):
    client = watching_client
    (workspace / "words.txt").write_text("# the desk's words\nSudzha\n")
    config = workspace / ".factlint.yaml"
    config.write_text(CONFIG + "vocabulary: {files: [words.txt]}\n")
    uri = (workspace / "w.md").as_uri()
    open_doc(client, uri, "They tow the line.\n")
    await diagnostics_for(client, uri)

    async def registered():
        while (workspace / "house.yaml").as_uri() not in watched_globs(client):
            await asyncio.sleep(0.05)

    await asyncio.wait_for(registered(), 30)
    globs = watched_globs(client)
    assert {"**/.factlint.yaml", "**/.factlint.yml", "**/pyproject.toml"} <= globs
    assert (workspace / "words.txt").as_uri() in globs
    pack = workspace / "house.yaml"
    pack.write_text(pack.read_text().replace("  - id: tow\n", "  - id: tow\n    severity: info\n"))
    client.workspace_did_change_watched_files(
        types.DidChangeWatchedFilesParams(
            [types.FileEvent(uri=pack.as_uri(), type=types.FileChangeType.Changed)]
        )
    )
    info = types.DiagnosticSeverity.Information
    await diagnostics_for(client, uri, lambda ds: ds and ds[0].severity == info, timeout=30)
    # adding a word goes to the word list the configuration names
    open_doc(client, (workspace / "s.md").as_uri(), "We recieve it.\n")
    [diag] = await diagnostics_for(client, (workspace / "s.md").as_uri())
    add = titled(await code_actions(client, (workspace / "s.md").as_uri(), diag),
                 "Add 'recieve' to the vocabulary")  # fmt: skip
    await client.workspace_execute_command_async(
        types.ExecuteCommandParams(command=add.command.command, arguments=add.command.arguments)
    )
    assert (workspace / "words.txt").read_text() == "# the desk's words\nSudzha\nrecieve\n"
    assert config.read_text() == CONFIG + "vocabulary: {files: [words.txt]}\n"


@pytest_lsp.fixture(config=ClientServerConfig(server_command=SERVER))
async def pulling_client(lsp_client: LanguageClient, workspace: Path):
    caps = types.ClientCapabilities(
        text_document=types.TextDocumentClientCapabilities(
            diagnostic=types.DiagnosticClientCapabilities()
        ),
        workspace=types.WorkspaceClientCapabilities(
            diagnostics=types.DiagnosticWorkspaceClientCapabilities(refresh_support=True)
        ),
    )
    result = await start(lsp_client, workspace, caps)
    lsp_client.server_caps = result.capabilities
    yield
    await lsp_client.shutdown_session()


@pytest.mark.asyncio
async def test_pull_diagnostics(pulling_client: LanguageClient, workspace: Path):
    client = pulling_client
    assert client.server_caps.diagnostic_provider.identifier == "factlint"
    uri = (workspace / "pull.md").as_uri()
    open_doc(client, uri, "They tow the line.\n")

    async def pull(previous=None):
        return await asyncio.wait_for(
            client.text_document_diagnostic_async(
                types.DocumentDiagnosticParams(
                    text_document=types.TextDocumentIdentifier(uri), previous_result_id=previous
                )
            ),
            120,
        )

    report = await pull()
    [diag] = report.items
    assert diag.code == "house.tow" and diag.range.start == types.Position(0, 5)
    again = await pull(report.result_id)
    assert again.kind == "unchanged"
    change(client, uri, 2, "They tow the line. A very unique day.\n")
    assert [d.code for d in (await pull()).items] == ["house.tow", "house.very-unique"]
    config = workspace / ".factlint.yaml"
    config.write_text(config.read_text() + "ignore: [house.tow]\n")
    client.text_document_did_save(
        types.DidSaveTextDocumentParams(types.TextDocumentIdentifier(config.as_uri()))
    )

    async def refreshed():
        while not client.diagnostic_refresh_count:
            await asyncio.sleep(0.05)

    await asyncio.wait_for(refreshed(), 30)  # the server asks the editor to pull again
    assert [d.code for d in (await pull()).items] == ["house.very-unique"]
    assert uri not in client.diagnostics  # pulled only, never pushed as well


@pytest.mark.asyncio
async def test_push_client_is_not_offered_pull(workspace: Path):
    """A client that pulls but cannot be told to pull again (Neovim 0.10) gets pushed
    diagnostics only: announcing both would show every finding twice."""
    client = pytest_lsp.make_test_lsp_client()
    await client.start_io(*SERVER)
    try:
        caps = types.ClientCapabilities(
            text_document=types.TextDocumentClientCapabilities(
                diagnostic=types.DiagnosticClientCapabilities()
            )
        )
        result = await start(client, workspace, caps)
        assert result.capabilities.diagnostic_provider is None
        uri = (workspace / "push.md").as_uri()
        open_doc(client, uri, "They tow the line.\n")
        [diag] = await diagnostics_for(client, uri)
        assert diag.code == "house.tow"
    finally:
        await client.shutdown_session()


@pytest.mark.asyncio(loop_scope="module")
async def test_a_lone_surrogate_is_survived(client: LanguageClient, workspace: Path):
    """Half an emoji (a lone UTF-16 surrogate, as an editor sends it mid-deletion) neither
    crashes the server nor hides the rest of the buffer, and positions stay right."""
    uri = (workspace / "emoji.md").as_uri()
    open_doc(client, uri, "A \ud83d minister will tow the line.\n")
    [diag] = await diagnostics_for(client, uri)
    assert (diag.code, diag.range.start.character) == ("house.tow", 18)
    # an incremental edit before it: a whole emoji (two units) and a space
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[
                types.TextDocumentContentChangePartial(
                    range=types.Range(types.Position(0, 0), types.Position(0, 0)), text="😀 "
                )
            ],
        )
    )
    [diag] = await diagnostics_for(client, uri, lambda ds: ds and ds[0].range.start.character == 21)
    change(client, uri, 3, "We tow the line \udc00\n\nA very unique day.\n")
    ds = await diagnostics_for(client, uri, lambda ds: len(ds) == 2)
    assert [(d.code, d.range.start.line) for d in ds] == [
        ("house.tow", 0),
        ("house.very-unique", 2),
    ]
    diag = ds[0]
    hover = await client.text_document_hover_async(
        types.HoverParams(types.TextDocumentIdentifier(uri), diag.range.start)
    )
    assert "house.tow" in hover.contents.value


@pytest.mark.asyncio(loop_scope="module")
async def test_broken_config_is_shown_not_fatal(client: LanguageClient, workspace: Path):
    sub = workspace / "broken"
    sub.mkdir(exist_ok=True)
    (sub / ".factlint.yaml").write_text("language: fr-FR\n")
    uri = (sub / "d.md").as_uri()
    open_doc(client, uri, "They tow the line.\n")
    await shown(client, lambda m: "language must be one of" in m)
    # the server is still alive and linting other documents
    good = (workspace / "alive.md").as_uri()
    open_doc(client, good, "They tow the line.\n")
    assert await diagnostics_for(client, good)


@pytest.mark.asyncio(loop_scope="module")
async def test_a_refused_draft_says_why(client: LanguageClient, workspace: Path):
    """A draft factlint refuses (Markdown nested past the parser's limit) gets its one-line
    reason in the editor, not a generic failure."""
    uri = (workspace / "deep.md").as_uri()
    open_doc(client, uri, "> " * 40 + "They tow the line.\n")
    await shown(client, lambda m: "deep.md" in m)
    [message] = [m.message for m in client.messages if "deep.md" in m.message]
    assert message.startswith("factlint does not check deep.md: Markdown nested too deep")


def service_code() -> str | None:
    """The code fingerprint of the running service, None when it is gone (in a shared
    checkout, another edit of factlint makes it stand down for a fresh one)."""
    sock = service_client.connect()
    if sock is None:
        return None
    with sock:
        protocol.send(sock, {"command": "status"})
        return (protocol.receive(sock) or {}).get("fingerprint")


@pytest.mark.asyncio
@pytest.mark.slow
async def test_first_diagnostics_come_from_a_warm_service(tmp_path, workspace, monkeypatch):
    """With the factlint service warm, a new language server shows the service's findings
    before its own engine has loaded spaCy, then its own (the same findings)."""
    env = {**os.environ, "FACTLINT_SERVICE": "1", "FACTLINT_SERVICE_DIR": str(tmp_path / "svc"),
           "FACTLINT_SERVICE_IDLE": "120"}  # fmt: skip
    started = await asyncio.create_subprocess_exec(
        sys.executable, "-c", "from lint.service.client import main; main()",
        "check", "-", "--stdin-filename",
        str(workspace / "warm.md"), env=env, cwd=workspace,
        stdin=asyncio.subprocess.PIPE, stdout=asyncio.subprocess.DEVNULL,
    )  # fmt: skip
    await started.communicate(b"They tow the line.\n")  # starts the service and warms it
    monkeypatch.setenv("FACTLINT_SERVICE_DIR", env["FACTLINT_SERVICE_DIR"])
    client = pytest_lsp.make_test_lsp_client()
    await client.start_io(*SERVER, env=env)
    try:
        await start(client, workspace, capabilities())
        uri = (workspace / "first.md").as_uri()
        open_doc(client, uri, "Now they tow the line.\n")
        [first] = await diagnostics_for(client, uri)
        if first.data.get("via") != "service" and service_code() != fingerprint():
            pytest.skip("factlint's code changed meanwhile, so the service stood down")
        assert first.data.get("via") == "service"
        [own] = await diagnostics_for(client, uri, lambda ds: ds and not ds[0].data.get("via"))
        assert (own.code, own.range) == (first.code, first.range)
    finally:
        await client.shutdown_session()
        stop = await asyncio.create_subprocess_exec(
            sys.executable, "-m", "lint", "service", "stop", env=env,
            stdout=asyncio.subprocess.DEVNULL, stderr=asyncio.subprocess.DEVNULL,
        )  # fmt: skip
        await stop.wait()


@pytest.mark.asyncio(loop_scope="module")
async def test_per_file_ignores_apply_in_the_editor(client, workspace: Path):
    """The editor sees what `factlint check` reports: a file the configuration's
    per-file-ignores cover is not told about the rules they name."""
    (workspace / ".factlint.yaml").write_text(CONFIG + 'per-file-ignores: {"archive/*": [house]}\n')
    (workspace / "archive").mkdir()
    new, old = (workspace / "new.md").as_uri(), (workspace / "archive" / "old.md").as_uri()
    open_doc(client, new, "They tow the line.\n")
    [diag] = await diagnostics_for(client, new)
    assert diag.code == "house.tow"
    open_doc(client, old, "They tow the line.\n")
    assert list(await diagnostics_for(client, old, lambda ds: True)) == []
