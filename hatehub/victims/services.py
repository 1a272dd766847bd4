"""Victims' Code clocks, updates to complainants and Track my report: the functions that write.

- ``record_event(case, event, ...)`` starts the clock for a notifiable event for each complainant
  who can be contacted (never an anonymous reporter); the same (report, event, moment) is
  started once however often it is called.
- ``send_update(update, ...)`` sends the officer's checked text through the outbox in the
  complainant's chosen channel, at a time they allow, and stores it exactly as sent;
  ``mark_update_sent`` meets the duty (also for an update given by phone).
- ``send_confirmation(report)`` writes the confirmation of a report automatically, unless the
  reporter said it is not safe to leave a message (``contact_safety``): then nothing is sent
  automatically and an officer makes contact.
- Track my report: ``new_tracking_secret`` (at receipt) and ``store_tracking_secret`` (once
  recorded), ``new_tracking_link``, ``open_with_secret`` and
  ``open_with_link``, with lock-outs per IP address and per reference kept in the database.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import logging
import secrets
from collections.abc import Iterable
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth.hashers import check_password
from django.core import signing
from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from hatehub.audit.services import Action, record
from hatehub.core.reference_numbers import ALPHABET, normalise
from hatehub.reports.models import Complainant, ReceivedReport, Report

from . import conf, contact, messages
from .calendar import Nation
from .clocks import RULES, Deadline, deadline, event_local_date
from .models import (
    CHANNEL_LABELS,
    TrackingAttempt,
    TrackingCredential,
    TrackingLink,
    VictimMessage,
    VictimUpdateDue,
)

log = logging.getLogger(__name__)

VICTIM_ROLES = frozenset({"victim", "on_behalf"})
_COUNTRY_NATIONS = {
    "england": Nation.ENGLAND_AND_WALES,
    "wales": Nation.ENGLAND_AND_WALES,
    "scotland": Nation.SCOTLAND,
    "northern ireland": Nation.NORTHERN_IRELAND,
}


class UpdateRefused(ValueError):
    """The update cannot be sent as asked; nothing was changed."""


# --- Who can be contacted, and how ------------------------------------------------------------


def complainant_of(report: Report) -> Complainant | None:
    try:
        return report.complainant
    except Complainant.DoesNotExist:
        return None


def channels_for(report: Report) -> list[str]:
    """The channels the complainant may be written to on, their chosen one first. Anonymous
    reporters: none. A phone number is texted only if a message may be left there; letters
    only if they said post is safe and gave an address."""
    person = complainant_of(report)
    if report.anonymous or person is None:
        return []
    found: list[str] = []
    email = "email" if person.email else None
    sms = "sms" if person.phone and person.safe_to_leave_message else None
    preferred = [email, sms] if person.contact_method != "phone" else [sms, email]
    found.extend(channel for channel in preferred if channel)
    if person.post_allowed and person.postal_address.strip():
        found.append("letter")
    return found


@dataclass(frozen=True)
class ContactSafety:
    """What an officer must know before contacting a complainant who said it is not safe to
    leave a message: why nothing goes out automatically, and how they may be contacted."""

    automatic: bool  # may the hub write to them with no officer involved (the confirmation)?
    channels: tuple[str, ...]  # the written channels an officer may still choose, as labels
    summary: str  # "Not safe to leave a message: contact only by ..."


def contact_safety(report: Report) -> ContactSafety | None:
    """None when a message may be left (or the reporter cannot be contacted at all). Otherwise
    nothing is sent automatically, and the officer is told how to make contact: a phone call
    speaking to the person themselves, and a written channel only once they have checked it is
    safe. An email is a message someone else might see, which is what the reporter was
    asked about, so an officer chooses it knowingly; a text message is never sent."""
    person = complainant_of(report)
    if report.anonymous or person is None or person.safe_to_leave_message:
        return None
    ways = []
    if person.phone:
        ways.append(f"phone ({person.phone}), speaking to them: leave no voicemail or text")
    written = tuple(CHANNEL_LABELS[channel] for channel in channels_for(report))
    if written:
        ways.append(
            " or ".join(label.lower() for label in written)
            + " only once they have told you it is safe"
        )
    if not ways:
        ways.append("a way they tell you is safe: they gave no phone number and no safe channel")
    summary = "Not safe to leave a message: contact only by " + "; or by ".join(ways) + "."
    summary += " Nothing is sent to them automatically."
    if person.contact_notes:
        summary += f" They said: “{person.contact_notes}”"
    return ContactSafety(automatic=False, channels=written, summary=summary)


def writes_automatically(report: Report) -> bool:
    """May the hub write to this reporter with no officer involved? Not when it is unsafe to
    leave a message: an email, text or letter could be seen by the person they fear."""
    person = complainant_of(report)
    return can_be_contacted(report) and bool(person and person.safe_to_leave_message)


def can_be_contacted(report: Report) -> bool:
    """Anonymous reporters are never contacted; others need some way to reach them (a phone
    number with no message allowed still means an officer can call)."""
    person = complainant_of(report)
    if report.anonymous or person is None:
        return False
    return bool(person.email or person.phone or (person.post_allowed and person.postal_address))


def recipient(report: Report, channel: str) -> str:
    person = report.complainant
    return {"email": person.email, "sms": person.phone, "letter": _letter_to(person)}[channel]


def _letter_to(person: Complainant) -> str:
    lines = [person.name] if person.name else []
    lines += [line.strip() for line in person.postal_address.splitlines() if line.strip()]
    return "\n".join(lines)


# --- Clocks -----------------------------------------------------------------------------------


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


# --- Writing and sending updates --------------------------------------------------------------


def _outcome_of(update: VictimUpdateDue):
    return getattr(update.report, "crime_outcome", None) if update.event == "outcome" else None


def outcome_code(update: VictimUpdateDue) -> int | None:
    code = update.details.get("code")
    if code is None:
        outcome = _outcome_of(update)
        code = outcome.code if outcome else None
    return int(code) if code is not None else None


def review_for(update: VictimUpdateDue) -> tuple[str, dt.date | None]:
    """Which Right to Review the message offers, and the last day to ask."""
    from .clocks import right_to_review_request_closes

    if update.event != "outcome":
        return "", None
    outcome = _outcome_of(update)
    identified = bool(outcome.suspect_identified) if outcome else False
    kind = messages.review_kind(outcome_code(update), suspect_identified=identified)
    if not kind:
        return "", None
    decided = outcome.outcome_date if outcome else timezone.localdate(update.event_at)
    return kind, right_to_review_request_closes(decided)


def message_context(
    update: VictimUpdateDue, *, nfa_reason: str = "", explanation: str = "", language: str = ""
) -> messages.MessageContext:
    report = update.report
    person = report.complainant
    case = report.case
    force = case.allocated_force.name if case.allocated_force_id else ""
    sender = force if case.force_accepted_at else ""
    review, closes = review_for(update)
    return messages.MessageContext(
        language=language or person.language or "en",
        event=update.event,
        reference=report.reference,
        received_on=timezone.localdate(report.submitted_at),
        report_url=conf.public_url() + reverse("intake:start"),
        name=person.name,
        force=force,
        sender=sender,
        outcome_code=outcome_code(update),
        nfa_reason=nfa_reason,
        explanation=explanation,
        review=review,
        review_closes=closes,
        support_service=str(update.details.get("support_service", "")) or _support_default(person),
        release_terms=str(update.details.get("release_terms", "")),
        review_result=str(update.details.get("review_result", "")),
        discreet=not person.safe_to_leave_message,
        support=_support_state(report, person),
        has_tracking_code=TrackingCredential.objects.filter(report=report).exists(),
    )


def _support_state(report: Report, person: Complainant) -> str:
    """What the complainant said about a support referral, and whether it has been made."""
    if not person.support_referral_consent:
        return "offered"
    passed_on = report.support_referrals.filter(status__in=("sent", "acknowledged", "closed"))
    return "referred" if passed_on.exists() else "consented"


def _support_default(person: Complainant) -> str:
    return "Cymorth i Ddioddefwyr" if person.language == "cy" else "Victim Support"


def draft(update: VictimUpdateDue, *, nfa_reason: str = "", explanation: str = ""):
    """The message the officer starts from (``messages.Rendered``)."""
    return messages.render(message_context(update, nfa_reason=nfa_reason, explanation=explanation))


def _token_signer() -> signing.TimestampSigner:
    return signing.TimestampSigner(salt="hatehub.victims.track-link")


def new_tracking_link(report: Report) -> str:
    """A fresh single-use link to Track my report for this report (absolute URL)."""
    raw = secrets.token_urlsafe(24)
    now = timezone.now()
    TrackingLink.objects.create(
        report=report,
        token_hash=hashlib.sha256(raw.encode()).hexdigest(),
        created_at=now,
        expires_at=now + dt.timedelta(days=conf.track_link_days()),
    )
    token = _token_signer().sign(raw)
    return conf.public_url() + reverse("track:link", kwargs={"token": token})


def _hand_over(message: VictimMessage) -> VictimMessage:
    """Give the message to the outbox now (it is due), putting a fresh link in its text."""
    from hatehub.outbox.services import send

    report = message.report
    if messages.TRACK_LINK_MARKER in message.body or messages.TRACK_LINK_MARKER in (
        message.sent_text
    ):
        link = new_tracking_link(report)
        message.body = message.body.replace(messages.TRACK_LINK_MARKER, link)
        message.sent_text = message.sent_text.replace(messages.TRACK_LINK_MARKER, link)
    outbox = send(
        channel=message.channel,
        to=message.recipient,
        subject=message.subject if message.channel == "email" else "",
        body=message.sent_text,
        key=message.key,
        purpose="victim_update",
        about=("victim_message", str(message.pk)),
        reply_to=conf.reply_to(),
    )
    message.outbox_message = outbox
    message.handed_over_at = timezone.now()
    message.send_after = None
    message.status = {
        "held": VictimMessage.Status.HELD,
        "sent": VictimMessage.Status.SENT,
        "failed": VictimMessage.Status.FAILED,
    }.get(outbox.status, VictimMessage.Status.QUEUED)
    message.save(
        update_fields=[
            "body",
            "sent_text",
            "outbox_message",
            "handed_over_at",
            "send_after",
            "status",
        ]
    )
    if message.update_id:
        mark_update_sent(
            message.update,
            by=message.created_by,
            how=f"{message.channel_label} sent",
            message=message,
        )
    record(
        Action.DISCLOSE,
        "victim_message",
        message.pk,
        summary=f"Update ({message.event}) for report {report.reference} handed to the outbox",
        details={"channel": message.channel, "outbox": outbox.pk, "edited": message.edited},
    )
    return message


def _schedule(message: VictimMessage, when: dt.datetime) -> None:
    from .tasks import send_scheduled_message

    def enqueue() -> None:
        try:
            send_scheduled_message.using(run_after=when).enqueue(message.pk)
        except Exception:  # noqa: BLE001 a backend without deferral: the sweep sends it
            log.info("Victim message %s waits for victims_send_due", message.pk)

    transaction.on_commit(enqueue)


def _create_message(
    report: Report,
    *,
    update: VictimUpdateDue | None,
    event: str,
    channel: str,
    subject: str,
    body: str,
    sent_text: str,
    language: str,
    key: str,
    by=None,
    outcome: int | None = None,
    nfa_reason: str = "",
    edited: bool = False,
    now: dt.datetime | None = None,
) -> VictimMessage:
    now = now or timezone.now()
    avoid = report.complainant.avoid_contact_times or []
    when = contact.next_allowed(now, avoid)
    message = VictimMessage.objects.create(
        case=report.case,
        report=report,
        update=update,
        key=key,
        event=event,
        outcome_code=outcome,
        nfa_reason=nfa_reason,
        language=language,
        channel=channel,
        recipient=recipient(report, channel),
        subject=subject,
        body=body,
        sent_text=sent_text,
        edited=edited,
        status=VictimMessage.Status.SCHEDULED,
        send_after=when if when > now else None,
        created_by=by if getattr(by, "is_authenticated", False) else None,
        created_at=now,
    )
    record(
        Action.CREATE,
        "victim_message",
        message.pk,
        summary=f"Update ({event}) for report {report.reference} written"
        + (f", waiting until {timezone.localtime(when):%d/%m/%Y %H:%M}" if when > now else ""),
        details={"channel": channel, "language": language, "edited": edited},
    )
    if when > now:
        _schedule(message, when)
        return message
    return _hand_over(message)


@transaction.atomic
def send_update(
    update: VictimUpdateDue,
    *,
    by,
    channel: str,
    subject: str,
    body: str,
    nfa_reason: str = "",
    explanation: str = "",
    now: dt.datetime | None = None,
) -> VictimMessage:
    """Send the officer's checked (and perhaps edited) update. Refused for an anonymous
    reporter, a channel they did not choose, an empty text, or an update already given."""
    update = (
        VictimUpdateDue.objects.select_for_update(of=("self",))
        .select_related("report")
        .get(pk=update.pk)
    )
    report = update.report
    if update.status != VictimUpdateDue.Status.OPEN:
        raise UpdateRefused("This update has already been given")
    if update.messages.filter(status=VictimMessage.Status.SCHEDULED).exists():
        raise UpdateRefused("This update is already waiting to be sent")
    if not can_be_contacted(report):
        raise UpdateRefused("This reporter cannot be contacted")
    if channel not in channels_for(report):
        raise UpdateRefused("Choose one of the ways the reporter agreed to be contacted")
    body = body.replace("\r\n", "\n").strip()
    subject = subject.strip()
    if not body:
        raise UpdateRefused("Enter the message")
    if channel == "email" and not subject:
        raise UpdateRefused("Enter the subject")
    if "{" in body or "}" in body:
        raise UpdateRefused("The message still has a gap to fill in (text in curly brackets)")
    generated = draft(update, nfa_reason=nfa_reason, explanation=explanation)
    language = report.complainant.language or "en"
    sent_text = generated.sms if channel == "sms" else body
    attempt = update.messages.count() + 1
    return _create_message(
        report,
        update=update,
        event=update.event,
        channel=channel,
        subject=subject if channel == "email" else "",
        body=body,
        sent_text=sent_text,
        language=language,
        key=f"victim-update:{update.pk}:{attempt}",
        by=by,
        outcome=outcome_code(update),
        nfa_reason=nfa_reason,
        edited=body != generated.body or subject != generated.subject,
        now=now,
    )


def send_confirmation(report_id: int) -> VictimMessage | None:
    """Write the confirmation of a report (the Victims' Code's written confirmation) in the
    reporter's chosen channel and language, and meet its clock. Nothing for anonymous
    reporters or those with no written channel (an officer phones them instead)."""
    with transaction.atomic():
        report = Report.objects.select_related("complainant", "case").get(pk=report_id)
        channels = channels_for(report)
        if not channels or not writes_automatically(report):
            return None  # an officer makes contact (the clock stays open for them)
        existing = VictimMessage.objects.filter(key=f"victim-confirmation:{report.pk}").first()
        if existing is not None:
            return existing
        update = (
            VictimUpdateDue.objects.filter(report=report, event="report_received")
            .order_by("pk")
            .first()
        )
        if update is None:
            return None
        rendered = draft(update)
        channel = channels[0]
        return _create_message(
            report,
            update=update,
            event="report_received",
            channel=channel,
            subject=rendered.subject if channel == "email" else "",
            body=rendered.body,
            sent_text=rendered.sms if channel == "sms" else rendered.body,
            language=report.complainant.language or "en",
            key=f"victim-confirmation:{report.pk}",
        )


def report_received(report: Report) -> None:
    """The intake hook: start the report-received clock for its reporter and send the written
    confirmation once the report is committed."""
    record_event(report.case, "report_received", at=report.submitted_at, reports=[report])
    if writes_automatically(report):
        from .tasks import send_confirmation_task

        transaction.on_commit(lambda: send_confirmation_task.enqueue(report.pk))


def reports_received(reports: list[Report]) -> dict[int, VictimUpdateDue]:
    """`report_received` for a batch of new reports (a surge recorded in batches): their
    report-received clocks in one statement, by report id, and one task that sends their
    written confirmations once committed. Each clock's audit entry is then written in its
    sender's name by `report_clock_started`."""
    closures = conf.extra_closures()
    now = timezone.now()
    clocks = []
    # A batch's reports arrived within minutes: one deadline a day, nation and rights.
    deadlines: dict[tuple, Deadline] = {}
    for report in reports:
        if not can_be_contacted(report):
            continue
        enhanced = has_enhanced_rights(report)
        at = report.submitted_at
        key = (event_local_date(at), nation_for(report.case), enhanced)
        if key not in deadlines:
            deadlines[key] = deadline(
                "report_received", at, key[1], enhanced=enhanced, extra_closures=closures
            )
        due = deadlines[key]
        clocks.append(
            VictimUpdateDue(
                report=report,
                case=report.case,
                event="report_received",
                event_at=at,
                nation=nation_for(report.case).value,
                enhanced=enhanced,
                working_days=due.working_days,
                due=due.due,
                rule=due.rule[:500],
                details={},
                officer=None,
                created_at=now,
            )
        )
    started = VictimUpdateDue.objects.bulk_create(clocks)
    if started:
        from .tasks import send_confirmations_task

        report_ids = [clock.report_id for clock in started]
        transaction.on_commit(lambda: send_confirmations_task.enqueue(report_ids))
    return {clock.report_id: clock for clock in started}


def report_clock_started(report: Report, clock: VictimUpdateDue | None) -> None:
    """The audit entry of a clock `reports_received` started, in the name of whoever is acting
    now (the report's sender)."""
    if clock is None:
        return
    record(
        Action.CREATE,
        "victim_update_due",
        clock.pk,
        summary=f"Victims' Code clock started: report_received for report {report.reference}, "
        f"due {clock.due:%d/%m/%Y}",
        details={
            "case": report.case.reference,
            "event": "report_received",
            "due": clock.due.isoformat(),
        },
    )


def send_due_messages(now: dt.datetime | None = None) -> int:
    """Hand over scheduled messages whose time has come (the sweep behind the deferred task)."""
    now = now or timezone.now()
    sent = 0
    due = VictimMessage.objects.filter(
        Q(send_after__lte=now) | Q(send_after__isnull=True),
        status=VictimMessage.Status.SCHEDULED,
    ).values_list("pk", flat=True)
    for message_id in list(due):
        sent += send_scheduled(message_id, now=now) is not None
    return sent


def send_scheduled(message_id: int, *, now: dt.datetime | None = None) -> VictimMessage | None:
    now = now or timezone.now()
    with transaction.atomic():
        message = (
            VictimMessage.objects.select_for_update(of=("self",))
            .select_related("report__complainant")
            .filter(pk=message_id, status=VictimMessage.Status.SCHEDULED)
            .first()
        )
        if message is None:
            return None
        if message.send_after and message.send_after > now:
            return None
        # The preferences may have changed since: check the time again.
        when = contact.next_allowed(now, message.report.complainant.avoid_contact_times or [])
        if when > now:
            message.send_after = when
            message.save(update_fields=["send_after"])
            _schedule(message, when)
            return None
        return _hand_over(message)


# Delivery outcomes from the outbox -------------------------------------------------------------


def delivery_succeeded(outbox_message) -> None:
    VictimMessage.objects.filter(outbox_message=outbox_message).update(
        status=VictimMessage.Status.SENT, delivered_at=outbox_message.sent_at
    )


def delivery_failed(outbox_message) -> None:
    """The message never arrived: the duty is open again and flagged on the dashboard."""
    for message in VictimMessage.objects.filter(outbox_message=outbox_message):
        message.status = VictimMessage.Status.FAILED
        message.save(update_fields=["status"])
        if message.update_id:
            VictimUpdateDue.objects.filter(pk=message.update_id).update(
                status=VictimUpdateDue.Status.OPEN, completed_at=None, delivery_failed=True
            )
            record(
                Action.CHANGE,
                "victim_update_due",
                message.update_id,
                summary=f"Update for report {message.report.reference} not delivered: due again",
                details={"outbox": outbox_message.pk, "error": outbox_message.last_error[:300]},
            )


# --- Track my report --------------------------------------------------------------------------

SECRET_LENGTH = 12
_HMAC_PREFIX = "hmac-sha256$"


def _secret_hash(secret: str) -> str:
    """The code is random (about 60 bits) and guessing is locked out, so a keyed hash is
    enough: a copy of the database alone cannot test codes without the server's key, and it
    costs microseconds, not the quarter-second of a password hasher, on every report."""
    key = hashlib.sha256(b"track-my-report:" + settings.SECRET_KEY.encode()).digest()
    return _HMAC_PREFIX + hmac.new(key, secret.encode(), hashlib.sha256).hexdigest()


def _secret_matches(secret: str, stored: str | None) -> bool:
    """Constant time; an unknown reference is checked against a throwaway hash, so a wrong
    reference takes as long to refuse as a wrong code."""
    expected = _secret_hash(secret)
    if stored is None or not stored.startswith(_HMAC_PREFIX):
        if stored:  # issued before codes were keyed-hashed
            return check_password(secret, stored)
        hmac.compare_digest(expected, _secret_hash(secrets.token_hex(8)))
        return False
    return hmac.compare_digest(expected, stored)


def _display_secret(raw: str) -> str:
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def normalise_secret(text: str) -> str:
    raw = "".join(ch for ch in (text or "").upper() if ch not in " -")
    raw = raw.replace("I", "1").replace("L", "1").replace("O", "0")
    return _display_secret(raw)


def new_tracking_secret() -> tuple[str, str]:
    """A new secret code for the reporter, to show once, and the hash that is kept of it."""
    secret = _display_secret("".join(secrets.choice(ALPHABET) for _ in range(SECRET_LENGTH)))
    return secret, _secret_hash(secret)


def store_tracking_secret(report: Report, secret_hash: str) -> None:
    TrackingCredential.objects.update_or_create(
        report=report, defaults={"secret_hash": secret_hash, "created_at": timezone.now()}
    )
    record(
        Action.CREATE,
        "tracking_credential",
        report.reference,
        summary=f"Track my report code issued for report {report.reference}",
    )


class NotYetRecorded(Exception):
    """The reference and code are right, but the report is still being recorded (in a surge
    it can take some minutes): nothing to show yet, and not a failed attempt."""


class LockedOut(Exception):
    """Too many failed attempts from this address or for this reference: try again later."""

    def __init__(self, until: dt.datetime):
        super().__init__(until.isoformat())
        self.until = until


def _failures_since(since: dt.datetime, **where) -> list[dt.datetime]:
    return list(
        TrackingAttempt.objects.filter(at__gte=since, result=TrackingAttempt.Result.FAILED, **where)
        .order_by("at")
        .values_list("at", flat=True)
    )


def lockout_until(*, ip: str, reference: str, now: dt.datetime | None = None):
    """When the lock-out on this address or reference ends, or None if there is none.
    Lock-out: more than the allowed failures inside the lock-out window; it lasts until the
    oldest failure that counts leaves the window."""
    now = now or timezone.now()
    window = conf.track_lockout()
    since = now - window
    ends: list[dt.datetime] = []
    checks = [({"ip_address": ip}, conf.track_max_failures_per_ip())] if ip else []
    if reference:
        checks.append(({"reference": reference}, conf.track_max_failures_per_reference()))
    for where, limit in checks:
        failures = _failures_since(since, **where)
        if len(failures) >= limit:
            ends.append(failures[-limit] + window)
    return max(ends) if ends else None


def _attempt(*, ip: str, reference: str, method: str, result: str, report=None) -> None:
    TrackingAttempt.objects.create(
        at=timezone.now(),
        ip_address=ip[:45],
        reference=reference[:20],
        method=method,
        result=result,
        report=report,
    )
    action = Action.VIEW if result == TrackingAttempt.Result.SUCCESS else Action.DENIED
    wording = {
        TrackingAttempt.Result.SUCCESS: "opened",
        TrackingAttempt.Result.FAILED: "refused: wrong details",
        TrackingAttempt.Result.LOCKED: "refused: locked out after repeated failures",
    }[result]
    record(
        action,
        "report" if report is not None else "track_attempt",
        report.reference if report is not None else reference[:64],
        summary=f"Track my report {wording} ({method})",
        details={"method": method, "result": result, "reference_typed": reference[:20]},
    )


def open_with_secret(reference_typed: str, secret_typed: str, *, ip: str) -> Report | None:
    """The report if the reference and secret code match; None (logged) if not. Raises
    ``LockedOut`` (logged) while the address or the reference is locked out; the code is not
    even checked then, so guessing during a lock-out learns nothing."""
    reference = normalise(reference_typed or "") or (reference_typed or "").strip().upper()[:20]
    with transaction.atomic():  # the refusal is logged before it is raised
        until = lockout_until(ip=ip, reference=reference)
        if until is not None:
            _attempt(
                ip=ip, reference=reference, method="secret", result=TrackingAttempt.Result.LOCKED
            )
    if until is not None:
        raise LockedOut(until)
    return _check_secret(reference, secret_typed, ip=ip)


@transaction.atomic
def _check_secret(reference: str, secret_typed: str, *, ip: str) -> Report | None:
    credential = (
        TrackingCredential.objects.select_related("report").filter(report__reference=reference)
    ).first()
    secret = normalise_secret(secret_typed)
    if credential is None:
        waiting = ReceivedReport.objects.filter(reference=reference, recorded_at__isnull=True)
        waiting_hash = waiting.values_list("tracking_secret_hash", flat=True).first()
        if waiting_hash and _secret_matches(secret, waiting_hash):
            raise NotYetRecorded(reference)
    ok = _secret_matches(secret, credential.secret_hash if credential else None)
    if credential is None or not ok:
        _attempt(ip=ip, reference=reference, method="secret", result=TrackingAttempt.Result.FAILED)
        return None
    _attempt(
        ip=ip,
        reference=reference,
        method="secret",
        result=TrackingAttempt.Result.SUCCESS,
        report=credential.report,
    )
    return credential.report


def open_with_link(token: str, *, ip: str) -> Report | None:
    """The report a single-use link opens, using the link up; None (logged) for a link that
    is forged, expired or already used. Raises ``LockedOut`` while the address is locked out."""
    with transaction.atomic():
        until = lockout_until(ip=ip, reference="")
        if until is not None:
            _attempt(ip=ip, reference="", method="link", result=TrackingAttempt.Result.LOCKED)
    if until is not None:
        raise LockedOut(until)
    return _use_link(token, ip=ip)


@transaction.atomic
def _use_link(token: str, *, ip: str) -> Report | None:
    max_age = dt.timedelta(days=conf.track_link_days())
    link = None
    try:
        raw = _token_signer().unsign(token, max_age=max_age)
    except signing.BadSignature:
        raw = None
    if raw is not None:
        link = (
            TrackingLink.objects.select_for_update(of=("self",))
            .select_related("report")
            .filter(token_hash=hashlib.sha256(raw.encode()).hexdigest())
            .first()
        )
    now = timezone.now()
    if link is None or link.used_at is not None or link.expires_at < now:
        # Counted against the address only: a victim opening an old link again must not lock
        # their own reference out.
        _attempt(ip=ip, reference="", method="link", result=TrackingAttempt.Result.FAILED)
        return None
    link.used_at = now
    link.save(update_fields=["used_at"])
    _attempt(
        ip=ip,
        reference=link.report.reference,
        method="link",
        result=TrackingAttempt.Result.SUCCESS,
        report=link.report,
    )
    return link.report
