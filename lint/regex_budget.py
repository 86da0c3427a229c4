"""A time budget for each rule's regular expressions on one document.

Each call of a pack regex is already bounded (lint.checks.base.regex_timeout), which
stops a pattern that backtracks catastrophically. A pattern that is merely slow (a
lookahead that scans the rest of the paragraph at every word) passes every call and
still costs minutes over a long draft. So the time a rule's expressions spend on one
document is added up across its paragraphs and calls; past the budget the rule stops
for that document, keeps what it found so far, and a note names it.

The engine opens the budget around each run of a rule (``charged``); the checks' regex
helpers ask it how long the next call may take (``timeout``) and report what it took
(``charge``).
"""

from __future__ import annotations

import time
import weakref
from contextvars import ContextVar

BUDGET = 5.0
"""Seconds one rule's regular expressions may spend on a short document in all."""
PER_CHARS = 100_000
"""…and one second more for each this many characters of the document."""


class Spent(Exception):
    """A rule used up its budget on a document; str() is the note (without the path)."""


class _Account:
    def __init__(self, rule_id: str, limit: float) -> None:
        self.rule_id = rule_id
        self.limit = limit
        self.spent = 0.0

    def left(self) -> float:
        return self.limit - self.spent


_CURRENT: ContextVar[_Account | None] = ContextVar("factlint_regex_budget", default=None)
_ACCOUNTS: dict[int, dict[str, _Account]] = {}


def _accounts(owner: object) -> dict[str, _Account]:
    """The accounts of one document, kept as long as ``owner`` (its result) lives."""
    key = id(owner)
    if key not in _ACCOUNTS:
        _ACCOUNTS[key] = {}
        weakref.finalize(owner, _ACCOUNTS.pop, key, None)
    return _ACCOUNTS[key]


class charged:  # lower case: a context manager, used like a function
    """Run one rule on (a piece of) the document ``owner`` stands for, ``chars`` long;
    raise Spent when its expressions have used up the document's budget. A class, not a
    generator: the engine enters one per rule and paragraph, thousands a draft."""

    __slots__ = ("account", "token")

    def __init__(self, rule_id: str, owner: object, chars: int) -> None:
        accounts = _accounts(owner)
        account = accounts.get(rule_id)
        if account is None:
            account = accounts[rule_id] = _Account(rule_id, BUDGET)
        account.limit += chars / PER_CHARS  # each piece of the document adds its share
        self.account = account

    def __enter__(self) -> None:
        if self.account.left() <= 0:
            raise Spent(_note(self.account))
        self.token = _CURRENT.set(self.account)

    def __exit__(self, kind, exc, tb) -> bool:
        _CURRENT.reset(self.token)
        # a call whose timeout was what the budget had left
        if kind is not None and issubclass(kind, TimeoutError) and self.account.left() <= 0.001:
            raise Spent(_note(self.account)) from None
        return False


def _note(account: _Account) -> str:
    return (
        f"rule {account.rule_id} was stopped: its regular expressions took more than "
        f"{account.limit:.1f} s on this document (a slow pattern); what it found before is kept"
    )


def timeout(default: float) -> float:
    """How long the next regex call may take: ``default``, or less when the current
    rule's budget has less left."""
    account = _CURRENT.get()
    if account is None:
        return default
    return max(min(default, account.left()), 0.001)


def exhausted() -> bool:
    """Did the call that just timed out run out of the rule's budget (not its own limit)?"""
    account = _CURRENT.get()
    return account is not None and account.left() <= 0.001


class timing:  # lower case: a context manager, once per regex call
    """Charge the time inside this block to the current rule's budget."""

    __slots__ = ("start",)

    def __enter__(self) -> None:
        self.start = time.perf_counter()

    def __exit__(self, *_: object) -> bool:
        account = _CURRENT.get()
        if account is not None:
            account.spent += time.perf_counter() - self.start
        return False
