"""Two-step intake: a report is acknowledged with its reference as soon as one row is stored,
and recorded (matched, put on a case, logged) by a task exactly once, even if that task runs
twice or fails and is run again."""

import pytest
from django.db import connection
from django.test import Client

from hatehub.audit.models import AuditEvent
from hatehub.core.scheduling import periodic_jobs
from hatehub.intake import services, tasks
from hatehub.intake.services import receive_public_report, record_received
from hatehub.intake.tasks import record_received_report as record_now
from hatehub.matching import services as matching
from hatehub.reports.models import ReceivedReport, Report
from hatehub.victims.models import TrackingAttempt
from tests.intake.test_api import PARTNER, post_report, report_body

pytestmark = pytest.mark.django_db


def test_a_partner_report_is_acknowledged_before_it_is_recorded(
    client, api_key, synthetic, workers_behind
):
    body = report_body(synthetic)
    response = post_report(client, api_key, body, idempotency_key="surge-1")

    assert response.status_code == 201
    reference = response.json()["reference"]
    assert response.json()["status"] == "received"
    assert not Report.objects.exists()
    received = ReceivedReport.objects.get(reference=reference)
    assert workers_behind.woken == 1
    # The reporter's details wait encrypted at rest, like a recorded complainant's.
    with connection.cursor() as cursor:
        cursor.execute("SELECT submission FROM intake_receivedreport WHERE id = %s", [received.pk])
        stored = cursor.fetchone()[0]
    assert body["contact"]["email"] not in stored

    # The partner can read it back, and a retry gets the same reference, not a second report.
    status = client.get(
        f"/api/v1/reports/{reference}", headers={"Authorization": f"Bearer {api_key}"}
    )
    assert status.status_code == 200 and status.json()["status"] == "received"
    again = post_report(client, api_key, body, idempotency_key="surge-1")
    assert again.status_code == 200 and again.json()["reference"] == reference
    assert ReceivedReport.objects.count() == 1


def test_recording_makes_the_report_once_with_its_case_and_audit(
    client, api_key, synthetic, workers_behind
):
    reference = post_report(client, api_key, report_body(synthetic)).json()["reference"]
    received = ReceivedReport.objects.get(reference=reference)

    report = record_received(received.pk)
    assert record_received(received.pk) == report  # a retried task changes nothing

    assert Report.objects.get().reference == reference
    assert report.case is not None and report.complainant.email
    received.refresh_from_db()
    assert received.report == report and received.recorded_at is not None
    assert received.submission == ""  # the report holds the personal data now
    assert received.ip_address == "" and received.user_agent == ""
    entry = AuditEvent.objects.get(object_type="report", object_id=reference, action="create")
    assert entry.actor_label == PARTNER  # the sender, not the worker that recorded it
    assert report.submitted_at == received.received_at  # clocks start at receipt

    status = client.get(
        f"/api/v1/reports/{reference}", headers={"Authorization": f"Bearer {api_key}"}
    )
    assert status.json()["status"] == report.case.get_status_display()


def test_a_failed_recording_is_kept_with_its_error_and_can_run_again(
    client, api_key, synthetic, workers_behind, monkeypatch
):
    reference = post_report(client, api_key, report_body(synthetic)).json()["reference"]
    received = ReceivedReport.objects.get(reference=reference)
    from hatehub.intake import services

    real_create = services._create

    def broken(*args, **kwargs):
        raise RuntimeError("matching index unavailable")

    monkeypatch.setattr(services, "_create", broken)
    with pytest.raises(RuntimeError):
        record_now.call(received.pk)
    received.refresh_from_db()
    assert received.attempts == 1 and "matching index unavailable" in received.last_error
    assert received.recorded_at is None and not Report.objects.exists()

    monkeypatch.setattr(services, "_create", real_create)
    assert record_now.call(received.pk) == reference
    assert Report.objects.filter(reference=reference).exists()


def test_track_my_report_says_a_waiting_report_is_being_recorded(make_submission, workers_behind):
    received = receive_public_report(make_submission())
    response = Client(REMOTE_ADDR="192.0.2.44").post(
        "/track/", {"reference": received.reference, "secret": received.tracking_secret}
    )
    assert "still adding it to our records" in response.content.decode()
    assert not TrackingAttempt.objects.filter(result=TrackingAttempt.Result.FAILED).exists()

    record_received(received.pk)
    response = Client(REMOTE_ADDR="192.0.2.44").post(
        "/track/", {"reference": received.reference, "secret": received.tracking_secret}
    )
    assert response.status_code == 302  # the code given at receipt opens the recorded report


def test_the_queue_shows_hub_staff_the_reports_still_being_recorded(
    client, api_key, synthetic, workers_behind, users, monkeypatch
):
    for number in range(2):
        post_report(client, api_key, report_body(synthetic), idempotency_key=f"wait-{number}")
    threat = report_body(synthetic, future_event="yes", future_event_details="[SYNTHETIC] Soon")
    post_report(client, api_key, threat, idempotency_key="wait-threat")
    first = ReceivedReport.objects.order_by("pk").first()
    ReceivedReport.objects.filter(pk=first.pk).update(attempts=1, last_error="RuntimeError: x")

    client.force_login(users["hub_officer"])
    page = client.get("/hub/").content.decode()
    assert "3 reports received and still being added to cases" in page
    assert "1 about a future event is being added first" in page
    assert "1 could not be recorded yet" in page

    client.force_login(users["force_user"])  # a force sees its own cases, not the hub's intake
    assert "still being added" not in client.get("/hub/").content.decode()


def test_failed_recordings_are_queued_again_and_waiting_ones_are_not(
    client, api_key, synthetic, workers_behind
):
    for number in range(2):
        post_report(client, api_key, report_body(synthetic), idempotency_key=f"retry-{number}")
    failed, waiting = ReceivedReport.objects.order_by("pk")
    ReceivedReport.objects.filter(pk=failed.pk).update(attempts=2, last_error="OperationalError")

    assert tasks.retry_failed_recordings.call() == 1
    assert workers_behind.retried == [failed.pk]


def test_a_report_sent_before_an_assessment_but_recorded_after_it_reassesses_the_case(
    make_submission, workers_behind, django_capture_on_commit_callbacks
):
    from hatehub.assessment.services import assess_case
    from hatehub.intake.services import submit_public_report

    first = submit_public_report(make_submission())
    late = receive_public_report(make_submission(urls=[first.content_items.get().url]))
    assess_case(first.case, reason="First assessment")

    with django_capture_on_commit_callbacks(execute=True):
        report = record_received(late.pk)

    assert report.case == first.case
    assert first.case.assessments.count() == 2


@pytest.mark.parametrize("batch_size", [1, 100], ids=["one by one", "in a batch"])
def test_one_run_records_the_waiting_reports_oldest_first_and_sets_a_failing_one_aside(
    client, api_key, synthetic, workers_behind, monkeypatch, settings, batch_size
):
    settings.HUB_RECORDING_BATCH_SIZE = batch_size
    bodies = [report_body(synthetic) for _ in range(3)]
    references = [
        post_report(client, api_key, body, idempotency_key=f"wait-{n}").json()["reference"]
        for n, body in enumerate(bodies)
    ]
    real_signals_for = matching.signals_for

    def broken_for_the_second(**given):
        if given["urls"] == bodies[1]["urls"]:
            raise RuntimeError("postcode lookup unavailable")
        return real_signals_for(**given)

    monkeypatch.setattr(matching, "signals_for", broken_for_the_second)
    assert services.record_waiting(for_seconds=60) == 2

    recorded = list(Report.objects.order_by("pk").values_list("reference", flat=True))
    assert recorded == [references[0], references[2]]
    failed = ReceivedReport.objects.get(reference=references[1])
    assert failed.attempts == 1 and "postcode lookup unavailable" in failed.last_error
    # The failure is left to the retry job, not run again in a loop; nothing is recorded twice.
    assert services.record_waiting(for_seconds=60) == 0
    assert Report.objects.count() == 2
    assert AuditEvent.objects.filter(object_type="report").count() == 2


def test_a_run_out_of_time_hands_the_rest_to_a_new_run(client, api_key, synthetic, workers_behind):
    post_report(client, api_key, report_body(synthetic))
    woken = workers_behind.woken

    assert services.record_waiting(for_seconds=0) == 0
    assert workers_behind.woken == woken + 1
    assert ReceivedReport.objects.filter(recorded_at__isnull=True).count() == 1


def test_a_surge_queues_one_recording_run_not_a_task_per_report(
    client, api_key, synthetic, settings, django_capture_on_commit_callbacks
):
    from django_tasks.base import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    settings.TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}
    for number in range(5):
        with django_capture_on_commit_callbacks(execute=True):
            response = post_report(
                client, api_key, report_body(synthetic), idempotency_key=f"surge-{number}"
            )
        assert response.status_code == 201
    waiting = DBTaskResult.objects.filter(status=TaskResultStatus.READY)
    assert list(waiting.values_list("task_path", flat=True)) == [
        tasks.record_waiting_reports.module_path
    ]

    # A worker takes that run: the next report queues another, so none waits unnoticed.
    waiting.update(status=TaskResultStatus.RUNNING)
    with django_capture_on_commit_callbacks(execute=True):
        post_report(client, api_key, report_body(synthetic), idempotency_key="surge-late")
    assert DBTaskResult.objects.filter(status=TaskResultStatus.READY).count() == 1

    assert tasks.record_waiting_reports.call() == 6
    assert Report.objects.count() == 6
    assert "intake.record_waiting_reports" in {job.name for job in periodic_jobs()}


@pytest.mark.parametrize("batch_size", [1, 2, 100])
def test_in_a_backlog_a_report_about_a_future_event_is_recorded_first(
    client, api_key, synthetic, workers_behind, settings, batch_size
):
    settings.HUB_RECORDING_BATCH_SIZE = batch_size
    routine = [
        post_report(client, api_key, report_body(synthetic), idempotency_key=f"routine-{n}")
        for n in range(3)
    ]
    threat = report_body(
        synthetic, future_event="yes", future_event_details="[SYNTHETIC] A march on Saturday"
    )
    urgent = post_report(client, api_key, threat, idempotency_key="threat")
    assert urgent.status_code == 201

    assert services.record_waiting(for_seconds=30) == 4

    first, *rest = Report.objects.order_by("pk")
    assert first.reference == urgent.json()["reference"]
    assert [report.reference for report in rest] == [
        response.json()["reference"] for response in routine
    ]
