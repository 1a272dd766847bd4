from django_tasks import task


@task(priority=10)  # before confirmations and thumbnails: officers need the case first
def record_received_report(received_id: int) -> str | None:
    """Record a report the hub has acknowledged (see `services.record_received`). Safe to run
    twice: the second run finds the receipt recorded and changes nothing."""
    from .services import record_received, recording_failed

    try:
        report = record_received(received_id)
    except Exception as error:
        recording_failed(received_id, error)
        raise
    return report.reference if report else None


@task(priority=100)
def retry_failed_recordings() -> int:
    """Queue again the recordings that failed (a bug, a database outage): each receipt keeps
    its error and the number of attempts, and a report is never given up on silently."""
    from .services import failed_receipts

    queued = 0
    for received_id in failed_receipts():
        record_received_report.enqueue(received_id)
        queued += 1
    return queued
