from datetime import timedelta

from hatehub.core.scheduling import Periodic

from .tasks import retry_failed_recordings

JOBS = [Periodic("intake.retry_failed_recordings", retry_failed_recordings, timedelta(minutes=5))]
