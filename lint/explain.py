"""What ``factlint rules``, ``factlint explain`` and ``factlint init`` print.

The rule documentation is the pack itself (summary, doc, options, bad and good
examples) plus the kind's documentation from its module docstring, in the
manner of Ruff's rule pages: what it does, why, a bad and a good example.
"""

from __future__ import annotations

import inspect
import textwrap
from pathlib import Path

import regex

from lint.config import Config
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
    raise LookupError(f"no rule {rule_id!r} (see `factlint rules --all`)")


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
        out += [f"  ✗ {ex.text}" + (f"\n    → {ex.fixed}" if ex.fixed else "") for ex in rule.bad]
        out.append("")
    if rule.good:
        out.append("Good (left alone):")
        out += [f"  ✓ {ex.text}" for ex in rule.good]
        out.append("")
    kind_doc = inspect.getdoc(inspect.getmodule(type(rule.check)))
    if kind_doc:
        out += [f"About the `{rule.kind}` kind:", textwrap.indent(kind_doc, "  ")]
    return "\n".join(out).rstrip() + "\n"


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
# Every setting is optional; the values shown are the defaults.

# Rule packs: shipped ones by name ({", ".join(shipped_names()) if shipped_dir().is_dir() else "..."}),
# your own by path (relative to this file), e.g. ./house-style.yaml or a fact sheet.
packs: [typography, idioms, boilerplate, style, typos, dates, names, people, world, events]

# Rules to run and to skip: ids (idioms.tow-the-line), globs (style.*) or pack
# names (style). The most specific match wins.
select: ["*"]
ignore: []

# Severity overrides: rule id or glob → error | warning | info.
severity: {{}}
#   style.*: info

# The exit code is 1 when an issue at or above this severity is found
# (error | warning | info | never).
fail-on: warning

# English variant for spelling and grammar: en-US, en-GB, en-AU, en-CA, en-NZ, en-ZA.
language: en-US

# Publication date that anchors relative dates ("last October") when a draft's
# front matter or HTML metadata does not give one.
# pubdate: 2025-04-28

# Words that are right (never flagged as misspellings) and words to avoid.
vocabulary:
  accept: []
  reject: {{}}
#   reject: {{utilize: use}}

# LanguageTool (grammar, spelling, typography). factlint installs and starts a
# local server on first use; point `url` at a server you run yourself instead.
languagetool: {{}}
#   url: http://localhost:8081
#   enabled: false
#   spell_names: true   # also report names the speller does not know

# Files and directories to skip (globs, relative to this file).
exclude: []

# Files above this size are refused with a message.
max-file-size: 5MB
"""
