"""factlint: a fact-correction and style linter for news drafts and other prose."""

__version__ = "0.1.0"

from lint import workdir as _workdir  # first: spaCy reads the working directory on import

_workdir.settle()
