"""Writes for Right to Review requests; every change is audited.

Timings (DOMAIN.md s8, `hatehub.victims.clocks`): request within 3 calendar months of the
decision; acknowledge within 10 working days and decide within 30 working days of receiving the
request, counted in the working days of the nation of the force that has the case (England and
Wales when none has it yet).
"""

import datetime as dt

from django.db import transaction
from django.utils import timezone

from hatehub.audit.context import Actor, current_actor
from hatehub.audit.models import AuditEvent
from hatehub.audit.services import record
from hatehub.support.nations import extra_closures, nation_for_case
from hatehub.victims.clocks import deadline

from . import eligibility, selectors
from .models import ReviewRequest

Action = AuditEvent.Action
OBJECT = "right_to_review"


def _as(by):
    """The acting user for the audit entry: the request's actor (with its address) when there
    is one, else `by` (a service called from a command or a test), else the system."""
    if current_actor().user is None and getattr(by, "pk", None):
        return {"actor": Actor(label=by.get_username(), user=by)}
    return {}


class ReviewRefused(Exception):
    """The change cannot be made (nothing was changed). `field` names the form field at fault."""

    def __init__(self, message: str, field: str | None = None):
        super().__init__(message)
        self.field = field


def _not_future(day: dt.date, what: str, field: str) -> None:
    if day > selectors.today():
        raise ReviewRefused(f"{what} cannot be in the future", field)


@transaction.atomic
def record_request(
    case,
    report,
    *,
    decision_kind: str,
    decision_date: dt.date,
    suspect_interviewed: bool,
    decision_maker=None,
    decision_maker_name: str = "",
    received_on: dt.date,
    channel: str,
    grounds: str,
    by,
) -> ReviewRequest:
    """Record a victim's request for a review of a decision on their crime. Whether the
    scheme applies and whether it is in time are decided here and kept with the reason; an
    eligible request starts its acknowledgement and decision clocks."""
    if report.case_id != case.pk:
        raise ReviewRefused("That report is not part of this case", "report")
    if decision_maker is None and not decision_maker_name.strip():
        raise ReviewRefused("Choose or name who made the original decision", "decision_maker")
    _not_future(decision_date, "The date of the decision", "decision_date")
    _not_future(received_on, "The date the request was received", "received_on")
    if received_on < decision_date:
        raise ReviewRefused(
            "The request cannot be received before the decision was made", "received_on"
        )
    nation = nation_for_case(case)
    checked = eligibility.check(
        decision_kind, suspect_interviewed, decision_date, received_on, nation.value
    )
    ack_due = decision_due = None
    status = {
        eligibility.Eligibility.OUT_OF_TIME: ReviewRequest.Status.OUT_OF_TIME,
        eligibility.Eligibility.NOT_APPLICABLE: ReviewRequest.Status.NOT_APPLICABLE,
    }.get(checked.result, ReviewRequest.Status.RECEIVED)
    if checked.result == eligibility.Eligibility.ELIGIBLE:
        closures = extra_closures()
        ack_due = deadline(
            "right_to_review_acknowledge",
            received_on,
            nation,
            enhanced=False,
            extra_closures=closures,
        ).due
        decision_due = deadline(
            "right_to_review_decision", received_on, nation, enhanced=False, extra_closures=closures
        ).due
    review = ReviewRequest.objects.create(
        case=case,
        report=report,
        decision_kind=decision_kind,
        decision_date=decision_date,
        suspect_interviewed=suspect_interviewed,
        decision_maker=decision_maker,
        decision_maker_name=decision_maker_name.strip(),
        received_on=received_on,
        channel=channel,
        grounds=grounds.strip(),
        eligibility=checked.result.value,
        eligibility_reason=checked.reason,
        window_closes=checked.window_closes,
        nation=nation.value,
        acknowledge_due=ack_due,
        decision_due=decision_due,
        status=status,
        recorded_by=by,
        recorded_at=timezone.now(),
    )
    record(
        Action.CREATE,
        OBJECT,
        review.pk,
        summary=f"Right to Review request recorded on case {case.reference}: {checked.result}",
        details={
            "case": case.reference,
            "report": report.reference,
            "decision_kind": decision_kind,
            "eligibility": checked.result.value,
            "reason": checked.reason[:300],
            "acknowledge_due": ack_due.isoformat() if ack_due else None,
            "decision_due": decision_due.isoformat() if decision_due else None,
            "nation": nation.value,
        },
        **_as(by),
    )
    return review


def _locked(review: ReviewRequest) -> ReviewRequest:
    return (
        ReviewRequest.objects.select_for_update(of=("self",))
        .select_related("case")
        .get(pk=review.pk)
    )


@transaction.atomic
def acknowledge(review: ReviewRequest, *, on: dt.date, by) -> ReviewRequest:
    review = _locked(review)
    if review.status != ReviewRequest.Status.RECEIVED:
        raise ReviewRefused("Only a request waiting for acknowledgement can be acknowledged")
    _not_future(on, "The date of acknowledgement", "acknowledged_on")
    if on < review.received_on:
        raise ReviewRefused(
            "The request cannot be acknowledged before it was received", "acknowledged_on"
        )
    review.status = ReviewRequest.Status.ACKNOWLEDGED
    review.acknowledged_on = on
    review.acknowledged_by = by
    review.save(update_fields=["status", "acknowledged_on", "acknowledged_by"])
    record(
        Action.CHANGE,
        OBJECT,
        review.pk,
        summary=f"Right to Review request {review.pk} acknowledged",
        details={
            "case": review.case.reference,
            "acknowledged_on": on.isoformat(),
            "late": review.acknowledge_due is not None and on > review.acknowledge_due,
        },
        **_as(by),
    )
    return review


@transaction.atomic
def assign_reviewer(review: ReviewRequest, reviewer, *, by) -> ReviewRequest:
    """Give the request to a reviewer who did not make the original decision."""
    review = _locked(review)
    if not review.is_open:
        raise ReviewRefused("Only an open request can be given a reviewer")
    problem = selectors.independence_problem(review, reviewer)
    if problem:
        raise ReviewRefused(problem, "reviewer")
    review.reviewer = reviewer
    review.reviewer_assigned_by = by
    review.reviewer_assigned_at = timezone.now()
    review.save(update_fields=["reviewer", "reviewer_assigned_by", "reviewer_assigned_at"])
    record(
        Action.CHANGE,
        OBJECT,
        review.pk,
        summary=f"Reviewer assigned to Right to Review request {review.pk}",
        details={"case": review.case.reference, "reviewer": reviewer.pk},
        **_as(by),
    )
    return review


@transaction.atomic
def decide(review: ReviewRequest, *, outcome: str, reasons: str, on: dt.date, by):
    """The assigned reviewer records the outcome, with reasons."""
    review = _locked(review)
    if not review.is_open:
        raise ReviewRefused("This request is not open for a decision")
    if review.status != ReviewRequest.Status.ACKNOWLEDGED:
        raise ReviewRefused("Acknowledge the request before deciding it")
    if review.reviewer_id is None or review.reviewer_id != getattr(by, "pk", None):
        raise ReviewRefused("Only the assigned reviewer can decide the request")
    problem = selectors.independence_problem(review, by)
    if problem:
        raise ReviewRefused(problem)
    if outcome not in ReviewRequest.Outcome.values:
        raise ReviewRefused("Choose the outcome of the review", "outcome")
    if not reasons.strip():
        raise ReviewRefused("Enter the reasons for the outcome", "reasons")
    _not_future(on, "The date of the decision", "decided_on")
    if review.acknowledged_on is not None and on < review.acknowledged_on:
        raise ReviewRefused("The review cannot be decided before it was acknowledged", "decided_on")
    review.status = ReviewRequest.Status.DECIDED
    review.outcome = outcome
    review.outcome_reasons = reasons.strip()
    review.decided_on = on
    review.save(update_fields=["status", "outcome", "outcome_reasons", "decided_on"])
    record(
        Action.CHANGE,
        OBJECT,
        review.pk,
        summary=f"Right to Review request {review.pk} decided: {outcome}",
        details={
            "case": review.case.reference,
            "outcome": outcome,
            "decided_on": on.isoformat(),
            "late": review.decision_due is not None and on > review.decision_due,
        },
        **_as(by),
    )
    return review
