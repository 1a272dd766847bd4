"""A victim reports in Chromium, gets the confirmation by email (a real SMTP server), and later
follows the link in our "no further action" update to Track my report, where the update and
its explanation are shown. Track my report passes axe-core."""

import re

import pytest

from hatehub.reports.models import Report
from hatehub.victims import services
from tests.conftest import PASSWORD
from tests.victims.helpers import accepted, clock, outcome

from .conftest import axe_violations
from .test_public_journey import ANSWERS, _continue, _radio

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

EMAIL = "sam.example@example.org"
LINK = re.compile(r"https?://\S+/track/link/\S+/")


def _contact_details(page) -> None:
    page.locator("[name='name']").fill("Sam Example [SYNTHETIC]")
    _radio(page, "contact_method", "email")  # reveals the email address box
    page.locator("[name='email']").fill(EMAIL)
    _radio(page, "safe_to_leave_message", "yes")
    _radio(page, "language", "en")


STEPS = {
    **ANSWERS,
    "contact": lambda page: _radio(page, "choice", "details"),
    "contact-details": _contact_details,
    "support": lambda page: _radio(page, "consent", "no"),
}


def _text(message) -> str:
    return message.get_body(("plain",)).get_content()


def _mail_to(smtp_server, address):
    return [m for m in smtp_server.messages if address in str(m["To"])]


def _page(browser, live_server):
    # axe-core is injected as an inline script, which the hub's Content-Security-Policy forbids.
    context = browser.new_context(base_url=live_server.url, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    return page


def test_victim_is_confirmed_by_email_then_follows_the_link_to_a_no_further_action_update(
    browser, live_server, smtp_server, settings, users, forces
):
    settings.HUB_PUBLIC_URL = live_server.url
    page = _page(browser, live_server)
    page.goto("/report/")
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Start now").click()
    while "/check-answers/" not in page.url:
        slug = page.url.rstrip("/").split("?")[0].split("/")[-1]
        if slug == "evidence":
            pass  # no files: continue
        else:
            STEPS[slug](page)
        _continue(page)
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Submit report").click()
    panel = page.locator(".govuk-panel--confirmation")
    reference = panel.locator("strong").inner_text().strip()
    secret = page.locator("[data-tracking-secret]").inner_text().strip()
    assert re.fullmatch(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", secret)
    assert axe_violations(page) == []

    # The confirmation arrived by SMTP, with a single-use Track my report link.
    [confirmation] = _mail_to(smtp_server, EMAIL)
    assert confirmation["Subject"] == f"We have received your report {reference}"
    assert "Thank you for reporting online hate" in _text(confirmation)
    # They said no to a support referral: the offer stands (test_sending covers "yes").
    assert "Ask us if you would like us to refer you" in _text(confirmation)
    assert LINK.search(_text(confirmation))

    # Later: Merseyside takes the case, finds no suspect and the officer sends the update.
    report = Report.objects.get(reference=reference)
    accepted(report, users, forces["merseyside"])
    outcome(report, users, code=18)
    update = clock(report, "outcome")
    drafted = services.draft(update, nfa_reason="suspect_not_identified")
    services.send_update(
        update,
        by=users["force_user"],
        channel="email",
        subject=drafted.subject,
        body=drafted.body,
        nfa_reason="suspect_not_identified",
    )
    nfa = _mail_to(smtp_server, EMAIL)[-1]
    assert nfa["Subject"] == f"Update on your report {reference}"
    link = LINK.search(_text(nfa)).group(0)

    page.goto(link)
    page.locator("[data-track-status]").wait_for()
    assert "/track/report/" in page.url
    update_text = page.locator("[data-track-update]").first.inner_text()
    assert "could not identify the person responsible" in update_text
    assert "Why the police cannot take further action" in update_text
    assert "What you can still do" in update_text
    assert page.locator(".govuk-exit-this-page").count() == 1
    assert axe_violations(page) == []

    # The link worked once; reference and code still open the report.
    other = _page(browser, live_server)
    other.goto(link)
    assert "already been used" in other.content()
    other.goto("/track/")
    assert axe_violations(other) == []
    other.get_by_label("Reference number").fill(reference)
    other.get_by_label("Your code").fill(secret)
    with other.expect_navigation(wait_until="load"):
        other.get_by_role("button", name="Continue").click()
    assert "could not identify the person responsible" in other.content()


def test_staff_victims_pages_pass_axe(browser, live_server, users, forces, make_report):
    report = make_report()
    accepted(report, users, forces["merseyside"])
    outcome(report, users, code=18)
    update = clock(report, "outcome")
    page = _page(browser, live_server)
    page.goto("/accounts/sign-in/")
    page.get_by_label("Username").fill(users["force_user"].username)
    page.get_by_label("Password").fill(PASSWORD)
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Sign in").click()
    found = {}
    for path in (
        "/hub/victims/",
        f"/hub/victims/updates/{update.pk}/",
        f"/hub/cases/{report.case.reference}/",
    ):
        page.goto(path)
        assert page.locator("h1").count() == 1, path
        found[path] = axe_violations(page)
    assert not {path: v for path, v in found.items() if v}, found
    page.goto(f"/hub/victims/updates/{update.pk}/")
    assert (
        "could not identify the person responsible"
        in page.locator("textarea[name='body']").input_value()
    )
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Send update").click()
    assert f"/hub/cases/{report.case.reference}/" in page.url
    assert "Update sent by email" in page.content()
