"""The case page's "Online captures" section: capture a reported page, follow each capture
(or read why it could not run) and download the files it made."""

from hatehub.audit.services import Action, record
from hatehub.cases.selectors import visible_cases
from hatehub.core.extensions import Panel
from hatehub.evidence import selectors


def panels(request, case) -> list[Panel]:
    if not visible_cases(request.user).filter(pk=case.pk).exists():
        return []
    captures = selectors.captures(case)
    if captures:
        record(
            Action.VIEW,
            "capture",
            case.reference,
            summary=f"Online captures of case {case.reference} listed",
            details={"captures": [item.pk for item in captures]},
        )
    has_content = bool(selectors.content_items(case, limit=1))
    context = {
        "captures": captures,
        "has_content": has_content,
        "originals": selectors.originals(case),
    }
    return [
        Panel(
            template="evidence/_case_panel.html",
            context=context,
            order=30,
            title="Online captures",
            empty=not captures,
        )
    ]
