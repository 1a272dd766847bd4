"""The case page's "Suspects" section: the people identified behind the case's accounts and the
identification requests about them. Hub staff get the actions; the force that holds the case
sees the people (their profiles are open to it) and each request's status."""

from hatehub.audit.services import Action, record
from hatehub.cases.selectors import visible_cases
from hatehub.core.extensions import Panel

from . import access, selectors


def panels(request, case) -> list[Panel]:
    user = request.user
    if not access.reads_people(user) or not visible_cases(user).filter(pk=case.pk).exists():
        return []
    data = selectors.for_case(case)
    if not data.accounts and not data.requests:
        return []
    if data.people or data.requests:
        record(
            Action.VIEW,
            "person",
            "",
            summary=f"Suspects shown on case {case.reference}",
            details={
                "case": case.reference,
                "people": [person.reference for person, _ in data.people],
                "requests": [item.reference for item in data.requests],
            },
        )
    manages = access.manages_people(user)
    return [
        Panel(
            template="suspects/_case_panel.html",
            context={
                "case": case,
                "people": data.people,
                "requests": data.requests,
                "accounts": data.accounts if manages else [],
                "manages": manages,
                "reads_requests": access.reads_identification_requests(user),
            },
            order=60,
            title="Suspects",
            empty=not data.people and not data.requests,
        )
    ]
