"""Texts → LanguageTool requests → factlint Findings, with one restart-and-retry.

The engine calls ``check_many(texts)``. Each text is cut at blank lines into
paragraphs; a paragraph seen before is answered from a cache (an editor
re-checks one edited paragraph, not the draft); the others are packed into
requests of a few thousand characters that go to the server through a small
thread pool, and the matches come back as Findings with offsets into the
original text, in order.

language-tool-python is the client: ``remote_server=`` points it at our own
server (its launcher waits a hard-coded 15 s, LanguageTool's first start can
take longer), it validates the language against the server and builds the
request parameters from the rule selection. Two things are done here instead:

- the POST itself, through one ``requests.Session`` per thread, so a dead
  server (connection refused) is told apart from a slow one (timeout) and the
  managed server is reached without any HTTP proxy from the environment;
- offsets: LanguageTool counts UTF-16 code units, Python code points, and
  language-tool-python's ``Match`` converts offsets but not lengths, through
  class attributes shared by all threads.

Accepted vocabulary is applied here: a speller's match on an accepted word
(or a word of an accepted multi-word name, with or without a possessive) is
dropped. The HTTP API's own user dictionaries need a database server.

If the managed server dies mid-run, the first request that cannot connect
restarts it (``server.recover``) and is retried once; a second failure raises
LanguageToolError. Nothing here ever returns "no findings" for a text that
was not checked.
"""

from __future__ import annotations

import bisect
import itertools
import re
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import language_tool_python
import requests
from language_tool_python.exceptions import LanguageToolError as LTPError

from lint import diskcache
from lint.cache import LRU
from lint.diskcache import DiskCache
from lint.findings import Finding
from lint.languagetool import categories, pieces, server, suggest
from lint.languagetool.errors import LanguageToolError
from lint.languagetool.settings import LanguageToolSettings

CHUNK_CHARS = (
    2000  # per request: a 1,000-word draft keeps both cores busy (measured: 4000 is slower)
)
MAX_REPLACEMENTS = 5
STUCK_AFTER = 2
"""Pieces that time out alone before the server is taken to be stuck (one slow piece is
that piece's; a second means nothing will be answered: the rest is not sent)."""
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")
PARAGRAPH_END = re.compile(r"\n[ \t]*\n\s*$")
SEPARATOR = "\n\n"
CACHE_SIZE = 20_000  # paragraphs whose findings are kept between runs
POSSESSIVE = re.compile(r"[’']s?$")


@dataclass(frozen=True)
class Piece:
    """A paragraph-sized slice of one text: ``text[start:start + len(body)]``."""

    index: int
    start: int
    body: str


def paragraph_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) spans covering ``text``, one per paragraph with the blank line after it."""
    cuts = [0, *(m.end() for m in PARAGRAPH_BREAK.finditer(text)), len(text)]
    return [(a, b) for a, b in itertools.pairwise(cuts) if b > a]


def pack(bodies: list[str], limit: int = CHUNK_CHARS) -> list[tuple[str, list[int]]]:
    """Paragraphs packed into requests of about ``limit`` characters: each request's
    text and where each of its paragraphs starts in it. A paragraph that does not end
    in a blank line is sent with one, so two paragraphs never run together."""
    requests_: list[tuple[list[str], list[int]]] = []
    size = limit
    for body in bodies:
        if size + len(body) > limit and size:
            requests_.append(([], []))
            size = 0
        texts, starts = requests_[-1]
        starts.append(size)
        texts.append(body if PARAGRAPH_END.search(body) else body + SEPARATOR)
        size += len(texts[-1])
    return [("".join(texts), starts) for texts, starts in requests_]


def utf16_to_index(text: str) -> Callable[[int], int] | None:
    """Map a UTF-16 offset into ``text`` to a code point index; None when they agree."""
    if text.isascii() or all(ord(c) < 0x10000 for c in text):
        return None
    starts: list[int] = []  # starts[i] = UTF-16 offset of code point i
    pos = 0
    for ch in text:
        starts.append(pos)
        pos += 2 if ord(ch) >= 0x10000 else 1
    starts.append(pos)

    def convert(offset16: int) -> int:
        import bisect

        return min(bisect.bisect_left(starts, offset16), len(text))

    return convert


def accepted_tokens(words: frozenset[str] | set[str]) -> frozenset[str]:
    """Lower-cased accepted words plus every word of accepted multi-word names."""
    tokens: set[str] = set()
    for entry in words:
        entry = entry.strip().lower()
        if entry:
            tokens.add(entry)
            tokens.update(t for t in re.split(r"[\s\-‐–]+", entry) if t)
    return frozenset(tokens)


def is_accepted(covered: str, tokens: frozenset[str]) -> bool:
    """True when every word of ``covered`` is accepted (possessive 's ignored)."""
    covered = covered.strip().lower()
    if not covered or not tokens:
        return False
    if covered in tokens or POSSESSIVE.sub("", covered) in tokens:
        return True
    parts = [POSSESSIVE.sub("", p) for p in re.split(r"[\s\-‐–]+", covered) if p]
    return bool(parts) and all(p in tokens for p in parts)


class _Client(language_tool_python.LanguageTool):
    """language-tool-python bound to one server; the POST is ours (see module docstring)."""

    def __init__(self, url: str, settings: LanguageToolSettings, direct: bool) -> None:
        self._TIMEOUT = settings.request_timeout  # its own requests (the language list) too
        super().__init__(
            language=settings.language,
            remote_server=url,
            proxies={"http": None, "https": None} if direct else None,  # type: ignore[dict-item]
        )
        self.picky = settings.picky
        self.enabled_rules = set(settings.enabled_rules)
        self.disabled_rules = set(settings.effective_disabled_rules)
        self.enabled_categories = set(settings.enabled_categories)
        self.disabled_categories = set(settings.disabled_categories)
        self.direct = direct
        self.timeout = settings.request_timeout
        self._sessions = threading.local()

    def _session(self) -> requests.Session:
        session = getattr(self._sessions, "session", None)
        if session is None:
            session = requests.Session()
            session.trust_env = not self.direct
            self._sessions.session = session
        return session

    def check_raw(self, text: str) -> list[dict]:
        """The server's matches for ``text`` as JSON objects (offsets in UTF-16 units)."""
        response = self._session().post(
            f"{self.url}check", data=self._create_params(text), timeout=self.timeout
        )
        if response.status_code != 200:
            first = (response.text.strip().splitlines() or [""])[0][:200]
            # 5xx (LanguageTool's own failure on this text, its time limit) and 413 (too
            # long) lose this request's texts; anything else (404: another program) all
            failed = (
                _PieceError
                if response.status_code >= 500 or response.status_code == 413
                else LanguageToolError
            )
            raise failed(
                f"LanguageTool at {self.url} answered HTTP {response.status_code}: {first}"
            )
        try:
            matches = response.json()["matches"]
        except (ValueError, KeyError, TypeError):
            matches = None
        if not isinstance(matches, list) or not all(isinstance(m, dict) for m in matches):
            raise LanguageToolError(
                f"LanguageTool at {self.url} sent an answer that is not a check result"
            )
        return matches


class _Unreachable(Exception):
    """A request could not connect: the server is gone (or not there yet)."""


class _PieceError(LanguageToolError):
    """The server could not check one request (an error answer, or no answer in time):
    only the texts in it go unchecked."""

    def __init__(self, message: str, timed_out: bool = False) -> None:
        super().__init__(message)
        self.timed_out = timed_out


Key = tuple[str, bool, bool]
"""A piece as cached: its text, and whether it starts and ends at a cut (pieces.Part)."""
Unit = tuple[str, "list[dict] | str", list[int], list[int]]
"""One request's text, its matches (or why there are none), and which pieces it holds,
starting where in it."""


class Checked(list):
    """``check_many``'s findings per text, and ``failed``: text index → where the first
    piece LanguageTool did not check starts, and why."""

    def __init__(self, items=()) -> None:
        super().__init__(items)
        self.failed: dict[int, tuple[int, str]] = {}


class LanguageToolBackend:
    """The engine's LanguageTool: ``check_many(texts) -> list[list[Finding]]``.

    With ``settings.url`` it uses that server and installs and starts nothing;
    otherwise it uses (and if need be installs and starts) the per-user server.
    """

    def __init__(
        self, settings: LanguageToolSettings, say: Callable[[str], None] | None = None
    ) -> None:
        self.settings = settings
        self.say = say or server._stderr
        self._accepted = accepted_tokens(settings.accepted_words)
        self._lock = threading.Lock()
        self._state: server.ServerState | None = None
        self._client: _Client | None = None
        self._cache = LRU(CACHE_SIZE)
        self.disk: DiskCache | None = None
        """The on-disk result cache the engine lends for a run: pieces' answers are kept
        there too, so a restarted service or a new process does not ask again."""

    # -- connection ------------------------------------------------------------------

    def _connect(self) -> _Client:
        with self._lock:
            if self._client is None:
                if self.settings.external:
                    url, direct = self.settings.url or "", False
                else:
                    self._state = server.ensure_server(self.settings, self.say)
                    url, direct = self._state.url, True
                self._client = self._new_client(url, direct)
            return self._client

    def _new_client(self, url: str, direct: bool) -> _Client:
        try:
            return _Client(url, self.settings, direct)
        except LTPError as exc:
            if "timed out" in str(exc).lower():  # it listens but does not answer
                raise LanguageToolError(
                    f"LanguageTool at {url} did not answer within "
                    f"{self.settings.request_timeout:g} s (languagetool.request_timeout)"
                ) from None
            raise _Unreachable(str(exc)) from exc
        except ValueError as exc:  # the server does not know the language
            raise LanguageToolError(f"LanguageTool at {url}: {exc}") from None

    def _recover(self, failed: _Client | None) -> _Client:
        """Replace a client whose server stopped answering; restart a managed server."""
        with self._lock:
            if self._client is not None and self._client is not failed:
                return self._client  # another thread already recovered
            self._client = None
            if self.settings.external:
                self._client = self._new_client(self.settings.url or "", False)
            else:
                if self._state is None:
                    self._state = server.ensure_server(self.settings, self.say)
                else:
                    self._state = server.recover(self.settings, self._state, self.say)
                self._client = self._new_client(self._state.url, True)
            return self._client

    # -- checking --------------------------------------------------------------------

    def _post(self, client: _Client, text: str) -> list[dict]:
        try:
            return client.check_raw(text)
        except requests.exceptions.ConnectionError as exc:
            raise _Unreachable(_one_line(exc)) from exc
        except requests.exceptions.Timeout:
            raise _PieceError(
                f"LanguageTool at {client.url} did not answer within "
                f"{self.settings.request_timeout:.0f} s (languagetool.request_timeout)",
                timed_out=True,
            ) from None
        except requests.exceptions.RequestException as exc:
            raise LanguageToolError(f"LanguageTool at {client.url}: {_one_line(exc)}") from None

    def _check_piece(self, piece: Piece) -> list[dict]:
        client: _Client | None = None
        try:
            client = self._connect()
            return self._post(client, piece.body)
        except _Unreachable as first:
            try:
                return self._post(self._recover(client), piece.body)
            except _Unreachable as second:
                where = self.settings.url or "the local LanguageTool server"
                log = "" if self.settings.external else f" (log: {self.settings.state}/server.log)"
                raise LanguageToolError(
                    f"{where} is not answering, also after a retry: {second or first}{log}"
                ) from None

    def check_many(self, texts: list[str]) -> Checked:
        """Findings for each text, in order; ``.failed`` names the texts LanguageTool
        could not check (a piece of them answered with an error or timed out), which
        keep the findings of their other pieces. Raises LanguageToolError when the
        server cannot be reached at all or answers nonsense: never "no findings" for
        a text that was not checked.

        Texts are cut into paragraphs, long ones into pieces (``pieces.parts``); a
        piece checked before (by this backend, so with the same settings) is answered
        from the cache, the others are sent packed into requests of about CHUNK_CHARS,
        several at once.
        """
        where = [
            (i, part.start, (text[part.start : part.end], part.cut_before, part.cut_after))
            for i, text in enumerate(texts)
            for part in pieces.parts(text)
        ]
        known: dict[Key, list[Finding] | None] = {}
        todo: list[Key] = []
        for _, _, key in where:
            if key not in known:
                known[key] = self._cache.get(key, None)
                if known[key] is None and self.disk is not None:
                    known[key] = self._recall(key)
                if known[key] is None:
                    todo.append(key)
        failures: dict[Key, str] = {}
        if todo:
            found, failures = self._check_paragraphs(todo)
            known.update(found)
        results = Checked([] for _ in texts)
        for i, start, key in where:
            if key in failures:
                results.failed.setdefault(i, (start, failures[key]))
                continue
            results[i].extend(replace(f, offset=f.offset + start) for f in known[key] or ())
        return results

    def _check_paragraphs(self, keys: list[Key]) -> tuple[dict[Key, list[Finding]], dict[Key, str]]:
        """Findings of each piece (offsets from its start; cached), and why the pieces
        that could not be checked were not."""
        masked = [pieces.mask(*key) for key in keys]
        sendable = [k for k, m in enumerate(masked) if m.text.strip()]
        packed = pack([masked[k].text for k in sendable])
        groups, members = [], iter(sendable)
        for _, starts in packed:
            groups.append([next(members) for _ in starts])
        if not self.settings.external:
            server.touch(self.settings)
        timeouts = itertools.count(1)  # a second piece timing out alone: the server is stuck
        stalled = threading.Event()  # ...and the rest is not sent

        def ask(text: str, group: list[int], starts: list[int]) -> list[Unit]:
            """The answer to one request; when it fails and holds several pieces, each
            piece asked alone, so only the one LanguageTool cannot check is lost."""
            if stalled.is_set():
                return [(text, "not sent: LanguageTool had stopped answering", group, starts)]
            try:
                return [(text, self._check_piece(Piece(0, 0, text)), group, starts)]
            except _PieceError as exc:
                if len(group) == 1:
                    if exc.timed_out and next(timeouts) >= STUCK_AFTER:
                        stalled.set()
                    return [(text, str(exc), group, starts)]
            alone = [masked[k].text + SEPARATOR for k in group]
            return [u for k, t in zip(group, alone, strict=True) for u in ask(t, [k], [0])]

        workers = max(1, min(self.settings.workers, len(packed)))
        jobs = [(text, group, starts) for (text, starts), group in zip(packed, groups, strict=True)]
        if workers == 1:
            answers = [ask(*job) for job in jobs]
        else:
            with ThreadPoolExecutor(workers, thread_name_prefix="languagetool") as pool:
                answers = list(pool.map(lambda job: ask(*job), jobs))
        if not self.settings.external:
            server.touch(self.settings)
        found: dict[Key, list[Finding]] = {key: [] for key in keys}
        failed: dict[Key, str] = {}
        for text, answer, group, starts in (unit for units in answers for unit in units):
            if isinstance(answer, str):
                failed.update((keys[k], answer) for k in group)
                continue
            for f in self._findings_of_answer(Piece(0, 0, text), answer):
                j = bisect.bisect_right(starts, f.offset) - 1
                m = masked[group[j]]
                if f.offset + f.length > starts[j] + len(m.text):
                    continue  # across two paragraphs
                a = m.original(f.offset - starts[j])
                b = max(a, m.original(f.offset - starts[j] + f.length))
                if not m.is_quiet(a, b):
                    fixable = f.fixable and not m.changed(a, b)
                    found[keys[group[j]]].append(
                        replace(f, offset=a, length=b - a, fixable=fixable)
                    )
        for key in keys:
            if key not in failed:
                self._cache.put(key, found[key])
                if self.disk is not None:
                    self.disk.put(self._disk_key(key), [_encode(f) for f in found[key]])
        return found, failed

    def _disk_key(self, key: Key) -> str:
        fingerprint = diskcache.code_fingerprint()
        return diskcache.digest("languagetool", fingerprint, self.settings.key(), key)

    def _recall(self, key: Key) -> list[Finding] | None:
        """A piece's findings from the on-disk cache (kept in memory too), or None."""
        stored = self.disk.get(self._disk_key(key)) if self.disk is not None else None
        if not isinstance(stored, list):
            return None
        try:
            found = [Finding(**{**f, "replacements": tuple(f["replacements"])}) for f in stored]
        except (KeyError, TypeError):
            return None
        self._cache.put(key, found)
        return found

    def check(self, text: str) -> list[Finding]:
        """Findings for one text."""
        return self.check_many([text])[0]

    def _findings_of_answer(self, piece: Piece, matches: list[dict]) -> list[Finding]:
        try:
            return self.findings(piece, matches)
        except (KeyError, TypeError, ValueError, AttributeError):
            where = self.settings.url or "the local LanguageTool server"
            raise LanguageToolError(
                f"LanguageTool at {where} sent an answer that is not a check result "
                "(matches of an unexpected shape)"
            ) from None

    def findings(self, piece: Piece, matches: list[dict]) -> list[Finding]:
        """Matches of one piece → Findings in offsets of the whole text."""
        convert = utf16_to_index(piece.body)
        found = []
        for match in matches:
            finding = self._finding(piece, match, convert)
            if finding is not None:
                found.append(finding)
        return found

    def _finding(
        self, piece: Piece, match: dict, convert: Callable[[int], int] | None
    ) -> Finding | None:
        rule = match.get("rule") or {}
        rule_id = str(rule.get("id", "UNKNOWN"))
        category_id = (rule.get("category") or {}).get("id")
        issue_type = rule.get("issueType")
        start16, length16 = int(match["offset"]), int(match["length"])
        if convert is None:
            start, end = start16, start16 + length16
        else:
            start, end = convert(start16), convert(start16 + length16)
        covered = piece.body[start:end]
        if categories.is_misspelling(rule_id, category_id, issue_type) and is_accepted(
            covered, self._accepted
        ):
            return None
        replacements = tuple(
            str(r["value"]) for r in (match.get("replacements") or [])[:MAX_REPLACEMENTS]
        )
        if suggest.is_placeholder(replacements):  # maxSpellingSuggestions=-1: see suggest
            replacements = suggest.replacements(covered, self.settings.jars, self.settings.language)
        category = categories.category_for(rule_id, category_id, issue_type)
        urls = rule.get("urls") or []
        return Finding(
            offset=piece.start + start,
            length=end - start,
            message=" ".join(str(match.get("message", "")).split()),
            replacements=replacements,
            rule=categories.RULE_PREFIX + rule_id,
            category=category,
            severity=categories.severity_for(category, rule_id, covered, replacements),
            link=urls[0].get("value") if urls and isinstance(urls[0], dict) else None,
            fixable=categories.is_safe_fix(rule_id, replacements),
        )


def _one_line(exc: BaseException) -> str:
    text = " ".join(str(exc).split())
    reason = re.search(r"\[Errno -?\d+\] [^')\]]+", text)
    return reason.group(0) if reason else text[:200]


def _encode(f: Finding) -> dict:
    return {**asdict(f), "replacements": list(f.replacements)}


_backends: dict[tuple, LanguageToolBackend] = {}
_backends_lock = threading.Lock()


def backend_factory(config: object) -> LanguageToolBackend:
    """The engine's factory: one backend per distinct settings in this process.

    Raises LanguageToolError (the CLI prints it and exits 2) for a bad
    ``languagetool:`` section.
    """
    try:
        settings = LanguageToolSettings.from_config(config)
    except ValueError as exc:
        where = getattr(config, "path", None)
        raise LanguageToolError(f"{where}: {exc}" if where else str(exc)) from None
    key = settings.key()
    with _backends_lock:
        if key not in _backends:
            _backends[key] = LanguageToolBackend(settings)
        return _backends[key]


def abandon_starting_servers() -> None:
    """Stop the LanguageTool servers this process launched that no state file names yet:
    a start cut short (Ctrl-C) leaves a server nothing could find or stop."""
    for pid, proc in list(server._children.items()):
        if proc.poll() is not None:
            continue
        args = server._cmdline(pid) or []
        if server.MAIN_CLASS not in args or "--config" not in args:
            continue
        state_dir = Path(args[args.index("--config") + 1]).parent
        state = server.read_state(state_dir)
        if state is None or state.pid != pid:
            proc.kill()
