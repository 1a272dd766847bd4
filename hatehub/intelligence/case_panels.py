"""The case page's "Intelligence reports" section: the reports created from the case, with a
link to create one. Hub staff only (a force user reads what was disseminated to their force on
the intelligence pages)."""

from hatehub.audit.services import Action, record
from hatehub.core.extensions import Panel

from . import access, selectors


def panels(request, case) -> list[Panel]:
    if not access.writes_intelligence(request.user):
        return []
    reports = selectors.reports_of_case(case)
    if reports:
        record(
            Action.VIEW,
            "intelligence_report_list",
            case.reference,
            summary=f"Intelligence reports of case {case.reference} listed: {len(reports)}",
            details={"reports": [report.reference for report in reports]},
        )
    return [
        Panel(
            template="intelligence/_case_panel.html",
            context={"reports": reports},
            order=70,
            title="Intelligence reports",
            empty=not reports,
        )
    ]
