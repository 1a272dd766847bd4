"""The case page in Chromium at a desktop width: a summary first, the panels with nothing in them
collapsed (and openable without JavaScript), the reports folded, so a 15-report case fits a few
screens instead of 39,000 px."""

import pytest

from hatehub.assessment.services import assess_case

from .conftest import axe_violations, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

# 1280 x 800 is a common laptop screen: 6,000 px is about seven screens of scrolling for a
# 15-report case (summary, crimes, assessment, panels, 15 folded reports, timeline). Before the
# summary and folding the same case measured about 39,000 px.
MAX_HEIGHT = 6_000
URL = "https://x.com/poster_one/status/1790000000000000001"


@pytest.fixture
def big_case(make_report):
    first = make_report(
        description="A post on X calls my family vermin and says we should be burned out.",
        quoted_text="They should all be burned out of their homes",
        urls=[URL],
        accounts=["@poster_one"],
    )
    for _ in range(14):
        make_report(urls=[URL], reporter_role="witness")
    case = first.case
    case.refresh_from_db()
    assert case.reports.count() == 15
    assess_case(case, reason="First assessment")
    return case


def test_a_15_report_case_starts_with_its_summary_and_stays_short(page, users, big_case):
    page.set_viewport_size({"width": 1280, "height": 800})
    sign_in(page, users["hub_officer"])
    page.goto(f"/hub/cases/{big_case.reference}/")

    summary = page.locator("section[aria-labelledby=case-summary-heading]")
    assert "calls my family vermin" in summary.inner_text()
    assert "They should all be burned out" in summary.inner_text()
    assert URL in summary.inner_text()
    assert "@poster_one" in summary.inner_text()
    assert "1 victim reported; 14 reports from witnesses or organisations" in summary.inner_text()
    assert "Recommended:" in summary.inner_text()
    assert "Allocate the case to a force" in page.locator("[data-due-next]").inner_text()
    # The summary comes before every panel.
    headings = page.locator("main h2").all_inner_texts()
    assert headings[0] == "Summary"

    # Panels with nothing yet are closed, under their title; a panel with content is open.
    referrals = page.locator("details.app-empty-panel[data-panel='Takedown referrals']")
    assert referrals.get_attribute("open") is None
    assert referrals.locator("summary").inner_text() == "Takedown referrals: nothing yet"
    # The reports are folded too: each one's summary line names it.
    assert page.locator("details.app-report").count() == 15
    assert page.locator("details.app-report[open]").count() == 0

    height = page.evaluate("document.documentElement.scrollHeight")
    assert height < MAX_HEIGHT, f"case page is {height}px tall"
    assert axe_violations(page) == []


def test_collapsed_panels_and_reports_open_without_javascript(no_js_page, users, big_case):
    page = no_js_page
    sign_in(page, users["hub_officer"])
    page.goto(f"/hub/cases/{big_case.reference}/")
    referrals = page.locator("details.app-empty-panel[data-panel='Takedown referrals']")
    referrals.locator("summary").click()
    assert referrals.get_attribute("open") is not None
    referrals.get_by_role("heading", name="Takedown referrals").wait_for()

    report = page.locator("details.app-report").first
    report.locator("summary").click()
    report.get_by_text("What happened").wait_for()
    assert report.get_by_text("calls my family vermin").is_visible()
