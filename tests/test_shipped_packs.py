"""Every example of every shipped rule pack: bad sentences flagged, good ones left alone.

The examples are the rules' tests (see lint/examples.py). Each rule is one
test, named by its id (``idioms.toe-the-line``), so a failure points at the
rule and the message names the example's line in the pack.
"""

from __future__ import annotations

import pytest

from lint.config import Config
from lint.examples import run_rule
from lint.packs import load_pack
from lint.packs.loader import shipped_dir


def _shipped_packs():
    """The shipped packs that have rules (data files such as rules/names-data/ are not packs)."""
    packs = []
    for path in sorted(shipped_dir().glob("*.yaml")):
        pack = load_pack(path)
        if pack.rules:
            packs.append(pack)
    return packs


PACKS = _shipped_packs()
RULES = [(pack, rule) for pack in PACKS for rule in pack.rules]


def test_the_expected_packs_ship():
    names = {pack.name for pack in PACKS}
    assert {"typography", "idioms", "boilerplate", "style", "typos"} <= names


def test_idioms_pack_is_substantial():
    idioms = next(pack for pack in PACKS if pack.name == "idioms")
    bad = sum(len(rule.bad) for rule in idioms.rules)
    assert len(idioms.rules) >= 60
    assert bad >= 70


@pytest.mark.parametrize(("pack", "rule"), RULES, ids=[rule.id for _, rule in RULES])
def test_rule_is_documented(pack, rule):
    assert rule.summary.strip(), f"{rule.mark}: {rule.id} has no summary"
    assert rule.bad, f"{rule.mark}: {rule.id} has no bad example"
    assert rule.good, f"{rule.mark}: {rule.id} has no good example"


@pytest.mark.parametrize(("pack", "rule"), RULES, ids=[rule.id for _, rule in RULES])
def test_rule_examples(pack, rule, engine):
    failures = [r.describe() for r in run_rule(rule, pack, Config(), engine) if not r.ok]
    assert not failures, "\n".join(failures)
