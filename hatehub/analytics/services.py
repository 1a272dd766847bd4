"""Writes: running surge detection over the reports and storing its alerts; acknowledging one.

Detection reads hourly counts with a handful of GROUP BY queries (one per kind of series) over
the baseline weeks, hands them to the pure `surges` module and stores what it finds. It may
run as often as wanted: an alert is one row per series and hour, updated (count, reports) while
its hour is still going, so the check every quarter of an hour raises an alert within the hour
a surge starts and never raises it twice.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings as django_settings
from django.db import transaction
from django.db.models import Count, QuerySet
from django.db.models.functions import TruncHour
from django.utils import timezone

from hatehub.audit.services import Action, record
from hatehub.cases.models import Case
from hatehub.jurisdiction.models import Force
from hatehub.reports.choices import PLATFORM_LABELS, STRAND_LABELS
from hatehub.reports.models import Report

from . import surges
from .models import Alert

HOUR = timedelta(hours=1)


def _setting(name: str) -> str:
    return str(getattr(django_settings, name))


def surge_settings() -> surges.Settings:
    """From the settings (hatehub/settings.py reads the environment; docs/analytics.md)."""
    return surges.Settings(
        weeks=int(_setting("HUB_SURGE_WEEKS")),
        p_value=float(_setting("HUB_SURGE_P_VALUE")),
        min_count=int(_setting("HUB_SURGE_MIN_COUNT")),
    )


def content_min_count() -> int:
    """One piece of content has no history worth the name: it is judged on its own volume."""
    return int(_setting("HUB_SURGE_CONTENT_MIN_COUNT"))


def _local_hour(moment: datetime) -> datetime:
    """The start of the hour, in the hub's local wall-clock time, naive."""
    return surges.hour_start(timezone.localtime(moment).replace(tzinfo=None))


def _aware(local_naive: datetime) -> datetime:
    return timezone.make_aware(local_naive)


@dataclass(frozen=True)
class SeriesQuery:
    kind: str
    column: str | None  # None: every report


SERIES = [
    SeriesQuery(Alert.Kind.ALL, None),
    SeriesQuery(Alert.Kind.STRAND, "strands__code"),
    SeriesQuery(Alert.Kind.PLATFORM, "platform"),
    SeriesQuery(Alert.Kind.FORCE, "case__allocated_force_id"),
]


def _labels() -> dict[str, dict[str, str]]:
    return {
        Alert.Kind.ALL: {"all": "All reports"},
        Alert.Kind.STRAND: dict(STRAND_LABELS),
        Alert.Kind.PLATFORM: dict(PLATFORM_LABELS),
        Alert.Kind.FORCE: {str(pk): name for pk, name in Force.objects.values_list("pk", "name")},
    }


def hourly_counts(since: datetime, until: datetime, *, case_ids=None) -> dict:
    """{Series: History} for every series with reports between `since` and `until`."""
    labels = _labels()
    reports = Report.objects.filter(submitted_at__gte=since, submitted_at__lt=until).order_by()
    histories: dict[surges.Series, surges.History] = {}

    def add(kind: str, key: str, label: str, hour: datetime, n: int) -> None:
        series = surges.Series(kind, key, label)
        histories.setdefault(series, surges.History()).add(_local_hour(hour), n)

    for query in SERIES:
        columns = ["hour"] + ([query.column] if query.column else [])
        rows = reports.annotate(hour=TruncHour("submitted_at")).values(*columns)
        if query.column:
            rows = rows.exclude(**{f"{query.column}__isnull": True})
            if query.kind != Alert.Kind.FORCE:
                rows = rows.exclude(**{query.column: ""})
        for row in rows.annotate(n=Count("pk")):
            key = str(row[query.column]) if query.column else "all"
            add(query.kind, key, labels[query.kind].get(key, key), row["hour"], row["n"])

    if case_ids:
        references = dict(Case.objects.filter(pk__in=case_ids).values_list("pk", "reference"))
        rows = (
            reports.filter(case_id__in=case_ids)
            .annotate(hour=TruncHour("submitted_at"))
            .values("hour", "case_id")
            .annotate(n=Count("pk"))
        )
        for row in rows:
            case_id = row["case_id"]
            add(
                Alert.Kind.CONTENT,
                str(case_id),
                f"Reports of case {references.get(case_id, case_id)}",
                row["hour"],
                row["n"],
            )
    return histories


def busy_cases(windows: list[datetime], minimum: int) -> list[int]:
    """Cases with at least `minimum` reports in one of the hours: the only content series
    worth reading a history for."""
    found: set[int] = set()
    for start in windows:
        found.update(
            Report.objects.filter(submitted_at__gte=start, submitted_at__lt=start + HOUR)
            .order_by()
            .values("case_id")
            .annotate(n=Count("pk"))
            .filter(n__gte=minimum)
            .values_list("case_id", flat=True)
        )
    return sorted(found)


def reports_behind(series: surges.Series, start: datetime, end: datetime) -> QuerySet[Report]:
    reports = Report.objects.filter(submitted_at__gte=start, submitted_at__lt=end)
    if series.kind == Alert.Kind.STRAND:
        reports = reports.filter(strands__code=series.key)
    elif series.kind == Alert.Kind.PLATFORM:
        reports = reports.filter(platform=series.key)
    elif series.kind == Alert.Kind.FORCE:
        reports = reports.filter(case__allocated_force_id=int(series.key))
    elif series.kind == Alert.Kind.CONTENT:
        reports = reports.filter(case_id=int(series.key))
    return reports.order_by()


def windows_to_check(now: datetime) -> list[datetime]:
    """The hour going on now (so a surge is caught while it starts) and the one before it
    (counted in full once it has ended), as aware datetimes."""
    current = _aware(_local_hour(now))
    return [current - HOUR, current]


def detect_surges(
    windows: list[datetime] | None = None,
    *,
    now: datetime | None = None,
    settings: surges.Settings | None = None,
) -> list[Alert]:
    """Test each hour in `windows` (aware datetimes at the start of an hour; by default the
    current and previous hour) for surges, and store an alert for each."""
    now = now or timezone.now()
    settings = settings or surge_settings()
    windows = sorted({_aware(_local_hour(w)) for w in (windows or windows_to_check(now))})
    windows = [w for w in windows if w <= now]
    if not windows:
        return []
    margin = (settings.neighbour_hours + 1) * HOUR
    since = windows[0] - timedelta(weeks=settings.weeks) - margin
    until = min(windows[-1] + HOUR, now + timedelta(seconds=1))
    content_minimum = content_min_count()
    histories = hourly_counts(since, until, case_ids=busy_cases(windows, content_minimum))
    found = surges.detect(
        histories,
        [_local_hour(w) for w in windows],
        settings,
        min_counts={Alert.Kind.CONTENT: content_minimum},
    )
    return [_store(surge, settings, now) for surge in found]


def _store(surge: surges.Surge, settings: surges.Settings, now: datetime) -> Alert:
    start = _aware(surge.window_start)
    end = start + HOUR
    series = surge.series
    with transaction.atomic():
        alert, created = Alert.objects.select_for_update().get_or_create(
            kind=series.kind,
            key=series.key,
            window_start=start,
            defaults={
                "label": series.label,
                "window_end": end,
                "count": surge.count,
                "expected": surge.expected,
                "dispersion": surge.dispersion,
                "p_value": surge.p_value,
                "baseline_weeks": settings.weeks,
                "detected_at": now,
                "force_id": int(series.key) if series.kind == Alert.Kind.FORCE else None,
                "case_id": int(series.key) if series.kind == Alert.Kind.CONTENT else None,
            },
        )
        if not created and surge.count > alert.count:
            # The hour was still going last time: keep the alert, bring its figures up to date.
            alert.count = surge.count
            alert.expected = surge.expected
            alert.dispersion = surge.dispersion
            alert.p_value = min(alert.p_value, surge.p_value)
            alert.save(update_fields=["count", "expected", "dispersion", "p_value"])
        alert.reports.set(reports_behind(series, start, min(end, now + timedelta(seconds=1))))
    return alert


def acknowledge(alert: Alert, user, note: str = "") -> Alert:
    """An officer has seen the alert and is dealing with it."""
    with transaction.atomic():
        alert = Alert.objects.select_for_update().get(pk=alert.pk)
        if alert.acknowledged_at is None:
            alert.acknowledged_by = user
            alert.acknowledged_at = timezone.now()
            alert.acknowledgement_note = note
            alert.save(update_fields=["acknowledged_by", "acknowledged_at", "acknowledgement_note"])
            record(
                Action.CHANGE,
                "surge_alert",
                str(alert.pk),
                summary=f"Surge alert acknowledged: {alert.label}, "
                f"{timezone.localtime(alert.window_start):%d %b %H:%M}",
                details={"note": note},
            )
    return alert
