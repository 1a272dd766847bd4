"""The analytics dashboard in Chromium: charts drawn, each followed by its table and CSV link,
a surge alert listed, axe-core passes, and a screenshot is kept as a test artifact."""

from datetime import datetime, time, timedelta
from pathlib import Path

import pytest
from django.conf import settings
from django.test import Client
from django.utils import timezone

from hatehub.analytics import services
from tests.analytics.generator import Traffic
from tests.analytics.helpers import bulk_reports

from .conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

ARTIFACTS = Path(settings.BASE_DIR) / "var" / "test-artifacts"


def signed_in(page, live_server, user) -> None:
    """The browser gets the session of a user signed in by Django's test client."""
    client = Client()
    client.force_login(user)
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


@pytest.fixture
def page(browser, live_server):
    """A page that lets axe-core's script in: the hub's Content Security Policy allows only
    its own scripts, and axe is injected inline."""
    context = browser.new_context(base_url=live_server.url, bypass_csp=True, accept_downloads=True)
    page = context.new_page()
    page.set_default_timeout(10_000)
    yield page
    context.close()


def test_the_dashboard_in_a_browser(page, live_server, users, forces):
    today = timezone.localdate()
    traffic = Traffic(seed=5, mean_per_hour=0.5)
    start = datetime.combine(today - timedelta(days=34), time.min)
    bulk_reports(traffic.normal(start, 34 * 24), force=forces["merseyside"])
    surge_at = datetime.combine(today - timedelta(days=2), time(14, 5))
    bulk_reports(traffic.surge(surge_at, 30, 20, platform="tiktok", strand="religion"))
    hour = timezone.make_aware(surge_at.replace(minute=0))
    assert services.detect_surges([hour], now=hour + timedelta(hours=1))

    signed_in(page, live_server, users["analyst"])
    page.goto("/hub/analytics/")
    assert page.get_by_role("heading", name="Analytics", level=1).is_visible()
    charts = page.locator("svg.app-chart")
    assert charts.count() == 9
    assert page.get_by_role("img", name="Reports by platform, per day").is_visible()
    assert page.get_by_role("link", name="Reports of case").first.is_visible()
    assert (
        page.get_by_role(
            "link", name="Download the data (CSV) of reports by platform, per day"
        ).count()
        == 1
    )

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(ARTIFACTS / "analytics-dashboard.png"), full_page=True)
    assert (ARTIFACTS / "analytics-dashboard.png").stat().st_size > 10_000
    violations = {"dashboard": axe_violations(page)}

    # The CSV link downloads the same figures the table shows.
    with page.expect_download() as download:
        page.get_by_role(
            "link", name="Download the data (CSV) of reports by platform, per day"
        ).click()
    text = Path(download.value.path()).read_text()
    assert text.startswith("period_start,platform,label,reports")
    assert "tiktok" in text

    page.get_by_role("link", name="Reports of case").first.click()
    assert page.get_by_text("The reports behind it").is_visible()
    violations["alert"] = axe_violations(page)
    page.screenshot(path=str(ARTIFACTS / "analytics-alert.png"), full_page=True)

    page.goto("/hub/analytics/campaigns/")
    violations["campaigns"] = axe_violations(page)
    assert not {name: found for name, found in violations.items() if found}, violations
