"""Writing: the directory, drafting and sending referrals, and each item's status as officers,
platforms and the liveness check report it. Every change is audited; status changes also go on
the timelines of the cases the items came from."""

from __future__ import annotations

import dataclasses
import functools
import hashlib
import json
import logging
from collections.abc import Iterable
from datetime import datetime

from django.conf import settings
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone

from hatehub.assessment.models import Assessment
from hatehub.assessment.rules import load_rules
from hatehub.audit.context import current_actor
from hatehub.audit.services import Action, record
from hatehub.cases import services as case_services
from hatehub.cases.models import CaseEvent
from hatehub.cases.services import add_event
from hatehub.evidence.models import EvidenceFile
from hatehub.intake.models import ContentItem

from . import composition, directory, signing
from .liveness import Fetch
from .models import (
    CallbackEvent,
    ItemStatus,
    LivenessCheck,
    Platform,
    Referral,
    ReferralItem,
    StatusChange,
    StatusSource,
)
from .selectors import crime_decision, open_item_for, platform_domains

log = logging.getLogger(__name__)
PURPOSE = "takedown_referral"
ABOUT = "referral"


class ReferralRefused(ValueError):
    """The referral or status change cannot be made as asked; the message says why."""


class CallbackReplay(ReferralRefused):
    pass


# --- Settings --------------------------------------------------------------------------------


def hub_name() -> str:
    return getattr(settings, "HUB_STAFF_SERVICE_NAME", "Online Hate Crime Hub")


def reply_address() -> str:
    return getattr(settings, "HUB_REFERRAL_REPLY_TO", "") or getattr(
        settings, "DEFAULT_FROM_EMAIL", "hub@example.police.uk"
    )


def callback_url(platform: Platform) -> str:
    """Absolute: a platform calls it from outside (HUB_PUBLIC_URL, the demo's address if unset)."""
    base = (getattr(settings, "HUB_PUBLIC_URL", "") or "http://127.0.0.1:8000").rstrip("/")
    return f"{base}/api/v1/platforms/{platform.slug}/status"


# --- The directory ---------------------------------------------------------------------------

DIRECTORY_FIELDS = (
    "name",
    "channel",
    "referral_email",
    "referral_endpoint",
    "web_form_url",
    "legal_contact",
    "service_level_hours",
    "notes",
    "extra_domains",
    "active",
)


@transaction.atomic
def save_platform(platform: Platform, *, by=None, created: bool = False) -> Platform:
    """Save a platform a supervisor edited (the form has checked it), auditing what changed."""
    before = {}
    if not created:
        old = Platform.objects.filter(pk=platform.pk).values(*DIRECTORY_FIELDS).first() or {}
        before = {k: v for k, v in old.items() if getattr(platform, k) != v}
    platform.save()
    record(
        Action.CREATE if created else Action.CHANGE,
        "platform",
        platform.slug,
        summary=f"Platform directory: {platform.name} {'added' if created else 'changed'}",
        details={"changed": sorted(before)} if not created else {"channel": platform.channel},
    )
    return platform


@transaction.atomic
def load_directory(entries: Iterable[directory.DirectoryEntry], *, update: bool = False) -> dict:
    """Add the shipped platforms that are missing; with `update`, overwrite the rest too (a
    supervisor's edits are otherwise kept)."""
    counts = {"created": 0, "updated": 0, "kept": 0}
    for entry in entries:
        values = dataclasses.asdict(entry)
        slug = values.pop("slug")
        values["extra_domains"] = list(values["extra_domains"])
        platform = Platform.objects.filter(slug=slug).first()
        if platform is None:
            platform = Platform(slug=slug, **values)
            save_platform(platform, created=True)
            counts["created"] += 1
        elif update:
            for name, value in values.items():
                setattr(platform, name, value)
            save_platform(platform)
            counts["updated"] += 1
        else:
            counts["kept"] += 1
    return counts


@transaction.atomic
def issue_callback_secret(platform: Platform, *, by=None) -> str:
    """A new callback key for the platform, returned once to show to the supervisor; the old
    one stops working. Only the salt is stored (see signing.py)."""
    platform = Platform.objects.select_for_update().get(pk=platform.pk)
    rotated = bool(platform.callback_secret_salt)
    platform.callback_secret_salt = signing.new_salt()
    platform.callback_secret_issued_at = timezone.now()
    platform.save(update_fields=["callback_secret_salt", "callback_secret_issued_at", "updated_at"])
    record(
        Action.CHANGE,
        "platform",
        platform.slug,
        summary=f"Callback key for {platform.name} {'rotated' if rotated else 'issued'}",
        details={"rotated": rotated},
    )
    return callback_secret(platform)


def callback_secret(platform: Platform) -> str:
    return signing.derive_secret(settings.SECRET_KEY, platform.slug, platform.callback_secret_salt)


# --- Drafting a referral ---------------------------------------------------------------------


def _offences(assessment: Assessment) -> list[dict]:
    by_id = {offence.id: offence for offence in load_rules().offences}
    found = []
    for offence_id in assessment.decided_offences:
        offence = by_id.get(offence_id)
        if offence is None:
            found.append(
                {"id": offence_id, "act": "", "section": "", "name": offence_id, "source": ""}
            )
        else:
            found.append(
                {
                    "id": offence.id,
                    "act": offence.act,
                    "section": offence.section,
                    "name": offence.name,
                    "source": offence.source,
                }
            )
    return found


def _evidence_hashes(report_ids: set[int]) -> dict[int, list[str]]:
    hashes: dict[int, list[str]] = {}
    originals = EvidenceFile.objects.filter(
        report_id__in=report_ids, kind=EvidenceFile.Kind.ORIGINAL
    ).order_by("pk")
    for report_id, sha256 in originals.values_list("report_id", "sha256"):
        if sha256 not in hashes.setdefault(report_id, []):
            hashes[report_id].append(sha256)
    return hashes


def _draft(referral: Referral, items: list[ReferralItem]) -> composition.Draft:
    return composition.Draft(
        reference=referral.reference,
        platform_name=referral.platform.name,
        hub_name=hub_name(),
        reply_to=referral.reply_to,
        callback_url=callback_url(referral.platform) if referral.channel == "api" else "",
        items=tuple(
            composition.Item(
                number=item.number,
                url=item.url,
                canonical_url=item.canonical_url,
                case_reference=item.case.reference,
                offences=tuple(composition.Offence(**o) for o in item.offences),
                evidence_sha256=tuple(item.evidence_sha256),
            )
            for item in items
        ),
    )


@transaction.atomic
def create_referral(*, platform: Platform, content_item_ids: Iterable[int], by) -> Referral:
    """Draft a referral of these reported items to `platform`. Each item's case must have an
    officer's decision that the content is a crime, each must be on this platform, and none
    may already be referred and still open."""
    ids = sorted(set(content_item_ids))
    if not ids:
        raise ReferralRefused("Select at least one item to refer")
    if not platform.active:
        raise ReferralRefused(f"{platform.name} is not active in the directory")
    if not platform.address:
        raise ReferralRefused(f"The directory has no address for {platform.name}'s channel")
    # Locked, so two officers referring the same item at once cannot both pass the check below.
    contents = list(
        ContentItem.objects.select_for_update(of=("self",))
        .filter(pk__in=ids)
        .select_related("report__case")
        .order_by("pk")
    )
    if len(contents) != len(ids):
        raise ReferralRefused("One of the selected items does not exist")
    domains = platform_domains()
    decisions: dict[int, Assessment] = {}
    problems = []
    for content in contents:
        case = content.report.case
        if case.pk not in decisions:
            decision = crime_decision(case)
            if decision is None:
                problems.append(
                    f"Case {case.reference} has no officer's decision that the content is a crime"
                )
                continue
            decisions[case.pk] = decision
        slug = directory.platform_slug_for(content.url, content.platform or None, domains)
        if slug != platform.slug:
            problems.append(f"{content.url} is not on {platform.name}")
        open_item = open_item_for(content)
        if open_item is not None:
            problems.append(f"{content.url} is already in referral {open_item.label}")
    if problems:
        raise ReferralRefused("; ".join(dict.fromkeys(problems)))
    now = timezone.now()
    referral = Referral.objects.create(
        platform=platform,
        channel=platform.channel,
        address=platform.address,
        reply_to=reply_address(),
        subject="",
        body="",
        created_at=now,
        created_by=by,
    )
    referral.reference = f"TR-{now.year}-{referral.pk:06d}"
    hashes = _evidence_hashes({c.report_id for c in contents})
    items = ReferralItem.objects.bulk_create(
        ReferralItem(
            referral=referral,
            number=number,
            case=content.report.case,
            content_item=content,
            assessment=decisions[content.report.case_id],
            url=content.url,
            canonical_url=content.canonical_url or content.url,
            offences=_offences(decisions[content.report.case_id]),
            evidence_sha256=hashes.get(content.report_id, []),
            status_changed_at=now,
        )
        for number, content in enumerate(contents, start=1)
    )
    draft = _draft(referral, items)
    referral.subject = composition.subject(draft)
    referral.body = composition.body(draft)
    referral.payload = composition.payload(draft)
    referral.save(update_fields=["reference", "subject", "body", "payload"])
    record(
        Action.CREATE,
        "referral",
        referral.reference,
        summary=f"Takedown referral {referral.reference} drafted to {platform.name}",
        details={
            "platform": platform.slug,
            "items": len(items),
            "cases": sorted({c.report.case.reference for c in contents}),
        },
    )
    for case in {content.report.case for content in contents}:
        add_event(
            case,
            CaseEvent.Kind.NOTE,
            f"Takedown referral {referral.reference} to {platform.name} drafted",
            details={"referral": referral.reference},
        )
    return referral


# --- Sending ---------------------------------------------------------------------------------


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
        _change(item, ItemStatus.SENT, source=source, at=at, reason="")
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


# --- Item status -----------------------------------------------------------------------------

# How far along an item is. A platform or the liveness check only ever moves an item forward;
# an officer may correct it either way (with a reason).
RANK = {
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


def _change(
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
    _change(item, status, source=StatusSource.OFFICER, reason=reason.strip())
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
        error.status = 404  # type: ignore[attr-defined]
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
    except IntegrityError as error:
        raise CallbackReplay(f"Event {event_id} has already been received") from error
    items = {
        item.number: item
        for item in ReferralItem.objects.select_for_update()
        .select_related("referral", "case")
        .filter(referral=referral)
    }
    missing = [u.item for u in updates if u.item not in items]
    if missing:
        error = ReferralRefused(f"Referral {referral.reference} has no item {missing[0]}")
        error.status = 422  # type: ignore[attr-defined]
        raise error
    changed = []
    for update in updates:
        item = items[update.item]
        if update.status == ItemStatus.REFUSED and not update.reason.strip():
            error = ReferralRefused(f"Item {update.item}: give a reason for refusing")
            error.status = 422  # type: ignore[attr-defined]
            raise error
        if RANK[update.status] <= RANK[item.status]:
            continue  # old news, or a step back a platform cannot make: nothing to change
        if item.sent_at is None:
            item.sent_at = referral.sent_at or timezone.now()
        _change(
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


@transaction.atomic
def record_liveness(item: ReferralItem, fetch: Fetch) -> LivenessCheck:
    item = (
        ReferralItem.objects.select_for_update().select_related("referral", "case").get(pk=item.pk)
    )
    check = LivenessCheck.objects.create(
        item=item,
        checked_at=timezone.now(),
        url=fetch.url[:2000],
        final_url=fetch.final_url[:2000],
        http_status=fetch.http_status,
        body_sha256=fetch.body_sha256,
        body_bytes=fetch.body_bytes,
        redirects=fetch.redirects,
        outcome=fetch.outcome,
        error=fetch.error[:500],
    )
    record(
        Action.CREATE,
        "liveness_check",
        check.pk,
        summary=f"Liveness check of {item.label}: {check.get_outcome_display()}",
        details={"http_status": fetch.http_status, "sha256": fetch.body_sha256},
    )
    target = {"removed": ItemStatus.REMOVED, "geo_blocked": ItemStatus.GEO_BLOCKED}.get(
        fetch.outcome
    )
    if target and item.sent_at is not None and RANK[target] > RANK[item.status]:
        _change(
            item,
            target,
            source=StatusSource.LIVENESS,
            reason=f"HTTP {fetch.http_status} from {fetch.final_url or fetch.url}",
            at=check.checked_at,
            evidence={
                "check": check.pk,
                "http_status": fetch.http_status,
                "body_sha256": fetch.body_sha256,
                "url": fetch.final_url or fetch.url,
            },
        )
    return check


def liveness_due_items():
    """Items worth checking: sent and not yet taken down or refused."""
    return ReferralItem.objects.filter(
        status__in=(ItemStatus.SENT, ItemStatus.ACKNOWLEDGED, ItemStatus.NO_RESPONSE)
    )


def referral_path(referral: Referral) -> str:
    return reverse("platforms:referral", args=[referral.reference])


# --- Hash sharing ----------------------------------------------------------------------------


def hash_sharing_csv(*, since: datetime | None = None) -> tuple[str, int]:
    """The hashes of evidence files behind items confirmed illegal (an officer's crime
    decision) and removed, as CSV for platforms' hash-matching tools; each file once. A file
    whose stored bytes no longer match its SHA-256 is left out (and the failure audited)."""
    from hatehub.evidence import store

    from .hashes import row_for, to_csv

    items = ReferralItem.objects.filter(status=ItemStatus.REMOVED).select_related(
        "referral", "assessment", "content_item"
    )
    if since is not None:
        items = items.filter(removed_at__gte=since)
    items = list(items.order_by("removed_at", "pk"))
    originals = EvidenceFile.objects.filter(
        report__in=[item.content_item.report_id for item in items],
        kind=EvidenceFile.Kind.ORIGINAL,
    ).order_by("pk")
    by_report: dict[int, list[EvidenceFile]] = {}
    for evidence in originals:
        by_report.setdefault(evidence.report_id, []).append(evidence)
    rows, seen, broken = [], set(), []
    for item in items:
        strands = "+".join(sorted(item.assessment.decided_strands)) or "unspecified"
        for evidence in by_report.get(item.content_item.report_id, []):
            if evidence.sha256 in seen:
                continue
            seen.add(evidence.sha256)
            try:
                with store.open_blob(evidence.sha256) as blob:
                    data = blob.read()
            except FileNotFoundError:
                broken.append(evidence.sha256)
                continue
            if hashlib.sha256(data).hexdigest() != evidence.sha256:
                broken.append(evidence.sha256)
                continue
            rows.append(
                row_for(
                    data,
                    media_type=evidence.media_type,
                    category=f"uk_illegal_hate:{strands}",
                    reference=item.label,
                    removed_at=item.removed_at.isoformat() if item.removed_at else "",
                )
            )
    record(
        Action.EXPORT,
        "hash_sharing",
        "",
        summary=f"Hash-sharing list exported ({len(rows)} files)",
        details={"files": len(rows), "left_out_integrity": broken},
    )
    return to_csv(rows), len(rows)


# --- Liveness ---------------------------------------------------------------------------------


def liveness_policy():
    from .liveness import FetchPolicy

    agent = (
        f"{hub_name().replace(' ', '')}-LivenessCheck/1.0 "
        f"(UK police takedown follow-up; contact {reply_address()})"
    )
    return FetchPolicy(
        user_agent=agent,
        timeout=float(getattr(settings, "HUB_LIVENESS_TIMEOUT_SECONDS", 10)),
        max_redirects=int(getattr(settings, "HUB_LIVENESS_MAX_REDIRECTS", 3)),
        max_bytes=int(getattr(settings, "HUB_LIVENESS_MAX_BYTES", 5 * 1024 * 1024)),
        allow_loopback=bool(getattr(settings, "HUB_LIVENESS_ALLOW_LOOPBACK", False)),
    )


def check_liveness(item: ReferralItem) -> LivenessCheck:
    """Fetch the address as reported (outside any transaction: the network is slow) and
    record the answer."""
    from . import liveness

    fetch = liveness.check(item.url, liveness_policy())
    return record_liveness(item, fetch)


def enqueue_liveness_checks(items) -> int:
    from .tasks import check_item

    ids = list(items.values_list("pk", flat=True))
    for item_id in ids:
        transaction.on_commit(functools.partial(check_item.enqueue, item_id))
    return len(ids)
