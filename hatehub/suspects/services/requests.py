"""Drafting an identification request, submitting it, and the SPoC's review (IPA 2016 s76)."""

from dataclasses import dataclass
from datetime import date

from django.db import transaction
from django.utils import timezone

from hatehub.audit.services import Action, record
from hatehub.cases.models import Case
from hatehub.matching.models import OnlineAccount

from .. import access, references, routing
from ..models import (
    IdentificationRequest,
)
from ..selectors import case_ids_by_account
from .errors import RequestRefused
from .steps import Status, locked, new_reference, require_spoc, require_state, step


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
        reference=new_reference(IdentificationRequest, references.REQUEST),
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


EDITABLE = (Status.DRAFT, Status.RETURNED)


@transaction.atomic
def update_request(request: IdentificationRequest, draft: RequestDraft, *, by):
    if not access.drafts_identification_requests(by):
        raise RequestRefused("Only hub staff can change an identification request")
    request = locked(request)
    require_state(request, *EDITABLE, doing="changed")
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
    request = locked(request)
    require_state(request, *EDITABLE, doing="submitted for review")
    step(request, Status.AWAITING_REVIEW, by=by)
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


@transaction.atomic
def review(request: IdentificationRequest, *, decision: str, comments: str, by):
    """The SPoC's review (IPA 2016 s76): approve, return with comments, or reject. A SPoC cannot
    review a request they drafted themselves."""
    require_spoc(by, "review an identification request")
    if decision not in REVIEW_DECISIONS:
        raise RequestRefused("Choose approve, return or reject")
    request = locked(request)
    require_state(request, Status.AWAITING_REVIEW, doing="reviewed")
    if request.drafted_by_id == by.pk:
        raise RequestRefused("You drafted this request: another SPoC must review it")
    if decision != "approve" and not comments.strip():
        raise RequestRefused("Say why, so the officer can act on it")
    step(request, REVIEW_DECISIONS[decision], by=by, comments=comments.strip())
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
