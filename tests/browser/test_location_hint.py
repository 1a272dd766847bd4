"""Force routing in Chromium: a reporter who wrote "I don't know, maybe Leeds" about the poster
does not make the suspect's location known. The case page's responsible force is the victim's,
and the officer sees the Leeds guess as a hint to check, not as a location. Passes axe-core."""

import pytest

from tests.conftest import PASSWORD

from .conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_hedged_suspect_location_is_shown_as_a_hint_not_used_as_known(
    browser, live_server, users, make_report
):
    report = make_report(
        victim_postcode="CF10 1AA",
        poster_location="I don't know, maybe Leeds",
        urls=["https://video.example/hint/1"],
    )
    page = browser.new_context(base_url=live_server.url, bypass_csp=True).new_page()
    page.set_default_timeout(20_000)
    page.goto("/accounts/sign-in/")
    page.get_by_label("Username").fill(users["hub_officer"].username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/hub/**")

    page.goto(f"/hub/cases/{report.case.reference}/")
    page.get_by_role("heading", name="Responsible force").wait_for()
    body = page.locator("body").inner_text()
    assert "The suspect's location is known" not in body
    assert "The suspect's location is not known (only a hint, given with doubt)" in body
    assert "South Wales Police) records and investigates" in body
    hint = page.locator("[data-location-hint]").inner_text()
    assert "Hint, not a known location." in hint
    assert "I don't know, maybe Leeds" in hint and "West Yorkshire Police area" in hint
    assert axe_violations(page) == []
