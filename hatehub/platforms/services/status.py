"""Each referred item's status, as an officer, a platform's callback or the liveness check
reports it."""

from __future__ import annotations

import dataclasses
import hashlib
from datetime import datetime

from django.db import IntegrityError, transaction
from django.utils import timezone

from hatehub.audit.context import current_actor
from hatehub.audit.services import Action, record
from hatehub.cases.models import CaseEvent
from hatehub.cases.services import add_event

from ..models import (
    CallbackEvent,
    ItemStatus,
    Platform,
    Referral,
    ReferralItem,
    StatusChange,
    StatusSource,
)
from .errors import CallbackReplay, ReferralRefused

# How far along an item is. A platform or the liveness check only ever moves an item forward;
# an officer may correct it either way (with a reason).
RANK: dict[str, int] = {
    ItemStatus.DRAFTED: 0,
    ItemStatus.SENT: 1,
    ItemStatus.NO_RESPONSE: 2,
    ItemStatus.ACKNOWLEDGED: 3,
    ItemStatus.REFUSED: 4,
    ItemStatus.GEO_BLOCKED: 5,
    ItemStatus.REMOVED: 6,
}
CALLBACK_STATUSES = (
    ItemStatus.ACKNOWLEDGED,
    ItemStatus.REMOVED,
    ItemStatus.GEO_BLOCKED,
    ItemStatus.REFUSED,
)
OFFICER_STATUSES = (
    ItemStatus.SENT,
    ItemStatus.ACKNOWLEDGED,
    ItemStatus.REMOVED,
    ItemStatus.GEO_BLOCKED,
    ItemStatus.REFUSED,
    ItemStatus.NO_RESPONSE,
)
TAKEN_DOWN = (ItemStatus.REMOVED, ItemStatus.GEO_BLOCKED)


def change_status(
    item: ReferralItem,
    status: str,
    *,
    source: str,
    reason: str,
    at: datetime | None = None,
    evidence: dict | None = None,
) -> StatusChange:
    at = at or timezone.now()
    previous = item.status
    item.status, item.status_changed_at, item.status_reason = status, at, reason[:500]
    if status == ItemStatus.ACKNOWLEDGED and item.acknowledged_at is None:
        item.acknowledged_at = at
    if status in TAKEN_DOWN and (item.removed_at is None or previous not in TAKEN_DOWN):
        item.removed_at = at
    if status not in TAKEN_DOWN:
        item.removed_at = None  # an officer found it back up: the clock runs again
    item.save()
    change = StatusChange.objects.create(
        item=item,
        at=at,
        from_status=previous,
        to_status=status,
        source=source,
        actor_label=current_actor().label[:200],
        reason=reason[:500],
        evidence=evidence or {},
    )
    label = ItemStatus(status).label.lower()
    record(
        Action.CHANGE,
        "referral_item",
        item.label,
        summary=f"Referred item {item.label}: {label} ({StatusSource(source).label.lower()})",
        details={"from": previous, "to": status, "source": source, **(evidence or {})},
    )
    if status != ItemStatus.SENT or source != StatusSource.DELIVERY:
        add_event(
            item.case,
            CaseEvent.Kind.NOTE,
            f"Referred item {item.label}: {label} ({StatusSource(source).label.lower()})"
            + (f": {reason}" if reason else ""),
            details={"referral": item.referral.reference, "item": item.number, "status": status},
        )
    return change


@transaction.atomic
def set_status_by_officer(item: ReferralItem, *, status: str, reason: str, by) -> ReferralItem:
    item = (
        ReferralItem.objects.select_for_update().select_related("referral", "case").get(pk=item.pk)
    )
    if status not in OFFICER_STATUSES:
        raise ReferralRefused("Choose a status")
    if item.status == ItemStatus.DRAFTED:
        raise ReferralRefused("Send the referral before recording what the platform did")
    if status == item.status:
        raise ReferralRefused(f"The item is already {ItemStatus(status).label.lower()}")
    if status == ItemStatus.REFUSED and not reason.strip():
        raise ReferralRefused("Give the platform's reason for refusing")
    if RANK[status] < RANK[item.status] and not reason.strip():
        raise ReferralRefused("Say why you are moving the item back")
    change_status(item, status, source=StatusSource.OFFICER, reason=reason.strip())
    return item


@dataclasses.dataclass(frozen=True)
class CallbackUpdate:
    item: int
    status: str
    reason: str = ""


@transaction.atomic
def record_callback(
    platform: Platform,
    *,
    event_id: str,
    referral_reference: str,
    updates: list[CallbackUpdate],
    body: bytes,
) -> list[ReferralItem]:
    """Apply an authenticated platform's status report. Raises CallbackReplay for an event id
    already accepted, ReferralRefused (with `.status`) for anything else it cannot apply."""
    # A draft has not been sent, so no platform can know of it: it is answered as unknown.
    referral = (
        Referral.objects.filter(reference=referral_reference, platform=platform)
        .exclude(delivery=Referral.Delivery.DRAFTED)
        .first()
    )
    if referral is None:
        error = ReferralRefused(f"{platform.name} has no referral {referral_reference}")
        error.status = 404
        raise error
    try:
        with transaction.atomic():
            CallbackEvent.objects.create(
                platform=platform,
                event_id=event_id,
                received_at=timezone.now(),
                body_sha256=hashlib.sha256(body).hexdigest(),
                referral=referral,
            )
    except IntegrityError as duplicate:
        raise CallbackReplay(f"Event {event_id} has already been received") from duplicate
    items = {
        item.number: item
        for item in ReferralItem.objects.select_for_update()
        .select_related("referral", "case")
        .filter(referral=referral)
    }
    missing = [u.item for u in updates if u.item not in items]
    if missing:
        error = ReferralRefused(f"Referral {referral.reference} has no item {missing[0]}")
        error.status = 422
        raise error
    changed = []
    for update in updates:
        item = items[update.item]
        if update.status == ItemStatus.REFUSED and not update.reason.strip():
            error = ReferralRefused(f"Item {update.item}: give a reason for refusing")
            error.status = 422
            raise error
        if RANK[update.status] <= RANK[item.status]:
            continue  # old news, or a step back a platform cannot make: nothing to change
        if item.sent_at is None:
            item.sent_at = referral.sent_at or timezone.now()
        change_status(
            item,
            update.status,
            source=StatusSource.CALLBACK,
            reason=update.reason.strip(),
            evidence={"event_id": event_id},
        )
        changed.append(item)
    record(
        Action.CHANGE,
        "referral",
        referral.reference,
        summary=f"Status callback from {platform.name} for {referral.reference} accepted",
        details={"event_id": event_id, "items": [u.item for u in updates], "changed": len(changed)},
    )
    return list(items.values())


def record_refused_callback(platform_slug: str, reason: str, *, details: dict) -> None:
    """Every refused callback is in the audit log, with why."""
    record(
        Action.DENIED,
        "platform_callback",
        platform_slug[:64],
        summary=f"Status callback refused: {reason}"[:300],
        details=details,
    )
