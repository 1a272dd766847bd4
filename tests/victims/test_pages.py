"""Staff pages (dashboard, writing an update, the case page's panel) and the report journey's
contact preferences and Track my report code."""

import datetime as dt
import re

import pytest
from django.test import Client
from django.utils import timezone

from hatehub.audit.models import AuditEvent
from hatehub.reports.models import Report
from hatehub.victims.models import VictimMessage, VictimUpdateDue
from tests.conftest import PASSWORD
from tests.intake.test_journey import CHECK_ANSWERS, answers, submit, walk
from tests.victims.helpers import accepted, clock, outcome

pytestmark = pytest.mark.django_db


def _signed_in(users, role) -> Client:
    client = Client()
    client.login(username=users[role].username, password=PASSWORD)
    return client


def _overdue(update, days=3):
    """Due `days` ago. (Counted from today, not from the due date: a due date falls after a
    weekend, so "three days earlier" is still today when the test runs on a Friday.)"""
    VictimUpdateDue.objects.filter(pk=update.pk).update(
        due=timezone.localdate() - dt.timedelta(days=days)
    )


def test_dashboard_groups_due_and_overdue_updates_by_force_and_officer(make_report, users, forces):
    hub_report = make_report()
    force_report = make_report()
    accepted(force_report, users, forces["merseyside"])
    kent_report = make_report()
    _overdue(clock(hub_report, "report_received"))
    _overdue(clock(force_report, "allocated_to_force"))
    _overdue(clock(kent_report, "report_received"))
    VictimUpdateDue.objects.filter(report=kent_report).update(due=dt.date(2099, 1, 1))

    page = _signed_in(users, "hub_officer").get("/hub/victims/").content.decode()
    assert "Online Hate Crime Hub" in page and "Merseyside Police" in page
    assert "merseyside" in page  # the force user who accepted owns the allocation update
    assert hub_report.reference in page and force_report.reference in page
    assert kent_report.reference not in page  # due in the future: not listed
    assert re.search(r"data-count-overdue>\s*2\s*<", page)
    assert AuditEvent.objects.filter(object_type="victim_update_list").exists()


def test_a_force_user_sees_only_their_forces_updates(make_report, users, forces):
    mine = make_report()
    accepted(mine, users, forces["merseyside"])
    hub_only = make_report()
    _overdue(clock(mine, "allocated_to_force"))
    _overdue(clock(hub_only, "report_received"))
    page = _signed_in(users, "force_user").get("/hub/victims/").content.decode()
    assert mine.reference in page and hub_only.reference not in page
    other = _signed_in(users, "other_force_user")
    assert mine.reference not in other.get("/hub/victims/").content.decode()
    update = clock(mine, "allocated_to_force")
    assert other.get(f"/hub/victims/updates/{update.pk}/").status_code == 404
    assert AuditEvent.objects.filter(action="denied", object_type="victim_update_due").exists()


def test_officer_previews_edits_and_sends_a_no_further_action_update(make_report, users, forces):
    report = make_report()
    accepted(report, users, forces["merseyside"])
    outcome(report, users, code=18)
    update = clock(report, "outcome")
    client = _signed_in(users, "force_user")

    preview = client.get(f"/hub/victims/updates/{update.pk}/").content.decode()
    assert "could not identify the person responsible" in preview  # drafted with the reason
    assert "Do not leave a voicemail" in preview

    redrafted = client.get(
        f"/hub/victims/updates/{update.pk}/", {"nfa_reason": "suspect_abroad"}
    ).content.decode()
    assert "lives outside the UK" in redrafted

    bad = client.post(
        f"/hub/victims/updates/{update.pk}/",
        {"action": "send", "channel": "email", "subject": "", "body": "", "nfa_reason": ""},
    )
    assert bad.status_code == 400 and "govuk-error-summary" in bad.content.decode()
    assert not VictimMessage.objects.filter(update=update).exists()

    response = client.post(
        f"/hub/victims/updates/{update.pk}/",
        {
            "action": "send",
            "channel": "email",
            "subject": "Update about your report",
            "body": "[SYNTHETIC] We could not find who posted it. [TRACK-LINK]",
            "nfa_reason": "suspect_not_identified",
        },
    )
    assert response.status_code == 302
    message = VictimMessage.objects.get(update=update)
    assert message.body.startswith("[SYNTHETIC] We could not find who posted it. http")
    assert message.edited and message.created_by == users["force_user"]
    case_page = client.get(f"/hub/cases/{report.case.reference}/").content.decode()
    assert "Victims&#x27; Code updates" in case_page or "Victims' Code updates" in case_page


def test_case_page_flags_an_overdue_update(make_report, users):
    report = make_report()
    _overdue(clock(report, "report_received"))
    page = _signed_in(users, "hub_officer").get(f"/hub/cases/{report.case.reference}/")
    html = page.content.decode()
    assert "data-victim-updates-overdue" in html and "1 update to complainants overdue" in html


def test_an_update_given_by_phone_is_recorded(make_report, users):
    update = clock(make_report(), "report_received")
    client = _signed_in(users, "hub_officer")
    assert client.post(f"/hub/victims/updates/{update.pk}/given/", {"how": ""}).status_code == 302
    update.refresh_from_db()
    assert update.status == "open"
    client.post(f"/hub/victims/updates/{update.pk}/given/", {"how": "Phoned 10:20, no voicemail"})
    update.refresh_from_db()
    assert update.status == "done" and update.completed_how == "Phoned 10:20, no voicemail"


def test_the_journey_asks_language_times_and_letters_and_shows_the_code_once(client, db):
    pages = answers()
    pages["contact-details"] = {
        **pages["contact-details"],
        "language": "cy",
        "avoid_contact_times": ["weekday_mornings", "weekends"],
        "post_allowed": "on",
        "postal_address": "",
    }
    response = client.post("/report/safety/", pages["safety"])
    url = response["Location"]
    while not url.startswith("/report/contact-details/"):
        url = client.post(url, pages[url.rstrip("/").split("/")[-1]])["Location"]
    refused = client.post(url, pages["contact-details"])
    assert "Enter your postal address, or untick letters" in refused.content.decode()
    every_time = {
        **pages["contact-details"],
        "avoid_contact_times": [
            "weekday_mornings",
            "weekday_afternoons",
            "weekday_evenings",
            "weekends",
        ],
        "postal_address": "1 Example Street [SYNTHETIC]",
    }
    assert "Leave at least one time" in client.post(url, every_time).content.decode()
    pages["contact-details"]["postal_address"] = "1 Example Street [SYNTHETIC]"
    walk(client, pages, start=url)
    check = client.get(CHECK_ANSWERS).content.decode()
    assert "Cymraeg (Welsh)" in check and "Weekday mornings" in check

    confirmation = submit(client).content.decode()
    person = Report.objects.get().complainant
    assert person.language == "cy"
    assert person.avoid_contact_times == ["weekday_mornings", "weekends"]
    assert person.post_allowed and person.postal_address == "1 Example Street [SYNTHETIC]"
    assert "data-tracking-secret" in confirmation
    again = client.get("/report/confirmation/").content.decode()
    assert "data-tracking-secret" not in again  # shown once


def test_case_panel_lists_open_updates_first_and_caps_a_big_case(make_report, users, monkeypatch):
    from hatehub.victims import selectors

    report = make_report()
    clock(report, "report_received")
    services_done = clock(report, "report_received")
    VictimUpdateDue.objects.filter(pk=services_done.pk).update(status="done")
    from hatehub.victims.services import record_event

    [arrest] = record_event(report.case, "suspect_arrested")
    monkeypatch.setattr(selectors, "PANEL_ROWS", 1)
    rows, total, overdue = selectors.case_updates(report.case, arrest.due)
    assert [row.pk for row in rows] == [arrest.pk] and total == 2 and overdue == 0
    page = _signed_in(users, "hub_officer").get(f"/hub/cases/{report.case.reference}/")
    assert "1 of 2, open ones first" in page.content.decode()
