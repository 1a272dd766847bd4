"""Sending a referral through the outbox (or recording one sent by hand), and following its
delivery: a sent referral's items become sent and their cases Referred."""

from __future__ import annotations

import json
import logging
from datetime import datetime

from django.db import transaction
from django.utils import timezone

from hatehub.audit.services import Action, record
from hatehub.cases import services as case_services

from ..models import ItemStatus, Platform, Referral, StatusSource
from .errors import ReferralRefused
from .status import change_status

log = logging.getLogger(__name__)
PURPOSE = "takedown_referral"
ABOUT = "referral"


def outbox_key(referral: Referral) -> str:
    return f"takedown-referral:{referral.reference}"


@transaction.atomic
def send_referral(referral: Referral, *, by) -> Referral:
    """Put the referral in the outbox (email or signed webhook). Safe to call twice: the
    outbox key is the referral's, so it is recorded and sent once."""
    from hatehub.outbox.services import send

    referral = Referral.objects.select_for_update().select_related("platform").get(pk=referral.pk)
    if referral.channel == Platform.Channel.WEB_FORM:
        raise ReferralRefused("A web-form referral is submitted by hand: record it once done")
    if referral.delivery not in (Referral.Delivery.DRAFTED,):
        return referral
    message = send(
        channel="email" if referral.channel == Platform.Channel.EMAIL else "webhook",
        to=referral.address,
        subject=referral.subject,
        body=referral.body
        if referral.channel == Platform.Channel.EMAIL
        else json.dumps(referral.payload, sort_keys=True),
        key=outbox_key(referral),
        purpose=PURPOSE,
        about=(ABOUT, referral.reference),
        reply_to=referral.reply_to,
    )
    referral.delivery = Referral.Delivery.QUEUED
    referral.outbox_key = message.key
    referral.sent_by = by
    referral.save(update_fields=["delivery", "outbox_key", "sent_by"])
    record(
        Action.DISCLOSE,
        "referral",
        referral.reference,
        summary=f"Takedown referral {referral.reference} sent to {referral.platform.name}",
        details={"channel": referral.channel, "to": referral.address, "outbox": message.pk},
    )
    if message.status == "sent":  # recorded and sent before (a repeated call)
        mark_sent(referral, at=message.sent_at or timezone.now())
    return referral


@transaction.atomic
def mark_sent(referral: Referral, *, at: datetime, source: str = StatusSource.DELIVERY) -> int:
    """The referral reached the platform: its drafted items become sent. Idempotent."""
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    delivered = (
        Referral.Delivery.SUBMITTED
        if referral.channel == Platform.Channel.WEB_FORM
        else Referral.Delivery.SENT
    )
    if referral.delivery in (Referral.Delivery.SENT, Referral.Delivery.SUBMITTED):
        return 0
    referral.delivery, referral.sent_at, referral.delivery_error = delivered, at, ""
    referral.save(update_fields=["delivery", "sent_at", "delivery_error"])
    changed = 0
    cases = {}
    for item in referral.items.select_related("case").filter(status=ItemStatus.DRAFTED):
        item.sent_at = at
        change_status(item, ItemStatus.SENT, source=source, at=at, reason="")
        cases[item.case_id] = item.case
        changed += 1
    platform = Platform.objects.get(pk=referral.platform_id)
    for case in cases.values():  # Track my report and volunteers read the case's status
        case_services.mark_referred(
            case,
            by=referral.sent_by,
            referral=f"takedown referral {referral.reference} to {platform.name}",
        )
    record(
        Action.CHANGE,
        "referral",
        referral.reference,
        summary=f"Takedown referral {referral.reference} {referral.get_delivery_display().lower()}",
        details={"items": changed, "at": at.isoformat()},
    )
    return changed


@transaction.atomic
def mark_delivery_failed(referral: Referral, *, error: str) -> None:
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    if referral.delivery in (Referral.Delivery.SENT, Referral.Delivery.SUBMITTED):
        return
    referral.delivery, referral.delivery_error = Referral.Delivery.FAILED, error[:2000]
    referral.save(update_fields=["delivery", "delivery_error"])
    record(
        Action.CHANGE,
        "referral",
        referral.reference,
        summary=f"Takedown referral {referral.reference} could not be delivered",
        details={"error": error[:300]},
    )


@transaction.atomic
def retry_delivery(referral: Referral, *, by, reason: str) -> Referral:
    """Send a referral whose delivery failed again, through the outbox's own retry."""
    from hatehub.outbox.models import OutboxMessage
    from hatehub.outbox.services import retry_now

    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    if referral.delivery != Referral.Delivery.FAILED:
        raise ReferralRefused("Only a referral whose delivery failed can be sent again")
    message = OutboxMessage.objects.get(key=referral.outbox_key)
    retry_now(message, reason=reason or f"Referral {referral.reference} sent again")
    referral.delivery, referral.delivery_error = Referral.Delivery.QUEUED, ""
    referral.save(update_fields=["delivery", "delivery_error"])
    record(
        Action.CHANGE,
        "referral",
        referral.reference,
        summary=f"Takedown referral {referral.reference} queued again",
        details={"reason": reason},
    )
    return referral


def held_in_outbox(referral: Referral) -> bool:
    """The outbox holds the referral's message and will not send it: this hub sends nothing
    on that channel (HUB_EMAIL_BACKEND / HUB_WEBHOOK_BACKEND = outbox), so an officer sends
    the text themselves and records it."""
    from hatehub.outbox.models import OutboxMessage

    if referral.delivery != Referral.Delivery.QUEUED or not referral.outbox_key:
        return False
    return OutboxMessage.objects.filter(
        key=referral.outbox_key, status=OutboxMessage.Status.HELD
    ).exists()


@transaction.atomic
def record_submission(referral: Referral, *, by, note: str = "") -> Referral:
    """An officer pasted the referral into the platform's web form and submitted it, or sent
    by hand a referral the outbox held."""
    referral = Referral.objects.select_for_update().get(pk=referral.pk)
    if referral.channel != Platform.Channel.WEB_FORM and not held_in_outbox(referral):
        raise ReferralRefused(
            "Only a web-form referral, or one the outbox held, is recorded as sent by hand"
        )
    if referral.delivery in (Referral.Delivery.SUBMITTED, Referral.Delivery.SENT):
        raise ReferralRefused("This referral has already been recorded as sent")
    referral.sent_by = by
    referral.save(update_fields=["sent_by"])
    record(
        Action.DISCLOSE,
        "referral",
        referral.reference,
        summary=f"Takedown referral {referral.reference} sent by hand to "
        f"{referral.platform.name} ({referral.get_channel_display()})",
        details={"note": note[:300], "to": referral.address},
    )
    mark_sent(referral, at=timezone.now(), source=StatusSource.OFFICER)
    referral.refresh_from_db()
    return referral


# The outbox sends these signals inside the transaction that records the delivery. A failure
# here must not roll that back (the message would be sent again), so each handler works in a
# savepoint and logs its own failure; `reconcile_delivery` catches up from the outbox later.


def on_message_sent(sender, message, **kwargs) -> None:
    if message.purpose != PURPOSE or message.about_type != ABOUT:
        return
    try:
        with transaction.atomic():
            referral = Referral.objects.filter(reference=message.about_id).first()
            if referral is not None:
                mark_sent(referral, at=message.sent_at or timezone.now())
    except Exception:  # noqa: BLE001 (see above)
        log.exception("Referral %s: could not record its delivery", message.about_id)


def on_message_failed(sender, message, **kwargs) -> None:
    if message.purpose != PURPOSE or message.about_type != ABOUT:
        return
    try:
        with transaction.atomic():
            referral = Referral.objects.filter(reference=message.about_id).first()
            if referral is not None:
                mark_delivery_failed(referral, error=message.last_error or "Delivery failed")
    except Exception:  # noqa: BLE001 (see above)
        log.exception("Referral %s: could not record its failed delivery", message.about_id)


def reconcile_delivery(referral: Referral, message) -> Referral:
    """Bring a queued referral up to date with its outbox message (if a signal was missed)."""
    if referral.delivery != Referral.Delivery.QUEUED or message is None:
        return referral
    if message.status == "sent":
        mark_sent(referral, at=message.sent_at or timezone.now())
    elif message.status == "failed":
        mark_delivery_failed(referral, error=message.last_error or "Delivery failed")
    else:
        return referral
    referral.refresh_from_db()
    return referral
