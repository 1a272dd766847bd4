from datetime import timedelta

from hatehub.core.scheduling import Periodic

from .tasks import record_waiting_reports, retry_failed_recordings, score_recorded_reports

JOBS = [
    Periodic("intake.record_waiting_reports", record_waiting_reports, timedelta(minutes=1)),
    Periodic("intake.score_recorded_reports", score_recorded_reports, timedelta(minutes=1)),
    Periodic("intake.retry_failed_recordings", retry_failed_recordings, timedelta(minutes=5)),
]
