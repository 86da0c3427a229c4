"""Warm a freshly started LanguageTool server up in the background, at low priority,
until its JIT compiler has settled.

A new JVM answers its first checks slowly while its JIT compiler learns the
rules, and it goes on compiling long after: measured on LanguageTool 6.8 and
Java 17 (2 cores), its compiler threads took 15 s of CPU over the first 32,000
words of news it checked, 7.7 s over the next 32,000, 2 s over the third and
0.2 s after that. A draft checked in that time pays for it on the core factlint's
own parsing needs: the JVM spent 0.52 s of CPU on a new 1,000-word draft after 40
warm-up checks of templates, 0.38 s after 300, 0.31 s after 300 checks of rule
examples (below) and 0.29 s after 300 real articles.

So after ``server.start_locked`` has started the server, and without delaying
the check that started it, a detached process (``python -m
lint.languagetool.warmup STATE_DIR PID CHECKS PARAMS [JARS]``) sends it requests
one at a time, as factlint's backend would (paragraphs packed to about 2,000
characters, the same language and rule selection), until the JIT has settled
(over the last ``WINDOW`` checks its compiler threads, read from /proc, used at
most ``SETTLED`` of what the checking did) and at most ``CHECKS`` of them. It
yields to real work: before each request it waits until no factlint process has
used the server for ``QUIET`` seconds (the ``last-used`` file every check
touches) and the server is idle (its CPU time, from /proc: a long check started
earlier, or its compiler, is still running), so a real check waits at most for
one small warm-up request; the server itself runs at ``nice``
(``server.NICENESS``), and so does this process. It stops when the server is
gone or replaced.

The copy is LanguageTool's own: the example sentences its rules carry (each
written to make one rule fire or stay quiet), read in place from the installed
jar of the language, so the warm-up runs the rule machinery as varied news does.
Templates written for factlint warm it less (after 300 checks of them its
compiler still spent 0.15 s on each real draft, 0.06 s after the examples); they
are the fallback when the jar cannot be read. Nothing is shipped: every request
differs, so LanguageTool's sentence cache cannot answer it and the rules really run.
"""

from __future__ import annotations

import json
import os
import random
import sys
import time
import urllib.parse
import zipfile
from pathlib import Path
from xml.etree import ElementTree

from lint.languagetool.settings import WARM_UP_CHECKS

QUIET = 3.0
"""Seconds without a real check before the next warm-up request goes out."""
BUSY_CORES = 0.3
"""Between two warm-up requests the server should be idle: more CPU than this (in cores)
means it is busy with someone else's check, which goes first."""
CHECKS = WARM_UP_CHECKS
"""At most this many warm-up requests after a start, unless ``languagetool.warm_up_checks``
says otherwise."""
MIN_CHECKS = 100
WINDOW = 40
SETTLED = 0.05
"""The JIT has settled when, over the last WINDOW checks, its compiler threads used at
most this fraction of the CPU the rest of the server used. Measured with the rule
examples, per 20 checks: 14.3 s of compiler CPU against 7.0 s of checking over the
first 20, 2.1 against 2.2 over checks 80-100, 0.8 against 2.2 over 140-160, 0.1-0.7
against 1.8-2.5 from 240 on. A looser bar (0.15 over 20 checks) stopped after 158,
and real drafts then still cost the compiler 0.15 s each, as after 300 templates."""
CHUNK_CHARS = 2000
SENTENCES_PER_PARAGRAPH = 4
TIMEOUT = 120.0
COMPILER_THREADS = ("C1 CompilerThre", "C2 CompilerThre")
"""HotSpot's names for its JIT compiler threads (``/proc/PID/task/TID/comm``)."""

PEOPLE = (
    "Maria Okonkwo", "Tomasz Wierzbicki", "Helen Marsh", "Ravi Subramanian", "Ana Lucía Ferro",
    "Jonas Lindqvist", "Grace Mbeki", "Daniel O'Rourke", "Yuki Hamada", "Fatima Haddad",
    "Pieter de Groot", "Olga Semenova",
)  # fmt: skip
PLACES = (
    "Lisbon", "Nairobi", "Winnipeg", "Dundee", "Porto Alegre", "Tromsø", "Hobart", "Kraków",
    "Mombasa", "Leeds", "Valparaíso", "Osaka",
)  # fmt: skip
BODIES = (
    "the regional water authority", "the port workers' union", "the national statistics office",
    "the city council", "the central bank", "the health ministry", "the teachers' federation",
    "the transport regulator",
)  # fmt: skip
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = (
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
)  # fmt: skip

TEMPLATES = (
    "{body_c} said on {day} that it would raise its charges by {pct} per cent from {month}, "
    "the first increase since {since}. {person}, who chairs its finance committee, told "
    "reporters that the money would pay for {n} kilometres of new pipes. Critics said the "
    "plan for {n} kilometres had been rushed through without a proper consultation, and "
    "that {big} families in the poorest districts would be hit hardest.",
    "Police in {place} were called to the harbour at {clock} on {day} morning, when a crane "
    "collapsed onto two parked lorries. Nobody was hurt, a spokesman said, but {n} "
    'containers had to be moved before the quay could reopen. "We were very lucky," said '
    '{person}, one of {m} dock workers who saw it fall. "Ten minutes earlier and the whole '
    'shift of {m} would of been underneath it."',
    "The number of people waiting more than a year for surgery rose to {big} in {month}, "
    "according to figures published by {body} on {day}. That is {n} more than in {since}. "
    "{person}, one of {m} surgeons in {place}, said theatres were standing empty because "
    "there was not enough nurses to staff them, and that a backlog of {big} could take "
    "until {year} to clear.",
    "{person} was elected mayor of {place} on {day} with {big} votes, ending the rule of a "
    "party that had run the city since {since}. In the victory speech the new mayor "
    "promised to freeze bus fares for {m} years, to open the {n} libraries on Sundays and to "
    "publish every contract worth more than {n},000 euros. The opponent, who won {small} "
    "of the {m} districts, conceded defeat shortly after midnight.",
    "Farmers near {place} say this summer's drought has cut their harvest by {pct} per cent, "
    "the worst since {since}. {person}, who grows wheat and barley on {n} hectares, said the "
    "wells on the farm had run dry in {month} for the first time in {m} years. {body_c} has "
    "offered loans of up to {big} euros, but many of the {n} growers say they are already "
    "too indebted to borrow more, and some are selling there herds.",
    "Shares in the country's largest telecoms company fell {pct} per cent on {day} to "
    "{small}.{m} euros after it warned that profits would be lower then expected. The firm "
    "blamed the cost of replacing {big} old routers and a price war that began in {since}. "
    "{person}, an analyst in {place}, said the warning about the {big} routers had not come "
    "as a surprise, but that investors would want a clear plan before the {year} results.",
    "A new exhibition in {place} brings together {n} paintings by women artists of the "
    "nineteenth century, {m} of them never shown in public before. The curator, {person}, "
    "spent {m} years tracing the {n} works to private collections across Europe. The show "
    "opens on {day} and runs until the end of {month} {year}; tickets cost {small}.{m} "
    "euros, and the first {big} students get in free.",
    "The national team's coach, {person}, has named {m} new players in a squad of {n} for "
    "next month's qualifiers, including a 19-year-old striker from {place} with {m} goals "
    "this season. The coach said the {m} young players deserved a chance while the older "
    "ones recovered from injury. The team, which has lost {small} games since {since}, "
    "plays its first qualifier in front of {big} fans in {month}.",
    "Scientists at the university in {place} say they have found a way to make batteries "
    "that last {pct} per cent longer, using a cheap salt instead of cobalt. The team of {m}, "
    "led by {person}, published its results on {day} after testing {n} cells through {big} "
    "charging cycles. Other researchers welcomed the {n} tests but cautioned that it could "
    "take until {year} before the technology reached the shops.",
    "{body_c} voted on {day} to close {n} rural railway stations by {year}, despite a "
    "petition signed by {big} people. {person}, who has used the line to commute to "
    "{place} since {since}, said closing the {n} stations would leave villages cut off. "
    "The operator argued that each of them was used by fewer than {m} passengers a day, "
    "and that {small} replacement buses an hour would run from {month} {year}.",
)


def texts(round_: int) -> list[str]:
    """One round of paragraphs: every template, filled so no sentence repeats another round's."""
    out = []
    for j, template in enumerate(TEMPLATES):
        k = round_ * len(TEMPLATES) + j
        body = BODIES[k % len(BODIES)]
        out.append(
            template.format(
                body=body,
                body_c=body[0].upper() + body[1:],
                person=PEOPLE[(k * 7) % len(PEOPLE)],
                place=PLACES[(k * 5) % len(PLACES)],
                day=DAYS[k % len(DAYS)],
                month=MONTHS[(k * 5) % len(MONTHS)],
                pct=3 + (k * 7) % 91,
                n=11 + k * 13,
                m=3 + k,
                big=f"{12_000 + k * 1_733:,}",
                small=2 + k % 4,
                clock=f"{1 + k % 11}.{k % 60:02d}",
                year=2027 + k % 9,
                since=1950 + k % 70,
            )
        )
    return out


def requests_text(checks: int) -> list[str]:
    """``checks`` request texts of about CHUNK_CHARS each, paragraphs apart."""
    out: list[str] = []
    current = ""
    round_ = 0
    while len(out) < checks:
        for paragraph in texts(round_):
            if current and len(current) + len(paragraph) > CHUNK_CHARS:
                out.append(current)
                current = ""
                if len(out) == checks:
                    break
            current += paragraph + "\n\n"
        round_ += 1
    return out


def rule_examples(jars: Path, language: str) -> list[str]:
    """The example sentences of LanguageTool's XML rules for ``language`` ("en-US" reads
    the rules of "en"), from its jar in ``jars``, each once, in a fixed shuffled order
    (the files keep a rule's examples together); [] when there is no such jar."""
    code = language.split("-")[0].lower()
    jar = next(iter(sorted(jars.glob(f"language-{code}-*.jar"))), None)
    if jar is None:
        return []
    examples: dict[str, None] = {}
    with zipfile.ZipFile(jar) as archive:
        for name in ("grammar.xml", "style.xml"):
            try:
                xml = archive.open(f"org/languagetool/rules/{code}/{name}")
            except KeyError:  # a language without this file
                continue
            with xml:
                for _, element in ElementTree.iterparse(xml):
                    if element.tag == "example":
                        text = " ".join("".join(element.itertext()).split())
                        if text:
                            examples[text] = None
                    elif element.tag == "rule":
                        element.clear()  # its examples are read: keep memory small
    ordered = list(examples)
    random.Random(0).shuffle(ordered)
    return ordered


def pack_requests(sentences: list[str], checks: int) -> list[str]:
    """At most ``checks`` requests of about CHUNK_CHARS: paragraphs of a few sentences."""
    paragraphs = [
        " ".join(sentences[i : i + SENTENCES_PER_PARAGRAPH])
        for i in range(0, len(sentences), SENTENCES_PER_PARAGRAPH)
    ]
    out: list[str] = []
    current = ""
    for paragraph in paragraphs:
        if current and len(current) + len(paragraph) > CHUNK_CHARS:
            out.append(current)
            current = ""
            if len(out) == checks:
                return out
        current += paragraph + "\n\n"
    return out


def warm_up_texts(jars: Path | None, language: str, checks: int) -> list[str]:
    """The ``checks`` request texts a warm-up sends: the rule examples, then templates
    if there are too few of them (or no jar to read)."""
    try:
        examples = rule_examples(jars, language) if jars is not None else []
    except (OSError, zipfile.BadZipFile, ElementTree.ParseError):
        examples = []
    out = pack_requests(examples, checks)
    return out + requests_text(checks - len(out)) if len(out) < checks else out


def run(
    state_dir: Path, pid: int, checks: int, params: dict[str, str], jars: Path | None = None
) -> str:
    """Send the warm-up requests until the JIT has settled; return why it stopped."""
    from lint.languagetool import server

    state = server.read_state(state_dir)
    if state is None or state.pid != pid:
        return "no state names the server to warm up"
    url = f"{state.url}/v2/check"
    done = 0
    meter: list[tuple[float, float]] = []  # (compiler, all) CPU seconds before each check
    for text in warm_up_texts(jars, params.get("language", "en-US"), checks):
        while server.idle_seconds(state_dir) < QUIET or _busy(pid):
            if not _ours(state_dir, pid):
                return f"the server went away after {done} warm-up checks"
            time.sleep(0.5)
        if not _ours(state_dir, pid):
            return f"the server went away after {done} warm-up checks"
        if (reading := compiler_cpu(pid)) is not None:
            meter.append(reading)
            if done >= MIN_CHECKS and settled(meter):
                return f"warmed up: {done} checks (the JIT compiler has settled)"
        data = urllib.parse.urlencode({**params, "text": text}).encode()
        try:
            with server._direct.open(url, data=data, timeout=TIMEOUT) as response:
                json.load(response)
        except (OSError, ValueError) as exc:
            return f"a warm-up check failed after {done}: {exc}"
        done += 1
    return f"warmed up: {done} checks"


def settled(meter: list[tuple[float, float]]) -> bool:
    """Did the compiler use at most SETTLED of the checking's CPU over the last WINDOW
    checks? ``meter`` holds (compiler, whole server) CPU seconds, one pair per check."""
    if len(meter) <= WINDOW:
        return False
    (jit0, all0), (jit1, all1) = meter[-WINDOW - 1], meter[-1]
    jit, rest = jit1 - jit0, (all1 - all0) - (jit1 - jit0)
    return rest > 0 and jit <= SETTLED * rest


def compiler_cpu(pid: int) -> tuple[float, float] | None:
    """CPU seconds so far of the JVM's JIT compiler threads, and of the whole JVM; None
    where /proc does not show them (another OS, another JVM)."""
    jit = whole = 0.0
    found = False
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except OSError:
        return None
    for task in tasks:
        try:
            name = (task / "comm").read_text().strip()
        except OSError:
            continue  # a thread that ended meanwhile
        seconds = _stat_seconds(task / "stat")
        if seconds is None:
            continue
        whole += seconds
        if name.startswith(COMPILER_THREADS):
            jit += seconds
            found = True
    return (jit, whole) if found else None


def _busy(pid: int, window: float = 0.5) -> bool:
    """Is the server working on something else (a real check that started more than QUIET
    seconds ago, or its JIT compiler)? Its CPU time over ``window`` says; False where
    there is no /proc to read it from."""
    before = _cpu_seconds(pid)
    if before is None:
        return False
    time.sleep(window)
    after = _cpu_seconds(pid)
    return after is not None and (after - before) / window > BUSY_CORES


def _cpu_seconds(pid: int) -> float | None:
    return _stat_seconds(Path(f"/proc/{pid}/stat"))


def _stat_seconds(stat: Path) -> float | None:
    """User + system CPU seconds in a /proc ``stat`` file (a process's or a thread's)."""
    try:
        fields = stat.read_text().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, IndexError, ValueError):
        return None


def _ours(state_dir: Path, pid: int) -> bool:
    from lint.languagetool import server

    state = server.read_state(state_dir)
    return state is not None and state.pid == pid and server.pid_alive(pid)


def main(argv: list[str]) -> int:
    state_dir, pid, checks, params = Path(argv[0]), int(argv[1]), int(argv[2]), argv[3]
    jars = Path(argv[4]) if len(argv) > 4 else None
    began = time.monotonic()
    why = run(state_dir, pid, checks, json.loads(params), jars)
    print(f"warm-up: {why} in {time.monotonic() - began:.1f} s", flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
