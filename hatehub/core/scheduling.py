"""Periodic jobs: each app may list them in `schedule.py` as `JOBS = [Periodic(...)]`.

`manage.py run_scheduler` (started by `serve` beside the task worker) wakes every few seconds
and enqueues each job whose interval has passed; the row lock on `ScheduledRun` means several
schedulers (one per web machine) still enqueue each run once. The job itself runs on the task
worker like any other task."""

from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from django.db import transaction

from .extensions import app_modules
from .models import ScheduledRun


@dataclass(frozen=True)
class Periodic:
    name: str
    task: Any  # a django-tasks Task
    every: timedelta


def periodic_jobs() -> list[Periodic]:
    return [job for module in app_modules("schedule") for job in module.JOBS]


def enqueue_due(now: datetime) -> list[str]:
    """Enqueue every job that is due at `now`; returns their names."""
    enqueued = []
    # One unlocked read finds the jobs that look due; only those are locked and checked again.
    # The scheduler wakes every few seconds and most wake-ups find nothing to do: during a surge
    # it must not spend a transaction per job on them.
    last = dict(ScheduledRun.objects.values_list("name", "last_enqueued_at"))
    for job in periodic_jobs():
        if job.name in last and last[job.name] > now - job.every:
            continue
        with transaction.atomic():
            run, created = ScheduledRun.objects.select_for_update().get_or_create(
                name=job.name, defaults={"last_enqueued_at": now}
            )
            if not created and run.last_enqueued_at > now - job.every:
                continue
            run.last_enqueued_at = now
            run.save(update_fields=["last_enqueued_at"])
            transaction.on_commit(job.task.enqueue)
            enqueued.append(job.name)
    return enqueued
