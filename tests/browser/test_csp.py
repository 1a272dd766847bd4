"""The Content Security Policy allows everything the hub's own pages need: in a browser that
enforces it, the GOV.UK and MOJ scripts run and nothing is blocked."""

import pytest

from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_public_and_staff_pages_run_under_the_policy_with_nothing_blocked(
    browser, live_server, users
):
    context = browser.new_context(base_url=live_server.url)  # the policy enforced
    page = context.new_page()
    blocked: list[str] = []
    page.on(
        "console",
        lambda message: (
            blocked.append(message.text) if "Content Security Policy" in message.text else None
        ),
    )
    page.goto("/report/")
    assert page.evaluate("document.body.classList.contains('govuk-frontend-supported')")
    page.goto("/accounts/sign-in/")
    page.get_by_label("Username").fill("officer")
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/hub/")
    page.goto("/hub/outbox/")
    assert blocked == []
    context.close()
