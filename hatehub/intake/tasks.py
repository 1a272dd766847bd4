from django_tasks import task


@task(priority=10)
def record_received_report(received_id: int) -> str | None:
    """Record one report whose recording failed before (see `retry_failed_recordings`). Safe to
    run twice: the second run finds the receipt recorded and changes nothing."""
    from .services import record_received, recording_failed

    try:
        report = record_received(received_id)
    except Exception as error:
        recording_failed(received_id, error)
        raise
    return report.reference if report else None


# A run records for up to this long, then queues the next run and returns, so the other tasks
# of a busy queue (confirmations, the stalled-task check) get their turn between them.
RECORDING_RUN_SECONDS = 30


@task(priority=10)  # before confirmations and thumbnails: officers need the case first
def record_waiting_reports() -> int:
    """Record the reports the hub has acknowledged, most urgent then oldest first
    (`services.record_waiting`).
    Woken by each report received unless a run is already waiting, and run every minute as
    well, so a report acknowledged just before a crash is still recorded."""
    from .services import record_waiting

    return record_waiting(for_seconds=RECORDING_RUN_SECONDS)


@task(priority=20)  # before the next recording run: the queue's order waits for it
def score_recorded_reports() -> int:
    """Score the quoted words of reports recorded in batches, for their cases' content signal
    (`scoring.score_marked`). Woken by each batch recorded unless a run is already waiting,
    and run every minute as well, so a batch recorded just before a crash is still scored."""
    from .scoring import score_all_marked

    return score_all_marked(for_seconds=RECORDING_RUN_SECONDS)


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
