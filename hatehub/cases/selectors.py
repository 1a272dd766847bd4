"""Read queries for the hub's staff pages. Who may see which case is decided here, once:
`visible_cases`. Every page that shows a case or its evidence starts from it."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import Count, Exists, IntegerField, OuterRef, Prefetch, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils import timezone

from hatehub.accounts import roles
from hatehub.evidence.models import EvidenceFile
from hatehub.intake.choices import PLATFORM_LABELS
from hatehub.intake.models import Report, Strand

from .models import Case, CaseEvent


def visible_cases(user) -> QuerySet[Case]:
    """Hub staff see every case; a local force user only the cases allocated to their force;
    anyone else, none."""
    if roles.sees_every_case(user):
        return Case.objects.all()
    if roles.works_cases(user) and getattr(user, "force_id", None):
        return Case.objects.filter(allocated_force_id=user.force_id)
    return Case.objects.none()


def sees_complainant_details(user, case: Case) -> bool:
    """The reporter's and victim's contact details: hub staff, and the force the case is with."""
    if roles.sees_every_case(user):
        return True
    return bool(
        roles.works_cases(user)
        and getattr(user, "force_id", None)
        and case.allocated_force_id == user.force_id
    )


def case_exists(reference: str) -> bool:
    return Case.objects.filter(reference=reference).exists()


# The triage queue ------------------------------------------------------------------------------


@dataclass(frozen=True)
class QueueFilters:
    status: str = ""
    strand: str = ""
    platform: str = ""
    force_id: int | None = None
    opened_from: date | None = None
    opened_to: date | None = None

    def as_details(self) -> dict:
        """The filters in use, for the audit entry."""
        return {key: str(value) for key, value in self.__dict__.items() if value not in ("", None)}


def _start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


def queue(user, filters: QueueFilters | None = None) -> QuerySet[Case]:
    """The cases `user` may see, most urgent first then newest (the model's ordering, which the
    queue indexes match). Filters use EXISTS subqueries, so no join multiplies rows."""
    filters = filters or QueueFilters()
    cases = visible_cases(user)
    if filters.status:
        cases = cases.filter(status=filters.status)
    if filters.strand:
        cases = cases.filter(
            Exists(
                Report.strands.through.objects.filter(
                    report__case=OuterRef("pk"), strand__code=filters.strand
                )
            )
        )
    if filters.platform:
        cases = cases.filter(
            Exists(Report.objects.filter(case=OuterRef("pk"), platform=filters.platform))
        )
    if filters.force_id:
        cases = cases.filter(allocated_force_id=filters.force_id)
    if filters.opened_from:
        cases = cases.filter(opened_at__gte=_start_of(filters.opened_from))
    if filters.opened_to:
        cases = cases.filter(opened_at__lt=_start_of(filters.opened_to + timedelta(days=1)))
    # A correlated count per row: the database can walk the queue index and stop at the page,
    # instead of grouping every case first.
    report_count = (
        Report.objects.filter(case=OuterRef("pk"))
        .order_by()
        .values("case")
        .annotate(n=Count("pk"))
        .values("n")
    )
    queue_reports = Report.objects.only(
        "id", "case_id", "platform", "platform_other"
    ).prefetch_related(Prefetch("strands", queryset=Strand.objects.only("id", "code", "label")))
    return (
        cases.select_related("allocated_force")
        .annotate(report_count=Coalesce(Subquery(report_count, output_field=IntegerField()), 0))
        .prefetch_related(Prefetch("reports", queryset=queue_reports, to_attr="queue_reports"))
        .order_by(*Case._meta.ordering, "pk")
    )


@dataclass(frozen=True)
class QueueRow:
    case: Case
    report_count: int
    platforms: list[str]
    strands: list[str]


def platform_label(code: str, other: str = "") -> str:
    label = PLATFORM_LABELS.get(code, code)
    return f"{label}: {other}" if other else label


def queue_rows(cases) -> list[QueueRow]:
    """One row per case: counts are annotated, platforms and strands come from the prefetch."""
    rows = []
    for case in cases:
        platforms: dict[str, None] = {}
        strands: dict[str, None] = {}
        for report in case.queue_reports:
            platforms[platform_label(report.platform, report.platform_other)] = None
            for strand in report.strands.all():
                strands[strand.label] = None
        rows.append(QueueRow(case, case.report_count, list(platforms), list(strands)))
    return rows


# One case -------------------------------------------------------------------------------------


REPORTS_PER_PAGE = 25


def with_contents(cases: QuerySet[Case], *, reports_page: int = 1) -> QuerySet[Case]:
    """Everything the case page shows, in a fixed number of queries: one page of its reports
    (oldest first; a viral post's case holds thousands), with the total as `report_count`."""
    start = (max(reports_page, 1) - 1) * REPORTS_PER_PAGE
    thumbnails = Prefetch(
        "derivatives",
        queryset=EvidenceFile.objects.filter(kind=EvidenceFile.Kind.THUMBNAIL),
        to_attr="thumbnails",
    )
    originals = Prefetch(
        "evidence",
        queryset=EvidenceFile.objects.filter(kind=EvidenceFile.Kind.ORIGINAL).prefetch_related(
            thumbnails
        ),
        to_attr="originals",
    )
    reports = Prefetch(
        "reports",
        queryset=Report.objects.select_related("complainant", "organisation")
        .prefetch_related("strands", "content_items", "accounts", originals)
        .order_by("submitted_at", "pk")[start : start + REPORTS_PER_PAGE],
        to_attr="report_list",
    )
    events = Prefetch(
        "events",
        queryset=CaseEvent.objects.select_related("actor").order_by("-at", "-pk"),
        to_attr="timeline",
    )
    return (
        cases.select_related("allocated_force")
        .annotate(report_count=Count("reports", distinct=True))
        .prefetch_related(reports, events)
    )


def label_reports(case: Case) -> None:
    """Display names the template cannot work out itself (platform codes are free text)."""
    for report in case.report_list:
        report.platform_display = platform_label(report.platform, report.platform_other)
        for account in report.accounts.all():  # the prefetched objects the template reads
            account.platform_display = platform_label(account.platform)


def original_evidence(case: Case, evidence_id: int) -> EvidenceFile | None:
    """An original file received with one of this case's reports."""
    return EvidenceFile.objects.filter(
        pk=evidence_id, report__case=case, kind=EvidenceFile.Kind.ORIGINAL
    ).first()


def thumbnail_of(case: Case, evidence_id: int) -> EvidenceFile | None:
    """The thumbnail made from original `evidence_id`, if that original is in this case."""
    return EvidenceFile.objects.filter(
        derived_from_id=evidence_id,
        derived_from__report__case=case,
        kind=EvidenceFile.Kind.THUMBNAIL,
    ).first()
