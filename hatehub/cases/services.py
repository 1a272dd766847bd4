from django.db import transaction
from django.utils import timezone

from hatehub.audit.context import current_actor
from hatehub.audit.services import Action, record

from .models import Case, CaseEvent


def add_event(
    case: Case,
    kind: str,
    summary: str,
    *,
    details: dict | None = None,
    visible_to_complainant: bool = False,
) -> CaseEvent:
    actor = current_actor()
    return CaseEvent.objects.create(
        case=case,
        at=timezone.now(),
        kind=kind,
        actor=actor.user if getattr(actor.user, "pk", None) else None,
        actor_label=actor.label,
        summary=summary[:500],
        details=details or {},
        visible_to_complainant=visible_to_complainant,
    )


@transaction.atomic
def open_case(*, urgency: int, urgency_reason: str) -> Case:
    now = timezone.now()
    case = Case.objects.create(opened_at=now, urgency=urgency, urgency_reason=urgency_reason)
    case.reference = f"OHH-{now.year}-{case.pk:06d}"
    case.save(update_fields=["reference"])
    add_event(
        case,
        CaseEvent.Kind.OPENED,
        f"Case opened. Urgency: {case.get_urgency_display()}. {urgency_reason}",
    )
    record(Action.CREATE, "case", case.reference, summary=f"Case {case.reference} opened")
    return case


@transaction.atomic
def join_case(case_id: int, *, urgency: int, urgency_reason: str) -> Case:
    """A new report of content the hub already has joins its case; a more urgent report raises
    the case's urgency (never lowers it)."""
    case = Case.objects.select_for_update().get(pk=case_id)
    if urgency < case.urgency:
        case.urgency, case.urgency_reason = urgency, urgency_reason
        case.save(update_fields=["urgency", "urgency_reason", "updated_at"])
        add_event(
            case,
            CaseEvent.Kind.STATUS_CHANGED,
            f"Urgency raised to {case.get_urgency_display()} by a new report. {urgency_reason}",
        )
    return case


@transaction.atomic
def allocate(case: Case, *, force, reason: str) -> Case:
    """Hand the case to a local force, with the reason recorded on the timeline and in the log."""
    previous = case.allocated_force
    case.allocated_force = force
    case.status = Case.Status.ALLOCATED
    case.save(update_fields=["allocated_force", "status", "updated_at"])
    add_event(
        case,
        CaseEvent.Kind.ALLOCATED,
        f"Allocated to {force.name}. Reason: {reason}",
        details={
            "force": force.ons_code,
            "previous_force": previous.ons_code if previous else None,
        },
    )
    record(
        Action.CHANGE,
        "case",
        case.reference,
        summary=f"Case {case.reference} allocated to {force.name}",
        details={"reason": reason, "previous_force": previous.ons_code if previous else None},
    )
    return case
