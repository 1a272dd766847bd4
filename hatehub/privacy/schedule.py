from datetime import timedelta

from hatehub.core.scheduling import Periodic

from .tasks import retention_sweep

JOBS = [Periodic("privacy.retention_sweep", retention_sweep, timedelta(hours=24))]
