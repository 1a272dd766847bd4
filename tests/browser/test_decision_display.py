"""The officer's decision in Chromium: an officer records a decision that differs from the
recommendation; the case page shows it with offences and strands by name, the supervisor's
"Decisions to review" page says what differs, and the evidence package PDF (read with
pypdf) carries the decided offences and strands, never an internal id."""

import io
from pathlib import Path

import pytest
from pypdf import PdfReader

from hatehub.assessment.services import assess_case
from tests.cases.helpers import case_with_evidence
from tests.conftest import PASSWORD

from .conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]
THREAT = "[SYNTHETIC] I'm going to kill you, you Muslim. He said it again this morning."


def _sign_in(browser, live_server, user):
    context = browser.new_context(base_url=live_server.url, accept_downloads=True, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(20_000)
    page.goto("/accounts/sign-in/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/hub/**")
    return page


def test_a_recorded_decision_shows_on_the_case_page_review_page_and_package(
    browser, live_server, users, forces, make_report
):
    case, _ = case_with_evidence(
        make_report,
        force=forces["merseyside"],
        quoted_text=THREAT,
        urls=["https://x.com/synthetic_poster/status/1001"],
    )
    assess_case(case, reason="First assessment")
    reference = case.reference

    officer = _sign_in(browser, live_server, users["hub_officer"])
    officer.goto(f"/hub/cases/{reference}/")
    officer.get_by_role("link", name="Record your decision").click()
    officer.get_by_label("Non-crime hate incident").check()
    officer.get_by_label("Race or ethnicity").check()
    officer.get_by_label(
        "Threatening communications offence (Online Safety Act 2023 s181)"
    ).uncheck()
    officer.get_by_label("Grade 3").check()
    officer.get_by_label("Rationale").fill("Bravado between friends, not a real threat")
    officer.get_by_role("button", name="Record decision").click()

    decision = officer.get_by_test_id("officer-decision")
    decision.wait_for()
    text = decision.inner_text()
    assert "Non-crime hate incident" in text and "Grade 3" in text
    assert "Race, Religion or belief" in text  # in the order the form lists them
    assert "Communications Act 2003 s127(1)" in text
    assert "Classification: recommended crime, decided non-crime hate incident" in text
    assert "Offences: removed Threatening communications offence" in text
    assert "ca2003_s127_1" not in officer.content()
    assert axe_violations(officer) == []

    supervisor = _sign_in(browser, live_server, users["hub_supervisor"])
    supervisor.goto("/hub/assessments/disagreements/")
    review = supervisor.locator("section", has_text=reference)
    assert "Classification: recommended crime, decided non-crime hate incident" in (
        review.inner_text()
    )
    assert "Strands: added Race" in review.inner_text()
    assert "osa2023_s181" not in supervisor.content()
    assert axe_violations(supervisor) == []

    officer.goto(f"/hub/cases/{reference}/")
    officer.get_by_text("Evidence package: nothing yet").click()
    officer.get_by_role("button", name="Generate evidence package").click()
    officer.locator(".govuk-notification-banner--success").wait_for()
    with officer.expect_download() as info:
        officer.get_by_role("link", name="PDF of version 1").click()
    reader = PdfReader(io.BytesIO(Path(info.value.path()).read_bytes()))
    pdf_text = "\n".join(page.extract_text() for page in reader.pages)
    flat = " ".join(pdf_text.split())
    assert "Officer's decision" in flat
    assert "Non-crime hate incident" in flat
    assert "Race, Religion or belief" in flat
    assert "Communications Act 2003 s127(1)" in flat
    assert "ca2003_s127_1" not in flat and "Strands None" not in flat
