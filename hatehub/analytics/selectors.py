"""The dashboard's figures: aggregate SQL only (GROUP BY in the database, never a loop over
reports), each returned as a `Figure` that the chart, its table and its CSV are all made from.

Scope: `access.analytics_force(user)` limits a force user to reports whose case is allocated
to their force, outcomes their force recorded, and alerts about their force or its cases.
Counting rules (also in docs/analytics.md):
- volumes count reports received (`Report.submitted_at`), in the hub's time zone; a report
  that names two characteristics counts once under each, so the strand figures add up to more
  than the reports; "force" is the force the report's case is allocated to (offered or
  accepted), and "classification" the officer's latest decision on its case;
- time to triage: a case's opening (its first report) to the first officer decision on it;
- time to allocation: a case's opening to the first time a force accepted it;
- outcomes: the Home Office outcomes forces recorded, by the date of the outcome.
"""

from __future__ import annotations

import csv
import hashlib
import hmac
import io
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime, time, timedelta

from django.conf import settings as django_settings
from django.db.models import Case as When_
from django.db.models import (
    CharField,
    Count,
    DateField,
    Exists,
    F,
    OuterRef,
    Q,
    QuerySet,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Trunc
from django.utils import timezone

from hatehub.assessment.models import Assessment, Classification
from hatehub.cases.models import Allocation, Case, CrimeOutcome, OutcomeCode
from hatehub.jurisdiction.models import Force
from hatehub.matching import selectors as matching_selectors
from hatehub.matching.models import MatchKey, OnlineAccount
from hatehub.reports.choices import PLATFORM_LABELS, STRAND_LABELS, ReporterRole
from hatehub.reports.models import AccountMention, ContentItem, Report

from . import access, campaigns
from .models import Alert

NOT_GIVEN = "not_given"
OTHERS = "All others"
TOP_SERIES = 5


@dataclass(frozen=True)
class Filters:
    start: date
    end: date  # inclusive
    interval: str = "day"  # "day" or "week"
    strand: str = ""
    platform: str = ""
    force_id: int | None = None

    @classmethod
    def default(cls, today: date | None = None) -> Filters:
        today = today or timezone.localdate()
        return cls(start=today - timedelta(days=27), end=today)

    @property
    def since(self) -> datetime:
        return start_of(self.start)

    @property
    def until(self) -> datetime:
        return start_of(self.end + timedelta(days=1))

    def as_details(self) -> dict:
        return {key: str(value) for key, value in self.__dict__.items() if value not in ("", None)}


def start_of(day: date) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min))


# Figures ---------------------------------------------------------------------------------------


@dataclass
class Figure:
    """One chart's data. `rows` are the CSV (every category, every period, with a count), the
    table and the chart draw the same rows (time series: the largest series, the rest added up
    as "All others")."""

    key: str
    title: str
    description: str
    kind: str  # "series" (over time) or "bars"
    columns: list[str]
    rows: list[list] = field(default_factory=list)
    periods: list[date] = field(default_factory=list)
    period_label: Callable[[date], str] = str
    unit: str = "reports"
    category_heading: str = "Category"
    summable: bool = True  # False: the values are not counts (medians), no total

    def csv(self) -> str:
        out = io.StringIO()
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(self.columns)
        for row in self.rows:
            writer.writerow(
                [value.isoformat() if isinstance(value, date) else value for value in row]
            )
        return out.getvalue()

    @property
    def total(self) -> int | None:
        return sum(row[-1] for row in self.rows) if self.summable else None


def _period_label(interval: str) -> Callable[[date], str]:
    if interval == "week":
        return lambda day: f"w/c {day.day} {day:%b}"
    return lambda day: f"{day.day} {day:%b}"


def periods(filters: Filters) -> list[date]:
    if filters.interval == "week":
        first = filters.start - timedelta(days=filters.start.weekday())
        step = timedelta(weeks=1)
    else:
        first, step = filters.start, timedelta(days=1)
    found, day = [], first
    while day <= filters.end:
        found.append(day)
        day += step
    return found


# Scoping -----------------------------------------------------------------------------------------


def scoped_reports(user, filters: Filters) -> QuerySet[Report]:
    """Reports received in the range that this user's figures are made from."""
    reports = Report.objects.filter(submitted_at__gte=filters.since, submitted_at__lt=filters.until)
    force = access.analytics_force(user)
    if force is not None:
        reports = reports.filter(case__allocated_force=force)
    if filters.force_id:
        reports = reports.filter(case__allocated_force_id=filters.force_id)
    if filters.platform:
        reports = reports.filter(platform=filters.platform)
    if filters.strand:
        reports = reports.filter(
            Exists(
                Report.strands.through.objects.filter(
                    report=OuterRef("pk"), strand__code=filters.strand
                )
            )
        )
    return reports.order_by()


def scoped_cases(user, filters: Filters) -> QuerySet[Case]:
    """Cases opened in the range, with a report matching the strand and platform filters."""
    cases = Case.objects.filter(opened_at__gte=filters.since, opened_at__lt=filters.until).exclude(
        status=Case.Status.MERGED
    )
    force = access.analytics_force(user)
    if force is not None:
        cases = cases.filter(allocated_force=force)
    if filters.force_id:
        cases = cases.filter(allocated_force_id=filters.force_id)
    if filters.platform:
        cases = cases.filter(
            Exists(Report.objects.filter(case=OuterRef("pk"), platform=filters.platform))
        )
    if filters.strand:
        cases = cases.filter(
            Exists(
                Report.strands.through.objects.filter(
                    report__case=OuterRef("pk"), strand__code=filters.strand
                )
            )
        )
    return cases.order_by()


# Volumes ---------------------------------------------------------------------------------------


def _latest_classification() -> Subquery:
    return Subquery(
        Assessment.objects.filter(case=OuterRef("case_id"), decided_at__isnull=False)
        .order_by("-number")
        .values("decided_classification")[:1],
        output_field=CharField(),
    )


def _force_labels() -> dict[str, str]:
    return {str(pk): name for pk, name in Force.objects.values_list("pk", "name")}


DIMENSIONS = {
    # key: (title, the value grouped by, labels)
    "strand": ("Reports by targeted characteristic", "strands__code"),
    "platform": ("Reports by platform", "platform"),
    "force": ("Reports by allocated force", "case__allocated_force_id"),
    "classification": ("Reports by classification of their case", "classification"),
}


def _labels(dimension: str) -> dict[str, str]:
    if dimension == "strand":
        return dict(STRAND_LABELS)
    if dimension == "platform":
        return dict(PLATFORM_LABELS)
    if dimension == "force":
        return _force_labels()
    return dict(Classification.choices)


NOT_GIVEN_LABELS = {
    "strand": "Not given",
    "platform": "Not given",
    "force": "Not allocated",
    "classification": "Not yet decided",
}


def volume(user, filters: Filters, dimension: str) -> Figure:
    """Reports received per day or week, by one dimension: one GROUP BY query."""
    title, column = DIMENSIONS[dimension]
    reports = scoped_reports(user, filters)
    if dimension == "classification":
        reports = reports.annotate(classification=_latest_classification())
    counts = (
        reports.annotate(period=Trunc("submitted_at", filters.interval, output_field=DateField()))
        .values("period", column)
        .annotate(n=Count("pk"))
        .order_by()
    )
    labels = _labels(dimension)
    rows = []
    for item in counts:
        value = item[column]
        code = NOT_GIVEN if value in (None, "") else str(value)
        label = NOT_GIVEN_LABELS[dimension] if code == NOT_GIVEN else labels.get(code, code)
        rows.append([item["period"], code, label, item["n"]])
    rows.sort(key=lambda row: (row[0], row[2]))
    noun = "day" if filters.interval == "day" else "week (weeks start on Monday)"
    return Figure(
        key=f"volume-{dimension}",
        title=f"{title}, per {filters.interval}",
        description=(
            f"Reports received per {noun} from {filters.start:%-d %B %Y} to "
            f"{filters.end:%-d %B %Y}, by {dimension}."
            + (
                " A report naming two characteristics counts under each."
                if dimension == "strand"
                else ""
            )
        ),
        kind="series",
        columns=["period_start", dimension, "label", "reports"],
        rows=rows,
        periods=periods(filters),
        period_label=_period_label(filters.interval),
    )


@dataclass(frozen=True)
class SeriesTable:
    """A time-series figure as the chart and its table show it: periods down, series across."""

    headings: list[str]
    rows: list[tuple[str, date, list[int]]]  # label, period start, one value per series + total

    @property
    def series_names(self) -> list[str]:
        return self.headings[:-1]


def series_table(figure: Figure, top: int = TOP_SERIES) -> SeriesTable:
    totals: dict[str, int] = defaultdict(int)
    by_period: dict[date, dict[str, int]] = defaultdict(lambda: defaultdict(int))
    for period, _code, label, n in figure.rows:
        totals[label] += n
        by_period[period][label] += n
    ranked = sorted(totals, key=lambda label: (-totals[label], label))
    shown, rest = ranked[:top], ranked[top:]
    if len(rest) == 1:
        shown, rest = ranked, []
    headings = [*shown, *([OTHERS] if rest else []), "Total"]
    rows = []
    for period in figure.periods:
        values = by_period.get(period, {})
        line = [values.get(label, 0) for label in shown]
        if rest:
            line.append(sum(values.get(label, 0) for label in rest))
        line.append(sum(values.values()))
        rows.append((figure.period_label(period), period, line))
    return SeriesTable(headings, rows)


# Durations -------------------------------------------------------------------------------------

DURATION_BUCKETS = [
    ("Under 1 hour", timedelta(hours=1)),
    ("1 to 4 hours", timedelta(hours=4)),
    ("4 to 24 hours", timedelta(hours=24)),
    ("1 to 3 days", timedelta(days=3)),
    ("3 to 7 days", timedelta(days=7)),
    ("7 to 28 days", timedelta(days=28)),
]
OVER = "28 days or more"


def _bucketed(queryset: QuerySet, start: str, end: str, pending: str) -> dict[str, int]:
    """Counts of rows by how long `start` to `end` took, in one GROUP BY query."""
    whens = [When(**{f"{end}__isnull": True}, then=Value(pending))]
    whens += [
        When(**{f"{end}__lt": F(start) + limit}, then=Value(label))
        for label, limit in DURATION_BUCKETS
    ]
    bucket = When_(*whens, default=Value(OVER), output_field=CharField())
    counts = dict(
        queryset.annotate(bucket=bucket)
        .values("bucket")
        .annotate(n=Count("pk"))
        .values_list("bucket", "n")
    )
    labels = [label for label, _limit in DURATION_BUCKETS] + [OVER, pending]
    return {label: counts.get(label, 0) for label in labels}


def _duration_figure(key: str, title: str, description: str, counts: dict[str, int]) -> Figure:
    return Figure(
        key=key,
        title=title,
        description=description,
        kind="bars",
        columns=["time_taken", "cases"],
        rows=[[label, n] for label, n in counts.items()],
        unit="cases",
        category_heading="Time taken",
    )


def time_to_triage(user, filters: Filters) -> Figure:
    first_decision = Subquery(
        Assessment.objects.filter(case=OuterRef("pk"), decided_at__isnull=False)
        .order_by("decided_at")
        .values("decided_at")[:1]
    )
    cases = scoped_cases(user, filters).annotate(first_decision=first_decision)
    counts = _bucketed(cases, "opened_at", "first_decision", "Not decided yet")
    return _duration_figure(
        "time-to-triage",
        "Time to triage",
        "Cases opened in the period by the time from their first report to the first officer "
        "decision on them (crime, non-crime hate incident or neither).",
        counts,
    )


def time_to_allocation(user, filters: Filters) -> Figure:
    accepted = Subquery(
        Allocation.objects.filter(
            case=OuterRef("pk"), state=Allocation.State.ACCEPTED, responded_at__isnull=False
        )
        .order_by("responded_at")
        .values("responded_at")[:1]
    )
    cases = (
        scoped_cases(user, filters)
        .filter(Exists(Allocation.objects.filter(case=OuterRef("pk"))))
        .annotate(accepted_at=accepted)
    )
    counts = _bucketed(cases, "opened_at", "accepted_at", "Not accepted yet")
    return _duration_figure(
        "time-to-allocation",
        "Time to allocation",
        "Cases opened in the period and offered to a force, by the time from the case opening "
        "to a force accepting it.",
        counts,
    )


# Outcomes --------------------------------------------------------------------------------------


def outcomes(user, filters: Filters) -> Figure:
    recorded = CrimeOutcome.objects.filter(
        outcome_date__gte=filters.start, outcome_date__lte=filters.end
    )
    force = access.analytics_force(user)
    if force is not None:
        recorded = recorded.filter(force=force)
    if filters.force_id:
        recorded = recorded.filter(force_id=filters.force_id)
    if filters.platform:
        recorded = recorded.filter(report__platform=filters.platform)
    if filters.strand:
        recorded = recorded.filter(
            Exists(
                Report.strands.through.objects.filter(
                    report=OuterRef("report_id"), strand__code=filters.strand
                )
            )
        )
    counts = dict(
        recorded.order_by().values("code").annotate(n=Count("pk")).values_list("code", "n")
    )
    labels = dict(OutcomeCode.choices)
    return Figure(
        key="outcomes",
        title="Crime outcomes recorded",
        description="Home Office outcome types that forces recorded for the hub's crimes, by "
        "the date of the outcome.",
        kind="bars",
        columns=["outcome_code", "outcome", "crimes"],
        rows=[[code, labels[code], counts[code]] for code in sorted(counts)],
        unit="crimes",
        category_heading="Outcome",
    )


def _force_for(user, filters: Filters):
    force = access.analytics_force(user)
    if force is None and filters.force_id:
        force = Force.objects.filter(pk=filters.force_id).first()
    return force


def time_to_removal(user, filters: Filters) -> Figure | None:
    """Referred items sent to platforms in the range, per platform: the platforms app's own
    figures (`platforms.selectors.removal_figures`), so the hub quotes one set of numbers.
    The characteristic filter does not apply to referrals."""
    try:
        from hatehub.platforms.selectors import removal_figures
    except ImportError:  # the platforms app is not installed
        return None
    found = removal_figures(
        since=filters.since, until=filters.until, force=_force_for(user, filters)
    )
    if filters.platform:
        found = [row for row in found if row["platform"] == filters.platform]

    def hours(value) -> str:
        return "" if value is None else f"{value:.1f}"

    return Figure(
        key="time-to-removal",
        title="Time to removal",
        description="Median hours from a referral reaching the platform to the item being "
        "removed or blocked in the UK, per platform, for items referred in the period (the "
        "characteristic filter does not apply to referrals).",
        kind="bars",
        columns=[
            "platform",
            "name",
            "referred",
            "removed",
            "geo_blocked",
            "refused",
            "open",
            "overdue",
            "p90_hours",
            "median_hours",
        ],
        rows=[
            [
                row["platform"],
                row["name"],
                row["referred"],
                row["removed"],
                row["geo_blocked"],
                row["refused"],
                row["open"],
                row["overdue"],
                hours(row["p90_hours"]),
                hours(row["median_hours"]),
            ]
            for row in found
        ],
        unit="median hours",
        category_heading="Platform",
        summable=False,
    )


VICTIM_UPDATE_STATES = [
    ("on_time", "Given on time"),
    ("late", "Given late"),
    ("overdue", "Overdue, not given yet"),
    ("due", "Due, not late yet"),
    ("not_needed", "Not needed"),
]


def victim_update_timeliness(user, filters: Filters) -> Figure | None:
    """Victims' Code updates falling due in the range: given by the end of the due day,
    given later, still owed past it, or not late yet."""
    try:
        from hatehub.victims.models import VictimUpdateDue
    except ImportError:  # the victims app has no clocks yet
        return None
    today = timezone.localdate()
    dues = VictimUpdateDue.objects.filter(due__gte=filters.start, due__lte=filters.end)
    force = _force_for(user, filters)
    if force is not None:
        dues = dues.filter(case__allocated_force=force)
    if filters.platform:
        dues = dues.filter(report__platform=filters.platform)
    if filters.strand:
        dues = dues.filter(
            Exists(
                Report.strands.through.objects.filter(
                    report=OuterRef("report_id"), strand__code=filters.strand
                )
            )
        )
    state = When_(
        When(status=VictimUpdateDue.Status.CANCELLED, then=Value("not_needed")),
        When(completed_at__isnull=False, completed_at__date__lte=F("due"), then=Value("on_time")),
        When(completed_at__isnull=False, then=Value("late")),
        When(due__lt=today, then=Value("overdue")),
        default=Value("due"),
        output_field=CharField(),
    )
    counts = dict(
        dues.order_by()
        .annotate(state=state)
        .values("state")
        .annotate(n=Count("pk"))
        .values_list("state", "n")
    )
    return Figure(
        key="victim-updates",
        title="Victims' updates: on time or late",
        description="Victims' Code updates that fell due in the period (one per complainant "
        "and notifiable decision), by whether the complainant was told by the end of the due "
        "day (UK working days, enhanced rights for hate crime).",
        kind="bars",
        columns=["state", "label", "updates"],
        rows=[[code, label, counts.get(code, 0)] for code, label in VICTIM_UPDATE_STATES],
        unit="updates",
        category_heading="Update",
    )


def optional_figures(user, filters: Filters) -> list[Figure]:
    """Figures that come from other parts of the hub, when they are installed."""
    made = (time_to_removal(user, filters), victim_update_timeliness(user, filters))
    return [figure for figure in made if figure is not None]


# Alerts ----------------------------------------------------------------------------------------


def visible_alerts(user) -> QuerySet[Alert]:
    alerts = Alert.objects.all()
    force = access.analytics_force(user)
    if force is not None:
        alerts = alerts.filter(Q(force=force) | Q(case__allocated_force=force))
    return alerts


def recent_alerts(user, filters: Filters, limit: int = 20) -> list[Alert]:
    return list(
        visible_alerts(user)
        .filter(window_start__gte=filters.since, window_start__lt=filters.until)
        .select_related("acknowledged_by", "case")
        .order_by("-window_start", "-count")[:limit]
    )


def alert_reports(user, alert: Alert) -> list[dict]:
    """The reports behind an alert, by reference and case only; a force user sees those in
    their own force's cases."""
    reports = Report.objects.filter(pk__in=alert.reports.values("pk"))
    force = access.analytics_force(user)
    if force is not None:
        reports = reports.filter(case__allocated_force=force)
    return list(
        reports.order_by("submitted_at", "pk").values(
            "reference", "submitted_at", "platform", case_reference=F("case__reference")
        )
    )


# Campaigns -------------------------------------------------------------------------------------


def victim_key(email: str, phone: str) -> str | None:
    """A pseudonymous key for a victim: a keyed hash of their email (or phone), equal for the
    same victim and meaningless without the server's secret. Never shown."""
    contact = (email or "").strip().lower() or "".join(ch for ch in phone or "" if ch.isdigit())
    if not contact:
        return None
    secret = django_settings.SECRET_KEY.encode()
    return hmac.new(secret, f"victim:{contact}".encode(), hashlib.sha256).hexdigest()[:32]


@dataclass
class CampaignGroups:
    groups: list[campaigns.Group]
    accounts: dict[int, dict]  # id -> platform, handle, first_seen_at
    case_references: dict[int, str]
    reports_read: int
    copy_paste: list[campaigns.CopyPasteGroup] = field(default_factory=list)


def campaign_groups(user, filters: Filters, *, min_size: int = 3) -> CampaignGroups:
    """Groups of accounts linked by the reports received in the range (see `campaigns`).
    Four queries: the accounts in reports, the victims' contact keys, the text fingerprint
    buckets, and the accounts' platforms and handles."""
    reports = scoped_reports(user, filters)
    linked: dict[int, set[int]] = defaultdict(set)
    for source in (ContentItem, AccountMention):
        rows = source.objects.filter(report__in=reports, account__isnull=False).values_list(
            "report_id", "account_id"
        )
        for report_id, account_id in rows:
            linked[report_id].add(account_id)
    # Copy-paste campaigns (matching's campaign groups): every report of their posts counts,
    # with or without an account named.
    labels = matching_selectors.campaign_labels()
    in_campaigns = set(reports.filter(case_id__in=labels).values_list("pk", flat=True))
    if not linked and not in_campaigns:
        return CampaignGroups([], {}, {}, 0)
    facts = {
        row["pk"]: row
        for row in Report.objects.filter(pk__in=set(linked) | in_campaigns).values(
            "pk",
            "case_id",
            "submitted_at",
            "reporter_role",
            email=F("complainant__email"),
            phone=F("complainant__phone"),
        )
    }
    content: dict[int, set[str]] = defaultdict(set)
    for report_id, value in MatchKey.objects.filter(
        report_id__in=linked, kind=MatchKey.Kind.TEXT
    ).values_list("report_id", "value"):
        content[report_id].add(value)
    items = []
    for report_id in set(linked) | in_campaigns:
        row = facts[report_id]
        victim = None
        if row["reporter_role"] == ReporterRole.VICTIM:
            victim = victim_key(row["email"] or "", row["phone"] or "")
        items.append(
            campaigns.ReportLinks(
                report=report_id,
                case=row["case_id"],
                at=timezone.localtime(row["submitted_at"]),
                accounts=frozenset(linked.get(report_id, ())),
                victim_key=victim,
                content_keys=frozenset(content.get(report_id, ())),
                campaign=labels.get(row["case_id"]),
            )
        )
    copy_paste = campaigns.copy_paste_groups(items)
    account_ids = {account for accounts in linked.values() for account in accounts}
    accounts = {
        row["pk"]: {**row, "platform_name": PLATFORM_LABELS.get(row["platform"], row["platform"])}
        for row in OnlineAccount.objects.filter(pk__in=account_ids).values(
            "pk", "platform", "handle", "first_seen_at"
        )
    }
    found = campaigns.groups(
        items, {pk: row["platform"] for pk, row in accounts.items()}, min_size=min_size
    )
    case_ids = {case for group in found for case in group.cases}
    case_ids |= {case for group in copy_paste for case in group.cases}
    references = dict(Case.objects.filter(pk__in=case_ids).values_list("pk", "reference"))
    return CampaignGroups(found, accounts, references, len(linked), copy_paste)
