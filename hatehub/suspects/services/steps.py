"""What every step of an identification request shares: a new reference, the request locked,
the step recorded, the state and the SPoC checked."""

from django.utils import timezone

from .. import access, references
from ..models import (
    IdentificationRequest,
    RequestStep,
)
from .errors import RequestRefused

Status = IdentificationRequest.Status


def new_reference(model, prefix: str) -> str:
    for _ in range(5):
        reference = references.new(prefix)
        if not model.objects.filter(reference=reference).exists():
            return reference
    raise RuntimeError("Could not find a free reference")  # 55 random bits: never in practice


def locked(request: IdentificationRequest) -> IdentificationRequest:
    return (
        IdentificationRequest.objects.select_for_update()
        .select_related("account")
        .get(pk=request.pk)
    )


def step(request: IdentificationRequest, to_status: str, *, by, comments: str = "") -> None:
    RequestStep.objects.create(
        request=request,
        at=timezone.now(),
        actor=by,
        from_status=request.status,
        to_status=to_status,
        comments=comments,
    )
    request.status = to_status


def require_state(request: IdentificationRequest, *states: str, doing: str) -> None:
    if request.status not in states:
        raise RequestRefused(
            f"Request {request.reference} is {request.get_status_display().lower()}: it cannot "
            f"be {doing} now"
        )


def require_spoc(by, doing: str) -> None:
    if not access.acts_as_spoc(by):
        raise RequestRefused(f"Only an accredited single point of contact (SPoC) can {doing}")
