"""Screenshots of the triage queue and the case page for docs/walkthrough.md, with synthetic
data, in Chromium at 1280 px wide. Not part of the suite (the file name does not start with
test_); run it when the pages change:

    HUB_SCREENSHOTS=1 .venv/bin/pytest -p no:xdist -q tests/browser/screenshots.py -m browser
"""

import os
from pathlib import Path

import pytest

from hatehub.assessment.services import assess_case
from hatehub.cases.services import allocate, assign_to_me
from tests.conftest import PASSWORD

pytestmark = [
    pytest.mark.browser,
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not os.environ.get("HUB_SCREENSHOTS"), reason="set HUB_SCREENSHOTS=1"),
]

OUT = Path(__file__).resolve().parents[2] / "docs" / "screenshots"
URL = "https://x.com/northern_truth88/status/1864023350117203111"


def test_take_screenshots(page, users, forces, make_report, synthetic):
    officer = users["hub_officer"]
    officer.first_name, officer.last_name = "Sam", "Okafor"
    officer.save()
    first = make_report(
        description="A post on X calls Muslims in my street vermin and says someone should "
        "burn the mosque down on Friday. It has been shared hundreds of times and people in "
        "the replies are naming the mosque.",
        quoted_text="Someone needs to burn that mosque down this Friday. Vermin.",
        urls=[URL],
        accounts=["@northern_truth88"],
        strands=["religion"],
        victim_postcode="LS11 5AB",
    )
    for _ in range(14):
        make_report(urls=[URL], reporter_role="witness", strands=["religion"])
    big = first.case
    assess_case(big, reason="First assessment")
    assign_to_me(big, officer=officer)
    make_report(
        future_event="yes",
        description="A group chat is organising people to turn up at the Pride march on "
        "Saturday 'to sort them out'.",
        platform="telegram",
        strands=["sexual_orientation"],
    )
    make_report(
        poster_identity_known=True,
        description="My neighbour keeps posting photos of my house with slurs about my wheelchair.",
        platform="facebook",
        strands=["disability"],
    )
    offered = make_report(
        description="Comments under a news video call for trans people to be 'dealt with'.",
        platform="youtube",
        strands=["transgender"],
    ).case
    allocate(offered, force=forces["merseyside"], reason="Victim lives in Liverpool")
    for _ in range(4):
        make_report()

    page.set_viewport_size({"width": 1280, "height": 1000})
    page.goto("/accounts/sign-in/")
    page.get_by_label("Username").fill(officer.username)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    page.locator("h1").wait_for()
    OUT.mkdir(exist_ok=True)
    page.set_viewport_size({"width": 1280, "height": 1250})
    page.screenshot(path=str(OUT / "triage-queue.png"))

    page.set_viewport_size({"width": 1280, "height": 1400})
    page.goto(f"/hub/cases/{big.reference}/")
    page.screenshot(path=str(OUT / "case-page.png"))
