"""Changes to cases: opening, joining, and the allocation round trip (the hub offers a case to
a force; the force accepts it, returns it or asks for a transfer) and its crimes' outcomes.

Every change is one transaction with its timeline event and audit entry. A change that is not
allowed raises `AllocationRefused` or `OutcomeRefused`, saying why, and changes nothing.
"""

import uuid
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from typing import cast

from django.db import transaction
from django.utils import timezone

from hatehub.accounts import roles
from hatehub.audit.context import Actor, current_actor, reset_actor, set_actor
from hatehub.audit.services import Action, record
from hatehub.jurisdiction.models import Force
from hatehub.reports.models import Report

from . import outcomes, selectors, signals
from .models import Allocation, Case, CaseEvent, CrimeOutcome, OutcomeCode, Urgency


class AllocationRefused(ValueError):
    """The allocation step asked for cannot be taken; the message says why, for the officer."""


class OutcomeRefused(ValueError):
    """The outcome breaks the recording rules; `problems` name the fields and say why."""

    def __init__(self, problems: tuple[outcomes.Problem, ...]):
        self.problems = problems
        super().__init__("; ".join(problem.message for problem in problems))


def add_event(
    case: Case,
    kind: str,
    summary: str,
    *,
    details: dict | None = None,
    visible_to_complainant: bool = False,
) -> CaseEvent:
    event = unsaved_event(case, kind, summary, details=details)
    event.visible_to_complainant = visible_to_complainant
    event.save()
    return event


def unsaved_event(case: Case, kind: str, summary: str, *, details: dict | None = None) -> CaseEvent:
    """A timeline entry by whoever is acting now, not yet written: `add_event` writes one,
    `add_events` many in one statement (a batch of reports joining their cases)."""
    actor = current_actor()
    return CaseEvent(
        case=case,
        at=timezone.now(),
        kind=kind,
        actor=actor.user if getattr(actor.user, "pk", None) else None,
        actor_label=actor.label,
        summary=summary[:500],
        details=details or {},
    )


def add_events(events: list[CaseEvent]) -> list[CaseEvent]:
    """Write `unsaved_event`s in one statement."""
    return CaseEvent.objects.bulk_create(events)


def open_case(*, urgency: int, urgency_reason: str) -> Case:
    """Open one case, by the current actor (`open_cases` for one)."""
    opening = Opening(urgency=urgency, urgency_reason=urgency_reason, actor=current_actor())
    return open_cases([opening])[0]


@dataclass
class Opening:
    """A case a batch of reports opens (`open_cases`): its first report's urgency, and the
    raises of its later reports in the same batch, each by its sender."""

    urgency: int
    urgency_reason: str
    actor: Actor
    opened_at: datetime = field(default_factory=timezone.now)
    raises: list[tuple[int, str, Actor]] = field(default_factory=list)

    @property
    def current(self) -> tuple[int, str]:
        """The urgency and its reason after the raises so far."""
        return self.raises[-1][:2] if self.raises else (self.urgency, self.urgency_reason)

    def raise_urgency(self, urgency: int, reason: str, actor: Actor) -> None:
        """Another report of the batch joined: a more urgent one raises the urgency, as
        `join_case` raises an existing case's."""
        if urgency < self.current[0]:
            self.raises.append((urgency, reason, actor))


@transaction.atomic
def open_cases(openings: list[Opening]) -> list[Case]:
    """`open_case` for each opening, in one insert of the cases, one update of their
    references and one insert of their timeline entries (a surge's batch opens a case for each
    new post it holds). The audit entries are as `open_case` writes them, each by its sender."""
    if not openings:
        return []
    cases = Case.objects.bulk_create(
        Case(
            opened_at=opening.opened_at,
            urgency=opening.current[0],
            urgency_reason=opening.current[1],
            # Unique until the id it is made of is known, just below.
            reference=f"new-{uuid.uuid4().hex[:16]}",
        )
        for opening in openings
    )
    for case in cases:
        case.reference = f"OHH-{case.opened_at.year}-{case.pk:06d}"
    Case.objects.bulk_update(cases, ["reference"])
    events = []
    for case, opening in zip(cases, openings, strict=True):
        token = set_actor(opening.actor)
        try:
            events.append(
                unsaved_event(
                    case,
                    CaseEvent.Kind.OPENED,
                    f"Case opened. Urgency: {Urgency(opening.urgency).label}. "
                    f"{opening.urgency_reason}",
                )
            )
            record(Action.CREATE, "case", case.reference, summary=f"Case {case.reference} opened")
        finally:
            reset_actor(token)
        for urgency, reason, actor in opening.raises:
            token = set_actor(actor)
            try:
                events.append(
                    unsaved_event(
                        case,
                        CaseEvent.Kind.STATUS_CHANGED,
                        f"Urgency raised to {Urgency(urgency).label} by a new report. {reason}",
                    )
                )
            finally:
                reset_actor(token)
    add_events(events)
    return cases


@transaction.atomic
def join_case(case_id: int, *, urgency: int, urgency_reason: str) -> Case:
    """A new report of content the hub already has joins its case; a more urgent report raises
    the case's urgency (never lowers it)."""
    case = Case.objects.select_for_update().get(pk=case_id)
    if urgency < case.urgency:
        case.urgency, case.urgency_reason = urgency, urgency_reason
        case.save(update_fields=["urgency", "urgency_reason", "updated_at"])
        add_event(
            case,
            CaseEvent.Kind.STATUS_CHANGED,
            f"Urgency raised to {case.get_urgency_display()} by a new report. {urgency_reason}",
        )
    return case


@transaction.atomic
def set_urgency(case: Case, *, urgency: int, reason: str) -> Case:
    """The case's urgency as its latest assessment (or the officer's decision) sets it: it may
    raise or lower what intake first set, so the queue shows the case as urgent as its THRIVE
    grade (a grade 2 "attend within 60 minutes" case is never left as Routine). The change goes
    on the timeline and in the audit log; an unchanged urgency and reason change nothing."""
    case = Case.objects.select_for_update(of=("self",)).get(pk=case.pk)
    reason = reason[:300]
    if (case.urgency, case.urgency_reason) == (urgency, reason):
        return case
    before = case.get_urgency_display()
    case.urgency, case.urgency_reason = urgency, reason
    case.save(update_fields=["urgency", "urgency_reason", "updated_at"])
    add_event(
        case,
        CaseEvent.Kind.STATUS_CHANGED,
        f"Urgency {before} -> {case.get_urgency_display()}. {reason}",
        details={"urgency": urgency},
    )
    record(
        Action.CHANGE,
        "case",
        case.reference,
        summary=f"Case {case.reference} urgency set to {case.get_urgency_display()}",
        details={"urgency": urgency, "reason": reason},
    )
    return case


def raise_content_signal(case: Case, signal: float | None) -> None:
    """The case keeps the strongest content signal of its reports' words (it orders a surge's
    queue); a weaker one changes nothing."""
    if signal is not None and signal > case.content_signal:
        case.content_signal = signal
        case.save(update_fields=["content_signal", "updated_at"])


def raise_content_signals(signals: dict[int, float]) -> None:
    """`raise_content_signal` for many cases, by id, without reading them: each case keeps the
    stronger of its signal and the one given, even if another worker raised it meanwhile. In id
    order, so two runs of it cannot wait for each other round a cycle."""
    now = timezone.now()
    for case_id in sorted(signals):
        Case.objects.filter(pk=case_id, content_signal__lt=signals[case_id]).update(
            content_signal=signals[case_id], updated_at=now
        )


def mark_merged(absorbed: Case, *, into: Case) -> None:
    """What a merge does to the two cases themselves (the caller has locked both, moved the
    reports and writes the timeline and audit entries): the survivor keeps the more urgent of
    the two urgencies, and the absorbed case is marked merged into it."""
    if absorbed.urgency < into.urgency:
        into.urgency, into.urgency_reason = absorbed.urgency, absorbed.urgency_reason
        into.save(update_fields=["urgency", "urgency_reason", "updated_at"])
    absorbed.status, absorbed.merged_into = Case.Status.MERGED, into
    absorbed.save(update_fields=["status", "merged_into", "updated_at"])


def unmark_merged(absorbed: Case, *, status: str, survivor: Case, urgency: int, reason: str):
    """An undone merge: the absorbed case gets back the status it had, and the survivor the
    urgency it had before the merge (the caller has locked both)."""
    absorbed.status, absorbed.merged_into = status, None
    absorbed.save(update_fields=["status", "merged_into", "updated_at"])
    survivor.urgency, survivor.urgency_reason = urgency, reason
    survivor.save(update_fields=["urgency", "urgency_reason", "updated_at"])


# Allocation ----------------------------------------------------------------------------------


def _acting_user(by):
    if by is not None:
        return by
    user = current_actor().user
    return user if getattr(user, "pk", None) else None


def _locked(case: Case) -> Case:
    return (
        Case.objects.select_for_update(of=("self",))
        .select_related("allocated_force")
        .get(pk=case.pk)
    )


def _refuse_if_finished(case: Case) -> None:
    if case.status == Case.Status.MERGED:
        merged_into = case.merged_into.reference if case.merged_into else "another case"
        raise AllocationRefused(f"Case {case.reference} was merged into {merged_into}")
    if case.status == Case.Status.CLOSED:
        raise AllocationRefused(f"Case {case.reference} is closed")


@transaction.atomic
def allocate(case: Case, *, force, reason: str, by=None) -> Case:
    """Offer the case to a local force, with the reason on the timeline and in the log. The hub
    keeps the case, and its victim-care duties, until the force accepts. An offer still waiting
    for an answer is withdrawn; a case a force has accepted is that force's and is not
    re-allocated here."""
    by = _acting_user(by)
    case = _locked(case)
    _refuse_if_finished(case)
    if case.force_accepted_at is not None:
        accepted_by = cast(Force, case.allocated_force)  # only an allocated case is accepted
        raise AllocationRefused(
            f"{accepted_by.name} accepted this case on "
            f"{timezone.localtime(case.force_accepted_at):%d/%m/%Y}: it is theirs now"
        )
    now = timezone.now()
    withdrawn = selectors.open_offer(case, lock=True)
    if withdrawn is not None:
        if withdrawn.force_id == force.pk:
            raise AllocationRefused(
                f"Case {case.reference} is already offered to {force.name} and awaiting "
                "their acceptance"
            )
        withdrawn.state = Allocation.State.WITHDRAWN
        withdrawn.responded_by, withdrawn.responded_at = by, now
        withdrawn.response_reason = f"Re-allocated to {force.name}"
        withdrawn.save(update_fields=["state", "responded_by", "responded_at", "response_reason"])
    previous = selectors.last_allocation(case)
    allocation = Allocation.objects.create(
        case=case, force=force, reason=reason, offered_by=by, offered_at=now
    )
    case.allocated_force, case.force_accepted_at = force, None
    case.status = Case.Status.ALLOCATED
    case.save(update_fields=["allocated_force", "force_accepted_at", "status", "updated_at"])

    summary = f"Allocated to {force.name}. Reason: {reason}"
    if withdrawn is not None:
        summary = (
            f"Allocated to {force.name} (offer to {withdrawn.force.name} withdrawn). "
            f"Reason: {reason}"
        )
    details = {
        "allocation": allocation.pk,
        "force": force.ons_code,
        "previous_force": previous.force.ons_code if previous else None,
        "previous_state": previous.state if previous else None,
        "withdrawn_offer": withdrawn.pk if withdrawn else None,
    }
    add_event(case, CaseEvent.Kind.ALLOCATED, summary, details=details)
    record(
        Action.CHANGE,
        "case",
        case.reference,
        summary=f"Case {case.reference} allocated to {force.name}",
        details={**details, "reason": reason},
    )
    return case


@transaction.atomic
def assign_to_me(case: Case, *, officer) -> Case:
    """The officer takes the case: they are its assigned officer from now on (replacing anyone
    assigned before), on the timeline and in the log. Only someone who may see the case and
    works cases can take it; a merged or closed case is not assigned."""
    if not roles.works_cases(officer) or not (
        selectors.visible_cases(officer).filter(pk=case.pk).exists()
    ):
        raise AllocationRefused(f"You cannot work on case {case.reference}")
    case = _locked(case)
    _refuse_if_finished(case)
    if case.assigned_officer_id == officer.pk:
        raise AllocationRefused(f"Case {case.reference} is already assigned to you")
    previous = case.assigned_officer
    name = officer.get_full_name() or officer.username
    case.assigned_officer, case.assigned_at = officer, timezone.now()
    case.save(update_fields=["assigned_officer", "assigned_at", "updated_at"])
    summary = f"Assigned to {name}"
    if previous is not None:
        summary += f" (was {previous.get_full_name() or previous.username})"
    details = {"officer": officer.pk, "previous_officer": previous.pk if previous else None}
    add_event(case, CaseEvent.Kind.ASSIGNED, summary, details=details)
    record(
        Action.CHANGE,
        "case",
        case.reference,
        summary=f"Case {case.reference}: {summary.lower()}",
        details=details,
    )
    return case


@transaction.atomic
def withdraw_offer(case: Case, *, by, reason: str) -> Allocation | None:
    """Take back an offer still waiting for a force's answer (e.g. the case was merged into
    another): the force stops seeing the case, and the hub keeps it."""
    by = _acting_user(by)
    case = _locked(case)
    offer = selectors.open_offer(case, lock=True)
    if offer is None:
        return None
    offer.state = Allocation.State.WITHDRAWN
    offer.responded_by, offer.responded_at = by, timezone.now()
    offer.response_reason = reason[:300]
    offer.save(update_fields=["state", "responded_by", "responded_at", "response_reason"])
    _back_to_hub(case)
    add_event(
        case,
        CaseEvent.Kind.ALLOCATED,
        f"Offer to {offer.force.name} withdrawn: {reason}",
        details={"withdrawn_offer": offer.pk},
    )
    record(
        Action.CHANGE,
        "case",
        case.reference,
        summary=f"Offer of case {case.reference} to {offer.force.name} withdrawn",
        details={"reason": reason},
    )
    return offer


def _offer_to_answer(case: Case, *, by, offer_id: int | None) -> Allocation:
    """The open offer `by` is answering: it must be to their force, still open, and the one they
    saw (`offer_id`), so an answer to an offer the hub has since withdrawn changes nothing."""
    _refuse_if_finished(case)
    if not roles.works_for_force(by, case.allocated_force_id):
        raise AllocationRefused(f"Case {case.reference} is not allocated to your force")
    offer = selectors.open_offer(case, lock=True)
    if offer is None:
        raise AllocationRefused(
            f"Your force has already accepted case {case.reference}"
            if case.force_accepted_at
            else f"Case {case.reference} has no offer waiting for an answer"
        )
    if offer.pk != offer_id:
        raise AllocationRefused(
            "The allocation has changed since you opened the case: check it and try again"
        )
    return offer


def _answer(offer: Allocation, state: str, *, by, reason: str = "", transfer_to=None) -> None:
    offer.state = state
    offer.responded_by, offer.responded_at = by, timezone.now()
    offer.response_reason, offer.transfer_to = reason, transfer_to
    offer.save(
        update_fields=["state", "responded_by", "responded_at", "response_reason", "transfer_to"]
    )


@transaction.atomic
def accept(case: Case, *, by, offer_id: int | None) -> Case:
    """The force takes the case on: from now it owns the case and its victim care."""
    case = _locked(case)
    offer = _offer_to_answer(case, by=by, offer_id=offer_id)
    _answer(offer, Allocation.State.ACCEPTED, by=by)
    case.force_accepted_at = offer.responded_at
    case.save(update_fields=["force_accepted_at", "updated_at"])
    force = offer.force.name
    waited = (cast(datetime, offer.responded_at) - offer.offered_at).days  # just answered
    add_event(
        case,
        CaseEvent.Kind.ACCEPTED,
        f"Accepted by {force}, {waited} day(s) after allocation. {force} now owns the case "
        "and its victim care.",
        details={"allocation": offer.pk, "force": offer.force.ons_code},
    )
    record(
        Action.CHANGE,
        "case",
        case.reference,
        summary=f"Case {case.reference} accepted by {force}",
        details={"allocation": offer.pk, "force": offer.force.ons_code},
    )
    transferred = case.allocations.filter(state=Allocation.State.TRANSFER_REQUESTED).exists()
    # Victims' Code: tell the complainants which force has their case
    signals.victims_code_event.send(
        sender=Case,
        case=case,
        event="transferred_to_force" if transferred else "allocated_to_force",
        at=offer.responded_at,
        details={"force": offer.force.ons_code, "allocation": offer.pk},
        by=by,
    )
    return case


# How far along a case is, in the order of Case.Status: a status change never moves a case back
# (a later allocation or outcome does, through its own function).
STATUS_ORDER = tuple(Case.Status.values)


@transaction.atomic
def mark_referred(case: Case, *, by=None, referral: str) -> Case:
    """Content of the case has been sent to the platform that hosts it (``referral`` names the
    referral, e.g. "takedown referral TR-2026-000001 to X (Twitter)"): the case becomes
    Referred, with a timeline entry and an audit entry, which Track my report and volunteers
    read. A case already Referred, or further along (closed, merged), is left as it is."""
    by = _acting_user(by)
    case = _locked(case)
    if STATUS_ORDER.index(case.status) >= STATUS_ORDER.index(Case.Status.REFERRED):
        return case
    previous = case.status
    case.status = Case.Status.REFERRED
    case.save(update_fields=["status", "updated_at"])
    details = {"from": previous, "to": case.status, "referral": referral}
    add_event(
        case,
        CaseEvent.Kind.STATUS_CHANGED,
        f"Status: referred to platform ({referral})",
        details=details,
    )
    record(
        Action.CHANGE,
        "case",
        case.reference,
        summary=f"Case {case.reference} referred to platform ({referral})",
        details={**details, "by": getattr(by, "username", "") if by else ""},
    )
    return case


def _back_to_hub(case: Case) -> None:
    case.allocated_force, case.force_accepted_at = None, None
    case.status = Case.Status.IN_ASSESSMENT
    case.save(update_fields=["allocated_force", "force_accepted_at", "status", "updated_at"])


def _reason_given(reason: str, doing: str) -> str:
    reason = reason.strip()
    if not reason:
        raise AllocationRefused(f"Enter the reason for {doing}")
    return reason


@transaction.atomic
def return_to_hub(case: Case, *, by, offer_id: int | None, reason: str) -> Case:
    """The force declines the case, with its reason; the hub has it back to allocate again, and
    the force no longer sees it."""
    reason = _reason_given(reason, "returning the case")
    case = _locked(case)
    offer = _offer_to_answer(case, by=by, offer_id=offer_id)
    _answer(offer, Allocation.State.RETURNED, by=by, reason=reason)
    _back_to_hub(case)
    force = offer.force.name
    details = {"allocation": offer.pk, "force": offer.force.ons_code}
    add_event(
        case,
        CaseEvent.Kind.RETURNED,
        f"Returned to the hub by {force}. Reason: {reason}",
        details=details,
    )
    record(
        Action.CHANGE,
        "case",
        case.reference,
        summary=f"Case {case.reference} returned to the hub by {force}",
        details={**details, "reason": reason},
    )
    return case


@transaction.atomic
def request_transfer(case: Case, *, by, offer_id: int | None, to_force, reason: str) -> Case:
    """The force asks for the case to go to another force instead. The case goes back to the
    hub, which decides (a supervisor re-allocates it); the asking force no longer sees it."""
    reason = _reason_given(reason, "asking for a transfer")
    case = _locked(case)
    offer = _offer_to_answer(case, by=by, offer_id=offer_id)
    if to_force is None or to_force.pk == offer.force_id:
        raise AllocationRefused("Choose a force other than your own")
    _answer(offer, Allocation.State.TRANSFER_REQUESTED, by=by, reason=reason, transfer_to=to_force)
    _back_to_hub(case)
    force = offer.force.name
    details = {
        "allocation": offer.pk,
        "force": offer.force.ons_code,
        "transfer_to": to_force.ons_code,
    }
    add_event(
        case,
        CaseEvent.Kind.TRANSFER_REQUESTED,
        f"{force} asked for the case to be transferred to {to_force.name} and returned it to "
        f"the hub to decide. Reason: {reason}",
        details=details,
    )
    record(
        Action.CHANGE,
        "case",
        case.reference,
        summary=f"Case {case.reference}: {force} asked for a transfer to {to_force.name}",
        details={**details, "reason": reason},
    )
    return case


# Outcomes ------------------------------------------------------------------------------------


_NATION_OF_COUNTRY = {"england": "england_wales", "wales": "england_wales",
                      "scotland": "scotland", "northern ireland": "northern_ireland"}  # fmt: skip


def outcome_nation(case: Case) -> str:
    """The nation whose outcome scheme applies: the owning force's (issue 15 s3)."""
    force = case.allocated_force
    country = (force.country or "").strip().lower() if force else ""
    return _NATION_OF_COUNTRY.get(country, "england_wales")


# The offences and their time limits are the assessment's legal rules (hatehub.assessment.rules).
# Assessment builds on cases, so it hands them over when it is ready (AssessmentConfig.ready).
_offences: Callable[[], Iterable] = tuple


def use_offences(offences: Callable[[], Iterable]) -> None:
    global _offences
    _offences = offences


def time_limits(case: Case, report: Report) -> list[outcomes.TimeLimitDue]:
    """The time limits of the case's summary-only offences (the officer's decided offences, else
    the latest recommendation's), counted from the conduct date (the assessment's answer, else
    the date the report gives, else the day it was sent). Shown before outcome 17."""
    assessment = case.assessments.order_by("-number").first()
    if assessment is None:
        return []
    if assessment.decided_at:
        offence_ids = list(assessment.decided_offences or [])
    else:
        offence_ids = [o["id"] for o in (assessment.recommendation or {}).get("offences", [])]
    conduct = (assessment.answers or {}).get("conduct_date")
    conduct_day = (
        date.fromisoformat(conduct)
        if conduct
        else report.occurred_on or timezone.localdate(report.submitted_at)
    )
    catalogue = {offence.id: offence for offence in _offences()}
    due = []
    for offence_id in offence_ids:
        offence = catalogue.get(offence_id)
        if offence is None or offence.time_limit is None:
            continue
        due.append(outcomes.TimeLimitDue(
            f"{offence.act} {offence.section}", offence.time_limit.text,
            offence.time_limit.expires_on(conduct_day), offence.time_limit.source,
        ))  # fmt: skip
    return due


def _recorded_outcome(crime: Report) -> CrimeOutcome | None:
    """The outcome `selectors.crime_reports` attached to the crime (None: outcome 0, pending)."""
    return getattr(crime, "recorded_outcome", None)


@transaction.atomic
def record_outcome(
    case: Case,
    report: Report,
    *,
    by,
    outcome: outcomes.ProposedOutcome,
    warnings_confirmed: bool = False,
    today: date | None = None,
) -> CrimeOutcome:
    """Record the Home Office outcome of one victim's crime. Only the force that accepted the
    case records outcomes; the rules are `outcomes.check`. When every crime of the case has an
    outcome, the case closes."""
    case = _locked(case)
    _refuse_if_finished(case)
    force = case.allocated_force
    if not (case.force_accepted_at and force and roles.works_for_force(by, force.pk)):
        raise AllocationRefused("Only the force that has accepted the case records its outcomes")
    crimes = selectors.crime_reports(case)
    if report.pk not in {crime.pk for crime in crimes}:
        raise AllocationRefused(f"Report {report.reference} is not a crime in this case")
    report = next(crime for crime in crimes if crime.pk == report.pk)
    existing = _recorded_outcome(report)
    if existing is not None:
        raise AllocationRefused(
            f"The crime in report {report.reference} already has outcome {existing.code}"
        )
    today = today or timezone.localdate()
    result = outcomes.check(
        outcome,
        reported_on=timezone.localdate(report.submitted_at),
        today=today,
        nation=outcome_nation(case),
        time_limits=time_limits(case, report),
    )
    if not result.acceptable(warnings_confirmed=warnings_confirmed):
        unconfirmed = () if warnings_confirmed else result.warnings
        raise OutcomeRefused(result.errors + unconfirmed)

    crime_outcome = CrimeOutcome.objects.create(
        report=report,
        force=force,
        code=outcome.code,
        outcome_date=outcome.outcome_date,
        suspect_identified=outcome.suspect_identified,
        suspect_name=outcome.suspect_name.strip(),
        rationale=outcome.rationale.strip(),
        victim_informed=outcome.victim_informed,
        warning_confirmed=bool(result.warnings) and warnings_confirmed,
        recorded_by=by,
        recorded_at=timezone.now(),
    )
    label = OutcomeCode(outcome.code).label
    details = {
        "report": report.reference,
        "code": outcome.code,
        "outcome_date": outcome.outcome_date.isoformat(),
        "suspect_identified": outcome.suspect_identified,
        "suspect_named": bool(crime_outcome.suspect_name),
        "victim_informed": outcome.victim_informed,
        "warnings_confirmed": [w.message for w in result.warnings] if warnings_confirmed else [],
    }
    add_event(
        case,
        CaseEvent.Kind.OUTCOME_RECORDED,
        f"Outcome {outcome.code} ({label}) recorded by {force.name} for the "
        f"crime in report {report.reference}, dated {outcome.outcome_date:%d/%m/%Y}",
        details=details,
    )
    record(
        Action.CHANGE,
        "case",
        case.reference,
        summary=f"Outcome {outcome.code} recorded for report {report.reference}",
        details={**details, "rationale": crime_outcome.rationale},
    )
    signals.victims_code_event.send(  # Victims' Code: tell this crime's victim the outcome
        sender=Case,
        case=case,
        event="outcome",
        at=crime_outcome.recorded_at,
        details={"code": outcome.code, "report": report.reference},
        reports=[report],
        by=by,
    )
    codes = [
        outcome.code if crime.pk == report.pk else getattr(_recorded_outcome(crime), "code", 0)
        for crime in crimes
    ]
    if outcomes.all_final(codes):
        _close(case, crimes=len(crimes))
    return crime_outcome


def _close(case: Case, *, crimes: int) -> None:
    case.status = Case.Status.CLOSED
    case.save(update_fields=["status", "updated_at"])
    add_event(
        case,
        CaseEvent.Kind.CLOSED,
        f"Case closed: every victim's crime ({crimes}) has an outcome",
        details={"crimes": crimes},
    )
    record(
        Action.CHANGE,
        "case",
        case.reference,
        summary=f"Case {case.reference} closed: every crime has an outcome",
        details={"crimes": crimes},
    )
