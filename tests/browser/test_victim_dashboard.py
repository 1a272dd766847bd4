"""The Victims' Code dashboard in Chromium: overdue, due today and upcoming updates, each
marked, with their counts; an update due later than the next seven days is not listed yet."""

import datetime as dt

import pytest
from django.utils import timezone

from hatehub.victims.models import VictimUpdateDue
from tests.conftest import PASSWORD
from tests.victims.helpers import clock

from .conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _due_in(report, days: int):
    update = clock(report, "report_received")
    VictimUpdateDue.objects.filter(pk=update.pk).update(
        due=timezone.localdate() + dt.timedelta(days=days), status=VictimUpdateDue.Status.OPEN
    )
    return report


def test_dashboard_shows_upcoming_as_well_as_due_and_overdue(page, users, make_report):
    overdue = _due_in(make_report(), -2)
    today = _due_in(make_report(), 0)
    soon = _due_in(make_report(), 3)
    later = _due_in(make_report(), 30)

    page.goto("/accounts/sign-in/")
    page.get_by_label("Username").fill(users["hub_officer"].username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.locator("h1").wait_for()
    page.goto("/hub/victims/")

    def row(report):
        return page.locator("tbody tr", has_text=report.reference)

    assert "Overdue" in row(overdue).inner_text()
    assert "Due today" in row(today).inner_text()
    assert "Due in 3 days" in row(soon).inner_text()
    assert row(later).count() == 0
    assert page.locator("[data-count-overdue]").inner_text() == "1"
    assert page.locator("[data-count-today]").inner_text() == "1"
    assert page.locator("[data-count-upcoming]").inner_text() == "1"
    # Soonest first.
    references = page.locator("tbody tr td:nth-child(2)").all_inner_texts()
    assert references == [overdue.reference, today.reference, soon.reference]
    assert axe_violations(page) == []
