"""Personal data held by the outbox, for `hatehub.privacy`: messages about a case or sent to
its complainants. The message row stays (channel, purpose, dates, status) so delivery figures
add up; its recipient, subject, body and attachments go. A message not yet sent is stopped.

A message belongs to the case when it is `about` the case, one of its reports, a support
referral or a victim message of the case, or a platform referral naming it; or when its text
names the case's or a report's reference; or when it went to a complainant's email, phone or
postal address. Candidates are read from the day the case opened, in batches."""

from datetime import timedelta

ERASE_ORDER = 85  # before intake: reads the complainants' contact details
BATCH = 500


def _about_pairs(case, report_refs: set[str]) -> set[tuple[str, str]]:
    """The case, its reports, and what the sending apps say is the case's (their
    `outbox_subjects.py`: `of_case(case)`, pairs of kind and key)."""
    from hatehub.core.extensions import app_modules

    pairs = {("case", case.reference), ("case", str(case.pk))}
    pairs |= {("report", ref) for ref in report_refs}
    for module in app_modules("outbox_subjects"):
        pairs |= module.of_case(case)
    return pairs


def _contacts(case) -> set[str]:
    from hatehub.reports.models import Complainant

    found = set()
    for complainant in Complainant.objects.filter(report__case=case):
        for value in (complainant.email, complainant.phone, complainant.postal_address):
            if value and len(value.strip()) >= 5:
                found.add(value.strip().casefold())
    return found


def messages_for_case(case):
    """The outbox messages that belong to the case (see the module's docstring)."""
    from hatehub.outbox.models import OutboxMessage

    report_refs = set(case.reports.values_list("reference", flat=True))
    refs = {case.reference, *report_refs} - {""}
    pairs = _about_pairs(case, report_refs)
    contacts = _contacts(case)
    since = case.opened_at - timedelta(days=1)
    last_pk = 0
    while True:
        batch = list(
            OutboxMessage.objects.filter(created_at__gte=since, pk__gt=last_pk)
            .order_by("pk")
            .only("pk", "about_type", "about_id", "recipient", "subject", "body")[:BATCH]
        )
        if not batch:
            return
        for message in batch:
            text = f"{message.subject}\n{message.body}"
            recipient = message.recipient.strip().casefold()
            if (
                (message.about_type, message.about_id) in pairs
                or any(ref in text for ref in refs)
                or (recipient and recipient in contacts)
                or any(contact in text.casefold() for contact in contacts)
            ):
                yield message
        last_pk = batch[-1].pk


def erase_for_case(case) -> dict[str, int]:
    from hatehub.outbox.models import OutboxAttachment, OutboxMessage

    ids = [message.pk for message in messages_for_case(case)]
    unsent = OutboxMessage.objects.filter(pk__in=ids).exclude(
        status__in=[OutboxMessage.Status.SENT, OutboxMessage.Status.FAILED]
    )
    stopped = unsent.update(
        status=OutboxMessage.Status.FAILED, next_attempt_at=None, claimed_at=None
    )
    attachments = OutboxAttachment.objects.filter(message_id__in=ids).delete()[0]
    blanked = OutboxMessage.objects.filter(pk__in=ids).update(
        recipient="", subject="", body="", reply_to="", last_error=""
    )
    return {
        "outbox_messages_blanked": blanked,
        "outbox_messages_stopped": stopped,
        "outbox_attachments": attachments,
    }


def export_for_complainant(complainant) -> dict:
    """Messages the hub sent to the complainant's own email, phone or address."""
    from hatehub.outbox.models import OutboxMessage

    contacts = {
        value.strip().casefold()
        for value in (complainant.email, complainant.phone, complainant.postal_address)
        if value and value.strip()
    }
    if not contacts:
        return {}
    since = complainant.report.submitted_at - timedelta(days=1)
    sent = []
    last_pk = 0
    while True:
        batch = list(
            OutboxMessage.objects.filter(created_at__gte=since, pk__gt=last_pk).order_by("pk")[
                :BATCH
            ]
        )
        if not batch:
            break
        for message in batch:
            if message.recipient.strip().casefold() in contacts:
                sent.append(
                    {
                        "channel": message.get_channel_display(),
                        "to": message.recipient,
                        "subject": message.subject,
                        "message": message.body,
                        "status": message.get_status_display(),
                        "created_at": message.created_at.isoformat(),
                        "sent_at": message.sent_at.isoformat() if message.sent_at else "",
                    }
                )
        last_pk = batch[-1].pk
    return {"messages_sent_to_you": sent}
