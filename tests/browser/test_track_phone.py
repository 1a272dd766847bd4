"""Track my report on a 390 px phone: an update whose text holds a long link (the Track my
report link itself, a takedown address) wraps inside the screen instead of pushing the page
sideways."""

import pytest

from hatehub.victims import services
from tests.victims.helpers import accepted, clock, outcome

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PHONE = {"width": 390, "height": 844}
LONG_LINK = "https://x.com/" + "a_very_long_account_name_" * 3 + "/status/" + "1" * 40


def test_track_my_report_with_a_long_link_does_not_scroll_sideways_on_a_phone(
    browser, live_server, settings, users, forces, make_report
):
    settings.HUB_PUBLIC_URL = live_server.url
    report = make_report(urls=[LONG_LINK])
    accepted(report, users, forces["merseyside"])
    outcome(report, users, code=18)
    update = clock(report, "outcome")
    drafted = services.draft(update, nfa_reason="suspect_not_identified")
    services.send_update(
        update,
        by=users["force_user"],
        channel="email",
        subject=drafted.subject,
        body=drafted.body + f"\n\nThe post we looked at: {LONG_LINK}",
        nfa_reason="suspect_not_identified",
    )

    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(services.new_tracking_link(report))
    page.locator("[data-track-update]").first.wait_for()
    assert LONG_LINK in page.locator("[data-track-update]").first.inner_text()
    scroll_width = page.evaluate("document.scrollingElement.scrollWidth")
    assert scroll_width <= PHONE["width"], f"page is {scroll_width}px wide on a 390px phone"
    context.close()


@pytest.mark.parametrize(
    ("consent", "said"),
    [
        (True, "As you asked, we will pass your details to a support service"),
        (False, "Victim Support gives free and confidential help"),
    ],
)
def test_track_my_report_knows_whether_they_already_asked_for_support(
    browser, live_server, settings, make_report, consent, said
):
    """Someone who asked for a support referral is told it is coming, not invited to ask."""
    settings.HUB_PUBLIC_URL = live_server.url
    report = make_report(support_referral_consent=consent)
    context = browser.new_context(base_url=live_server.url, viewport=PHONE)
    page = context.new_page()
    page.set_default_timeout(10_000)
    page.goto(services.new_tracking_link(report))
    support = page.locator("[data-support]").inner_text()
    assert said in support
    assert ("As you asked" in support) is consent and "refer you" not in support
    context.close()
