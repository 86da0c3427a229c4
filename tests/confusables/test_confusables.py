"""The confusables kind and pack: a real word written for another, decided by context.

Run through the engine with the real spaCy model and only the packs of issue 21
(no LanguageTool), as a draft would be.
"""

from __future__ import annotations

import pytest

from lint import document
from lint.config import Config
from lint.languagetool import categories
from lint.packs import PackError, load_pack
from lint.packs.loader import parse_pack, resolve


@pytest.fixture(scope="module")
def lint(engine):
    config = Config(packs=["confusables"], languagetool={"enabled": False})

    def run(text: str) -> list:
        doc = document.parse(text, "text")
        (result,) = engine.lint([("<t>", doc)], config)
        return result.issues

    return run


@pytest.mark.parametrize(
    "text",
    [
        "The principal said the school would reopen.",
        "The principle of free speech is not negotiable.",
        "Her reign lasted seventy years.",
        "The tenant signed a new lease.",
        "Celebrities flaunt their wealth online.",
        "The baby was in the breech position.",
    ],
)
def test_the_word_alone_decides_nothing(lint, text):
    assert lint(text) == []


def test_the_context_decides(lint):
    (issue,) = lint("The principle reason was cost.")
    assert issue.rule == "confusables.principal-adjective"
    assert list(issue.replacements) == ["principal"]
    assert issue.category == "grammar" and issue.severity == "warning"


def test_the_replacement_takes_the_case_of_the_word(lint):
    (issue,) = lint("Principle reasons were given.")
    assert list(issue.replacements) == ["Principal"]


def test_words_may_come_between(lint):
    (issue,) = lint("Fans who flaunt the new stadium rules face a ban.")
    assert issue.rule == "confusables.flout" and list(issue.replacements) == ["flout"]


def test_a_homophone_is_the_writers_slip_inside_a_quotation_too(lint):
    """'reigns' for 'reins' sounds the same: the speaker said the right word."""
    (issue,) = lint('"She will take the reigns in March," he said.')
    assert issue.rule == "confusables.reins"


def test_a_word_the_speaker_may_have_said_is_left_alone_in_a_quotation(lint):
    """'flaunt' for 'flout' is a different word: what someone said is not reworded."""
    assert lint('"They flaunted the curfew," the mayor said.') == []
    assert lint("They flaunted the curfew, the mayor said.")


def _pack(contexts: str) -> str:
    return (
        "name: p\nrules:\n  - id: r\n    kind: confusables\n    summary: s\n"
        f"    swap: {{a: b}}\n    contexts: {contexts}\n"
        "    examples: {bad: [x], good: [y]}\n"
    )


@pytest.mark.parametrize(
    ("contexts", "says"),
    [
        ('["the reason"]', "exactly one '_'"),
        ('["_ _"]', "exactly one '_'"),
        ('["_? of"]', "cannot be optional"),
    ],
)
def test_a_bad_context_is_reported_where_it_is_written(contexts, says):
    with pytest.raises(PackError) as err:
        parse_pack(_pack(contexts), "p.yaml")
    assert "p.yaml:7:" in str(err.value) and says in str(err.value)


def test_languagetool_twins_are_owned_by_shipped_rules():
    """Every LanguageTool rule switched off for an idiom or confusable names a shipped rule."""
    ids = {r.id for name in ("idioms", "confusables") for r in load_pack(resolve(name)).rules}
    ours = {lt: rule for lt, rule in categories.OWNED_BY.items() if rule.split(".")[0] in
            ("idioms", "confusables")}  # fmt: skip
    assert len(ours) >= 60
    assert set(ours.values()) <= ids


def test_the_pack_covers_sixty_pairs():
    """At least 60 pairs of words, each direction of a pair counted once."""
    rules = load_pack(resolve("confusables")).rules
    pairs = {frozenset(next(iter(rule.check.swap.items()))) for rule in rules}
    assert len(pairs) >= 60


def test_a_sentence_edge_is_context_too(lint):
    """'In principal, ...' opening a sentence is 'in principle'; 'a change in principal,'
    (a school's new head) is not."""
    (issue,) = lint("In principal, the deal is done.")
    assert list(issue.replacements) == ["principle"]
    assert lint("After a change in principal, exam results rose.") == []
