"""Pieces that need no Java: settings, categories, splitting, offsets, vocabulary, HTTP errors."""

from __future__ import annotations

import socket
from pathlib import Path

import pytest

from lint.config import Config
from lint.languagetool import LanguageToolError, LanguageToolSettings, categories
from lint.languagetool.backend import (
    LanguageToolBackend,
    accepted_tokens,
    backend_factory,
    is_accepted,
    pack,
    paragraph_spans,
    utf16_to_index,
)
from lint.languagetool.settings import NEWS_DISABLED_RULES

from .support import lt_matches

# -- settings ----------------------------------------------------------------------------


def test_settings_from_mapping_accepts_kebab_case_and_ignores_enabled():
    s = LanguageToolSettings.from_mapping(
        {"max-memory": "1g", "idle_timeout": "60", "enabled": True, "picky": True}
    )
    assert (s.max_memory, s.idle_timeout, s.picky) == ("1g", 60, True)


@pytest.mark.parametrize(
    "section, message",
    [
        ({"max_memroy": "1g"}, "unknown setting 'max_memroy'"),
        ({"max_memory": "lots"}, "max_memory must look like"),
        ({"picky": "yes"}, "picky must be true or false"),
        ({"spell-names": 1}, "spell_names must be true or false"),
        ({"workers": "many"}, "workers must be a whole number"),
    ],
)
def test_settings_mistakes_are_named(section, message):
    with pytest.raises(ValueError, match=message):
        LanguageToolSettings.from_mapping(section)


def test_env_url_wins(monkeypatch):
    monkeypatch.setenv("FACTLINT_LANGUAGETOOL_URL", "http://lt.example:8081")
    s = LanguageToolSettings.from_mapping({"url": "http://other:1"})
    assert s.url == "http://lt.example:8081" and s.external


def test_cache_dir_order(monkeypatch, tmp_path):
    monkeypatch.delenv("FACTLINT_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    assert LanguageToolSettings().cache_dir == tmp_path / "xdg" / "factlint"
    monkeypatch.setenv("FACTLINT_CACHE_DIR", str(tmp_path / "mine"))
    s = LanguageToolSettings()
    assert s.cache_dir == tmp_path / "mine"
    assert s.jars == tmp_path / "mine" / "languagetool" / s.version
    assert s.state == tmp_path / "mine" / "languagetool" / "server"


def test_from_config_merges_language_and_vocabulary():
    config = Config(language="en-GB", accept=["Zelenskyy"],
                    languagetool={"accepted_words": ["Budanov"]})  # fmt: skip
    s = LanguageToolSettings.from_config(config)
    assert s.language == "en-GB"
    assert s.accepted_words == {"Zelenskyy", "Budanov"}
    section_wins = Config(language="en-GB", languagetool={"language": "en-AU"})
    assert LanguageToolSettings.from_config(section_wins).language == "en-AU"


def test_unpaired_brackets_off_by_default_unless_enabled():
    off = LanguageToolSettings().effective_disabled_rules
    assert {"EN_UNPAIRED_BRACKETS", "EN_UNPAIRED_QUOTES"} <= set(off)
    s = LanguageToolSettings(enabled_rules=list(NEWS_DISABLED_RULES), disabled_rules=["X"])
    assert s.effective_disabled_rules == ["X"]


def test_factory_caches_one_backend_per_settings_and_reports_bad_sections():
    a = backend_factory(Config(languagetool={"url": "http://127.0.0.1:9"}))
    b = backend_factory(Config(languagetool={"url": "http://127.0.0.1:9"}))
    c = backend_factory(Config(languagetool={"url": "http://127.0.0.1:9", "picky": True}))
    assert a is b and a is not c
    with pytest.raises(LanguageToolError, match="unknown setting 'colour'"):
        backend_factory(Config(path=Path("x.yaml"), languagetool={"colour": 1}))


# -- categories ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    "rule, category, issue, expected",
    [
        ("MORFOLOGIK_RULE_EN_US", "TYPOS", "misspelling", "spelling"),
        ("HE_VERB_AGR", "GRAMMAR", "grammar", "grammar"),
        ("COMMA_PARENTHESIS_WHITESPACE", "TYPOGRAPHY", "typographical", "typography"),
        ("EN_DATE_WEEKDAY", "SEMANTICS", "inconsistency", "dates"),
        ("DATE_WEEKDAY", "SEMANTICS", "inconsistency", "dates"),
        ("TOO_LONG_SENTENCE", "STYLE", "style", "style"),
        ("SOMETHING_NEW", "NEW_CATEGORY", "whitespace", "typography"),
        ("SOMETHING_ELSE", None, None, "grammar"),
    ],
)
def test_categories(rule, category, issue, expected):
    assert categories.category_for(rule, category, issue) == expected


def test_only_whitelisted_rules_with_one_replacement_are_fixable():
    assert categories.is_safe_fix("CONSECUTIVE_SPACES", (" ",))
    assert not categories.is_safe_fix("DOUBLE_PUNCTUATION", (".", "…"))
    assert not categories.is_safe_fix("MORFOLOGIK_RULE_EN_US", ("receive",))


# -- splitting, offsets, vocabulary ----------------------------------------------------------


def test_paragraphs_cover_the_text_and_pack_into_requests():
    paragraphs = ["word " * 300 + "end.", "more " * 300, "last line\nsame paragraph"]
    text = "\n\n".join(paragraphs)
    spans = paragraph_spans(text)
    assert len(spans) == 3
    assert "".join(text[s:e] for s, e in spans) == text
    assert all(text[s - 2 : s] == "\n\n" for s, _ in spans[1:])
    bodies = [text[s:e] for s, e in spans]
    packed = pack(bodies, limit=2000)
    assert [starts for _, starts in packed] == [[0], [0, len(bodies[1])]]  # 1 + 2 paragraphs
    last, starts = packed[1]
    assert last == bodies[1] + bodies[2] + "\n\n"  # the last one ends in a blank line too
    assert last[starts[0] :].startswith("more")


def test_utf16_offsets_become_code_points():
    text = "😀 a 😀😀 teh"
    convert = utf16_to_index(text)
    assert convert is not None
    at16 = len(text[: text.index("teh")].encode("utf-16-le")) // 2
    assert convert(at16) == text.index("teh")
    assert utf16_to_index("plain ascii, café") is None


def test_accepted_words_cover_names_and_possessives():
    tokens = accepted_tokens({"Volodymyr Zelenskyy", "Kyiv"})
    assert is_accepted("Zelenskyy", tokens)
    assert is_accepted("zelenskyy’s", tokens)
    assert is_accepted("Volodymyr Zelenskyy", tokens)
    assert not is_accepted("Zelensky", tokens)


# -- the backend against a fake server ------------------------------------------------------


def test_findings_from_pieces_land_in_the_whole_text(fake_lt):
    def respond(text):
        matches = [m for w in ("teh", "Budanov") for m in lt_matches(text, w)]
        return 200, {"matches": matches}

    fake = fake_lt(respond)
    first = " ".join(f"w{i}" for i in range(418)) + " 😀 end.\n\n"  # one request
    texts = [first + "Then teh end, said Budanov.", "", "Fine.", "teh again"]
    backend = LanguageToolBackend(
        LanguageToolSettings(url=fake.url, accepted_words={"Budanov"}, workers=3)
    )
    results = backend.check_many(texts)
    # the long paragraph alone, the three short ones in one request; the empty text not sent
    assert len(fake.texts) == 2
    [f] = results[0]
    assert texts[0][f.offset : f.offset + f.length] == "teh"
    assert (f.rule, f.category, f.severity) == ("languagetool.MORFOLOGIK_RULE_EN_US",
                                                 "spelling", "warning")  # fmt: skip
    assert results[1] == [] and results[2] == []
    assert [texts[3][f.offset : f.offset + f.length] for f in results[3]] == ["teh"]


def test_a_paragraph_checked_before_is_not_sent_again(fake_lt):
    """An edit re-checks one paragraph: the others are answered from the cache."""

    def respond(text):
        return 200, {"matches": lt_matches(text, "teh")}

    fake = fake_lt(respond)
    backend = LanguageToolBackend(LanguageToolSettings(url=fake.url))
    before = "First teh paragraph.\n\nSecond one.\n\nThird teh one."
    after = "First teh paragraph.\n\nSecond one, edited.\n\nThird teh one."
    first = backend.check_many([before])[0]
    sent = len(fake.texts)
    second = backend.check_many([after])[0]
    assert fake.texts[sent:] == ["Second one, edited.\n\n"]
    assert [after[f.offset : f.offset + f.length] for f in second] == ["teh", "teh"]
    assert second[1].offset == first[1].offset + len(", edited")


def test_server_error_is_one_clear_line(fake_lt):
    """An error answer loses the texts of that request only, each said in one line."""
    fake = fake_lt(lambda text: (500, "Error: something broke inside\nat org.languagetool..."))
    backend = LanguageToolBackend(LanguageToolSettings(url=fake.url))
    checked = backend.check_many(["Some text."])
    assert checked == [[]] and list(checked.failed) == [0]
    offset, why = checked.failed[0]
    assert offset == 0 and "HTTP 500: Error: something broke inside" in why
    assert "\n" not in why


def test_unreachable_external_server_raises_after_a_retry():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]  # closed again: nothing listens there
    backend = LanguageToolBackend(LanguageToolSettings(url=f"http://127.0.0.1:{port}"))
    with pytest.raises(LanguageToolError, match="is not answering, also after a retry"):
        backend.check_many(["Some text."])
    assert backend.check_many(["", "  "]) == [[], []]  # nothing to check needs no server
