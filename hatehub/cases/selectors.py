"""Read queries for the hub's staff pages. Who may see which case is decided here, once:
`visible_cases`. Every page that shows a case or its evidence starts from it."""

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta

from django.db.models import (
    Count,
    Exists,
    F,
    IntegerField,
    OuterRef,
    Prefetch,
    QuerySet,
    Subquery,
)
from django.db.models.functions import Coalesce, Substr
from django.utils import timezone

from hatehub.accounts import roles
from hatehub.core.wording import confirm_label
from hatehub.evidence.models import EvidenceFile
from hatehub.reports.choices import PLATFORM_LABELS
from hatehub.reports.models import Report, Strand

from . import outcomes
from .models import Allocation, Case, CaseEvent, CrimeOutcome


def visible_cases(user) -> QuerySet[Case]:
    """Hub staff see every case; a local force user only the cases offered to their force
    (allocated, awaiting acceptance) or owned by it (accepted); anyone else, none. A case the
    force returned, or asked to be transferred, is the hub's again and hidden from it."""
    if roles.sees_every_case(user):
        return Case.objects.all()
    if roles.works_cases(user) and getattr(user, "force_id", None):
        return Case.objects.filter(allocated_force_id=user.force_id)
    return Case.objects.none()


def sees_complainant_details(user, case: Case) -> bool:
    """The reporter's and victim's contact details: hub staff, and the force the case is
    offered to (it needs them to decide) or owned by."""
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


class AllocationFilter:
    """The queue's "Allocation" filter values."""

    AWAITING = "awaiting"  # offered to a force, not accepted yet
    ACCEPTED = "accepted"  # owned by a force
    TO_REALLOCATE = "to_reallocate"  # returned by a force, or a transfer asked for

    # Hub staff choose from all three; a force user sees only their own force's cases.
    HUB_CHOICES = [
        (AWAITING, "Awaiting force acceptance"),
        (ACCEPTED, "Accepted by a force"),
        (TO_REALLOCATE, "Returned or transfer asked for"),
    ]
    FORCE_CHOICES = [(AWAITING, "Awaiting your acceptance"), (ACCEPTED, "Accepted by your force")]


def _latest_allocation_state() -> Subquery:
    return Subquery(
        Allocation.objects.filter(case=OuterRef("pk"))
        .order_by("-offered_at", "-pk")
        .values("state")[:1]
    )


RETURNED_STATES = (Allocation.State.RETURNED, Allocation.State.TRANSFER_REQUESTED)


def awaiting_acceptance(cases: QuerySet[Case]) -> QuerySet[Case]:
    return cases.filter(allocated_force__isnull=False, force_accepted_at__isnull=True).exclude(
        status=Case.Status.MERGED
    )


def awaiting_count(user) -> int:
    """How many of the cases `user` sees wait for a force's acceptance (for a force user: for
    their own force's)."""
    return awaiting_acceptance(visible_cases(user)).count()


@dataclass(frozen=True)
class QueueFilters:
    status: str = ""
    allocation: str = ""
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


class QueueSort:
    """The orders the queue can be sorted in. Urgency is the default and the one the queue
    indexes match; sorting by report count computes every case's count first, so use it with
    filters on a large queue."""

    URGENCY = "urgency"  # most urgent first; likely threats first within one urgency; newest
    OLDEST = "oldest"
    NEWEST = "newest"
    REPORTS = "reports"  # most reports first
    CHOICES = (URGENCY, OLDEST, NEWEST, REPORTS)

    @classmethod
    def parse(cls, value: str | None) -> str:
        return value if value in cls.CHOICES else cls.URGENCY

    CAPTIONS = {
        URGENCY: "most urgent first",
        OLDEST: "oldest first",
        NEWEST: "newest first",
        REPORTS: "most reports first",
    }
    DESCRIPTIONS = {
        URGENCY: "most urgent first (urgent, then priority, then routine; within each, likely "
        "threats first, then the newest)",
        OLDEST: "oldest first",
        NEWEST: "newest first",
        REPORTS: "most reports first",
    }


SNIPPET_CHARS = 160


def queue(
    user, filters: QueueFilters | None = None, sort: str = QueueSort.URGENCY
) -> QuerySet[Case]:
    """The cases `user` may see, in the order asked for (by default most urgent first then
    newest: the model's ordering, which the queue indexes match). Filters use EXISTS subqueries,
    so no join multiplies rows."""
    filters = filters or QueueFilters()
    cases = visible_cases(user)
    if filters.status:
        cases = cases.filter(status=filters.status)
    if filters.allocation == AllocationFilter.AWAITING:
        cases = awaiting_acceptance(cases)
    elif filters.allocation == AllocationFilter.ACCEPTED:
        cases = cases.filter(force_accepted_at__isnull=False)
    elif filters.allocation == AllocationFilter.TO_REALLOCATE:
        # The hub has it back: its latest allocation was returned or a transfer asked for.
        cases = cases.alias(returned_state=_latest_allocation_state()).filter(
            returned_state__in=RETURNED_STATES, allocated_force__isnull=True
        )
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
    offered_at = Allocation.objects.filter(
        case=OuterRef("pk"), state=Allocation.State.OFFERED
    ).values("offered_at")[:1]
    # The latest assessment holds a decision carried forward after new reports joined. Read
    # through the case's `assessments` relation: assessment builds on cases, not the reverse.
    latest_assessment = Case.objects.filter(pk=OuterRef("pk")).order_by(
        F("assessments__number").desc(nulls_last=True)
    )
    # What the first report said, cut short in SQL: the queue shows a snippet of it.
    snippet = (
        Report.objects.filter(case=OuterRef("pk"))
        .order_by("submitted_at", "pk")
        .annotate(start=Substr("description", 1, SNIPPET_CHARS + 1))
    )
    orders = {
        QueueSort.URGENCY: (*Case._meta.ordering, "pk"),
        QueueSort.OLDEST: ("opened_at", "pk"),
        QueueSort.NEWEST: ("-opened_at", "-pk"),
        QueueSort.REPORTS: ("-report_count", *Case._meta.ordering, "pk"),
    }
    return (
        cases.select_related("allocated_force", "assigned_officer")
        .annotate(report_count=Coalesce(Subquery(report_count, output_field=IntegerField()), 0))
        .annotate(offered_at=Subquery(offered_at), last_allocation_state=_latest_allocation_state())
        .annotate(
            decision_to_confirm=Subquery(
                latest_assessment.values("assessments__decision_to_confirm")[:1]
            ),
            assessment_reason=Subquery(latest_assessment.values("assessments__reason")[:1]),
        )
        .annotate(first_description=Subquery(snippet.values("start")[:1]))
        .prefetch_related(Prefetch("reports", queryset=queue_reports, to_attr="queue_reports"))
        .order_by(*orders[QueueSort.parse(sort)])
    )


@dataclass(frozen=True)
class QueueRow:
    case: Case
    report_count: int
    platforms: list[str]
    strands: list[str]
    awaiting_days: int | None = None  # offered to a force this many whole days ago, unanswered
    needs_reallocation: bool = False
    decision_to_confirm: str = ""  # e.g. "New report: confirm your decision"
    snippet: str = ""  # the start of what the first report said

    @property
    def officer(self) -> str:
        officer = self.case.assigned_officer
        return (officer.get_full_name() or officer.username) if officer else ""


def days_since(moment: datetime | None) -> int | None:
    if moment is None:
        return None
    return max((timezone.now() - moment).days, 0)


def platform_label(code: str, other: str = "") -> str:
    label = PLATFORM_LABELS.get(code, code)
    return f"{label}: {other}" if other else label


def _snippet(text: str) -> str:
    text = " ".join(text.split())
    if len(text) <= SNIPPET_CHARS:
        return text
    return text[:SNIPPET_CHARS].rsplit(" ", 1)[0] + "…"


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
        rows.append(
            QueueRow(
                case,
                case.report_count,
                list(platforms),
                list(strands),
                awaiting_days=days_since(case.offered_at),
                needs_reallocation=case.last_allocation_state in RETURNED_STATES
                and not case.allocated_force_id,
                decision_to_confirm=confirm_label(case.assessment_reason or "")
                if getattr(case, "decision_to_confirm", False)
                else "",
                snippet=_snippet(case.first_description or ""),
            )
        )
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
        cases.select_related("allocated_force", "assigned_officer")
        .annotate(report_count=Count("reports", distinct=True))
        .prefetch_related(reports, events)
    )


REPORTER_LABELS = {
    "victim": "from the victim",
    "witness": "from a witness",
    "on_behalf": "for someone else",
    "organisation": "for an organisation",
}


def label_reports(case: Case) -> None:
    """Display names the template cannot work out itself (platform codes are free text)."""
    for report in case.report_list:
        report.platform_display = platform_label(report.platform, report.platform_other)
        report.reporter_label = REPORTER_LABELS.get(report.reporter_role, "from a reporter")
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


# Allocation and outcomes ----------------------------------------------------------------------


def open_offer(case: Case, *, lock: bool = False) -> Allocation | None:
    """The offer of the case waiting for a force's answer, if there is one."""
    offers = Allocation.objects.filter(case=case, state=Allocation.State.OFFERED)
    if lock:
        offers = offers.select_for_update(of=("self",))
    return offers.select_related("force").first()


def last_allocation(case: Case) -> Allocation | None:
    return (
        Allocation.objects.filter(case=case)
        .select_related("force", "transfer_to")
        .order_by("-offered_at", "-pk")
        .first()
    )


def allocation_history(case: Case) -> list[Allocation]:
    """Every offer of the case and its answer, newest first."""
    return list(
        Allocation.objects.filter(case=case)
        .select_related("force", "transfer_to", "offered_by", "responded_by")
        .order_by("-offered_at", "-pk")
    )


def crime_reports(case: Case) -> list[Report]:
    """The case's crimes, one per victim (see `outcomes`): its victims' reports, oldest first,
    or its first report when no victim reported. Each has `recorded_outcome` (None: outcome 0,
    not yet assigned)."""
    reports = Report.objects.filter(case=case).only(
        "id", "reference", "case_id", "reporter_role", "submitted_at"
    )
    crimes = list(
        reports.filter(reporter_role__in=outcomes.VICTIM_ROLES).order_by("submitted_at", "pk")
    )
    if not crimes:
        crimes = list(reports.order_by("submitted_at", "pk")[:1])
    recorded = {
        outcome.report_id: outcome
        for outcome in CrimeOutcome.objects.filter(report__in=crimes).select_related(
            "force", "recorded_by"
        )
    }
    for crime in crimes:
        crime.recorded_outcome = recorded.get(crime.pk)
    return crimes


@dataclass(frozen=True)
class Responsibility:
    """Who has the case and its victim care, for the case page."""

    holder: str  # "hub" or "force"
    force_name: str = ""
    since: datetime | None = None
    awaiting_days: int | None = None
    # The force the responsible-force rule points to now, when an open offer went elsewhere
    # (a report that joined since, such as the victim's own, changed who is responsible).
    rules_now_point_to: str = ""


def responsibility(case: Case, offer: Allocation | None, rules=None) -> Responsibility:
    """`rules` is the case's responsible-force decision (`jurisdiction.services.
    case_responsibility`), compared with an offer not yet accepted."""
    if case.allocated_force_id and case.force_accepted_at:
        return Responsibility("force", case.allocated_force.name, case.force_accepted_at)
    if offer is not None:
        return Responsibility(
            "hub",
            offer.force.name,
            offer.offered_at,
            awaiting_days=days_since(offer.offered_at),
            rules_now_point_to=_rules_elsewhere(offer, rules),
        )
    return Responsibility("hub")


def _rules_elsewhere(offer: Allocation, rules) -> str:
    chosen = [c for c in (rules.recording, rules.investigating) if c] if rules else []
    if not chosen or offer.force.ons_code in {choice.pfa_code for choice in chosen}:
        return ""
    return (rules.investigating or rules.recording).force_name


def may_allocate(case: Case) -> bool:
    """The hub may (re-)allocate the case: it is not merged or closed, and no force owns it."""
    return case.status not in (Case.Status.MERGED, Case.Status.CLOSED) and (
        case.force_accepted_at is None
    )


def records_outcomes(user, case: Case) -> bool:
    """Outcomes are recorded by the force that accepted the case, while it is open."""
    return bool(
        case.force_accepted_at
        and case.status not in (Case.Status.MERGED, Case.Status.CLOSED)
        and roles.works_for_force(user, case.allocated_force_id)
    )
