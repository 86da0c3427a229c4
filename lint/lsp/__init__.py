"""The language server (``factlint lsp``)."""

from lint.lsp.server import FactlintServer, build, main

__all__ = ["FactlintServer", "build", "main"]
