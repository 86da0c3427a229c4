"""``python -m lint.lsp``: the language server without the command line's imports (spaCy
loads on the server's worker, after the editor has been answered)."""

from lint.lsp.server import main

main()
