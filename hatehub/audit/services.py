"""Writing and checking the audit log. Every read or change of personal data calls `record`."""

from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import replace
from typing import Any

from django.db import transaction
from django.utils import timezone

from . import chain
from .context import Actor, current_actor, reset_actor, set_actor
from .models import AuditChainHead, AuditEvent

Action = AuditEvent.Action


def _hashed_fields(event: AuditEvent) -> dict[str, Any]:
    return {
        "sequence": event.sequence,
        "at": event.at.isoformat(),
        "actor_id": event.actor_id,
        "actor_label": event.actor_label,
        "action": event.action,
        "object_type": event.object_type,
        "object_id": event.object_id,
        "summary": event.summary,
        "details": event.details,
        "ip_address": event.ip_address,
        "user_agent": event.user_agent,
        "request_path": event.request_path,
    }


_pending: ContextVar[list[AuditEvent] | None] = ContextVar("audit_pending", default=None)


@contextmanager
def deferred():
    """Entries recorded inside the block are written together as it ends, still inside the
    caller's transaction. The chain head is then locked last and briefly, so a busy path (a
    report arriving during a surge) never holds it while waiting for another row: two such
    transactions cannot deadlock over it. If the block raises, its entries are dropped with
    the caller's rolled-back changes."""
    if _pending.get() is not None:  # nested: the outermost block writes them
        yield
        return
    token = _pending.set([])
    try:
        yield
        entries = _pending.get()
    finally:
        _pending.reset(token)
    _append(entries)


def record(
    action: str,
    object_type: str,
    object_id: object = "",
    *,
    summary: str,
    details: dict[str, Any] | None = None,
    actor: Actor | None = None,
) -> AuditEvent:
    """Append one entry. Runs inside the caller's transaction, so a rolled-back change leaves
    no entry behind, and locks the chain head so concurrent writers cannot fork the chain
    (inside `deferred()`, at the end of the block)."""
    actor = actor or current_actor()
    user = actor.user if getattr(actor.user, "pk", None) else None
    event = AuditEvent(
        at=timezone.now(),
        actor=user,
        actor_label=actor.label[:200],
        action=action,
        object_type=object_type,
        object_id=str(object_id)[:64],
        summary=summary[:300],
        details=details or {},
        ip_address=actor.ip_address,
        user_agent=actor.user_agent,
        request_path=actor.request_path,
    )
    pending = _pending.get()
    if pending is not None:
        pending.append(event)
    else:
        _append([event])
    return event


def _append(events: list[AuditEvent]) -> None:
    if not events:
        return
    with transaction.atomic():
        head, _ = AuditChainHead.objects.select_for_update().get_or_create(
            id=1, defaults={"last_hash": chain.GENESIS_HASH}
        )
        for event in events:
            event.sequence = head.last_sequence + 1
            event.previous_hash = head.last_hash
            event.hash = chain.entry_hash(event.previous_hash, _hashed_fields(event))
            head.last_sequence, head.last_hash = event.sequence, event.hash
        AuditEvent.objects.bulk_create(events)
        head.save(update_fields=["last_sequence", "last_hash"])


def _entries() -> Iterator[tuple[int, str, str, dict[str, Any]]]:
    for event in AuditEvent.objects.order_by("sequence").iterator(chunk_size=2000):
        yield event.sequence, event.previous_hash, event.hash, _hashed_fields(event)


def verify_chain() -> list[chain.ChainBreak]:
    head = AuditChainHead.objects.filter(id=1).first()
    expected_head = (head.last_sequence, head.last_hash) if head else (0, chain.GENESIS_HASH)
    return chain.verify(_entries(), head=expected_head)


class acting_as:
    """Context manager: audit entries inside are attributed to `label` (e.g. a partner org)."""

    def __init__(self, label: str, **overrides: Any):
        self.actor = replace(current_actor(), label=label, **overrides)

    def __enter__(self) -> Actor:
        self._token = set_actor(self.actor)
        return self.actor

    def __exit__(self, *exc: object) -> None:
        reset_actor(self._token)
