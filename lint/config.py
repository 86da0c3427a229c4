"""Configuration: discovery (``.factlint.yaml``, ``[tool.factlint]``), validation, overrides.

A file's configuration is the first ``.factlint.yaml``/``.factlint.yml`` or
``pyproject.toml`` with a ``[tool.factlint]`` table found from its directory
upward; ``--config`` names one for every file; with none, the defaults apply.
Command-line flags override whatever was found.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import fnmatch
import os
import stat
from dataclasses import dataclass, field
from pathlib import Path

import regex
import tomllib

from lint import workdir
from lint.document.dates import out_of_range, parse_pubdate
from lint.document.reader import ConfigReadError, read_config_bytes
from lint.findings import SEVERITIES
from lint.packs.loader import is_shipped_pack, shipped_names
from lint.packs.yamlpos import Mark, YAMLError, decode_utf8, load, mark_of
from lint.vocabulary import WordListError, read_wordlist

CONFIG_NAMES = (".factlint.yaml", ".factlint.yml")
LANGUAGES = ("en-US", "en-GB", "en-AU", "en-CA", "en-NZ", "en-ZA")
DEFAULT_PACKS = (
    "typography", "idioms", "confusables", "boilerplate", "style", "typos", "dates", "names",
    "people", "world", "events",
)  # fmt: skip
SIZE = regex.compile(r"(?i)\s*(\d+(?:\.\d+)?)\s*(b|kb|k|mb|m|gb|g)?\s*")
UNITS = {
    None: 1,
    "b": 1,
    "k": 1024,
    "kb": 1024,
    "m": 1 << 20,
    "mb": 1 << 20,
    "g": 1 << 30,
    "gb": 1 << 30,
}


class ConfigError(Exception):
    """A configuration that cannot be used; str() is ``file:line:col: what is wrong``."""


@dataclass
class Config:
    """Settings for linting one group of files."""

    path: Path | None = None
    root: Path = field(default_factory=Path.cwd)
    packs: list[str] = field(default_factory=lambda: list(DEFAULT_PACKS))
    select: list[str] = field(default_factory=lambda: ["*"])
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    language: str = "en-US"
    pubdate: dt.date | None = None
    fail_on: str = "warning"
    accept: list[str] = field(default_factory=list)
    reject: dict[str, str] = field(default_factory=dict)
    languagetool: dict = field(default_factory=dict)
    spacy_model: str | None = None
    max_file_size: int = 5 << 20
    exclude: list[str] = field(default_factory=list)
    extend_packs: list[str] = field(default_factory=list)
    per_file_ignores: dict[str, list[str]] = field(default_factory=dict)
    command_exclude: tuple[Path, list[str]] | None = None  # --exclude, relative to the cwd
    cache: bool = True  # the on-disk result cache (lint.diskcache); --no-cache: False
    cache_dir: Path | None = None  # cache-dir: None is beside the per-user cache
    written: dict[str, list[tuple[str, object]]] = field(
        default_factory=dict, repr=False, compare=False
    )
    """Where each setting was written: key → [(``file:line:col``, the value as read,
    with its items' positions)], base configurations first (``factlint config`` and the
    positioned errors for unknown rule ids read it)."""

    def rule_enabled(self, rule_id: str) -> bool:
        """Selected by ``select`` and not ignored; the longest matching glob wins."""
        sel = _best(rule_id, self.select)
        ign = _best(rule_id, self.ignore)
        if sel is None:
            return False
        return ign is None or len(sel) > len(ign)

    def speaks(self, rule) -> bool:
        """Is the rule written for this configuration's language variety (``languages:``
        of the rule), or named by id in ``select``? AP's "Dec. 13" is not pushed onto
        en-AU copy unless the desk asks for it."""
        return not rule.languages or self.language in rule.languages or rule.id in self.select

    def severity_for(self, rule_id: str, default: str) -> str:
        best = _best(rule_id, list(self.severity))
        return self.severity[best] if best is not None else default

    @property
    def languagetool_enabled(self) -> bool:
        return bool(self.languagetool.get("enabled", True))

    def excluded(self, path: Path) -> bool:
        """Skipped by ``exclude`` (relative to this file) or ``--exclude`` (to the cwd)?"""
        cwd, globs = self.command_exclude or (self.root, [])
        return path_matches(path, self.root, self.exclude) or path_matches(path, cwd, globs)

    def for_file(self, path: Path | None) -> Config:
        """This configuration with the ``per-file-ignores`` whose globs match ``path``
        added to ``ignore`` (the same object when none does, so files still batch)."""
        if path is None or not self.per_file_ignores:
            return self
        extra = [
            sel
            for glob, selectors in self.per_file_ignores.items()
            if path_matches(path, self.root, [glob])
            for sel in selectors
        ]
        if not extra:
            return self
        key = tuple(extra)
        memo = self.__dict__.setdefault("_per_file", {})
        if key not in memo:
            memo[key] = self.replace(ignore=[*self.ignore, *extra], per_file_ignores={})
        return memo[key]

    def replace(self, **changes) -> Config:
        return dataclasses.replace(self, **changes)


def path_matches(path: Path, root: Path, globs: list[str]) -> bool:
    """Does a glob match ``path`` relative to ``root``, its name, or a directory it is in
    (``archive`` and ``archive/*`` both take ``archive/2019/a.md``)?"""
    if not globs:
        return False
    try:
        rel = path.resolve().relative_to(root.resolve()).as_posix()
    except ValueError:
        rel = path.as_posix()
    parts = rel.split("/")
    candidates = [rel, path.name, *("/".join(parts[:n]) for n in range(1, len(parts)))]
    return any(fnmatch.fnmatch(c, g.rstrip("/") or g) for g in globs for c in candidates)


def _best(rule_id: str, globs: list[str]) -> str | None:
    """The most specific glob matching ``rule_id`` (a pack name alone matches its rules)."""
    hits = [g for g in globs if fnmatch.fnmatchcase(rule_id, g) or rule_id.startswith(g + ".")]
    return max(hits, key=lambda g: (len(g.replace("*", "")), len(g))) if hits else None


# -- reading --------------------------------------------------------------------

_KEYS = {
    "extends", "packs", "select", "ignore", "severity", "language", "pubdate", "fail-on",
    "vocabulary", "languagetool", "spacy", "max-file-size", "exclude", "extend-packs",
    "per-file-ignores", "cache-dir",
}  # fmt: skip
_REPLACED = {
    "packs": "packs", "select": "select", "ignore": "ignore", "exclude": "exclude",
    "language": "language", "pubdate": "pubdate", "fail-on": "fail_on", "spacy": "spacy_model",
    "max-file-size": "max_file_size", "per-file-ignores": "per_file_ignores",
    "cache-dir": "cache_dir",
}  # fmt: skip
"""Settings a configuration takes whole from its base unless it sets them itself."""


def load_config(path: Path, trusted: bool = True) -> Config:
    """Read one configuration file (YAML, or a pyproject.toml with [tool.factlint]),
    with the configurations it ``extends``. ``trusted``: the user named it (``--config``);
    a configuration found beside the drafts may not set MACHINE_SETTINGS. A rule id,
    glob or pack name that matches no rule is an error where it was written."""
    config = _load(Path(path), (), trusted)[0]
    check_rule_references(config)
    return config


def _read(path: Path, cite: str | None = None) -> object:
    """The parsed content of a configuration file (None-free: an empty file is {}).

    ``cite`` is where the file was named (``.factlint.yaml:1:10: extends: base.yaml``),
    so an unreadable base is reported there; by default the file itself is."""
    try:
        raw = read_config_bytes(path)
    except ConfigReadError as exc:
        if cite:
            raise ConfigError(f"{cite} {exc}") from None
        raise ConfigError(f"{path}: cannot read configuration: it {exc}") from None
    try:
        text = decode_utf8(raw, str(path))
    except YAMLError as exc:
        raise ConfigError(str(exc)) from None
    if path.name == "pyproject.toml":
        try:
            return _factlint_table(tomllib.loads(text))
        except tomllib.TOMLDecodeError as exc:
            raise ConfigError(_toml_error(path, exc)) from None
    try:
        data = load(text, str(path))
    except YAMLError as exc:
        raise ConfigError(str(exc)) from None
    return {} if data is None else data


def _factlint_table(parsed: dict) -> object:
    tool = parsed.get("tool", {})
    return tool.get("factlint", {}) if isinstance(tool, dict) else {}


def _toml_error(path: Path, exc: tomllib.TOMLDecodeError) -> str:
    """``file:line:col: reason`` from tomllib's "reason (at line L, column C)"."""
    m = regex.fullmatch(r"(?s)(.*?) \(at line (\d+), column (\d+)\)", str(exc))
    if m:
        return f"{path}:{m.group(2)}:{m.group(3)}: {m.group(1)}"
    return f"{path}: {exc}"


def _load(
    path: Path, chain: tuple[Path, ...], trusted: bool, cite: str | None = None
) -> tuple[Config, set[str]]:
    """The configuration in ``path`` over its bases, and the keys set along the way.

    ``chain`` holds the files that extend this one, to tell a loop; ``cite`` where it
    was named, if it is a base."""
    data = _read(path, cite)
    here = (*chain, path.resolve())
    merged: tuple[Config, set[str]] | None = None
    if isinstance(data, dict) and "extends" in data:
        for spec, where in _extends(data, path):
            base = (path.parent / Path(spec).expanduser()).resolve()
            if base in here:
                loop = [*here[here.index(base) :], base]
                names = " → ".join(_display(p, here[0].parent) for p in loop)
                raise ConfigError(f"{where}: extends loop: {names}")
            if not base.exists():
                raise ConfigError(f"{where}: extends: no such configuration file {spec!r} ({base})")
            if base.is_dir():
                raise ConfigError(
                    f"{where}: extends: {spec!r} is a directory, not a configuration file"
                )
            config, keys = _load(base, here, trusted, f"{where}: extends: {spec}")
            if merged is not None:  # a later base over the earlier ones
                config, keys = _merge(merged[0], config, keys), merged[1] | keys
            merged = config, keys
    own, keys = from_dict(data, path, trusted), set(data) - {"extends"}
    if merged is None:
        return own, keys
    return _merge(merged[0], own, keys), merged[1] | keys


def _extends(data: dict, path: Path) -> list[tuple[str, Mark | str]]:
    """The ``extends`` entries with where each was written."""
    value = data["extends"]
    positioned = path.name != "pyproject.toml"
    at_value = mark_of(data, "extends", Mark(str(path), 1, 1)) if positioned else str(path)
    items = value if isinstance(value, list) else [value]
    if not items or not all(isinstance(v, str) and v.strip() for v in items):
        raise ConfigError(
            f"{at_value}: `extends` must be the path of a configuration file, or a list of them"
        )
    if not isinstance(value, list):
        return [(value, at_value)]
    return [(v, mark_of(value, i, None) if positioned else str(path)) for i, v in enumerate(items)]


def _display(path: Path, start: Path) -> str:
    try:
        return path.relative_to(start).as_posix()
    except ValueError:
        return str(path)


def _merge(base: Config, child: Config, keys: set[str]) -> Config:
    """``child`` (which set ``keys``) over ``base``: mappings merge key by key, accepted
    words add up, every other setting the child sets replaces the base's. Packs the base
    names by path stay relative to the base's own directory."""
    merged = dataclasses.replace(
        base,
        path=child.path,
        root=child.root,
        packs=[_pack_from(spec, base.root) for spec in base.packs],
        severity=dict(base.severity),
        languagetool=dict(base.languagetool),
        accept=list(base.accept),
        reject=dict(base.reject),
    )
    merged.written = {k: list(v) for k, v in base.written.items()}
    for key, entries in child.written.items():
        merged.written[key] = (
            [*merged.written.get(key, []), *entries] if key in _MERGED else list(entries)
        )
    for key, attr in _REPLACED.items():
        if key in keys:
            setattr(merged, attr, getattr(child, attr))
    if "extend-packs" in keys and "packs" not in keys:
        merged.packs = list(dict.fromkeys([*merged.packs, *child.extend_packs]))
        merged.written["packs"] = [
            *merged.written.get("packs", []),
            *child.written.get("extend-packs", []),
        ]
    if "severity" in keys:
        merged.severity.update(child.severity)
    if "languagetool" in keys:
        merged.languagetool.update(child.languagetool)
    if "vocabulary" in keys:
        merged.accept = list(dict.fromkeys([*base.accept, *child.accept]))
        merged.reject.update(child.reject)
    return merged


_MERGED = {"severity", "languagetool", "vocabulary"}
"""Settings a configuration adds to its base's key by key."""


DEFAULT_KEYWORD = "default"
"""In ``packs:``, the packs factlint runs by default (``packs: [default, ./house.yaml]``)."""


def _expand_packs(packs: list[str], extend: list[str]) -> list[str]:
    """``packs`` with ``default`` spelt out, then ``extend-packs``; each pack once."""
    out: list[str] = []
    for spec in [*packs, *extend]:
        out.extend(DEFAULT_PACKS if spec == DEFAULT_KEYWORD else [spec])
    return list(dict.fromkeys(out))


def check_rule_references(config: Config) -> None:
    """ConfigError at the first ``select``, ``ignore``, ``severity`` or
    ``per-file-ignores`` entry that names no known rule or pack, with the closest ids."""
    from lint.packs.catalog import known, problem

    ids, names = known(config.packs, config.root)
    for key in ("select", "ignore", "severity", "per-file-ignores"):
        entries = config.written.get(key, [])
        for where, value in entries[-1:] if key in _REPLACED else entries:
            for selector, at in _selectors(key, value, where):
                why = problem(selector, ids, names)
                if why:
                    raise ConfigError(f"{at}: {key}: {why}")


def _selectors(key: str, value: object, where: str):
    """(selector, where it was written) for each rule reference of one setting."""
    positioned = ":" in where and not where.endswith("pyproject.toml")
    if key in ("select", "ignore") and isinstance(value, list):
        for i, sel in enumerate(value):
            yield sel, (mark_of(value, i, None) if positioned else None) or where
    elif key == "severity" and isinstance(value, dict):
        for sel in value:
            yield (
                str(sel),
                (mark_of(value, sel, None, at_key=True) if positioned else None) or where,
            )
    elif key == "per-file-ignores" and isinstance(value, dict):
        for selectors in value.values():
            for i, sel in enumerate(selectors if isinstance(selectors, list) else []):
                yield sel, (mark_of(selectors, i, None) if positioned else None) or where


def _pack_from(spec: str, root: Path) -> str:
    """A pack spec of a base configuration, made independent of the directory it is used in."""
    if is_shipped_pack(spec):
        return spec
    path = Path(spec).expanduser()
    return str(path if path.is_absolute() else root / path)


def from_dict(data: object, path: Path | None, trusted: bool = True) -> Config:
    name = str(path) if path else "<config>"
    top = Mark(name, 1, 1)
    if not isinstance(data, dict):
        raise ConfigError(f"{top}: the configuration must be a mapping")

    def err(key: str, message: str, at_key: bool = False) -> ConfigError:
        where = (
            mark_of(data, key, top, at_key=at_key)
            if path and path.name != "pyproject.toml"
            else name
        )
        return ConfigError(f"{where}: {message}")

    for key in data:
        if key not in _KEYS:
            close = difflib.get_close_matches(str(key), sorted(_KEYS), n=1, cutoff=0.6)
            hint = f"; did you mean {close[0]!r}?" if close else ""
            raise err(
                key, f"unknown setting {key!r}{hint} (known: {', '.join(sorted(_KEYS))})", True
            )
    cfg = Config(path=path, root=path.parent if path else Path.cwd())
    positioned = bool(path) and path.name != "pyproject.toml"
    cfg.written = {
        str(k): [(str(mark_of(data, k, top) if positioned else name), v)] for k, v in data.items()
    }
    for key in ("packs", "select", "ignore", "exclude", "extend-packs"):
        if key in data:
            value = data[key]
            if not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
                raise err(key, f"`{key}` must be a list of strings")
            setattr(cfg, key.replace("-", "_"), list(value))
    for key in ("packs", "extend-packs"):
        for i, spec in enumerate(data.get(key) or [] if key in data else []):
            if spec == DEFAULT_KEYWORD or is_shipped_pack(spec):
                continue
            if not (cfg.root / Path(spec).expanduser()).is_file():
                where = mark_of(data[key], i, top) if positioned else name
                raise ConfigError(
                    f"{where}: no such pack {spec!r} (shipped packs: {', '.join(shipped_names())}; "
                    f"`{DEFAULT_KEYWORD}` for the default ones; or the path of a .yaml file, "
                    "relative to this configuration)"
                )
    cfg.packs = _expand_packs(cfg.packs, cfg.extend_packs)
    if "per-file-ignores" in data:
        pfi = data["per-file-ignores"]
        if not (
            isinstance(pfi, dict)
            and all(
                isinstance(v, list) and all(isinstance(x, str) for x in v) for v in pfi.values()
            )
        ):
            raise err(
                "per-file-ignores",
                "`per-file-ignores` maps a file glob to a list of rule ids, globs or pack names",
            )
        cfg.per_file_ignores = {str(k): list(v) for k, v in pfi.items()}
    if "severity" in data:
        sev = data["severity"]
        if not isinstance(sev, dict) or any(v not in SEVERITIES for v in sev.values()):
            raise err(
                "severity", f"`severity` maps rule ids or globs to one of {', '.join(SEVERITIES)}"
            )
        cfg.severity = {str(k): v for k, v in sev.items()}
    if "language" in data:
        cfg.language = check_language(data["language"], lambda m: err("language", m))
    if "pubdate" in data:
        cfg.pubdate = parse_pubdate(data["pubdate"])
        if cfg.pubdate is None:
            raise err("pubdate", "`pubdate` must be a date, YYYY-MM-DD")
        if why := out_of_range(cfg.pubdate):
            raise err("pubdate", why)
    if "fail-on" in data:
        if data["fail-on"] not in (*SEVERITIES, "never"):
            raise err("fail-on", f"`fail-on` must be one of {', '.join(SEVERITIES)} or never")
        cfg.fail_on = data["fail-on"]
    if "vocabulary" in data:
        _vocabulary(cfg, data["vocabulary"], lambda m: err("vocabulary", m), path)
    if "languagetool" in data:
        section = data["languagetool"]
        if not isinstance(section, dict):
            raise err("languagetool", "`languagetool` must be a mapping")
        _check_languagetool(section, path, name, trusted)
        cfg.languagetool = dict(section)
    if "spacy" in data:
        sp = data["spacy"]
        if not isinstance(sp, dict) or not isinstance(sp.get("model", ""), str):
            raise err("spacy", "`spacy` must be a mapping with a `model` name")
        cfg.spacy_model = sp.get("model") or None
    if "max-file-size" in data:
        cfg.max_file_size = parse_size(data["max-file-size"], lambda m: err("max-file-size", m))
    if "cache-dir" in data:
        cfg.cache_dir = _cache_dir(data["cache-dir"], path, trusted, lambda m: err("cache-dir", m))
    return cfg


def _cache_dir(value: object, path: Path | None, trusted: bool, fail) -> Path:
    """Where results are cached: decides where factlint writes, so, like the
    MACHINE_SETTINGS, only a configuration the user names may set it."""
    if not trusted:
        raise fail(
            "`cache-dir` decides where factlint writes: set it in a configuration named with "
            "--config, or with FACTLINT_CACHE_DIR"
        )
    if not isinstance(value, str) or not value.strip():
        raise fail("`cache-dir` must be a directory path")
    where = Path(value).expanduser()
    return where if where.is_absolute() or path is None else path.parent / where


MACHINE_SETTINGS = {
    "java": ("chooses the program factlint runs", "JAVA_HOME"),
    "jar_dir": ("chooses the code the Java server runs", "FACTLINT_CACHE_DIR"),
    "cache_dir": ("chooses the code the Java server runs", "FACTLINT_CACHE_DIR"),
    "url": ("sends the drafts to that server", "FACTLINT_LANGUAGETOOL_URL"),
}
"""``languagetool:`` settings that decide what runs or where drafts go. A repository of
drafts is not trusted with them (a pull request could add a .factlint.yaml that runs its
own program in CI): only a configuration the user names with ``--config``, or the
environment, may set them."""


def _check_languagetool(section: dict, path: Path | None, name: str, trusted: bool) -> None:
    """Each setting of the ``languagetool:`` section as LanguageTool will read it, so a
    mistake is reported where it was written rather than when LanguageTool starts."""
    from lint.languagetool.settings import LanguageToolSettings

    positioned = path and path.name != "pyproject.toml"
    for key in section:
        if not trusted and key in MACHINE_SETTINGS:
            what, env = MACHINE_SETTINGS[key]
            where = mark_of(section, key, Mark(name, 1, 1), at_key=True) if positioned else name
            raise ConfigError(
                f"{where}: `languagetool.{key}` {what}, so a configuration found beside the "
                f"drafts may not set it; name your configuration with --config, or set ${env}"
            )
    for key, value in section.items():
        try:
            LanguageToolSettings.from_mapping({key: value})
        except (ValueError, TypeError) as exc:
            at_key = "unknown setting" in str(exc)
            where = mark_of(section, key, Mark(name, 1, 1), at_key=at_key) if positioned else name
            raise ConfigError(f"{where}: {exc}") from None


def check_language(value: object, fail) -> str:
    if value not in LANGUAGES:
        raise fail(f"language must be one of {', '.join(LANGUAGES)}, not {value!r}")
    return str(value)


def parse_size(value: object, fail) -> int:
    m = SIZE.fullmatch(str(value))
    if not m:
        raise fail(f"not a size: {value!r} (use e.g. 5MB)")
    return int(float(m.group(1)) * UNITS[(m.group(2) or "").lower() or None])


def _vocabulary(cfg: Config, vocab: object, fail, path: Path | None = None) -> None:
    if not isinstance(vocab, dict) or set(vocab) - {"accept", "reject", "files"}:
        raise fail(
            "`vocabulary` is a mapping with `accept` (a list), `reject` (a list or mapping) "
            "and `files` (word lists, one word a line)"
        )
    accept = vocab.get("accept") or []
    if not (isinstance(accept, list) and all(isinstance(w, str) for w in accept)):
        raise fail("`vocabulary.accept` must be a list of words")
    files = vocab.get("files") or []
    if not (isinstance(files, list) and all(isinstance(f, str) for f in files)):
        raise fail("`vocabulary.files` must be a list of word-list files")
    base = path.parent if path else Path.cwd()
    for name in files:
        try:
            accept = [*accept, *read_wordlist(base / Path(name).expanduser())]
        except WordListError as exc:
            raise fail(str(exc)) from None
    reject = vocab.get("reject") or {}
    if isinstance(reject, list) and all(isinstance(w, str) for w in reject):
        reject = {w: "" for w in reject}
    if not (
        isinstance(reject, dict) and all(isinstance(v, str) or v is None for v in reject.values())
    ):
        raise fail(
            "`vocabulary.reject` must be a list of words or a mapping of word → preferred word"
        )
    cfg.accept = list(accept)
    cfg.reject = {str(k): v or "" for k, v in reject.items()}


class FileConfigs:
    """A ConfigFinder's configurations as one command line sees them: with each file's
    ``per-file-ignores`` applied, the command's ``--exclude`` globs (relative to the
    working directory) and whether directory walks honour ignore files. The same
    Config object comes back for files that share one, so the engine batches them."""

    def __init__(
        self, finder: ConfigFinder, exclude: list[str] = (), ignore_files: bool = True
    ) -> None:
        self.finder = finder
        self.explicit = finder.explicit
        self.exclude = list(exclude)
        self.ignore_files = ignore_files
        self._cwd = Path.cwd()
        self._with_exclude: dict[int, Config] = {}

    def for_path(self, path: Path | None) -> Config:
        config = self.finder.for_path(path)
        if self.exclude:
            if id(config) not in self._with_exclude:
                self._with_exclude[id(config)] = config.replace(
                    command_exclude=(self._cwd, self.exclude)
                )
            config = self._with_exclude[id(config)]
        return config.for_file(path)


# -- discovery --------------------------------------------------------------------


class ConfigFinder:
    """Finds the configuration for each file, reading each file once.

    A configuration found beside the drafts is used only if the user could have written
    it (see ``distrusted``); one that is not is skipped as if absent, with a note in
    ``notes`` (once per file), as git's ``safe.directory`` does."""

    def __init__(self, explicit: Path | None = None) -> None:
        if explicit is not None and (why := workdir.refused(explicit)):
            raise ConfigError(f"--config {why}")
        self.explicit = load_config(explicit) if explicit else None
        self._by_dir: dict[Path, Config] = {}
        self._by_file: dict[Path, Config] = {}
        self.notes: list[str] = []

    def for_path(self, path: Path | None) -> Config:
        if self.explicit is not None:
            return self.explicit
        if workdir.GONE is not None and (path is None or not path.is_absolute()):
            return Config(root=Path("/"))
        start = (path.parent if path else Path.cwd()).resolve()
        chain: list[Path] = []
        found: Config | None = None
        for directory in (start, *start.parents):
            if directory in self._by_dir:
                found = self._by_dir[directory]
                break
            chain.append(directory)
            file = _config_in(directory)
            if file is not None and (why := distrusted(file)):
                note = f"{file}: ignored: {why}; to use it, name it with --config"
                if note not in self.notes:
                    self.notes.append(note)
                file = None
            if file is not None:
                if file not in self._by_file:
                    self._by_file[file] = load_config(file, trusted=False)
                found = self._by_file[file]
                break
        found = found or Config(root=Path.cwd())
        for directory in chain:
            self._by_dir[directory] = found
        return found


def distrusted(file: Path) -> str | None:
    """Why a discovered configuration may not be the user's own, or None.

    Not the user's: a file (or the symbolic link to it) owned by another user than the
    one running factlint or root, a file anyone may write to, or one in a directory
    others may write to (``/tmp``: anyone can leave a ``.factlint.yaml`` there that
    switches every check off, or points packs at files of theirs)."""
    me = os.geteuid()
    try:
        link, target, parent = file.lstat(), file.stat(), file.parent.stat()
    except OSError:
        return None  # gone since it was found: reading it says what is wrong
    for st in (link, target):
        if st.st_uid not in (me, 0):
            return f"it is owned by {_user(st.st_uid)}, not by you"
    if target.st_mode & stat.S_IWOTH:
        return "anyone may write to it"
    if parent.st_mode & stat.S_IWOTH:
        return f"it is in {file.parent}, a directory anyone may write to"
    return None


def _user(uid: int) -> str:
    try:
        import pwd

        return f"user {pwd.getpwuid(uid).pw_name!r}"
    except (ImportError, KeyError):
        return f"user id {uid}"


def _config_in(directory: Path) -> Path | None:
    """The configuration file in ``directory``, if there is one. A file by a config's
    name that is not a regular file (a pipe, a device) is returned too, so reading it
    says so in one line; a pyproject.toml counts when it has ``[tool.factlint]``."""
    for name in CONFIG_NAMES:
        candidate = directory / name
        if candidate.exists() and not candidate.is_dir():
            return candidate
    pyproject = directory / "pyproject.toml"
    if pyproject.exists() and not pyproject.is_dir():
        try:
            text = read_config_bytes(pyproject).decode("utf-8")
        except ConfigReadError:
            return pyproject  # a pipe, a device, a huge file: say so rather than skip it
        except UnicodeDecodeError:
            return None
        try:
            tool = tomllib.loads(text).get("tool", {})
        except tomllib.TOMLDecodeError:  # broken: ours if it means to configure factlint
            return pyproject if "tool.factlint" in text else None
        if isinstance(tool, dict) and "factlint" in tool:
            return pyproject
    return None
