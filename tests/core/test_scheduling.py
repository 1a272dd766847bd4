"""Periodic jobs are enqueued once per interval, however many schedulers run."""

from datetime import timedelta

import pytest
from django.utils import timezone

from hatehub.core.models import ScheduledRun
from hatehub.core.scheduling import enqueue_due, periodic_jobs

pytestmark = pytest.mark.django_db


def test_the_outbox_sweep_is_a_periodic_job():
    assert "outbox.deliver_due" in {job.name for job in periodic_jobs()}


def test_a_job_is_enqueued_when_due_and_not_again_within_its_interval(
    django_capture_on_commit_callbacks,
):
    now = timezone.now()
    with django_capture_on_commit_callbacks(execute=False) as first:
        assert "outbox.deliver_due" in enqueue_due(now)
    with django_capture_on_commit_callbacks(execute=False) as second:
        assert "outbox.deliver_due" not in enqueue_due(now + timedelta(seconds=30))
    assert len(second) < len(first)
    assert "outbox.deliver_due" in enqueue_due(now + timedelta(minutes=1, seconds=1))
    run = ScheduledRun.objects.get(name="outbox.deliver_due")
    assert run.last_enqueued_at == now + timedelta(minutes=1, seconds=1)


def test_a_task_left_running_by_a_dead_worker_is_queued_again(settings):
    from datetime import timedelta

    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    from hatehub.core.tasks import recover_stalled_tasks
    from hatehub.outbox.tasks import deliver_due

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    settings.HUB_TASK_LEASE_SECONDS = 60
    stalled, fresh = deliver_due.enqueue(), deliver_due.enqueue()
    now = timezone.now()
    DBTaskResult.objects.filter(pk=stalled.id).update(
        status=TaskResultStatus.RUNNING, started_at=now - timedelta(minutes=5)
    )
    DBTaskResult.objects.filter(pk=fresh.id).update(
        status=TaskResultStatus.RUNNING, started_at=now - timedelta(seconds=10)
    )
    assert recover_stalled_tasks.call() == 1
    assert DBTaskResult.objects.get(pk=stalled.id).status == TaskResultStatus.READY
    assert DBTaskResult.objects.get(pk=fresh.id).status == TaskResultStatus.RUNNING  # still live
    assert "core.recover_stalled_tasks" in {job.name for job in periodic_jobs()}


def test_the_queue_tables_statistics_are_refreshed_every_minute_on_postgresql():
    from django.db import connection

    from hatehub.core.tasks import analyse_queue_tables

    job = next(job for job in periodic_jobs() if job.name == "core.analyse_queue_tables")
    assert job.every.total_seconds() == 60
    assert analyse_queue_tables.call() is (connection.vendor == "postgresql")
