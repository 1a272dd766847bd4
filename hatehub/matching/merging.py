"""An officer's corrections to matching: merge two cases, split reports out, undo a merge.

Every change is reversible and audited: a merge remembers exactly which reports moved and what
the cases looked like, so splitting those reports out again restores both cases as they were.
A case may hold several victims' reports; each keeps its own report (and, later, crime record).
"""

from collections.abc import Iterable

from django.db import transaction
from django.utils import timezone

from hatehub.audit.context import SYSTEM, reset_actor, set_actor
from hatehub.audit.services import Action, record
from hatehub.cases.models import Case, CaseEvent
from hatehub.cases.services import (
    add_event,
    mark_merged,
    open_case,
    unmark_merged,
    withdraw_offer,
)
from hatehub.reports.models import Report

from . import services
from .models import CaseMerge, PossibleMatch


class MergeRefused(ValueError):
    """The merge or split asked for cannot be done; the message says why, for the officer."""


def _locked(*cases: Case) -> list[Case]:
    ids = sorted(case.pk for case in cases)
    by_id = Case.objects.select_for_update().in_bulk(ids)
    return [by_id[case.pk] for case in cases]


@transaction.atomic
def merge_cases(survivor: Case, absorbed: Case, *, by, reason: str) -> CaseMerge:
    """Move every report of `absorbed` into `survivor`; `absorbed` is kept, marked merged."""
    survivor, absorbed = _locked(survivor, absorbed)
    if survivor.pk == absorbed.pk:
        raise MergeRefused("A case cannot be merged with itself")
    for case in (survivor, absorbed):
        if case.status == Case.Status.MERGED:
            raise MergeRefused(f"{case.reference} was already merged into another case")
    if absorbed.force_accepted_at is not None:
        raise MergeRefused(
            f"{absorbed.reference} has been accepted by {absorbed.allocated_force.name}: merge "
            f"{survivor.reference} into it instead, or ask the force to return it"
        )
    if withdraw_offer(absorbed, by=by, reason=f"Merged into {survivor.reference}"):
        absorbed.refresh_from_db()
    report_ids = list(Report.objects.filter(case=absorbed).values_list("pk", flat=True))
    merge = CaseMerge.objects.create(
        survivor=survivor,
        absorbed=absorbed,
        report_ids=report_ids,
        absorbed_status=absorbed.status,
        survivor_urgency=survivor.urgency,
        survivor_urgency_reason=survivor.urgency_reason,
        reason=reason,
        merged_by=by,
        merged_at=timezone.now(),
    )
    Report.objects.filter(pk__in=report_ids).update(case=survivor)
    mark_merged(absorbed, into=survivor)
    PossibleMatch.objects.filter(
        case_id=min(survivor.pk, absorbed.pk), other_case_id=max(survivor.pk, absorbed.pk)
    ).update(status=PossibleMatch.Status.MERGED)

    details = {"merge": merge.pk, "reports": len(report_ids), "reason": reason}
    add_event(
        survivor,
        CaseEvent.Kind.MERGED,
        f"{absorbed.reference} merged into this case ({len(report_ids)} report(s)): {reason}",
        details=details,
    )
    add_event(
        absorbed,
        CaseEvent.Kind.MERGED,
        f"Merged into {survivor.reference}: {reason}",
        details=details,
    )
    for case, other in ((survivor, absorbed), (absorbed, survivor)):
        record(
            Action.CHANGE,
            "case",
            case.reference,
            summary=f"Cases {survivor.reference} and {absorbed.reference} merged",
            details={**details, "other_case": other.reference},
        )
    return merge


@transaction.atomic
def split_case(case: Case, reports: list[Report], *, by, reason: str) -> Case:
    """Move the chosen reports out of `case`. When they are exactly the reports an earlier merge
    brought in, that merge is undone and the original case restored; otherwise they go to a
    new case."""
    (case,) = _locked(case)
    chosen = sorted(report.pk for report in reports)
    in_case = set(Report.objects.filter(case=case).values_list("pk", flat=True))
    if not chosen:
        raise MergeRefused("Select the reports to split into another case")
    if not set(chosen) <= in_case:
        raise MergeRefused("Only reports in this case can be split out of it")
    if set(chosen) == in_case:
        raise MergeRefused("Leave at least one report in this case")
    merges = CaseMerge.objects.filter(survivor=case, undone_at__isnull=True)
    merge = next((m for m in merges if sorted(m.report_ids) == chosen), None)
    if merge is not None:
        return undo_merge(merge, by=by, reason=reason)

    new_case = open_case(urgency=case.urgency, urgency_reason=case.urgency_reason)
    moved = Report.objects.filter(pk__in=chosen)
    moved.update(case=new_case)
    services.reindex(list(Report.objects.filter(pk__in=chosen)))
    # The officer has said these are not the same: matching never combines them again.
    _mark_not_the_same(case, new_case, reason=f"Split by an officer: {reason}")
    references = list(moved.values_list("reference", flat=True))
    details = {"reports": references, "reason": reason, "from": case.reference}
    add_event(
        case,
        CaseEvent.Kind.SPLIT,
        f"{len(chosen)} report(s) split out to {new_case.reference}: {reason}",
        details=details,
    )
    add_event(
        new_case,
        CaseEvent.Kind.SPLIT,
        f"Split out of {case.reference} ({len(chosen)} report(s)): {reason}",
        details=details,
    )
    for changed in (case, new_case):
        record(
            Action.CHANGE,
            "case",
            changed.reference,
            summary=f"Reports split from {case.reference} to {new_case.reference}",
            details=details,
        )
    return new_case


@transaction.atomic
def undo_merge(merge: CaseMerge, *, by, reason: str) -> Case:
    """Put back exactly what the merge moved, as the cases were before it."""
    merge = CaseMerge.objects.select_for_update().get(pk=merge.pk)
    if merge.undone_at is not None:
        raise MergeRefused("This merge was already undone")
    survivor, absorbed = _locked(merge.survivor, merge.absorbed)
    moved = Report.objects.filter(pk__in=merge.report_ids, case=survivor)
    if moved.count() != len(merge.report_ids):
        raise MergeRefused(
            "Some reports from that merge have since moved to another case; split them instead"
        )
    moved.update(case=absorbed)
    services.reindex(list(Report.objects.filter(pk__in=merge.report_ids)))
    unmark_merged(
        absorbed,
        status=merge.absorbed_status,
        survivor=survivor,
        urgency=merge.survivor_urgency,
        reason=merge.survivor_urgency_reason,
    )
    merge.undone_at = timezone.now()
    merge.save(update_fields=["undone_at"])
    # Undone: not the same, so matching never combines them again (`combine_tied_cases`).
    _mark_not_the_same(survivor, absorbed, reason=f"Merge undone: {reason}")

    details = {"merge": merge.pk, "reports": len(merge.report_ids), "reason": reason}
    add_event(
        survivor,
        CaseEvent.Kind.SPLIT,
        f"Merge undone: {absorbed.reference} split back out ({len(merge.report_ids)} "
        f"report(s)): {reason}",
        details=details,
    )
    add_event(
        absorbed,
        CaseEvent.Kind.SPLIT,
        f"Restored from {survivor.reference}: {reason}",
        details=details,
    )
    for case in (survivor, absorbed):
        record(
            Action.CHANGE,
            "case",
            case.reference,
            summary=f"Merge of {absorbed.reference} into {survivor.reference} undone",
            details=details,
        )
    return absorbed


@transaction.atomic
def dismiss_possible_match(match: PossibleMatch, *, by) -> None:
    match.status = PossibleMatch.Status.DISMISSED
    match.save(update_fields=["status"])
    for case in (match.case, match.other_case):
        record(
            Action.CHANGE,
            "case",
            case.reference,
            summary=f"Possible match of {match.case.reference} and {match.other_case.reference} "
            "dismissed: not the same",
            details={"score": match.score, "reason": match.reason},
        )


def _mark_not_the_same(case: Case, other: Case, *, reason: str) -> None:
    """Record that an officer has kept two cases apart (a dismissed possible match)."""
    low, high = sorted((case.pk, other.pk))
    PossibleMatch.objects.update_or_create(
        case_id=low,
        other_case_id=high,
        defaults={"status": PossibleMatch.Status.DISMISSED},
        create_defaults={
            "status": PossibleMatch.Status.DISMISSED,
            "score": 0.0,
            "reason": reason[:200],
            "found_at": timezone.now(),
        },
    )


# Combining cases a report ties ---------------------------------------------------------------

COMBINABLE = (
    Case.Status.NEW,
    Case.Status.IN_ASSESSMENT,
    Case.Status.ALLOCATED,
    Case.Status.REFERRED,
)


def kept_apart(case: Case, other: Case) -> bool:
    """An officer split these two cases or marked them "not the same"."""
    low, high = sorted((case.pk, other.pk))
    return PossibleMatch.objects.filter(
        case_id=low, other_case_id=high, status=PossibleMatch.Status.DISMISSED
    ).exists()


def _live(case_id: int) -> Case:
    case = Case.objects.get(pk=case_id)
    while case.status == Case.Status.MERGED and case.merged_into_id:
        case = Case.objects.get(pk=case.merged_into_id)
    return case


def combine_tied_cases(case: Case, tied: Iterable, *, report: Report | None = None) -> list:
    """Combine the cases a new report tied to its own (`MatchResult.tied`: it gave a content
    URL or an evidence file of each) into one: the same undoable, audited merge an officer
    makes, by the system. Only open cases; never a pair an officer split or marked "not the
    same", nor cases of different accounts (`find_matches` leaves those out of `tied`, and
    the accounts are checked again here against what the cases hold now). The survivor is the
    case a force has accepted, else one already being worked on, else the oldest. `report`,
    when given, follows its case. Returns the merges made."""
    merges = []
    token = set_actor(SYSTEM)
    try:
        for tie in tied:
            here, there = _live(case.pk), _live(tie.case_id)
            if here.pk == there.pk or not _may_combine(here, there):
                continue
            survivor, absorbed = sorted(
                (here, there),
                key=lambda c: (c.force_accepted_at is None, c.status == Case.Status.NEW, c.pk),
            )
            because = f"report {report.reference} gave " if report is not None else "a report gave "
            reason = f"Combined automatically: {because}{tie.reason[0].lower()}{tie.reason[1:]}"
            try:
                merges.append(merge_cases(survivor, absorbed, by=None, reason=reason))
            except MergeRefused:
                continue  # the cases changed since they were read: left for an officer
    finally:
        reset_actor(token)
    if merges and report is not None:
        report.case = _live(case.pk)
    return merges


def _may_combine(case: Case, other: Case) -> bool:
    if case.status not in COMBINABLE or other.status not in COMBINABLE:
        return False
    if case.force_accepted_at is not None and other.force_accepted_at is not None:
        return False  # two forces' (or one force's two) accepted cases: an officer's call
    if kept_apart(case, other):
        return False
    accounts = services.DatabaseIndex().case_accounts([case.pk, other.pk])
    relation = services.account_relation(
        accounts.get(case.pk, set()), accounts.get(other.pk, set())
    )
    return relation != services.OTHER_ACCOUNT
