"""Retention schedules: parsing, validation and due dates. Pure: no Django import.

A schedule is a list of rules, one per kind of record (DOMAIN.md s11: records are normally
reviewed after at least 6 years under the police information and records management Code;
exact periods are UNCERTAIN, so every period is configuration). Each rule names its legal or
policy source and the date someone last checked it. The first rule that matches a record
decides when it is due; a supervisor's "keep until" pushes the date later.
"""

from __future__ import annotations

import calendar
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from datetime import date

RECORD_TYPES = ("case",)
CLASSIFICATIONS = ("crime", "nchi", "hate_incident", "not_hate", "not_police_matter", "unassessed")
STATUSES = ("new", "in_assessment", "allocated", "referred", "closed")
STARTS = ("opened", "closed", "decided")
ACTIONS = ("review", "erase")
PERIOD_UNITS = ("years", "months", "days")


class ScheduleError(ValueError):
    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("; ".join(problems))


@dataclass(frozen=True)
class Period:
    years: int = 0
    months: int = 0
    days: int = 0

    def after(self, start: date) -> date:
        month_index = start.month - 1 + self.months + 12 * self.years
        year, month = start.year + month_index // 12, month_index % 12 + 1
        day = min(start.day, calendar.monthrange(year, month)[1])
        return date.fromordinal(date(year, month, day).toordinal() + self.days)

    def __str__(self) -> str:
        parts = [
            f"{n} {unit if n != 1 else unit[:-1]}"
            for n, unit in ((self.years, "years"), (self.months, "months"), (self.days, "days"))
            if n
        ]
        return ", ".join(parts) or "0 days"


@dataclass(frozen=True)
class Rule:
    id: str
    record_type: str
    classifications: tuple[str, ...]  # empty: any
    statuses: tuple[str, ...]  # empty: any
    starts: str
    period: Period
    action: str
    reason: str
    source: str
    last_checked: date

    def matches(self, facts: RecordFacts) -> bool:
        return (
            facts.record_type == self.record_type
            and (not self.classifications or facts.classification in self.classifications)
            and (not self.statuses or facts.status in self.statuses)
        )


@dataclass(frozen=True)
class Schedule:
    version: str
    rules: tuple[Rule, ...]

    def rule_for(self, facts: RecordFacts) -> Rule | None:
        return next((rule for rule in self.rules if rule.matches(facts)), None)

    def rule(self, rule_id: str) -> Rule | None:
        return next((rule for rule in self.rules if rule.id == rule_id), None)


@dataclass(frozen=True)
class RecordFacts:
    """What a schedule needs to know about one record: no personal data."""

    record_type: str
    record_id: int
    classification: str
    status: str
    opened_on: date
    closed_on: date | None = None
    decided_on: date | None = None
    keep_until: date | None = None  # a supervisor's last "keep until" decision


@dataclass(frozen=True)
class Due:
    rule: Rule
    due_on: date  # when it must next be looked at (or erased, for an `erase` rule)
    scheduled_on: date  # what the schedule alone says
    kept: bool = field(default=False)  # a supervisor's decision moved it

    def is_due(self, today: date) -> bool:
        return self.due_on <= today


def due(schedule: Schedule, facts: RecordFacts) -> Due | None:
    """When the record is due, by the first matching rule; None when no rule matches or the
    rule's start has not happened yet (an open case has no closing date)."""
    rule = schedule.rule_for(facts)
    if rule is None:
        return None
    start = {"opened": facts.opened_on, "closed": facts.closed_on, "decided": facts.decided_on}[
        rule.starts
    ]
    if start is None:
        return None
    scheduled = rule.period.after(start)
    if facts.keep_until is not None and facts.keep_until > scheduled:
        return Due(rule, facts.keep_until, scheduled, kept=True)
    return Due(rule, scheduled, scheduled)


# --- Parsing ----------------------------------------------------------------------------

_RULE_KEYS = {
    "id",
    "record_type",
    "classification",
    "status",
    "starts",
    "review_after",
    "action",
    "reason",
    "source",
    "last_checked",
}


def _as_tuple(value, allowed: Iterable[str], where: str, problems: list[str]) -> tuple:
    if value is None:
        return ()
    values = [value] if isinstance(value, str) else value
    if not isinstance(values, list) or not all(isinstance(v, str) for v in values):
        problems.append(f"{where}: must be a name or a list of names")
        return ()
    for v in values:
        if v not in allowed:
            problems.append(f"{where}: unknown value {v!r} (allowed: {', '.join(allowed)})")
    return tuple(values)


def _period(value, where: str, problems: list[str]) -> Period:
    if not isinstance(value, Mapping) or not value:
        problems.append(f"{where}: review_after must be e.g. {{years: 6}}")
        return Period()
    unknown = set(value) - set(PERIOD_UNITS)
    if unknown:
        problems.append(f"{where}: review_after has unknown units {sorted(unknown)}")
    numbers = {}
    for unit in PERIOD_UNITS:
        n = value.get(unit, 0)
        if not isinstance(n, int) or isinstance(n, bool) or n < 0:
            problems.append(f"{where}: review_after.{unit} must be a whole number of 0 or more")
            n = 0
        numbers[unit] = n
    period = Period(**numbers)
    if period == Period():
        problems.append(f"{where}: review_after must be longer than nothing")
    return period


def _date(value, where: str, problems: list[str]) -> date:
    if isinstance(value, date):
        return value
    if isinstance(value, str):
        try:
            return date.fromisoformat(value)
        except ValueError:
            pass
    problems.append(f"{where}: last_checked must be a date (YYYY-MM-DD)")
    return date.min


def parse_schedule(data, *, today: date | None = None) -> Schedule:
    """A validated schedule, or ScheduleError listing every problem found."""
    problems: list[str] = []
    if not isinstance(data, Mapping) or not isinstance(data.get("rules"), list):
        raise ScheduleError(["the schedule must be a mapping with a list of `rules`"])
    rules: list[Rule] = []
    seen: set[str] = set()
    for index, raw in enumerate(data["rules"]):
        where = f"rules[{index}]"
        if not isinstance(raw, Mapping):
            problems.append(f"{where}: must be a mapping")
            continue
        rid = raw.get("id")
        if not isinstance(rid, str) or not rid:
            problems.append(f"{where}: needs an id")
            rid = f"#{index}"
        where = f"rule {rid}"
        if rid in seen:
            problems.append(f"{where}: the id is used twice")
        seen.add(rid)
        unknown = set(raw) - _RULE_KEYS
        if unknown:
            problems.append(f"{where}: unknown keys {sorted(unknown)}")
        record_type = raw.get("record_type")
        if record_type not in RECORD_TYPES:
            problems.append(f"{where}: record_type must be one of {', '.join(RECORD_TYPES)}")
        starts = raw.get("starts", "closed")
        if starts not in STARTS:
            problems.append(f"{where}: starts must be one of {', '.join(STARTS)}")
        action = raw.get("action", "review")
        if action not in ACTIONS:
            problems.append(f"{where}: action must be one of {', '.join(ACTIONS)}")
        for key in ("reason", "source"):
            if not isinstance(raw.get(key), str) or not raw[key].strip():
                problems.append(f"{where}: {key} is required (why, and on what authority)")
        checked = _date(raw.get("last_checked"), where, problems)
        if today is not None and checked > today:
            problems.append(f"{where}: last_checked is in the future")
        rules.append(
            Rule(
                id=rid,
                record_type=record_type if isinstance(record_type, str) else "",
                classifications=_as_tuple(
                    raw.get("classification"), CLASSIFICATIONS, f"{where}: classification", problems
                ),
                statuses=_as_tuple(raw.get("status"), STATUSES, f"{where}: status", problems),
                starts=starts if isinstance(starts, str) else "",
                period=_period(raw.get("review_after"), where, problems),
                action=action if isinstance(action, str) else "",
                reason=str(raw.get("reason", "")).strip(),
                source=str(raw.get("source", "")).strip(),
                last_checked=checked,
            )
        )
    if not rules and not problems:
        problems.append("the schedule has no rules")
    for classification in CLASSIFICATIONS:  # nothing may be kept for ever by omission
        if rules and not any(
            rule.record_type == "case"
            and (not rule.classifications or classification in rule.classifications)
            for rule in rules
        ):
            problems.append(f"no rule covers cases classified {classification!r}")
    if problems:
        raise ScheduleError(problems)
    return Schedule(version=str(data.get("version", "")), rules=tuple(rules))
