"""``factlint lsp``: the Language Server Protocol over stdio, for editors.

Diagnostics on open, on change (debounced) and on save, for unsaved buffers
too; a code action per replacement; the rule id and its link on every
diagnostic. Configuration is discovered from each document's directory as on
the command line and reloaded when a ``.factlint.yaml`` or ``pyproject.toml``
changes. Linting runs on one worker thread, so spaCy stays off the event loop;
a check that crashes is logged and never takes the server down.
"""

from __future__ import annotations

import asyncio
import logging
import traceback
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import to_fs_path

import lint
from lint.config import CONFIG_NAMES, Config, ConfigError, ConfigFinder
from lint.document import DocumentError, kind_for_path
from lint.document.mapping import LineIndex
from lint.engine import Engine
from lint.findings import Issue
from lint.languagetool import backend_for
from lint.languagetool.errors import LanguageToolError
from lint.packs import PackError
from lint.runner import FileResult, lint_source

DEBOUNCE = 0.3
"""Seconds of quiet after a change before the buffer is linted again."""

SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
LANGUAGE_KINDS = {"markdown": "markdown", "html": "html", "plaintext": "text"}

log = logging.getLogger(__name__)


class FactlintServer(LanguageServer):
    def __init__(self, engine: Engine | None = None) -> None:
        super().__init__("factlint", lint.__version__)
        self.engine = engine or Engine(languagetool=backend_for)
        self.finder = ConfigFinder()
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="factlint-lint")
        self.pending: dict[str, asyncio.Task] = {}
        self.issues: dict[str, list[Issue]] = {}
        self.warned: set[str] = set()
        self.debounce = DEBOUNCE

    # -- linting ------------------------------------------------------------
    def schedule(self, uri: str, delay: float = 0.0) -> None:
        """Lint ``uri`` after ``delay`` seconds, replacing a lint already waiting."""
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        self.pending[uri] = asyncio.ensure_future(self._lint_later(uri, delay))

    async def _lint_later(self, uri: str, delay: float) -> None:
        try:
            if delay:
                await asyncio.sleep(delay)
            doc = self.workspace.get_text_document(uri)
            source, version = doc.source, doc.version
            loop = asyncio.get_running_loop()
            file = await loop.run_in_executor(self.worker, self._lint, uri, doc.language_id, source)
        except asyncio.CancelledError:
            return
        if file is None or self.workspace.get_text_document(uri).version != version:
            return  # failed (already reported) or the buffer moved on
        self.issues[uri] = file.issues
        lines = file.document.lines
        self.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(
                uri=uri,
                version=version,
                diagnostics=[self.diagnostic(i, lines) for i in file.issues],
            )
        )

    def _lint(self, uri: str, language_id: str | None, source: str) -> FileResult | None:
        path = Path(to_fs_path(uri) or uri)
        kind = kind_for_path(path) or LANGUAGE_KINDS.get(language_id or "", "text")
        try:
            config = self.finder.for_path(path)
            file, errors, _notes = self._lint_with_fallback(path, source, kind, config)
        except (ConfigError, PackError) as exc:
            self.warn_once(str(exc), types.MessageType.Error)
            return None
        except DocumentError as exc:  # a draft factlint refuses (nested too deep, …)
            self.warn_once(f"factlint does not check {path.name}: {exc}")
            return None
        except Exception as exc:  # never take the editor's server down
            self.window_log_message(
                types.LogMessageParams(types.MessageType.Error, traceback.format_exc())
            )
            self.warn_once(f"factlint failed on {path.name}: {exc}", types.MessageType.Error)
            return None
        for error in errors:
            self.window_log_message(types.LogMessageParams(types.MessageType.Warning, error))
        return file

    def _lint_with_fallback(self, path: Path, source: str, kind: str, config: Config):
        """Lint; if LanguageTool fails, say so and show factlint's own findings anyway."""
        try:
            return lint_source(str(path), source, kind, config, self.engine)
        except LanguageToolError as exc:
            self.warn_once(f"LanguageTool is unavailable, grammar not checked: {exc}")
            config = config.replace(languagetool={**config.languagetool, "enabled": False})
            return lint_source(str(path), source, kind, config, self.engine)

    def warn_once(self, message: str, kind=types.MessageType.Warning) -> None:
        if message not in self.warned:
            self.warned.add(message)
            self.window_show_message(types.ShowMessageParams(kind, message))

    # -- conversions --------------------------------------------------------
    def position(self, lines: LineIndex, line: int, column: int) -> types.Position:
        """1-based line and code-point column → LSP position in the client's units."""
        text = lines.line_text(line)
        units = self.workspace.position_codec.client_num_units(text[: column - 1])
        return types.Position(line=line - 1, character=units)

    def diagnostic(self, issue: Issue, lines: LineIndex) -> types.Diagnostic:
        return types.Diagnostic(
            range=types.Range(
                start=self.position(lines, issue.line, issue.column),
                end=self.position(lines, issue.end_line, issue.end_column),
            ),
            message=issue.message,
            severity=SEVERITY[issue.severity],
            code=issue.rule,
            code_description=types.CodeDescription(href=issue.link) if issue.link else None,
            source="factlint" if issue.source == "factlint" else f"factlint ({issue.source})",
            data={"replacements": list(issue.replacements), "rule": issue.rule},
        )

    def reload_config(self) -> None:
        self.finder = ConfigFinder()
        self.warned.clear()
        for uri in list(self.workspace.text_documents):
            self.schedule(uri)


def build(engine: Engine | None = None) -> FactlintServer:
    server = FactlintServer(engine)

    @server.feature(types.INITIALIZE)
    def initialize(ls: FactlintServer, params: types.InitializeParams) -> None:
        """``initializationOptions``: ``{"debounce": seconds}`` (0 to 10) after a change."""
        options = params.initialization_options
        debounce = options.get("debounce") if isinstance(options, dict) else None
        if isinstance(debounce, int | float) and 0 <= debounce <= 10:
            ls.debounce = float(debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: FactlintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: FactlintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: FactlintServer, params: types.DidSaveTextDocumentParams) -> None:
        if Path(to_fs_path(params.text_document.uri) or "").name in (
            *CONFIG_NAMES,
            "pyproject.toml",
        ):
            ls.reload_config()
        else:
            ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: FactlintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        waiting = ls.pending.pop(uri, None)
        if waiting:
            waiting.cancel()
        ls.issues.pop(uri, None)
        ls.text_document_publish_diagnostics(
            types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
        )

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: FactlintServer, params: types.DidChangeWatchedFilesParams) -> None:
        ls.reload_config()

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def configuration(ls: FactlintServer, params: types.DidChangeConfigurationParams) -> None:
        ls.reload_config()

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix]),
    )
    def code_action(ls: FactlintServer, params: types.CodeActionParams) -> list[types.CodeAction]:
        actions = []
        for diag in params.context.diagnostics:
            data = diag.data if isinstance(diag.data, dict) else {}
            for replacement in (data.get("replacements") or [])[:5]:
                edit = types.TextEdit(range=diag.range, new_text=replacement)
                actions.append(
                    types.CodeAction(
                        title=f"Replace with '{replacement}' ({data.get('rule', diag.code)})",
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=[diag],
                        edit=types.WorkspaceEdit(changes={params.text_document.uri: [edit]}),
                        is_preferred=len(data["replacements"]) == 1,
                    )
                )
        return actions

    return server


def main() -> None:
    logging.basicConfig(level=logging.WARNING)
    build().start_io()
