"""Intelligence reports in Chromium: an officer drafts one from a case, a supervisor reviews
its sanitised text, the officer disseminates it, and an analyst reads the sanitised text. Every
page on the way passes axe-core (no serious or critical issues)."""

import pytest

from hatehub.intelligence import services
from hatehub.intelligence.models import IntelligenceReport
from tests.conftest import PASSWORD

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
    page.wait_for_url(lambda url: "/accounts/sign-in/" not in url)
    return page


def _accessible(page) -> None:
    violations = axe_violations(page)
    assert not violations, f"{page.url}: {violations}"


def test_draft_review_disseminate_read(browser, live_server, users, forces, make_report):
    report = make_report()
    case = report.case
    name = report.complainant.name
    services.add_recipient(name="Merseyside Force Intelligence Bureau", force=forces["merseyside"])

    officer = _sign_in(browser, live_server, users["hub_officer"])
    # The case page's "Create intelligence report" link (tests/intelligence/test_views.py).
    officer.goto(f"/hub/intelligence/new/?case={case.reference}")
    officer.get_by_role("heading", name="Create an intelligence report").wait_for()
    _accessible(officer)
    officer.get_by_role("button", name="Save draft").click()  # empty: errors, nothing saved
    officer.locator(".govuk-error-summary").wait_for()
    _accessible(officer)
    assert not IntelligenceReport.objects.exists()

    officer.get_by_label("Title").fill("Threats against a faith group [SYNTHETIC]")
    officer.get_by_label("What you know, with its sources").fill(
        f"{name} reported the account [SYNTHETIC]."
    )
    officer.get_by_label("Sanitised text").fill(
        f"An account posted threats; {name} saw them [SYNTHETIC]."
    )
    officer.get_by_label("Level 1: Local").check()
    officer.get_by_label("2: Untested").check()
    officer.get_by_label("B: Known indirectly to the source but corroborated").check()
    officer.get_by_label("P: Lawful sharing permitted", exact=True).check()
    officer.get_by_role("button", name="Save draft").click()
    officer.get_by_role("heading", name="Sanitisation check").wait_for()
    _accessible(officer)
    intelligence = IntelligenceReport.objects.get()
    officer.get_by_role("button", name="Send for review").click()
    officer.get_by_text("sent for review").wait_for()

    supervisor = _sign_in(browser, live_server, users["hub_supervisor"])
    supervisor.goto(f"/hub/intelligence/{intelligence.reference}/")
    supervisor.get_by_role("link", name="Review sanitised text").click()
    supervisor.get_by_role("heading", name="Review the sanitised text").wait_for()
    _accessible(supervisor)
    flags = supervisor.locator("input[name=checked]")
    assert flags.count() >= 1
    for index in range(flags.count()):
        flags.nth(index).check()
    supervisor.get_by_label("Yes: approve it for dissemination").check()
    supervisor.get_by_role("button", name="Record review").click()
    supervisor.get_by_text("approved").first.wait_for()

    officer.goto(f"/hub/intelligence/{intelligence.reference}/disseminate/")
    officer.get_by_role("heading", name="Disseminate the report").wait_for()
    _accessible(officer)
    officer.get_by_label("Merseyside Force Intelligence Bureau").check()
    officer.get_by_role("button", name="Disseminate").click()
    officer.get_by_role("heading", name="Disseminations").wait_for()
    intelligence.refresh_from_db()
    assert intelligence.status == IntelligenceReport.Status.DISSEMINATED

    analyst = _sign_in(browser, live_server, users["analyst"])
    analyst.goto("/hub/intelligence/")
    analyst.get_by_role("heading", name="Intelligence reports").wait_for()
    _accessible(analyst)
    analyst.get_by_role("link", name=intelligence.reference).click()
    analyst.get_by_role("heading", name="Sanitised text").wait_for()
    _accessible(analyst)
    assert "reported the account" not in analyst.content()
