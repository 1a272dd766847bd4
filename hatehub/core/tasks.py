"""Keeping the task queue honest after a crash."""

from datetime import timedelta

from django.conf import settings
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
