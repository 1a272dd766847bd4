"""The case page's "Victims' Code updates" section: each complainant's clocks, flagged when
an update is overdue, with a link to write it."""

from django.utils import timezone

from hatehub.audit.services import Action, record
from hatehub.cases.selectors import visible_cases
from hatehub.core.extensions import Panel

from . import selectors
from .models import VictimUpdateDue


def panels(request, case) -> list[Panel]:
    user = request.user
    if not selectors.sends_updates(user):
        return []
    if not visible_cases(user).filter(pk=case.pk).exists():
        return []
    today = timezone.localdate()
    updates, total, overdue = selectors.case_updates(case, today)
    if not updates:
        return []
    is_open = VictimUpdateDue.Status.OPEN
    rows = [
        {
            "update": update,
            "label": selectors.event_label(update.event),
            "overdue": update.status == is_open and update.due < today,
            "due_today": update.status == is_open and update.due == today,
        }
        for update in updates
    ]
    record(
        Action.VIEW,
        "victim_update_list",
        case.reference,
        summary=f"Victims' Code updates of case {case.reference} viewed",
        details={"updates": [update.pk for update in updates], "overdue": overdue},
    )
    return [
        Panel(
            template="victims/_case_panel.html",
            context={"rows": rows, "overdue": overdue, "total": total},
            order=40,
            title="Victims' Code updates",
        )
    ]
