"""The hash-sharing list: hashes of evidence behind items confirmed illegal and removed."""

from __future__ import annotations

import hashlib
from datetime import datetime

from hatehub.audit.services import Action, record
from hatehub.evidence import store
from hatehub.evidence.models import EvidenceFile

from ..hashes import row_for, to_csv
from ..models import ItemStatus, ReferralItem


def hash_sharing_csv(*, since: datetime | None = None) -> tuple[str, int]:
    """The hashes of evidence files behind items confirmed illegal (an officer's crime
    decision) and removed, as CSV for platforms' hash-matching tools; each file once. A file
    whose stored bytes no longer match its SHA-256 is left out (and the failure audited)."""
    removed = ReferralItem.objects.filter(status=ItemStatus.REMOVED).select_related(
        "referral", "assessment", "content_item"
    )
    if since is not None:
        removed = removed.filter(removed_at__gte=since)
    items = list(removed.order_by("removed_at", "pk"))
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
