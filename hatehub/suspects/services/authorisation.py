"""The authorisation of an identification request, and how long it may be acted on."""

import calendar
from dataclasses import dataclass
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from hatehub.audit.services import Action, record

from ..models import (
    Authorisation,
    IdentificationRequest,
)
from .errors import RequestRefused
from .steps import Status, locked, require_spoc, require_state, step

# How long an authorisation can be acted on (DOMAIN.md s5a; IPA 2016 s65): it ceases to have
# effect at the end of the period of one month beginning with the day it was granted, three days
# for an urgent one. "Beginning with" counts the day of grant: granted 5 January, the last day is
# 4 February; urgent, granted 5 January, the last day is 7 January. Where the next month has no
# corresponding day (granted 31 January), the last day is taken one day before that month's end,
# erring on the short side so nothing is ever sent on a lapsed authorisation.
AUTHORISATION_LASTS: dict[str, tuple[str, int]] = {Authorisation.Body.OCDA: ("months", 1),
                       Authorisation.Body.DSO_URGENT: ("days", 3)}  # fmt: skip


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
    require_spoc(by, "record an authorisation")
    request = locked(request)
    require_state(request, Status.APPROVED, doing="authorised (a SPoC must approve it first)")
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
    step(request, Status.AUTHORISED, by=by, comments=f"{details.body} {authorisation.reference}")
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
