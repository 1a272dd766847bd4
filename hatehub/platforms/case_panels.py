"""The case page's "Takedown referrals" section."""

from hatehub.audit.services import Action, record
from hatehub.core.extensions import Panel

from . import access, selectors


def panels(request, case) -> list[Panel]:
    if not access.reads_referrals(request.user):
        return []
    items = selectors.case_items(case)
    if items:
        record(
            Action.VIEW,
            "case",
            case.reference,
            summary=f"Takedown referrals of case {case.reference} shown",
            details={"items": [item.label for item in items]},
        )
    refers = access.works_referrals(request.user) and selectors.crime_decision(case) is not None
    context = {"case": case, "items": items, "refers": refers}
    return [
        Panel(
            template="platforms/_case_panel.html",
            context=context,
            order=60,
            title="Takedown referrals",
            empty=not items,
        )
    ]
