"""Sending an identification request: refused, and the attempt logged, unless it may be sent."""

from django.db import transaction
from django.utils import timezone

from hatehub.audit.services import Action, record

from ..models import (
    IdentificationRequest,
)
from .authorisation import may_send
from .errors import RequestRefused, SendingRefused
from .steps import Status, locked, require_spoc, step


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
    require_spoc(by, "send an identification request")
    request = locked(request)
    allowed, why = may_send(request)
    if not allowed:
        refusal = SendingRefused(why)
        refusal.status = request.status
        raise refusal
    if not how.strip():
        raise RequestRefused("Say how it was sent")
    step(request, Status.SENT, by=by, comments=how.strip())
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
