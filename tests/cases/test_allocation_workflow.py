"""The allocation round trip and outcomes, at the service level: each step, what it writes (the
allocation history, the case, the timeline, the audit log), and every refusal, which says why
and changes nothing."""

from contextlib import contextmanager

import pytest
from django.utils import timezone

from hatehub.audit.models import AuditEvent
from hatehub.audit.services import acting_as
from hatehub.cases import selectors, services
from hatehub.cases.models import Allocation, Case, CaseEvent, CrimeOutcome
from hatehub.cases.outcomes import ProposedOutcome
from hatehub.cases.selectors import AllocationFilter, QueueFilters
from hatehub.reports.models import Report


@contextmanager
def as_user(user):
    with acting_as(user.username, user=user):
        yield


@pytest.fixture
def case(make_report) -> Case:
    return make_report().case


@pytest.fixture
def supervisor(users):
    return users["hub_supervisor"]


@pytest.fixture
def merseyside_user(users):
    return users["force_user"]


@pytest.fixture
def kent_user(users):
    return users["other_force_user"]


def _offer(case: Case, supervisor, force, reason="Victim lives in the force area") -> Allocation:
    with as_user(supervisor):
        services.allocate(case, force=force, reason=reason, by=supervisor)
    return Allocation.objects.get(case=case, state=Allocation.State.OFFERED)


def _accepted(case, supervisor, force, user) -> Case:
    offer = _offer(case, supervisor, force)
    with as_user(user):
        return services.accept(case, by=user, offer_id=offer.pk)


def _snapshot(case: Case) -> tuple:
    case = Case.objects.get(pk=case.pk)
    return (
        case.status,
        case.allocated_force_id,
        case.force_accepted_at,
        list(Allocation.objects.filter(case=case).values_list("pk", "state", "responded_at")),
        CaseEvent.objects.filter(case=case).count(),
        AuditEvent.objects.filter(action=AuditEvent.Action.CHANGE).count(),
        CrimeOutcome.objects.count(),
    )


@contextmanager
def refused(case: Case, error=services.AllocationRefused, match: str | None = None):
    """The block must raise `error` (with `match` in its message) and change nothing."""
    before = _snapshot(case)
    with pytest.raises(error, match=match) as caught:
        yield caught
    assert _snapshot(case) == before


def _last_change() -> AuditEvent:
    return AuditEvent.objects.filter(action=AuditEvent.Action.CHANGE).order_by("-sequence").first()


def _sees(user, case) -> bool:
    return selectors.visible_cases(user).filter(pk=case.pk).exists()


# Allocating ------------------------------------------------------------------------------------


def test_allocating_offers_the_case_and_the_hub_keeps_it(
    case, supervisor, merseyside_user, kent_user, forces
):
    offer = _offer(case, supervisor, forces["merseyside"], "Victim lives in Liverpool")

    case.refresh_from_db()
    assert (offer.force, offer.offered_by, offer.reason) == (
        forces["merseyside"],
        supervisor,
        "Victim lives in Liverpool",
    )
    assert case.allocated_force == forces["merseyside"]
    assert case.status == Case.Status.ALLOCATED
    assert case.force_accepted_at is None and case.awaiting_acceptance
    assert selectors.responsibility(case, offer).holder == "hub"
    assert _sees(merseyside_user, case) and not _sees(kent_user, case)
    event = case.events.get(kind=CaseEvent.Kind.ALLOCATED)
    assert event.summary == "Allocated to Merseyside Police. Reason: Victim lives in Liverpool"
    assert event.actor == supervisor
    audit = AuditEvent.objects.get(action=AuditEvent.Action.CHANGE, object_id=case.reference)
    assert audit.actor == supervisor
    assert audit.details["allocation"] == offer.pk


def test_a_force_user_never_sees_a_case_before_it_is_allocated_to_their_force(
    case, supervisor, merseyside_user, forces
):
    assert not _sees(merseyside_user, case)
    _offer(case, supervisor, forces["kent"])
    assert not _sees(merseyside_user, case)


def test_reallocating_an_unanswered_offer_withdraws_it(
    case, supervisor, merseyside_user, kent_user, forces
):
    first = _offer(case, supervisor, forces["merseyside"])
    second = _offer(case, supervisor, forces["kent"], "Suspect is in Kent")

    first.refresh_from_db()
    assert first.state == Allocation.State.WITHDRAWN
    assert first.responded_by == supervisor
    assert first.response_reason == "Re-allocated to Kent Police"
    assert second.state == Allocation.State.OFFERED
    assert not _sees(merseyside_user, case) and _sees(kent_user, case)
    latest = case.events.filter(kind=CaseEvent.Kind.ALLOCATED).last()
    assert latest.summary == (
        "Allocated to Kent Police (offer to Merseyside Police withdrawn). "
        "Reason: Suspect is in Kent"
    )


def test_offering_again_to_the_same_force_is_refused(case, supervisor, forces):
    _offer(case, supervisor, forces["merseyside"])

    with refused(case, match="already offered to Merseyside Police"):
        services.allocate(case, force=forces["merseyside"], reason="Again", by=supervisor)


def test_a_case_a_force_accepted_is_not_reallocated(case, supervisor, merseyside_user, forces):
    _accepted(case, supervisor, forces["merseyside"], merseyside_user)

    with refused(case, match="Merseyside Police accepted this case"):
        services.allocate(case, force=forces["kent"], reason="Changed mind", by=supervisor)


@pytest.mark.parametrize("status", [Case.Status.MERGED, Case.Status.CLOSED])
def test_a_merged_or_closed_case_is_not_allocated(case, supervisor, forces, status):
    Case.objects.filter(pk=case.pk).update(status=status)

    with refused(case):
        services.allocate(case, force=forces["kent"], reason="Kent", by=supervisor)


# The force's answer ----------------------------------------------------------------------------


def test_the_force_accepts_and_owns_the_case(case, supervisor, merseyside_user, forces):
    offer = _offer(case, supervisor, forces["merseyside"])

    with as_user(merseyside_user):
        services.accept(case, by=merseyside_user, offer_id=offer.pk)

    offer.refresh_from_db()
    case.refresh_from_db()
    assert offer.state == Allocation.State.ACCEPTED
    assert offer.responded_by == merseyside_user
    assert case.force_accepted_at == offer.responded_at
    assert case.status == Case.Status.ALLOCATED and not case.awaiting_acceptance
    assert selectors.responsibility(case, None).holder == "force"
    event = case.events.get(kind=CaseEvent.Kind.ACCEPTED)
    assert event.actor == merseyside_user
    assert event.summary.startswith("Accepted by Merseyside Police, 0 day(s) after allocation.")
    audit = _last_change()
    assert audit.summary == f"Case {case.reference} accepted by Merseyside Police"
    assert audit.actor == merseyside_user


def test_another_force_cannot_answer_the_offer(case, supervisor, kent_user, forces):
    offer = _offer(case, supervisor, forces["merseyside"])

    with refused(case, match="not allocated to your force"):
        services.accept(case, by=kent_user, offer_id=offer.pk)
    with refused(case, match="not allocated to your force"):
        services.return_to_hub(case, by=kent_user, offer_id=offer.pk, reason="Not ours")


@pytest.mark.parametrize("role", ["hub_officer", "hub_supervisor", "administrator"])
def test_the_hub_cannot_answer_for_a_force(case, supervisor, users, forces, role):
    offer = _offer(case, supervisor, forces["merseyside"])

    with refused(case, match="not allocated to your force"):
        services.accept(case, by=users[role], offer_id=offer.pk)


def test_an_answer_to_a_withdrawn_offer_is_refused(
    case, supervisor, merseyside_user, kent_user, forces
):
    stale = _offer(case, supervisor, forces["kent"])
    _offer(case, supervisor, forces["merseyside"])
    fresh_case = Case.objects.get(pk=case.pk)

    with refused(case, match="The allocation has changed"):
        services.accept(fresh_case, by=merseyside_user, offer_id=stale.pk)
    with refused(case, match="The allocation has changed"):
        services.accept(fresh_case, by=merseyside_user, offer_id=None)


def test_accepting_twice_is_refused(case, supervisor, merseyside_user, forces):
    _accepted(case, supervisor, forces["merseyside"], merseyside_user)
    offer = Allocation.objects.get(case=case)

    with refused(case, match="already accepted"):
        services.accept(case, by=merseyside_user, offer_id=offer.pk)


def test_returning_needs_a_reason(case, supervisor, merseyside_user, forces):
    offer = _offer(case, supervisor, forces["merseyside"])

    with refused(case, match="Enter the reason for returning the case"):
        services.return_to_hub(case, by=merseyside_user, offer_id=offer.pk, reason="   ")


def test_the_force_returns_the_case_to_the_hub(case, supervisor, merseyside_user, forces):
    offer = _offer(case, supervisor, forces["merseyside"])

    with as_user(merseyside_user):
        services.return_to_hub(
            case, by=merseyside_user, offer_id=offer.pk, reason="Victim lives in Cheshire"
        )

    offer.refresh_from_db()
    case.refresh_from_db()
    assert offer.state == Allocation.State.RETURNED
    assert offer.response_reason == "Victim lives in Cheshire"
    assert case.allocated_force is None and case.force_accepted_at is None
    assert case.status == Case.Status.IN_ASSESSMENT
    assert not _sees(merseyside_user, case)
    event = case.events.get(kind=CaseEvent.Kind.RETURNED)
    assert event.summary == (
        "Returned to the hub by Merseyside Police. Reason: Victim lives in Cheshire"
    )
    audit = _last_change()
    assert audit.details["reason"] == "Victim lives in Cheshire"
    assert audit.actor == merseyside_user


def test_the_force_asks_for_a_transfer(case, supervisor, merseyside_user, kent_user, forces):
    offer = _offer(case, supervisor, forces["merseyside"])

    with as_user(merseyside_user):
        services.request_transfer(
            case,
            by=merseyside_user,
            offer_id=offer.pk,
            to_force=forces["kent"],
            reason="Suspect posts from Canterbury",
        )

    offer.refresh_from_db()
    case.refresh_from_db()
    assert offer.state == Allocation.State.TRANSFER_REQUESTED
    assert offer.transfer_to == forces["kent"]
    # Back to the hub, which decides: neither force sees it until a supervisor re-allocates.
    assert case.allocated_force is None
    assert not _sees(merseyside_user, case) and not _sees(kent_user, case)
    event = case.events.get(kind=CaseEvent.Kind.TRANSFER_REQUESTED)
    assert "transferred to Kent Police" in event.summary
    assert "Suspect posts from Canterbury" in event.summary
    audit = _last_change()
    assert audit.details["transfer_to"] == forces["kent"].ons_code


def test_a_transfer_to_the_same_force_is_refused(case, supervisor, merseyside_user, forces):
    offer = _offer(case, supervisor, forces["merseyside"])

    with refused(case, match="Choose a force other than your own"):
        services.request_transfer(
            case, by=merseyside_user, offer_id=offer.pk, to_force=forces["merseyside"], reason="x"
        )


def test_the_round_trip_keeps_the_history(case, supervisor, merseyside_user, forces):
    offer = _offer(case, supervisor, forces["merseyside"])
    services.return_to_hub(case, by=merseyside_user, offer_id=offer.pk, reason="Not ours")
    _accepted(case, supervisor, forces["merseyside"], merseyside_user)

    history = selectors.allocation_history(case)
    assert [a.state for a in history] == [Allocation.State.ACCEPTED, Allocation.State.RETURNED]
    kinds = list(
        case.events.exclude(kind__in=["opened", "report_added"]).values_list("kind", flat=True)
    )
    assert kinds == [
        CaseEvent.Kind.ALLOCATED,
        CaseEvent.Kind.RETURNED,
        CaseEvent.Kind.ALLOCATED,
        CaseEvent.Kind.ACCEPTED,
    ]


def test_the_queue_filters_by_allocation(make_report, supervisor, merseyside_user, users, forces):
    waiting = make_report().case
    _offer(waiting, supervisor, forces["merseyside"])
    accepted = make_report().case
    _accepted(accepted, supervisor, forces["merseyside"], merseyside_user)
    returned = make_report().case
    offer = _offer(returned, supervisor, forces["merseyside"])
    services.return_to_hub(returned, by=merseyside_user, offer_id=offer.pk, reason="Not ours")
    make_report()  # never allocated

    def refs(user, value):
        cases = selectors.queue(user, QueueFilters(allocation=value))
        return {c.reference for c in cases}

    hub = users["hub_officer"]
    assert refs(hub, AllocationFilter.AWAITING) == {waiting.reference}
    assert refs(hub, AllocationFilter.ACCEPTED) == {accepted.reference}
    assert refs(hub, AllocationFilter.TO_REALLOCATE) == {returned.reference}
    assert refs(merseyside_user, "") == {waiting.reference, accepted.reference}
    assert refs(merseyside_user, AllocationFilter.AWAITING) == {waiting.reference}
    assert selectors.awaiting_count(merseyside_user) == 1
    assert selectors.awaiting_count(users["other_force_user"]) == 0
    rows = {row.case.reference: row for row in selectors.queue_rows(selectors.queue(hub))}
    assert rows[waiting.reference].awaiting_days == 0
    assert rows[accepted.reference].awaiting_days is None
    assert rows[returned.reference].needs_reallocation


# Outcomes -------------------------------------------------------------------------------------


def _outcome(code=18, **values) -> ProposedOutcome:
    return ProposedOutcome(code=code, outcome_date=timezone.localdate(), **values)


def test_only_the_force_that_accepted_records_outcomes(
    case, supervisor, merseyside_user, kent_user, users, forces
):
    report = case.reports.get()
    _offer(case, supervisor, forces["merseyside"])

    with refused(case, match="Only the force that has accepted"):
        services.record_outcome(case, report, by=merseyside_user, outcome=_outcome())

    with as_user(merseyside_user):
        services.accept(case, by=merseyside_user, offer_id=Allocation.objects.get(case=case).pk)
    for user in (kent_user, users["hub_supervisor"]):
        with refused(case, match="Only the force that has accepted"):
            services.record_outcome(case, report, by=user, outcome=_outcome())


def test_an_outcome_that_breaks_the_rules_is_refused_with_the_problems(
    case, supervisor, merseyside_user, forces
):
    _accepted(case, supervisor, forces["merseyside"], merseyside_user)

    with refused(case, services.OutcomeRefused) as caught:
        services.record_outcome(case, case.reports.get(), by=merseyside_user, outcome=_outcome(15))

    assert [p.field for p in caught.value.problems] == ["suspect_identified"]


def test_outcome_21_needs_the_warning_confirmed(case, supervisor, merseyside_user, forces):
    _accepted(case, supervisor, forces["merseyside"], merseyside_user)
    report = case.reports.get()
    outcome = _outcome(
        21,
        suspect_identified=True,
        suspect_name="A Person",
        rationale="Convicted of a more serious offence",
        victim_informed=True,
    )

    with refused(case, services.OutcomeRefused) as caught:
        services.record_outcome(case, report, by=merseyside_user, outcome=outcome)
    assert [p.field for p in caught.value.problems] == ["confirm"]

    with as_user(merseyside_user):
        recorded = services.record_outcome(
            case, report, by=merseyside_user, outcome=outcome, warnings_confirmed=True
        )
    assert recorded.warning_confirmed and recorded.suspect_name == "A Person"
    audit = AuditEvent.objects.filter(summary__startswith="Outcome 21").get()
    assert audit.details["warnings_confirmed"]
    assert "A Person" not in str(audit.details)  # the suspect's name stays out of the log


def test_the_case_closes_when_every_victims_crime_has_an_outcome(
    make_report, supervisor, merseyside_user, forces
):
    first = make_report()
    case = first.case
    second = make_report(reporter_role="on_behalf")
    witness = make_report(reporter_role="witness")
    Report.objects.filter(pk__in=[second.pk, witness.pk]).update(case=case)
    _accepted(case, supervisor, forces["merseyside"], merseyside_user)

    assert [r.pk for r in selectors.crime_reports(case)] == [first.pk, second.pk]
    with refused(case, match="not a crime in this case"):
        services.record_outcome(case, witness, by=merseyside_user, outcome=_outcome())

    with as_user(merseyside_user):
        recorded = services.record_outcome(case, first, by=merseyside_user, outcome=_outcome(18))
    case.refresh_from_db()
    assert case.status == Case.Status.ALLOCATED  # one victim's crime still has no outcome
    assert (recorded.code, recorded.force, recorded.recorded_by) == (
        18,
        forces["merseyside"],
        merseyside_user,
    )
    event = case.events.get(kind=CaseEvent.Kind.OUTCOME_RECORDED)
    assert event.summary.startswith(
        "Outcome 18 (Investigation complete: no suspect identified) recorded by Merseyside Police"
    )
    with refused(case, match="already has outcome 18"):
        services.record_outcome(case, first, by=merseyside_user, outcome=_outcome(18))

    with as_user(merseyside_user):
        services.record_outcome(
            case, second, by=merseyside_user, outcome=_outcome(8, suspect_identified=True)
        )
    case.refresh_from_db()
    assert case.status == Case.Status.CLOSED
    closed = case.events.get(kind=CaseEvent.Kind.CLOSED)
    assert closed.summary == "Case closed: every victim's crime (2) has an outcome"
    assert AuditEvent.objects.filter(
        summary=f"Case {case.reference} closed: every crime has an outcome"
    ).exists()
    with refused(case, match="is closed"):
        services.record_outcome(case, witness, by=merseyside_user, outcome=_outcome())


def test_a_case_with_no_victims_report_is_one_crime(make_report):
    first = make_report(reporter_role="witness")
    later = make_report(reporter_role="organisation")
    Report.objects.filter(pk=later.pk).update(case=first.case)

    assert [r.pk for r in selectors.crime_reports(first.case)] == [first.pk]
