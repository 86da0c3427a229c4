"""people.age: ages beside known names, judged at the publication date."""

from __future__ import annotations


def test_a_wrong_age_names_the_right_one_and_its_source(lint):
    out = lint("Keir Starmer, 58, told reporters the plan was sound.", "2025-04-28")
    [issue] = out.of("age")
    assert out.flagged("age") == ["58"]
    assert issue.replacements == ("62",)
    assert issue.message == (
        "Keir Starmer was 62 on April 28, 2025, not 58 "
        "(born 1962-09-02; names data, checked 2026-11-25)."
    )


def test_every_way_news_copy_writes_an_age(lint):
    for text in (
        "Keir Starmer, 50, spoke.",
        "Keir Starmer, aged 50, spoke.",
        "The 50-year-old Keir Starmer spoke.",
        "The 50-year-old British Prime Minister Keir Starmer spoke.",
        "Keir Starmer (50) spoke.",
        "It was said by Keir Starmer, 50.",
    ):
        assert lint(text).flagged("age") == ["50"], text
    assert not lint("Keir Starmer, 62, spoke.").of("age")
    # a title of lower-case words that ends in a title word
    out = lint("The 38-year-old former economy minister Emmanuel Macron leads.", "2017-03-01")
    assert out.flagged("age") == ["38"]


def test_an_age_is_judged_at_the_publication_date_not_today(lint):
    assert not lint("Angela Merkel, 61, met farmers.", "2016-05-03").of("age")
    assert lint("Angela Merkel, 61, met farmers.", "2020-05-03").flagged("age") == ["61"]


def test_a_birth_known_to_the_year_allows_two_ages(lint):
    for age in ("66", "67"):
        assert not lint(f"Wang Yi, {age}, landed in Rome.", "2020-06-01").of("age")
    [issue] = lint("Wang Yi, 62, landed in Rome.", "2020-06-01").of("age")
    assert issue.replacements == () and "66 or 67" in issue.message


def test_an_age_right_days_before_publication_is_right(lint):
    # Merkel turned 63 on 17 July 2017: copy written the week before says 62
    assert not lint("Angela Merkel, 62, arrived in Hamburg.", "2017-07-21").of("age")
    assert lint("Angela Merkel, 62, arrived in Hamburg.", "2017-09-21").of("age")


def test_the_dead_and_other_times_are_left_alone(lint):
    assert not lint("Shinzo Abe, 67, was mourned in Tokyo.", "2023-01-10").of("age")
    assert not lint("In 2010, Barack Obama, 48, signed the law.").of("age")
    assert not lint("When he took office, Emmanuel Macron, 39, was young.").of("age")
    assert not lint("“Keir Starmer, 58, is too old,” a heckler said.").of("age")


def test_a_surname_alone_needs_the_whole_name_first_and_no_namesake(lint):
    assert lint("Theresa May arrived. May, 55, spoke.", "2017-03-29").flagged("age") == ["55"]
    assert not lint("May, 55, spoke.", "2017-03-29").of("age")
    assert not lint("Mary Johnson, 34, and her neighbour Johnson, 58, were unhurt.").of("age")
    assert not lint("Boris Johnson met Lyndon Johnson's biographer. Johnson, 40, said no.").of(
        "age"
    )


def test_a_number_that_is_not_an_age_is_not_read_as_one(lint):
    assert not lint("The 50-year-old man met Keir Starmer.").of("age")
    assert not lint("Votes: Macron, 24, 26, Le Pen, 21.").of("age")


def test_without_a_publication_date_a_note_and_no_guess(lint):
    out = lint("Keir Starmer, 58, spoke.", None)
    assert not out.of("age")
    assert any("ages of known people were not checked" in n for n in out.notes)


def test_a_publication_after_the_data_was_checked_is_noted(lint):
    out = lint("Keir Starmer, 58, spoke.", "2027-01-04")
    assert out.of("age")
    assert any("checked on 2026-11-25" in n for n in out.notes)


def test_the_date_arithmetic_age_rule_still_reads_its_own_births(lint):
    out = lint("Smith, 54, was born in 1965 in Ohio.", "2025-04-28", packs=("dates", "people"))
    assert [i.rule for i in out.issues] == ["dates.age"]
