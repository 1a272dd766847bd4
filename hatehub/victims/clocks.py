"""Victims' Code clocks: when the victim must be told about each notifiable event (DOMAIN.md s8).

DOMAIN.md s8: "tell the victim within 5 working days (1 working day for enhanced rights) of key
decisions, including a decision NOT to investigate (with reasons) and arrest/interview/release of a
suspect; details passed to support services within 2 working days unless the victim objects." The
Police Victims' Right to Review: "request within 3 months; acknowledge in 10 working days; decide
in 30 working days". Working days exclude weekends and the bank holidays of the relevant nation.

The rules are a data table (``RULES``) so they can be read, reviewed against the current Code text
and tested as data. This module is pure Python and settings-free: the caller decides whether the
victim has enhanced rights. Hate crime victims are victims of "most serious crime" and so have
enhanced rights by default (``HATE_CRIME_ENHANCED_BY_DEFAULT``); DOMAIN.md s8 asks for that to stay
configurable, which is why it is an argument and not hard-wired.

Each clock starts on the local date of the event in Europe/London (the hub is a UK service and the
Code's "working day" is a UK civil day): an event at 23:30 UTC during British Summer Time is 00:30
the next day locally, so that next day is the event day.
"""

from __future__ import annotations

import calendar as std_calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from zoneinfo import ZoneInfo

from hatehub.victims.calendar import Nation, WorkingCalendar

__all__ = [
    "HATE_CRIME_ENHANCED_BY_DEFAULT",
    "LONDON",
    "RIGHT_TO_REVIEW_REQUEST_MONTHS",
    "RULES",
    "Deadline",
    "EventRule",
    "deadline",
    "event_local_date",
    "known_events",
    "right_to_review_request_closes",
]

#: Hate crime victims get enhanced rights as victims of "most serious crime" (DOMAIN.md s8). Kept as
#: a default the caller applies, not a rule baked into ``deadline``, so it stays configurable.
HATE_CRIME_ENHANCED_BY_DEFAULT = True

#: The event's day is its civil date in the UK.
LONDON = ZoneInfo("Europe/London")

#: Victims' Right to Review: the request must be made within 3 calendar months (DOMAIN.md s8).
RIGHT_TO_REVIEW_REQUEST_MONTHS = 3

_S8 = "DOMAIN.md s8"
_KEY_DECISION_SOURCE = (
    f"Victims' Code ({_S8}): tell the victim within 5 working days, or 1 working day with "
    "enhanced rights"
)


@dataclass(frozen=True)
class EventRule:
    """How many working days after the event the duty must be met.

    ``standard_days`` applies to victims without enhanced rights and ``enhanced_days`` to those with
    them; the special cases (support referral, right to review) use the same number for both.
    """

    event: str
    duty: str
    standard_days: int
    enhanced_days: int
    source: str

    def working_days(self, *, enhanced: bool) -> int:
        return self.enhanced_days if enhanced else self.standard_days


def _key_decision(event: str, what: str) -> EventRule:
    return EventRule(
        event=event,
        duty=f"tell the victim {what}",
        standard_days=5,
        enhanced_days=1,
        source=_KEY_DECISION_SOURCE,
    )


_RULE_LIST: tuple[EventRule, ...] = (
    _key_decision("report_received", "that their report has been received (written confirmation)"),
    _key_decision("decision_to_record", "of the decision to record the crime"),
    _key_decision("decision_not_to_record", "of the decision not to record the crime"),
    _key_decision(
        "decision_not_to_investigate", "of the decision not to investigate, with reasons"
    ),
    _key_decision("allocated_to_force", "that the case has been allocated to a force"),
    _key_decision("transferred_to_force", "that the case has been transferred to another force"),
    _key_decision("suspect_identified", "that a suspect has been identified"),
    _key_decision("suspect_arrested", "that a suspect has been arrested"),
    _key_decision("suspect_interviewed", "that a suspect has been interviewed"),
    _key_decision("suspect_charged", "that a suspect has been charged"),
    _key_decision("suspect_released", "that a suspect has been released (and on what terms)"),
    _key_decision("outcome", "of the outcome of the investigation"),
    EventRule(
        event="support_referral",
        duty="pass the victim's details to support services unless the victim objects",
        standard_days=2,
        enhanced_days=2,
        source=(
            f"Victims' Code ({_S8}): details passed to support services within 2 working days "
            "unless the victim objects (the same for enhanced rights)"
        ),
    ),
    EventRule(
        event="right_to_review_acknowledge",
        duty="acknowledge the Victims' Right to Review request",
        standard_days=10,
        enhanced_days=10,
        source=f"Police Victims' Right to Review ({_S8}): acknowledge in 10 working days",
    ),
    EventRule(
        event="right_to_review_decision",
        duty="decide the Victims' Right to Review request",
        standard_days=30,
        enhanced_days=30,
        source=f"Police Victims' Right to Review ({_S8}): decide in 30 working days",
    ),
)

#: Event name -> rule. The notifiable events and special cases of DOMAIN.md s8.
RULES: dict[str, EventRule] = {rule.event: rule for rule in _RULE_LIST}


def known_events() -> list[str]:
    """The event names ``deadline`` accepts, in table order."""
    return list(RULES)


@dataclass(frozen=True)
class Deadline:
    """When a Victims' Code duty falls due: by the end of ``due`` (a local UK date)."""

    due: dt.date
    working_days: int
    rule: str
    event: str

    def as_dict(self) -> dict[str, object]:
        """The operator-facing form printed by ``manage.py victims_deadline``."""
        return {"due": self.due.isoformat(), "working_days": self.working_days, "rule": self.rule}


def event_local_date(at: dt.datetime | dt.date) -> dt.date:
    """The Europe/London civil date of the event, which is the day the clock counts from.

    Aware datetimes are converted to Europe/London; naive datetimes are taken to be Europe/London
    wall-clock time already (the hub's local time); a plain date is used as it is.
    """
    if isinstance(at, dt.datetime):
        if at.tzinfo is not None and at.utcoffset() is not None:
            return at.astimezone(LONDON).date()
        return at.date()
    if isinstance(at, dt.date):
        return at
    raise TypeError(f"Expected a datetime or date, not {at!r}.")


def deadline(
    event: str,
    at: dt.datetime | dt.date,
    nation: Nation | str,
    *,
    enhanced: bool,
    extra_closures: Iterable[dt.date] = (),
) -> Deadline:
    """When the duty triggered by ``event`` at ``at`` falls due in ``nation``.

    "Within N working days" means by the end of the Nth working day after the (Europe/London) day
    of the event (DOMAIN.md s8 as read by the issue). ``enhanced`` is the caller's decision; pass
    ``HATE_CRIME_ENHANCED_BY_DEFAULT`` for hate crime victims unless configured otherwise. For
    ``support_referral`` the clock only runs if the victim has not objected: the caller must not
    start it otherwise.

    Raises ``ValueError`` for an unknown event (listing the known ones) or an unknown nation.
    """
    rule = RULES.get(event)
    if rule is None:
        raise ValueError(f"Unknown event {event!r}; known events: {', '.join(known_events())}.")
    calendar = WorkingCalendar(nation, extra_closures=frozenset(extra_closures))
    days = rule.working_days(enhanced=enhanced)
    due = calendar.add_working_days(event_local_date(at), days)
    rights = "enhanced rights" if enhanced else "standard rights"
    unit = "working day" if days == 1 else "working days"
    text = (
        f"Within {days} {unit} ({rights}; working days in {calendar.nation.label}): {rule.duty}. "
        f"Source: {rule.source}."
    )
    return Deadline(due=due, working_days=days, rule=text, event=event)


def right_to_review_request_closes(decision_at: dt.datetime | dt.date) -> dt.date:
    """Last day a victim may request a Right to Review: 3 calendar months after the (local) date of
    the decision not to proceed (DOMAIN.md s8). Calendar months, not working days; if the target
    month is shorter, the window closes on its last day (30 November -> 28/29 February).
    """
    start = event_local_date(decision_at)
    month_index = start.month - 1 + RIGHT_TO_REVIEW_REQUEST_MONTHS
    year = start.year + month_index // 12
    month = month_index % 12 + 1
    day = min(start.day, std_calendar.monthrange(year, month)[1])
    return dt.date(year, month, day)
