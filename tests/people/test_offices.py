"""people.office: titles beside known names, judged at the publication date."""

from __future__ import annotations


def test_an_office_left_suggests_former_and_names_the_source(lint):
    out = lint("UK Prime Minister Boris Johnson visited Kyiv on Tuesday.", "2025-02-18")
    [issue] = out.of("office")
    assert out.flagged("office") == ["UK Prime Minister"]
    assert issue.replacements == ("former UK Prime Minister",)
    assert issue.message == (
        "Boris Johnson was Prime Minister of the United Kingdom until 2022-09-06: a former "
        "prime minister (names data, checked 2026-11-25)."
    )


def test_a_wrong_office_names_the_one_held(lint):
    [issue] = lint("Turkish Prime Minister Recep Tayyip Erdoğan said no.", "2025-03-10").of(
        "office"
    )
    assert issue.message.startswith(
        "Recep Tayyip Erdoğan has been President of Turkey since 2014-08-28"
    )
    assert not lint("Turkish President Recep Tayyip Erdoğan said no.", "2025-03-10").of("office")
    assert not lint("Turkish Prime Minister Recep Tayyip Erdoğan said no.", "2010-03-10").of(
        "office"
    )


def test_a_country_in_the_title_must_be_the_office_country(lint):
    assert lint("Mark Rutte, the Belgian prime minister, said no.", "2016-09-20").of("office")
    assert not lint("Mark Rutte, the Dutch prime minister, said no.", "2016-09-20").of("office")
    assert not lint("Mark Rutte, the prime minister, said no.", "2016-09-20").of("office")
    assert lint("Angela Merkel, Germany's chancellor, said no.", "2023-03-01").of("office")
    assert lint("Vladimir Putin, the president of Turkey, said no.", "2019-06-01").of("office")
    assert not lint("Vladimir Putin, the president of Russia, said no.", "2019-06-01").of("office")


def test_qualifiers_are_honoured(lint):
    assert not lint("Former UK Prime Minister Boris Johnson said no.", "2025-02-18").of("office")
    assert not lint("Then-Vice President Joe Biden met Xi Jinping.", "2024-05-01").of("office")
    assert lint("Former President Emmanuel Macron said no.", "2021-05-04").of("office")
    assert not lint("President-elect Joe Biden named his cabinet.", "2020-12-01").of("office")
    assert lint("President-elect Joe Biden tours a plant.", "2022-08-09").of("office")
    assert not lint("Outgoing Chancellor Angela Merkel flies home today.", "2021-12-20").of(
        "office"
    )
    assert lint("Outgoing Prime Minister Theresa May flies home today.", "2021-07-01").of("office")
    assert not lint("Acting President Oleksandr Turchynov signed it.", "2014-03-01").of("office")


def test_an_office_not_yet_taken(lint):
    [issue] = lint("Chancellor Friedrich Merz said no.", "2024-02-17").of("office")
    assert "became Chancellor of Germany on 2025-05-06" in issue.message


def test_ambiguous_titles_and_namesakes_are_left_alone(lint):
    # two presidents Bush; "Chancellor" beside a British politician is the Exchequer's
    assert not lint("President Bush said no.", "2017-03-01").of("office")
    assert not lint("Chancellor Rishi Sunak presented the budget.", "2021-03-03").of("office")
    # an organisation's office, or someone's
    assert not lint("European Commission President Ursula von der Leyen said no.").of("office")
    assert not lint("Putin's Prime Minister Mikhail Mishustin said no.", "2021-03-01").of("office")
    # a surname alone with a title its only bearer never held: someone else
    assert not lint("President Johnson signed the act.", "2020-01-01").of("office")


def test_a_surname_with_a_title_its_bearer_held(lint):
    assert lint("Prime Minister Netanyahu said no.", "2022-03-01").of("office")
    assert not lint("Prime Minister Netanyahu said no.", "2023-03-01").of("office")


def test_other_times_and_quotations_are_left_alone(lint):
    assert not lint("In 2012, Prime Minister Recep Tayyip Erdoğan opened it.").of("office")
    assert not lint("“Prime Minister Boris Johnson will win,” the banner read.").of("office")


def test_without_a_publication_date_a_note_and_no_guess(lint):
    out = lint("UK Prime Minister Boris Johnson said no.", None)
    assert not out.of("office")
    assert any("offices and ages of known people were not checked" in n for n in out.notes)


def test_history_told_in_the_past_keeps_the_title_of_the_time(lint):
    assert not lint("Israeli Prime Minister Ehud Barak met Yasser Arafat.", "2017-02-07").of(
        "office"
    )
    assert not lint("The judge was appointed by President Barack Obama.", "2017-02-07").of("office")
    # anchored to the publication date, or a verb of saying: it tells of now
    assert lint("UK Prime Minister Boris Johnson visited Kyiv on Tuesday.", "2025-02-18").of(
        "office"
    )
    assert lint("UK Prime Minister Boris Johnson said the war must end.", "2025-02-18").of("office")
    # an office never held is wrong at any time
    assert lint("Belgian Prime Minister Mark Rutte met Yasser Arafat.", "2017-02-07").of("office")


def test_a_title_of_the_time_in_a_sentence_about_now(lint):
    # his legacy, his pick; what he did during the campaign; a date within his term
    for text in (
        "Republicans vow to repeal President Barack Obama's health law on Friday.",
        "Trump says President Barack Obama wiretapped him during the campaign.",
        "Trump says President Barack Obama wiretapped him in 2016.",
    ):
        assert not lint(text, "2017-03-10").of("office"), text
    assert lint("Trump says President Barack Obama should apologise.", "2017-03-10").of("office")
