"""What the records below `cases` tell it (their signals), written on the case's timeline."""


def page_captured(sender, *, report, capture, files, screenshot_sha256: str, **kwargs) -> None:
    from .models import CaseEvent
    from .services import add_event

    add_event(
        report.case,
        CaseEvent.Kind.EVIDENCE_RECEIVED,
        f"Page {capture.url[:200]} captured for report {report.reference}: "
        f"{len(files)} file(s), screenshot SHA-256 {screenshot_sha256}",
        details={"capture": capture.pk, "evidence": [item.pk for item in files]},
    )
