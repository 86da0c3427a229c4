"""The rule reference: one committed page per shipped rule, up to date; every shipped rule
links to its page; `explain` prints the link and the publication date an example needs."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urlparse
from urllib.request import url2pathname

from lint.explain import reference_pages
from lint.packs import load_pack
from lint.packs.loader import shipped_dir, shipped_names

DOCS = Path(__file__).resolve().parents[2] / "docs" / "rules"


def test_committed_reference_is_up_to_date():
    """Fails after a shipped rule changed: run `make docs` (factlint rules --format markdown
    --output docs/rules/) and commit docs/rules/."""
    pages = reference_pages()
    committed = {p.name: p.read_text(encoding="utf-8") for p in DOCS.glob("*.md")}
    assert sorted(committed) == sorted(pages), "pages added or removed: run `make docs`"
    stale = [name for name, text in pages.items() if committed[name] != text]
    assert not stale, f"out of date: {stale[:5]}: run `make docs`"


def test_every_shipped_rule_links_to_its_page():
    for name in shipped_names():
        for rule in load_pack(shipped_dir() / f"{name}.yaml").rules:
            assert rule.link and rule.link.startswith("file://"), rule.id
            page = Path(url2pathname(urlparse(rule.link).path))
            assert page.name == f"{rule.id}.md" and page.is_file(), rule.id


def test_a_page_says_what_why_examples_and_options():
    text = (DOCS / "idioms.tow-the-line.md").read_text(encoding="utf-8")
    for heading in ("## What it does", "## Why", "## Examples", "## Options", "## Configure"):
        assert heading in text
    assert "- ✗ " in text and "- ✓ " in text and "after `--fix`" in text
    index = (DOCS / "README.md").read_text(encoding="utf-8")
    assert "[`idioms.tow-the-line`](idioms.tow-the-line.md)" in index


def test_pack_link_patterns(write, tmp_path):
    path = write(
        "house.yaml",
        """\
        name: house
        description: x
        link: https://desk.example/style#{id}
        rules:
          - id: tow
            kind: substitution
            swap: {tow the line: toe the line}
          - id: own
            kind: substitution
            link: https://desk.example/own
            swap: {a lot: many}
        """,
    )
    rules = {r.id: r.link for r in load_pack(path).rules}
    assert rules == {
        "house.tow": "https://desk.example/style#house.tow",
        "house.own": "https://desk.example/own",
    }


def test_explain_prints_the_link_and_each_examples_publication_date(factlint):
    result = factlint("explain", "people.age")
    assert result.exit_code == 0, result.stderr
    assert f"link: {(DOCS / 'people.age.md').resolve().as_uri()}" in result.stdout
    bad = result.stdout.split("Bad (flagged):", 1)[1].split("Good (left alone):", 1)[0]
    good = result.stdout.split("Good (left alone):", 1)[1]
    same = "Keir Starmer, 58, told reporters the plan was sound."
    bad_line = next(line for line in bad.splitlines() if same in line)
    good_line = next(line for line in good.splitlines() if same in line)
    assert bad_line.endswith("(published 2025-04-28)")
    assert good_line.endswith("(no publication date)")  # the rule stands down: nothing to judge


def test_explain_of_a_typo_names_the_closest_rules(factlint):
    result = factlint("explain", "idioms.tow-teh-line")
    assert result.exit_code == 2
    assert "no rule id 'idioms.tow-teh-line'; did you mean 'idioms.tow-the-line'" in result.stderr
