"""The poll of the files in use (editors that cannot watch files): a change is seen once,
and a file written while the lint that read it was running is not missed."""

from __future__ import annotations

import os
import time

from lint.lsp.watch import Stamps


def _age(path, seconds: float) -> None:
    then = time.time_ns() - int(seconds * 1e9)
    os.utime(path, ns=(then, then))


def test_a_change_is_reported_once(tmp_path):
    pack = tmp_path / "house.yaml"
    pack.write_text("rules: []\n")
    _age(pack, 60)
    stamps = Stamps()
    stamps.track([pack], since=time.time_ns())
    assert stamps.changed() == []
    pack.write_text("rules: [] # edited\n")
    assert stamps.changed() == [pack]
    assert stamps.changed() == []


def test_a_file_written_during_the_lint_counts_as_changed(tmp_path):
    # the lint began, read the pack, and the pack was written before the server noted
    # its stamp: that stamp already holds the change, so it must not be the baseline
    pack = tmp_path / "house.yaml"
    pack.write_text("rules: []\n")
    _age(pack, 60)
    started = time.time_ns()
    pack.write_text("rules: [] # edited while the lint ran\n")
    stamps = Stamps()
    stamps.track([pack], since=started)
    assert stamps.changed() == [pack]
    assert stamps.changed() == []


def test_a_missing_file_that_appears_is_a_change(tmp_path):
    config = tmp_path / ".factlint.yaml"
    stamps = Stamps()
    stamps.track([config], since=time.time_ns())
    assert stamps.changed() == []
    config.write_text("packs: [style]\n")
    assert stamps.changed() == [config]
