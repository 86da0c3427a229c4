"""The on-disk result cache: a re-run re-checks only what changed, and never serves a
result that another input, configuration, pack or version would change."""

from __future__ import annotations

import json
import multiprocessing
import os
import secrets
import sqlite3
import zlib
from pathlib import Path

import pytest
from click.testing import CliRunner

from lint import diskcache, nlp
from lint.cli import main

DRAFTS = {
    "a.txt": "The minister said the party would tow the line on the budget.\n",
    "b.md": "# Storm\n\nResidents waited with baited breath for the all-clear.\n",
    "c.txt": "The council will make due with the old hall for now.\n",
}


@pytest.fixture
def tree(tmp_path: Path, monkeypatch: pytest.MonkeyPatch):
    """Drafts, and a configuration (named with --config) keeping the cache in tmp_path."""
    monkeypatch.delenv(diskcache.NO_CACHE_ENV, raising=False)
    drafts = tmp_path / "drafts"
    drafts.mkdir()
    for name, text in DRAFTS.items():
        (drafts / name).write_text(text, encoding="utf-8")
    config = tmp_path / "factlint.yaml"
    config.write_text(f"cache-dir: {tmp_path / 'cache'}\n", encoding="utf-8")
    return drafts, config, tmp_path / "cache"


@pytest.fixture
def parses(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many paragraphs spaCy was asked to parse, per call."""
    calls: list[int] = []
    real = nlp.parse_paragraphs

    def counting(texts, *args, **kwargs):
        calls.append(len(texts))
        return real(texts, *args, **kwargs)

    monkeypatch.setattr(nlp, "parse_paragraphs", counting)
    return calls


def check(*args: str) -> tuple[int, list[dict], str]:
    result = CliRunner().invoke(
        main, ["check", "--no-service", "--no-languagetool", "--format", "json", *args]
    )
    out = result.stdout
    return result.exit_code, json.loads(out) if out.strip().startswith("[") else [], result.stderr


def entries(cache: Path) -> int:
    with sqlite3.connect(cache / "cache.sqlite3") as db:
        return db.execute("SELECT COUNT(*) FROM entries").fetchone()[0]


def test_an_unchanged_rerun_is_served_without_spacy(tree, parses):
    drafts, config, cache = tree
    code, first, _ = check("--config", str(config), str(drafts))
    assert code == 1 and first and parses
    assert entries(cache) == 3
    parses.clear()
    code, second, _ = check("--config", str(config), str(drafts))
    assert code == 1
    assert second == first
    assert parses == []  # nothing parsed: every result came from the cache


def test_only_the_changed_draft_is_checked_again(tree, parses):
    drafts, config, _ = tree
    _, first, _ = check("--config", str(config), str(drafts))
    (drafts / "c.txt").write_text("The council could care less about the hall.\n")
    parses.clear()
    _, second, _ = check("--config", str(config), str(drafts))
    assert sum(parses) == 1  # one paragraph: the changed draft
    assert [i for i in second if not i["path"].endswith("c.txt")] == [
        i for i in first if not i["path"].endswith("c.txt")
    ]
    assert {i["rule"] for i in second if i["path"].endswith("c.txt")} == {
        "idioms.couldnt-care-less"
    }


def test_no_cache_neither_reads_nor_writes(tree, parses):
    drafts, config, cache = tree
    check("--config", str(config), str(drafts))
    before, paragraphs = entries(cache), sum(parses)
    (drafts / "d.txt").write_text("A new draft that is tow the line.\n")
    parses.clear()
    check("--no-cache", "--config", str(config), str(drafts))
    assert sum(parses) == paragraphs + 1  # every paragraph parsed, none served
    assert entries(cache) == before  # and d.txt not written


def test_a_changed_pack_or_setting_is_a_new_key(tree):
    drafts, config, cache = tree
    pack = config.parent / "house.yaml"
    pack.write_text(
        "name: house\nrules:\n  - id: hall\n    kind: existence\n    summary: No halls.\n"
        "    tokens: [old hall]\n    examples: {bad: [The old hall.], good: [The hall.]}\n"
    )
    config.write_text(f"cache-dir: {cache}\npacks: [idioms, ./house.yaml]\n")
    _, first, _ = check("--config", str(config), str(drafts))
    assert "house.hall" in {i["rule"] for i in first}
    pack.write_text(pack.read_text().replace("old hall", "new hall"))
    _, second, _ = check("--config", str(config), str(drafts))
    assert "house.hall" not in {i["rule"] for i in second}
    stored = entries(cache)
    _, third, _ = check("--config", str(config), "--pubdate", "2020-01-01", str(drafts))
    assert entries(cache) == stored + 3  # another publication date: checked afresh
    assert {i["rule"] for i in third} == {i["rule"] for i in second}


def test_another_factlint_version_is_never_served(tree, parses, monkeypatch):
    drafts, config, _ = tree
    check("--config", str(config), str(drafts))
    paragraphs = sum(parses)
    monkeypatch.setattr(diskcache, "code_fingerprint", lambda: "another version")
    parses.clear()
    check("--config", str(config), str(drafts))
    assert sum(parses) == paragraphs


def test_values_are_data_not_code(tree):
    drafts, config, cache = tree
    check("--config", str(config), str(drafts))
    with sqlite3.connect(cache / "cache.sqlite3") as db:
        for (blob,) in db.execute("SELECT value FROM entries"):
            value = json.loads(zlib.decompress(blob))
            assert set(value) == {"issues", "notes"}


def test_a_cache_that_cannot_be_opened_costs_a_note_not_the_run(tree, parses):
    drafts, config, cache = tree
    cache.write_text("a file where the cache directory should be")
    code, issues, err = check("--config", str(config), str(drafts))
    assert code == 1 and issues
    assert err.count("result cache") == 1


def test_a_corrupt_cache_file_is_survived(tree):
    drafts, config, cache = tree
    cache.mkdir()
    (cache / "cache.sqlite3").write_bytes(b"not a database" * 100)
    code, issues, err = check("--config", str(config), str(drafts))
    assert code == 1 and len({i["path"] for i in issues}) == 3
    assert "result cache" in err


def test_the_cache_is_bounded(tmp_path):
    store = diskcache.DiskCache(tmp_path, max_bytes=200_000)
    for n in range(400):
        store.put(f"key{n}", {"issues": [], "notes": [secrets.token_hex(2000)]})
    _, size = store.size()
    assert size <= 200_000
    assert store.get("key399") is not None  # the newest stay
    assert store.get("key0") is None  # the oldest went


def _writer(directory: str, start: int) -> None:
    store = diskcache.DiskCache(Path(directory))
    for n in range(start, start + 200):
        store.put(f"k{n}", {"n": n})
    assert store.broken is None, store.broken


def test_parallel_writers_are_safe(tmp_path):
    ctx = multiprocessing.get_context("spawn")
    procs = [ctx.Process(target=_writer, args=(str(tmp_path), s)) for s in (0, 200, 400)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(60)
        assert p.exitcode == 0
    store = diskcache.DiskCache(tmp_path)
    assert store.size()[0] == 600
    assert store.get("k450") == {"n": 450}


def test_cache_info_and_clear(tree):
    drafts, config, cache = tree
    check("--config", str(config), str(drafts))
    runner = CliRunner()
    info = runner.invoke(main, ["cache", "info", "--config", str(config)])
    assert info.exit_code == 0 and "3 results" in info.stdout
    cleared = runner.invoke(main, ["cache", "clear", "--config", str(config)])
    assert cleared.exit_code == 0 and "removed 3" in cleared.stdout
    assert entries(cache) == 0


def test_a_found_configuration_may_not_choose_where_factlint_writes(tmp_path):
    (tmp_path / ".factlint.yaml").write_text("cache-dir: /etc/elsewhere\n")
    (tmp_path / "a.txt").write_text("A draft.\n")
    code, _, err = check(str(tmp_path / "a.txt"))
    assert code == 2
    assert ".factlint.yaml:1:12: `cache-dir` decides where factlint writes" in err


def test_a_file_name_that_is_not_utf8_round_trips(tmp_path):
    """os.fsdecode gives such names lone surrogates; the cache gives them back as put."""
    store = diskcache.DiskCache(tmp_path)
    name = os.fsdecode(b"caf\xe9.md")
    store.put("k", {"issues": [{"path": name}], "notes": []})
    assert store.get("k") == {"issues": [{"path": name}], "notes": []}
    assert store.broken is None
