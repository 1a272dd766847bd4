"""Referrals of victims to support services: consent, the minimum data, the outbox, the
2-working-day deadline, acknowledgement, access by force, and the audit log."""

import datetime as dt
import re

import pytest
from django.template.loader import render_to_string
from django.test import Client, RequestFactory

from hatehub.accounts.models import Role, User
from hatehub.audit.models import AuditEvent
from hatehub.cases.services import allocate
from hatehub.jurisdiction.models import Force
from hatehub.outbox.models import OutboxMessage
from hatehub.reports.models import Complainant
from hatehub.support import case_panels, selectors, services
from hatehub.support.models import Referral
from hatehub.victims import services as victims

from .conftest import owned_by, set_submitted

pytestmark = pytest.mark.django_db
Action = AuditEvent.Action


def refer(report, service, user, **kwargs):
    return services.refer(report.case, report, service, by=user, **kwargs)


# Suggestions ---------------------------------------------------------------------------------


def test_services_are_suggested_for_the_victims_strand_and_area(consenting, directory):
    report = consenting(victim_postcode="L1 8JQ", strands=["race"])
    [entry], _ = selectors.victims(report.case)
    names = [service.name for service in entry.suggestions]
    assert names[0] == "Example Merseyside Support"  # local first
    assert "Example National Support" in names
    assert "Example Faith Support" not in names  # religion only
    assert "Example Kent Support" not in names  # another area


def test_a_local_service_is_found_by_postcode_area_without_a_force(consenting, directory):
    directory["merseyside"].forces.clear()  # postcode areas L, CH remain
    report = consenting(victim_postcode="CH41 1AA", strands=["race"])
    [entry], _ = selectors.victims(report.case)
    assert "Example Merseyside Support" in [s.name for s in entry.suggestions]


# Consent -------------------------------------------------------------------------------------


def test_no_referral_without_consent(make_report, directory, users):
    report = make_report(support_referral_consent=False)
    with pytest.raises(services.ReferralRefused, match="did not agree"):
        refer(report, directory["national"], users["hub_officer"])
    assert not Referral.objects.exists()
    assert not OutboxMessage.objects.exists()


def test_no_referral_for_an_anonymous_report_even_if_consent_was_stored(
    make_report, directory, users
):
    report = make_report(anonymous=True, support_referral_consent=True)
    assert not report.complainant.support_referral_consent  # intake never keeps it
    Complainant.objects.filter(report=report).update(
        support_referral_consent=True, email="someone@example.org"
    )
    report.refresh_from_db()
    with pytest.raises(services.ReferralRefused, match="anonymously"):
        refer(report, directory["national"], users["hub_officer"])
    assert not Referral.objects.exists()


def test_no_referral_without_a_way_to_contact_the_victim(consenting, directory, users):
    report = consenting()
    Complainant.objects.filter(report=report).update(email="", phone="")
    with pytest.raises(services.ReferralRefused, match="no email address or phone"):
        refer(report, directory["national"], users["hub_officer"])


def test_the_page_offers_only_consenting_victims_and_refuses_others(
    client, users, make_report, consenting, directory
):
    consented = consenting()
    other = make_report(support_referral_consent=False)
    # Join the second report to the first report's case.
    type(other).objects.filter(pk=other.pk).update(case=consented.case)
    client.force_login(users["hub_officer"])
    url = f"/hub/support/cases/{consented.case.reference}/refer/"
    page = client.get(url).content.decode()
    assert f'value="{consented.reference}"' in page
    assert f'value="{other.reference}"' not in page
    assert "1 other report on this case cannot be referred" in page
    response = client.post(url, {"report": other.reference, "service": directory["national"].pk})
    assert response.status_code == 400
    assert "Choose a victim who agreed to a referral" in response.content.decode()
    assert not Referral.objects.exists()


def test_a_self_referral_service_and_a_second_live_referral_are_refused(
    consenting, directory, users
):
    report = consenting()
    with pytest.raises(services.ReferralRefused, match="does not take referrals"):
        refer(report, directory["self"], users["hub_officer"])
    refer(report, directory["national"], users["hub_officer"])
    with pytest.raises(services.ReferralRefused, match="already has an open referral"):
        refer(report, directory["national"], users["hub_officer"])


@pytest.mark.parametrize(
    ("data", "field", "message"),
    [
        ({"service": "national"}, "report", "Choose the victim to refer"),
        ({"report": "victim"}, "service", "Choose a support service"),
        ({"report": "victim", "service": "self"}, "service", "Choose a service that takes"),
        ({"report": "victim", "service": "national", "note": "x" * 501}, "note", "500 characters"),
    ],
)
def test_the_referral_form_validates_each_field(
    client, users, consenting, directory, data, field, message
):
    report = consenting()
    post = {}
    if "report" in data:
        post["report"] = report.reference
    if "service" in data:
        post["service"] = directory[data["service"]].pk
    if "note" in data:
        post["note"] = data["note"]
    client.force_login(users["hub_officer"])
    response = client.post(f"/hub/support/cases/{report.case.reference}/refer/", post)
    assert response.status_code == 400
    assert any(message in e for e in response.context["form"].errors[field])
    assert not Referral.objects.exists()


# The referral and the outbox -----------------------------------------------------------------


def test_an_email_referral_carries_the_minimum_and_is_audited(client, users, consenting, directory):
    report = consenting(
        victim_postcode="L1 8JQ", description="[SYNTHETIC] the words of the abusive post"
    )
    client.force_login(users["hub_officer"])
    url = f"/hub/support/cases/{report.case.reference}/refer/"
    assert client.get(url).status_code == 200
    viewed = AuditEvent.objects.filter(action=Action.VIEW, object_type="case_victims").latest(
        "sequence"
    )
    assert viewed.actor == users["hub_officer"]
    response = client.post(
        url,
        {"report": report.reference, "service": directory["merseyside"].pk, "note": "Evenings"},
    )
    referral = Referral.objects.get()
    assert response.status_code == 302 and response["Location"].endswith(f"/{referral.pk}/")
    message = referral.outbox_message
    assert message.recipient == directory["merseyside"].contact_email
    assert message.status == OutboxMessage.Status.HELD  # the default outbox-only backend
    assert message.key == f"support_referral:{referral.pk}"
    body = message.body
    complainant = report.complainant
    assert complainant.name in body and complainant.email in body
    assert "L1" in body and "8JQ" not in body  # the district, not the full postcode
    assert "race" in body.lower() and "Evenings" in body
    assert "abusive post" not in body  # never the report itself
    assert complainant.name not in message.subject
    assert referral.status == Referral.Status.PENDING and referral.sent_at is None
    created = AuditEvent.objects.get(action=Action.CREATE, object_type="support_referral")
    assert created.actor == users["hub_officer"]
    assert created.details["report"] == report.reference


def test_delivered_by_smtp_the_referral_is_sent_the_clock_starts_and_the_service_acknowledges(
    client, users, consenting, directory, smtp_server, django_capture_on_commit_callbacks
):
    from hatehub.victims.models import VictimUpdateDue

    report = consenting()
    with django_capture_on_commit_callbacks(execute=True):
        referral = refer(report, directory["national"], users["hub_officer"])
    referral.refresh_from_db()
    assert referral.status == Referral.Status.SENT and referral.sent_at is not None
    [email] = smtp_server.messages
    assert email["To"] == directory["national"].contact_email
    disclosed = AuditEvent.objects.get(action=Action.DISCLOSE, object_type="support_referral")
    assert disclosed.object_id == str(referral.pk)
    clock = VictimUpdateDue.objects.get(report=report, event="support_referral")
    assert clock.details["support_service"] == directory["national"].name

    link = re.search(r"https?://\S+/hub/support/acknowledge/(\S+)/", email.get_content())
    path = f"/hub/support/acknowledge/{link.group(1)}/"
    page = client.get(path).content.decode()
    assert "Confirm receipt" in page
    assert report.complainant.name not in page and report.complainant.email not in page
    assert client.post(path).status_code == 200
    referral.refresh_from_db()
    assert referral.status == Referral.Status.ACKNOWLEDGED
    assert referral.acknowledged_via == "service" and referral.acknowledged_by is None
    assert client.get(path).status_code == 404  # single use


def test_a_referral_by_hand_is_marked_sent_acknowledged_then_closed(
    client, users, consenting, directory
):
    report = consenting()
    referral = refer(report, directory["web_form"], users["hub_officer"])
    assert referral.outbox_message is None and referral.status == Referral.Status.PENDING
    client.force_login(users["hub_officer"])
    url = f"/hub/support/referrals/{referral.pk}/"
    page = client.get(url).content.decode()
    assert "https://web-form.example.org/refer" in page
    assert client.post(url, {"action": "acknowledged"}).status_code == 400  # not sent yet
    assert client.post(url, {"action": "sent"}).status_code == 302
    assert client.post(url, {"action": "acknowledged"}).status_code == 302
    response = client.post(url, {"action": "closed"})
    assert "Enter the reason" in response.content.decode()
    assert client.post(url, {"action": "closed", "reason": "Support under way"}).status_code == 302
    referral.refresh_from_db()
    assert referral.status == Referral.Status.CLOSED
    assert referral.sent_by == users["hub_officer"]
    assert referral.acknowledged_via == "officer"
    changes = AuditEvent.objects.filter(object_type="support_referral", object_id=str(referral.pk))
    assert [e.action for e in changes.order_by("sequence")] == [
        Action.CREATE,
        Action.VIEW,
        Action.VIEW,  # the refused acknowledgement shows the page again
        Action.DISCLOSE,
        Action.CHANGE,
        Action.VIEW,  # the close without a reason
        Action.CHANGE,
    ]
    # After closing, the victim can be referred to the same service again.
    refer(report, directory["web_form"], users["hub_officer"])


def test_a_declined_referral_needs_a_reason(consenting, directory, users):
    referral = refer(consenting(), directory["national"], users["hub_officer"])
    services.finish(referral, status="declined", reason="Victim changed their mind", by=None)
    referral.refresh_from_db()
    assert referral.status == Referral.Status.DECLINED and not referral.is_live


# The 2-working-day deadline ------------------------------------------------------------------


def test_due_two_working_days_after_the_report_across_a_weekend(consenting):
    report = set_submitted(consenting(), dt.datetime(2025, 3, 14, 16, 0))  # a Friday
    due, nation = selectors.referral_due(report, report.case)
    assert (due, nation) == (dt.date(2025, 3, 18), "england-and-wales")  # Mon 1, Tue 2


def test_due_across_the_august_bank_holiday_in_england_and_in_scotland(consenting, forces):
    report = set_submitted(consenting(), dt.datetime(2025, 8, 22, 10, 0))  # Fri before 25 Aug
    assert selectors.referral_due(report, report.case)[0] == dt.date(2025, 8, 27)
    scotland = Force.objects.get(country="Scotland")
    scot = User.objects.create_user("scot", role=Role.FORCE_USER, force=scotland)
    case = owned_by(report.case, scotland, scot)
    due, nation = selectors.referral_due(report, case)
    assert (due, nation) == (dt.date(2025, 8, 26), "scotland")  # no holiday on 25 Aug there


def test_an_unreferred_victim_is_flagged_overdue_on_the_case_panel(consenting, users, directory):
    report = set_submitted(consenting(), dt.datetime(2025, 3, 14, 16, 0))
    request = RequestFactory().get("/")
    request.user = users["hub_officer"]
    [panel] = case_panels.panels(request, report.case)
    [entry] = panel.context["entries"]
    assert entry.overdue
    html = render_to_string(panel.template, {"panel": panel})
    assert "Overdue" in html and "Refer to a support service" in html
    assert AuditEvent.objects.filter(
        action=Action.VIEW, object_type="case_victims", object_id=report.case.reference
    ).exists()
    # A referral sent after the due day is flagged as late, not hidden.
    referral = refer(report, directory["web_form"], users["hub_officer"])
    services.mark_sent(referral, by=users["hub_officer"])
    referral.refresh_from_db()
    assert selectors.is_overdue(referral)
    [panel] = case_panels.panels(request, report.case)
    html = render_to_string(panel.template, {"panel": panel})
    assert "Late" in html and "Referred" in html


def test_a_fresh_report_is_not_overdue(consenting):
    [entry], _ = selectors.victims(consenting().case)
    assert entry.awaiting_referral and not entry.overdue


# Access by role and force --------------------------------------------------------------------


def test_the_force_the_case_is_offered_to_refers_and_another_force_gets_404_logged(
    client, users, consenting, directory, forces
):
    report = consenting()
    allocate(report.case, force=forces["merseyside"], reason="[SYNTHETIC] test")
    url = f"/hub/support/cases/{report.case.reference}/refer/"
    client.force_login(users["force_user"])
    assert client.get(url).status_code == 200
    referral = refer(report, directory["national"], users["force_user"])
    assert client.get(f"/hub/support/referrals/{referral.pk}/").status_code == 200
    assert str(referral.pk) in client.get("/hub/support/referrals/").content.decode()

    client.force_login(users["other_force_user"])
    assert client.get(url).status_code == 404
    assert client.get(f"/hub/support/referrals/{referral.pk}/").status_code == 404
    assert (
        client.post(f"/hub/support/referrals/{referral.pk}/", {"action": "sent"}).status_code == 404
    )
    denied = AuditEvent.objects.filter(action=Action.DENIED, actor=users["other_force_user"])
    assert {(e.object_type, e.object_id) for e in denied} == {
        ("case", report.case.reference),
        ("support_referral", str(referral.pk)),
    }
    listing = client.get("/hub/support/referrals/").content.decode()
    assert report.case.reference not in listing
    referral.refresh_from_db()
    assert referral.status == Referral.Status.PENDING


def test_partners_volunteers_and_analysts_are_refused(client, users, consenting):
    report = consenting()
    for role in ("partner", "volunteer", "analyst"):
        client.force_login(users[role])
        assert client.get(f"/hub/support/cases/{report.case.reference}/refer/").status_code == 403
        assert client.get("/hub/support/").status_code == 403
        assert client.get("/hub/support/referrals/").status_code == 403


def test_the_panel_is_empty_for_a_user_who_may_not_see_victims(users, consenting):
    report = consenting()
    request = RequestFactory().get("/")
    request.user = users["other_force_user"]
    assert case_panels.panels(request, report.case) == []


def test_the_case_page_shows_the_support_and_review_sections(client, users, consenting, directory):
    report = consenting()
    client.force_login(users["hub_officer"])
    page = client.get(f"/hub/cases/{report.case.reference}/").content.decode()
    assert 'id="support-heading"' in page and "Example National Support" in page
    assert 'id="reviews-heading"' in page and "Record a request for a review" in page


def test_a_big_case_lists_a_page_of_consenting_victims_those_not_referred_first(
    consenting, make_report, directory, users
):
    from hatehub.reports.models import Report

    first = consenting()
    for _ in range(3):
        Report.objects.filter(pk=consenting().pk).update(case=first.case)
    Report.objects.filter(pk=make_report().pk).update(case=first.case)  # no consent
    entries, others = selectors.victims(first.case, limit=2)
    assert len(entries) == 2 and others == 1
    assert entries[0].report == first
    referral = refer(first, directory["web_form"], users["hub_officer"])
    services.mark_sent(referral, by=users["hub_officer"])
    entries, _ = selectors.victims(first.case, limit=2)
    assert first not in [entry.report for entry in entries]


def test_track_my_report_knows_whether_they_asked_for_support_and_whether_it_was_made(
    users, consenting, make_report, directory
):
    def track_page(report) -> str:
        client = Client()
        path = "/" + victims.new_tracking_link(report).split("://", 1)[-1].split("/", 1)[-1]
        assert client.get(path)["Location"] == "/track/report/"
        return " ".join(client.get("/track/report/").content.decode().split())

    report = consenting()
    page = track_page(report)
    assert "As you asked, we will pass your details to a support service" in page
    assert "whether or not the police take action" not in page  # not offered again

    referral = refer(report, directory["web_form"], users["hub_officer"])
    services.mark_sent(referral, by=users["hub_officer"])
    assert "As you asked, we have passed your details to a support service" in track_page(report)

    declined = make_report(support_referral_consent=False)
    page = track_page(declined)
    assert "Victim Support gives free and confidential help" in page
    assert "As you asked" not in page
