"""The case page's "Victims' Code updates" section: each complainant's clocks, flagged when
an update is overdue, with a link to write it."""

from django.utils import timezone

from hatehub.audit.services import Action, record
from hatehub.cases.selectors import visible_cases
from hatehub.core.extensions import Panel
from hatehub.reports.models import Report

from . import selectors, services
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
    # Complainants it is not safe to leave a message for: why nothing went out automatically,
    # and how they may be contacted (their phone number and notes are personal data: logged).
    reports = Report.objects.filter(pk__in={update.report_id for update in updates})
    unsafe = []
    for report in reports.select_related("complainant").order_by("pk"):
        safety = services.recipients.contact_safety(report)
        if safety is not None:
            unsafe.append({"report": report, "safety": safety})
    record(
        Action.VIEW,
        "victim_update_list",
        case.reference,
        summary=f"Victims' Code updates of case {case.reference} viewed",
        details={
            "updates": [update.pk for update in updates],
            "overdue": overdue,
            "contact_safety_shown": [row["report"].reference for row in unsafe],
        },
    )
    return [
        Panel(
            template="victims/_case_panel.html",
            context={"rows": rows, "overdue": overdue, "total": total, "unsafe": unsafe},
            order=40,
            title="Victims' Code updates",
        )
    ]
