"""Real recording workers, in their own processes, on the test database: one SIGKILLed inside a
batch's transaction (twice, at two points), then the rest recorded; and two recording the same
backlog at once. Every receipt must become exactly one report with its case, timeline entry and
audit entry, and the audit chain must verify."""

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection
from django.db.models import Count

from hatehub.audit.models import AuditEvent
from hatehub.audit.services import verify_chain
from hatehub.cases.models import Case, CaseEvent
from hatehub.reports.models import ReceivedReport, Report
from tests.intake.test_api import post_report, report_body
from tests.intake.test_recording_batches import surge_of_one_post

pytestmark = pytest.mark.django_db(transaction=True)

ROOT = Path(__file__).resolve().parents[2]
START_TIMEOUT = 30  # seconds for a worker to set Django up and reach the hook


def recorder(tmp_path: Path, *args: str) -> subprocess.Popen:
    """A recording worker on this test's database (see `recorder_process`)."""
    env = {**os.environ, "HUB_VAR_DIR": str(settings.VAR_DIR), "PYTHONPATH": str(ROOT)}
    return subprocess.Popen(  # noqa: S603 (our own module, on the test's database)
        [
            sys.executable,
            "-m",
            "tests.intake.recorder_process",
            "--database",
            str(connection.settings_dict["NAME"]),
            *args,
        ],
        cwd=ROOT,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
    )


def finished(process: subprocess.Popen, timeout: float = 30) -> None:
    output, _ = process.communicate(timeout=timeout)
    assert process.returncode == 0, output.decode()[-3000:]


def killed_mid_batch(tmp_path: Path, *, at: str, in_batch: int) -> None:
    """Start a worker, wait until it is inside batch `in_batch` (at `at`), SIGKILL it."""
    marker = tmp_path / f"inside-{at}-{in_batch}"
    process = recorder(
        tmp_path,
        "--batch-size",
        "15",
        "--hang-at",
        at,
        "--hang-in-batch",
        str(in_batch),
        "--marker",
        str(marker),
    )
    deadline = time.monotonic() + START_TIMEOUT
    while not marker.exists():
        if process.poll() is not None:
            pytest.fail(f"the worker ended before the batch: {process.stdout.read().decode()}")
        if time.monotonic() > deadline:
            process.kill()
            pytest.fail("the worker did not reach the batch in time")
        time.sleep(0.05)
    process.send_signal(signal.SIGKILL)
    process.wait(timeout=10)
    process.stdout.close()
    assert process.returncode == -signal.SIGKILL
    connection.close()  # read what the database kept, on a fresh connection


def receipts(client, api_key, synthetic) -> list[str]:
    """40 waiting receipts: 30 of one viral post, 10 of other posts."""
    references = surge_of_one_post(client, api_key, synthetic, 30)
    for number in range(10):
        body = report_body(synthetic)
        response = post_report(client, api_key, body, idempotency_key=f"other-{number}")
        references.append(response.json()["reference"])
    return references


def assert_each_recorded_once(references: list[str]) -> None:
    reports = Report.objects.filter(reference__in=references)
    assert sorted(reports.values_list("reference", flat=True)) == sorted(references)
    assert not Report.objects.values("reference").annotate(n=Count("pk")).filter(n__gt=1)
    assert not reports.filter(case__isnull=True).exists()
    assert not ReceivedReport.objects.filter(recorded_at__isnull=True).exists()
    assert ReceivedReport.objects.filter(report__isnull=True).count() == 0
    for kind, rows in (
        (
            "audit",
            AuditEvent.objects.filter(object_type="report", action="create").values_list(
                "object_id", flat=True
            ),
        ),
        (
            "timeline",
            CaseEvent.objects.filter(kind=CaseEvent.Kind.REPORT_ADDED).values_list(
                "details__report", flat=True
            ),
        ),
    ):
        assert sorted(rows) == sorted(references), kind
    for report in reports.select_related("case"):
        assert CaseEvent.objects.filter(
            case=report.case, kind=CaseEvent.Kind.REPORT_ADDED, details__report=report.reference
        ).exists()
    assert verify_chain() == []


def test_a_worker_killed_inside_a_batch_twice_loses_and_duplicates_nothing(
    client, api_key, synthetic, workers_behind, tmp_path
):
    references = receipts(client, api_key, synthetic)

    # Killed inside its first batch: everything written, receipts marked, audit still to come.
    killed_mid_batch(tmp_path, at="marked", in_batch=1)
    assert not Report.objects.exists() and not Case.objects.exists()
    assert not AuditEvent.objects.filter(object_type="report").exists()
    assert ReceivedReport.objects.filter(recorded_at__isnull=True, attempts=0).count() == 40

    # Killed inside its second batch, its audit entries appended: only the first batch stays.
    killed_mid_batch(tmp_path, at="audit", in_batch=2)
    assert Report.objects.count() == 15
    assert AuditEvent.objects.filter(object_type="report").count() == 15
    assert ReceivedReport.objects.filter(recorded_at__isnull=True).count() == 25
    assert verify_chain() == []

    # A worker left alone records the rest.
    finished(recorder(tmp_path, "--batch-size", "15"))

    assert_each_recorded_once(references)
    viral = Report.objects.filter(reference__in=references[:30])
    assert viral.values("case").distinct().count() == 1
    assert Case.objects.count() == 11


def test_two_workers_at_once_record_every_receipt_exactly_once(
    client, api_key, synthetic, workers_behind, tmp_path
):
    if connection.vendor != "postgresql":
        pytest.skip(
            "needs PostgreSQL: SQLite runs one writing transaction at a time, so two workers "
            "never record side by side (DATABASE_URL=postgres://... to run it)"
        )
    references = receipts(client, api_key, synthetic)
    go = tmp_path / "go"
    results = [tmp_path / "worker-0", tmp_path / "worker-1"]
    workers = [
        recorder(
            tmp_path,
            "--batch-size",
            "5",
            "--pause",
            "0.2",
            "--go",
            str(go),
            "--result",
            str(result),
        )
        for result in results
    ]
    time.sleep(0.5)
    go.write_text("go")
    for worker in workers:
        finished(worker)
    connection.close()

    counts = [int(result.read_text()) for result in results]
    assert sum(counts) == 40
    assert all(counts), counts  # both took part
    assert_each_recorded_once(references)
    viral = Report.objects.filter(reference__in=references[:30])
    assert viral.values("case").distinct().count() == 1
