"""The held-out set of issue 21: broken idioms and confusables the packs were not tuned
on (tests/idioms/heldout.yaml). At least 9 in 10 are found, and no corrected form (nor
the confused word used rightly) raises an alarm."""

from __future__ import annotations

import pytest

from bench.idioms_heldout import score


@pytest.fixture(scope="module")
def scores(engine):
    return {s.section: s for s in score(engine)}


@pytest.mark.parametrize("section", ["idioms", "confusables"])
def test_nine_in_ten_found(scores, section):
    s = scores[section]
    assert s.recall >= 0.9, f"{s.found}/{s.bad}; missed: {s.missed}"


@pytest.mark.parametrize("section", ["idioms", "confusables"])
def test_no_alarm_on_corrected_forms(scores, section):
    s = scores[section]
    assert not s.alarms and not s.other_alarms, s.alarms + s.other_alarms


def test_heldout_sentences_are_not_rule_examples():
    """Held out means held out: no sentence of the set is an example of a shipped rule."""
    from bench.idioms_heldout import load
    from lint.packs import load_pack
    from lint.packs.loader import resolve

    examples = set()
    for name in ("idioms", "confusables"):
        for rule in load_pack(resolve(name)).rules:
            examples.update(ex.text for ex in (*rule.bad, *rule.good))
    sentences = {
        t for items in load().values() for it in items
        for t in (it["bad"], it["good"], *it.get("also_good", []))
    }  # fmt: skip
    assert not sentences & examples
