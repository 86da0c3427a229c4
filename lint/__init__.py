"""factlint: a fact-correction and style linter for news drafts and other prose."""

__version__ = "0.1.0"

from lint import workdir as _workdir  # first: spaCy reads the working directory on import

_workdir.settle()


_API = {"CheckError", "Issue", "Linter", "Results", "check_paths", "check_text"}


def __getattr__(name: str):
    """``lint.check_text`` and the rest of lint.api, imported on first use (``import lint``
    stays cheap for the CLI)."""
    if name in _API:
        from lint import api

        return getattr(api, name)
    raise AttributeError(f"module 'lint' has no attribute {name!r}")
