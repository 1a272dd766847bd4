"""A local force's pages: its queue's "awaiting acceptance", accepting, returning, asking for a
transfer and recording outcomes, through the views. Another force's case, or one not yet
allocated, is answered 404 and the attempt logged."""

import pytest
from django.test import Client
from django.utils import timezone

from hatehub.audit.models import AuditEvent
from hatehub.cases.models import Allocation, Case, CaseEvent, CrimeOutcome


def _client(user) -> Client:
    """A second browser: `signed_in` re-uses one test client, so one user at a time."""
    client = Client()
    client.force_login(user)
    return client


def _url(case: Case, action: str = "") -> str:
    return f"/hub/cases/{case.reference}/{action + '/' if action else ''}"


def _offer(case: Case) -> Allocation:
    return Allocation.objects.get(case=case, state=Allocation.State.OFFERED)


@pytest.fixture
def merseyside_case(three_cases) -> Case:
    return three_cases["merseyside"][0]


@pytest.fixture
def merseyside(signed_in, users):
    return signed_in(users["force_user"])


def _accept(client, case: Case):
    return client.post(_url(case, "accept"), {"accept-offer": _offer(case).pk})


def test_the_force_it_is_offered_to_sees_its_decision(merseyside, merseyside_case):
    html = merseyside.get(_url(merseyside_case)).content.decode()

    assert "Your force's decision" in html
    assert f'value="{_offer(merseyside_case).pk}"' in html  # the offer the answer is about
    assert "Accept case" in html and "Return to hub" in html and "Ask for transfer" in html
    assert "The hub holds it until <strong>Merseyside Police</strong> accepts" in html
    assert "Awaiting acceptance (0 days)" in html
    assert "Merseyside Police" not in html.split('id="id_transfer-force"')[1].split("</select>")[0]


@pytest.mark.parametrize("role", ["hub_officer", "hub_supervisor"])
def test_the_hub_sees_the_offer_but_not_the_forces_buttons(signed_in, users, merseyside_case, role):
    html = signed_in(users[role]).get(_url(merseyside_case)).content.decode()

    assert "Awaiting acceptance (0 days)" in html
    assert "Accept case" not in html
    assert _url(merseyside_case, "accept") not in html


def test_accepting(merseyside, users, merseyside_case):
    response = _accept(merseyside, merseyside_case)

    assert response.status_code == 302
    assert response["Location"] == _url(merseyside_case)
    merseyside_case.refresh_from_db()
    assert merseyside_case.force_accepted_at is not None
    html = merseyside.get(response["Location"]).content.decode()
    assert "accepted: your force now owns it and its victim care" in html
    assert "Accept case" not in html
    assert "Record an outcome" in html
    assert "<strong>Merseyside Police</strong> holds the case and victim care (accepted" in html


@pytest.mark.parametrize("action", ["accept", "return", "transfer", "outcome"])
@pytest.mark.parametrize("target", ["kent", "unallocated"])
def test_another_forces_case_is_not_found_and_logged(
    merseyside, users, three_cases, action, target
):
    case = three_cases[target][0]
    before = list(Allocation.objects.filter(case=case).values_list("state", flat=True))

    response = merseyside.post(
        _url(case, action), {"return-reason": "Not ours", "transfer-force": "kent"}
    )

    assert response.status_code == 404
    denied = AuditEvent.objects.get(action=AuditEvent.Action.DENIED)
    assert (denied.object_id, denied.actor) == (case.reference, users["force_user"])
    assert list(Allocation.objects.filter(case=case).values_list("state", flat=True)) == before


@pytest.mark.parametrize("role", ["hub_officer", "hub_supervisor", "administrator"])
@pytest.mark.parametrize("action", ["accept", "return", "transfer", "outcome"])
def test_the_hub_cannot_answer_for_the_force(signed_in, users, merseyside_case, role, action):
    response = signed_in(users[role]).post(
        _url(merseyside_case, action), {"accept-offer": _offer(merseyside_case).pk}
    )

    assert response.status_code == 403
    assert _offer(merseyside_case).state == Allocation.State.OFFERED


def test_returning_needs_a_reason(merseyside, merseyside_case):
    response = merseyside.post(
        _url(merseyside_case, "return"),
        {"return-offer": _offer(merseyside_case).pk, "return-reason": " "},
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert '<a href="#id_return-reason">Enter the reason for returning the case</a>' in html
    assert response.context["page_has_errors"]
    assert _offer(merseyside_case).state == Allocation.State.OFFERED


def test_returning_hands_the_case_back_and_the_force_loses_it(merseyside, users, merseyside_case):
    response = merseyside.post(
        _url(merseyside_case, "return"),
        {"return-offer": _offer(merseyside_case).pk, "return-reason": "Victim is in Cheshire"},
    )

    assert response.status_code == 302
    assert response["Location"] == "/hub/"
    assert "returned to the hub" in merseyside.get("/hub/").content.decode()
    assert merseyside.get(_url(merseyside_case)).status_code == 404
    assert AuditEvent.objects.filter(
        action=AuditEvent.Action.DENIED, object_id=merseyside_case.reference
    ).exists()

    hub = _client(users["hub_supervisor"]).get("/hub/?allocation=to_reallocate")
    assert [row.case for row in hub.context["rows"]] == [merseyside_case]
    assert "Returned: allocate again" in hub.content.decode()


def test_a_transfer_request_goes_back_to_the_hub_with_the_force_chosen(
    merseyside, users, merseyside_case
):
    response = merseyside.post(
        _url(merseyside_case, "transfer"),
        {
            "transfer-offer": _offer(merseyside_case).pk,
            "transfer-force": "kent",
            "transfer-reason": "Suspect posts from Canterbury",
        },
    )

    assert response.status_code == 302 and response["Location"] == "/hub/"
    html = _client(users["hub_supervisor"]).get(_url(merseyside_case)).content.decode()
    assert "Transfer asked for" in html
    assert "to Kent Police: Suspect posts from Canterbury" in html
    assert '<option value="kent" selected>' in html  # the allocation form suggests it


def test_a_transfer_to_your_own_force_is_not_offered(merseyside, merseyside_case):
    response = merseyside.post(
        _url(merseyside_case, "transfer"),
        {
            "transfer-offer": _offer(merseyside_case).pk,
            "transfer-force": "merseyside",
            "transfer-reason": "x",
        },
    )

    assert response.status_code == 200
    assert "Choose a force from the list" in response.content.decode()
    assert _offer(merseyside_case).state == Allocation.State.OFFERED


def test_an_answer_to_an_offer_withdrawn_meanwhile_changes_nothing(
    merseyside, users, forces, make_report
):
    case = make_report().case
    supervisor = _client(users["hub_supervisor"])
    supervisor.post(_url(case, "allocate"), {"force": "merseyside", "reason": "Liverpool"})
    seen = _offer(case).pk
    supervisor.post(_url(case, "allocate"), {"force": "kent", "reason": "Actually Kent"})
    supervisor.post(
        _url(case, "allocate"), {"force": "merseyside", "reason": "Liverpool after all"}
    )

    response = merseyside.post(_url(case, "accept"), {"accept-offer": seen})

    assert response.status_code == 200
    assert "The allocation has changed since you opened the case" in response.content.decode()
    case.refresh_from_db()
    assert case.force_accepted_at is None


def test_the_force_queue_shows_what_awaits_acceptance(merseyside, three_cases, make_report):
    response = merseyside.get("/hub/")

    html = response.content.decode()
    assert "1 case awaiting your force's acceptance." in html
    assert "Awaiting acceptance (0 days)" in html
    assert "Awaiting your acceptance" in html  # the filter's option
    assert [r.case for r in response.context["rows"]] == [three_cases["merseyside"][0]]

    _accept(merseyside, three_cases["merseyside"][0])
    assert merseyside.get("/hub/?allocation=awaiting").context["rows"] == []
    assert len(merseyside.get("/hub/?allocation=accepted").context["rows"]) == 1


# Outcomes -------------------------------------------------------------------------------------


def test_outcomes_wait_for_acceptance(merseyside, merseyside_case):
    response = merseyside.get(_url(merseyside_case, "outcome"))

    assert response.status_code == 302 and response["Location"] == _url(merseyside_case)
    assert (
        "must accept the case before recording outcomes"
        in merseyside.get(response["Location"]).content.decode()
    )


def _outcome_data(case: Case, **values) -> dict:
    return {
        "crime": case.reports.get().reference,
        "code": "18",
        "outcome_date": timezone.localdate().isoformat(),
        "suspect_identified": "no",
        **values,
    }


def test_an_outcome_that_breaks_the_rules_is_shown_again_with_errors(merseyside, merseyside_case):
    _accept(merseyside, merseyside_case)

    response = merseyside.post(
        _url(merseyside_case, "outcome"), _outcome_data(merseyside_case, code="15")
    )

    assert response.status_code == 200
    html = response.content.decode()
    assert '<a href="#id_suspect_identified_0">Outcome 15 needs an identified suspect</a>' in html
    assert "Error: Record an outcome" in html
    assert not CrimeOutcome.objects.exists()


def test_outcome_21_asks_for_confirmation(merseyside, merseyside_case):
    _accept(merseyside, merseyside_case)
    data = _outcome_data(
        merseyside_case,
        code="21",
        suspect_identified="yes",
        suspect_name="A Person",
        rationale="Convicted of a more serious offence",
        victim_informed="on",
    )

    first = merseyside.post(_url(merseyside_case, "outcome"), data)
    assert "not normally use outcome 21 for hate crime" in first.content.decode()
    assert not CrimeOutcome.objects.exists()

    second = merseyside.post(_url(merseyside_case, "outcome"), {**data, "confirm": "on"})
    assert second.status_code == 302
    assert CrimeOutcome.objects.get().code == 21


def test_recording_the_last_outcome_closes_the_case(merseyside, users, merseyside_case):
    _accept(merseyside, merseyside_case)
    assert merseyside.get(_url(merseyside_case, "outcome")).status_code == 200

    response = merseyside.post(_url(merseyside_case, "outcome"), _outcome_data(merseyside_case))

    assert response.status_code == 302
    merseyside_case.refresh_from_db()
    assert merseyside_case.status == Case.Status.CLOSED
    html = merseyside.get(_url(merseyside_case)).content.decode()
    assert "Outcome 18 recorded for the crime in report" in html
    assert "The case is now closed." in html
    assert "18: Investigation complete: no suspect identified" in html
    assert "Record an outcome" not in html
    assert merseyside_case.events.filter(kind=CaseEvent.Kind.CLOSED).exists()
    hub = _client(users["hub_officer"]).get(_url(merseyside_case)).content.decode()
    assert "18: Investigation complete: no suspect identified" in hub
    # Nothing more to record.
    again = merseyside.get(_url(merseyside_case, "outcome"))
    assert again.status_code == 302
