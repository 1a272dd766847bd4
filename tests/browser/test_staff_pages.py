"""The hub's own pages in Chromium: the queue, a case with its matching, responsible force and
assessment, and the assessment forms pass axe-core (no serious or critical violations)."""

import pytest

from hatehub.assessment.services import assess_case
from tests.conftest import PASSWORD

from .conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_staff_pages_pass_axe(page, users, make_report):
    report = make_report(
        quoted_text="I'm going to kill you, you Muslim",
        victim_postcode="LS1 4AP",
        poster_location="Says he lives in Cardiff",
        urls=["https://x.com/someone/status/1"],
    )
    make_report(urls=["https://twitter.com/someone/status/1"])
    case = report.case
    assess_case(case, reason="First assessment")

    page.goto("/accounts/sign-in/")
    page.get_by_label("Username").fill(users["hub_supervisor"].username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    found = {}
    for path in (
        "/hub/",
        f"/hub/cases/{case.reference}/",
        f"/hub/cases/{case.reference}/assessment/answers/",
        f"/hub/cases/{case.reference}/assessment/decision/",
        "/hub/assessments/disagreements/",
    ):
        page.goto(path)
        found[path] = axe_violations(page)
    assert not {path: v for path, v in found.items() if v}, found
