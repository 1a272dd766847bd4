"""Writing and sending updates to complainants: ``draft``, ``send_update`` (the officer's checked
text through the outbox, in the complainant's channel, at a time they allow, stored exactly as
sent), ``send_confirmation`` of a report (automatic unless it is not safe to leave a message),
the clocks a received report starts, scheduled messages and the outbox's delivery news."""

from __future__ import annotations

import datetime as dt
import logging

from django.db import transaction
from django.db.models import Q
from django.urls import reverse
from django.utils import timezone

from hatehub.audit.services import Action, record
from hatehub.reports.models import Complainant, Report

from .. import conf, contact, messages
from ..clocks import Deadline, deadline, event_local_date
from ..models import (
    TrackingCredential,
    VictimMessage,
    VictimUpdateDue,
)
from ..selectors import support_state
from .errors import UpdateRefused
from .events import has_enhanced_rights, mark_update_sent, nation_for, record_event
from .recipients import (
    can_be_contacted,
    channels_for,
    complainant_of,
    confirmation_channel,
    recipient,
    writes_automatically,
)
from .tracking import new_tracking_link

log = logging.getLogger(__name__)


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
    from ..clocks import right_to_review_request_closes

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
    force = case.allocated_force.name if case.allocated_force is not None else ""
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
        support=support_state(report),
        has_tracking_code=TrackingCredential.objects.filter(report=report).exists(),
    )


def _support_default(person: Complainant) -> str:
    return "Cymorth i Ddioddefwyr" if person.language == "cy" else "Victim Support"


def draft(update: VictimUpdateDue, *, nfa_reason: str = "", explanation: str = ""):
    """The message the officer starts from (``messages.Rendered``)."""
    return messages.render(message_context(update, nfa_reason=nfa_reason, explanation=explanation))


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
            message.update,  # type: ignore[arg-type]  # set: update_id is
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
    from ..tasks import send_scheduled_message

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
        channel = confirmation_channel(complainant_of(report), anonymous=report.anonymous)
        if channel is None:
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
        from ..tasks import send_confirmation_task

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
        from ..tasks import send_confirmations_task

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
