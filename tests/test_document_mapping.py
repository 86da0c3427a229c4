"""Every plain-text offset maps back to the source character it came from."""

from __future__ import annotations

import pytest

from lint import document


def spans_of(doc, word):
    """Source slices for each occurrence of ``word`` in the plain text."""
    out = []
    start = doc.text.find(word)
    while start != -1:
        s, e = doc.source_span(start, len(word))
        out.append((doc.source[s:e], doc.lines.position(s)))
        start = doc.text.find(word, start + 1)
    return out


def test_plain_text_joins_wrapped_lines_and_keeps_positions():
    doc = document.parse("First line of a\nparagraph here.\n\nSecond paragraph.\n", "text")
    assert doc.text.startswith("First line of a paragraph here.")
    assert spans_of(doc, "paragraph here") == [("paragraph here", (2, 1))]
    assert spans_of(doc, "Second") == [("Second", (4, 1))]
    assert len(doc.paragraphs) == 2


def test_crlf_and_bom():
    raw = "\ufeffOne line\r\nand the next\r\n\r\nThird\r\n".encode()
    source = document.decode(raw)
    doc = document.parse(source, "text")
    assert "One line and the next" in doc.text
    assert spans_of(doc, "next") == [("next", (2, 9))]
    assert spans_of(doc, "Third") == [("Third", (4, 1))]


def test_columns_count_code_points():
    doc = document.parse("Emoji 😀 then naïve café error\n", "text")
    [(text, (line, col))] = spans_of(doc, "error")
    assert text == "error" and line == 1 and col == "Emoji 😀 then naïve café ".__len__() + 1


def test_markdown_skips_code_front_matter_urls_and_comments():
    src = (
        "---\ntitle: A draft\ndate: 2025-04-28\n---\n\n"
        "# The *big* heading\n\n"
        "Some `inline code` and a [link text](https://example.com/x) and <https://a.b/c>.\n\n"
        "```\nfenced code\n```\n\n"
        "    indented code\n\n"
        "<!-- a comment -->\n"
        "- item one\n- item **two** here\n"
    )
    doc = document.parse(src, "markdown")
    assert "inline code" not in doc.text
    assert "fenced code" not in doc.text and "indented code" not in doc.text
    assert "example.com" not in doc.text and "a.b/c" not in doc.text
    assert "a comment" not in doc.text and "title" not in doc.text
    assert "link text" in doc.text
    assert doc.metadata["title"] == "A draft"
    assert str(doc.pubdate) == "2025-04-28"
    assert spans_of(doc, "heading") == [("heading", (6, 13))]
    assert spans_of(doc, "two here") == [("two** here", (18, 10))]


def test_markdown_hard_wrapped_paragraph_is_one_text():
    doc = document.parse("A sentence that runs\nover two lines.\n", "markdown")
    assert "runs over two" in doc.text
    assert spans_of(doc, "over") == [("over", (2, 1))]


def test_markdown_escapes_and_entities_map_back():
    doc = document.parse("Price: 5 &amp; up, a \\*star\\* rating.\n", "markdown")
    assert "5 & up" in doc.text
    assert spans_of(doc, "rating") == [("rating", (1, 31))]


def test_html_prose_blocks_and_metadata():
    src = (
        "<html><head><title>T</title>"
        '<meta property="article:published_time" content="2025-04-28T10:00:00Z">'
        "<style>p {color: red}</style></head>\n"
        "<body><p>First <b>bold</b> para.</p><script>var x = 1;</script>\n"
        "<div>Second &amp; last</div></body></html>\n"
    )
    doc = document.parse(src, "html")
    assert "color" not in doc.text and "var x" not in doc.text
    assert "First bold para." in doc.text
    assert str(doc.pubdate) == "2025-04-28"
    assert spans_of(doc, "para") == [("para", (2, 28))]
    assert spans_of(doc, "last") == [("last", (3, 19))]
    assert doc.text.index("Second") > doc.text.index("para.")
    assert len(doc.paragraphs) >= 2


@pytest.mark.parametrize("kind", ["text", "markdown", "html"])
def test_directives_found(kind):
    src = "<!-- factlint-disable-next-line idioms.* -->\nThey tow the line.\n"
    doc = document.parse(src, kind)
    assert [(d.action, d.rules) for d in doc.directives] == [("disable-next-line", ("idioms.*",))]
    assert "factlint" not in doc.text


def test_hash_directive_in_plain_text():
    doc = document.parse("# factlint-disable style\nText.\n", "text")
    assert [(d.action, d.rules) for d in doc.directives] == [("disable", ("style",))]
    assert doc.text.strip() == "Text."


def test_lone_cr_and_unicode_line_separators():
    doc = document.parse("line one\rThey tow\u2028the line.\r\n", "text")
    [(_, position)] = spans_of(doc, "They")
    assert position == (2, 1)  # a lone CR ends a line, as editors count it
    [(_, position)] = spans_of(doc, "line.")
    assert position == (2, 14)  # U+2028 does not (nor does it for LSP clients)
