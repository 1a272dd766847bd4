"""Takedown referrals in Chromium: an officer refers an item from a case page, sends it, and
records the platform's answer; a supervisor opens the directory and a platform. Every page on
the way passes axe-core (no serious or critical issues)."""

import pytest

from hatehub.platforms.models import Referral
from hatehub.platforms.services.sending import mark_sent
from tests.conftest import PASSWORD
from tests.platforms.helpers import decided_case, example_platform

from .conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(browser, live_server, user):
    # bypass_csp: axe-core is injected as an inline script, which the hub's CSP forbids.
    page = browser.new_context(base_url=live_server.url, bypass_csp=True).new_page()
    page.set_default_timeout(10_000)
    page.goto("/accounts/sign-in/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.get_by_role("heading", name="Triage queue").wait_for()
    return page


def _accessible(page) -> None:
    violations = axe_violations(page)
    assert not violations, f"{page.url}: {violations}"


def test_an_officer_refers_sends_and_records_removal_and_the_pages_are_accessible(
    browser, live_server, users, make_report, settings
):
    settings.HUB_EMAIL_BACKEND = "outbox"
    example_platform()
    case = decided_case(make_report, users["hub_officer"], urls=["https://video.example/b/1"])

    officer = _sign_in(browser, live_server, users["hub_officer"])
    officer.goto(f"/hub/cases/{case.reference}/")
    officer.get_by_text("Takedown referrals: nothing yet").click()  # folded until used
    officer.get_by_role("link", name="Refer content to a platform").click()
    officer.get_by_role("heading", name="Refer content to a platform").wait_for()
    _accessible(officer)
    officer.get_by_role("button", name="Draft the referral").click()  # nothing selected
    officer.locator(".govuk-error-summary").wait_for()
    _accessible(officer)
    officer.get_by_label("video.example/b/1", exact=False).check()
    officer.get_by_role("button", name="Draft the referral").click()
    referral = Referral.objects.get()
    officer.get_by_role("heading", name=referral.reference).wait_for()
    _accessible(officer)
    officer.get_by_role("button", name="Send to Example Video").click()
    officer.locator(".govuk-notification-banner--success").wait_for()
    mark_sent(referral, at=referral.created_at)  # as the outbox does once delivered

    officer.goto(f"/hub/platforms/referrals/{referral.reference}/")
    officer.get_by_role("link", name=f"Update status of {referral.reference}/1").click()
    officer.get_by_role("heading", name="What did Example Video do?").wait_for()
    _accessible(officer)
    officer.get_by_label("Removed", exact=True).check()
    officer.get_by_role("button", name="Save status").click()
    officer.locator(".govuk-notification-banner--success").wait_for()
    assert referral.items.get().status == "removed"

    officer.get_by_role("link", name="Takedowns", exact=True).click()
    officer.get_by_role("heading", name="Takedown referrals").wait_for()
    assert officer.get_by_role("rowheader", name="Example Video").count() == 1
    _accessible(officer)

    supervisor = _sign_in(browser, live_server, users["hub_supervisor"])
    supervisor.goto("/hub/platforms/")
    supervisor.get_by_role("heading", name="Platform directory").wait_for()
    _accessible(supervisor)
    supervisor.get_by_role("link", name="Example Video").click()
    supervisor.get_by_role("heading", name="Example Video").wait_for()
    _accessible(supervisor)
    supervisor.get_by_role("button", name="Issue a callback key").click()
    supervisor.locator("#callback-secret").wait_for()
    _accessible(supervisor)
