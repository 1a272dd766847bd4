"""Recording a batch of waiting receipts in one transaction (`services.record_waiting`).

A surge is mostly duplicates of a few posts. Recorded one at a time, each of a viral post's
reports takes the post's key locks, locks its case, appends to the audit chain and commits: about
forty statements a report. Recorded as a batch, the receipts are claimed together, every key of
the batch is locked at once, each case is locked once, each report is matched in turn against the
index and the batch's earlier reports (`matching.batches.BatchIndex`), and the reports, the
reporters' details, URLs, accounts, index keys, timeline entries and audit entries are written
with one statement per table. Everything is in one transaction that also marks the receipts
recorded: a worker killed mid-batch leaves every receipt of the batch waiting, and no report of
it half-written. The quoted words are scored for the cases' content signal after the commit, by
a task (`scoring`), not inside the transaction.
"""

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, replace

from django.db import transaction
from django.db.models import OuterRef, Subquery
from django.utils import timezone

from hatehub.assessment.tasks import reassess_after_join
from hatehub.audit.context import Actor, reset_actor, set_actor
from hatehub.audit.services import deferred
from hatehub.cases import services as case_services
from hatehub.cases.models import Case
from hatehub.cases.services import add_events, join_case
from hatehub.evidence.services import attach
from hatehub.matching import batches as matching_batches
from hatehub.matching import services as matching
from hatehub.reports.models import (
    AccountMention,
    Complainant,
    ContentItem,
    ReceivedReport,
    Report,
    Strand,
)
from hatehub.victims import services as victims

from . import scoring
from .routing import InitialUrgency
from .services import (
    ReportSubmission,
    actor_of,
    audit_received,
    complainant_row,
    content_item_rows,
    mention_rows,
    origin_of,
    received_event,
    report_row,
    signals_of,
    urgency_of,
)


@dataclass
class _Waiting:
    """One claimed receipt on its way to becoming a report."""

    received: ReceivedReport
    submission: ReportSubmission
    actor: Actor
    urgency: InitialUrgency
    signals: matching.Signals
    found: matching.MatchResult | None = None
    case_id: int | None = None  # provisional while the batch's new cases are not written
    case: Case | None = None
    opened: bool = False  # its case was opened by this batch
    report: Report | None = None

    @classmethod
    def read(cls, received: ReceivedReport) -> "_Waiting":
        submission = ReportSubmission.from_json(received.submission)
        return cls(
            received=received,
            submission=submission,
            actor=actor_of(received),
            urgency=urgency_of(submission),
            signals=signals_of(submission),
        )


@contextmanager
def _acting(actor: Actor) -> Iterator[None]:
    """Audit entries and timeline entries of a report are the sender's, not the worker's."""
    token = set_actor(actor)
    try:
        yield
    finally:
        reset_actor(token)


def record_batch(receipts, *, size: int, taken: list[int]) -> int:
    """Claim up to `size` of `receipts` (in their order) that no other worker holds, and record
    them all in one transaction; returns how many. `taken` is set to the claimed receipts' ids
    before any is recorded, so a caller whose batch failed can record them one by one."""

    @transaction.atomic
    def record_them() -> int:
        claimed = list(
            receipts.select_for_update(of=("self",), skip_locked=True).select_related(
                "submitted_by", "organisation"
            )[:size]
        )
        taken[:] = [received.pk for received in claimed]
        if not claimed:
            return 0
        # The batch's audit entries are appended together as it ends, holding the chain head
        # briefly and last (see audit.deferred).
        with deferred():
            _record_all([_Waiting.read(received) for received in claimed])
        return len(claimed)

    return record_them()


def _record_all(batch: list[_Waiting]) -> None:
    matching_batches.lock_keys_of(item.signals for item in batch)
    _match(batch)
    _write_reports(batch)
    links = matching_batches.AccountLinks()
    _write_details(batch, links)
    matching_batches.index_reports(
        [(item.report, item.signals, item.found.held_keys) for item in batch]
    )
    _reassess_joined_cases(batch)
    _log(batch)
    _mark_recorded(batch)
    matching.combine_tied((item.case, item.found, item.report) for item in batch)


# Provisional ids of the cases a batch opens, until they are written together: above any real
# case id, and in the order they are opened, as their real ids will be.
PROVISIONAL_CASE = 1 << 61


def _match(batch: list[_Waiting]) -> None:
    """Each report in turn finds its case, or opens one, as it would alone: an existing case is
    locked once for the batch, again only to raise its urgency, and the cases the batch opens
    are written together once every report is matched (`cases.services.open_cases`)."""
    index = matching_batches.BatchIndex()
    index.read_stored(item.signals for item in batch)
    cases: dict[int, Case] = {}
    openings: dict[int, case_services.Opening] = {}
    for item in batch:
        found = matching.find_matches(item.signals, index)
        level, reason = item.urgency.level, item.urgency.reason
        if found.case_id is None:
            case_id = PROVISIONAL_CASE + len(openings)
            openings[case_id] = case_services.Opening(level, reason, item.actor)
            index.opened(case_id)
        elif found.case_id in openings:
            case_id = found.case_id
            openings[case_id].raise_urgency(level, reason, item.actor)
        elif found.case_id not in cases or level < cases[found.case_id].urgency:
            with _acting(item.actor):
                case = join_case(found.case_id, urgency=level, urgency_reason=reason)
            case_id = case.pk
            cases[case_id] = case
        else:
            case_id = found.case_id
        item.found, item.case_id = found, case_id
        index.add(case_id, item.signals, found.held_keys)
    opened = case_services.open_cases(list(openings.values()))
    real = {provisional: case.pk for provisional, case in zip(openings, opened, strict=True)}
    cases.update((case.pk, case) for case in opened)
    for item in batch:  # one object per case, the latest, so no change of it is lost
        item.found = _with_real_ids(item.found, real) if real else item.found
        item.case = cases[real.get(item.case_id, item.case_id)]
        item.opened = item.case_id in real


def _with_real_ids(found: matching.MatchResult, real: dict[int, int]) -> matching.MatchResult:
    """A match found against the batch's provisional cases, naming the cases written since."""

    def of(match: matching.Match) -> matching.Match:
        return replace(match, case_id=real.get(match.case_id, match.case_id))

    return replace(
        found,
        case_id=real.get(found.case_id, found.case_id) if found.case_id is not None else None,
        possible=[of(match) for match in found.possible],
        tied=[of(match) for match in found.tied],
    )


def _write_reports(batch: list[_Waiting]) -> None:
    """The reports; those quoting words are marked to be scored for their case's content
    signal once the batch commits (`scoring`: the model costs milliseconds a text, and a
    recording transaction holds its cases' locks)."""
    rows = []
    for item in batch:
        row = report_row(item.submission, item.case, **origin_of(item.received))
        row.signal_pending = bool(item.submission.quoted_text)
        rows.append(row)
    for item, report in zip(batch, Report.objects.bulk_create(rows), strict=True):
        item.report = report
    if any(row.signal_pending for row in rows):
        transaction.on_commit(scoring.wake_scorer, robust=True)


def _write_details(batch: list[_Waiting], links: "matching_batches.AccountLinks") -> None:
    """Strands, the complainant, URLs and named accounts (with the accounts behind them), and
    evidence: what `services._create_report` writes for one report."""
    codes = {code for item in batch for code in item.submission.strands}
    strands = dict(Strand.objects.filter(code__in=codes).values_list("code", "pk"))
    through = Report.strands.through
    through.objects.bulk_create(
        through(report_id=item.report.pk, strand_id=strands[code])
        for item in batch
        for code in dict.fromkeys(item.submission.strands)
        if code in strands
    )
    Complainant.objects.bulk_create(complainant_row(item.report, item.submission) for item in batch)
    items, mentions = [], []
    for item in batch:
        for content in content_item_rows(item.report, item.submission):
            links.content_item(content, item.signals)
            items.append(content)
        for mention in mention_rows(item.report, item.submission):
            links.mention(mention)
            mentions.append(mention)
    links.link()
    ContentItem.objects.bulk_create(items)
    AccountMention.objects.bulk_create(mentions)
    for item in batch:
        if item.submission.evidence:
            with _acting(item.actor):
                attach(item.report, item.submission.evidence)


def _reassess_joined_cases(batch: list[_Waiting]) -> None:
    """A case already assessed is assessed again once its new reports are in (history kept)."""
    joined = {
        item.case.pk: item.case
        for item in batch
        if item.found.case_id is not None and not item.opened  # a new case has no assessment
    }
    for case in joined.values():
        if case.assessments.exists():
            transaction.on_commit(lambda case_id=case.pk: reassess_after_join.enqueue(case_id))


def _log(batch: list[_Waiting]) -> None:
    """Each report's timeline entry, audit entry, possible matches, Victims' Code clock and
    Track my report code, in the sender's name."""
    events = []
    clocks = victims.updates.reports_received([item.report for item in batch])
    matching.record_possible_pairs(
        (item.case.pk, match) for item in batch for match in item.found.possible
    )
    for item in batch:
        report, case, found = item.report, item.case, item.found
        with _acting(item.actor):
            events.append(
                received_event(
                    case, report, evidence_files=len(item.submission.evidence), found=found
                )
            )
            audit_received(case, report)
            victims.updates.report_clock_started(report, clocks.get(report.pk))
            if item.received.tracking_secret_hash:
                victims.tracking.store_tracking_secret(report, item.received.tracking_secret_hash)
    add_events(events)


def _mark_recorded(batch: list[_Waiting]) -> None:
    """The receipts keep only what answers a retry, and their report (of the same reference):
    the report and its audit entries hold the rest now."""
    ReceivedReport.objects.filter(pk__in=[item.received.pk for item in batch]).update(
        report=Subquery(Report.objects.filter(reference=OuterRef("reference")).values("pk")[:1]),
        recorded_at=timezone.now(),
        submission="",
        ip_address="",
        user_agent="",
        request_path="",
    )
