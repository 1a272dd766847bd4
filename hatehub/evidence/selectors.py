"""Reads for evidence pages: the case's content to capture, its captures and a file's
continuity log."""

from django.db.models import Prefetch

from hatehub.reports.models import ContentItem

from .models import Capture, ContinuityEntry, EvidenceFile

PANEL_LIMIT = 20


def content_items(case, *, limit: int | None = PANEL_LIMIT) -> list[ContentItem]:
    """The case's reported URLs, one per distinct URL (a viral post's case has thousands of
    reports of the same link), oldest first."""
    items: dict[str, ContentItem] = {}
    for item in (
        ContentItem.objects.filter(report__case=case).select_related("report").order_by("pk")
    ):
        items.setdefault(item.canonical_url or item.url, item)
        if limit is not None and len(items) >= limit:
            break
    return list(items.values())


def content_item(case, item_id: int) -> ContentItem | None:
    return ContentItem.objects.filter(pk=item_id, report__case=case).first()


def captures(case, *, limit: int = PANEL_LIMIT) -> list[Capture]:
    files = Prefetch("files", queryset=EvidenceFile.objects.order_by("pk"))
    return list(
        Capture.objects.filter(content_item__report__case=case)
        .select_related("requested_by")
        .prefetch_related(files)
        .order_by("-requested_at", "-pk")[:limit]
    )


def capture_file(case, evidence_id: int) -> EvidenceFile | None:
    return EvidenceFile.objects.filter(
        pk=evidence_id, report__case=case, kind=EvidenceFile.Kind.CAPTURE
    ).first()


def evidence_in_case(case, evidence_id: int) -> EvidenceFile | None:
    return (
        EvidenceFile.objects.filter(pk=evidence_id, report__case=case)
        .select_related("report", "derived_from", "capture")
        .first()
    )


def continuity(evidence: EvidenceFile) -> list[ContinuityEntry]:
    return list(evidence.continuity.select_related("actor").order_by("at", "pk"))


def originals(case, *, limit: int = PANEL_LIMIT) -> list[EvidenceFile]:
    """The first files received with the case's reports, for links to their continuity logs."""
    return list(
        EvidenceFile.objects.filter(report__case=case, kind=EvidenceFile.Kind.ORIGINAL)
        .only("pk", "original_filename", "sha256")
        .order_by("pk")[:limit]
    )
