"""The one access decision for a case, used by every app's pages: may this user open this case,
or a record reached through a case (a review, a support referral, a victim update)?

A case or record that exists but is hidden from the user (another force's, or not yet
allocated to theirs) is answered exactly like a missing one, so references cannot be probed,
and the attempt is written to the audit log."""

from typing import TypeVar

from django.db.models import Model, QuerySet
from django.http import HttpRequest

from hatehub.audit.services import Action, record

from . import selectors
from .models import Case

Record = TypeVar("Record", bound=Model)


def visible_case(
    request: HttpRequest, reference: str, cases: QuerySet[Case] | None = None
) -> Case | None:
    """The case if `request.user` may see it (from `cases`, by default every case they may
    see), else None, with an audit entry when the case exists."""
    return visible_case_for(request.user, reference, cases=cases, path=request.path)


def visible_case_for(
    user, reference: str, *, cases: QuerySet[Case] | None = None, path: str = ""
) -> Case | None:
    """`visible_case` where there is no request at hand (a form naming a case)."""
    cases = selectors.visible_cases(user) if cases is None else cases
    case = cases.filter(reference=reference).first()
    if case is None and selectors.case_exists(reference):
        force = getattr(user, "force", None)
        record(
            Action.DENIED,
            "case",
            reference,
            summary=f"Access to case {reference} refused: not allocated to the user's force",
            details={"path": path, "user_force": getattr(force, "police_uk_id", None)},
        )
    return case


def visible_through_case(
    request: HttpRequest,
    records: QuerySet[Record],
    pk: int,
    *,
    object_type: str,
    name: str,
    case_field: str = "case",
) -> Record | None:
    """The record `pk` of `records` if the user may see its case (`case_field` names the path
    to it), else None, with an audit entry naming `object_type` when the record exists.
    `name` says what it is in the entry ("Right to Review request")."""
    found = records.filter(pk=pk)
    visible = selectors.visible_cases(request.user)
    record_ = found.filter(**{f"{case_field}__in": visible}).first()
    if record_ is None and found.exists():
        record(
            Action.DENIED,
            object_type,
            pk,
            summary=f"Access to {name} {pk} refused: not the user's force's case",
            details={"path": request.path},
        )
    return record_
