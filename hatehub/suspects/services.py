"""Writes for suspects and identification requests. Every change is audited here, inside the
transaction that makes it; every step of a request checks who is acting and the state it is in
(a view's checks are for the page, these are the rule).

An identification request moves:

    draft -> awaiting_review -> returned (-> awaiting_review again) | rejected | approved
    approved -> authorised (an Authorisation recorded) -> sent -> response_received | refused

It cannot be sent without a SPoC's approval and an authorisation record, and not after the
authorisation has lapsed (IPA 2016 s65: one month beginning with the day it was granted; three
days for an urgent one).
"""

import calendar
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import BinaryIO

import filetype
from django.conf import settings
from django.db import IntegrityError, transaction
from django.utils import timezone

from hatehub.audit.services import Action, record
from hatehub.cases.models import Case
from hatehub.evidence import store
from hatehub.jurisdiction.services import force_for, place_from_text
from hatehub.matching.models import OnlineAccount
from hatehub.victims import services as victims

from . import access, references, routing
from .models import (
    Authorisation,
    CaseIdentification,
    IdentificationRequest,
    Person,
    PersonAccountLink,
    PlatformResponse,
    RequestStep,
    ResponseAttachment,
)
from .selectors import case_ids_by_account

Status = IdentificationRequest.Status
# How long an authorisation can be acted on (DOMAIN.md s5a; IPA 2016 s65): it ceases to have
# effect at the end of the period of one month beginning with the day it was granted, three days
# for an urgent one. "Beginning with" counts the day of grant: granted 5 January, the last day is
# 4 February; urgent, granted 5 January, the last day is 7 January. Where the next month has no
# corresponding day (granted 31 January), the last day is taken one day before that month's end,
# erring on the short side so nothing is ever sent on a lapsed authorisation.
AUTHORISATION_LASTS = {Authorisation.Body.OCDA: ("months", 1),
                       Authorisation.Body.DSO_URGENT: ("days", 3)}  # fmt: skip
IDENTIFYING = (PersonAccountLink.Confidence.CONFIRMED, PersonAccountLink.Confidence.PROBABLE)


class SuspectsRefused(Exception):
    """A change the rules do not allow; the message is written for the person who tried."""


class RequestRefused(SuspectsRefused):
    pass


# People ---------------------------------------------------------------------------------------


@dataclass(frozen=True)
class PersonDetails:
    full_name: str
    other_names: list[str]
    date_of_birth: date | None = None
    location_text: str = ""
    notes: str = ""


def _new_reference(model, prefix: str) -> str:
    for _ in range(5):
        reference = references.new(prefix)
        if not model.objects.filter(reference=reference).exists():
            return reference
    raise RuntimeError("Could not find a free reference")  # 55 random bits: never in practice


def _force_for_location(text: str):
    place = place_from_text(text) if text else None
    if place is None or place.abroad or not place.known:
        return None
    return force_for(place.force)


@transaction.atomic
def create_person(details: PersonDetails, *, by) -> Person:
    if not access.manages_people(by):
        raise SuspectsRefused("Only hub staff can add a person")
    person = Person.objects.create(
        reference=_new_reference(Person, references.PERSON),
        full_name=details.full_name.strip(),
        other_names=[name.strip() for name in details.other_names if name.strip()],
        date_of_birth=details.date_of_birth,
        location_text=details.location_text.strip(),
        force=_force_for_location(details.location_text),
        notes=details.notes.strip(),
        created_by=by,
        created_at=timezone.now(),
    )
    record(
        Action.CREATE,
        "person",
        person.reference,
        summary=f"Person {person.reference} added",
        details={"force": person.force.police_uk_id if person.force else None},
    )
    return person


@transaction.atomic
def link_account(
    person: Person,
    account: OnlineAccount,
    *,
    source: str,
    confidence: str,
    note: str = "",
    by,
) -> PersonAccountLink:
    """Link the person to the account. A confirmed or probable link identifies the person as a
    suspect in every case the account appears in (once per case), and tells the victim's
    timeline so the Victims' Code clock for "suspect identified" starts."""
    if not access.manages_people(by):
        raise SuspectsRefused("Only hub staff can link a person to an account")
    now = timezone.now()
    try:
        with transaction.atomic():
            link = PersonAccountLink.objects.create(
                person=person,
                account=account,
                source=source,
                confidence=confidence,
                note=note.strip(),
                linked_by=by,
                linked_at=now,
            )
    except IntegrityError as exists:
        raise SuspectsRefused(
            f"{person.reference} is already linked to {account.platform}:{account.handle}"
        ) from exists
    record(
        Action.CHANGE,
        "person",
        person.reference,
        summary=f"Person {person.reference} linked to account {account.platform}:{account.handle}",
        details={
            "link": link.pk,
            "account": account.pk,
            "source": source,
            "confidence": confidence,
        },
    )
    if confidence in IDENTIFYING:
        _identify_in_cases(person, link, by=by, at=now)
    return link


def _identify_in_cases(person: Person, link: PersonAccountLink, *, by, at: datetime) -> None:
    case_ids = case_ids_by_account([link.account_id]).get(link.account_id, set())
    already = set(
        CaseIdentification.objects.filter(person=person, case_id__in=case_ids).values_list(
            "case_id", flat=True
        )
    )
    for case in Case.objects.filter(pk__in=case_ids - already).order_by("pk"):
        CaseIdentification.objects.create(
            person=person, case=case, link=link, identified_at=at, identified_by=by
        )
        record(
            Action.CREATE,
            "case_identification",
            case.reference,
            summary=f"Suspect {person.reference} identified in case {case.reference}",
            details={"person": person.reference, "account": link.account_id, "link": link.pk},
        )
        _tell_victims(case, person, link, at, by)


def _tell_victims(case: Case, person: Person, link: PersonAccountLink, at: datetime, by) -> None:
    victims.record_event(
        case,
        "suspect_identified",
        at=at,
        details={
            "person": person.reference,
            "account": f"{link.account.platform}:{link.account.handle}",
            "confidence": link.confidence,
        },
        by=by,
    )


@transaction.atomic
def unlink_account(link: PersonAccountLink, *, reason: str, by) -> PersonAccountLink:
    """End the link, keeping the row: who linked, who unlinked, and why stay readable."""
    if not access.manages_people(by):
        raise SuspectsRefused("Only hub staff can unlink an account")
    if not reason.strip():
        raise SuspectsRefused("Say why the link is wrong or no longer holds")
    link = (
        PersonAccountLink.objects.select_for_update()
        .select_related("person", "account")
        .get(pk=link.pk)
    )
    if link.unlinked_at is not None:
        raise SuspectsRefused("That link has already been ended")
    link.unlinked_at = timezone.now()
    link.unlinked_reason = reason.strip()
    link.save(update_fields=["unlinked_at", "unlinked_reason"])
    record(
        Action.CHANGE,
        "person",
        link.person.reference,
        summary=(
            f"Person {link.person.reference} unlinked from account "
            f"{link.account.platform}:{link.account.handle}"
        ),
        details={"link": link.pk, "account": link.account_id, "reason": link.unlinked_reason},
    )
    return link


# Identification requests: drafting ------------------------------------------------------------


@dataclass(frozen=True)
class RequestDraft:
    cases: list[Case]
    data_wanted: list[str]
    period_start: date
    period_end: date
    necessity: str
    proportionality: str
    collateral_intrusion: str
    provider_country: str
    holder_location: str
    holder_country: str
    serious_crime: bool


def _check_draft(account: OnlineAccount, draft: RequestDraft) -> None:
    problems = []
    valid = set(IdentificationRequest.DataWanted.values)
    if not draft.data_wanted or not set(draft.data_wanted) <= valid:
        problems.append("Choose the data wanted")
    if draft.period_end < draft.period_start:
        problems.append("The period must end on or after its start")
    if draft.period_end > timezone.localdate():
        problems.append("The period cannot end in the future")
    if not draft.cases:
        problems.append("Choose the case or cases the request serves")
    served = case_ids_by_account([account.pk]).get(account.pk, set())
    if any(case.pk not in served for case in draft.cases):
        problems.append("A request can only serve cases the account appears in")
    for name in ("necessity", "proportionality", "collateral_intrusion"):
        if not getattr(draft, name).strip():
            problems.append(f"Give the {name.replace('_', ' ')} justification")
    if problems:
        raise RequestRefused("; ".join(problems))


def _route(draft: RequestDraft) -> routing.Route:
    return routing.decide(
        routing.Facts(
            provider_country=draft.provider_country,
            holder_location=draft.holder_location,
            holder_country=draft.holder_country,
            serious_crime=draft.serious_crime,
        )
    )


def _apply(request: IdentificationRequest, draft: RequestDraft) -> routing.Route:
    route = _route(draft)
    request.data_wanted = list(draft.data_wanted)
    request.period_start = draft.period_start
    request.period_end = draft.period_end
    request.necessity = draft.necessity.strip()
    request.proportionality = draft.proportionality.strip()
    request.collateral_intrusion = draft.collateral_intrusion.strip()
    request.provider_country = draft.provider_country.strip().upper()
    request.holder_location = draft.holder_location
    request.holder_country = draft.holder_country.strip()
    request.serious_crime = draft.serious_crime
    request.route = route.code
    request.route_reason = route.explanation
    return route


def _draft_details(request: IdentificationRequest, route: routing.Route) -> dict:
    return {
        "account": request.account_id,
        "data_wanted": request.data_wanted,
        "period": [request.period_start.isoformat(), request.period_end.isoformat()],
        "route": route.code,
        "provider_country": request.provider_country,
    }


@transaction.atomic
def draft_request(account: OnlineAccount, draft: RequestDraft, *, by) -> IdentificationRequest:
    if not access.drafts_identification_requests(by):
        raise RequestRefused("Only hub staff can draft an identification request")
    _check_draft(account, draft)
    request = IdentificationRequest(
        reference=_new_reference(IdentificationRequest, references.REQUEST),
        account=account,
        drafted_by=by,
        drafted_at=timezone.now(),
    )
    route = _apply(request, draft)
    request.save()
    request.cases.set(draft.cases)
    record(
        Action.CREATE,
        "identification_request",
        request.reference,
        summary=f"Identification request {request.reference} drafted for "
        f"{account.platform}:{account.handle}",
        details={**_draft_details(request, route), "cases": [c.reference for c in draft.cases]},
    )
    return request


def _locked(request: IdentificationRequest) -> IdentificationRequest:
    return (
        IdentificationRequest.objects.select_for_update()
        .select_related("account")
        .get(pk=request.pk)
    )


def _step(request: IdentificationRequest, to_status: str, *, by, comments: str = "") -> None:
    RequestStep.objects.create(
        request=request,
        at=timezone.now(),
        actor=by,
        from_status=request.status,
        to_status=to_status,
        comments=comments,
    )
    request.status = to_status


def _require(request: IdentificationRequest, *states: str, doing: str) -> None:
    if request.status not in states:
        raise RequestRefused(
            f"Request {request.reference} is {request.get_status_display().lower()}: it cannot "
            f"be {doing} now"
        )


EDITABLE = (Status.DRAFT, Status.RETURNED)


@transaction.atomic
def update_request(request: IdentificationRequest, draft: RequestDraft, *, by):
    if not access.drafts_identification_requests(by):
        raise RequestRefused("Only hub staff can change an identification request")
    request = _locked(request)
    _require(request, *EDITABLE, doing="changed")
    _check_draft(request.account, draft)
    route = _apply(request, draft)
    request.save()
    request.cases.set(draft.cases)
    record(
        Action.CHANGE,
        "identification_request",
        request.reference,
        summary=f"Identification request {request.reference} changed",
        details={**_draft_details(request, route), "cases": [c.reference for c in draft.cases]},
    )
    return request


@transaction.atomic
def submit_for_review(request: IdentificationRequest, *, by) -> IdentificationRequest:
    if not access.drafts_identification_requests(by):
        raise RequestRefused("Only hub staff can submit an identification request")
    request = _locked(request)
    _require(request, *EDITABLE, doing="submitted for review")
    _step(request, Status.AWAITING_REVIEW, by=by)
    request.submitted_at = timezone.now()
    request.save(update_fields=["status", "submitted_at"])
    record(
        Action.CHANGE,
        "identification_request",
        request.reference,
        summary=f"Identification request {request.reference} submitted for SPoC review",
    )
    return request


# Identification requests: the SPoC ------------------------------------------------------------

REVIEW_DECISIONS = {
    "approve": Status.APPROVED,
    "return": Status.RETURNED,
    "reject": Status.REJECTED,
}


def _require_spoc(by, doing: str) -> None:
    if not access.acts_as_spoc(by):
        raise RequestRefused(f"Only an accredited single point of contact (SPoC) can {doing}")


@transaction.atomic
def review(request: IdentificationRequest, *, decision: str, comments: str, by):
    """The SPoC's review (IPA 2016 s76): approve, return with comments, or reject. A SPoC cannot
    review a request they drafted themselves."""
    _require_spoc(by, "review an identification request")
    if decision not in REVIEW_DECISIONS:
        raise RequestRefused("Choose approve, return or reject")
    request = _locked(request)
    _require(request, Status.AWAITING_REVIEW, doing="reviewed")
    if request.drafted_by_id == by.pk:
        raise RequestRefused("You drafted this request: another SPoC must review it")
    if decision != "approve" and not comments.strip():
        raise RequestRefused("Say why, so the officer can act on it")
    _step(request, REVIEW_DECISIONS[decision], by=by, comments=comments.strip())
    request.reviewed_by = by
    request.reviewed_at = timezone.now()
    request.review_comments = comments.strip()
    request.save(update_fields=["status", "reviewed_by", "reviewed_at", "review_comments"])
    record(
        Action.CHANGE,
        "identification_request",
        request.reference,
        summary=f"Identification request {request.reference}: SPoC review {decision}",
        details={"decision": decision, "comments": request.review_comments},
    )
    return request


@dataclass(frozen=True)
class AuthorisationDetails:
    body: str
    reference: str
    authorised_on: date
    authorising_officer: str = ""
    urgency_reason: str = ""


@transaction.atomic
def record_authorisation(
    request: IdentificationRequest, details: AuthorisationDetails, *, by
) -> Authorisation:
    _require_spoc(by, "record an authorisation")
    request = _locked(request)
    _require(request, Status.APPROVED, doing="authorised (a SPoC must approve it first)")
    problems = []
    if details.body not in Authorisation.Body.values:
        problems.append("Choose who authorised it")
    if not details.reference.strip():
        problems.append("Give the authorisation reference")
    if details.authorised_on > timezone.localdate():
        problems.append("The authorisation date cannot be in the future")
    if request.reviewed_at and details.authorised_on < timezone.localdate(request.reviewed_at):
        problems.append("The authorisation cannot be dated before the SPoC approved the request")
    if details.body == Authorisation.Body.DSO_URGENT and not (
        details.authorising_officer.strip() and details.urgency_reason.strip()
    ):
        problems.append("An urgent authorisation needs the officer's name and rank and the reason")
    if problems:
        raise RequestRefused("; ".join(problems))
    authorisation = Authorisation.objects.create(
        request=request,
        body=details.body,
        reference=details.reference.strip(),
        authorised_on=details.authorised_on,
        authorising_officer=details.authorising_officer.strip(),
        urgency_reason=details.urgency_reason.strip(),
        recorded_by=by,
        recorded_at=timezone.now(),
    )
    _step(request, Status.AUTHORISED, by=by, comments=f"{details.body} {authorisation.reference}")
    request.save(update_fields=["status"])
    record(
        Action.CHANGE,
        "identification_request",
        request.reference,
        summary=f"Identification request {request.reference} authorised ({details.body})",
        details={
            "body": details.body,
            "reference": authorisation.reference,
            "authorised_on": details.authorised_on.isoformat(),
        },
    )
    return authorisation


def last_day_in_force(body: str, granted: date) -> date:
    """The last day an authorisation granted on ``granted`` has effect (IPA 2016 s65)."""
    unit, count = AUTHORISATION_LASTS[body]
    if unit == "days":
        return granted + timedelta(days=count - 1)
    index = granted.month - 1 + count
    year, month = granted.year + index // 12, index % 12 + 1
    corresponding = date(year, month, min(granted.day, calendar.monthrange(year, month)[1]))
    return corresponding - timedelta(days=1)


def authorisation_lapses_on(authorisation: Authorisation) -> date:
    """The last day the authorisation has effect: nothing may be sent after it."""
    return last_day_in_force(authorisation.body, authorisation.authorised_on)


def may_send(request: IdentificationRequest) -> tuple[bool, str]:
    """Whether the request can be sent now, and if not why (shown on the page; enforced by
    `mark_sent`)."""
    if request.status != Status.AUTHORISED:
        if request.status in (Status.DRAFT, Status.RETURNED, Status.AWAITING_REVIEW):
            return False, "It needs a SPoC's approval and an authorisation before it is sent."
        if request.status == Status.APPROVED:
            return False, "It needs an authorisation record before it is sent."
        return False, f"It is {request.get_status_display().lower()}."
    authorisation = Authorisation.objects.filter(request=request).first()
    if request.reviewed_by_id is None or authorisation is None:
        return False, "It needs a SPoC's approval and an authorisation before it is sent."
    if timezone.localdate() > authorisation_lapses_on(authorisation):
        return False, (
            "The authorisation lapsed: it had effect until the end of "
            f"{authorisation_lapses_on(authorisation):%d %B %Y} (IPA 2016 s65): "
            "a new one is needed."
        )
    return True, ""


class SendingRefused(RequestRefused):
    """Sending was refused by the rule (no approval, no authorisation, or a lapsed one)."""


def mark_sent(request: IdentificationRequest, *, how: str, platform_reference: str = "", by):
    """Record that the SPoC sent the request by its route. Refused, and the attempt logged,
    unless a SPoC approved it and an authorisation is recorded and still in force."""
    try:
        return _mark_sent(request, how=how, platform_reference=platform_reference, by=by)
    except SendingRefused as refusal:
        # Logged after the refused change has rolled back, so the attempt stays on record.
        record(
            Action.DENIED,
            "identification_request",
            request.reference,
            summary=f"Sending identification request {request.reference} refused: {refusal}",
            details={"status": refusal.status},
        )
        raise


@transaction.atomic
def _mark_sent(request: IdentificationRequest, *, how: str, platform_reference: str, by):
    _require_spoc(by, "send an identification request")
    request = _locked(request)
    allowed, why = may_send(request)
    if not allowed:
        refusal = SendingRefused(why)
        refusal.status = request.status
        raise refusal
    if not how.strip():
        raise RequestRefused("Say how it was sent")
    _step(request, Status.SENT, by=by, comments=how.strip())
    request.sent_by = by
    request.sent_at = timezone.now()
    request.sent_how = how.strip()
    request.platform_reference = platform_reference.strip()
    request.save(update_fields=["status", "sent_by", "sent_at", "sent_how", "platform_reference"])
    record(
        Action.DISCLOSE,
        "identification_request",
        request.reference,
        summary=f"Identification request {request.reference} sent to {request.account.platform}",
        details={
            "how": request.sent_how,
            "route": request.route,
            "platform_reference": request.platform_reference,
            "recipient": request.account.platform,
        },
    )
    return request


# Identification requests: the platform's answer -----------------------------------------------


@dataclass(frozen=True)
class ReceivedAttachment:
    name: str
    stream: BinaryIO
    size: int


MAX_ATTACHMENT_BYTES_DEFAULT = 50 * 1024 * 1024


def _store_attachment(upload: ReceivedAttachment) -> tuple[str, int, str]:
    """Store the bytes as they are (content-addressed under SHA-256, evidence.store); a
    platform's answer may be a PDF, a spreadsheet or a text export, so it is never opened here,
    only hashed and kept (downloads are served as attachments, sandboxed)."""
    limit = getattr(settings, "EVIDENCE_MAX_FILE_BYTES", MAX_ATTACHMENT_BYTES_DEFAULT)
    if upload.size == 0:
        raise RequestRefused(f"{upload.name} is empty")
    if upload.size > limit:
        raise RequestRefused(f"{upload.name} is too large (the limit is {limit} bytes)")
    upload.stream.seek(0)
    kind = filetype.guess(upload.stream.read(8192))
    upload.stream.seek(0)
    sha256, size = store.put(upload.stream)
    return sha256, size, kind.mime if kind else "application/octet-stream"


@dataclass(frozen=True)
class ResponseDetails:
    outcome: str
    received_at: datetime
    summary: str = ""
    refusal_reason: str = ""


@transaction.atomic
def record_response(
    request: IdentificationRequest,
    details: ResponseDetails,
    attachments: list[ReceivedAttachment],
    *,
    by,
) -> PlatformResponse:
    """The platform's answer, its files stored as evidence and hashed, with who received it and
    when (continuity)."""
    _require_spoc(by, "record a platform's response")
    request = _locked(request)
    _require(request, Status.SENT, doing="given a response (it has not been sent)")
    if details.outcome not in PlatformResponse.Outcome.values:
        raise RequestRefused("Choose what the platform answered")
    if details.outcome == PlatformResponse.Outcome.REFUSED and not details.refusal_reason.strip():
        raise RequestRefused("Give the platform's reason for refusing")
    # Times are entered to the minute: an answer in the minute it was sent is possible.
    sent_minute = request.sent_at.replace(second=0, microsecond=0) if request.sent_at else None
    if details.received_at > timezone.now() or (sent_minute and details.received_at < sent_minute):
        raise RequestRefused(
            "The response must arrive after the request was sent, and not later than now"
        )
    now = timezone.now()
    response = PlatformResponse.objects.create(
        request=request,
        outcome=details.outcome,
        received_at=details.received_at,
        received_by=by,
        recorded_at=now,
        summary=details.summary.strip(),
        refusal_reason=details.refusal_reason.strip(),
    )
    stored = []
    for upload in attachments:
        sha256, size, media_type = _store_attachment(upload)
        attachment = ResponseAttachment.objects.create(
            response=response,
            original_filename=upload.name[:255],
            media_type=media_type,
            size_bytes=size,
            sha256=sha256,
            received_at=details.received_at,
            received_by=by,
        )
        stored.append({"file": attachment.original_filename, "sha256": sha256, "size": size})
    to_status = (
        Status.REFUSED
        if details.outcome == PlatformResponse.Outcome.REFUSED
        else Status.RESPONSE_RECEIVED
    )
    _step(request, to_status, by=by, comments=details.outcome)
    request.save(update_fields=["status"])
    record(
        Action.CREATE,
        "identification_response",
        request.reference,
        summary=f"Platform response to {request.reference} recorded: {details.outcome}",
        details={
            "outcome": details.outcome,
            "received_at": details.received_at.isoformat(),
            "attachments": stored,
        },
    )
    return response


class AttachmentIntegrityError(RuntimeError):
    pass


def open_attachment(attachment: ResponseAttachment, *, request_reference: str) -> BinaryIO:
    """The stored bytes, after re-hashing them against the hash taken at receipt (the store is
    content-addressed, so this is the same check `evidence.services.open_for_download` makes;
    that one takes an EvidenceFile, which belongs to a report)."""
    try:
        intact = store.sha256_of_stored(attachment.sha256) == attachment.sha256
    except FileNotFoundError:
        intact = False
    if not intact:
        record(
            Action.VIEW,
            "identification_response",
            request_reference,
            summary=f"INTEGRITY FAILURE: {attachment.original_filename} of {request_reference}",
            details={"sha256": attachment.sha256},
        )
        raise AttachmentIntegrityError(attachment.original_filename)
    record(
        Action.EXPORT,
        "identification_response",
        request_reference,
        summary=f"Response file {attachment.original_filename} of {request_reference} downloaded",
        details={"sha256": attachment.sha256, "attachment": attachment.pk},
    )
    return store.open_blob(attachment.sha256)
