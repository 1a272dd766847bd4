"""`manage.py generate_demo_data` tells the truth: weeks of reports with an evening shape, each
case offered to the force its own reports point to, the surge check finding the match day and
little else, every Victims' Code confirmation sent at its report's time, and the sign-ins
written where `serve` can print them last."""

import os
import stat
from datetime import timedelta
from io import StringIO

import pytest
from django.core.management import call_command
from django.db.models import Max, Min
from django.utils import timezone

from hatehub.analytics.models import Alert
from hatehub.cases import selectors
from hatehub.cases.models import Allocation, Case
from hatehub.jurisdiction.services import case_responsibility, force_for, responsible_force
from hatehub.reports.models import Report
from hatehub.victims.models import VictimMessage

# Real transactions: each report's confirmation goes out as its own transaction commits, while
# the demo's clock reads that report's time (a test transaction would hold them all to the end).
pytestmark = pytest.mark.django_db(transaction=True)


def _demo(tmp_path):
    out = StringIO()
    sign_ins = tmp_path / "sign-ins.txt"
    call_command(
        "generate_demo_data",
        "--reports",
        "120",
        "--password",
        "demo-password-for-tests",
        "--sign-ins-file",
        str(sign_ins),
        stdout=out,
    )
    return out.getvalue(), sign_ins


def _reports_span_weeks_with_most_in_the_evening():
    span = Report.objects.aggregate(first=Min("submitted_at"), last=Max("submitted_at"))
    assert span["last"] - span["first"] > timedelta(weeks=5)
    assert span["last"] <= timezone.now()
    hours = [
        timezone.localtime(at).hour for at in Report.objects.values_list("submitted_at", flat=True)
    ]
    evening = sum(1 for hour in hours if 17 <= hour <= 22)
    night = sum(1 for hour in hours if 1 <= hour <= 5)
    assert evening > 4 * max(night, 1)


def _responsible_when(case, moment):
    """The force the hub's rule pointed to from the reports the case had at `moment`."""
    reports = case.reports.filter(submitted_at__lt=moment).order_by("submitted_at", "pk")
    report = reports.filter(reporter_role__in=["victim", "on_behalf"]).first() or reports.first()
    return force_for(responsible_force(report).recording)


def _each_case_is_offered_to_the_force_its_own_reports_point_to():
    offered = Case.objects.filter(allocated_force__isnull=False)
    assert offered.count() >= 10
    for case in offered:
        offer = Allocation.objects.filter(case=case).latest("offered_at")
        assert case.allocated_force == _responsible_when(case, offer.offered_at), case.reference
        assert offer.reason.startswith("Responsible force:")
        # Offered after its first report arrived, not before.
        assert offer.offered_at > case.reports.aggregate(Min("submitted_at"))["submitted_at__min"]
        # A victim's report that joined since and points elsewhere is flagged on the case page.
        now = force_for(case_responsibility(case).recording)
        shown = selectors.responsibility(case, offer, case_responsibility(case))
        assert bool(shown.rules_now_point_to) == (now != case.allocated_force), case.reference
    # The match-day case: fans reporting abuse of a Liverpool player: Merseyside's.
    busiest = max(Case.objects.all(), key=lambda case: case.reports.count())
    assert busiest.reports.count() >= 20
    assert busiest.allocated_force is None or busiest.allocated_force.police_uk_id == "merseyside"


def _the_surge_check_finds_the_match_day_and_not_every_series_at_once(output):
    alerts = list(Alert.objects.all())
    assert 1 <= len(alerts) <= 8, [(a.label, a.window_start, a.count) for a in alerts]
    days = {timezone.localtime(alert.window_start).date() for alert in alerts}
    assert len(days) == 1
    [day] = days
    assert day.weekday() == 5  # the Saturday match
    assert any(alert.kind == Alert.Kind.ALL for alert in alerts)
    assert f"{len(alerts)} surge alert(s) in the history." in output


def _confirmations_went_out_when_each_report_arrived():
    messages = VictimMessage.objects.filter(event="report_received").select_related("report")
    assert messages.count() > 50
    for message in messages:
        assert message.handed_over_at - message.report.submitted_at < timedelta(minutes=1)


def _the_sign_ins_are_written_for_the_owner_only(output, sign_ins):
    text = sign_ins.read_text()
    assert "password for all: demo-password-for-tests" in text
    for username in ("officer", "supervisor", "merseyside", "analyst", "admin"):
        assert f"  {username} " in text
    assert text.strip() in output
    assert stat.S_IMODE(os.stat(sign_ins).st_mode) == 0o600


def test_the_demo_tells_the_truth(forces, tmp_path):
    """One run of the generator (it takes a while), every check on it."""
    output, sign_ins = _demo(tmp_path)
    _reports_span_weeks_with_most_in_the_evening()
    _each_case_is_offered_to_the_force_its_own_reports_point_to()
    _the_surge_check_finds_the_match_day_and_not_every_series_at_once(output)
    _confirmations_went_out_when_each_report_arrived()
    _the_sign_ins_are_written_for_the_owner_only(output, sign_ins)
