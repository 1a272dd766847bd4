"""Taking in a report, from the public journey, a volunteer or a partner's API call.

Two steps. Receiving writes one row, the `ReceivedReport`, and gives the sender its reference at
once: during a surge the hub acknowledges reports as fast as it can store them. Recording, by
task, then writes the report, the reporter's details, the URLs, accounts and evidence hashes,
matches it, opens or joins its case and logs it, all in one transaction that also marks the
receipt recorded, so a report is recorded exactly once even when a worker dies half-way.
"""

import hashlib
import json
import logging
import time
from contextlib import nullcontext
from dataclasses import asdict, dataclass, field, fields
from datetime import date, datetime
from functools import lru_cache, partial

from django.conf import settings
from django.db import IntegrityError, models, transaction
from django.utils import timezone

from hatehub.assessment.services import content_signals
from hatehub.assessment.tasks import reassess_after_join
from hatehub.audit.context import Actor, current_actor, reset_actor, set_actor
from hatehub.audit.services import Action, deferred, record
from hatehub.cases import services as case_services
from hatehub.cases.models import CaseEvent
from hatehub.cases.services import join_case, open_case, unsaved_event
from hatehub.core.db import retried_on_conflict
from hatehub.core.reference_numbers import new_reference
from hatehub.core.tasks import enqueue_unless_waiting
from hatehub.evidence.services import ReceivedFile, attach
from hatehub.matching import services as matching
from hatehub.reports.choices import Source
from hatehub.reports.models import (
    AccountMention,
    Complainant,
    ContentItem,
    ReceivedReport,
    Report,
    Strand,
)
from hatehub.victims import services as victims

from .pacing import ArrivalRate, SurgePacing
from .routing import InitialUrgency, initial_urgency

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class Contact:
    name: str = ""
    email: str = ""
    phone: str = ""
    contact_method: str = ""
    safe_to_leave_message: bool = False
    contact_notes: str = ""


@dataclass(frozen=True)
class ContactPreferences:
    """How the reporter wants Victims' Code updates: language, times to avoid, post."""

    language: str = "en"
    avoid_contact_times: tuple[str, ...] = ()
    post_allowed: bool = False
    postal_address: str = ""


def _fields_of(instance) -> dict:
    return {item.name: getattr(instance, item.name) for item in fields(instance)}


@dataclass(frozen=True)
class ReportSubmission:
    """A validated report, whichever way it arrived."""

    reporter_role: str
    description: str
    platform: str
    strands: list[str]
    quoted_text: str = ""
    occurred_on: date | None = None
    platform_other: str = ""
    strand_other: str = ""
    urls: list[str] = field(default_factory=list)
    accounts: list[str] = field(default_factory=list)
    account_ids: dict[str, str] = field(default_factory=dict)  # handle as given -> platform id
    poster_identity_known: bool = False
    poster_identity_details: str = ""
    future_event: str = "no"
    future_event_details: str = ""
    poster_location: str = ""
    victim_postcode: str = ""
    victim_town: str = ""
    anonymous: bool = False
    contact: Contact = field(default_factory=Contact)
    contact_preferences: ContactPreferences = field(default_factory=ContactPreferences)
    support_referral_consent: bool = False
    evidence: list[ReceivedFile] = field(default_factory=list)

    def fingerprint(self) -> str:
        """Same submission, same fingerprint: tells a retry from a different report that reused
        an idempotency key."""
        content = self._content()
        # When a file arrived is not part of what was reported: a retry sends the same bytes later.
        content["evidence"] = [item.sha256 for item in self.evidence]
        return hashlib.sha256(json.dumps(content, sort_keys=True, default=str).encode()).hexdigest()

    def to_json(self) -> str:
        content = self._content()
        content["occurred_on"] = self.occurred_on.isoformat() if self.occurred_on else None
        content["evidence"] = [
            {**_fields_of(item), "received_at": item.received_at.isoformat()}
            for item in self.evidence
        ]
        return json.dumps(content)

    def _content(self) -> dict:
        """As `asdict` would give, without its deep copies: this runs on every report received,
        and the JSON made from it copies everything anyway."""
        content = _fields_of(self)
        content["contact"] = _fields_of(self.contact)
        content["contact_preferences"] = _fields_of(self.contact_preferences)
        return content

    @classmethod
    def from_json(cls, text: str) -> "ReportSubmission":
        content = json.loads(text)
        preferences = content["contact_preferences"]
        return cls(
            **{
                **content,
                "occurred_on": date.fromisoformat(content["occurred_on"])
                if content["occurred_on"]
                else None,
                "contact": Contact(**content["contact"]),
                "contact_preferences": ContactPreferences(
                    **{
                        **preferences,
                        "avoid_contact_times": tuple(preferences["avoid_contact_times"]),
                    }
                ),
                "evidence": [
                    ReceivedFile(
                        **{**item, "received_at": datetime.fromisoformat(item["received_at"])}
                    )
                    for item in content["evidence"]
                ],
            }
        )


class IdempotencyConflict(Exception):
    """The idempotency key was used before for a different report."""

    def __init__(self, existing: ReceivedReport):
        super().__init__(existing.reference)
        self.existing = existing


@lru_cache(maxsize=4096)
def content_signal_of(quoted_text: str) -> float | None:
    """How strongly the quoted words read as hate or a threat (None: nothing to score).
    Cached per process: in a surge most reports quote the same words, and the encoder costs
    several milliseconds a text."""
    if not quoted_text:
        return None
    scored, _ = content_signals(quoted_text)
    if scored is None:
        return None
    return round(max(scored.hate, scored.threat), 3)


def raise_content_signal(case, quoted_text: str) -> None:
    """Order a surge's queue by what the posts say: the case keeps its strongest signal."""
    case_services.raise_content_signal(case, content_signal_of(quoted_text))


def words_of(submission: ReportSubmission) -> str:
    """What the report says, for the first urgency: the quoted post, the reporter's account
    and what they said about a future event."""
    parts = (submission.quoted_text, submission.description, submission.future_event_details)
    return "\n".join(part for part in parts if part)


def _create(submission: ReportSubmission, **origin) -> Report:
    # The audit entries are written last (audit.deferred): during a surge many reports join the
    # same case at once, and none may hold the audit chain while it waits for the case.
    with deferred():
        return _create_report(submission, **origin)


def received_event(case, report: Report, *, evidence_files: int, found) -> CaseEvent:
    """The case timeline's entry for a report received (not yet written), by the sender."""
    joined = f"; joined this case: {found.reason}" if found.case_id else ""
    return unsaved_event(
        case,
        CaseEvent.Kind.REPORT_ADDED,
        f"Report {report.reference} received ({report.get_source_display()}, "
        f"{evidence_files} evidence file(s)){joined}",
        details={"report": report.reference, "match": found.reason},
    )


def audit_received(case, report: Report) -> None:
    record(
        Action.CREATE,
        "report",
        report.reference,
        summary=f"Report {report.reference} received from {report.get_source_display()}",
        details={"case": case.reference, "anonymous": report.anonymous},
    )


# --- The rows of a report: one at a time (`_create_report`) or in batches (`batches`) ---------


def signals_of(submission: ReportSubmission) -> matching.Signals:
    """What matching reads of a report."""
    return matching.signals_for(
        platform=submission.platform,
        urls=submission.urls,
        quoted_text=submission.quoted_text,
        evidence=[(item.sha256, item.media_type) for item in submission.evidence],
        accounts=submission.accounts,
        account_ids=submission.account_ids,
    )


def urgency_of(submission: ReportSubmission) -> InitialUrgency:
    """The first urgency, by the True Vision routing rule."""
    return initial_urgency(
        future_event=submission.future_event,
        poster_identity_known=submission.poster_identity_known,
        text=words_of(submission),
    )


def actor_of(received: ReceivedReport) -> Actor:
    """Whoever sent the report: its audit and timeline entries are theirs, not the worker's."""
    return Actor(
        label=received.actor_label or "system",
        user=received.submitted_by,
        ip_address=received.ip_address,
        user_agent=received.user_agent,
        request_path=received.request_path,
    )


def origin_of(received: ReceivedReport) -> dict:
    """The report's fields that come from its receipt rather than its submission."""
    return {
        "reference": received.reference,
        "submitted_at": received.received_at,
        "source": received.source,
        "organisation": received.organisation,
        "submitted_by": received.submitted_by,
        "idempotency_key": received.idempotency_key,
        "idempotency_fingerprint": received.idempotency_fingerprint,
        "partner_reference": received.partner_reference,
    }


def report_row(submission: ReportSubmission, case, **origin) -> Report:
    """The report, not yet saved."""
    return Report(
        case=case,
        reporter_role=submission.reporter_role,
        description=submission.description,
        quoted_text=submission.quoted_text,
        occurred_on=submission.occurred_on,
        platform=submission.platform,
        platform_other=submission.platform_other,
        strand_other=submission.strand_other,
        poster_identity_known=submission.poster_identity_known,
        poster_identity_details=submission.poster_identity_details,
        future_event=submission.future_event,
        future_event_details=submission.future_event_details,
        poster_location=submission.poster_location,
        anonymous=submission.anonymous,
        **origin,
    )


def complainant_row(report: Report, submission: ReportSubmission) -> Complainant:
    """The reporter's details, not yet saved: none kept of an anonymous reporter."""
    contact = Contact() if submission.anonymous else submission.contact
    preferences = ContactPreferences() if submission.anonymous else submission.contact_preferences
    return Complainant(
        report=report,
        victim_postcode=submission.victim_postcode.upper(),
        victim_town=submission.victim_town,
        support_referral_consent=submission.support_referral_consent and not submission.anonymous,
        **asdict(contact),
        **{**asdict(preferences), "avoid_contact_times": list(preferences.avoid_contact_times)},
    )


def content_item_rows(report: Report, submission: ReportSubmission) -> list[ContentItem]:
    return [ContentItem(report=report, url=url) for url in submission.urls]


def mention_rows(report: Report, submission: ReportSubmission) -> list[AccountMention]:
    return [
        AccountMention(
            report=report,
            platform=submission.platform,
            handle=handle,
            platform_user_id=submission.account_ids.get(handle, ""),
        )
        for handle in submission.accounts
    ]


def _create_report(submission: ReportSubmission, **origin) -> Report:
    signals = signals_of(submission)
    matching.lock_keys(signals)
    found = matching.find_matches(signals)
    urgency = urgency_of(submission)
    if found.case_id is None:
        case = open_case(urgency=urgency.level, urgency_reason=urgency.reason)
    else:
        case = join_case(found.case_id, urgency=urgency.level, urgency_reason=urgency.reason)
    report = report_row(submission, case, **origin)
    report.save(force_insert=True)
    report.strands.set(Strand.objects.filter(code__in=submission.strands))
    complainant_row(report, submission).save(force_insert=True)
    ContentItem.objects.bulk_create(content_item_rows(report, submission))
    AccountMention.objects.bulk_create(mention_rows(report, submission))
    attach(report, submission.evidence)
    matching.index_report(report, signals, held_keys=found.held_keys)
    raise_content_signal(case, submission.quoted_text)
    matching.link_report_accounts(report, signals)
    matching.record_possible_matches(case, found.possible)
    if found.case_id and case.assessments.exists():
        # re-THRIVE: a case already assessed is assessed again, history kept
        transaction.on_commit(lambda: reassess_after_join.enqueue(case.pk))
    received_event(case, report, evidence_files=len(submission.evidence), found=found).save()
    audit_received(case, report)
    victims.updates.report_received(report)  # Victims' Code: written confirmation, on its clock
    matching.combine_tied([(case, found, report)])  # one post in two cases: combined
    return report


# --- Receiving: one row and the reference, at once ---------------------------------------------


def receive(
    submission: ReportSubmission, *, source: str, record_now: bool = False, **origin
) -> ReceivedReport:
    """Store the report as sent and wake the recording worker: once this returns, the report
    will be recorded even if every process dies now (the recording task also runs every
    minute, and finds it). `record_now` records it in the same transaction instead
    (volunteers' imports, the demo data)."""
    actor = current_actor()

    def store() -> ReceivedReport:
        return ReceivedReport.objects.create(
            reference=new_reference(),
            received_at=timezone.now(),
            source=source,
            submission=submission.to_json(),
            actor_label=actor.label[:200],
            ip_address=actor.ip_address or "",
            user_agent=actor.user_agent[:300],
            request_path=actor.request_path[:300],
            urgency=urgency_of(submission).level,
            **origin,
        )

    if record_now:
        with transaction.atomic():
            received = store()
            received.report = record_received(received.pk)
        return received
    # One INSERT is atomic by itself: no BEGIN and COMMIT round trips on the acknowledging
    # path. Inside a caller's transaction, a savepoint keeps that transaction usable when the
    # insert is refused (a replayed Idempotency-Key).
    with transaction.atomic() if transaction.get_connection().in_atomic_block else nullcontext():
        received = store()
    wake_recorder()
    return received


@dataclass(frozen=True)
class _ContactAnswers:
    """A public form's contact answers, in the shape the Victims' Code rules read."""

    email: str
    phone: str
    contact_method: str
    safe_to_leave_message: bool
    post_allowed: bool
    postal_address: str


CONFIRMATION_BY = {"email": "email", "sms": "text message", "letter": "letter"}


def what_happens_next(submission: ReportSubmission) -> dict[str, object]:
    """What the confirmation page tells a public reporter about hearing from us, from their own
    answers, so it never promises what will not happen: the way the written confirmation goes
    (none when they said it is not safe to leave a message: an officer makes contact), and
    whether they already asked to be referred to a support service. Kept in the session beside
    the reference, so it holds words, not contact details."""
    contact, preferences = submission.contact, submission.contact_preferences
    answers = _ContactAnswers(
        email=contact.email,
        phone=contact.phone,
        contact_method=contact.contact_method,
        safe_to_leave_message=contact.safe_to_leave_message,
        post_allowed=preferences.post_allowed,
        postal_address=preferences.postal_address,
    )
    channel = victims.recipients.confirmation_channel(answers, anonymous=submission.anonymous)
    return {
        "confirmation_by": CONFIRMATION_BY[channel] if channel else "",
        "not_safe_to_leave_message": not submission.anonymous and not contact.safe_to_leave_message,
        "phone_given": bool(contact.phone),
        "support_referral": not submission.anonymous and submission.support_referral_consent,
    }


def receive_public_report(
    submission: ReportSubmission, *, volunteer=None, record_now: bool = False
) -> ReceivedReport:
    """The receipt, with `tracking_secret`: the Track my report code, to show once (only its
    hash is kept)."""
    secret, secret_hash = victims.tracking.new_tracking_secret()
    received = receive(
        submission,
        source=Source.VOLUNTEER if volunteer is not None else Source.PUBLIC,
        submitted_by=volunteer,
        tracking_secret_hash=secret_hash,
        record_now=record_now,
    )
    received.tracking_secret = secret
    return received


def submit_public_report(submission: ReportSubmission, *, volunteer=None) -> Report:
    """Receive and record at once: the report, with `tracking_secret` to show once."""
    received = receive_public_report(submission, volunteer=volunteer, record_now=True)
    report = _recorded(received)
    report.tracking_secret = received.tracking_secret
    return report


def receive_partner_report(
    submission: ReportSubmission,
    *,
    organisation,
    idempotency_key: str | None,
    partner_reference: str = "",
    record_now: bool = False,
) -> tuple[ReceivedReport, bool]:
    """Returns (receipt, created). A retry with the same key and body returns the first
    receipt, recorded or not; the same key with another body raises IdempotencyConflict."""
    fingerprint = submission.fingerprint()
    # Insert first: a new key (nearly every request) costs no lookup; a used one fails on the
    # unique constraint, whether used long ago or by a concurrent retry, and is answered below.
    try:
        received = receive(
            submission,
            source=Source.PARTNER,
            organisation=organisation,
            idempotency_key=idempotency_key or None,
            idempotency_fingerprint=fingerprint if idempotency_key else "",
            partner_reference=partner_reference,
            record_now=record_now,
        )
    except IntegrityError:
        existing = _by_key(organisation, idempotency_key) if idempotency_key else None
        if existing is None:
            raise
        return _replay(existing, fingerprint), False
    return received, True


def submit_partner_report(submission: ReportSubmission, **kwargs) -> tuple[Report, bool]:
    """Receive and record at once (benchmarks and tests of the whole intake path)."""
    received, created = receive_partner_report(submission, record_now=True, **kwargs)
    return _recorded(received), created


def _recorded(received: ReceivedReport) -> Report:
    """The report of a receipt recorded at once (`record_now`)."""
    if received.report is None:
        raise RuntimeError(f"Report {received.reference} was received but not recorded")
    return received.report


def _by_key(organisation, key: str) -> ReceivedReport | None:
    return (
        ReceivedReport.objects.select_related("report")
        .filter(organisation=organisation, idempotency_key=key)
        .first()
    )


def _replay(existing: ReceivedReport, fingerprint: str) -> ReceivedReport:
    if existing.idempotency_fingerprint != fingerprint:
        raise IdempotencyConflict(existing)
    return existing


# --- Recording: by task, exactly once -----------------------------------------------------------


def record_received(received_id: int) -> Report | None:
    """Record a received report: matching, its case, the audit log, the Victims' Code clock.
    The receipt is locked and marked recorded in the same transaction, so a second run (a
    retried task) does nothing and returns the report the first one recorded."""
    received = retried_on_conflict(
        lambda: _record(ReceivedReport.objects.filter(pk=received_id), skip_locked=False)
    )
    return received.report if received else None


def record_waiting(*, for_seconds: float, batch_size: int | None = None) -> int:
    """Record the waiting reports, most urgent then oldest first (a report about a future event
    ahead of a backlog of routine ones), until none is left or `for_seconds` have
    passed; returns how many were recorded. Receipts are claimed in batches of `batch_size`
    (`HUB_RECORDING_BATCH_SIZE`; 1 records one by one) and each batch is recorded in one
    transaction (`batches.record_batch`), skipping any receipt another worker holds, so several
    workers share a backlog and one killed mid-batch leaves the whole batch waiting for the next.
    A batch that fails is recorded again one by one: a report whose recording fails keeps its
    error and is left to `retry_failed_recordings`; the others go on. While a surge lasts, it
    records for only a share of its time (`pacing`), leaving the rest to acknowledging."""
    size = batch_size or settings.HUB_RECORDING_BATCH_SIZE
    pacing = SurgePacing(settings.HUB_SURGE_REPORTS_PER_SECOND, settings.HUB_SURGE_RECORDING_SHARE)
    arrivals = ArrivalRate()
    deadline = time.monotonic() + for_seconds
    recorded = 0
    while (started := time.monotonic()) < deadline:
        if arrivals.due(started):
            arrivals.update(started, _newest_receipt_id())
        claimed, done = (_record_one if size == 1 else partial(_record_batch, size))()
        if not claimed:
            return recorded
        recorded += done
        pause = pacing.pause_after(time.monotonic() - started, arrivals.per_second)
        _hold_back(min(pause, max(deadline - time.monotonic(), 0)), pacing, arrivals)
    wake_recorder()  # more is waiting: a new run goes on after what else is queued
    return recorded


def _hold_back(seconds: float, pacing: SurgePacing, arrivals: ArrivalRate) -> None:
    """Pause, but no longer than the surge lasts: a batch's pause can be seconds long, and the
    backlog is recorded at full speed as soon as reports stop arriving so fast."""
    until = time.monotonic() + seconds
    while (now := time.monotonic()) < until:
        time.sleep(min(until - now, 1.0))
        if arrivals.due(time.monotonic()):
            arrivals.update(time.monotonic(), _newest_receipt_id())
            if arrivals.per_second < pacing.surge_rate:
                return


def _record_one() -> tuple[bool, int]:
    """Claim and record the first waiting receipt alone: (claimed one, recorded it)."""
    taken: list[int] = []
    try:
        received = retried_on_conflict(
            partial(_record, _waiting_for_first_attempt(), skip_locked=True, taken=taken)
        )
    except Exception as error:
        if not taken:
            raise
        recording_failed(taken[0], error)
        logger.exception("Recording report %s failed", taken[0])
        return True, 0
    return received is not None, int(received is not None)


def _record_batch(size: int) -> tuple[bool, int]:
    """Claim and record a batch (claimed any, how many recorded). A batch that fails is rolled
    back whole and its receipts recorded one by one, so one bad report holds up no other."""
    from .batches import record_batch

    taken: list[int] = []
    try:
        done = retried_on_conflict(
            partial(record_batch, _waiting_for_first_attempt(), size=size, taken=taken)
        )
    except Exception:
        if not taken:
            raise
        logger.warning(
            "Recording a batch of %s reports failed: recording them one by one", len(taken)
        )
        done = 0
        for received_id in taken:
            one = _waiting_for_first_attempt().filter(pk=received_id)
            try:
                done += retried_on_conflict(partial(_record, one, skip_locked=True)) is not None
            except Exception as error:
                recording_failed(received_id, error)
                logger.exception("Recording report %s failed", received_id)
        return True, done
    return bool(taken), done


def wake_recorder() -> None:
    """Have a task worker record what is waiting (see `record_waiting`)."""
    from .tasks import record_waiting_reports

    enqueue_unless_waiting(record_waiting_reports)


def _newest_receipt_id() -> int:
    return ReceivedReport.objects.order_by("-pk").values_list("pk", flat=True).first() or 0


def _waiting_for_first_attempt():
    return ReceivedReport.objects.filter(recorded_at__isnull=True, attempts=0).order_by(
        "urgency", "pk"
    )


def _record(receipts, *, skip_locked: bool, taken: list[int] | None = None):
    """Lock the first of `receipts` and record it; the receipt, or None if there is none."""

    @transaction.atomic
    def record_it() -> ReceivedReport | None:
        received = (
            receipts.select_for_update(of=("self",), skip_locked=skip_locked)
            .select_related("submitted_by", "organisation", "report")
            .first()
        )
        if received is None or received.recorded_at is not None:
            return received
        if taken is not None:
            taken[:] = [received.pk]  # (a retry after a deadlock may take another)
        token = set_actor(actor_of(received))
        try:
            report = _create(ReportSubmission.from_json(received.submission), **origin_of(received))
            if received.tracking_secret_hash:
                victims.tracking.store_tracking_secret(report, received.tracking_secret_hash)
        finally:
            reset_actor(token)
        received.report = report
        received.recorded_at = timezone.now()
        # The report and its audit entries hold these now, protected and erasable there: the
        # receipt keeps no personal data, only what answers a retry.
        received.submission = received.ip_address = received.user_agent = ""
        received.request_path = ""
        received.save(
            update_fields=[
                "report",
                "recorded_at",
                "submission",
                "ip_address",
                "user_agent",
                "request_path",
            ]
        )
        return received

    return record_it()


def recording_failed(received_id: int, error: Exception) -> None:
    ReceivedReport.objects.filter(pk=received_id).update(
        attempts=models.F("attempts") + 1, last_error=f"{type(error).__name__}: {error}"[:2000]
    )


def failed_receipts() -> list[int]:
    """Receipts whose recording task failed: each failure added an attempt, and a receipt
    still waiting for its first run has none, so it is not queued twice."""
    return list(
        ReceivedReport.objects.filter(recorded_at__isnull=True, attempts__gt=0).values_list(
            "pk", flat=True
        )
    )
