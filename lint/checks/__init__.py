"""The check kinds, one module each; ``KINDS`` maps a pack's ``kind:`` to its class."""

from __future__ import annotations

from lint.checks.ages import PersonAge
from lint.checks.base import Check, Context, RegexTimeout
from lint.checks.boilerplate import Boilerplate
from lint.checks.capitals import Capital
from lint.checks.confusables import Confusables
from lint.checks.date_arithmetic import Age, Anniversary, Duration
from lint.checks.dates import DateRange, ImpossibleDate, WeekdayDate
from lint.checks.existence import Existence
from lint.checks.facts import Facts
from lint.checks.holidays import Holiday
from lint.checks.name_consistency import NameConsistency
from lint.checks.names import Names
from lint.checks.offices import Office
from lint.checks.pairs import Pairs
from lint.checks.relative_dates import PastFuture, RelativeConflict
from lint.checks.repetition import Repetition
from lint.checks.substitution import Substitution
from lint.checks.tokens import Tokens
from lint.checks.typos import Typos
from lint.checks.vocabulary import Vocabulary

KINDS: dict[str, type[Check]] = {
    cls.kind: cls
    for cls in (
        Existence,
        Substitution,
        Confusables,
        Tokens,
        Repetition,
        Pairs,
        Boilerplate,
        Typos,
        Vocabulary,
        WeekdayDate,
        ImpossibleDate,
        DateRange,
        RelativeConflict,
        PastFuture,
        Anniversary,
        Age,
        Duration,
        Facts,
        Names,
        NameConsistency,
        PersonAge,
        Office,
        Capital,
        Holiday,
    )
}

__all__ = ["KINDS", "Check", "Context", "RegexTimeout"]
