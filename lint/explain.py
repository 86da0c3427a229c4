"""What ``factlint rules``, ``factlint explain`` and ``factlint init`` print.

The rule documentation is the pack itself (summary, doc, options, bad and good
examples) plus the kind's documentation from its module docstring, in the
manner of Ruff's rule pages: what it does, why, a bad and a good example.
"""

from __future__ import annotations

import datetime as dt
import inspect
import json
import textwrap
from pathlib import Path

import regex

from lint.config import Config, path_matches
from lint.packs import load_pack, resolve
from lint.packs.loader import shipped_dir, shipped_names
from lint.packs.model import Pack, Rule


def _packs(config: Config, show_all: bool) -> list[tuple[Pack, bool]]:
    """The configured packs (True) and, with show_all, the other shipped ones (False)."""
    others = [n for n in shipped_names() if n not in config.packs] if show_all else []
    return [
        (load_pack(resolve(spec, config.root)), configured)
        for specs, configured in ((config.packs, True), (others, False))
        for spec in specs
    ]


def rule_table(config: Config, show_all: bool = False) -> list[dict]:
    """One row per rule of the configured packs (and every shipped pack with show_all)."""
    rows = []
    for pack, configured in _packs(config, show_all):
        for rule in pack.rules:
            rows.append(
                {
                    "id": rule.id,
                    "pack": pack.name,
                    "kind": rule.kind,
                    "severity": config.severity_for(rule.id, rule.severity),
                    "category": rule.category,
                    "enabled": configured and config.rule_enabled(rule.id),
                    "fixable": bool(rule.fix),
                    "summary": rule.summary or _first_line(rule.doc),
                }
            )
    return rows


def format_table(rows: list[dict]) -> str:
    if not rows:
        return "No rules."
    width = max(len(r["id"]) for r in rows)
    kind = max(len(r["kind"]) for r in rows)
    lines = []
    for r in rows:
        mark = " " if r["enabled"] else "-"
        lines.append(
            f"{mark} {r['id']:<{width}}  {r['kind']:<{kind}}  {r['severity']:<7}  {r['summary']}"
        )
    off = sum(1 for r in rows if not r["enabled"])
    lines.append(f"{len(rows)} rules" + (f" ({off} marked '-' are not enabled)" if off else ""))
    return "\n".join(lines)


def find_rule(rule_id: str, config: Config) -> Rule:
    for pack, _ in _packs(config, show_all=True):
        for rule in pack.rules:
            if rule.id == rule_id:
                return rule
    from lint.packs.catalog import known, problem

    ids, names = known(config.packs, config.root)
    why = problem(rule_id, ids, names) or f"{rule_id!r} is a pack, not a rule"
    raise LookupError(why.replace("unknown", "no", 1))


def explain(rule_id: str, config: Config) -> str:
    """The documentation of one rule, with its options and examples."""
    if rule_id.startswith("languagetool."):
        lt_id = rule_id.split(".", 1)[1]
        return (
            f"{rule_id}\n\nA LanguageTool rule ({lt_id}). Its documentation is LanguageTool's: "
            f"https://community.languagetool.org/rule/show/{lt_id}?lang=en\n"
            "Switch it off with `ignore: [" + rule_id + "]` in the configuration."
        )
    rule = find_rule(rule_id, config)
    out = [rule.id, "=" * len(rule.id), ""]
    out.append(
        f"pack: {rule.pack}    kind: {rule.kind}    severity: {rule.severity}    "
        f"category: {rule.category}    fix: {'yes' if rule.fix else 'no'}"
    )
    if rule.link:
        out.append(f"link: {rule.link}")
    out.append("")
    if rule.summary:
        out += [rule.summary, ""]
    if rule.doc:
        out += [textwrap.dedent(rule.doc).strip(), ""]
    options = {k: v for k, v in rule.options.items() if v not in (None, [], {})}
    if options:
        out.append("Settings:")
        for key, value in options.items():
            shown = repr(value)
            out.append(f"  {key}: {shown if len(shown) < 200 else shown[:197] + '...'}")
        out.append("")
    provenance = _provenance(rule)
    if provenance:
        out.append("Where its facts come from:")
        out += [f"  {line}" for line in provenance]
        out.append("")
    if rule.bad:
        out.append("Bad (flagged):")
        out += [
            f"  ✗ {ex.text}{_published(ex, rule)}" + (f"\n    → {ex.fixed}" if ex.fixed else "")
            for ex in rule.bad
        ]
        out.append("")
    if rule.good:
        out.append("Good (left alone):")
        out += [f"  ✓ {ex.text}{_published(ex, rule)}" for ex in rule.good]
        out.append("")
    kind_doc = inspect.getdoc(inspect.getmodule(type(rule.check)))
    if kind_doc:
        out += [f"About the `{rule.kind}` kind:", textwrap.indent(kind_doc, "  ")]
    return "\n".join(out).rstrip() + "\n"


def _published(example, rule: Rule | None = None) -> str:
    """The publication date an example is judged at: "last October" in a draft of
    2025-04-28 is another month than in one of 2024-11-02, so a date rule's bad and good
    examples can be the same sentence on different days (or with no date at all)."""
    if example.pubdate:
        return f"  (published {example.pubdate.isoformat()})"
    dated = rule is not None and any(ex.pubdate for ex in [*rule.bad, *rule.good])
    return "  (no publication date)" if dated else ""


def _provenance(rule: Rule) -> list[str]:
    """Where the facts a rule asserts come from: the pack's as-of date, the data files it
    reads (with their own `checked:` dates), and what the check itself says
    (``provenance()``: a facts rule lists each fact with its source)."""
    lines: list[str] = []
    pack = rule.owner
    checked = pack.data.get("checked") if pack is not None else None
    own = getattr(rule.check, "provenance", None)
    if checked and own is None:
        lines.append(f"pack {pack.name}: checked {checked}")
    data = rule.options.get("data") or []
    base = Path(pack.path).parent if pack is not None and pack.path else Path.cwd()
    for spec in [data] if isinstance(data, str) else data:
        path = (base / spec).resolve()
        lines.append(f"data file {spec}: {_checked_of(path)}")
    if own is not None:
        lines += own()
    return lines


def _checked_of(path: Path) -> str:
    """A data file's own `checked:` date, read from its top level without parsing it all."""
    try:
        with path.open(encoding="utf-8") as f:
            for line in f:
                found = regex.match(r"checked:\s*(\S+)", line)
                if found:
                    return f"checked {found.group(1)}"
    except OSError as exc:
        return f"cannot be read ({exc.strerror})"
    return "no `checked:` date"


def _first_line(text: str) -> str:
    return text.strip().splitlines()[0] if text.strip() else ""


STARTER_CONFIG = f"""\
# factlint configuration. factlint finds this file from each draft's directory
# upward; `factlint check --config FILE` uses one file for every draft.
# Every setting is optional; the values shown are the defaults. Each commented
# line is an alternative you can use instead: delete the `# `.
# Editors that validate YAML: `factlint schema config` prints where its JSON
# Schema is (for yaml.schemas in VS Code's YAML extension, or a modeline).

# Rule packs: shipped ones by name ({", ".join(shipped_names()) if shipped_dir().is_dir() else "..."}),
# `default` for all of those, your own by path (relative to this file).
packs: [default]
# packs: [default, ./house-style.yaml]    # the defaults and your own pack
# packs: [typography, idioms, dates]      # only these

# Rules to run and to skip: ids (idioms.tow-the-line), globs (style.*) or pack
# names (style). The most specific match wins. A name that matches no rule is
# an error that says which ones are close.
select: ["*"]
ignore: []
# ignore: [style.passive-voice]

# Rules to skip in some files only (globs relative to this file).
per-file-ignores: {{}}
# per-file-ignores: {{"archive/*": [style, typography]}}

# Severity overrides: rule id, glob or pack → error | warning | info.
severity: {{}}
# severity: {{style: info, "dates.*": error}}

# The exit code is 1 when an issue at or above this severity is found
# (error | warning | info | never).
fail-on: warning

# English variant for spelling and grammar: en-US, en-GB, en-AU, en-CA, en-NZ, en-ZA.
language: en-US

# Publication date that anchors relative dates ("last October") when a draft's
# front matter or HTML metadata does not give one.
# pubdate: 2025-04-28

# Words that are right (never flagged as misspellings) and words to avoid;
# `files` are word lists beside this file, one word or name a line.
vocabulary: {{accept: [], reject: {{}}, files: []}}
# vocabulary: {{accept: [Sudzha], reject: {{utilize: use}}}}

# LanguageTool (grammar, spelling, typography). factlint installs and starts a
# local server on first use. A server of your own (`url`) or another Java
# decides what runs, so only a configuration named with --config or the
# environment ($FACTLINT_LANGUAGETOOL_URL, $JAVA_HOME) may set them.
languagetool: {{}}
# languagetool: {{enabled: false}}

# Files and directories to skip when walking directories (globs, relative to
# this file); .gitignore and .ignore files are honoured too.
exclude: []
# exclude: [archive, "*.draft.md"]

# Files above this size are refused with a message.
max-file-size: 5MB
"""


# -- factlint config ------------------------------------------------------------------

SETTINGS = (
    ("packs", "packs"), ("select", "select"), ("ignore", "ignore"), ("severity", "severity"),
    ("per-file-ignores", "per_file_ignores"), ("language", "language"), ("pubdate", "pubdate"),
    ("fail-on", "fail_on"), ("vocabulary", None), ("languagetool", "languagetool"),
    ("spacy", "spacy_model"), ("exclude", "exclude"), ("max-file-size", "max_file_size"),
)  # fmt: skip
"""The settings ``factlint config`` shows, as written in a file, and their Config field."""


def config_rows(config: Config, path: Path | None) -> list[dict]:
    """Each setting's effective value for ``path`` and where it came from (``file:line:col``
    of every file that set it, base configurations first; ``default`` when none did)."""
    effective = config.for_file(path)
    rows = []
    for key, attr in SETTINGS:
        if attr is None:
            value = {"accept": len(config.accept), "reject": dict(config.reject)}
        else:
            value = getattr(config if key == "per-file-ignores" else effective, attr)
        if isinstance(value, dt.date):
            value = value.isoformat()
        origins = [where for where, _ in config.written.get(key, [])]
        if key == "packs":
            origins += [w for w, _ in config.written.get("extend-packs", []) if w not in origins]
        if key == "ignore" and effective is not config and path is not None:
            globs = [g for g in config.per_file_ignores if path_matches(path, config.root, [g])]
            origins.append(f"per-file-ignores {', '.join(map(repr, globs))}")
        rows.append({"setting": key, "value": value, "from": origins or ["default"]})
    return rows


def format_config(rows: list[dict], config: Config, path: Path | None) -> str:
    """``factlint config``'s text: YAML a user could paste, each line with its origin."""
    source = str(config.path) if config.path else "none found: the defaults"
    out = [f"# configuration for {path or 'the current directory'}: {source}"]
    for row in rows:
        value = row["value"]
        if row["setting"] == "vocabulary":
            value = {"accept": f"{value['accept']} words", "reject": value["reject"]}
        shown = json.dumps(value, ensure_ascii=False, default=str)
        out.append(f"{row['setting']}: {shown}    # {', '.join(row['from'])}")
    return "\n".join(out) + "\n"


# -- the rule reference (docs/rules/) ---------------------------------------------------

REFERENCE_NOTE = (
    "<!-- Generated from the shipped packs by `factlint rules --format markdown --output "
    "docs/rules/` (`make docs`); edit the pack, not this page. -->"
)


def rule_markdown(rule: Rule) -> str:
    """One rule's reference page, in the manner of Ruff's: what it does, why, a bad and
    a good example, its options. Only what the pack says (no installed versions), so the
    committed page is the same on every machine."""
    out = [f"# `{rule.id}`", "", REFERENCE_NOTE, ""]
    facts = [
        ("pack", f"[`{rule.pack}`](README.md#{rule.pack})"),
        ("kind", f"`{rule.kind}`"),
        ("severity", rule.severity),
        ("category", rule.category),
        (
            "fix",
            "safe fix with `--fix`" if rule.fix else "suggestion only (not applied by `--fix`)",
        ),
        ("varieties", ", ".join(rule.languages) or "every English variety"),
        ("not reported", ", ".join(f"inside {o}" for o in rule.outside) or "—"),
    ]
    out += ["| | |", "|---|---|", *(f"| {k} | {v} |" for k, v in facts), ""]
    out += ["## What it does", "", rule.summary or _first_line(rule.doc) or rule.id, ""]
    if rule.doc:
        out += ["## Why", "", textwrap.dedent(rule.doc).strip(), ""]
    if rule.bad or rule.good:
        out += ["## Examples", ""]
    if rule.bad:
        out += ["Flagged:", ""]
        for ex in rule.bad:
            out.append(f"- ✗ {_md(ex.text)}{_published(ex, rule)}")
            if ex.fixed:
                out.append(f"  - after `--fix`: {_md(ex.fixed)}")
        out.append("")
    if rule.good:
        out += ["Left alone:", ""]
        out += [f"- ✓ {_md(ex.text)}{_published(ex, rule)}" for ex in rule.good]
        out.append("")
    options = {k: v for k, v in rule.options.items() if v not in (None, [], {})}
    out += ["## Options", ""]
    if options:
        out += ["| option | value in this pack |", "|---|---|"]
        for key, value in options.items():
            shown = json.dumps(value, ensure_ascii=False, default=str)
            shown = shown if len(shown) < 300 else shown[:297] + "..."
            out.append(f"| `{key}` | `{shown.replace('|', '∣')}` |")
        out.append("")
    else:
        out += [f"The `{rule.kind}` kind takes no options in this rule.", ""]
    data = _static_provenance(rule)
    if data:
        out += ["## Where its facts come from", "", *(f"- {line}" for line in data), ""]
        out += [f"`factlint explain {rule.id}` adds the installed data packages and versions.", ""]
    out += [
        "## Configure",
        "",
        f"Switch it off with `ignore: [{rule.id}]`, change its severity with "
        f"`severity: {{{rule.id}: info}}`, or silence one spot with "
        f"`<!-- factlint-disable-next-line {rule.id} -->`.",
        "",
    ]
    out += [
        f"`factlint explain {rule.id}` prints this page with the `{rule.kind}` kind's own documentation."
    ]
    return "\n".join(out).rstrip() + "\n"


def _static_provenance(rule: Rule) -> list[str]:
    """The pack's checked date and its data files with theirs (nothing machine-dependent)."""
    pack = rule.owner
    lines = []
    if pack is not None and pack.data.get("checked"):
        lines.append(f"pack `{pack.name}`, checked {pack.data['checked']}")
    data = rule.options.get("data") or []
    base = Path(pack.path).parent if pack is not None and pack.path else Path.cwd()
    for spec in [data] if isinstance(data, str) else data:
        lines.append(f"data file `{spec}`: {_checked_of((base / spec).resolve())}")
    return lines


def _md(text: str) -> str:
    """An example sentence inline in Markdown: one line, nothing read as markup."""
    text = " ".join(text.split())
    return regex.sub(r"([\\\\`*_\[\]<>|#])", r"\\\1", text)


def reference_pages() -> dict[str, str]:
    """File name → text of every page of the rule reference: one per shipped rule and
    an index (README.md), pack by pack."""
    pages: dict[str, str] = {}
    index = [
        "# Rule reference",
        "",
        REFERENCE_NOTE,
        "",
        "One page per rule that ships with factlint: what it does, why, bad and good "
        "examples, options. `factlint explain RULE` prints the same in a terminal.",
        "",
    ]
    for name in shipped_names():
        pack = load_pack(shipped_dir() / f"{name}.yaml")
        index += [f"## {pack.name}", "", " ".join(pack.description.split()), ""]
        index += ["| rule | severity | fix | what it does |", "|---|---|---|---|"]
        for rule in pack.rules:
            pages[f"{rule.id}.md"] = rule_markdown(rule)
            what = (rule.summary or _first_line(rule.doc)).replace("|", "∣")
            fix = "yes" if rule.fix else "no"
            index.append(f"| [`{rule.id}`]({rule.id}.md) | {rule.severity} | {fix} | {what} |")
        index.append("")
    pages["README.md"] = "\n".join(index).rstrip() + "\n"
    return pages


def write_reference(directory: Path) -> list[Path]:
    """Write the reference into ``directory``, removing pages of rules that are gone."""
    directory.mkdir(parents=True, exist_ok=True)
    pages = reference_pages()
    for old in directory.glob("*.md"):
        if old.name not in pages:
            old.unlink()
    written = []
    for name, text in pages.items():
        path = directory / name
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
        written.append(path)
    return written
