"""The one access decision for a case, used by every app's pages: may this user open this case?

A case that exists but is hidden from the user (another force's, or not yet allocated to
theirs) is answered exactly like a missing one, so references cannot be probed, and the attempt
is written to the audit log."""

from django.db.models import QuerySet
from django.http import HttpRequest

from hatehub.audit.services import Action, record

from . import selectors
from .models import Case


def visible_case(
    request: HttpRequest, reference: str, cases: QuerySet[Case] | None = None
) -> Case | None:
    """The case if `request.user` may see it (from `cases`, by default every case they may
    see), else None, with an audit entry when the case exists."""
    cases = selectors.visible_cases(request.user) if cases is None else cases
    case = cases.filter(reference=reference).first()
    if case is None and selectors.case_exists(reference):
        force = getattr(request.user, "force", None)
        record(
            Action.DENIED,
            "case",
            reference,
            summary=f"Access to case {reference} refused: not allocated to the user's force",
            details={"path": request.path, "user_force": getattr(force, "police_uk_id", None)},
        )
    return case
