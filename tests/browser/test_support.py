"""The support and Right to Review pages in Chromium pass axe-core (no serious or critical
violations), with their forms showing errors, and a referral made through the page."""

import pytest

from hatehub.reviews.services import record_request
from hatehub.support.models import Referral
from tests.conftest import PASSWORD
from tests.support.conftest import make_service

from .conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_support_and_review_pages_pass_axe(page, users, forces, make_report):
    import datetime as dt

    make_service("Example National Support")
    make_service("Example Merseyside Support", forces=[forces["merseyside"]], postcode_areas="L")
    report = make_report(support_referral_consent=True, strands=["race"])
    case = report.case
    review = record_request(
        case,
        report,
        decision_kind="no_further_action",
        decision_date=dt.date(2025, 8, 1),
        suspect_interviewed=True,
        decision_maker_name="DS Example [SYNTHETIC]",
        received_on=dt.date(2025, 8, 22),
        channel="email",
        grounds="[SYNTHETIC] grounds",
        by=users["hub_supervisor"],
    )

    page.goto("/accounts/sign-in/")
    page.get_by_label("Username").fill(users["hub_supervisor"].username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    found = {}
    for path in (
        "/hub/support/",
        "/hub/support/services/new/",
        f"/hub/support/cases/{case.reference}/refer/",
        "/hub/support/referrals/",
        "/hub/reviews/",
        f"/hub/reviews/cases/{case.reference}/new/",
        f"/hub/reviews/{review.pk}/",
    ):
        page.goto(path)
        found[path] = axe_violations(page)

    # Forms with errors (the GOV.UK error summary) pass too.
    page.goto("/hub/support/services/new/")
    page.get_by_role("button", name="Save service").click()
    found["service form with errors"] = axe_violations(page)
    page.goto(f"/hub/support/cases/{case.reference}/refer/")
    page.get_by_role("button", name="Make referral").click()
    found["referral form with errors"] = axe_violations(page)

    # A referral through the page.
    page.goto(f"/hub/support/cases/{case.reference}/refer/")
    page.get_by_label(f"(report {report.reference})", exact=False).check()
    page.get_by_label("Example Merseyside Support", exact=False).check()
    page.get_by_role("button", name="Make referral").click()
    page.get_by_role("heading", name="Referral to Example Merseyside Support").wait_for()
    found["referral"] = axe_violations(page)
    assert Referral.objects.filter(report=report).count() == 1
    assert not {path: v for path, v in found.items() if v}, found
