"""Cases taken through the real services: allocated, accepted, decided, with outcomes."""

import datetime as dt

from django.utils import timezone

from hatehub.cases import services as cases
from hatehub.cases.outcomes import ProposedOutcome
from hatehub.victims.models import VictimUpdateDue


def accepted(report, users, force):
    """Allocate the report's case to `force` (Merseyside user answers) and accept it."""
    case = cases.allocate(
        report.case, force=force, reason="[SYNTHETIC] test", by=users["hub_supervisor"]
    )
    offer = case.allocations.get(state="offered")
    return cases.accept(case, by=users["force_user"], offer_id=offer.pk)


def outcome(report, users, *, code=18, identified=False, **extra):
    case = report.case
    case.refresh_from_db()
    return cases.record_outcome(
        case,
        report,
        by=users["force_user"],
        outcome=ProposedOutcome(
            code=code,
            outcome_date=timezone.localdate(),
            suspect_identified=identified,
            **extra,
        ),
        warnings_confirmed=True,
    )


def clock(report, event) -> VictimUpdateDue:
    return VictimUpdateDue.objects.get(report=report, event=event)


def days_ago(n: int) -> dt.datetime:
    return timezone.now() - dt.timedelta(days=n)
