"""``python -m lint.languagetool install|status|path|server ...`` (what the Makefile runs)."""

from lint.languagetool.cli import main

main()
