from datetime import timedelta

from .scheduling import Periodic
from .tasks import recover_stalled_tasks

JOBS = [Periodic("core.recover_stalled_tasks", recover_stalled_tasks, timedelta(minutes=1))]
