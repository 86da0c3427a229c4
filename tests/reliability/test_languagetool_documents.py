"""LanguageTool failing on one document loses only that document's grammar check.

Paragraphs that stall LanguageTool are ordinary in news copy and pastes. Each kind is
tried against the real server (it is checked, fast, and the rest of the draft too);
an error answer or a timeout on one document, through a real ``factlint check``,
names that document in one line (exit 2) and prints everything else, in every format;
and a request the client gave up on does not keep the real server busy
(``languagetool.check_time_limit``, LanguageTool's ``maxCheckTimeMillis``).
"""

from __future__ import annotations

import base64
import itertools
import json
import random
import time
from urllib.parse import parse_qs

import psutil
import pytest
import requests
from conftest import TINY_PACK
from languagetool.support import FakeLT, isolated, lt_match

from lint.languagetool import pieces, server
from lint.languagetool.backend import LanguageToolBackend
from lint.languagetool.settings import LanguageToolSettings

from .conftest import error_lines, factlint
from .fakes import FakeServer

MARK = "Zanzibarian"  # the word the fake server cannot check
GRAMMAR = "This are a simple test of the grammar.\n"


def _stalling_kinds() -> dict[str, str]:
    rng = random.Random(17)
    words = ["the", "council", "met", "again", "on", "a", "day", "when", "the", "mayor", "said"]
    return {
        "table-of-numbers": ", ".join(str(rng.randint(0, 99999)) for _ in range(4000)),
        "data-uri": "data:image/png;base64," + base64.b64encode(rng.randbytes(30000)).decode(),
        "run-of-dots": "The figures were " + "." * 20000 + " in.",
        "zero-width-joiners": "The " + "\u200d".join(["statement"] * 2500) + " ends.",
        "combining-marks": "The " + "a\u0301\u0308\u0323" * 5000 + " ends.",
        "megabyte-of-one-word": " ".join(["council"] * 130_000),
        "40kb-without-punctuation": " ".join(rng.choice(words) for _ in range(9000))[:40_000],
    }


# -- the real server ---------------------------------------------------------------------------


@pytest.mark.slow
@pytest.mark.languagetool
@pytest.mark.xdist_group("languagetool")
def test_each_stalling_kind_is_checked_by_the_real_server(shared_server, shared_settings, tmp_path):
    """One draft per kind, each with an ordinary grammar slip after the paste: every draft
    is checked (the slip is found, no "not grammar-checked"), all in one bounded run."""
    kinds = _stalling_kinds()
    for name, paste in kinds.items():
        (tmp_path / f"{name}.txt").write_text(f"{paste}\n\n{GRAMMAR}")
    (tmp_path / ".factlint.yaml").write_text(  # the shared server, used (and kept awake)
        f"packs: [typos]\nlanguagetool: {{cache_dir: {shared_settings.cache_dir}, "
        f"jar_dir: {shared_settings.jars}}}\n"
    )
    began = time.monotonic()
    proc = factlint("check", "--config", ".factlint.yaml", "-f", "json", *(f"{n}.txt" for n in kinds), cwd=tmp_path,
                    timeout=600)  # fmt: skip
    took = time.monotonic() - began
    assert "Traceback" not in proc.stderr
    assert error_lines(proc.stderr) == [], proc.stderr
    issues = json.loads(proc.stdout)
    slips = {i["path"] for i in issues if i["source"] == "languagetool" and i["line"] == 3}
    assert slips == {f"{n}.txt" for n in kinds}, proc.stderr
    assert took < 300, f"{took:.0f} s"


@pytest.mark.slow
@pytest.mark.languagetool
@pytest.mark.xdist_group("languagetool")
def test_an_abandoned_request_does_not_keep_the_server_busy(real_jars, tmp_path):
    """A client gives up on a request after 1 s; the server stops working on it at its
    check_time_limit (5 s here), instead of spending minutes on text nobody waits for."""
    settings = isolated(tmp_path / "cache", real_jars, check_time_limit=5)
    try:
        state = server.ensure_server(settings, say=lambda _: None, warm_up=False)
        assert "maxCheckTimeMillis=5000" in (settings.state / server.CONFIG_FILE).read_text()
        java = psutil.Process(state.pid)

        def cpu() -> float:
            times = java.cpu_times()
            return times.user + times.system

        time.sleep(5)  # let the start's own work settle
        began = time.monotonic()
        with pytest.raises(requests.exceptions.Timeout):  # 20,000 dots take minutes unmasked
            requests.post(f"{state.url}/v2/check", timeout=1,
                          data={"language": "en-US", "text": "So " + "." * 20000 + " on."})  # fmt: skip
        # the limit, and slack for the JVM's own upkeep after a large request (JIT, GC:
        # on a busy host 2 s of CPU in the next 5 s)
        time.sleep(max(0.0, began + 5 + 10 - time.monotonic()))
        before = cpu()
        time.sleep(5)
        # a request still running would take 5 s of CPU
        assert cpu() - before < 2.0, "the server kept working on the abandoned request"
    finally:
        server.stop_server(settings)


# -- one document the server cannot check, through the command -------------------------------


def _answer(bad):
    """A fake LanguageTool: `bad(handler)` for a request holding MARK, else a real-shaped
    answer flagging every "This are"."""

    def answer(handler) -> None:
        text = parse_qs(handler.body.decode()).get("text", [""])[0]
        if MARK in text:
            bad(handler)
            return
        matches = []
        at = text.find("This are")
        while at >= 0:
            matches.append(lt_match(text, "This are", rule="THIS_NNS", category="GRAMMAR",
                                    issue="grammar", replacements=("These are",), at=at))  # fmt: skip
            at = text.find("This are", at + 1)
        handler.reply(200, {"matches": matches})

    return answer


@pytest.fixture
def three(tmp_path):
    (tmp_path / "house.yaml").write_text(TINY_PACK)
    (tmp_path / "short.txt").write_text(f"They tow the line.\n\n{GRAMMAR}")
    (tmp_path / "bad.md").write_text(f"# Notes\n\nA {MARK} paragraph.\n\n{GRAMMAR}")
    (tmp_path / "long.md").write_text("\n\n".join([GRAMMAR] * 30))
    return tmp_path


def _run(root, url, *args, timeout_s=30):
    (root / ".factlint.yaml").write_text(
        f'packs: [./house.yaml]\nlanguagetool: {{url: "{url}", request_timeout: {timeout_s}}}\n'
    )
    return factlint(
        "check",
        "--config",
        ".factlint.yaml",
        *args,
        "short.txt",
        "bad.md",
        "long.md",
        cwd=root,
        timeout=120,
    )


BAD = {
    "http-500": lambda h: h.reply(500, "Error: java.lang.OutOfMemoryError\n\tat org.X"),
    "time-limit-500": lambda h: h.reply(500, "Error: Checking took longer than 60.0 seconds"),
    "http-503": lambda h: h.reply(503, "Service Unavailable"),
    "http-413": lambda h: h.reply(413, "Error: Your text exceeds the limit"),
    "no-answer-in-time": lambda h: h.stall(),
}


@pytest.mark.parametrize("kind", list(BAD))
def test_one_document_languagetool_cannot_check(three, kind):
    """Only bad.md is named (once); short.txt and long.md are checked and printed."""
    fake = FakeServer(_answer(BAD[kind]))
    try:
        proc = _run(three, fake.url, timeout_s=2)
    finally:
        fake.close()
    assert "Traceback" not in proc.stderr
    assert proc.returncode == 2, proc.stderr
    [line] = error_lines(proc.stderr)
    assert line.startswith(
        f"factlint: error: bad.md:3: not grammar-checked: LanguageTool at {fake.url}"
    )
    assert "short.txt:1:6: warning house.tow" in proc.stdout
    assert "short.txt:3:1:" in proc.stdout and "long.md:88:1:" in proc.stdout  # LT's findings
    assert "bad.md:5:1:" in proc.stdout  # its other paragraph was checked alone


@pytest.mark.parametrize("fmt", ["json", "sarif", "github"])
def test_everything_else_is_printed_in_every_format(three, fmt):
    fake = FakeServer(_answer(BAD["http-500"]))
    try:
        proc = _run(three, fake.url, "-f", fmt)
    finally:
        fake.close()
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    [line] = error_lines(proc.stderr)
    assert "bad.md:3: not grammar-checked" in line
    if fmt == "json":
        paths = {(i["path"], i["rule"]) for i in json.loads(proc.stdout)}
        assert ("short.txt", "house.tow") in paths and ("long.md", "languagetool.THIS_NNS") in paths
    elif fmt == "sarif":
        results = json.loads(proc.stdout)["runs"][0]["results"]
        assert {r["ruleId"] for r in results} >= {"house.tow", "languagetool.THIS_NNS"}
    else:
        assert "file=short.txt,line=1" in proc.stdout and "file=long.md" in proc.stdout


def test_a_server_failing_everything_names_each_document_once(three):
    fake = FakeLT(lambda text: (500, "Error: broken"))
    try:
        proc = _run(three, fake.url)
    finally:
        fake.close()
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    lines = error_lines(proc.stderr)
    assert sorted(ln.split(":")[2].strip() for ln in lines) == ["bad.md", "long.md", "short.txt"]
    assert all("not grammar-checked: LanguageTool at" in ln for ln in lines)
    assert "short.txt:1:6: warning house.tow" in proc.stdout


def test_a_stalled_server_costs_a_bounded_time(three):
    """Nothing answers: after the first piece alone times out nothing more is sent, and
    the run ends within a few request timeouts instead of one per piece."""
    (three / "more.md").write_text("\n\n".join(f"Part {i}. " + "Words go here. " * 150
                                               for i in range(20)))  # fmt: skip
    fake = FakeServer(lambda h: h.stall())
    try:
        began = time.monotonic()
        (three / ".factlint.yaml").write_text(
            f'packs: [./house.yaml]\nlanguagetool: {{url: "{fake.url}", request_timeout: 2}}\n'
        )
        proc = factlint(
            "check", "--config", ".factlint.yaml", "short.txt", "more.md", cwd=three, timeout=120
        )
        took = time.monotonic() - began
    finally:
        fake.close()
    assert proc.returncode == 2 and "Traceback" not in proc.stderr
    assert len(error_lines(proc.stderr)) == 2
    assert took < 40, f"{took:.0f} s"
    assert fake.posts < 20


# -- the pieces sent (a fake server in this process) -------------------------------------------


def test_long_paragraphs_are_cut_at_sentence_ends_and_cover_the_text():
    kinds = _stalling_kinds()
    prose = "The council met on Tuesday. It agreed, after a debate, to cut the budget. " * 200
    for text in [*kinds.values(), prose]:
        parts = pieces.parts(text)
        assert parts[0].start == 0 and parts[-1].end == len(text)
        assert all(a.end == b.start for a, b in itertools.pairwise(parts))
        assert max(p.end - p.start for p in parts) <= pieces.PIECE_CHARS
    cuts = pieces.parts(prose)
    assert all(prose[p.end - 2 : p.end] == ". " for p in cuts[:-1])  # sentence ends only
    assert not any(p.cut_before or p.cut_after for p in cuts)


def test_masked_text_maps_back_and_stays_quiet():
    body = f"So {'.' * 50} the mayor\u200d said: {'x' * 130} teh end."
    m = pieces.mask(body)
    assert len(m.text) < len(body) and "\u200d" not in m.text
    at = m.text.index("teh")
    assert body[m.original(at) : m.original(at + 3)] == "teh"
    assert m.original(len(m.text)) == len(body)
    dots = body.index("..")
    assert m.is_quiet(dots, dots + 3) and not m.is_quiet(m.original(at), m.original(at + 3))


def test_findings_of_every_kind_land_on_the_original_text():
    """The fake flags "teh" wherever it is sent; the finding lands on the original "teh"
    after each kind of paste, and nothing is reported on the masked pastes themselves."""

    def respond(text):
        found = []
        at = text.find("teh")
        while at >= 0:
            found.append(lt_match(text, "teh", at=at))
            at = text.find("teh", at + 1)
        return 200, {"matches": found}

    fake = FakeLT(respond)
    try:
        backend = LanguageToolBackend(LanguageToolSettings(url=fake.url))
        texts = [f"{paste} teh end.\n\nAnd teh close.\n" for paste in _stalling_kinds().values()]
        checked = backend.check_many(texts)
    finally:
        fake.close()
    assert checked.failed == {}
    for text, found in zip(texts, checked, strict=True):
        assert [text[f.offset : f.offset + f.length] for f in found] == ["teh", "teh"]
        assert found[-1].offset == text.rindex("teh")
    assert max(len(t) for t in fake.texts) <= 2 * pieces.PIECE_CHARS


def test_a_piece_cut_mid_sentence_is_not_told_to_start_with_a_capital():
    text = " ".join(["word"] * 5 + ["and more words follow here"] * 60)  # 1,600+ chars, no stop
    text = (text + " ") * 2

    def respond(sent):
        return 200, {"matches": [lt_match(sent, sent.split()[0], rule="UPPERCASE_SENTENCE_START",
                                          category="CASING", issue="typographical")]}  # fmt: skip

    fake = FakeLT(respond)
    try:
        [found] = LanguageToolBackend(LanguageToolSettings(url=fake.url)).check_many([text])
    finally:
        fake.close()
    assert len(fake.texts) >= 2  # it was cut
    assert [f.offset for f in found] == [0]  # the text's own start only


def test_a_failing_request_is_asked_again_piece_by_piece():
    """Small drafts share a request; when the server fails on it, each is asked alone, so
    the one it cannot check is the only one lost."""

    def respond(text):
        return (500, "Error") if MARK in text else (200, {"matches": []})

    fake = FakeLT(respond)
    try:
        backend = LanguageToolBackend(LanguageToolSettings(url=fake.url, workers=1))
        checked = backend.check_many(["Fine.", f"A {MARK}.", "Also fine."])
    finally:
        fake.close()
    assert list(checked.failed) == [1]
    assert len(fake.texts) == 4  # together, then each alone
