"""The case page's "Advice requests" section: the questions a force asked about this case and
the hub's answers, for hub staff and the force the case is with."""

from hatehub.audit.services import Action, record
from hatehub.core.extensions import Panel

from . import selectors
from .access import asks_for_advice, reads_advice


def panels(request, case) -> list[Panel]:
    user = request.user
    if not reads_advice(user):
        return []
    requests = selectors.annotate_lateness(
        selectors.visible_requests(user).filter(case=case).order_by("-asked_at")[:20]
    )
    if not requests and not asks_for_advice(user):
        return []
    if requests:
        record(
            Action.VIEW,
            "advice_request_list",
            case.reference,
            summary=f"Advice requests about case {case.reference} listed",
            details={"requests": [item.pk for item in requests]},
        )
    context = {"requests": requests, "asks": asks_for_advice(user), "case": case}
    return [
        Panel(
            template="advice/_case_panel.html",
            context=context,
            order=90,
            title="Advice requests",
            empty=not requests,
        )
    ]
