"""Whether referred content is still up: the fetch (outside any transaction) and its record,
which moves an item to removed or geo-blocked when the platform has taken it down."""

from __future__ import annotations

import functools

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from hatehub.audit.services import Action, record

from .. import liveness
from ..liveness import Fetch, FetchPolicy
from ..models import ItemStatus, LivenessCheck, ReferralItem, StatusSource
from .directory import hub_name, reply_address
from .status import RANK, change_status


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
        change_status(
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


def liveness_policy():
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
    fetch = liveness.check(item.url, liveness_policy())
    return record_liveness(item, fetch)


def enqueue_liveness_checks(items) -> int:
    from ..tasks import check_item

    ids = list(items.values_list("pk", flat=True))
    for item_id in ids:
        transaction.on_commit(functools.partial(check_item.enqueue, item_id))
    return len(ids)
