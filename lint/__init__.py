"""factlint: a fact-correction and style linter for news drafts and other prose."""

__version__ = "0.1.0"
