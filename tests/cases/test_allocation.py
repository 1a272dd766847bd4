"""Allocating a case to a force: supervisors and administrators only, with a reason that goes on
the timeline and into the audit log."""

import pytest
from django.test import Client

from hatehub.audit.models import AuditEvent
from hatehub.cases.models import Case, CaseEvent


def _allocate_url(case: Case) -> str:
    return f"/hub/cases/{case.reference}/allocate/"


@pytest.fixture
def case(three_cases) -> Case:
    return three_cases["unallocated"][0]


@pytest.mark.parametrize("role", ["hub_supervisor", "administrator"])
def test_a_supervisor_allocates_with_a_reason(signed_in, users, forces, case, role):
    client = signed_in(users[role])

    response = client.post(
        _allocate_url(case), {"force": "kent", "reason": "Victim's address is in Maidstone"}
    )

    assert response.status_code == 302
    assert response["Location"] == f"/hub/cases/{case.reference}/"
    case.refresh_from_db()
    assert case.allocated_force == forces["kent"]
    assert case.status == Case.Status.ALLOCATED
    event = case.events.get(kind=CaseEvent.Kind.ALLOCATED)
    assert event.actor == users[role]
    assert event.summary == "Allocated to Kent Police. Reason: Victim's address is in Maidstone"
    change = AuditEvent.objects.get(action=AuditEvent.Action.CHANGE, object_id=case.reference)
    assert change.actor == users[role]
    assert change.details["reason"] == "Victim's address is in Maidstone"

    page = client.get(response["Location"]).content.decode()
    assert f"Case {case.reference} allocated to Kent Police" in page  # success banner
    assert "govuk-notification-banner--success" in page
    assert "Allocated to Kent Police. Reason: Victim&#x27;s address is in Maidstone" in page


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"force": "kent", "reason": "   "}, "Enter the reason for allocating the case"),
        ({"force": "", "reason": "Lives in Kent"}, "Choose the force to allocate the case to"),
        ({"force": "atlantis", "reason": "Lives there"}, "Choose a force from the list"),
        ({"force": "kent", "reason": "x" * 301}, "Reason must be 300 characters or fewer"),
    ],
)
def test_an_incomplete_allocation_is_shown_again_with_errors(signed_in, users, case, data, message):
    response = signed_in(users["hub_supervisor"]).post(_allocate_url(case), data)

    assert response.status_code == 200
    html = response.content.decode()
    assert "There is a problem" in html
    assert message in html
    case.refresh_from_db()
    assert case.allocated_force is None
    assert not case.events.filter(kind=CaseEvent.Kind.ALLOCATED).exists()


@pytest.mark.parametrize("role", ["hub_officer", "force_user", "partner", "volunteer"])
def test_other_roles_cannot_allocate(signed_in, users, three_cases, role):
    case = three_cases["merseyside"][0]

    response = signed_in(users[role]).post(
        _allocate_url(case), {"force": "kent", "reason": "Trying"}
    )

    assert response.status_code == 403
    case.refresh_from_db()
    assert case.allocated_force.police_uk_id == "merseyside"
    assert not AuditEvent.objects.filter(
        action=AuditEvent.Action.CHANGE, object_id=case.reference, actor=users[role]
    ).exists()


def test_an_officer_sees_no_allocation_form(signed_in, users, case):
    html = signed_in(users["hub_officer"]).get(f"/hub/cases/{case.reference}/").content.decode()

    assert "Allocate to a force" not in html
    assert _allocate_url(case) not in html


def test_allocation_is_post_only(signed_in, users, case):
    assert signed_in(users["hub_supervisor"]).get(_allocate_url(case)).status_code == 405


def test_allocation_needs_the_csrf_token(users, case):
    client = Client(enforce_csrf_checks=True)
    client.force_login(users["hub_supervisor"])

    response = client.post(_allocate_url(case), {"force": "kent", "reason": "Lives in Kent"})

    assert response.status_code == 403
    case.refresh_from_db()
    assert case.allocated_force is None


def test_signed_out_people_are_sent_to_sign_in(client, case):
    response = client.post(_allocate_url(case), {"force": "kent", "reason": "x"})

    assert response.status_code == 302
    assert response["Location"].startswith("/accounts/sign-in/?next=")
