"""The allocation round trip in Chromium: a supervisor allocates a case to Merseyside, the
Merseyside user returns it with a reason, the supervisor allocates it again, Merseyside accepts
it and records the outcome, and the case shows closed. The force user's case page passes
axe-core (no serious or critical issues)."""

import pytest
from django.utils import timezone

from hatehub.cases.models import Allocation, Case, CrimeOutcome
from tests.conftest import PASSWORD

from .conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _sign_in(browser, live_server, user):
    page = browser.new_context(base_url=live_server.url, bypass_csp=True).new_page()
    page.set_default_timeout(10_000)
    page.goto("/accounts/sign-in/")
    page.get_by_label("Username").fill(user.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.locator("h1").wait_for()
    return page


def _success(page, text: str) -> None:
    page.locator(".govuk-notification-banner--success", has_text=text).wait_for()


def _allocate(page, reference: str, reason: str) -> None:
    page.goto(f"/hub/cases/{reference}/")
    page.get_by_label("Force", exact=True).select_option(label="Merseyside Police")
    page.get_by_label("Reason for allocation").fill(reason)
    page.get_by_role("button", name="Allocate case").click()
    _success(page, f"Case {reference} allocated to Merseyside Police")


def test_allocate_return_reallocate_accept_and_record_the_outcome(
    browser, live_server, users, make_report
):
    case = make_report().case
    reference = case.reference
    supervisor = _sign_in(browser, live_server, users["hub_supervisor"])
    merseyside = _sign_in(browser, live_server, users["force_user"])

    # Not yet allocated: Merseyside cannot see it.
    assert merseyside.get_by_role("link", name=reference).count() == 0
    assert merseyside.goto(f"/hub/cases/{reference}/").status == 404

    _allocate(supervisor, reference, "Victim lives in Liverpool")

    merseyside.goto("/hub/")
    merseyside.get_by_text("1 case awaiting your force's acceptance.").wait_for()
    merseyside.get_by_role("link", name=reference).click()
    merseyside.get_by_role("heading", name="Your force's decision").wait_for()
    merseyside.get_by_label("Reason for returning the case").fill("Victim now lives in Cheshire")
    merseyside.get_by_role("button", name="Return to hub").click()
    _success(merseyside, f"Case {reference} returned to the hub")
    assert merseyside.goto(f"/hub/cases/{reference}/").status == 404

    supervisor.goto("/hub/?allocation=to_reallocate")
    supervisor.get_by_role("link", name=reference).wait_for()
    supervisor.goto(f"/hub/cases/{reference}/")
    supervisor.get_by_text("Victim now lives in Cheshire").first.wait_for()
    _allocate(supervisor, reference, "Cheshire say the offence was committed in Liverpool")

    merseyside.goto(f"/hub/cases/{reference}/")
    merseyside.get_by_role("heading", name="Your force's decision").wait_for()
    violations = axe_violations(merseyside)
    merseyside.get_by_role("button", name="Accept case").click()
    _success(merseyside, "your force now owns it and its victim care")
    violations += axe_violations(merseyside)

    merseyside.get_by_role("link", name="Record an outcome").click()
    merseyside.get_by_label("Outcome", exact=True).select_option("8")
    merseyside.get_by_label("Outcome date").fill(timezone.localdate().isoformat())
    merseyside.locator("input[name='suspect_identified'][value='yes']").check()
    merseyside.get_by_label("The victim has been told of this outcome").check()
    violations += axe_violations(merseyside)
    merseyside.get_by_role("button", name="Record outcome").click()
    _success(merseyside, "The case is now closed.")
    merseyside.locator(".app-case-tags .govuk-tag", has_text="Closed").wait_for()
    merseyside.get_by_text("8: Community resolution").wait_for()
    violations += axe_violations(merseyside)

    case.refresh_from_db()
    assert case.status == Case.Status.CLOSED
    assert list(case.allocations.values_list("state", flat=True)) == [
        Allocation.State.RETURNED,
        Allocation.State.ACCEPTED,
    ]
    assert CrimeOutcome.objects.get(report__case=case).code == 8
    supervisor.goto(f"/hub/cases/{reference}/")
    supervisor.get_by_role("heading", name="Case closed").wait_for()  # on the timeline
    assert violations == []
    supervisor.context.close()
    merseyside.context.close()
