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
