"""Taking in a report, from the public journey, a volunteer or a partner's API call.

One transaction writes the report, the reporter's details, the URLs, accounts and evidence hashes,
opens its case and logs it; anything slower (thumbnails, later matching) runs afterwards as tasks.
"""

import hashlib
import json
from dataclasses import asdict, dataclass, field
from datetime import date

from django.db import IntegrityError, transaction
from django.utils import timezone

from hatehub.assessment.services import content_signals
from hatehub.assessment.tasks import reassess_after_join
from hatehub.audit.services import Action, deferred, record
from hatehub.cases.models import CaseEvent
from hatehub.cases.services import add_event, join_case, open_case
from hatehub.core.db import retried_on_conflict
from hatehub.evidence.services import ReceivedFile, attach
from hatehub.matching import services as matching
from hatehub.victims import services as victims

from .choices import Source
from .models import AccountMention, Complainant, ContentItem, Report, Strand
from .reference_numbers import new_reference
from .routing import initial_urgency


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
        content = asdict(self)
        # When a file arrived is not part of what was reported: a retry sends the same bytes later.
        content["evidence"] = [item.sha256 for item in self.evidence]
        return hashlib.sha256(json.dumps(content, sort_keys=True, default=str).encode()).hexdigest()


class IdempotencyConflict(Exception):
    """The idempotency key was used before for a different report."""

    def __init__(self, existing: Report):
        super().__init__(existing.reference)
        self.existing = existing


def raise_content_signal(case, quoted_text: str) -> None:
    """Order a surge's queue by what the posts say: the case keeps its strongest signal."""
    if not quoted_text:
        return
    scored, _ = content_signals(quoted_text)
    if scored is None:
        return
    strongest = round(max(scored.hate, scored.threat), 3)
    if strongest > case.content_signal:
        case.content_signal = strongest
        case.save(update_fields=["content_signal", "updated_at"])


def _create(submission: ReportSubmission, **origin) -> Report:
    # The audit entries are written last (audit.deferred): during a surge many reports join the
    # same case at once, and none may hold the audit chain while it waits for the case.
    with deferred():
        return _create_report(submission, **origin)


def _create_report(submission: ReportSubmission, **origin) -> Report:
    signals = matching.signals_for(
        platform=submission.platform,
        urls=submission.urls,
        quoted_text=submission.quoted_text,
        evidence=[(item.sha256, item.media_type) for item in submission.evidence],
    )
    matching.lock_keys(signals)
    found = matching.find_matches(signals)
    urgency = initial_urgency(
        future_event=submission.future_event, poster_identity_known=submission.poster_identity_known
    )
    if found.case_id is None:
        case = open_case(urgency=urgency.level, urgency_reason=urgency.reason)
    else:
        case = join_case(found.case_id, urgency=urgency.level, urgency_reason=urgency.reason)
    report = Report.objects.create(
        reference=new_reference(),
        submitted_at=timezone.now(),
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
    report.strands.set(Strand.objects.filter(code__in=submission.strands))
    contact = Contact() if submission.anonymous else submission.contact
    preferences = ContactPreferences() if submission.anonymous else submission.contact_preferences
    Complainant.objects.create(
        report=report,
        victim_postcode=submission.victim_postcode.upper(),
        victim_town=submission.victim_town,
        support_referral_consent=submission.support_referral_consent and not submission.anonymous,
        **asdict(contact),
        **{**asdict(preferences), "avoid_contact_times": list(preferences.avoid_contact_times)},
    )
    ContentItem.objects.bulk_create(ContentItem(report=report, url=url) for url in submission.urls)
    AccountMention.objects.bulk_create(
        AccountMention(
            report=report,
            platform=submission.platform,
            handle=handle,
            platform_user_id=submission.account_ids.get(handle, ""),
        )
        for handle in submission.accounts
    )
    attach(report, submission.evidence)
    matching.index_report(report, signals, held_keys=found.held_keys)
    raise_content_signal(case, submission.quoted_text)
    matching.link_report_accounts(report, signals)
    matching.record_possible_matches(case, found.possible)
    joined = f"; joined this case: {found.reason}" if found.case_id else ""
    if found.case_id:  # re-THRIVE: a case already assessed is assessed again, history kept
        transaction.on_commit(lambda: reassess_after_join.enqueue(case.pk))
    add_event(
        case,
        CaseEvent.Kind.REPORT_ADDED,
        f"Report {report.reference} received ({report.get_source_display()}, "
        f"{len(submission.evidence)} evidence file(s)){joined}",
        details={"report": report.reference, "match": found.reason},
    )
    record(
        Action.CREATE,
        "report",
        report.reference,
        summary=f"Report {report.reference} received from {report.get_source_display()}",
        details={"case": case.reference, "anonymous": report.anonymous},
    )
    victims.report_received(report)  # Victims' Code: written confirmation, on its clock
    return report


def submit_public_report(submission: ReportSubmission, *, volunteer=None) -> Report:
    """The report, with `tracking_secret`: the Track my report code, to show once."""

    @transaction.atomic
    def create() -> Report:
        if volunteer is not None:
            report = _create(submission, source=Source.VOLUNTEER, submitted_by=volunteer)
        else:
            report = _create(submission, source=Source.PUBLIC)
        report.tracking_secret = victims.issue_tracking_secret(report)
        return report

    return retried_on_conflict(create)


def submit_partner_report(
    submission: ReportSubmission,
    *,
    organisation,
    idempotency_key: str | None,
    partner_reference: str = "",
) -> tuple[Report, bool]:
    """Returns (report, created). A retry with the same key and body returns the first report."""
    fingerprint = submission.fingerprint()
    if idempotency_key:
        existing = _by_key(organisation, idempotency_key)
        if existing:
            return _replay(existing, fingerprint), False

    @transaction.atomic
    def create() -> Report:
        return _create(
            submission,
            source=Source.PARTNER,
            organisation=organisation,
            idempotency_key=idempotency_key or None,
            idempotency_fingerprint=fingerprint if idempotency_key else "",
            partner_reference=partner_reference,
        )

    try:
        report = retried_on_conflict(create)
    except IntegrityError:
        # A concurrent retry won the race for this key: answer with its report.
        existing = _by_key(organisation, idempotency_key) if idempotency_key else None
        if existing is None:
            raise
        return _replay(existing, fingerprint), False
    return report, True


def _by_key(organisation, key: str) -> Report | None:
    return Report.objects.filter(organisation=organisation, idempotency_key=key).first()


def _replay(existing: Report, fingerprint: str) -> Report:
    if existing.idempotency_fingerprint != fingerprint:
        raise IdempotencyConflict(existing)
    return existing
