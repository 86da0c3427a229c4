"""Safe YAML loading that remembers where every key and item was written.

Pack and config errors must say ``file:line:col``; plain ``yaml.safe_load``
forgets positions. This loader is SafeLoader with containers that carry marks,
so it is exactly as safe: no tags that build Python objects, no code.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml


@dataclass(frozen=True)
class Mark:
    path: str
    line: int  # 1-based
    column: int  # 1-based

    def __str__(self) -> str:
        return f"{self.path}:{self.line}:{self.column}"


class PosDict(dict):
    """A mapping whose keys remember their positions (``marks[key]``)."""

    mark: Mark | None = None
    marks: dict


class PosList(list):
    """A sequence whose items remember their positions (``marks[i]``)."""

    mark: Mark | None = None
    marks: list


class YAMLError(Exception):
    """A file that is not valid YAML; str() is ``file:line:col: reason``."""


def _mark(loader: _Loader, node: yaml.Node) -> Mark:
    m = node.start_mark
    return Mark(loader.source_name, m.line + 1, m.column + 1)


class _Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # libyaml parses 5x faster
    source_name = "<string>"


def _construct_mapping(loader: _Loader, node: yaml.MappingNode) -> PosDict:
    loader.flatten_mapping(node)
    result = PosDict()
    result.mark = _mark(loader, node)
    result.marks = {}
    result.key_marks = {}
    for key_node, value_node in node.value:
        key = loader.construct_object(key_node, deep=True)
        if not isinstance(key, (str, int, float, bool)) and key is not None:
            raise yaml.constructor.ConstructorError(
                None, None, "mapping keys must be plain values", key_node.start_mark
            )
        if key in result:
            raise yaml.constructor.ConstructorError(
                None, None, f"duplicate key {key!r}", key_node.start_mark
            )
        result[key] = loader.construct_object(value_node, deep=True)
        result.marks[key] = _mark(loader, value_node)
        result.key_marks[key] = _mark(loader, key_node)
    return result


def _construct_sequence(loader: _Loader, node: yaml.SequenceNode) -> PosList:
    result = PosList(loader.construct_object(child, deep=True) for child in node.value)
    result.mark = _mark(loader, node)
    result.marks = [_mark(loader, child) for child in node.value]
    return result


def _construct_timestamp(loader: _Loader, node: yaml.ScalarNode):
    """A date as YAML reads it, or a positioned error for one the calendar lacks (2024-13-40)."""
    try:
        return yaml.SafeLoader.construct_yaml_timestamp(loader, node)
    except ValueError as exc:
        raise yaml.constructor.ConstructorError(
            None, None, f"not a date: {node.value!r} ({exc})", node.start_mark
        ) from None


_Loader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_Loader.add_constructor("tag:yaml.org,2002:map", _construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _construct_sequence)


def decode_utf8(raw: bytes, name: str) -> str:
    """A YAML file's bytes as text (a UTF-8 BOM is dropped); YAMLError with the position
    of the first byte that is not UTF-8."""
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw.count(b"\n", 0, exc.start) + 1
        col = exc.start - (raw.rfind(b"\n", 0, exc.start) + 1) + 1
        raise YAMLError(
            f"{name}:{line}:{col}: not valid UTF-8 (byte 0x{raw[exc.start]:02x}); save it as UTF-8"
        ) from None


def load(text: str, name: str) -> object:
    """Parse YAML safely; raise YAMLError with the position of a syntax error."""
    loader = _Loader(text)
    loader.source_name = name
    try:
        return loader.get_single_data()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        where = f"{name}:{mark.line + 1}:{mark.column + 1}" if mark else name
        raise YAMLError(f"{where}: {exc.problem or exc.context}") from None
    except yaml.YAMLError as exc:
        raise YAMLError(f"{name}: {exc}") from None
    finally:
        loader.dispose()


def mark_of(
    container: object, key: object, default: Mark | None = None, *, at_key: bool = False
) -> Mark | None:
    """Where ``container[key]`` (or, ``at_key``, the key itself) was written, falling back
    to the container itself."""
    marks = getattr(container, "key_marks" if at_key else "marks", None)
    try:
        if marks is not None:
            return marks[key]
    except (KeyError, IndexError, TypeError):
        pass
    return getattr(container, "mark", None) or default
