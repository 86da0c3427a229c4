"""Fixes that respect the file (issue 18): hard wraps survive a fix across a line break,
and deleting page furniture leaves neither an empty Markdown structure nor a run of blank
lines, nor a blank line at the end of the file. One real ``factlint check --fix`` over
every case (and ``--diff``, which must show the same edits)."""

from __future__ import annotations

import pytest

from lint.autofix import keep_layout

from .conftest import factlint

CASES = {
    # name: (before, after)
    "wordy-across-a-break.txt": (
        "The council said it would act in order\nto cut the budget before the vote.\n",
        "The council said it would act\nto cut the budget before the vote.\n",
    ),
    "same-words-across-a-break.txt": (
        "They said they would tow the\nline on the budget.\n",
        "They said they would toe the\nline on the budget.\n",
    ),
    "one-word-across-a-break.txt": (
        "The vote, at this point\nin time, was close.\n",
        "The vote,\nnow, was close.\n",
    ),
    "furniture-paragraph.md": (
        "The mayor spoke.\n\nAdvertisement\n\nShe said the plan would work.\n",
        "The mayor spoke.\n\nShe said the plan would work.\n",
    ),
    "furniture-bullet.md": (
        "Items:\n\n- Advertisement\n- A real item\n",
        "Items:\n\n- A real item\n",
    ),
    "furniture-quote.md": (
        "He spoke.\n\n> Advertisement\n\nThen he left.\n",
        "He spoke.\n\nThen he left.\n",
    ),
    "furniture-heading.md": (
        "# Budget\n\nThe vote was close.\n\n## Related Posts\n\nMore text follows.\n",
        "# Budget\n\nThe vote was close.\n\nMore text follows.\n",
    ),
    "furniture-table-row.md": (
        "Scores:\n\n| Team | Points |\n| --- | --- |\n| Advertisement |\n| Reds | 3 |\n",
        "Scores:\n\n| Team | Points |\n| --- | --- |\n| Reds | 3 |\n",
    ),
    "furniture-at-the-end.md": (
        "The story ends here.\n\nAdvertisement\n",
        "The story ends here.\n",
    ),
    "furniture-at-the-end-no-newline.md": (
        "The story ends here.\n\nSource link",
        "The story ends here.\n",
    ),
    "furniture-at-the-start.md": (
        "Advertisement\n\nThe story starts here.\n",
        "The story starts here.\n",
    ),
    "furniture-twice-in-a-row.md": (
        "First part.\n\nAdvertisement\n\nRelated Posts\n\nSecond part.\n",
        "First part.\n\nSecond part.\n",
    ),
}
UNTOUCHED = {
    # a table cell among others: deleting it would leave an empty cell
    "furniture-in-a-table-cell.md": "| Team | Note |\n| --- | --- |\n| Reds | Advertisement |\n",
}


@pytest.fixture
def drafts(tmp_path):
    (tmp_path / "c.yaml").write_text("packs: [default]\nlanguagetool: {enabled: false}\n")
    for name, (before, _) in CASES.items():
        (tmp_path / name).write_bytes(before.encode())
    for name, text in UNTOUCHED.items():
        (tmp_path / name).write_text(text)
    return tmp_path


def test_fix_and_diff_respect_the_file(drafts):
    names = [*CASES, *UNTOUCHED]
    diff = factlint("check", "--config", "c.yaml", "--diff", *names, cwd=drafts, timeout=300)
    assert "Traceback" not in diff.stderr
    fixed = factlint("check", "--config", "c.yaml", "--fix", *names, cwd=drafts, timeout=300)
    assert "Traceback" not in fixed.stderr, fixed.stderr
    wrong = {}
    for name, (_, after) in CASES.items():
        got = (drafts / name).read_text()
        if got != after:
            wrong[name] = got
    assert wrong == {}
    for name, text in UNTOUCHED.items():
        assert (drafts / name).read_text() == text
        assert f"+++ b/{name}" not in diff.stdout
    for name in CASES:  # --diff showed the very edits --fix made
        assert f"+++ b/{name}" in diff.stdout
    added = [
        ln.rstrip() for ln in diff.stdout.splitlines() if ln.startswith("+") and ln[1:2] != "+"
    ]
    assert not {"+", "+-", "+>", "+##", "+|  |"} & set(added)  # no empty structure left


@pytest.mark.parametrize(
    ("original", "replacement", "expected"),
    [
        ("in order\nto", "to", "to"),  # one word: _wrapped keeps the break beside it
        ("each and\nevery", "every single", "every\nsingle"),
        ("a b\nc d", "x y", "x\ny"),
        ("a\nb c\nd", "x y z", "x\ny\nz"),
        ("tow the\nline", "toe the line", "toe the\nline"),
        ("a  b", "a b", "a  b"),
        ("  ", " ", " "),
    ],
)
def test_keep_layout_keeps_line_breaks_first(original, replacement, expected):
    assert keep_layout(original, replacement) == expected
