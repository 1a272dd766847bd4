"""The Victims' Code clocks: the nation and rights that set a deadline, ``record_event(case,
event, ...)`` (a clock per complainant who can be contacted, once per report, event and moment)
and ``mark_update_sent`` (the duty met, also for an update given by phone)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from hatehub.audit.services import Action, record
from hatehub.reports.models import Report

from .. import conf
from ..calendar import Nation
from ..clocks import RULES, deadline
from ..models import (
    VictimMessage,
    VictimUpdateDue,
)
from .recipients import VICTIM_ROLES, can_be_contacted

_COUNTRY_NATIONS = {
    "england": Nation.ENGLAND_AND_WALES,
    "wales": Nation.ENGLAND_AND_WALES,
    "scotland": Nation.SCOTLAND,
    "northern ireland": Nation.NORTHERN_IRELAND,
}


def nation_for(case) -> Nation:
    """The working days that count: the owning force's nation once a force has accepted the
    case, the hub's before that (the hub keeps victim care until then)."""
    force = case.allocated_force if case.force_accepted_at else None
    if force is not None:
        nation = _COUNTRY_NATIONS.get((force.country or "").strip().lower())
        if nation is not None:
            return nation
    return conf.hub_nation()


def has_enhanced_rights(report: Report, assessment=None) -> bool:
    """Hate crime victims have enhanced rights by default (configurable); witnesses and
    organisations reporting are not victims, so standard timings apply to them. The case's
    latest assessment adds them where its nation's victims' rights give them (persistently
    targeted, vulnerable or intimidated victims, every under-18: issue 15 s4), even with the
    default switched off."""
    if report.reporter_role not in VICTIM_ROLES:
        return False
    if conf.enhanced_by_default():
        return True
    return bool(assessment is not None and assessment.recommendation.get("enhanced_rights"))


# The victims' rights scheme of each nation (issue 15 s3) and where its update period comes
# from. Only the Victims' Code (England and Wales) publishes the periods the clocks use; for
# Scotland and Northern Ireland the hub's standard (the Victims' Code periods) is used, and the
# clock says so.
SCHEMES = {
    "england_wales": "Victims' Code (England and Wales)",
    "scotland": (
        "Scotland: Victims and Witnesses (Scotland) Act 2014 and the Standards of Service "
        "publish no update period (and there is no police Victims' Right to Review), so the "
        "hub's standard period is used"
    ),
    "northern_ireland": (
        "Northern Ireland: the Victim Charter (Justice Act (NI) 2015) period is not held by the "
        "hub, so the hub's standard period is used"
    ),
}
_RIGHTS_ENTRIES = ("victims_code.", "victims_scotland.", "victim_charter_ni.")


def latest_assessment(case):
    return case.assessments.order_by("-number").first() if case.pk else None


def rights_scheme(assessment) -> str:
    """What the clock says of the victims' rights applied: the scheme of the case's nation
    (from its latest assessment) and the rights entries that assessment found, e.g.
    "Victims' Code (England and Wales); Vulnerable or intimidated victim ...". Empty before
    an assessment, or when the nation was only assumed."""
    if assessment is None:
        return ""
    rec = assessment.recommendation or {}
    nation = rec.get("nation") or {}
    if not nation.get("id") or nation.get("assumed"):
        return ""
    parts = [SCHEMES.get(nation["id"], "")]
    enhanced = [
        fired["text"].split(":")[0]
        for fired in rec.get("rules_fired", [])
        if fired.get("id", "").startswith(_RIGHTS_ENTRIES)
        and fired.get("id", "").split(".")[-1] not in ("standard", "standards")
    ]
    if enhanced:
        parts.append("enhanced rights: " + "; ".join(enhanced))
    return "; ".join(p for p in parts if p) + "."


def record_event(
    case,
    event: str,
    *,
    at: dt.datetime | None = None,
    details: dict | None = None,
    reports: Iterable[Report] | None = None,
    by=None,
) -> list[VictimUpdateDue]:
    """Start the Victims' Code clock for ``event`` for each complainant on ``case`` who can be
    contacted (or only for ``reports``). Anonymous reporters are never contacted, so no clock
    starts for them; a support referral's clock starts only for those who did not object.
    Idempotent per (case, event, at): calling again returns the clocks already started.
    ``by`` is the officer whose decision it was; the dashboard groups updates by them."""
    if event not in RULES:
        raise ValueError(f"Unknown event {event!r}; known events: {', '.join(RULES)}")
    at = at or timezone.now()
    details = dict(details or {})
    chosen = (
        list(reports) if reports is not None else list(case.reports.select_related("complainant"))
    )
    nation = nation_for(case)
    closures = conf.extra_closures()
    officer = by if getattr(by, "is_authenticated", False) else None
    assessment = latest_assessment(case)
    scheme = rights_scheme(assessment)
    clocks: list[VictimUpdateDue] = []
    for report in chosen:
        if not can_be_contacted(report):
            continue
        person = report.complainant
        if event == "support_referral" and not person.support_referral_consent:
            continue  # the victim objected (or did not ask): no referral, no clock
        enhanced = has_enhanced_rights(report, assessment)
        due = deadline(event, at, nation, enhanced=enhanced, extra_closures=closures)
        clock, created = VictimUpdateDue.objects.get_or_create(
            report=report,
            event=event,
            event_at=at,
            defaults={
                "case": case,
                "nation": nation.value,
                "enhanced": enhanced,
                "working_days": due.working_days,
                "due": due.due,
                "rule": f"{due.rule} {scheme}".strip()[:500],
                "details": details,
                "officer": officer,
                "created_at": timezone.now(),
            },
        )
        clocks.append(clock)
        if created:  # shown on the case page's Victims' Code panel, not the timeline
            record(
                Action.CREATE,
                "victim_update_due",
                clock.pk,
                summary=f"Victims' Code clock started: {event} for report {report.reference}, "
                f"due {due.due:%d/%m/%Y}",
                details={"case": case.reference, "event": event, "due": due.due.isoformat()},
            )
    return clocks


@transaction.atomic
def mark_update_sent(
    update: VictimUpdateDue,
    *,
    by=None,
    how: str,
    message: VictimMessage | None = None,
    at: dt.datetime | None = None,
) -> VictimUpdateDue:
    """The duty is met: the update went out (``message``) or was given another way (``how``,
    e.g. "Phoned, 10:20"). Meeting it twice changes nothing."""
    update = VictimUpdateDue.objects.select_for_update().get(pk=update.pk)
    if update.status == VictimUpdateDue.Status.DONE:
        return update
    update.status = VictimUpdateDue.Status.DONE
    update.completed_at = at or timezone.now()
    update.completed_by = by if getattr(by, "is_authenticated", False) else None
    update.completed_how = how[:200]
    update.delivery_failed = False
    update.save(
        update_fields=["status", "completed_at", "completed_by", "completed_how", "delivery_failed"]
    )
    on_time = timezone.localdate(update.completed_at) <= update.due
    record(
        Action.CHANGE,
        "victim_update_due",
        update.pk,
        summary=f"Victims' Code update {update.event} for report {update.report.reference} "
        f"given ({'on time' if on_time else 'late'})",
        details={"how": how[:200], "message": message.pk if message else None, "on_time": on_time},
    )
    return update
