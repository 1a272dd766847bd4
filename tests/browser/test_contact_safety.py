"""Contact safety in Chromium: a victim who said it is not safe to leave a message gets nothing
automatically (no email through a real SMTP server, nothing in the outbox), while a victim who
said it is safe gets the confirmation; the officer sees why on the case page's Victims' Code
panel and on the update page, with how they may make contact. Both pages pass axe-core."""

import pytest

from hatehub.intake.services import Contact
from hatehub.outbox.models import OutboxMessage
from tests.conftest import PASSWORD

from .conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_not_safe_to_leave_a_message_sends_nothing_and_the_officer_sees_why(
    browser, live_server, smtp_server, users, make_report
):
    unsafe = make_report(
        contact=Contact(
            name="Sam Example [SYNTHETIC]",
            email="sam.unsafe@example.org",
            phone="07700 900982",
            contact_method="phone",
            safe_to_leave_message=False,
            contact_notes="Only after 6pm, do not say it is the police",
        ),
        urls=["https://video.example/unsafe/1"],
    )
    safe = make_report(
        contact=Contact(
            email="kim.safe@example.org", contact_method="email", safe_to_leave_message=True
        ),
        urls=["https://video.example/safe/2"],
    )
    # The safe reporter's confirmation went out (the hub does send), the other's did not.
    assert [str(m["To"]) for m in smtp_server.messages] == ["kim.safe@example.org"]
    assert OutboxMessage.objects.count() == 1
    assert OutboxMessage.objects.get().recipient == safe.complainant.email

    page = browser.new_context(base_url=live_server.url, bypass_csp=True).new_page()
    page.set_default_timeout(20_000)
    page.goto("/accounts/sign-in/")
    page.get_by_label("Username").fill(users["hub_officer"].username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/hub/**")

    page.goto(f"/hub/cases/{unsafe.case.reference}/")
    warning = page.locator(f"[data-contact-safety='{unsafe.reference}']")
    text = warning.inner_text()
    assert "Not safe to leave a message: contact only by phone (07700 900982)" in text
    assert "leave no voicemail or text" in text
    assert "Nothing is sent to them automatically" in text
    assert "Only after 6pm, do not say it is the police" in text
    assert "Written channels allowed: Email" in text
    assert axe_violations(page) == []

    page.get_by_role("link", name="Report received").first.click()
    page.locator(f"[data-contact-safety='{unsafe.reference}']").wait_for()
    assert (
        "Nothing is sent to them automatically"
        in page.locator(f"[data-contact-safety='{unsafe.reference}']").inner_text()
    )
    assert axe_violations(page) == []

    page.goto(f"/hub/cases/{safe.case.reference}/")
    page.get_by_role("heading", name="Victims' Code updates").wait_for()
    assert page.locator("[data-contact-safety]").count() == 0
    assert len(smtp_server.messages) == 1  # still only the safe reporter's confirmation
