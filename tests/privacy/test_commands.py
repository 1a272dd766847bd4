"""The management commands: sweep, erase on request, subject access export."""

import io
import zipfile

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone

from hatehub.audit.models import AuditEvent
from hatehub.privacy.models import ErasureLog, RetentionReview
from hatehub.reports.models import Complainant
from tests.privacy.helpers import close, decide
from tests.privacy.test_erasure import person_details, reported_case

pytestmark = pytest.mark.django_db


def test_retention_sweep_command(make_report):
    case = close(reported_case(make_report, person_details()).case)
    decide(case, "not_hate")
    out = io.StringIO()
    later = timezone.localdate().replace(year=timezone.localdate().year + 2)
    call_command("retention_sweep", "--today", later.isoformat(), stdout=out)
    assert "1 review(s) opened" in out.getvalue()
    assert RetentionReview.objects.get(record_id=case.pk).rule_id == "no-police-matter-review-1y"


def test_subject_access_and_erase_commands(
    make_report, tmp_path, django_capture_on_commit_callbacks
):
    details = person_details()
    report = reported_case(make_report, details)
    target = tmp_path / "bundle.zip"
    call_command(
        "subject_access_export",
        "--email",
        details["email"],
        "--requester",
        "The data subject in person",
        "--out",
        str(target),
        stdout=io.StringIO(),
    )
    assert details["name"] in zipfile.ZipFile(target).read("summary.html").decode()
    assert AuditEvent.objects.get(action="disclose").actor_label == "command:subject_access_export"
    with pytest.raises(CommandError):
        call_command("erase_case", "NO-SUCH", "--basis", "recorded_in_error", "--by", "x")
    with django_capture_on_commit_callbacks(execute=True):
        call_command(
            "erase_case",
            report.case.reference,
            "--basis",
            "dpa_s47_request",
            "--by",
            "Sgt Example",
            stdout=io.StringIO(),
        )
    assert not Complainant.objects.filter(report=report).exists()
    entry = ErasureLog.objects.get(record_id=report.case_id)
    assert entry.erased_by_label == "command:erase_case (Sgt Example)"
