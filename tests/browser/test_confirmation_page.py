"""The public form's confirmation page on a phone promises only what will happen, from what the
reporter said: someone who said it is not safe to leave a message is not promised a
confirmation (none goes out: an officer phones them), and someone who asked for a support
referral is told it will be made, not offered it again."""

import pytest

from hatehub.outbox.models import OutboxMessage
from hatehub.reports.models import Report

from .conftest import axe_violations
from .test_public_contact import PHONE, _walk_to
from .test_public_journey import _continue, _radio

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def phone(browser, live_server):
    context = browser.new_context(base_url=live_server.url, viewport=PHONE, bypass_csp=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def _submit(page) -> str:
    assert "/check-answers/" in page.url
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Submit report").click()
    page.locator(".govuk-panel--confirmation").wait_for()
    return page.locator("main").inner_text()


def test_not_safe_to_leave_a_message_is_not_promised_a_confirmation(phone):
    _walk_to(phone, "contact-details")
    _radio(phone, "contact_method", "phone")
    phone.locator("#id_phone").fill("07700 900 982")
    _radio(phone, "safe_to_leave_message", "no")
    _continue(phone)
    _radio(phone, "consent", "yes")
    _continue(phone)
    main = _submit(phone)

    assert "We will send you a confirmation" not in main
    next_contact = phone.locator("[data-next-contact]").inner_text()
    assert "it is not safe to leave you a message" in next_contact
    assert "we will not send you an email, text message or letter" in next_contact
    assert "A police officer will phone you and speak only to you" in next_contact
    support = phone.locator("[data-support]").inner_text()
    assert "As you asked, we will pass your details to a support service" in support
    assert "We will tell them it is not safe to leave you a message" in support
    assert "refer you" not in main
    assert axe_violations(phone) == []
    # The page told the truth: nothing was written to them.
    report = Report.objects.get()
    assert report.complainant.support_referral_consent
    assert not OutboxMessage.objects.exists()


def test_a_reporter_who_may_be_written_to_is_told_how_and_offered_support(phone):
    _walk_to(phone, "contact-details")
    _radio(phone, "contact_method", "email")
    phone.locator("#id_email").fill("alex@example.org")
    _radio(phone, "safe_to_leave_message", "yes")
    _continue(phone)
    _radio(phone, "consent", "no")
    _continue(phone)
    _submit(phone)

    next_contact = phone.locator("[data-next-contact]").inner_text()
    assert "We will send you a confirmation by email." in next_contact
    assert "not safe" not in next_contact
    support = phone.locator("[data-support]").inner_text()
    assert "Victim Support gives free and confidential help" in support
    assert "08 08 16 89 111" in support and "As you asked" not in support
    # ... and it was: the confirmation is in the outbox, addressed to them.
    assert OutboxMessage.objects.get().recipient == "alex@example.org"
