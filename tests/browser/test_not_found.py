"""Page not found, in Chromium: staff addresses (under /hub/) get a page for staff, in the staff
layout, with the way back to the queue; public addresses keep the public page."""

import pytest

from .conftest import axe_violations, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_missing_staff_page_speaks_to_staff(page, users, make_report):
    hidden = make_report().case  # not allocated: a force user may not see it
    sign_in(page, users["force_user"])

    for path in ("/hub/no-such-page/", f"/hub/cases/{hidden.reference}/"):
        response = page.goto(path)
        assert response.status == 404
        assert page.locator("h1").inner_text() == "Page not found"
        assert "not allocated to your force" in page.locator("main").inner_text()
        assert "start your report" not in page.locator("main").inner_text()
        page.get_by_role("button", name="Sign out").wait_for()  # the staff header
        assert page.get_by_role("link", name="Go to the triage queue").is_visible()
    assert axe_violations(page) == []

    page.get_by_role("link", name="Go to the triage queue").click()
    page.wait_for_url("**/hub/")


def test_a_missing_public_page_stays_public(page):
    response = page.goto("/report/no-such-question/")
    assert response.status == 404
    main = page.locator("main").inner_text()
    assert "start your report again" in main
    assert "triage queue" not in main
    assert page.get_by_role("button", name="Sign out").count() == 0
    assert axe_violations(page) == []
