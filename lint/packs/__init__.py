"""Rule packs: YAML files of rules, validated with positions and compiled into checks."""

from lint.packs.loader import PackError, load_pack, parse_pack, resolve, shipped_dir, shipped_names
from lint.packs.model import Example, Pack, Rule

__all__ = [
    "Example",
    "Pack",
    "PackError",
    "Rule",
    "load_pack",
    "parse_pack",
    "resolve",
    "shipped_dir",
    "shipped_names",
]
