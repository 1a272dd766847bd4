from datetime import timedelta

from hatehub.core.scheduling import Periodic

from .tasks import clear_expired_sessions, retention_sweep

JOBS = [
    Periodic("privacy.retention_sweep", retention_sweep, timedelta(hours=24)),
    Periodic("privacy.clear_expired_sessions", clear_expired_sessions, timedelta(hours=1)),
]
