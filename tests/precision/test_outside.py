"""Where rules stand down (issue 14): style advice never rewords a quotation, idioms and
typos still count inside one, and a text with gaps left by removed values is not
reported for its spacing; LanguageTool's rules that repeat factlint's are switched off."""

from __future__ import annotations

from lint import document
from lint.config import Config
from lint.engine import Engine, _without_owned
from lint.findings import Finding
from lint.languagetool import categories


def rules(text: str, **config) -> list[str]:
    doc = document.parse(text, "text")
    cfg = Config(languagetool={"enabled": False}, **config)
    return [i.rule for i in Engine().lint([("d", doc)], cfg)[0].issues]


def test_style_rules_do_not_reword_a_quotation():
    assert "style.wordy" in rules("The council borrowed money in order to pay its staff.")
    assert "style.wordy" not in rules('"We borrowed money in order to pay the staff," she said.')


def test_slips_inside_a_quotation_are_still_reported():
    found = rules('"They will have to tow the line," she said. "We recieved the the letter."')
    assert "idioms.tow-the-line" in found
    assert "typos.misspelling" in found
    assert "typography.repeated-word" in found


def test_gapped_text_is_not_reported_for_spacing_but_prose_is():
    assert "typography.space-before-punctuation" in rules("He left , then returned.")
    gapped = (
        "With an area of , the province is the largest. Its name (; , ) is old. He left , then."
    )
    assert "typography.space-before-punctuation" not in rules(gapped)


def test_languagetool_rules_that_repeat_ours_are_switched_off_while_ours_are_on():
    engine = Engine()
    on = _without_owned(Config(), engine.ruleset(Config()))
    assert {"ENGLISH_WORD_REPEAT_RULE", "SENTENCE_WHITESPACE", "EN_DATE_WEEKDAY"} <= set(
        on["disabled_rules"]
    )
    off = Config(
        ignore=["typography.repeated-word"], languagetool={"enabled_rules": ["EN_DATE_WEEKDAY"]}
    )
    section = _without_owned(off, engine.ruleset(off))
    assert "ENGLISH_WORD_REPEAT_RULE" not in section["disabled_rules"]
    assert "EN_DATE_WEEKDAY" not in section["disabled_rules"]


def test_house_style_advice_of_languagetool_is_info():
    assert categories.severity_for("grammar", "COMMA_COMPOUND_SENTENCE") == "info"
    assert categories.severity_for("grammar", "EN_COMPOUNDS_AL_QAEDA") == "info"
    assert categories.severity_for("grammar", "HE_VERB_AGR") == "warning"
    # adding the hyphen of a compound modifier corrects; closing one up is style
    hyphen = categories.severity_for(
        "grammar", "EN_COMPOUNDS_HIGH_POWERED", "high powered", ("high-powered",)
    )
    assert hyphen == "warning"
    closed = categories.severity_for(
        "grammar", "EN_COMPOUNDS_MULTI_NATIONAL", "multi-national", ("multinational",)
    )
    assert closed == "info"


def test_a_compound_written_two_ways_in_one_draft_is_a_warning():
    finding = Finding(
        30, 13, "Did you mean?", ("firefighters",), rule="languagetool.FIGHTER_COMPOUNDS",
        category="grammar", severity="info",
    )  # fmt: skip
    text = "The firefighters were tired. " + "fire fighters" + " came back."
    assert categories.compound_in_draft(finding, text).severity == "warning"
    alone = "The crews were tired. Then " + "fire fighters" + " came back."
    moved = Finding(27, 13, "Did you mean?", ("firefighters",), rule=finding.rule,
                    category="grammar", severity="info")  # fmt: skip
    assert categories.compound_in_draft(moved, alone).severity == "info"


def test_ap_style_is_not_pushed_onto_australian_copy_unless_asked_for():
    text = "The law takes effect December 5 at 8pm."
    assert "style.month-abbreviation" in rules(text, language="en-US")
    assert "style.month-abbreviation" not in rules(text, language="en-AU")
    asked = rules(text, language="en-AU", select=["*", "style.month-abbreviation"])
    assert "style.month-abbreviation" in asked
    assert "style.am-pm-style" not in asked


def test_a_compound_modifier_needs_its_hyphen_before_a_noun_only():
    def compound(text: str, span: str) -> str:
        at = text.index(span)
        finding = Finding(at, len(span), "Use a hyphen.", (span.replace(" ", "-"),),
                          rule="languagetool.EN_COMPOUNDS_WELL_PLACED", category="grammar",
                          severity="warning")  # fmt: skip
        return categories.compound_in_draft(finding, text).severity

    assert compound("A well placed source said so.", "well placed") == "warning"
    assert compound("She is well placed to win.", "well placed") == "info"
    assert compound("The crew was clued up.", "clued up") == "info"
