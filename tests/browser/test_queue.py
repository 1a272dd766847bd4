"""The triage queue in Chromium: it says what it holds and in what order, shows what each case
is about and who has it, sorts by urgency, age or reports (with aria-sort), and "Assign to me"
takes a case and comes back to the same view. A force user's queue is titled for their force."""

import re

import pytest

from hatehub.cases.services import allocate

from .conftest import axe_violations, sign_in

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def case_links(page) -> list[str]:
    return page.locator("tbody th a").all_inner_texts()


def test_queue_explains_itself_sorts_and_assigns(page, users, make_report):
    page.set_viewport_size({"width": 1280, "height": 900})
    url = "https://x.com/someone/status/5"
    busy = make_report(
        urls=[url], description="Replies under my post call me a slur and tell me to leave."
    ).case
    make_report(urls=[url])
    make_report(urls=[url])
    urgent = make_report(future_event="yes", description="They plan to turn up at the march.").case

    sign_in(page, users["hub_officer"])
    banner = page.locator("#queue-about")
    assert "Every case the hub has opened" in banner.inner_text()
    assert "Sorted most urgent first" in banner.inner_text()
    assert case_links(page)[0] == urgent.reference
    assert page.get_by_role("columnheader", name="Urgency").get_attribute("aria-sort") == (
        "descending"
    )
    row = page.locator("tbody tr", has=page.get_by_role("link", name=busy.reference))
    assert "Replies under my post call me a slur" in row.inner_text()
    assert "Not assigned" in row.inner_text()

    page.get_by_role("link", name=re.compile(r"Reports\W+sort most first")).click()
    page.wait_for_url("**sort=reports**")
    assert case_links(page)[0] == busy.reference
    reports = page.get_by_role("columnheader", name="Reports")
    assert reports.get_attribute("aria-sort") == "descending"
    assert page.get_by_role("columnheader", name="Urgency").get_attribute("aria-sort") == "none"
    assert "Sorted most reports first" in page.locator("#queue-about").inner_text()

    page.get_by_role("button", name=re.compile(rf"Assign to me\W+case {busy.reference}")).click()
    page.locator(".govuk-notification-banner--success", has_text="assigned to you").wait_for()
    assert "sort=reports" in page.url  # back to the same view
    row = page.locator("tbody tr", has=page.get_by_role("link", name=busy.reference))
    assert users["hub_officer"].username in row.inner_text()
    assert row.get_by_role("button").count() == 0  # already yours

    page.get_by_role("link", name=re.compile(r"Opened\W+sort oldest first")).click()
    page.wait_for_url("**sort=oldest**")
    assert case_links(page) == [busy.reference, urgent.reference]
    assert page.get_by_role("columnheader", name="Opened").get_attribute("aria-sort") == (
        "ascending"
    )
    assert axe_violations(page) == []


def test_a_force_users_queue_is_titled_for_the_force(page, users, forces, make_report):
    case = make_report().case
    allocate(case, force=forces["merseyside"], reason="Victim lives in Liverpool")
    sign_in(page, users["force_user"])
    name = forces["merseyside"].name
    heading = f"{name}: cases allocated to you"
    assert page.locator("h1").inner_text() == heading
    assert page.title().startswith(heading)
    assert f"offered to {name}" in page.locator("#queue-about").inner_text()
    assert case_links(page) == [case.reference]
