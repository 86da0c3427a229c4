"""A newsroom's own words: word-list files named by the configuration, and
``factlint vocabulary learn`` proposing them from an archive (through the real CLI)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from lint.vocabulary import collect, read_wordlist

FACTLINT = [sys.executable, "-m", "lint"]


def factlint(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = {"FACTLINT_SERVICE": "0", "PATH": "/usr/bin:/bin"}
    return subprocess.run([*FACTLINT, *args], cwd=cwd, capture_output=True, text=True, env=env)


def test_a_word_list_is_one_word_a_line_with_comments(tmp_path):
    words = tmp_path / "words.txt"
    words.write_text("# our names\nPonting\n\n  Socceroos   # the team\nAlice  Springs\n")
    assert read_wordlist(words) == ["Ponting", "Socceroos", "Alice Springs"]


def test_learning_keeps_words_flagged_in_enough_articles():
    found = [("a.txt", 1, "tailender", "the tailender"), ("b.txt", 4, "tailender", "x"),
             ("c.txt", 2, "tailender", "y"), ("a.txt", 3, "slpit", "a slpit word")]  # fmt: skip
    learned = collect(found, min_files=3)
    assert [(w.word, len(w.files), w.count) for w in learned] == [("tailender", 3, 3)]
    assert learned[0].example == "a.txt:1: the tailender"


def test_learn_then_accept_through_the_cli(tmp_path):
    archive = tmp_path / "archive"
    archive.mkdir()
    for i in range(3):  # codespell's list takes the surname "Hass" for "hash"
        (archive / f"story{i}.txt").write_text(
            f"The selectors praised Hass on day {i}.\n\nThe crowd was recieved well.\n"
        )
    (archive / "once.txt").write_text("The selectors praised Pointe once.\n")
    done = factlint("vocabulary", "learn", "archive", "--no-languagetool", "-o", "words.txt",
                    cwd=tmp_path)  # fmt: skip
    assert done.returncode == 0, done.stderr
    assert read_wordlist(tmp_path / "words.txt") == ["Hass"]  # not "recieved", not a one-off
    (tmp_path / "draft.txt").write_text("The coach met Hass.\n")
    before = factlint("check", "draft.txt", "--no-languagetool", cwd=tmp_path)
    assert "typos.misspelling" in before.stdout
    (tmp_path / ".factlint.yaml").write_text("vocabulary:\n  files: [words.txt]\n")
    after = factlint("check", "draft.txt", "--no-languagetool", cwd=tmp_path)
    assert after.returncode == 0, after.stdout + after.stderr


def test_a_missing_word_list_is_a_positioned_error(tmp_path):
    (tmp_path / ".factlint.yaml").write_text("vocabulary:\n  files: [nowhere.txt]\n")
    (tmp_path / "draft.txt").write_text("Fine text.\n")
    done = factlint("check", "draft.txt", "--no-languagetool", cwd=tmp_path)
    assert done.returncode == 2
    assert ".factlint.yaml" in done.stderr and "nowhere.txt" in done.stderr
