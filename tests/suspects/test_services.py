"""The service layer: people, links, and the identification request's rules."""

import hashlib
from datetime import timedelta
from unittest import mock

import pytest
from django.utils import timezone

from hatehub.audit.models import AuditEvent
from hatehub.evidence import store
from hatehub.suspects import routing, services
from hatehub.suspects.models import (
    Authorisation,
    CaseIdentification,
    IdentificationRequest,
    PersonAccountLink,
    PlatformResponse,
)
from hatehub.victims.models import VictimUpdateDue

from .conftest import a_draft, upload

Status = IdentificationRequest.Status
Action = AuditEvent.Action


def audit(action, object_type, object_id=None):
    entries = AuditEvent.objects.filter(action=action, object_type=object_type)
    if object_id is not None:
        entries = entries.filter(object_id=str(object_id))
    return entries


def ocda(reference="OCDA-[SYNTHETIC]-9", on=None):
    return services.authorisation.AuthorisationDetails(
        body="ocda", reference=reference, authorised_on=on or timezone.localdate()
    )


# People -----------------------------------------------------------------------------------------


def test_creating_a_person_gives_a_checked_reference_and_resolves_the_force(users, forces):
    person = services.people.create_person(
        services.people.PersonDetails(
            full_name="[SYNTHETIC] Sam Sample", other_names=["S", " "], location_text="L1 8JQ"
        ),
        by=users["hub_officer"],
    )
    assert person.reference.startswith("P-")
    assert person.other_names == ["S"]
    assert person.force == forces["merseyside"]
    assert audit(Action.CREATE, "person", person.reference).count() == 1


def test_someone_abroad_gets_no_force(users, forces):
    person = services.people.create_person(
        services.people.PersonDetails(
            full_name="[SYNTHETIC] Far Away", other_names=[], location_text="lives in Canada"
        ),
        by=users["hub_officer"],
    )
    assert person.force is None


def test_force_users_cannot_create_or_link(users, person, two_cases):
    _, account = two_cases["merseyside"]
    with pytest.raises(services.SuspectsRefused):
        services.people.create_person(
            services.people.PersonDetails(full_name="x", other_names=[]), by=users["force_user"]
        )
    with pytest.raises(services.SuspectsRefused):
        services.people.link_account(
            person, account, source="victim", confidence="possible", by=users["force_user"]
        )


def test_linking_is_audited_and_a_confirmed_link_identifies_the_suspect_once(
    users, person, two_cases
):
    case, account = two_cases["merseyside"]
    link = services.people.link_account(
        person,
        account,
        source=PersonAccountLink.Source.PLATFORM_DISCLOSURE,
        confidence=PersonAccountLink.Confidence.CONFIRMED,
        by=users["hub_officer"],
    )
    entry = audit(Action.CHANGE, "person", person.reference).get()
    assert entry.details["account"] == account.pk
    identification = CaseIdentification.objects.get(person=person, case=case)
    assert identification.link == link
    assert audit(Action.CREATE, "case_identification", case.reference).count() == 1
    # The victim's Victims' Code clock for "suspect identified" started.
    assert VictimUpdateDue.objects.filter(case=case, event="suspect_identified").exists()

    # Unlinked and linked again: still identified once in that case.
    services.people.unlink_account(link, reason="[SYNTHETIC] test", by=users["hub_officer"])
    services.people.link_account(
        person, account, source="victim", confidence="probable", by=users["hub_officer"]
    )
    assert CaseIdentification.objects.filter(person=person, case=case).count() == 1


def test_a_possible_link_does_not_identify(users, person, two_cases):
    case, account = two_cases["merseyside"]
    services.people.link_account(
        person, account, source="open_source", confidence="possible", by=users["hub_officer"]
    )
    assert not CaseIdentification.objects.filter(case=case).exists()


def test_the_same_account_cannot_be_linked_twice_at_once(users, person, two_cases):
    _, account = two_cases["merseyside"]
    services.people.link_account(
        person, account, source="victim", confidence="possible", by=users["hub_officer"]
    )
    with pytest.raises(services.SuspectsRefused, match="already linked"):
        services.people.link_account(
            person, account, source="witness", confidence="possible", by=users["hub_officer"]
        )
    assert PersonAccountLink.objects.filter(person=person).count() == 1


def test_unlinking_keeps_the_history_and_needs_a_reason(users, person, two_cases):
    _, account = two_cases["merseyside"]
    link = services.people.link_account(
        person, account, source="victim", confidence="possible", by=users["hub_officer"]
    )
    with pytest.raises(services.SuspectsRefused):
        services.people.unlink_account(link, reason="  ", by=users["hub_officer"])
    services.people.unlink_account(
        link, reason="[SYNTHETIC] wrong person", by=users["hub_supervisor"]
    )
    link.refresh_from_db()
    assert link.unlinked_at is not None and link.unlinked_reason == "[SYNTHETIC] wrong person"
    assert audit(Action.CHANGE, "person", person.reference).count() == 2
    with pytest.raises(services.SuspectsRefused, match="already been ended"):
        services.people.unlink_account(link, reason="again", by=users["hub_officer"])


# Drafting -------------------------------------------------------------------------------------


def test_a_draft_records_the_route_and_is_audited(users, two_cases):
    case, account = two_cases["merseyside"]
    request = services.requests.draft_request(account, a_draft(case), by=users["hub_officer"])
    assert request.reference.startswith("CD-")
    assert request.status == Status.DRAFT
    assert request.route == routing.UK_US_DAA
    assert list(request.cases.all()) == [case]
    assert audit(Action.CREATE, "identification_request", request.reference).count() == 1


@pytest.mark.parametrize(
    "overrides, message",
    [
        ({"data_wanted": []}, "data wanted"),
        ({"data_wanted": ["everything"]}, "data wanted"),
        ({"necessity": " "}, "necessity"),
        ({"collateral_intrusion": ""}, "collateral intrusion"),
        ({"cases": []}, "case"),
    ],
)
def test_a_draft_without_what_the_law_asks_for_is_refused(users, two_cases, overrides, message):
    case, account = two_cases["merseyside"]
    with pytest.raises(services.RequestRefused, match=message):
        services.requests.draft_request(
            account, a_draft(case, **overrides), by=users["hub_officer"]
        )
    assert not IdentificationRequest.objects.exists()


def test_a_request_only_serves_cases_the_account_is_in(users, two_cases):
    _, account = two_cases["merseyside"]
    kent_case, _ = two_cases["kent"]
    with pytest.raises(services.RequestRefused, match="cases the account appears in"):
        services.requests.draft_request(account, a_draft(kent_case), by=users["hub_officer"])


def test_period_must_be_in_order_and_not_in_the_future(users, two_cases):
    case, account = two_cases["merseyside"]
    today = timezone.localdate()
    with pytest.raises(services.RequestRefused, match="end on or after"):
        services.requests.draft_request(
            account,
            a_draft(case, period_start=today, period_end=today - timedelta(days=1)),
            by=users["hub_officer"],
        )
    with pytest.raises(services.RequestRefused, match="future"):
        services.requests.draft_request(
            account, a_draft(case, period_end=today + timedelta(days=1)), by=users["hub_officer"]
        )


def test_force_users_cannot_draft(users, two_cases):
    case, account = two_cases["merseyside"]
    with pytest.raises(services.RequestRefused):
        services.requests.draft_request(account, a_draft(case), by=users["force_user"])


# Review -----------------------------------------------------------------------------------------


@pytest.fixture
def submitted(users, two_cases):
    case, account = two_cases["merseyside"]
    request = services.requests.draft_request(account, a_draft(case), by=users["hub_officer"])
    return services.requests.submit_for_review(request, by=users["hub_officer"])


def test_only_a_spoc_reviews(users, submitted):
    for role in ("hub_officer", "hub_supervisor", "administrator", "force_user"):
        with pytest.raises(services.RequestRefused, match="single point of contact"):
            services.requests.review(submitted, decision="approve", comments="", by=users[role])
    submitted.refresh_from_db()
    assert submitted.status == Status.AWAITING_REVIEW


def test_a_spoc_cannot_approve_their_own_draft(users, two_cases):
    case, account = two_cases["merseyside"]
    request = services.requests.draft_request(account, a_draft(case), by=users["spoc"])
    services.requests.submit_for_review(request, by=users["spoc"])
    with pytest.raises(services.RequestRefused, match="another SPoC"):
        services.requests.review(request, decision="approve", comments="", by=users["spoc"])
    request.refresh_from_db()
    assert request.status == Status.AWAITING_REVIEW and request.reviewed_by is None


def test_return_needs_comments_then_the_officer_changes_and_resubmits(users, submitted, two_cases):
    case, _ = two_cases["merseyside"]
    with pytest.raises(services.RequestRefused, match="Say why"):
        services.requests.review(submitted, decision="return", comments=" ", by=users["spoc"])
    services.requests.review(
        submitted, decision="return", comments="[SYNTHETIC] narrow the period", by=users["spoc"]
    )
    submitted.refresh_from_db()
    assert submitted.status == Status.RETURNED
    services.requests.update_request(
        submitted,
        a_draft(case, period_start=timezone.localdate() - timedelta(days=7)),
        by=users["hub_officer"],
    )
    services.requests.submit_for_review(submitted, by=users["hub_officer"])
    submitted.refresh_from_db()
    assert submitted.status == Status.AWAITING_REVIEW
    assert [step.to_status for step in submitted.steps.all()] == [
        Status.AWAITING_REVIEW,
        Status.RETURNED,
        Status.AWAITING_REVIEW,
    ]
    assert submitted.steps.all()[1].comments == "[SYNTHETIC] narrow the period"


def test_a_rejected_request_goes_no_further(users, submitted, two_cases):
    case, _ = two_cases["merseyside"]
    services.requests.review(
        submitted, decision="reject", comments="[SYNTHETIC] no", by=users["spoc"]
    )
    with pytest.raises(services.RequestRefused):
        services.requests.update_request(submitted, a_draft(case), by=users["hub_officer"])
    with pytest.raises(services.RequestRefused):
        services.authorisation.record_authorisation(submitted, ocda(), by=users["spoc"])
    with pytest.raises(services.RequestRefused):
        services.sending.mark_sent(submitted, how="portal", by=users["spoc"])


# Authorisation and sending: the rule of this issue --------------------------------------------


def test_cannot_be_sent_without_spoc_approval(users, two_cases, submitted):
    case, account = two_cases["merseyside"]
    draft = services.requests.draft_request(account, a_draft(case), by=users["hub_officer"])
    for request in (draft, submitted):
        with pytest.raises(services.RequestRefused, match="approval and an authorisation"):
            services.sending.mark_sent(request, how="portal", by=users["spoc"])
        request.refresh_from_db()
        assert request.status != Status.SENT and request.sent_at is None
        denied = audit(Action.DENIED, "identification_request", request.reference)
        assert denied.count() == 1


def test_cannot_be_authorised_before_approval(users, submitted):
    with pytest.raises(services.RequestRefused, match="SPoC must approve"):
        services.authorisation.record_authorisation(submitted, ocda(), by=users["spoc"])
    assert not Authorisation.objects.exists()


def test_cannot_be_sent_when_approved_but_not_authorised(users, submitted):
    services.requests.review(submitted, decision="approve", comments="", by=users["spoc"])
    with pytest.raises(services.RequestRefused, match="needs an authorisation record"):
        services.sending.mark_sent(submitted, how="portal", by=users["spoc"])
    submitted.refresh_from_db()
    assert submitted.status == Status.APPROVED and submitted.sent_at is None


def test_a_status_forced_to_authorised_without_a_record_still_cannot_be_sent(users, submitted):
    # Even if the row were changed behind the service's back, sending checks the records.
    IdentificationRequest.objects.filter(pk=submitted.pk).update(status=Status.AUTHORISED)
    with pytest.raises(services.RequestRefused, match="approval and an authorisation"):
        services.sending.mark_sent(submitted, how="portal", by=users["spoc"])


def test_only_a_spoc_sends(users, authorised_request):
    with pytest.raises(services.RequestRefused, match="single point of contact"):
        services.sending.mark_sent(authorised_request, how="portal", by=users["hub_supervisor"])


def test_approved_and_authorised_is_sent_and_the_disclosure_logged(users, authorised_request):
    services.sending.mark_sent(
        authorised_request, how="[SYNTHETIC] LE portal", platform_reference="P-1", by=users["spoc"]
    )
    authorised_request.refresh_from_db()
    assert authorised_request.status == Status.SENT
    assert authorised_request.sent_by == users["spoc"]
    entry = audit(Action.DISCLOSE, "identification_request", authorised_request.reference).get()
    assert entry.details["platform_reference"] == "P-1"


def test_a_lapsed_authorisation_cannot_be_used(users, authorised_request):
    Authorisation.objects.filter(request=authorised_request).update(
        authorised_on=timezone.localdate() - timedelta(days=40)
    )
    with pytest.raises(services.RequestRefused, match="lapsed"):
        services.sending.mark_sent(authorised_request, how="portal", by=users["spoc"])


def test_urgent_authorisation_needs_the_officer_and_the_reason(users, submitted):
    services.requests.review(submitted, decision="approve", comments="", by=users["spoc"])
    urgent = services.authorisation.AuthorisationDetails(
        body="dso_urgent", reference="DSO-1", authorised_on=timezone.localdate()
    )
    with pytest.raises(services.RequestRefused, match="urgent authorisation"):
        services.authorisation.record_authorisation(submitted, urgent, by=users["spoc"])
    with pytest.raises(services.RequestRefused, match="future"):
        services.authorisation.record_authorisation(
            submitted, ocda(on=timezone.localdate() + timedelta(days=1)), by=users["spoc"]
        )
    with pytest.raises(services.RequestRefused, match="before the SPoC approved"):
        services.authorisation.record_authorisation(
            submitted, ocda(on=timezone.localdate() - timedelta(days=3)), by=users["spoc"]
        )
    assert not Authorisation.objects.exists()


# The response ---------------------------------------------------------------------------------


def test_the_response_is_stored_as_hashed_evidence_with_continuity(users, authorised_request):
    services.sending.mark_sent(authorised_request, how="portal", by=users["spoc"])
    data = b"[SYNTHETIC] subscriber: example@example.invalid, created from 192.0.2.1\n"
    received_at = timezone.now()
    response = services.responses.record_response(
        authorised_request,
        services.responses.ResponseDetails(
            outcome="disclosed", received_at=received_at, summary="[SYNTHETIC] email"
        ),
        [upload("subscriber.csv", data)],
        by=users["spoc"],
    )
    attachment = response.attachments.get()
    assert attachment.sha256 == hashlib.sha256(data).hexdigest()
    assert attachment.received_by == users["spoc"] and attachment.received_at == received_at
    assert store.sha256_of_stored(attachment.sha256) == attachment.sha256
    authorised_request.refresh_from_db()
    assert authorised_request.status == Status.RESPONSE_RECEIVED
    entry = audit(Action.CREATE, "identification_response", authorised_request.reference).get()
    assert entry.details["attachments"][0]["sha256"] == attachment.sha256

    with services.responses.open_attachment(attachment, request_reference="x") as blob:
        assert blob.read() == data
    assert audit(Action.EXPORT, "identification_response").count() == 1


def test_a_refusal_needs_the_reason_and_ends_refused(users, authorised_request):
    services.sending.mark_sent(authorised_request, how="portal", by=users["spoc"])
    details = services.responses.ResponseDetails(outcome="refused", received_at=timezone.now())
    before = services.responses.ResponseDetails(
        outcome="disclosed", received_at=timezone.now() - timedelta(hours=1)
    )
    with pytest.raises(services.RequestRefused, match="after the request was sent"):
        services.responses.record_response(authorised_request, before, [], by=users["spoc"])
    with pytest.raises(services.RequestRefused, match="reason"):
        services.responses.record_response(authorised_request, details, [], by=users["spoc"])
    services.responses.record_response(
        authorised_request,
        services.responses.ResponseDetails(
            outcome="refused", received_at=timezone.now(), refusal_reason="[SYNTHETIC] MLA needed"
        ),
        [],
        by=users["spoc"],
    )
    authorised_request.refresh_from_db()
    assert authorised_request.status == Status.REFUSED


def test_no_response_before_sending_and_no_empty_files(users, authorised_request):
    details = services.responses.ResponseDetails(outcome="disclosed", received_at=timezone.now())
    with pytest.raises(services.RequestRefused, match="not been sent"):
        services.responses.record_response(authorised_request, details, [], by=users["spoc"])
    services.sending.mark_sent(authorised_request, how="portal", by=users["spoc"])
    details = services.responses.ResponseDetails(outcome="disclosed", received_at=timezone.now())
    with pytest.raises(services.RequestRefused, match="empty"):
        services.responses.record_response(
            authorised_request, details, [upload("empty.txt", b"")], by=users["spoc"]
        )
    assert not PlatformResponse.objects.exists()


def test_a_changed_attachment_is_not_handed_out(users, authorised_request):
    services.sending.mark_sent(authorised_request, how="portal", by=users["spoc"])
    response = services.responses.record_response(
        authorised_request,
        services.responses.ResponseDetails(outcome="disclosed", received_at=timezone.now()),
        [upload("a.txt", b"[SYNTHETIC] original bytes " + str(timezone.now()).encode())],
        by=users["spoc"],
    )
    attachment = response.attachments.get()
    with (
        mock.patch.object(store, "sha256_of_stored", return_value="0" * 64),
        pytest.raises(services.AttachmentIntegrityError),
    ):
        services.responses.open_attachment(
            attachment, request_reference=authorised_request.reference
        )
    assert audit(Action.EXPORT, "identification_response").count() == 0
    assert (
        audit(Action.VIEW, "identification_response")
        .filter(summary__startswith="INTEGRITY FAILURE")
        .exists()
    )
