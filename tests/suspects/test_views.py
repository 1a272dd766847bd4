"""The pages: the identification request's journey through the web, the suspect profile, who may
see whom, and the case panel."""

import hashlib
from datetime import timedelta

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from hatehub.audit.models import AuditEvent
from hatehub.suspects import services
from hatehub.suspects.models import IdentificationRequest, Person, PersonAccountLink

from .conftest import a_draft

Status = IdentificationRequest.Status
Action = AuditEvent.Action


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def request_url(name: str, request: IdentificationRequest) -> str:
    return reverse(f"suspects:{name}", kwargs={"request_ref": request.reference})


def the_form(case, **overrides) -> dict:
    today = timezone.localdate()
    values = {
        "cases": [case.pk],
        "data_wanted": ["subscriber", "creation_ip"],
        "period_start": (today - timedelta(days=14)).isoformat(),
        "period_end": today.isoformat(),
        "necessity": "[SYNTHETIC] The posts threaten the victim; the data identifies the poster.",
        "proportionality": "[SYNTHETIC] Two weeks, subscriber data only.",
        "collateral_intrusion": "[SYNTHETIC] Unlikely: a personal account.",
        "provider_country": "us",
        "holder_location": "uk",
        "holder_country": "",
        "serious_crime": "on",
    }
    values.update(overrides)
    return values


def test_the_whole_journey_through_the_pages(users, two_cases):
    case, account = two_cases["merseyside"]
    officer, spoc = client_for(users["hub_officer"]), client_for(users["spoc"])

    # The officer drafts it from the account and submits it.
    new_url = reverse("suspects:request_new", kwargs={"account_id": account.pk})
    page = officer.get(new_url + f"?case={case.reference}")
    assert page.status_code == 200
    assert f'value="{case.pk}" checked' in page.content.decode()
    response = officer.post(new_url, the_form(case))
    assert response.status_code == 302
    request = IdentificationRequest.objects.get()
    assert request.provider_country == "US" and request.route == "uk_us_daa"
    assert officer.post(request_url("request_submit", request)).status_code == 302
    request.refresh_from_db()
    assert request.status == Status.AWAITING_REVIEW

    # Not approved yet: the page says it cannot be sent, and offers no way to send it.
    page = spoc.get(request_url("request", request)).content.decode()
    assert "This request cannot be sent yet" in page
    assert request_url("request_send", request) not in page
    refused = spoc.post(request_url("request_send", request), {"how": "portal"})
    assert refused.status_code == 400
    assert "approval and an authorisation" in refused.content.decode()

    # The SPoC approves; still no authorisation, still cannot be sent.
    spoc.post(request_url("request_review", request), {"decision": "approve", "comments": ""})
    request.refresh_from_db()
    assert request.status == Status.APPROVED and request.reviewed_by == users["spoc"]
    page = spoc.get(request_url("request", request)).content.decode()
    assert "needs an authorisation record" in page
    assert request_url("request_send", request) not in page
    assert spoc.post(request_url("request_send", request), {"how": "x"}).status_code == 400
    request.refresh_from_db()
    assert request.status == Status.APPROVED and request.sent_at is None

    # Authorised: now it can be sent.
    today = timezone.localdate().isoformat()
    spoc.post(
        request_url("request_authorise", request),
        {"body": "ocda", "reference": "OCDA/[SYNTHETIC]/42", "authorised_on": today},
    )
    request.refresh_from_db()
    assert request.status == Status.AUTHORISED
    assert request.authorisation.recorded_by == users["spoc"]
    page = spoc.get(request_url("request", request)).content.decode()
    assert request_url("request_send", request) in page
    spoc.post(request_url("request_send", request), {"how": "[SYNTHETIC] LE portal"})
    request.refresh_from_db()
    assert request.status == Status.SENT

    # The response with a file: stored, hashed, downloadable, and every read logged.
    data = b"[SYNTHETIC] email,phone\nexample@example.invalid,07700900000\n"
    now = timezone.localtime()
    spoc.post(
        request_url("request_response", request),
        {
            "outcome": "disclosed",
            "received_on": now.date().isoformat(),
            "received_time": now.strftime("%H:%M"),
            "summary": "[SYNTHETIC] example@example.invalid",
            "attachments": [SimpleUploadedFile("subscriber.csv", data, "text/csv")],
        },
    )
    request.refresh_from_db()
    assert request.status == Status.RESPONSE_RECEIVED
    attachment = request.response.attachments.get()
    assert attachment.sha256 == hashlib.sha256(data).hexdigest()

    views_before = AuditEvent.objects.filter(
        action=Action.VIEW, object_type="identification_response"
    ).count()
    page = officer.get(request_url("request", request)).content.decode()
    assert attachment.sha256 in page
    assert (
        AuditEvent.objects.filter(action=Action.VIEW, object_type="identification_response")
        .filter(actor=users["hub_officer"])
        .count()
        == views_before + 1
    )
    download = officer.get(
        reverse(
            "suspects:attachment",
            kwargs={"request_ref": request.reference, "attachment_id": attachment.pk},
        )
    )
    assert download.status_code == 200 and b"".join(download.streaming_content) == data
    assert download["Content-Security-Policy"] == "default-src 'none'; sandbox"
    export = AuditEvent.objects.get(action=Action.EXPORT, object_type="identification_response")
    assert export.actor == users["hub_officer"]
    # Every step is in the log, by the person who took it.
    changes = AuditEvent.objects.filter(object_id=request.reference, actor=users["spoc"])
    assert changes.filter(action=Action.CHANGE).count() == 2  # review, authorisation
    assert changes.filter(action=Action.DISCLOSE).count() == 1
    assert changes.filter(action=Action.DENIED).count() == 2


def test_bad_request_form_input_changes_nothing(users, two_cases):
    case, account = two_cases["merseyside"]
    officer = client_for(users["hub_officer"])
    url = reverse("suspects:request_new", kwargs={"account_id": account.pk})
    response = officer.post(
        url,
        the_form(
            case,
            necessity="",
            data_wanted=[],
            provider_country="USA",
            holder_location="abroad",
            period_end=(timezone.localdate() + timedelta(days=2)).isoformat(),
        ),
    )
    assert response.status_code == 200
    page = response.content.decode()
    for message in (
        "Enter necessity",
        "Choose the data wanted",
        "Enter a two-letter country code",
        "Enter the country the account holder is in",
        "End of period cannot be in the future",
    ):
        assert message in page
    assert "govuk-error-summary" in page
    assert not IdentificationRequest.objects.exists()


def test_a_spoc_is_not_offered_the_review_of_their_own_draft(users, two_cases):
    case, account = two_cases["merseyside"]
    request = services.requests.draft_request(account, a_draft(case), by=users["spoc"])
    services.requests.submit_for_review(request, by=users["spoc"])
    spoc = client_for(users["spoc"])
    page = spoc.get(request_url("request", request)).content.decode()
    assert "another SPoC must review it" in page
    assert request_url("request_review", request) not in page
    response = spoc.post(request_url("request_review", request), {"decision": "approve"})
    assert response.status_code == 400
    request.refresh_from_db()
    assert request.status == Status.AWAITING_REVIEW


def test_a_hub_officer_who_is_not_a_spoc_cannot_review(users, two_cases):
    case, account = two_cases["merseyside"]
    request = services.requests.draft_request(account, a_draft(case), by=users["hub_officer"])
    services.requests.submit_for_review(request, by=users["hub_officer"])
    supervisor = client_for(users["hub_supervisor"])
    response = supervisor.post(request_url("request_review", request), {"decision": "approve"})
    assert response.status_code == 403
    request.refresh_from_db()
    assert request.status == Status.AWAITING_REVIEW


# People -----------------------------------------------------------------------------------------


@pytest.fixture
def linked_person(users, person, two_cases):
    _, account = two_cases["merseyside"]
    services.people.link_account(
        person, account, source="platform_disclosure", confidence="confirmed", by=users["spoc"]
    )
    return person


def person_url(person: Person) -> str:
    return reverse("suspects:person", kwargs={"person_ref": person.reference})


def test_adding_a_person_and_linking_an_account_through_the_pages(users, two_cases):
    case, account = two_cases["merseyside"]
    officer = client_for(users["hub_officer"])
    bad = officer.post(reverse("suspects:person_new"), {"full_name": "", "date_of_birth": "x"})
    assert bad.status_code == 200 and "Enter full name" in bad.content.decode()
    assert not Person.objects.exists()

    officer.post(reverse("suspects:person_new"), {"full_name": "[SYNTHETIC] Pat Placeholder"})
    person = Person.objects.get()
    link_url = reverse("suspects:link", kwargs={"person_ref": person.reference})
    unknown = officer.post(
        link_url,
        {
            "platform": "x",
            "handle": "@nobody_syn",
            "source": "victim",
            "confidence": "possible",
        },
    )
    assert "No account with that handle" in unknown.content.decode()
    officer.post(
        link_url,
        {
            "platform": account.platform,
            "handle": "@" + account.handle,
            "source": "victim",
            "confidence": "probable",
        },
    )
    link = PersonAccountLink.objects.get(person=person)
    entry = AuditEvent.objects.get(
        action=Action.CHANGE, object_type="person", object_id=person.reference
    )
    assert entry.actor == users["hub_officer"] and entry.details["link"] == link.pk

    page = officer.get(person_url(person)).content.decode()
    assert case.reference in page and account.handle in page

    officer.post(
        reverse("suspects:unlink", kwargs={"person_ref": person.reference, "link_id": link.pk}),
        {"reason": "[SYNTHETIC] a different person"},
    )
    link.refresh_from_db()
    assert link.unlinked_at is not None
    page = officer.get(person_url(person)).content.decode()
    assert "No accounts linked" in page and "[SYNTHETIC] a different person" in page


def test_a_force_user_sees_a_person_linked_to_their_forces_case_only(users, linked_person):
    merseyside = client_for(users["force_user"])
    page = merseyside.get(person_url(linked_person))
    assert page.status_code == 200
    assert "Unlink" not in page.content.decode()  # read only
    assert linked_person.reference in merseyside.get(reverse("suspects:people")).content.decode()

    kent = client_for(users["other_force_user"])
    assert kent.get(person_url(linked_person)).status_code == 404
    denied = AuditEvent.objects.filter(action=Action.DENIED, object_type="person").get()
    assert denied.actor == users["other_force_user"]
    assert linked_person.reference not in kent.get(reverse("suspects:people")).content.decode()


def test_force_user_loses_sight_of_a_person_once_unlinked(users, linked_person):
    link = linked_person.account_links.get()
    services.people.unlink_account(link, reason="[SYNTHETIC] wrong", by=users["hub_officer"])
    assert client_for(users["force_user"]).get(person_url(linked_person)).status_code == 404


@pytest.mark.parametrize("role", ["analyst", "partner", "volunteer"])
def test_analysts_partners_and_volunteers_never_see_people(users, linked_person, role):
    client = client_for(users[role])
    assert client.get(person_url(linked_person)).status_code == 403
    assert client.get(reverse("suspects:people")).status_code == 403


def test_the_profile_lists_accounts_cases_and_requests_and_is_audited(
    users, linked_person, two_cases
):
    case, account = two_cases["merseyside"]
    request = services.requests.draft_request(account, a_draft(case), by=users["hub_officer"])
    page = client_for(users["hub_supervisor"]).get(person_url(linked_person)).content.decode()
    assert case.reference in page and request.reference in page
    entry = AuditEvent.objects.filter(action=Action.VIEW, object_id=linked_person.reference).get()
    assert entry.details["cases"] == [case.reference]
    assert entry.details["requests"] == [request.reference]


def test_a_force_user_sees_requests_status_but_cannot_open_them(users, linked_person, two_cases):
    case, account = two_cases["merseyside"]
    request = services.requests.draft_request(account, a_draft(case), by=users["hub_officer"])
    client = client_for(users["force_user"])
    page = client.get(person_url(linked_person)).content.decode()
    assert request.reference in page and request_url("request", request) not in page
    assert client.get(request_url("request", request)).status_code == 403


def test_the_case_page_shows_the_identified_person(users, linked_person, two_cases):
    case, _ = two_cases["merseyside"]
    url = reverse("cases:case", kwargs={"reference": case.reference})
    for role in ("hub_officer", "force_user"):
        page = client_for(users[role]).get(url).content.decode()
        assert "Suspects" in page and linked_person.reference in page
    hub_page = client_for(users["hub_officer"]).get(url).content.decode()
    assert "draft an identification request" in hub_page
    assert (
        AuditEvent.objects.filter(
            action=Action.VIEW, object_type="person", details__case=case.reference
        ).count()
        == 3  # the officer's page twice, the force user's once
    )
    other_case, _ = two_cases["kent"]
    other = client_for(users["hub_officer"]).get(
        reverse("cases:case", kwargs={"reference": other_case.reference})
    )
    assert linked_person.reference not in other.content.decode()
