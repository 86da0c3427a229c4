"""The engine: merging with LanguageTool, failures that stay contained, suppression, severities."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import TINY_PACK

from lint import document
from lint.config import Config
from lint.engine import Engine, merge
from lint.findings import Finding
from lint.languagetool.settings import LanguageToolSettings


class FakeLanguageTool:
    """Stands in for the LanguageTool backend: fixed findings per text, or a failure."""

    def __init__(self, findings=None, error: Exception | None = None) -> None:
        self.findings = findings or (lambda text: [])
        self.error = error
        self.calls: list[list[str]] = []

    def check_many(self, texts):
        self.calls.append(texts)
        if self.error:
            raise self.error
        return [self.findings(t) for t in texts]


@pytest.fixture
def pack(tmp_path: Path) -> Path:
    path = tmp_path / "house.yaml"
    path.write_text(TINY_PACK)
    return path


def lint_text(engine, config, text, kind="text"):
    return engine.lint([("d", document.parse(text, kind))], config)[0]


def test_languagetool_findings_are_merged_and_ours_win(pack):
    def lt(text):
        at = text.index("tow the line")
        return [
            Finding(at, 3, "Did you mean 'toe'?", ("toe",), rule="languagetool.CONFUSION",
                    category="grammar", severity="warning"),
            Finding(0, 4, "Capitalise.", (), rule="languagetool.CASE", category="typography",
                    severity="info"),
        ]  # fmt: skip

    fake = FakeLanguageTool(lt)
    engine = Engine(languagetool=lambda config: fake)
    config = Config(packs=[str(pack)])
    result = lint_text(engine, config, "they tow the line.")
    assert [(i.rule, i.source) for i in result.issues] == [
        ("languagetool.CASE", "languagetool"),
        ("house.tow", "factlint"),
    ]
    assert fake.calls == [["they tow the line."]]


def test_speller_matches_on_names_are_set_apart_unless_spell_names(pack):
    # the tiny pack needs no spaCy: the engine parses for names because LanguageTool runs
    text = "Officials said Geng Shuang had recieved the letter."

    def lt(t):
        return [
            Finding(t.index(w), len(w), "Possible spelling mistake found.", (s,),
                    rule="languagetool.MORFOLOGIK_RULE_EN_US", category="spelling")
            for w, s in (("Shuang", "Huang"), ("recieved", "received"))
        ]  # fmt: skip

    def flagged(spell_names: bool) -> list[str]:
        fake = FakeLanguageTool(lt)
        fake.settings = LanguageToolSettings(spell_names=spell_names)
        result = lint_text(
            Engine(languagetool=lambda config: fake), Config(packs=[str(pack)]), text
        )
        return [text[i.column - 1 : i.column - 1 + i.length] for i in result.issues]

    assert flagged(spell_names=False) == ["recieved"]
    assert flagged(spell_names=True) == ["Shuang", "recieved"]


def test_languagetool_rules_obey_select_and_ignore(pack):
    fake = FakeLanguageTool(
        lambda t: [
            Finding(0, 4, "x", rule="languagetool.CASE", category="typography", severity="info")
        ]
    )
    engine = Engine(languagetool=lambda config: fake)
    config = Config(packs=[str(pack)], ignore=["languagetool.CASE"])
    assert lint_text(engine, config, "they said.").issues == []


def test_languagetool_failure_is_raised_not_swallowed(pack):
    class LanguageToolError(Exception):
        pass

    engine = Engine(
        languagetool=lambda config: FakeLanguageTool(error=LanguageToolError("server died"))
    )
    with pytest.raises(LanguageToolError):
        lint_text(engine, Config(packs=[str(pack)]), "Text.")


def test_skipped_languagetool_is_said(pack):
    engine = Engine(languagetool=lambda config: FakeLanguageTool())
    config = Config(packs=[str(pack)], languagetool={"enabled": False})
    result = lint_text(engine, config, "Text.")
    assert result.notes == ["LanguageTool was skipped (grammar and spelling not checked)"]


def test_a_crashing_check_is_reported_and_others_run(pack, monkeypatch):
    engine = Engine()
    config = Config(packs=[str(pack)])
    ruleset = engine.ruleset(config)
    broken = next(r for r in ruleset.rules if r.id == "house.very-unique")

    def explode(ctx):
        raise ValueError("boom")

    monkeypatch.setattr(broken.check, "run", explode)
    result = lint_text(engine, config, "They tow the line. A very unique day.")
    assert [i.rule for i in result.issues] == ["house.tow"]
    assert len(result.errors) == 1
    assert result.errors[0].startswith("d: rule house.very-unique failed: ValueError: boom")


def test_merge_keeps_distinct_spans():
    own = [Finding(0, 5, "a", rule="p.a")]
    lt = [Finding(10, 3, "b", rule="languagetool.B"), Finding(1, 3, "c", rule="languagetool.C")]
    assert [f.rule for f in merge(own, lt)] == ["p.a", "languagetool.B"]


def test_vocabulary_reject_and_accept(tmp_path):
    config = Config(packs=[], reject={"utilize": "use"}, accept=["Sudzha"])
    result = lint_text(Engine(), config, "We utilize Utilize tools.")
    assert [(i.column, i.replacements) for i in result.issues] == [(4, ("use",)), (12, ("Use",))]
    assert Engine().ruleset(config).accepted == frozenset({"sudzha"})


def test_merge_one_finding_per_span_and_category():
    own = [
        Finding(0, 9, "misspelt", rule="names.misspelled", category="names"),
        Finding(0, 9, "inconsistent", rule="names.inconsistent", category="names"),
        Finding(0, 9, "style", rule="style.x", category="style"),
    ]
    assert [f.rule for f in merge(own, [])] == ["names.misspelled", "style.x"]


def test_languagetool_date_finding_near_ours_is_the_same_issue():
    own = [Finding(0, 6, "Monday is wrong", rule="dates.weekday-mismatch", category="dates")]
    lt = [
        Finding(18, 4, "wrong year?", rule="languagetool.EN_DATE_WEEKDAY", category="dates"),
        Finding(120, 4, "far away", rule="languagetool.EN_DATE_WEEKDAY", category="dates"),
        Finding(10, 4, "a typo", rule="languagetool.MORFOLOGIK", category="spelling"),
    ]
    assert [f.message for f in merge(own, lt)] == ["Monday is wrong", "far away", "a typo"]
