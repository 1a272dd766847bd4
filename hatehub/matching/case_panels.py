"""The case page's campaign line: the case is one post of a copy-paste campaign (the same words
posted by several accounts), with links to the other posts' cases the user may see."""

from hatehub.audit.services import Action, record
from hatehub.cases.selectors import visible_cases
from hatehub.core.extensions import Panel

from . import selectors


def panels(request, case) -> list[Panel]:
    user = request.user
    if not visible_cases(user).filter(pk=case.pk).exists():
        return []
    campaign = selectors.campaign_of(case, user)
    if campaign is None:
        return []
    record(
        Action.VIEW,
        "campaign_group",
        case.reference,
        summary=f"Campaign group {campaign.group.label} shown on case {case.reference}",
        details={
            "group": campaign.group.label,
            "posts": campaign.posts,
            "cases_shown": [other.reference for other in campaign.others],
        },
    )
    return [
        Panel(template="matching/_campaign_panel.html", context={"campaign": campaign}, order=15)
    ]
