"""Writing the continuity log: every action on an evidence file, with who, when, what and why.

Who comes from the audit context (the signed-in person of the request, or the actor a task runs
as), so callers say only what they did and why.
"""

from collections.abc import Iterable
from datetime import datetime

from django.utils import timezone

from hatehub.audit.context import current_actor

from .models import ContinuityEntry, EvidenceFile

Action = ContinuityEntry.Action


def _who(by=None) -> tuple[object, str]:
    """The user named by the caller, else the audit context's actor."""
    if getattr(by, "pk", None):
        return by, f"user:{by.username}"[:200]
    actor = current_actor()
    user = actor.user if getattr(actor.user, "pk", None) else None
    return user, actor.label[:200]


def log(
    evidence: EvidenceFile,
    action: str,
    *,
    what: str,
    why: str,
    details: dict | None = None,
    at: datetime | None = None,
    by=None,
) -> ContinuityEntry:
    user, label = _who(by)
    return ContinuityEntry.objects.create(
        evidence=evidence,
        at=at or timezone.now(),
        action=action,
        actor=user,
        actor_label=label,
        what=what[:500],
        why=why[:500],
        sha256=evidence.sha256,
        details=details or {},
    )


def log_many(
    entries: Iterable[tuple[EvidenceFile, str, str, str, dict]],
    *,
    at: datetime | None = None,
    by=None,
) -> list[ContinuityEntry]:
    """(evidence, action, what, why, details) for each file, in one query."""
    user, label = _who(by)
    at = at or timezone.now()
    return ContinuityEntry.objects.bulk_create(
        ContinuityEntry(
            evidence=evidence,
            at=at,
            action=action,
            actor=user,
            actor_label=label,
            what=what[:500],
            why=why[:500],
            sha256=evidence.sha256,
            details=details,
        )
        for evidence, action, what, why, details in entries
    )
