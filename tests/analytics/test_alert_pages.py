"""An alert's page lists the reports behind it by reference only; hub staff acknowledge it;
a force user sees alerts about their own force only. Campaign groups show handles to hub
staff only."""

from datetime import timedelta

import pytest
from django.test import Client
from django.utils import timezone

from hatehub.analytics.models import Alert
from hatehub.audit.models import AuditEvent


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def alert(users, forces, make_report):
    reports = [make_report(description=f"[SYNTHETIC] surge report {i}") for i in range(3)]
    case = reports[0].case
    case.allocated_force = forces["merseyside"]
    case.save(update_fields=["allocated_force"])
    hour = timezone.now().replace(minute=0, second=0, microsecond=0)
    alert = Alert.objects.create(
        kind=Alert.Kind.PLATFORM,
        key="x",
        label="X (Twitter)",
        window_start=hour,
        window_end=hour + timedelta(hours=1),
        count=3,
        expected=0.4,
        dispersion=1.0,
        p_value=1e-7,
        baseline_weeks=4,
        detected_at=timezone.now(),
        case=case,
    )
    alert.reports.set(reports)
    return alert, reports


def test_an_analyst_sees_references_but_no_links_and_cannot_acknowledge(users, alert):
    alert, reports = alert
    client = client_for(users["analyst"])
    html = client.get(f"/hub/analytics/alerts/{alert.pk}/").content.decode()
    for report in reports:
        assert report.reference in html
        assert report.case.reference in html
        assert report.complainant.name not in html
        assert "surge report" not in html
    assert "/hub/cases/" not in html
    assert "Acknowledge this alert" not in html
    response = client.post(f"/hub/analytics/alerts/{alert.pk}/acknowledge/", {"note": "x"})
    assert response.status_code == 403
    viewed = AuditEvent.objects.filter(object_type="surge_alert").latest("sequence")
    assert viewed.action == AuditEvent.Action.VIEW and viewed.actor == users["analyst"]


def test_a_hub_officer_acknowledges_an_alert(users, alert):
    alert, reports = alert
    client = client_for(users["hub_officer"])
    html = client.get(f"/hub/analytics/alerts/{alert.pk}/").content.decode()
    assert f"/hub/cases/{reports[0].case.reference}/" in html
    assert "Acknowledge this alert" in html

    too_long = client.post(f"/hub/analytics/alerts/{alert.pk}/acknowledge/", {"note": "x" * 501})
    assert too_long.status_code == 400
    assert "Note must be 500 characters or fewer" in too_long.content.decode()
    alert.refresh_from_db()
    assert alert.acknowledged_at is None

    response = client.post(
        f"/hub/analytics/alerts/{alert.pk}/acknowledge/", {"note": "Platform contacted"}
    )
    assert response.status_code == 302
    alert.refresh_from_db()
    assert alert.acknowledged_by == users["hub_officer"]
    assert alert.acknowledgement_note == "Platform contacted"
    entry = AuditEvent.objects.filter(action=AuditEvent.Action.CHANGE).latest("sequence")
    assert (entry.object_type, entry.object_id) == ("surge_alert", str(alert.pk))
    dashboard = client.get("/hub/analytics/").content.decode()
    assert "Acknowledged" in dashboard and "X (Twitter)" in dashboard


def test_force_users_see_their_own_forces_alerts_only(users, alert):
    alert, reports = alert
    mine = client_for(users["force_user"]).get(f"/hub/analytics/alerts/{alert.pk}/")
    assert mine.status_code == 200
    html = mine.content.decode()
    # Only the report in Merseyside's case is listed.
    assert reports[0].reference in html
    assert reports[1].reference not in html and reports[2].reference not in html
    other = client_for(users["other_force_user"]).get(f"/hub/analytics/alerts/{alert.pk}/")
    assert other.status_code == 404
    dashboard = client_for(users["other_force_user"]).get("/hub/analytics/").content.decode()
    assert f"/hub/analytics/alerts/{alert.pk}/" not in dashboard


def test_campaign_groups_show_handles_to_hub_staff_only(users, make_report):
    first = make_report(
        urls=["https://x.com/ringleader/status/101"],
        accounts=["@ringleader", "@follower_one", "@follower_two"],
    )
    # This one also links the account that posted its (synthetic) URL: five accounts in all.
    make_report(accounts=["@follower_two", "@follower_three"])
    supervisor = client_for(users["hub_supervisor"]).get("/hub/analytics/campaigns/")
    html = supervisor.content.decode()
    assert supervisor.status_code == 200
    assert "Group 1: 5 accounts" in html
    assert "follower_three" in html and "ringleader" in html
    assert first.case.reference in html
    entry = AuditEvent.objects.filter(object_type="campaign_groups").latest("sequence")
    assert entry.actor == users["hub_supervisor"] and "handles" in entry.summary

    analyst = client_for(users["analyst"]).get("/hub/analytics/campaigns/").content.decode()
    assert "Group 1: 5 accounts" in analyst
    assert "ringleader" not in analyst and "follower" not in analyst
    assert "shown to hub staff only" in analyst


def test_a_force_user_without_a_force_reads_nothing(users):
    """The database refuses such a user; the predicate refuses them too, so the whole hub's
    figures are never shown for want of a force."""
    from hatehub.accounts.models import Role, User
    from hatehub.analytics import access

    assert access.reads_analytics(users["force_user"])
    assert not access.reads_analytics(User(username="nobody", role=Role.FORCE_USER))
    assert access.reads_analytics(users["hub_officer"])
    assert not access.reads_analytics(users["volunteer"])
