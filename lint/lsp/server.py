"""``factlint lsp``: the Language Server Protocol over stdio, for editors.

* Diagnostics on open, on change (debounced) and on save, for unsaved buffers
  too, pushed (``publishDiagnostics``) or, to a client that pulls and can be
  told to pull again (LSP 3.17 ``textDocument/diagnostic`` with
  ``workspace/diagnostic/refresh``), pulled: one or the other, never both, so no
  editor shows a finding twice.
* Hover on a diagnostic: the rule's summary, why, the fix and its link (hover.py).
* Code actions (actions.py): each replacement, titled for what it does; "Add
  'Word' to the vocabulary" for spelling and names findings (accept.py); "Disable
  RULE on this line" and "in this file"; ``source.fixAll.factlint``.
* Configuration is discovered from each document's directory as on the command
  line, and reloaded when a configuration, pack or word list in use changes:
  watched by the editor when it can register watchers dynamically, else polled
  (watch.py); a ``didSave`` of one reloads as well.
* The first check of a new server is also handed to a warm factlint service, if
  one runs, so the first diagnostics need not wait for spaCy (warm.py).

Linting runs on one worker thread, so spaCy stays off the event loop; a check
that crashes is logged and never takes the server down; a buffer holding a lone
UTF-16 surrogate (half an emoji) is checked with U+FFFD in its place, which
keeps every position.
"""

from __future__ import annotations

import asyncio
import logging
import time
import traceback
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import regex
from lsprotocol import types
from pygls.lsp.server import LanguageServer
from pygls.uris import from_fs_path, to_fs_path

import lint
from lint.config import Config, ConfigError, ConfigFinder
from lint.document import DocumentError, kind_for_path
from lint.document import parse as parse_document
from lint.document.mapping import LineIndex
from lint.findings import Issue
from lint.lsp import accept, actions, hover, warm, watch

if TYPE_CHECKING:
    from lint.document import Document
    from lint.engine import Engine

DEBOUNCE = 0.3
"""Seconds of quiet after a change before the buffer is linted again."""
POLL = 1.0
"""Seconds between looks at the files in use, for editors that cannot watch them."""
FIX_ALL = "source.fixAll.factlint"
ADD_WORD = "factlint.addWord"

SEVERITY = {
    "error": types.DiagnosticSeverity.Error,
    "warning": types.DiagnosticSeverity.Warning,
    "info": types.DiagnosticSeverity.Information,
}
LANGUAGE_KINDS = {"markdown": "markdown", "html": "html", "plaintext": "text", "text": "text"}
NOT_DRAFTS = {"yaml", "toml", "json", "python"}
"""Languages of files the server is attached to only to hear them saved (configuration)."""
SURROGATE = regex.compile(r"[\ud800-\udfff]")

log = logging.getLogger(__name__)


@dataclass
class Linted:
    """What a check of a buffer found (duck-typed like lint.runner.FileResult, without
    importing the engine: the warm service's answer must not wait for it)."""

    path: str
    source: str
    document: Document
    issues: list[Issue]


@dataclass
class Checked:
    """The latest check of one open document."""

    version: int | None
    file: Linted
    config: Config | None
    generation: int
    sources: tuple[Path, ...] = ()  # the pack and data files its rules were built from

    @property
    def via_service(self) -> bool:
        return any(i.extra.get("via") == "service" for i in self.file.issues)


class FactlintServer(LanguageServer):
    """The server. spaCy and the engine are imported on the lint worker, not before the
    editor is answered: a warm service may give the first diagnostics meanwhile."""

    def __init__(self, engine: Engine | None = None) -> None:
        super().__init__("factlint", lint.__version__)
        self._engine = engine
        self.finder = ConfigFinder()
        self.worker = ThreadPoolExecutor(max_workers=1, thread_name_prefix="factlint-lint")
        self.pending: dict[str, asyncio.Task] = {}
        self.checked: dict[str, Checked] = {}
        self.waiting: dict[str, list[asyncio.Future]] = {}
        self.warned: set[str] = set()
        self.debounce = DEBOUNCE
        self.generation = 0
        self.warm = False
        self.pull = False
        self.watching = False  # the client watches the files we registered
        self.in_use: set[Path] = set()
        self.registered: set[Path] = set()
        self.stamps = watch.Stamps()
        self.poller: asyncio.Task | None = None
        self.tasks: set[asyncio.Future] = set()

    def spawn(self, coro) -> None:
        """Run ``coro`` in the background, keeping a reference until it is done."""
        task = asyncio.ensure_future(coro)
        self.tasks.add(task)
        task.add_done_callback(self.tasks.discard)

    @property
    def engine(self) -> Engine:
        if self._engine is None:
            from lint.engine import Engine
            from lint.languagetool import backend_for

            self._engine = Engine(languagetool=backend_for)
        return self._engine

    # -- linting ------------------------------------------------------------
    def lintable(self, uri: str) -> str | None:
        """The document kind factlint reads ``uri`` as, or None for a file it does not
        check (a configuration or pack the editor shows us so that we hear it saved)."""
        path = Path(to_fs_path(uri) or uri)
        kind = kind_for_path(path)
        if kind:
            return kind
        doc = self.workspace.text_documents.get(uri)
        language = (doc.language_id if doc else None) or ""
        if language in NOT_DRAFTS or path.suffix.lower() in (".yaml", ".yml", ".toml", ".json"):
            return None
        return LANGUAGE_KINDS.get(language, "text")

    def schedule(self, uri: str, delay: float = 0.0) -> None:
        """Lint ``uri`` after ``delay`` seconds, replacing a lint already waiting."""
        waiting = self.pending.pop(uri, None)
        if waiting is not None:
            waiting.cancel()
        if self.lintable(uri) is None:
            return
        self.pending[uri] = asyncio.ensure_future(self._lint_later(uri, delay))

    async def _lint_later(self, uri: str, delay: float) -> None:
        try:
            if delay:
                await asyncio.sleep(delay)
            doc = self.workspace.get_text_document(uri)
            source, version, generation = clean(doc.source), doc.version, self.generation
            kind = self.lintable(uri) or "text"
            loop = asyncio.get_running_loop()
            started = time.time_ns()  # a file in use written since may not be in this lint
            own = loop.run_in_executor(self.worker, self._lint, uri, kind, source)
            if not self.warm:
                self.spawn(self._from_service(uri, kind, source, version, own))
            checked = await own
        except asyncio.CancelledError:
            return
        if checked is None:
            self._wake(uri)  # failed (already reported): a pull gets no diagnostics
            return
        self.warm = True
        checked.version, checked.generation = version, generation
        if self.workspace.get_text_document(uri).version != version:
            return  # the buffer moved on: a newer lint is on its way
        self._track(uri, checked, started)
        self._store(uri, checked)

    async def _from_service(self, uri, kind, source, version, own) -> None:
        """Show the warm service's answer if it comes before our own engine's."""
        path = Path(to_fs_path(uri) or uri)
        loop = asyncio.get_running_loop()
        issues = await loop.run_in_executor(None, warm.check, path, source, kind)
        if (
            issues is None
            or own.done()
            or (uri in self.checked and self.checked[uri].version == version)
        ):
            return
        if self.workspace.get_text_document(uri).version != version:
            return
        try:
            document = parse_document(source, kind)
        except DocumentError:
            return
        file = Linted(str(path), source, document, issues)
        self._store(uri, Checked(version, file, None, self.generation))

    def _store(self, uri: str, checked: Checked) -> None:
        self.checked[uri] = checked
        if not self.pull:
            self.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(
                    uri=uri, version=checked.version, diagnostics=self.diagnostics(checked)
                )
            )
        self._wake(uri)

    def _wake(self, uri: str) -> None:
        for future in self.waiting.pop(uri, []):
            if not future.done():
                future.set_result(None)

    async def current(self, uri: str, timeout: float = 240.0) -> Checked | None:
        """The check of ``uri`` as it is now (linting it at once if it is not yet)."""
        loop = asyncio.get_running_loop()
        deadline = loop.time() + timeout
        while loop.time() < deadline:
            doc = self.workspace.text_documents.get(uri)
            if doc is None or self.lintable(uri) is None:
                return None
            checked = self.checked.get(uri)
            if checked and checked.version == doc.version and checked.generation == self.generation:
                return checked
            future = loop.create_future()
            self.waiting.setdefault(uri, []).append(future)
            task = self.pending.get(uri)
            if task is None or task.done() or self.pull:  # a pulling client: no debounce
                self.schedule(uri)
            try:
                await asyncio.wait_for(future, max(0.1, deadline - loop.time()))
            except TimeoutError:
                return None
            checked = self.checked.get(uri)
            failed = uri not in self.pending or self.pending[uri].done()
            if (checked is None or checked.version != doc.version) and failed:
                return checked  # the lint failed: what there is
        return self.checked.get(uri)

    def _lint(self, uri: str, kind: str, source: str) -> Checked | None:
        from lint.packs import PackError

        path = Path(to_fs_path(uri) or uri)
        try:
            config = self.finder.for_path(path).for_file(path)  # with its per-file-ignores
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
        try:
            sources = tuple(self.engine.ruleset(config).sources)
        except Exception:  # the lint worked; watching is a nicety
            sources = ()
        linted = Linted(str(path), file.source or source, file.document, file.issues)
        return Checked(None, linted, config, self.generation, sources)

    def _lint_with_fallback(self, path: Path, source: str, kind: str, config: Config):
        """Lint; if LanguageTool fails, say so and show factlint's own findings anyway."""
        from lint.languagetool.errors import LanguageToolError
        from lint.runner import lint_source

        try:
            return lint_source(str(path), source, kind, config, self.engine)
        except LanguageToolError as exc:
            self.warn_once(f"LanguageTool is unavailable, grammar not checked: {exc}")
            config = config.replace(languagetool={**config.languagetool, "enabled": False})
            return lint_source(str(path), source, kind, config, self.engine)

    def warm_up(self) -> None:
        """Load spaCy and the workspace's packs before the first draft arrives."""
        from lint.runner import lint_source

        root = Path(to_fs_path(self.workspace.root_uri) or ".") if self.workspace.root_uri else None
        try:
            config = self.finder.for_path((root / "warm-up.txt") if root else None)
            config = config.replace(languagetool={**config.languagetool, "enabled": False})
            lint_source("warm-up.txt", "The server is warm.", "text", config, self.engine)
            self.warm = True
        except Exception:  # a broken configuration is reported when a draft uses it
            log.debug("warm-up failed", exc_info=True)

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

    def at(self, lines: LineIndex, offset: int) -> types.Position:
        return self.position(lines, *lines.position(offset))

    def range_of(self, issue: Issue, lines: LineIndex) -> types.Range:
        return types.Range(
            start=self.position(lines, issue.line, issue.column),
            end=self.position(lines, issue.end_line, issue.end_column),
        )

    def diagnostic(self, issue: Issue, lines: LineIndex) -> types.Diagnostic:
        return types.Diagnostic(
            range=self.range_of(issue, lines),
            message=issue.message,
            severity=SEVERITY[issue.severity],
            code=issue.rule,
            code_description=types.CodeDescription(href=issue.link) if issue.link else None,
            source="factlint" if issue.source == "factlint" else f"factlint ({issue.source})",
            data={
                "replacements": list(issue.replacements),
                "rule": issue.rule,
                **({"via": "service"} if issue.extra.get("via") else {}),
            },
        )

    def diagnostics(self, checked: Checked) -> list[types.Diagnostic]:
        lines = checked.file.document.lines
        return [self.diagnostic(i, lines) for i in checked.file.issues]

    def edit(self, lines: LineIndex, edit: actions.SourceEdit) -> types.TextEdit:
        return types.TextEdit(
            range=types.Range(start=self.at(lines, edit.start), end=self.at(lines, edit.end)),
            new_text=edit.text,
        )

    # -- configuration ------------------------------------------------------
    def reload_config(self) -> None:
        self.finder = ConfigFinder()
        self.generation += 1
        self.warned.clear()
        self.stamps.changed()  # what changed is read now: no second reload for it
        for uri in list(self.workspace.text_documents):
            self.schedule(uri)
        if self.pull:
            self.workspace_diagnostic_refresh(None)

    def uses(self, path: Path) -> bool:
        """Is ``path`` a configuration, pack or word list a check may read?"""
        return watch.is_config_name(path) or path.resolve() in self.in_use

    def _track(self, uri: str, checked: Checked, since: int | None = None) -> None:
        """Remember the files the document's checks read, and have them watched; one
        written since ``since`` (ns) counts as changed, so that the next poll reloads
        (it may have been written after the lint read it)."""
        config = checked.config
        if config is None:
            return
        from lint.packs.loader import shipped_dir

        shipped = shipped_dir().resolve()
        files = {p for p in watch.files_in_use(config, checked.sources) if shipped not in p.parents}
        path = Path(to_fs_path(uri) or uri).resolve()
        stop = config.path.parent.resolve() if config.path else None
        candidates = set()
        for directory in path.parents:  # where a configuration may yet appear
            candidates.update(directory / n for n in (*watch.CONFIG_NAMES, "pyproject.toml"))
            if directory == stop:
                break
        self.in_use |= files
        self.stamps.track(files | candidates, since)
        new = files - self.registered
        if self.watching and new:
            self.registered |= new
            self.spawn(self._register(sorted(self.registered)))

    async def _register(self, files: list[Path]) -> None:
        caps = self.client_capabilities.workspace
        relative = bool(
            caps
            and caps.did_change_watched_files
            and caps.did_change_watched_files.relative_pattern_support
        )
        watchers = [types.FileSystemWatcher(glob_pattern=p) for p in watch.PATTERNS]
        for f in files:
            pattern = (
                types.RelativePattern(base_uri=from_fs_path(str(f.parent)), pattern=f.name)
                if relative
                else str(f)
            )
            watchers.append(types.FileSystemWatcher(glob_pattern=pattern))
        registration = types.Registration(
            id="factlint-watch",
            method=types.WORKSPACE_DID_CHANGE_WATCHED_FILES,
            register_options=types.DidChangeWatchedFilesRegistrationOptions(watchers=watchers),
        )
        try:
            if getattr(self, "_watch_registered", False):
                await self.client_unregister_capability_async(
                    types.UnregistrationParams(
                        [
                            types.Unregistration(
                                "factlint-watch", types.WORKSPACE_DID_CHANGE_WATCHED_FILES
                            )
                        ]
                    )
                )
            await self.client_register_capability_async(types.RegistrationParams([registration]))
            self._watch_registered = True
        except Exception as exc:  # the client refused: look for changes ourselves
            log.info("file watch registration refused: %s", exc)
            self.watching = False
            self._start_polling()

    def _start_polling(self) -> None:
        if self.poller is None or self.poller.done():
            self.poller = asyncio.ensure_future(self._poll())

    async def _poll(self) -> None:
        while True:
            await asyncio.sleep(POLL)
            try:
                if self.stamps.changed():
                    self.reload_config()
            except Exception:  # one bad reload must not end the polling for the session
                log.exception("reloading the configuration failed")

    # -- features -------------------------------------------------------------
    def rule(self, checked: Checked, rule_id: str):
        config = checked.config or self.finder.for_path(Path(checked.file.path))
        for rule in self.engine.ruleset(config).rules:
            if rule.id == rule_id:
                return rule
        return None

    async def hover(self, uri: str, position: types.Position) -> types.Hover | None:
        checked = await self.current(uri, timeout=30)
        if checked is None:
            return None
        lines = checked.file.document.lines
        here = [
            (issue, rng)
            for issue in checked.file.issues
            if _contains(rng := self.range_of(issue, lines), position)
        ]
        if not here:
            return None
        loop = asyncio.get_running_loop()
        source = checked.file.source or ""
        parts = []
        for issue, _ in here:
            rule = await loop.run_in_executor(self.worker, self.rule, checked, issue.rule)
            parts.append(
                hover.markdown(issue, rule, actions.shown(actions.span(source, issue), 60))
            )
        return types.Hover(
            contents=types.MarkupContent(
                kind=types.MarkupKind.Markdown, value="\n\n---\n\n".join(parts)
            ),
            range=here[0][1],
        )

    async def code_actions(self, params: types.CodeActionParams) -> list[types.CodeAction]:
        uri = params.text_document.uri
        checked = await self.current(uri, timeout=60)
        if checked is None:
            return []
        only = params.context.only
        want_fixes = not only or any(k.startswith("quickfix") or k == "" for k in only)
        want_all = not only or any(FIX_ALL.startswith(k) for k in only)
        file = checked.file
        doc, source = file.document, file.source or ""
        lines = doc.lines
        wanted = {(d.code, _key(d.range)) for d in params.context.diagnostics}
        out: list[types.CodeAction] = []
        silenced: set[str] = set()
        if want_fixes:
            for issue in file.issues:
                rng = self.range_of(issue, lines)
                if (issue.rule, _key(rng)) not in wanted and not _overlaps(rng, params.range):
                    continue
                diag = [self.diagnostic(issue, lines)]
                original = actions.span(source, issue)
                for i, e in enumerate(actions.replacements(doc, issue)):
                    out.append(
                        types.CodeAction(
                            title=actions.fix_title(original, e.text),
                            kind=types.CodeActionKind.QuickFix,
                            diagnostics=diag,
                            edit=_changes(uri, [self.edit(lines, e)]),
                            is_preferred=i == 0 and issue.fixable,
                        )
                    )
                word = actions.word_to_accept(source, issue)
                if word:
                    out.append(
                        types.CodeAction(
                            title=f"Add '{word}' to the vocabulary",
                            kind=types.CodeActionKind.QuickFix,
                            diagnostics=diag,
                            command=types.Command(
                                title=f"Add '{word}' to the vocabulary",
                                command=ADD_WORD,
                                arguments=[uri, word],
                            ),
                        )
                    )
                out.append(
                    types.CodeAction(
                        title=f"Disable {issue.rule} on this line",
                        kind=types.CodeActionKind.QuickFix,
                        diagnostics=diag,
                        edit=_changes(uri, [self.edit(lines, actions.disable_line(doc, issue))]),
                    )
                )
                if issue.rule not in silenced:
                    silenced.add(issue.rule)
                    out.append(
                        types.CodeAction(
                            title=f"Disable {issue.rule} in this file",
                            kind=types.CodeActionKind.QuickFix,
                            diagnostics=diag,
                            edit=_changes(
                                uri, [self.edit(lines, actions.disable_file(doc, issue.rule))]
                            ),
                        )
                    )
        if want_all:
            from lint import autofix

            edits = autofix.edits_for(file)
            if edits:
                out.append(
                    types.CodeAction(
                        title=f"Fix all safe factlint issues ({len(edits)})",
                        kind=FIX_ALL,
                        edit=_changes(
                            uri,
                            [
                                self.edit(lines, actions.SourceEdit(e.start, e.end, e.text))
                                for e in edits
                            ],
                        ),
                    )
                )
        return out

    def add_word(self, uri: str, word: str) -> str | None:
        path = Path(to_fs_path(uri) or uri)
        config = self.finder.for_path(path)
        directory = path.parent
        for folder in self.workspace.folders.values():
            root = Path(to_fs_path(folder.uri) or "")
            if root in path.parents:
                directory = root
                break
        else:
            if self.workspace.root_uri:
                root = Path(to_fs_path(self.workspace.root_uri) or "")
                if root in path.parents:
                    directory = root
        try:
            written = accept.add_word(config.path, directory, word)
        except accept.AcceptError as exc:
            self.window_show_message(types.ShowMessageParams(types.MessageType.Error, str(exc)))
            return None
        self.in_use.add(written.resolve())
        self.stamps.track([written.resolve()])
        self.reload_config()
        self.window_log_message(
            types.LogMessageParams(
                types.MessageType.Info, f"factlint: accepted {word!r} in {written}"
            )
        )
        return str(written)


def clean(source: str) -> str:
    """The buffer with each lone surrogate (half an emoji left by an edit) as U+FFFD: one
    code point and one UTF-16 unit for one, so every position stays where it was."""
    return SURROGATE.sub("\ufffd", source) if SURROGATE.search(source) else source


def _key(rng: types.Range) -> tuple[int, int, int, int]:
    return (rng.start.line, rng.start.character, rng.end.line, rng.end.character)


def _pos(p: types.Position) -> tuple[int, int]:
    return (p.line, p.character)


def _contains(rng: types.Range, p: types.Position) -> bool:
    return _pos(rng.start) <= _pos(p) < _pos(rng.end) or _pos(rng.start) == _pos(p)


def _overlaps(a: types.Range, b: types.Range) -> bool:
    if _pos(b.start) == _pos(b.end):  # a cursor: the diagnostics under it
        return _contains(a, b.start)
    return _pos(a.start) < _pos(b.end) and _pos(b.start) < _pos(a.end)


def _changes(uri: str, edits: list[types.TextEdit]) -> types.WorkspaceEdit:
    return types.WorkspaceEdit(changes={uri: edits})


def build(engine: Engine | None = None) -> FactlintServer:
    server = FactlintServer(engine)

    @server.feature(types.INITIALIZE)
    def initialize(ls: FactlintServer, params: types.InitializeParams) -> None:
        """``initializationOptions``: ``{"debounce": seconds}`` (0 to 10) after a change.

        A client that pulls diagnostics and can be told to pull again gets pull only;
        every other client gets them pushed, and no pull provider is announced (an
        editor that does both would show each finding twice)."""
        options = params.initialization_options
        debounce = options.get("debounce") if isinstance(options, dict) else None
        if isinstance(debounce, int | float) and 0 <= debounce <= 10:
            ls.debounce = float(debounce)
        caps = params.capabilities
        pulls = caps.text_document is not None and caps.text_document.diagnostic is not None
        refresh = bool(
            caps.workspace
            and caps.workspace.diagnostics
            and caps.workspace.diagnostics.refresh_support
        )
        ls.pull = pulls and refresh
        if not ls.pull:
            ls.protocol.fm.features.pop(types.TEXT_DOCUMENT_DIAGNOSTIC, None)
            ls.protocol.fm.feature_options.pop(types.TEXT_DOCUMENT_DIAGNOSTIC, None)
        watched = caps.workspace.did_change_watched_files if caps.workspace else None
        ls.watching = bool(watched and watched.dynamic_registration)

    @server.feature(types.INITIALIZED)
    def initialized(ls: FactlintServer, params: types.InitializedParams) -> None:
        if ls.watching:
            ls.spawn(ls._register([]))
        else:
            ls._start_polling()
        asyncio.get_running_loop().run_in_executor(ls.worker, ls.warm_up)

    @server.feature(types.TEXT_DOCUMENT_DID_OPEN)
    def did_open(ls: FactlintServer, params: types.DidOpenTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CHANGE)
    def did_change(ls: FactlintServer, params: types.DidChangeTextDocumentParams) -> None:
        ls.schedule(params.text_document.uri, ls.debounce)

    @server.feature(types.TEXT_DOCUMENT_DID_SAVE)
    def did_save(ls: FactlintServer, params: types.DidSaveTextDocumentParams) -> None:
        path = Path(to_fs_path(params.text_document.uri) or "")
        if ls.uses(path):
            ls.reload_config()
        else:
            ls.schedule(params.text_document.uri)

    @server.feature(types.TEXT_DOCUMENT_DID_CLOSE)
    def did_close(ls: FactlintServer, params: types.DidCloseTextDocumentParams) -> None:
        uri = params.text_document.uri
        waiting = ls.pending.pop(uri, None)
        if waiting:
            waiting.cancel()
        if ls.checked.pop(uri, None) is not None and not ls.pull:
            ls.text_document_publish_diagnostics(
                types.PublishDiagnosticsParams(uri=uri, diagnostics=[])
            )
        ls._wake(uri)

    @server.feature(types.WORKSPACE_DID_CHANGE_WATCHED_FILES)
    def watched(ls: FactlintServer, params: types.DidChangeWatchedFilesParams) -> None:
        ls.reload_config()

    @server.feature(types.WORKSPACE_DID_CHANGE_CONFIGURATION)
    def configuration(ls: FactlintServer, params: types.DidChangeConfigurationParams) -> None:
        ls.reload_config()

    @server.feature(types.TEXT_DOCUMENT_HOVER)
    async def on_hover(ls: FactlintServer, params: types.HoverParams) -> types.Hover | None:
        return await ls.hover(params.text_document.uri, params.position)

    @server.feature(
        types.TEXT_DOCUMENT_CODE_ACTION,
        types.CodeActionOptions(code_action_kinds=[types.CodeActionKind.QuickFix, FIX_ALL]),
    )
    async def code_action(ls: FactlintServer, params: types.CodeActionParams):
        return await ls.code_actions(params)

    @server.command(ADD_WORD)
    def add_word(ls: FactlintServer, uri: str, word: str) -> str | None:
        return ls.add_word(uri, word)

    @server.feature(
        types.TEXT_DOCUMENT_DIAGNOSTIC,
        types.DiagnosticOptions(
            identifier="factlint", inter_file_dependencies=False, workspace_diagnostics=False
        ),
    )
    async def pull(ls: FactlintServer, params: types.DocumentDiagnosticParams):
        checked = await ls.current(params.text_document.uri)
        items = ls.diagnostics(checked) if checked else []
        result_id = f"{checked.generation}:{checked.version}" if checked else None
        if result_id and params.previous_result_id == result_id:
            return types.RelatedUnchangedDocumentDiagnosticReport(result_id=result_id)
        return types.RelatedFullDocumentDiagnosticReport(items=items, result_id=result_id)

    return server


def main() -> None:
    logging.basicConfig(level=logging.WARNING)
    build().start_io()
