"""The audit log page: for supervisors and administrators, filterable, and itself audited."""

import pytest

from hatehub.audit.models import AuditEvent
from hatehub.audit.services import Action, acting_as, record

URL = "/hub/audit/"


def _sequences(response) -> list[int]:
    return [entry.sequence for entry in response.context["entries"]]


@pytest.fixture
def signed_in(client):
    def sign_in(user):
        client.force_login(user)
        return client

    return sign_in


@pytest.fixture
def entries(db):
    with acting_as("user:someone"):
        record(Action.VIEW, "case", "OHH-2025-000001", summary="Case OHH-2025-000001 viewed")
        record(Action.EXPORT, "evidence", 7, summary="Original of a.png opened")
    with acting_as("partner:Example Reporting Centre"):
        record(Action.CREATE, "report", "ABCD-EFGH-JKLM", summary="Report received")
    return list(AuditEvent.objects.order_by("sequence"))


@pytest.mark.parametrize("role", ["hub_supervisor", "administrator"])
def test_supervisors_and_administrators_read_the_log_newest_first(signed_in, users, entries, role):
    response = signed_in(users[role]).get(URL)

    assert response.status_code == 200
    sequences = _sequences(response)
    assert sequences == sorted(sequences, reverse=True)
    assert set(sequences) >= {entry.sequence for entry in entries}
    html = response.content.decode()
    assert html.count("<h1") == 1
    assert "Case OHH-2025-000001 viewed" in html
    assert "partner:Example Reporting Centre" in html
    assert 'aria-current="page" href="/hub/audit/"' in html


def test_reading_the_log_is_itself_logged(signed_in, users, entries):
    response = signed_in(users["hub_supervisor"]).get(URL + "?object_type=case")

    entry = AuditEvent.objects.get(object_type="audit_log")
    assert entry.action == AuditEvent.Action.VIEW
    assert entry.actor == users["hub_supervisor"]
    assert entry.details["filters"] == {"object_type": "case"}
    assert response.status_code == 200


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("object_type=evidence", ["Original of a.png opened"]),
        ("object_id=OHH-2025-000001", ["Case OHH-2025-000001 viewed"]),
        ("actor=reporting+centre", ["Report received"]),
        ("action=export", ["Original of a.png opened"]),
    ],
)
def test_filters(signed_in, users, entries, query, expected):
    response = signed_in(users["hub_supervisor"]).get(f"{URL}?{query}")

    assert [entry.summary for entry in response.context["entries"]] == expected


def test_a_bad_filter_is_an_error_message(signed_in, users, entries):
    response = signed_in(users["hub_supervisor"]).get(URL + "?action=launch")

    assert response.status_code == 200
    assert "Choose an action from the list" in response.content.decode()


def test_paginated(signed_in, users, db):
    for number in range(60):
        record(Action.VIEW, "case", f"C{number}", summary=f"entry {number}")
    client = signed_in(users["hub_supervisor"])

    first = client.get(URL + "?object_type=case")
    second = client.get(URL + "?object_type=case&page=2")

    assert len(first.context["entries"]) == 50
    assert len(second.context["entries"]) == 10
    assert 'class="govuk-pagination"' in first.content.decode()
    assert set(_sequences(first)).isdisjoint(_sequences(second))


@pytest.mark.parametrize("role", ["hub_officer", "force_user", "partner", "volunteer"])
def test_other_roles_are_refused(signed_in, users, role):
    response = signed_in(users[role]).get(URL)

    assert response.status_code == 403
    assert not AuditEvent.objects.filter(object_type="audit_log").exists()


def test_signed_out_people_are_sent_to_sign_in(client, db):
    response = client.get(URL)

    assert response.status_code == 302
    assert response["Location"] == "/accounts/sign-in/?next=/hub/audit/"


def test_the_audit_log_is_linked_only_for_those_who_can_read_it(signed_in, users):
    supervisor = signed_in(users["hub_supervisor"]).get("/hub/").content.decode()
    officer = signed_in(users["hub_officer"]).get("/hub/").content.decode()

    assert 'href="/hub/audit/"' in supervisor
    assert 'href="/hub/audit/"' not in officer
