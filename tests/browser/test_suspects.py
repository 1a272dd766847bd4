"""Suspects and identification requests in Chromium: a SPoC reviews an officer's request,
records its authorisation and marks it sent; every page on the way (people, a person, the
account, the request form, the request) passes axe-core (no serious or critical issues)."""

import pytest
from django.utils import timezone

from hatehub.cases.services import allocate
from hatehub.suspects import services
from hatehub.suspects.models import IdentificationRequest
from tests.conftest import PASSWORD
from tests.suspects.conftest import a_draft, account_of

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


def test_a_spoc_reviews_authorises_and_sends_and_the_pages_are_accessible(
    browser, live_server, users, forces, make_report
):
    report = make_report()
    allocate(report.case, force=forces["merseyside"], reason="[SYNTHETIC] fixture")
    case, account = report.case, account_of(report)
    person = services.people.create_person(
        services.people.PersonDetails(full_name="[SYNTHETIC] Robin Test", other_names=[]),
        by=users["hub_officer"],
    )
    services.people.link_account(
        person, account, source="victim", confidence="probable", by=users["hub_officer"]
    )
    request = services.requests.draft_request(account, a_draft(case), by=users["hub_officer"])
    services.requests.submit_for_review(request, by=users["hub_officer"])

    spoc = _sign_in(browser, live_server, users["spoc"])
    spoc.get_by_role("link", name="Suspects").click()
    spoc.get_by_role("heading", name="Suspects").wait_for()
    _accessible(spoc)
    spoc.get_by_role("link", name=person.reference).click()
    spoc.get_by_role("heading", name=person.full_name).wait_for()
    _accessible(spoc)
    spoc.get_by_role("link", name=f"X (Twitter): {account.handle}").click()
    spoc.get_by_role("heading", name="Identification requests").wait_for()
    _accessible(spoc)
    spoc.get_by_role("link", name="Draft an identification request").click()
    spoc.get_by_role("heading", name="Draft an identification request").wait_for()
    _accessible(spoc)
    spoc.get_by_role("button", name="Save draft").click()  # empty: errors, nothing saved
    spoc.locator(".govuk-error-summary").wait_for()
    _accessible(spoc)
    assert IdentificationRequest.objects.count() == 1

    spoc.goto(f"/hub/suspects/requests/{request.reference}/")
    spoc.get_by_text("This request cannot be sent yet").wait_for()
    _accessible(spoc)
    spoc.get_by_label("Approve: necessary and proportionate").check()
    spoc.get_by_role("button", name="Record review").click()
    spoc.get_by_text(f"Review recorded for {request.reference}").wait_for()
    spoc.get_by_text("needs an authorisation record").wait_for()

    spoc.get_by_label("Investigatory Powers Commissioner").check()
    spoc.get_by_label("Authorisation reference").fill("OCDA/[SYNTHETIC]/7")
    spoc.get_by_label("Date authorised").fill(timezone.localdate().isoformat())
    spoc.get_by_role("button", name="Record authorisation").click()
    spoc.get_by_text(f"Authorisation recorded for {request.reference}").wait_for()
    _accessible(spoc)
    spoc.get_by_label("How was it sent?").fill("[SYNTHETIC] law enforcement portal")
    spoc.get_by_role("button", name="Mark as sent").click()
    spoc.get_by_text(f"Request {request.reference} marked as sent").wait_for()
    _accessible(spoc)
    request.refresh_from_db()
    assert request.status == IdentificationRequest.Status.SENT
