"""Danger first (issue 15 s2): each danger pattern, sent through the real intake path (the public
journey's service and the partner API), is urgent on the triage queue from receipt, is assessed
as urgent and routed to the local force, and the queue shows it so. True Vision
(report-it.org.uk): a report goes to the local force when someone is in immediate danger OR AT
RISK OF HARM, or the material relates to a future event. Synthetic text only."""

import json
import re
import uuid

import pytest

from hatehub.assessment.services import assess_case
from hatehub.cases.models import Urgency
from hatehub.intake.routing import URGENT, initial_urgency
from hatehub.reports.models import Report

pytestmark = pytest.mark.django_db

DANGER = {
    "threat to a named person": "We know where you live, Aisha. Watch your back.",
    "threat to a locatable person": "Someone should go round and sort her out, she lives at "
    "14 Elm Road.",
    "published address": "They posted my home address in the group and told everyone to pay me "
    "a visit.",
    "burn it down": "Somebody should burn it down, that shop of theirs.",
    "burnt out": "That family deserve to be burnt out, they don't belong here.",
    "future event at a mosque": "Everyone to the mosque this Friday after prayers, show them "
    "they are not welcome.",
    "a march": "The march to drive out all the immigrants is next Saturday, be there.",
    "meet at ... this Friday": "Meet at the community centre this Friday at 7.",
    "bring bats": "Bring bats.",
    "a group to be wiped out": "Kurds need wiping out, every last one of them 💯👍",
}


@pytest.fixture
def officer(client, users):
    client.force_login(users["hub_officer"])
    return client


def _queue_row(officer, reference: str) -> str:
    page = officer.get("/hub/").content.decode()
    rows = re.findall(r"<tr class=\"govuk-table__row\">(.*?)</tr>", page, re.S)
    return next(row for row in rows if reference in row)


def _check_urgent_and_routed(officer, case) -> None:
    case.refresh_from_db()
    assert case.urgency == Urgency.URGENT, case.urgency_reason  # from receipt, before assessment
    assessment = assess_case(case, reason="First assessment")
    rec = assessment.recommendation
    assert rec["urgent"] is True and rec["route_to_local_force"] is True
    assert rec["classification"] != "not_hate" and rec["priority"]["grade"] <= 3
    case.refresh_from_db()
    assert case.urgency == Urgency.URGENT
    row = _queue_row(officer, case.reference)
    assert "Urgent" in row
    assert "Route to the local force now" in row
    page = officer.get(f"/hub/cases/{case.reference}/").content.decode()
    assert "Route to local force now" in page
    if rec["classification"] == "needs_officer_decision":
        assert "Needs an officer&#x27;s decision" in page


@pytest.mark.parametrize("pattern", list(DANGER))
def test_danger_in_a_public_report_is_urgent_and_routed_on_the_queue(officer, make_report, pattern):
    report = make_report(
        quoted_text=DANGER[pattern],
        description="I saw this post and I am worried.",
        strands=["not_sure"],
        future_event="no",
        urls=[f"https://x.com/poster/status/{uuid.uuid4().int % 10**12}"],
    )
    _check_urgent_and_routed(officer, report.case)


@pytest.mark.parametrize("pattern", ["published address", "bring bats"])
def test_danger_in_a_partner_report_is_urgent_and_routed_on_the_queue(
    officer, client, api_key, synthetic, pattern
):
    post, person = synthetic.post(platform="x"), synthetic.person()
    body = {
        "reporter_role": "organisation",
        "description": DANGER[pattern],
        "platform": "x",
        "strands": ["not_sure"],
        "urls": [post.url],
        "victim_postcode": "L1 8JQ",
        "contact": {"name": person["name"], "email": person["email"], "contact_method": "email"},
    }
    response = client.post(
        "/api/v1/reports",
        data=json.dumps(body),
        content_type="application/json",
        headers={"Authorization": f"Bearer {api_key}", "Idempotency-Key": str(uuid.uuid4())},
    )
    assert response.status_code == 201, response.content
    report = Report.objects.get(reference=response.json()["reference"])
    _check_urgent_and_routed(officer, report.case)


def test_ordinary_words_stay_routine_at_receipt(make_report):
    report = make_report(
        quoted_text="I do not like the new bus timetable at all.",
        description="A rude post about the buses.",
        strands=["not_sure"],
    )
    assert report.case.urgency == Urgency.ROUTINE


def test_the_first_urgency_names_the_danger_and_its_words():
    first = initial_urgency(future_event="no", poster_identity_known=False, text="Bring bats.")
    assert first.level == URGENT
    assert "a threat of violence" in first.reason and "'Bring bats'" in first.reason
    assert "local force" in first.reason
