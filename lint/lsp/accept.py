""" "Add 'Word' to the vocabulary": one word written into the configuration that applies.

The word goes where the desk keeps its words: the first word list the
configuration names (``vocabulary.files``), else the configuration's own
``vocabulary.accept`` list, else a new ``.factlint.yaml``. The file is edited
as text, one line or one list item, so its comments and layout stay as they
were; the edit is read back and must parse to the old settings plus the word,
or nothing is written.
"""

from __future__ import annotations

import copy
import json
import os
import tempfile
from pathlib import Path

import regex
import tomllib
import yaml

NEW_CONFIG = (
    "# factlint configuration, created by the editor to accept a word (see `factlint init`).\n"
)
PLAIN = regex.compile(r"\p{L}[\p{L}\p{M}\p{N}'’.\-]*(?: [\p{L}\p{M}\p{N}'’.\-]+)*")
YAML_WORDS = {"true", "false", "yes", "no", "on", "off", "null", "y", "n", "~"}


class AcceptError(Exception):
    """The word could not be written; str() says why, for the editor."""


def add_word(config: Path | None, directory: Path, word: str) -> Path:
    """Accept ``word`` in ``config`` (or a new ``directory/.factlint.yaml``); the file written."""
    if config is None:
        target = directory / ".factlint.yaml"
        _write(target, f"{NEW_CONFIG}vocabulary:\n  accept: [{_yaml_word(word)}]\n")
        return target
    text = _read(config)
    if config.name == "pyproject.toml":
        data = _parse_toml(config, text)
        table = data.get("tool", {}).get("factlint", {})
        vocab = table.get("vocabulary") if isinstance(table, dict) else None
    else:
        data = _parse_yaml(config, text)
        vocab = data.get("vocabulary") if isinstance(data, dict) else None
    files = vocab.get("files") if isinstance(vocab, dict) else None
    if isinstance(files, list) and files and isinstance(files[0], str):
        return _append_to_wordlist(config.parent / Path(files[0]).expanduser(), word)
    accepted = vocab.get("accept") if isinstance(vocab, dict) else None
    if isinstance(accepted, list) and word in accepted:
        return config
    if config.name == "pyproject.toml":
        new = _toml_with(text, word)
        expected = copy.deepcopy(data)
        _accept_list(expected.setdefault("tool", {}).setdefault("factlint", {})).append(word)
        ok = _safe(lambda: tomllib.loads(new)) == expected
    else:
        new = _yaml_with(text, word)
        expected = copy.deepcopy(data) if isinstance(data, dict) else {}
        _accept_list(expected).append(word)
        ok = _safe(lambda: yaml.safe_load(new)) == expected
    if not ok:
        raise AcceptError(
            f"{config}: factlint could not add {word!r} without rewriting the file; "
            f"add it under vocabulary.accept yourself"
        )
    _write(config, new)
    return config


def _accept_list(table: dict) -> list:
    vocab = table.get("vocabulary")
    if not isinstance(vocab, dict):
        vocab = table["vocabulary"] = {}
    if not isinstance(vocab.get("accept"), list):
        vocab["accept"] = []
    return vocab["accept"]


def _safe(parse):
    try:
        return parse()
    except (yaml.YAMLError, tomllib.TOMLDecodeError):
        return None


# -- YAML ---------------------------------------------------------------------------


def _yaml_word(word: str) -> str:
    if PLAIN.fullmatch(word) and word.lower() not in YAML_WORDS:
        return word
    return json.dumps(word, ensure_ascii=False)


def _yaml_with(text: str, word: str) -> str:
    """``text`` with ``word`` added to ``vocabulary.accept``, touching one line."""
    item = _yaml_word(word)
    lines = text.splitlines(keepends=True)
    eol = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    top = next((i for i, ln in enumerate(lines) if regex.match(r"vocabulary\s*:", ln)), None)
    if top is None:
        sep = "" if not text or text.endswith("\n") else eol
        return f"{text}{sep}vocabulary:{eol}  accept: [{item}]{eol}"
    head = lines[top]
    rest = head.split(":", 1)[1]
    if rest.strip().startswith("{"):  # vocabulary: {accept: [a, b], files: [...]}
        lines[top] = _into_flow(head, item, mapping=True)
        return "".join(lines)
    block = []  # indices of the block's lines
    for i in range(top + 1, len(lines)):
        ln = lines[i]
        if ln.strip() and not ln[0].isspace() and not ln.lstrip().startswith("#"):
            break
        block.append(i)
    keys = [i for i in block if regex.match(r"[ \t]+[\w-]+\s*:", lines[i])]
    indent = regex.match(r"[ \t]+", lines[keys[0]]).group() if keys else "  "
    accept = next((i for i in keys if regex.match(r"[ \t]+accept\s*:", lines[i])), None)
    if accept is None:
        lines.insert(top + 1, f"{indent}accept: [{item}]{eol}")
        return "".join(lines)
    value = lines[accept].split(":", 1)[1].split(" #", 1)[0].strip()
    if value.startswith("["):
        lines[accept] = _into_flow(lines[accept], item, mapping=False)
        return "".join(lines)
    if value:
        return text  # a scalar where a list belongs: left for the reader to see
    items = []
    for i in block[block.index(accept) + 1 :]:
        m = regex.match(r"([ \t]*)-\s", lines[i])
        if m:
            items.append((i, m.group(1)))
        elif lines[i].strip() and not lines[i].lstrip().startswith("#"):
            break
    if not items:  # `accept:` with nothing under it
        lines[accept] = regex.sub(r":\s*(#.*)?$", lambda m: f": [{item}]{eol}", lines[accept])
        return "".join(lines)
    last, dash_indent = items[-1]
    if not lines[last].endswith(("\n", "\r")):
        lines[last] += eol
    lines.insert(last + 1, f"{dash_indent}- {item}{eol}")
    return "".join(lines)


def _into_flow(line: str, item: str, *, mapping: bool) -> str:
    """Add ``item`` to the ``accept: [...]`` flow list on ``line`` (inside a flow mapping
    when ``mapping``; an accept list is made when the mapping has none)."""
    m = regex.search(r"accept\s*:\s*\[([^\]]*)\]", line)
    if m:
        inner = m.group(1)
        new = f"{inner.rstrip()}, {item}" if inner.strip() else item
        return line[: m.start(1)] + new + line[m.end(1) :]
    if mapping:
        brace = line.index("{")
        rest = line[brace + 1 :]
        sep = "" if rest.lstrip().startswith("}") else ", "
        return f"{line[: brace + 1]}accept: [{item}]{sep}{rest.lstrip()}"
    return line


# -- pyproject.toml -----------------------------------------------------------------


def _toml_with(text: str, word: str) -> str:
    item = json.dumps(word, ensure_ascii=False)
    lines = text.splitlines(keepends=True)
    eol = "\r\n" if lines and lines[0].endswith("\r\n") else "\n"
    header = next(
        (
            i
            for i, ln in enumerate(lines)
            if regex.match(r"\[\s*tool\.factlint\.vocabulary\s*\]", ln)
        ),
        None,
    )
    if header is None:
        sep = "" if not text or text.endswith("\n") else eol
        return f"{text}{sep}{eol}[tool.factlint.vocabulary]{eol}accept = [{item}]{eol}"
    for i in range(header + 1, len(lines)):
        if lines[i].lstrip().startswith("["):
            break
        m = regex.match(r"\s*accept\s*=\s*\[([^\]]*)\]", lines[i])
        if m:
            inner = m.group(1)
            new = f"{inner.rstrip().rstrip(',')}, {item}" if inner.strip() else item
            lines[i] = lines[i][: m.start(1)] + new + lines[i][m.end(1) :]
            return "".join(lines)
    lines.insert(header + 1, f"accept = [{item}]{eol}")
    return "".join(lines)


# -- files --------------------------------------------------------------------------


def _append_to_wordlist(path: Path, word: str) -> Path:
    text = _read(path) if path.exists() else ""
    if word in (ln.split("#", 1)[0].strip() for ln in text.splitlines()):
        return path
    sep = "" if not text or text.endswith("\n") else "\n"
    _write(path, f"{text}{sep}{word}\n")
    return path


def _read(path: Path) -> str:
    try:
        return path.read_bytes().decode("utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise AcceptError(f"{path}: cannot read it: {exc}") from None


def _parse_yaml(path: Path, text: str) -> object:
    try:
        return yaml.safe_load(text) or {}
    except yaml.YAMLError as exc:
        raise AcceptError(f"{path}: not valid YAML, fix it first: {exc}") from None


def _parse_toml(path: Path, text: str) -> dict:
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise AcceptError(f"{path}: not valid TOML, fix it first: {exc}") from None


def _write(path: Path, text: str) -> None:
    """Replace ``path`` atomically, keeping its permissions."""
    try:
        mode = path.stat().st_mode & 0o7777 if path.exists() else None
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", dir=path.parent)
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
        if mode is not None:
            os.chmod(tmp, mode)
        os.replace(tmp, path)
    except OSError as exc:
        raise AcceptError(f"{path}: cannot write it: {exc.strerror or exc}") from None
