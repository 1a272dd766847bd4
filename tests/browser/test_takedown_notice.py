"""A takedown notice in Chromium, as the walk through the hub found it: an X post is referred
with its working address (the account name kept), the notice cites the legislation (never the
hub's internal documents), the callback address is absolute, and once the officer records the
referral as sent (this hub's outbox holds webhooks) the item shows Sent and the case Referred."""

import pytest

from hatehub.cases.models import Case
from hatehub.platforms.models import Platform, Referral
from tests.conftest import PASSWORD
from tests.platforms.helpers import decided_case, example_platform

from .conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_an_x_referral_states_a_working_link_the_law_and_marks_the_case_referred(
    browser, live_server, users, make_report, settings
):
    settings.HUB_WEBHOOK_BACKEND = "outbox"  # held: nothing leaves the machine
    settings.HUB_PUBLIC_URL = "https://hub.example.police.uk"
    example_platform(
        slug="x",
        name="X (Twitter)",
        extra_domains=[],
        channel=Platform.Channel.API,
        referral_email="",
        referral_endpoint="https://le-referrals.x.example.com/v1/referrals",
    )
    case = decided_case(
        make_report,
        users["hub_officer"],
        urls=["https://x.com/synthetic_poster/status/1001?s=20"],
    )

    page = browser.new_context(base_url=live_server.url, bypass_csp=True).new_page()
    page.set_default_timeout(20_000)
    page.goto("/accounts/sign-in/")
    page.get_by_label("Username").fill(users["hub_officer"].username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.wait_for_url("**/hub/**")

    page.goto(f"/hub/cases/{case.reference}/")
    page.get_by_text("Takedown referrals: nothing yet").click()  # folded until used
    page.get_by_role("link", name="Refer content to a platform").click()
    page.get_by_label("status/1001", exact=False).check()
    page.get_by_role("button", name="Draft the referral").click()
    referral = Referral.objects.get()
    page.get_by_role("heading", name=referral.reference).wait_for()

    notice = page.get_by_label("Referral text").input_value()
    assert "Content: https://x.com/synthetic_poster/status/1001\n" in notice
    assert "Public Order Act 1986, section 19" in notice
    assert "DOMAIN.md" not in notice and "poa1986_s19" not in notice
    assert "DOMAIN.md" not in str(referral.payload)
    assert referral.payload["callback_url"] == (
        "https://hub.example.police.uk/api/v1/platforms/x/status"
    )
    assert page.get_by_role("cell", name="https://x.com/synthetic_poster/status/1001").count()

    page.get_by_role("button", name="Send to X (Twitter)").click()
    page.locator("#held-in-outbox").wait_for()  # the outbox holds it: say so, do not pretend
    assert page.get_by_role("row", name=f"{referral.reference}/1").get_by_text("Drafted").count()
    assert axe_violations(page) == []
    page.get_by_label("I have sent this text to the platform", exact=False).check()
    page.get_by_role("button", name="Record that it was sent").click()
    page.locator(".govuk-notification-banner--success").wait_for()
    row = page.get_by_role("row", name=f"{referral.reference}/1")
    assert row.locator(".govuk-tag", has_text="Sent").count() == 1

    case.refresh_from_db()
    assert case.status == Case.Status.REFERRED
    page.goto(f"/hub/cases/{case.reference}/")
    assert page.get_by_text("Referred to platform").count() >= 1
    assert page.get_by_text(f"takedown referral {referral.reference} to X (Twitter)").count()
