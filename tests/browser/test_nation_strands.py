"""The nations' own strands through the browser (issue 15 s3): a victim in Scotland ticks "Age"
in the public form (a hate crime aggravation there, Hate Crime and Public Order (Scotland) Act
2021 s1); a hub officer assesses the case and sees Age among the strands, under the law of
Scotland. Synthetic report."""

import pytest

from hatehub.reports.models import Report
from tests.browser.conftest import sign_in
from tests.browser.test_perception import ANSWERS as PERCEPTION_ANSWERS
from tests.browser.test_perception import _continue

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ANSWERS = {
    **PERCEPTION_ANSWERS,
    "what-happened": lambda page: page.get_by_label("What happened?").fill(
        "[SYNTHETIC] He keeps replying that old people like me are a drain and should die off."
    ),
    "targeted": lambda page: page.locator("input[name='strands'][value='age']").check(),
    "victim-location": lambda page: page.get_by_label("Postcode").fill("EH1 1YZ"),
}


def test_a_ticked_age_strand_reaches_a_scottish_assessment(page, browser, live_server, users):
    page.goto("/report/")
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Start now").click()
    while "/check-answers/" not in page.url:
        slug = page.url.rstrip("/").split("?")[0].split("/")[-1]
        if slug == "targeted":
            assert page.get_by_label("Age", exact=True).is_visible()
            sectarian = "Sectarian (for example, being Catholic or Protestant)"
            assert page.get_by_label(sectarian).is_visible()
        ANSWERS[slug](page)
        _continue(page)
    assert "Age" in page.locator("main").inner_text()
    page.get_by_role("button", name="Submit report").click()
    panel = page.locator(".govuk-panel--confirmation")
    panel.wait_for()
    reference = panel.locator("strong").inner_text().strip()
    report = Report.objects.get(reference=reference)
    assert list(report.strands.values_list("code", flat=True)) == ["age"]

    officer = browser.new_context(base_url=live_server.url).new_page()
    officer.set_default_timeout(10_000)
    sign_in(officer, users["hub_officer"])
    officer.goto(f"/hub/cases/{report.case.reference}/")
    with officer.expect_navigation(wait_until="load"):
        officer.get_by_role("button", name="Assess this case").click()
    assert "Age" in officer.locator("#assessment-strands").inner_text()
    assert officer.get_by_test_id("nation").inner_text().startswith("Scotland")
    officer.context.close()
