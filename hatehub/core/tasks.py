"""Keeping the task queue honest after a crash, and quick in a surge."""

from datetime import timedelta

from django.conf import settings
from django.db import connection, transaction
from django.utils import timezone
from django_tasks import task


@task(priority=100)  # ahead of any backlog: it is what rescues a dead worker's task
def recover_stalled_tasks() -> int:
    """A worker killed mid-task (kill -9, a lost machine) leaves its task marked RUNNING for
    ever. Put such tasks back in the queue once they have run longer than HUB_TASK_LEASE_SECONDS,
    so no task is lost; every hub task is written to be safe to run twice."""
    try:
        from django_tasks.base import TaskResultStatus
        from django_tasks_db.models import DBTaskResult
    except ImportError:  # another backend recovers its own
        return 0
    now = timezone.now()
    stale = now - timedelta(seconds=settings.HUB_TASK_LEASE_SECONDS)
    return DBTaskResult.objects.filter(
        status=TaskResultStatus.RUNNING, started_at__lt=stale
    ).update(status=TaskResultStatus.READY, started_at=None, run_after=now)


def enqueue_unless_waiting(task) -> None:
    """Queue `task` (one that takes no arguments and works through what is waiting for it)
    unless a run of it is already waiting for a worker.

    With the database backend the check is made once the caller's transaction has committed,
    so a waiting run that a worker claims in the meantime still finds what it wrote; if the
    check or the enqueue fails then, the caller's work stands and the run's periodic schedule
    picks it up. A surge thus adds one small read per request to the queue, not a task each.
    Other backends (the immediate one in tests) enqueue at once."""
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.backend import DatabaseBackend
    from django_tasks_db.models import DBTaskResult

    if not isinstance(task.get_backend(), DatabaseBackend):
        task.enqueue()
        return

    # Written out rather than built by the ORM each time: it runs after every report received.
    # Status and priority lead the backend's index of waiting tasks.
    table = DBTaskResult._meta.db_table  # the model's own table name, not input
    waiting = (
        f"SELECT 1 FROM {table} WHERE status = %s AND priority = %s AND task_path = %s LIMIT 1"  # noqa: S608  # nosec B608
    )

    def enqueue() -> None:
        with connection.cursor() as cursor:
            cursor.execute(waiting, [TaskResultStatus.READY, task.priority, task.module_path])
            if cursor.fetchone() is None:
                task.enqueue()

    transaction.on_commit(enqueue, robust=True)


QUEUE_TABLES = ("django_tasks_database_dbtaskresult", "intake_receivedreport")


@task(priority=100)
def analyse_queue_tables() -> bool:
    """PostgreSQL: vacuum and refresh the planner's statistics of the tables a surge fills
    fastest.

    In a surge the task table grows by tens of thousands of rows a minute. With statistics from
    before, the workers' claim query sorts every waiting task (350 ms a claim at 75,000
    waiting) and their database sessions take the CPU the web servers need; with fresh ones it
    reads the head of its index, which vacuuming keeps free of claimed tasks. Autovacuum does
    this where it is on and tuned (migration core 0002); this job does it every minute
    regardless, in a fraction of a second. (Inside a transaction, as in tests, VACUUM cannot
    run and only ANALYZE does.)"""
    if connection.vendor != "postgresql":
        return False
    command = "ANALYZE" if connection.in_atomic_block else "VACUUM (ANALYZE)"
    with connection.cursor() as cursor:
        cursor.execute(f"{command} {', '.join(QUEUE_TABLES)}")  # nosec B608: fixed names
    return True
