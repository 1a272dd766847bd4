"""The issue's "done when": a CSV of 500 volunteer URLs with 20 bad rows imports 480, reports
the 20 with reasons (row, column, reason), and duplicates join the cases already open."""

import datetime as dt
import html

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from hatehub.audit.models import AuditEvent
from hatehub.cases.models import Case
from hatehub.demo.synthetic import url_variants
from hatehub.reports.choices import Source
from hatehub.reports.models import Report
from hatehub.volunteers import bulk, services
from hatehub.volunteers.models import Batch, Submission

from .helpers import csv_bytes, file_of_500, good_row, volunteer_in

pytestmark = pytest.mark.django_db


@pytest.fixture
def volunteer(organisation):
    return volunteer_in(organisation)


@pytest.fixture
def existing(make_report):
    """Three posts the hub already has, each reported by the public."""
    return [make_report(platform="x") for _ in range(3)]


def _other_spelling(report: Report) -> str:
    original = report.content_items.get().url
    variants = [url for url in url_variants(original) if url != original]
    return variants[0] if variants else original


def test_500_rows_with_20_bad_import_480_and_report_the_20(client, volunteer, existing):
    spellings = [_other_spelling(report) for report in existing]
    data, bad = file_of_500(spellings)
    client.force_login(volunteer)
    cases_before = Case.objects.count()

    response = client.post(
        reverse("volunteers:upload"),
        {"file": SimpleUploadedFile("found.csv", data, content_type="text/csv")},
    )

    batch = Batch.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("volunteers:batch", args=[batch.pk])
    assert (batch.rows, batch.imported, batch.rejected) == (500, 480, 20)
    assert Submission.objects.filter(batch=batch).count() == 480
    assert Report.objects.filter(source=Source.VOLUNTEER, submitted_by=volunteer).count() == 480
    # Every refused row is named with its column and why; no refused row left a report.
    reported = {(error["row"], error["column"]) for error in batch.errors}
    assert {(row, column) for row, (column, _) in bad.items()} <= reported
    assert {error["row"] for error in batch.errors} == set(bad)
    for error in batch.errors:
        assert bad[error["row"]][1] in error["reason"]
    imported_rows = set(Submission.objects.values_list("row", flat=True))
    assert not imported_rows & set(bad) and len(imported_rows) == 480
    # Duplicates joined the cases the hub already had (same post, another spelling).
    for report in existing:
        joined = Submission.objects.filter(report__case=report.case)
        assert joined.count() == 1 and joined.get().joined_existing
    assert batch.joined_existing == 3
    assert Case.objects.count() == cases_before + 477
    # Each report is from a volunteer of their organisation, and reports in with its status.
    assert set(
        Report.objects.filter(source=Source.VOLUNTEER).values_list("organisation", flat=True)
    ) == {volunteer.organisation_id}
    page = client.get(response["Location"])
    assert page.status_code == 200
    text = page.content.decode()
    assert "480 of 500 taken in" in text and "3 joined a case the hub already had" in text
    for row in bad:
        assert f">{row}</th>" in text
    assert AuditEvent.objects.filter(
        object_type="volunteer_batch", object_id=str(batch.pk)
    ).exists()


def test_a_row_that_fails_inside_the_service_leaves_nothing_and_is_reported(volunteer, monkeypatch):
    import random

    rng = random.Random(3)
    items = [
        bulk.Item(row=2 + i, url=good_row(rng)["url"], platform="x", strands=("race",))
        for i in range(3)
    ]
    real = services.submit_public_report
    calls = {"n": 0}

    def flaky(submission, **kwargs):
        calls["n"] += 1
        report = real(submission, **kwargs)
        if calls["n"] == 2:
            raise RuntimeError("simulated failure after the report was written")
        return report

    monkeypatch.setattr(services, "submit_public_report", flaky)
    batch = services.submit_batch(volunteer, items, method=Batch.Method.CSV, rows=3)
    assert (batch.imported, batch.rejected) == (2, 1)
    assert batch.errors == [{"row": 3, "column": "", "reason": batch.errors[0]["reason"]}]
    # The failed row's report was rolled back with its savepoint: nothing partial.
    assert Report.objects.filter(submitted_by=volunteer).count() == 2
    assert Submission.objects.count() == 2


def test_a_whole_file_problem_imports_nothing(client, volunteer):
    client.force_login(volunteer)
    cases = [
        (b"PK\x03\x04rest of a zip", "spreadsheet or zip"),
        (b"url,colour\nhttps://x.com/a/status/1,red\n", "does not know: colour"),
        (b"platform,notes\nx,hello\n", "must have a 'url' column"),
        (b"url\n", "no rows"),
        ("url,notes\nhttps://x.com/a/status/1,caf\xe9\n".encode("latin-1"), "not UTF-8"),
        (b"", "The file is empty"),
    ]
    for data, message in cases:
        response = client.post(
            reverse("volunteers:upload"),
            {"file": SimpleUploadedFile("found.csv", data, content_type="text/csv")},
        )
        assert response.status_code == 200
        assert message in html.unescape(response.content.decode())
    assert not Batch.objects.exists() and not Report.objects.exists()


def test_size_and_row_limits(settings):
    settings.HUB_VOLUNTEER_MAX_ROWS = 5
    rows = [good_row(__import__("random").Random(i)) for i in range(6)]
    parsed = bulk.read_csv(
        csv_bytes(rows), today=dt.date(2026, 11, 26), max_rows=5, max_bytes=10**6
    )
    assert parsed.file_errors == ["The file has 6 rows: send 5 rows or fewer at a time"]
    parsed = bulk.read_csv(csv_bytes(rows), today=dt.date(2026, 11, 26), max_rows=10, max_bytes=100)
    assert parsed.file_errors[0].startswith("The file must be smaller than")


def test_bom_and_blank_lines_and_labels_are_accepted():
    data = (
        "\ufeffURL,Platform,Date,Strand,Notes\r\n"
        "https://x.com/a/status/11,X (Twitter),31/01/2026,Religion or belief; race,seen\r\n"
        "\r\n"
        "https://www.example-forum.org/thread/9,,,,\r\n"
    ).encode()
    parsed = bulk.read_csv(data, today=dt.date(2026, 11, 26), max_rows=10, max_bytes=10**6)
    assert not parsed.errors and not parsed.file_errors
    first, second = parsed.items
    assert (first.row, first.platform, first.occurred_on) == (2, "x", dt.date(2026, 1, 31))
    assert first.strands == ("religion", "race")
    assert (second.row, second.platform, second.strands) == (4, "other", ("not_sure",))
