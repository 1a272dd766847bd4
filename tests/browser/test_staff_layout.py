"""How the hub's pages read, in Chromium at 1280 px: staff pages use the whole width; no raw
internal ids (outbox subjects, rule sources citing the project's notes); one name per force; one
file size format; a favicon of our own; "an EXE file"; the start page's title said once."""

import re

import pytest

from hatehub.assessment.services import assess_case
from hatehub.intake.services import Contact
from hatehub.outbox.models import OutboxMessage
from hatehub.victims import services as victims

from .conftest import axe_violations
from .conftest import sign_in as browser_sign_in
from .test_public_journey import ANSWERS, _continue

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def sign_in(page, user) -> None:
    page.set_viewport_size({"width": 1280, "height": 900})
    browser_sign_in(page, user)


def width(page, selector: str) -> float:
    return page.evaluate(f"document.querySelector('{selector}').getBoundingClientRect().width")


def test_staff_pages_use_the_full_width_and_show_no_internal_ids(
    page, users, make_report, png_bytes
):
    report = make_report(
        quoted_text="I'm going to kill you, you Muslim",
        urls=["https://x.com/someone/status/1"],
        evidence_bytes=[png_bytes],
        # only someone who said a message is safe gets one without an officer
        contact=Contact(
            email="victim@example.com", contact_method="email", safe_to_leave_message=True
        ),  # fmt: skip
    )
    case = report.case
    assess_case(case, reason="First assessment")
    victims.send_confirmation(report.pk)
    assert OutboxMessage.objects.filter(about_type="victim_message").exists()

    sign_in(page, users["hub_officer"])
    assert width(page, "main") > 1100  # not the 960 px GOV.UK column
    page.goto(f"/hub/cases/{case.reference}/")
    html = page.content()
    assert "DOMAIN.md" not in html
    page.get_by_text("Rules that fired").click()
    assert page.get_by_text(re.compile(r"Source: .*(Act|Code|THRIVE|Standard)")).first.is_visible()
    first_report = page.locator("details.app-report").first
    assert first_report.get_attribute("open") is not None  # a case's only report is shown open
    size = re.search(r"Size\s+(.+)", first_report.inner_text()).group(1).strip()
    assert re.fullmatch(r"\d+(\.\d)? (KB|MB)", size), size

    page.goto("/hub/outbox/")
    assert "victim_message" not in page.locator("main").inner_text()
    link = page.get_by_role("link", name=f"Update to a victim, case {case.reference}").first
    link.click()
    page.wait_for_url(f"**/hub/cases/{case.reference}/")

    icon = page.locator("link[rel=icon]").get_attribute("href")
    response = page.request.get(icon)
    assert response.ok and b"<svg" in response.body()
    assert axe_violations(page) == []


def test_a_force_is_named_the_same_everywhere(page, users, forces):
    sign_in(page, users["force_user"])
    name = forces["merseyside"].name
    assert f"{name}: cases allocated to you" in page.locator("h1").inner_text()
    assert (
        f"({users['force_user'].get_role_display()}, {name})" in page.locator("header").inner_text()
    )


def test_public_pages_keep_the_gov_uk_column_and_say_an_exe_file(page):
    page.set_viewport_size({"width": 1280, "height": 900})
    page.goto("/report/")
    assert page.title() == "Report online hate"
    assert width(page, "main") <= 960
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Start now").click()
    while not page.url.rstrip("/").endswith("/evidence"):
        ANSWERS[page.url.rstrip("/").split("?")[0].split("/")[-1]](page)
        _continue(page)
    exe = b"MZ\x90\x00" + b"\x00" * 60 + b"PE\x00\x00" + b"\x00" * 200
    page.locator("input[type='file']").set_input_files(
        [{"name": "photo.png", "mimeType": "image/png", "buffer": exe}]
    )
    page.get_by_role("button", name="Upload files").click()
    page.locator(".govuk-error-summary").wait_for()
    assert "(it is an EXE file)" in page.locator(".govuk-error-summary").inner_text()
