from django_tasks import task

from .models import EvidenceFile


@task()
def make_thumbnails(report_id: int) -> int:
    """Thumbnails for a report's images, so officers see a small preview before opening the
    original. Safe to retry: existing thumbnails are reused."""
    from .services import make_thumbnail

    made = 0
    originals = EvidenceFile.objects.filter(
        report_id=report_id, kind=EvidenceFile.Kind.ORIGINAL, media_type__startswith="image/"
    ).select_related("report")
    for original in originals:
        made += make_thumbnail(original) is not None
    return made


@task()
def capture_content(capture_id: int) -> str | None:
    """Capture a reported URL with a headless browser (see `evidence.capture`). Safe to retry:
    a finished capture is not captured again."""
    from .services import run_capture

    capture = run_capture(capture_id)
    return capture.status if capture else None
