"""The one exception the LanguageTool component raises to its callers."""

from __future__ import annotations


class LanguageToolError(Exception):
    """LanguageTool could not be installed, started or asked.

    The message is one line a user can act on; the CLI prints it and exits 2.
    It is raised instead of returning no findings, so "no issues" never means
    "grammar checking did not run".
    """
