"""Perception first, through the browser (issue 15 s1): a victim ticks the characteristics they
believe were targeted and gives the date in the public form; a hub officer assesses the case
and sees the assessment use those strands (College of Policing: a hate crime is one PERCEIVED by
the victim or any other person to be motivated by hostility) and that date as the conduct date
for the offence checks. Before, the ticked strands were ignored: "Strands: None"."""

import re

import pytest

from hatehub.reports.models import Report
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _radio(page, name: str, value: str) -> None:
    page.locator(f"input[name='{name}'][value='{value}']").check()


def _continue(page) -> None:
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Continue", exact=True).click()


def _strands(page) -> None:
    page.locator("input[name='strands'][value='race']").check()
    page.locator("input[name='strands'][value='religion']").check()


ANSWERS = {
    "safety": lambda page: _radio(page, "danger", "no"),
    "who": lambda page: _radio(page, "role", "victim"),
    # The words name no characteristic: only the reporter's ticks say which.
    "what-happened": lambda page: page.get_by_label("What happened?").fill(
        "[SYNTHETIC] He replied calling me a [SLUR] and told me to go back where I came from."
    ),
    "when": lambda page: (
        page.get_by_label("Day").fill("3"),
        page.get_by_label("Month").fill("11"),
        page.get_by_label("Year").fill("2026"),
    ),
    "platform": lambda page: _radio(page, "platform", "x"),
    "links": lambda page: page.locator("[name='urls']").fill("https://x.com/someone/status/9001"),
    "accounts": lambda page: page.locator("[name='accounts']").fill("@someone"),
    "poster-identity": lambda page: _radio(page, "known", "no"),
    "future-event": lambda page: _radio(page, "future_event", "no"),
    "targeted": _strands,
    "victim-location": lambda page: page.get_by_label("Postcode").fill("L1 8JQ"),
    "poster-location": lambda page: None,
    "evidence": lambda page: None,
    "contact": lambda page: _radio(page, "choice", "anonymous"),
}


def test_ticked_strands_and_date_reach_the_officers_assessment(page, browser, live_server, users):
    page.goto("/report/")
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Start now").click()
    while "/check-answers/" not in page.url:
        slug = page.url.rstrip("/").split("?")[0].split("/")[-1]
        ANSWERS[slug](page)
        _continue(page)
    page.get_by_role("button", name="Submit report").click()
    panel = page.locator(".govuk-panel--confirmation")
    panel.wait_for()
    reference = panel.locator("strong").inner_text().strip()
    report = Report.objects.get(reference=reference)
    assert set(report.strands.values_list("code", flat=True)) == {"race", "religion"}

    officer = browser.new_context(base_url=live_server.url).new_page()
    officer.set_default_timeout(10_000)
    officer.goto("/accounts/sign-in/")
    officer.get_by_label("Username").fill(users["hub_officer"].username)
    officer.get_by_label("Password").fill(PASSWORD)
    officer.get_by_role("button", name="Sign in").click()
    officer.get_by_role("link", name=report.case.reference).click()
    with officer.expect_navigation(wait_until="load"):
        officer.get_by_role("button", name="Assess this case").click()

    strands = officer.locator("#assessment-strands").inner_text().lower()
    assert "race" in strands and "religion" in strands
    assert officer.locator("#assessment-conduct-date").inner_text().strip() == "2026-11-03"
    recommended = officer.locator(".govuk-summary-list__row").filter(
        has=officer.locator("dt", has_text=re.compile(r"^\s*Recommended\s*$"))
    )
    assert "Crime" in recommended.inner_text()
    officer.context.close()
