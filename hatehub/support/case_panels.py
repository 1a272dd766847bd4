"""The case page's "Support" section: each reporter's consent, the 2-working-day deadline,
their referrals and the services suggested for their strand and area."""

from hatehub.audit.services import Action, record
from hatehub.core.extensions import Panel

from . import selectors


def panels(request, case) -> list[Panel]:
    if not selectors.makes_referrals(request.user, case):
        return []
    entries, others = selectors.victims(case)
    today = selectors.today()
    for entry in entries:
        for referral in entry.referrals:
            referral.overdue = selectors.is_overdue(referral, today)
    record(
        Action.VIEW,
        "case_victims",
        case.reference,
        summary=f"Support referrals and consent viewed on case {case.reference}",
        details={
            "reports": [entry.report.reference for entry in entries],
            "referrals": [r.pk for entry in entries for r in entry.referrals],
        },
    )
    return [
        Panel(
            template="support/_case_panel.html",
            context={
                "case": case,
                "entries": entries,
                "others": others,
                "more": len(entries) == selectors.VICTIMS_SHOWN,
                "any_eligible": any(entry.refusal is None for entry in entries),
            },
            order=60,
            title="Support",
            empty=not entries,
        )
    ]
