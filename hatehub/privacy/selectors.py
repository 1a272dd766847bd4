"""Reads for retention and subject access.

`find_complainants` is THE way to find a complainant by email, phone or name. Those columns
are (or will be) encrypted at rest (`hatehub.core.encryption`), so they are never filtered in
SQL: candidates are narrowed by what is not encrypted (report reference, submission dates),
then read in batches of `BATCH` and compared in Python after decryption, up to `scan_limit`
rows. The result says how many rows were read and whether the limit cut the scan short.
"""

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date

from django.conf import settings
from django.db.models import Exists, OuterRef, Subquery
from django.utils import timezone

from hatehub.assessment.models import Assessment, Classification
from hatehub.cases.models import Case, CaseEvent
from hatehub.reports.models import Complainant

from . import conf
from .models import ErasureLog, RetentionReview
from .retention import Due, RecordFacts, Rule, Schedule, due

BATCH = 500
DEFAULT_SCAN_LIMIT = 200_000


# --- Retention ---------------------------------------------------------------------------


def _local_date(value) -> date | None:
    return timezone.localdate(value) if value is not None else None


def erased_case_ids():
    return ErasureLog.objects.filter(record_type="case").exclude(why=ErasureLog.Why.NCHI)


def case_facts(cases=None) -> Iterator[RecordFacts]:
    """What the schedule needs about each case not merged away and not already erased, read
    with one query (the last decision, the closing date and the last "keep until")."""
    decided = Assessment.objects.filter(case=OuterRef("pk"), decided_at__isnull=False).order_by(
        "-number"
    )
    closed = CaseEvent.objects.filter(case=OuterRef("pk"), kind=CaseEvent.Kind.CLOSED).order_by(
        "-at"
    )
    kept = RetentionReview.objects.filter(
        record_type="case", record_id=OuterRef("pk"), status=RetentionReview.Status.KEPT
    ).order_by("-decided_at")
    cases = Case.objects.all() if cases is None else cases
    rows = (
        cases.exclude(status=Case.Status.MERGED)
        .annotate(
            erased=Exists(erased_case_ids().filter(record_id=OuterRef("pk"))),
            classification=Subquery(decided.values("decided_classification")[:1]),
            decided_at=Subquery(decided.values("decided_at")[:1]),
            closed_at=Subquery(closed.values("at")[:1]),
            keep_until=Subquery(kept.values("keep_until")[:1]),
        )
        .filter(erased=False)
        .values_list(
            "pk",
            "status",
            "opened_at",
            "updated_at",
            "classification",
            "decided_at",
            "closed_at",
            "keep_until",
        )
        .order_by("pk")
    )
    for pk, status, opened, updated, classification, decided_at, closed_at, keep in rows.iterator(
        chunk_size=2000
    ):
        if status == Case.Status.CLOSED and closed_at is None:
            closed_at = updated
        yield RecordFacts(
            record_type="case",
            record_id=pk,
            classification=classification or "unassessed",
            status=status,
            opened_on=_local_date(opened),
            closed_on=_local_date(closed_at) if status == Case.Status.CLOSED else None,
            decided_on=_local_date(decided_at),
            keep_until=keep,
        )


def due_cases(today: date, schedule: Schedule | None = None) -> Iterator[tuple[RecordFacts, Due]]:
    schedule = schedule or conf.load_schedule()
    for facts in case_facts():
        when = due(schedule, facts)
        if when is not None and when.is_due(today):
            yield facts, when


def retention_for_case(case, schedule: Schedule | None = None) -> Due | None:
    schedule = schedule or conf.load_schedule()
    facts = next(case_facts(Case.objects.filter(pk=case.pk)), None)
    return due(schedule, facts) if facts else None


def open_reviews():
    return RetentionReview.objects.filter(status=RetentionReview.Status.DUE).order_by(
        "due_on", "pk"
    )


def decided_reviews(limit: int = 50):
    return RetentionReview.objects.exclude(status=RetentionReview.Status.DUE).order_by(
        "-decided_at"
    )[:limit]


def erasure_log(limit: int = 200):
    return ErasureLog.objects.select_related("erased_by")[:limit]


def case_is_erased(case) -> bool:
    return erased_case_ids().filter(record_id=case.pk).exists()


def latest_decision(case) -> Assessment | None:
    return (
        Assessment.objects.filter(case=case, decided_at__isnull=False).order_by("-number").first()
    )


def nchi_without_personal_data(case) -> Assessment | None:
    """The decision, if the case's latest officer decision is an NCHI recorded without the
    subject's personal data: the NCHI Code's personal-data test (a real risk of significant
    harm, or of a future criminal offence) was not found met. The decision records the
    classification; whether the test was met is in the assessment's recommendation
    (`nchi_personal_data`), and the Code's default is without personal data, so anything but
    an explicit True counts as not met."""
    decision = latest_decision(case)
    if decision is None or decision.decided_classification != Classification.NCHI:
        return None
    if (decision.recommendation or {}).get("nchi_personal_data") is True:
        return None
    return decision


def nchi_cases_to_clear() -> Iterator[tuple[Case, Assessment]]:
    """Cases whose latest decision is an NCHI without personal data and whose subject data has
    not been removed since that decision."""
    candidates = (
        Case.objects.filter(
            assessments__decided_classification=Classification.NCHI,
            assessments__decided_at__isnull=False,
        )
        .exclude(pk__in=erased_case_ids().values("record_id"))
        .distinct()
        .order_by("pk")
    )
    for case in candidates.iterator(chunk_size=500):
        decision = nchi_without_personal_data(case)
        if decision is None:
            continue
        done = ErasureLog.objects.filter(
            record_type="case",
            record_id=case.pk,
            why=ErasureLog.Why.NCHI,
            basis=nchi_basis(decision),
        ).exists()
        if not done:
            yield case, decision


def nchi_basis(decision: Assessment) -> str:
    return f"NCHI Code: assessment {decision.number} decided without personal data"


# --- Subject access ----------------------------------------------------------------------


def normalise_email(value: str) -> str:
    return value.strip().casefold()


def normalise_phone(value: str) -> str:
    digits = re.sub(r"\D", "", value)
    if digits.startswith("44"):
        digits = "0" + digits[2:]
    return digits


def normalise_name(value: str) -> str:
    return " ".join(value.casefold().split())


@dataclass
class Found:
    complainants: list = field(default_factory=list)
    scanned: int = 0
    truncated: bool = False


def find_complainants(
    *,
    reference: str = "",
    email: str = "",
    phone: str = "",
    name: str = "",
    submitted_from: date | None = None,
    submitted_to: date | None = None,
    scan_limit: int | None = None,
) -> Found:
    """Complainants matching every criterion given (a report reference exactly; email, phone
    and full name after normalising). Never filters email, phone or name in SQL (see the
    module's docstring): a bounded Python scan over the candidates, in primary-key batches."""
    scan_limit = scan_limit or getattr(settings, "HUB_PRIVACY_SCAN_LIMIT", DEFAULT_SCAN_LIMIT)
    candidates = Complainant.objects.select_related("report", "report__case")
    if reference:
        candidates = candidates.filter(report__reference=reference.strip().upper())
    if submitted_from:
        candidates = candidates.filter(report__submitted_at__date__gte=submitted_from)
    if submitted_to:
        candidates = candidates.filter(report__submitted_at__date__lte=submitted_to)
    wanted = {
        "email": (normalise_email(email), normalise_email),
        "phone": (normalise_phone(phone), normalise_phone),
        "name": (normalise_name(name), normalise_name),
    }
    wanted = {key: pair for key, pair in wanted.items() if pair[0]}
    found = Found()
    last_pk = 0
    while True:
        batch = list(candidates.filter(pk__gt=last_pk).order_by("pk")[:BATCH])
        if not batch:
            break
        for complainant in batch:
            found.scanned += 1
            if all(
                normalise(getattr(complainant, key) or "") == value
                for key, (value, normalise) in wanted.items()
            ):
                found.complainants.append(complainant)
            if found.scanned >= scan_limit:
                found.truncated = True
                return found
        last_pk = batch[-1].pk
    return found


# The schedule's vocabulary (retention.yaml) as supervisors read it on the reviews page.
_CLASSIFICATION_WORDS = {**dict(Classification.choices), "unassessed": "No decision yet"}
_STATUS_WORDS = {
    **{value: label.lower() for value, label in Case.Status.choices},
    "allocated": "allocated to a force",
    "referred": "referred to a platform",
}
_STARTS_WORDS = {
    "opened": "the case was opened",
    "closed": "the case closed",
    "decided": "the officer's decision",
}
_ACTION_WORDS = {"review": "Review", "erase": "Erase"}


@dataclass(frozen=True)
class ScheduleRow:
    """One rule of the retention schedule in words: which cases, and what happens when."""

    id: str
    applies_to: str
    when: str
    rule: Rule


def schedule_rows(schedule: Schedule) -> list[ScheduleRow]:
    rows = []
    for rule in schedule.rules:
        applies_to = "Cases"
        if rule.classifications:
            applies_to += ": " + ", ".join(
                _CLASSIFICATION_WORDS.get(c, c) for c in rule.classifications
            )
        if rule.statuses:
            applies_to += " (" + " or ".join(_STATUS_WORDS.get(s, s) for s in rule.statuses) + ")"
        when = (
            f"{_ACTION_WORDS.get(rule.action, rule.action)} {rule.period} after "
            f"{_STARTS_WORDS.get(rule.starts, rule.starts)}"
        )
        rows.append(ScheduleRow(id=rule.id, applies_to=applies_to, when=when, rule=rule))
    return rows
