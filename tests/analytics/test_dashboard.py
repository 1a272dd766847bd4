"""The dashboard and its CSVs: every chart's CSV matches a count made straight from the
database; a force user's figures are their own force's; analysts see no personal data."""

import csv
import io
from datetime import date, datetime, time, timedelta

import pytest
from django.test import Client
from django.utils import timezone

from hatehub.assessment.models import Assessment
from hatehub.audit.models import AuditEvent
from hatehub.cases.models import Allocation, Case, CrimeOutcome
from hatehub.reports.models import Report

from .generator import Traffic
from .helpers import bulk_reports

TODAY = timezone.localdate()
START = TODAY - timedelta(days=9)


def local(day: date, hours: float = 0) -> datetime:
    return timezone.make_aware(datetime.combine(day, time.min)) + timedelta(hours=hours)


def _assess(case: Case, number: int, classification: str, decided_at) -> Assessment:
    return Assessment.objects.create(
        case=case,
        number=number,
        reason="[SYNTHETIC] test",
        created_at=case.opened_at,
        answers={},
        recommendation={"classification": classification},
        rules_version="test",
        decided_classification=classification,
        decided_at=decided_at,
    )


@pytest.fixture
def world(users, forces):
    traffic = Traffic(seed=99, mean_per_hour=0.6)
    start = datetime.combine(START, time.min)
    merseyside = bulk_reports(traffic.normal(start, 3 * 24), force=forces["merseyside"])
    kent = bulk_reports(traffic.normal(start + timedelta(days=3), 3 * 24), force=forces["kent"])
    hub = bulk_reports(traffic.normal(start + timedelta(days=6), 3 * 24))
    # Assessments: decided at different delays, some reassessed to a new classification.
    delays = [0.5, 2, 10, 30, 100, 200, 1000]
    for i, case in enumerate([*merseyside.values(), *kent.values(), *hub.values()][::2]):
        first = _assess(case, 1, "crime", case.opened_at + timedelta(hours=delays[i % 7]))
        if i % 3 == 0:
            _assess(case, 2, "nchi", first.decided_at + timedelta(hours=1))
    # Allocations: offered at opening, accepted after a while (or not yet).
    for i, case in enumerate(merseyside.values()):
        accepted = i % 4 != 0
        Allocation.objects.create(
            case=case,
            force=forces["merseyside"],
            state=Allocation.State.ACCEPTED if accepted else Allocation.State.OFFERED,
            reason="[SYNTHETIC]",
            offered_at=case.opened_at,
            responded_at=case.opened_at + timedelta(hours=3 * i) if accepted else None,
        )
    # Outcomes on a few of Merseyside's and Kent's crimes.
    for force, cases in ((forces["merseyside"], merseyside), (forces["kent"], kent)):
        for i, case in enumerate(list(cases.values())[:6]):
            CrimeOutcome.objects.create(
                report=case.reports.first(),
                force=force,
                code=[1, 8, 14, 18][i % 4],
                outcome_date=TODAY - timedelta(days=i % 3),
                recorded_at=timezone.now(),
            )
    return users, forces


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def rows(response) -> list[dict]:
    assert response.status_code == 200, response.content[:500]
    assert response["Content-Type"].startswith("text/csv")
    return list(csv.DictReader(io.StringIO(response.content.decode())))


def period_end(start: date, interval: str) -> date:
    return start + timedelta(days=7 if interval == "week" else 1)


def latest_classification(report: Report) -> str:
    decided = [a for a in report.case.assessments.all() if a.decided_at is not None]
    return max(decided, key=lambda a: a.number).decided_classification if decided else ""


def bucket(delta: timedelta | None, pending: str) -> str:
    if delta is None:
        return pending
    hours = delta.total_seconds() / 3600
    for label, limit in [
        ("Under 1 hour", 1),
        ("1 to 4 hours", 4),
        ("4 to 24 hours", 24),
        ("1 to 3 days", 72),
        ("3 to 7 days", 168),
        ("7 to 28 days", 672),
    ]:
        if hours < limit:
            return label
    return "28 days or more"


@pytest.mark.parametrize("interval", ["day", "week"])
def test_every_chart_csv_matches_a_direct_database_count(world, interval):
    users, forces = world
    client = client_for(users["hub_supervisor"])
    query = f"?date_from={START:%Y-%m-%d}&date_to={TODAY:%Y-%m-%d}&interval={interval}"
    everything = Report.objects.filter(
        submitted_at__gte=local(START), submitted_at__lt=local(TODAY + timedelta(days=1))
    )
    assert everything.count() > 60

    def in_period(row) -> Report:
        start = date.fromisoformat(row["period_start"])
        return everything.filter(
            submitted_at__gte=local(start), submitted_at__lt=local(period_end(start, interval))
        )

    # Volumes: each row is one period and one category, counted again here with a filter.
    platform = rows(client.get(f"/hub/analytics/charts/volume-platform.csv{query}"))
    for row in platform:
        assert int(row["reports"]) == in_period(row).filter(platform=row["platform"]).count()
    assert sum(int(row["reports"]) for row in platform) == everything.count()

    strand = rows(client.get(f"/hub/analytics/charts/volume-strand.csv{query}"))
    for row in strand:
        assert int(row["reports"]) == in_period(row).filter(strands__code=row["strand"]).count()

    force = rows(client.get(f"/hub/analytics/charts/volume-force.csv{query}"))
    for row in force:
        reports = in_period(row)
        if row["force"] == "not_given":
            expected = reports.filter(case__allocated_force__isnull=True).count()
            assert row["label"] == "Not allocated"
        else:
            expected = reports.filter(case__allocated_force_id=int(row["force"])).count()
        assert int(row["reports"]) == expected
    assert {row["label"] for row in force} == {"Merseyside Police", "Kent Police", "Not allocated"}

    classification = rows(client.get(f"/hub/analytics/charts/volume-classification.csv{query}"))
    counted: dict[tuple, int] = {}
    for report in everything.prefetch_related("case__assessments"):
        day = timezone.localdate(report.submitted_at)
        start = day - timedelta(days=day.weekday()) if interval == "week" else day
        key = (start.isoformat(), latest_classification(report) or "not_given")
        counted[key] = counted.get(key, 0) + 1
    assert {
        (row["period_start"], row["classification"]): int(row["reports"]) for row in classification
    } == counted
    assert {row["classification"] for row in classification} == {"crime", "nchi", "not_given"}

    # Durations, worked out here in Python from the rows themselves.
    cases = Case.objects.filter(
        opened_at__gte=local(START), opened_at__lt=local(TODAY + timedelta(days=1))
    ).prefetch_related("assessments", "allocations")
    triage: dict[str, int] = {}
    allocation: dict[str, int] = {}
    for case in cases:
        decided = [a.decided_at for a in case.assessments.all() if a.decided_at]
        label = bucket(min(decided) - case.opened_at if decided else None, "Not decided yet")
        triage[label] = triage.get(label, 0) + 1
        if case.allocations.all():
            accepted = [a.responded_at for a in case.allocations.all() if a.state == "accepted"]
            label = bucket(min(accepted) - case.opened_at if accepted else None, "Not accepted yet")
            allocation[label] = allocation.get(label, 0) + 1
    got = {
        row["time_taken"]: int(row["cases"])
        for row in rows(client.get(f"/hub/analytics/charts/time-to-triage.csv{query}"))
    }
    assert {k: v for k, v in got.items() if v} == triage
    got = {
        row["time_taken"]: int(row["cases"])
        for row in rows(client.get(f"/hub/analytics/charts/time-to-allocation.csv{query}"))
    }
    assert {k: v for k, v in got.items() if v} == allocation
    assert len(allocation) > 2

    outcomes = rows(client.get(f"/hub/analytics/charts/outcomes.csv{query}"))
    assert {int(row["outcome_code"]): int(row["crimes"]) for row in outcomes} == {
        code: CrimeOutcome.objects.filter(code=code).count() for code in (1, 8, 14, 18)
    }

    # The page draws the same figures: each chart, its table and its CSV link.
    page = client.get(f"/hub/analytics/{query}")
    html = page.content.decode()
    assert page.status_code == 200
    for key in ("volume-platform", "volume-strand", "time-to-triage", "outcomes"):
        assert f'id="chart-{key}-title"' in html
        assert f"/hub/analytics/charts/{key}.csv{query.replace('&', '&amp;')}" in html
    assert "No surge alerts in the period." in html
    assert html.count("<svg") == html.count("<table") == 9  # every chart is followed by a table


def test_filters_narrow_the_figures(world):
    users, forces = world
    client = client_for(users["hub_supervisor"])
    query = f"?date_from={START:%Y-%m-%d}&date_to={TODAY:%Y-%m-%d}&platform=x&force=kent"
    got = rows(client.get(f"/hub/analytics/charts/volume-strand.csv{query}"))
    expected = Report.objects.filter(
        platform="x", case__allocated_force=forces["kent"], submitted_at__gte=local(START)
    )
    assert sum(int(row["reports"]) for row in got) == expected.filter(strands__isnull=False).count()
    assert got


def test_a_force_user_sees_only_their_forces_figures(world):
    users, forces = world
    client = client_for(users["force_user"])  # Merseyside
    query = f"?date_from={START:%Y-%m-%d}&date_to={TODAY:%Y-%m-%d}&force=kent"  # ignored
    force = rows(client.get(f"/hub/analytics/charts/volume-force.csv{query}"))
    assert {row["label"] for row in force} == {"Merseyside Police"}
    assert (
        sum(int(row["reports"]) for row in force)
        == Report.objects.filter(case__allocated_force=forces["merseyside"]).count()
    )
    outcomes = rows(client.get(f"/hub/analytics/charts/outcomes.csv{query}"))
    assert (
        sum(int(row["crimes"]) for row in outcomes)
        == CrimeOutcome.objects.filter(force=forces["merseyside"]).count()
    )
    page = client.get("/hub/analytics/").content.decode()
    assert "Figures for Merseyside Police" in page
    assert 'name="force"' not in page


def test_a_csv_download_is_logged_and_a_bad_chart_is_not_found(world):
    users, _forces = world
    client = client_for(users["analyst"])
    assert client.get("/hub/analytics/charts/volume-platform.csv").status_code == 200
    entry = AuditEvent.objects.filter(action=AuditEvent.Action.EXPORT).latest("sequence")
    assert (entry.object_type, entry.object_id, entry.actor) == (
        "analytics_chart",
        "volume-platform",
        users["analyst"],
    )
    assert client.get("/hub/analytics/charts/no-such-chart.csv").status_code == 404


def test_bad_filters_are_explained_and_the_defaults_apply(world):
    users, _forces = world
    client = client_for(users["analyst"])
    response = client.get("/hub/analytics/?date_from=2026-13-01&date_to=2026-01-01&strand=nope")
    html = response.content.decode()
    assert response.status_code == 200
    assert "There is a problem" in html
    assert "From must be a real date" in html
    assert "Choose a characteristic from the list" in html
    assert response.context["filters"].start == TODAY - timedelta(days=27)


def test_analysts_see_no_personal_data(users, make_report):
    report = make_report(
        description="[SYNTHETIC] A very particular description of the abuse",
    )
    name = report.complainant.name
    client = client_for(users["analyst"])
    html = client.get("/hub/analytics/").content.decode()
    assert "very particular description" not in html
    assert name and name not in html
    assert report.complainant.email not in html
    csv_text = client.get("/hub/analytics/charts/volume-platform.csv").content.decode()
    assert name not in csv_text and "particular" not in csv_text


def test_removal_and_victim_update_csvs_match_the_database(users, forces, make_report):
    from hatehub.platforms.models import Platform, Referral, ReferralItem
    from hatehub.victims.models import VictimUpdateDue

    now = timezone.now()
    platform, _ = Platform.objects.get_or_create(
        slug="x", defaults={"name": "X (Twitter)", "service_level_hours": 24}
    )
    referral = Referral.objects.create(
        reference="TR-TEST-1",
        platform=platform,
        channel="email",
        subject="[SYNTHETIC]",
        body="[SYNTHETIC]",
        created_at=now - timedelta(days=3),
        sent_at=now - timedelta(days=3),
    )
    removed_after = [2, 6, 10, None]  # hours; the last is still up
    for number, hours in enumerate(removed_after, start=1):
        report = make_report()
        assessment = _assess(report.case, 1, "crime", now - timedelta(days=4))
        sent = now - timedelta(days=3)
        ReferralItem.objects.create(
            referral=referral,
            number=number,
            case=report.case,
            content_item=report.content_items.first(),
            assessment=assessment,
            url=report.content_items.first().url,
            canonical_url=report.content_items.first().canonical_url,
            status="removed" if hours else "sent",
            status_changed_at=now,
            sent_at=sent,
            removed_at=sent + timedelta(hours=hours) if hours else None,
        )
    today = timezone.localdate()
    states = [
        # (due, completed_at, status) -> expected state
        (today - timedelta(days=2), local(today - timedelta(days=3), 10), "done"),  # on time
        (today - timedelta(days=2), local(today - timedelta(days=2), 23), "done"),  # on time
        (today - timedelta(days=2), local(today - timedelta(days=1), 9), "done"),  # late
        (today - timedelta(days=1), None, "open"),  # overdue
        (today + timedelta(days=2), None, "open"),  # due
        (today - timedelta(days=1), None, "cancelled"),  # not needed
    ]
    for i, (due, completed_at, status) in enumerate(states):
        report = make_report()
        VictimUpdateDue.objects.create(
            case=report.case,
            report=report,
            event=f"test_event_{i}",
            event_at=now - timedelta(days=5),
            nation="england",
            enhanced=True,
            working_days=1,
            due=due,
            rule="[SYNTHETIC]",
            created_at=now - timedelta(days=5),
            status=status,
            completed_at=completed_at,
        )

    client = client_for(users["analyst"])
    first, last = today - timedelta(days=10), today + timedelta(days=5)
    query = f"?date_from={first:%Y-%m-%d}&date_to={last:%Y-%m-%d}"
    removal = rows(client.get(f"/hub/analytics/charts/time-to-removal.csv{query}"))
    (x,) = [row for row in removal if row["platform"] == "x"]
    assert int(x["referred"]) == ReferralItem.objects.filter(referral__platform=platform).count()
    assert int(x["removed"]) == ReferralItem.objects.filter(status="removed").count() == 3
    assert x["median_hours"] == "6.0" and x["p90_hours"] == "10.0"

    # Intake starts clocks of its own (the acknowledgement): count every clock, here, by hand.
    counted = dict.fromkeys(["on_time", "late", "overdue", "due", "not_needed"], 0)
    for update in VictimUpdateDue.objects.filter(due__gte=first, due__lte=last):
        if update.status == "cancelled":
            state = "not_needed"
        elif update.completed_at is not None:
            given = timezone.localdate(update.completed_at)
            state = "on_time" if given <= update.due else "late"
        else:
            state = "overdue" if update.due < today else "due"
        counted[state] += 1
    updates = rows(client.get(f"/hub/analytics/charts/victim-updates.csv{query}"))
    assert {row["state"]: int(row["updates"]) for row in updates} == counted
    assert counted["on_time"] >= 2 and counted["late"] >= 1 and counted["overdue"] >= 1
