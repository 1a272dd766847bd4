"""Only `hatehub.cases` changes a case's status (issue 18): the suite-wide watch in
tests/case_writes.py fails a test when other hub code does, and no app updates it in bulk."""

import re
from pathlib import Path

import pytest

import hatehub
from hatehub.cases.models import Case
from tests.case_writes import CaseWrittenOutsideCases

HUB = Path(hatehub.__file__).parent


def _run_as_hub_code(path: str, source: str, **names):
    """Run `source` as if it were the hub module at `path` (its frames carry that file name)."""
    namespace = dict(names)
    exec(compile(source, str(HUB / path), "exec"), namespace)  # noqa: S102 (test code only)
    return namespace


def test_another_apps_code_changing_a_case_status_fails(make_report):
    case = make_report().case
    code = "case.status = Case.Status.CLOSED\ncase.save(update_fields=['status'])\n"
    with pytest.raises(CaseWrittenOutsideCases, match="intake/imaginary.py"):
        _run_as_hub_code("intake/imaginary.py", code, case=case, Case=Case)
    case.refresh_from_db()
    assert case.status != Case.Status.CLOSED


def test_the_cases_app_and_saves_of_other_fields_pass(make_report):
    case = make_report().case
    other = "case.content_signal = 0.5\ncase.save(update_fields=['content_signal'])\n"
    _run_as_hub_code("intake/imaginary.py", other, case=case)
    mine = "case.status = Case.Status.CLOSED\ncase.save(update_fields=['status'])\n"
    _run_as_hub_code("cases/imaginary.py", mine, case=case, Case=Case)
    case.refresh_from_db()
    assert case.status == Case.Status.CLOSED


def test_no_app_updates_case_status_in_bulk():
    bulk = re.compile(r"Case\.objects\b[^\n]*\.update\([^)]*\bstatus\s*=")
    offenders = [
        str(path.relative_to(HUB))
        for path in HUB.rglob("*.py")
        if "cases" not in path.relative_to(HUB).parts[:1] and bulk.search(path.read_text())
    ]
    assert offenders == []
