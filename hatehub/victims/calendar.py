"""Working-day calendar for the Victims' Code clocks (DOMAIN.md s8).

The Code's deadlines are counted in working days, and DOMAIN.md s8 says working days "exclude
weekends and bank holidays of the relevant UK nation". Bank holidays differ between nations (the
summer bank holiday is the first Monday of August in Scotland but the last Monday elsewhere; St
Patrick's Day and the Twelfth are holidays only in Northern Ireland; St Andrew's Day only in
Scotland), so the calendar is per nation.

Holidays come from the maintained ``holidays`` library rather than a hand-kept table, so that
substitute days and one-off holidays (e.g. a coronation) arrive with a library upgrade. Operators
can add further closure days (``extra_closures``), e.g. a newly announced one-off holiday the
installed library does not yet know about.

England and Wales: the ``holidays`` library has separate ``ENG`` and ``WLS`` subdivisions, but
they produce identical dates (checked for 2000-2040 with holidays 0.109), and in law England and
Wales share one bank-holiday list under the Banking and Financial Dealings Act 1971. We therefore
use ``ENG`` for the single ``england-and-wales`` nation; tests pin this equivalence so a future
divergence in the library is noticed.

This module is pure Python (no Django) so the clocks can be used and tested anywhere.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from enum import StrEnum

import holidays

__all__ = ["Nation", "WorkingCalendar"]


class Nation(StrEnum):
    """The UK nations whose bank holidays decide what a working day is (DOMAIN.md s8)."""

    ENGLAND_AND_WALES = "england-and-wales"
    SCOTLAND = "scotland"
    NORTHERN_IRELAND = "northern-ireland"

    @property
    def label(self) -> str:
        """The nation as people write it: "England and Wales"."""
        return self.value.replace("-", " ").title().replace(" And ", " and ")

    @property
    def holidays_subdivision(self) -> str:
        """The ``holidays.UK`` subdivision code; see the module docstring for England and Wales."""
        return _SUBDIVISIONS[self]

    @classmethod
    def parse(cls, value: Nation | str) -> Nation:
        """Accept a ``Nation`` or its value; raise ``ValueError`` naming the accepted values."""
        if isinstance(value, Nation):
            return value
        try:
            return cls(str(value).strip().lower())
        except ValueError:
            known = ", ".join(n.value for n in cls)
            raise ValueError(f"Unknown nation {value!r}; expected one of: {known}.") from None


_SUBDIVISIONS: dict[Nation, str] = {
    Nation.ENGLAND_AND_WALES: "ENG",
    Nation.SCOTLAND: "SCT",
    Nation.NORTHERN_IRELAND: "NIR",
}


class WorkingCalendar:
    """Working days of one UK nation: not Saturday or Sunday, not a bank holiday there (including
    substitute days) and not one of the configured ``extra_closures``.

    Counting follows the issue's reading of DOMAIN.md s8: "within N working days" of an event means
    by the end of the Nth working day *after* the day of the event, so the event day itself never
    counts, even when it is a working day.
    """

    def __init__(self, nation: Nation | str, extra_closures: Iterable[dt.date] = frozenset()):
        self.nation = Nation.parse(nation)
        self.extra_closures: frozenset[dt.date] = frozenset(extra_closures)
        for day in self.extra_closures:
            if not isinstance(day, dt.date) or isinstance(day, dt.datetime):
                raise TypeError(f"extra_closures must hold dates, not {day!r}.")
        # expand=True (the default) makes the library fill in each year when first queried.
        self._holidays = holidays.country_holidays(
            "GB", subdiv=self.nation.holidays_subdivision, categories=("public",)
        )

    def __repr__(self) -> str:
        return (
            f"WorkingCalendar({self.nation.value!r}, "
            f"extra_closures={sorted(self.extra_closures)!r})"
        )

    def closure_reason(self, day: dt.date) -> str | None:
        """Why ``day`` is not a working day (weekend, holiday name, extra closure), or ``None``."""
        day = _as_date(day)
        if day.weekday() >= 5:
            return day.strftime("%A")
        name = self._holidays.get(day)
        if name:
            return str(name)
        if day in self.extra_closures:
            return "extra closure day"
        return None

    def is_working_day(self, day: dt.date) -> bool:
        """True unless ``day`` is a weekend, a bank holiday of this nation or an extra closure."""
        return self.closure_reason(day) is None

    def add_working_days(self, day: dt.date, n: int) -> dt.date:
        """The Nth working day after ``day`` (``day`` itself never counts; ``n=0`` returns it).

        An event on a non-working day (e.g. a Saturday) therefore falls due on the Nth working
        day after it: Saturday + 1 is Monday, or Tuesday if Monday is a bank holiday.
        """
        day = _as_date(day)
        if n < 0:
            raise ValueError(f"n must be zero or more, not {n}.")
        remaining = n
        while remaining:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                remaining -= 1
        return day

    def working_days_between(self, start: dt.date, end: dt.date) -> int:
        """Working days in the half-open span (``start``, ``end``]: after ``start``, up to and
        including ``end``. So ``working_days_between(d, add_working_days(d, n)) == n``. Negative
        when ``end`` is before ``start``."""
        start, end = _as_date(start), _as_date(end)
        if end < start:
            return -self.working_days_between(end, start)
        count = 0
        day = start
        while day < end:
            day += dt.timedelta(days=1)
            if self.is_working_day(day):
                count += 1
        return count


def _as_date(value: dt.date) -> dt.date:
    """Reject datetimes: which local day a moment falls on is the clocks module's job (it knows the
    Europe/London rule), and silently taking ``.date()`` of a UTC datetime would be wrong."""
    if isinstance(value, dt.datetime):
        raise TypeError("Pass a date, not a datetime; convert to the Europe/London date first.")
    if not isinstance(value, dt.date):
        raise TypeError(f"Expected a date, not {value!r}.")
    return value
