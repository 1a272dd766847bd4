from datetime import timedelta

from .scheduling import Periodic
from .tasks import analyse_queue_tables, recover_stalled_tasks

JOBS = [
    Periodic("core.recover_stalled_tasks", recover_stalled_tasks, timedelta(minutes=1)),
    Periodic("core.analyse_queue_tables", analyse_queue_tables, timedelta(minutes=1)),
]
