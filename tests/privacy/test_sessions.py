"""A report form half filled in and left holds the person's answers in their session: the
hourly job deletes sessions once they have gone idle, and leaves live ones alone."""

from datetime import timedelta

from django.contrib.sessions.models import Session
from django.utils import timezone

from hatehub.core.scheduling import periodic_jobs
from hatehub.privacy.tasks import clear_expired_sessions


def test_an_abandoned_report_forms_session_is_deleted_and_a_live_one_kept(client, db):
    client.post("/report/safety/", {"danger": "no"})
    live = client.session.session_key
    client.cookies.clear()
    client.post("/report/safety/", {"danger": "no"})
    abandoned = client.session.session_key
    Session.objects.filter(pk=abandoned).update(expire_date=timezone.now() - timedelta(minutes=1))

    clear_expired_sessions.call()

    assert list(Session.objects.values_list("pk", flat=True)) == [live]


def test_the_scheduler_runs_the_clean_up_every_hour():
    every = {job.name: job.every for job in periodic_jobs()}
    assert every["privacy.clear_expired_sessions"] == timedelta(hours=1)
