"""Surge detection over the database: seeded weeks of synthetic reports, then the normal week
raises no alert and an injected surge raises one in the hour it starts, with its reports."""

import json
from datetime import datetime, timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.utils import timezone

from hatehub.analytics import services
from hatehub.analytics.models import Alert

from .generator import Traffic
from .helpers import bulk_reports

START = datetime(2026, 9, 7)  # a Monday: four weeks of baseline, then the week tested
TESTED_WEEK = START + timedelta(weeks=4)
SURGE_START = TESTED_WEEK + timedelta(days=2, hours=14, minutes=5)  # Wednesday 14:05


def aware(moment: datetime) -> datetime:
    return timezone.make_aware(moment)


@pytest.fixture
def traffic(db):
    traffic = Traffic(seed=20261126, mean_per_hour=1.0)
    bulk_reports(traffic.normal(START, 5 * 168))
    return traffic


def week_hours():
    return [aware(TESTED_WEEK + timedelta(hours=h)) for h in range(168)]


def test_a_normal_week_raises_no_alert(traffic):
    alerts = services.detect_surges(week_hours(), now=aware(TESTED_WEEK + timedelta(weeks=1)))
    assert alerts == []
    assert not Alert.objects.exists()


def test_a_surge_raises_an_alert_within_the_hour_it_starts(traffic, forces):
    surge = traffic.surge(SURGE_START, 30, 20, platform="tiktok", strand="religion")
    # Everything after the surge's first 20 minutes has not happened yet.
    cases = bulk_reports(surge, force=forces["merseyside"])
    (case,) = cases.values()
    hour = aware(TESTED_WEEK + timedelta(days=2, hours=14))

    # The quarter-hourly check at 14:30 tests the hour going on (and the one before).
    now = aware(SURGE_START + timedelta(minutes=25))
    assert services.windows_to_check(now) == [hour - timedelta(hours=1), hour]
    alerts = services.detect_surges(now=now)

    assert alerts, "the surge was not detected"
    assert {alert.window_start for alert in alerts} == {hour}
    by_kind = {alert.kind: alert for alert in alerts}
    assert {"content", "platform"} <= set(by_kind)
    content = by_kind["content"]
    assert content.case == case and content.count == 30
    assert content.expected < 1 and content.p_value < 1e-6
    assert set(content.reports.values_list("pk", flat=True)) == set(
        case.reports.values_list("pk", flat=True)
    )
    platform = by_kind["platform"]
    assert platform.key == "tiktok" and platform.count >= 30
    assert platform.reports.count() == platform.count
    if "force" in by_kind:
        assert by_kind["force"].force == forces["merseyside"]

    # Checked again after the hour: the same alerts, not new ones.
    again = services.detect_surges(now=hour + timedelta(hours=1, minutes=5))
    assert {a.pk for a in again} >= {content.pk, platform.pk}
    assert Alert.objects.filter(window_start=hour).count() == len(alerts)


def test_the_command_backfills_hours_and_prints_alerts(traffic):
    traffic_surge = traffic.surge(SURGE_START, 30, 20, platform="x", strand="race")
    bulk_reports(traffic_surge)
    out = StringIO()
    call_command(
        "detect_surges",
        "--from",
        (TESTED_WEEK + timedelta(days=2)).isoformat(),
        "--to",
        (TESTED_WEEK + timedelta(days=3)).isoformat(),
        "--json",
        stdout=out,
    )
    printed = json.loads(out.getvalue())
    assert printed and {row["window_start"][:16] for row in printed} == {"2026-10-07T14:00"}
    assert any(row["series"] == "content" and row["reports"] == 30 for row in printed)


def test_the_command_refuses_a_bad_range(db):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="after"):
        call_command("detect_surges", "--from", "2026-10-02T00:00", "--to", "2026-10-01T00:00")
    with pytest.raises(CommandError, match="Not a date"):
        call_command("detect_surges", "--from", "yesterday", "--to", "2026-10-01T00:00")


def test_the_task_runs_the_check_and_the_scheduler_runs_it_every_quarter_hour(traffic):
    from hatehub.analytics.tasks import detect_surges
    from hatehub.core.scheduling import periodic_jobs

    bulk_reports(traffic.surge(SURGE_START, 30, 20, platform="x", strand="race"))
    result = detect_surges.enqueue()
    assert result.return_value == 0  # now is not in the synthetic weeks: nothing to find
    (job,) = [job for job in periodic_jobs() if job.name == "analytics.detect_surges"]
    assert job.every.total_seconds() == 15 * 60
