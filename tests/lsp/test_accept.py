"""'Add word to the vocabulary': the word lands where the desk keeps its words, every other
byte of the file stays, and factlint itself reads the result."""

from __future__ import annotations

from pathlib import Path

import pytest

from lint.config import load_config
from lint.lsp.accept import AcceptError, add_word


def accepted(path: Path) -> list[str]:
    return load_config(path).accept


def test_no_configuration_creates_one(tmp_path: Path):
    written = add_word(None, tmp_path, "Sudzha")
    assert written == tmp_path / ".factlint.yaml"
    assert accepted(written) == ["Sudzha"]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (  # a block list: one item added after the last, with its indentation
            "# desk\nvocabulary:\n  accept:\n    - Kursk  # the region\n    - Sudzha\nfail-on: error\n",
            "# desk\nvocabulary:\n  accept:\n    - Kursk  # the region\n    - Sudzha\n    - Côte d'Ivoire\nfail-on: error\n",
        ),
        (  # a flow list
            "vocabulary:\n  accept: [Kursk]   # names\n  reject: {utilize: use}\n",
            "vocabulary:\n  accept: [Kursk, Côte d'Ivoire]   # names\n  reject: {utilize: use}\n",
        ),
        (  # an empty flow list
            "vocabulary:\n  accept: []\n",
            "vocabulary:\n  accept: [Côte d'Ivoire]\n",
        ),
        (  # a vocabulary without accept
            "vocabulary:\n    reject: [utilize]\npacks: [typos]\n",
            "vocabulary:\n    accept: [Côte d'Ivoire]\n    reject: [utilize]\npacks: [typos]\n",
        ),
        (  # no vocabulary: appended, even without a final newline
            "packs: [typos]  # ours",
            "packs: [typos]  # ours\nvocabulary:\n  accept: [Côte d'Ivoire]\n",
        ),
        (  # a flow mapping
            "vocabulary: {reject: [utilize]}\n",
            "vocabulary: {accept: [Côte d'Ivoire], reject: [utilize]}\n",
        ),
        (  # Windows line ends are kept
            "vocabulary:\r\n  accept:\r\n  - Kursk\r\n",
            "vocabulary:\r\n  accept:\r\n  - Kursk\r\n  - Côte d'Ivoire\r\n",
        ),
    ],
)
def test_yaml_edited_in_place(tmp_path: Path, before: str, after: str):
    config = tmp_path / ".factlint.yaml"
    config.write_bytes(before.encode())
    assert add_word(config, tmp_path, "Côte d'Ivoire") == config
    assert config.read_bytes().decode() == after
    assert "Côte d'Ivoire" in accepted(config)


def test_a_yaml_word_is_quoted(tmp_path: Path):
    config = tmp_path / ".factlint.yaml"
    config.write_text("vocabulary:\n  accept: [Kursk]\n")
    add_word(config, tmp_path, "yes")
    add_word(config, tmp_path, "#hashtag")
    assert config.read_text() == 'vocabulary:\n  accept: [Kursk, "yes", "#hashtag"]\n'
    assert accepted(config) == ["Kursk", "yes", "#hashtag"]


def test_a_word_list_named_by_the_configuration_gets_the_word(tmp_path: Path):
    (tmp_path / "words.txt").write_text("# ours\nKursk")
    config = tmp_path / ".factlint.yaml"
    config.write_text("vocabulary: {files: [words.txt], accept: [Sudzha]}\n")
    assert add_word(config, tmp_path, "Glushkovo") == tmp_path / "words.txt"
    assert (tmp_path / "words.txt").read_text() == "# ours\nKursk\nGlushkovo\n"
    assert config.read_text() == "vocabulary: {files: [words.txt], accept: [Sudzha]}\n"
    assert accepted(config) == ["Sudzha", "Kursk", "Glushkovo"]


@pytest.mark.parametrize(
    ("before", "after"),
    [
        (
            '[project]\nname = "x"\n\n[tool.factlint]\npacks = ["typos"]\n',
            '[project]\nname = "x"\n\n[tool.factlint]\npacks = ["typos"]\n\n'
            '[tool.factlint.vocabulary]\naccept = ["Sudzha"]\n',
        ),
        (
            '[tool.factlint.vocabulary]\naccept = ["Kursk"]  # names\n\n[tool.other]\nx = 1\n',
            '[tool.factlint.vocabulary]\naccept = ["Kursk", "Sudzha"]  # names\n\n'
            "[tool.other]\nx = 1\n",
        ),
        (
            '[tool.factlint.vocabulary]\nreject = ["utilize"]\n',
            '[tool.factlint.vocabulary]\naccept = ["Sudzha"]\nreject = ["utilize"]\n',
        ),
    ],
)
def test_pyproject_edited_in_place(tmp_path: Path, before: str, after: str):
    config = tmp_path / "pyproject.toml"
    config.write_text(before)
    add_word(config, tmp_path, "Sudzha")
    assert config.read_text() == after
    assert "Sudzha" in accepted(config)


def test_a_layout_it_cannot_edit_is_left_alone(tmp_path: Path):
    """A multi-line flow list: writing the word would mean rewriting the file, so the
    editor is told instead, and not a byte changes."""
    config = tmp_path / ".factlint.yaml"
    before = "vocabulary:\n  accept: [\n    Kursk,\n  ]\n"
    config.write_text(before)
    with pytest.raises(AcceptError, match=r"add it under vocabulary\.accept yourself"):
        add_word(config, tmp_path, "Sudzha")
    assert config.read_text() == before


def test_a_word_already_there_is_not_written_twice(tmp_path: Path):
    config = tmp_path / ".factlint.yaml"
    config.write_text("vocabulary:\n  accept: [Sudzha]\n")
    add_word(config, tmp_path, "Sudzha")
    assert config.read_text() == "vocabulary:\n  accept: [Sudzha]\n"
