"""A report made in a real browser reaches the hub: Chromium walks the public journey (with and
without JavaScript), uploads evidence, and a hub officer finds the report, its evidence and the
same bytes in the triage queue. Every public page passes axe-core (no serious or critical issues)
and offers "Exit this page"."""

import hashlib

import pytest

from hatehub.demo.synthetic import minimal_pdf
from hatehub.evidence import store
from hatehub.reports.models import Report
from tests.conftest import PASSWORD

from .conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def _radio(page, name: str, value: str) -> None:
    page.locator(f"input[name='{name}'][value='{value}']").check()


def _continue(page) -> None:
    """Continue and wait for the next page to load, so the test never reads the old one."""
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Continue", exact=True).click()


ANSWERS = {
    "safety": lambda page: _radio(page, "danger", "no"),
    "who": lambda page: _radio(page, "role", "victim"),
    "what-happened": lambda page: page.get_by_label("What happened?").fill(
        "[SYNTHETIC] A reply calling me a slur because of my faith."
    ),
    "when": lambda page: (
        page.get_by_label("Day").fill("3"),
        page.get_by_label("Month").fill("2"),
        page.get_by_label("Year").fill("2025"),
    ),
    "platform": lambda page: _radio(page, "platform", "x"),
    "links": lambda page: page.locator("[name='urls']").fill("https://x.com/someone/status/123"),
    "accounts": lambda page: page.locator("[name='accounts']").fill("@someone"),
    "poster-identity": lambda page: _radio(page, "known", "no"),
    "future-event": lambda page: _radio(page, "future_event", "no"),
    "targeted": lambda page: page.locator("input[name='strands'][value='religion']").check(),
    "victim-location": lambda page: page.get_by_label("Postcode").fill("L1 8JQ"),
    "poster-location": lambda page: None,
    "contact": lambda page: _radio(page, "choice", "anonymous"),
}


def _check_page(page, seen: dict[str, list], *, axe: bool = True) -> None:
    """Each distinct public page offers "Exit this page" and, where scripts run (axe-core is
    one), is axe-core clean at serious and critical."""
    path = page.url.split("?")[0]
    if path in seen:
        return
    assert page.locator(".govuk-exit-this-page").count() == 1, f"no Exit this page on {path}"
    seen[path] = axe_violations(page) if axe else []


def _walk_to_check_answers(
    page, evidence_files: list[dict], seen: dict[str, list], *, axe: bool = True
) -> None:
    page.goto("/report/")
    _check_page(page, seen, axe=axe)
    with page.expect_navigation(wait_until="load"):
        page.get_by_role("button", name="Start now").click()
    while "/check-answers/" not in page.url:
        _check_page(page, seen, axe=axe)
        slug = page.url.rstrip("/").split("?")[0].split("/")[-1]
        if slug == "evidence":
            page.locator("input[type='file']").set_input_files(evidence_files)
            page.get_by_role("button", name="Upload files").click()
            for item in evidence_files:
                page.locator("dt", has_text=item["name"]).wait_for()
            _check_page(page, seen, axe=axe)
        else:
            ANSWERS[slug](page)
        _continue(page)
    _check_page(page, seen, axe=axe)


def _files(png_bytes: bytes) -> list[dict]:
    return [
        {"name": "screenshot.png", "mimeType": "image/png", "buffer": png_bytes},
        {"name": "letter.pdf", "mimeType": "application/pdf", "buffer": minimal_pdf()},
    ]


def test_report_made_in_chromium_reaches_the_triage_queue_with_its_evidence(
    page, browser, live_server, users, png_bytes
):
    files = _files(png_bytes)
    seen: dict[str, list] = {}
    _walk_to_check_answers(page, files, seen)
    page.get_by_role("button", name="Submit report").click()
    panel = page.locator(".govuk-panel--confirmation")
    panel.wait_for()
    _check_page(page, seen)
    reference = panel.locator("strong").inner_text().strip()

    report = Report.objects.get(reference=reference)
    stored = {item.original_filename: item for item in report.evidence.filter(kind="original")}
    assert set(stored) == {"screenshot.png", "letter.pdf"}
    for item in files:
        evidence = stored[item["name"]]
        assert evidence.sha256 == hashlib.sha256(item["buffer"]).hexdigest()
        assert store.sha256_of_stored(evidence.sha256) == evidence.sha256

    officer = browser.new_context(base_url=live_server.url).new_page()
    officer.goto("/accounts/sign-in/")
    officer.get_by_label("Username").fill(users["hub_officer"].username)
    officer.get_by_label("Password").fill(PASSWORD)
    officer.get_by_role("button", name="Sign in").click()
    officer.get_by_role("link", name=report.case.reference).click()
    officer.get_by_text(reference).first.wait_for()
    thumbnail = officer.get_by_alt_text("Thumbnail of screenshot.png")
    thumbnail.scroll_into_view_if_needed()
    # The officer sees the preview itself, not a broken image (it is lazy-loaded).
    officer.wait_for_function(
        "img => img.complete && img.naturalWidth > 0", arg=thumbnail.element_handle()
    )
    with officer.expect_download() as download_info:
        officer.get_by_role("link", name="Download original screenshot.png").click()
    downloaded = download_info.value.path().read_bytes()
    assert hashlib.sha256(downloaded).hexdigest() == hashlib.sha256(png_bytes).hexdigest()
    officer.context.close()

    failing = {path: found for path, found in seen.items() if found}
    assert not failing, failing


def test_journey_works_without_javascript(no_js_page, png_bytes):
    seen: dict[str, list] = {}
    # axe-core needs scripts; the pages are the same ones the test above checks with them on.
    _walk_to_check_answers(no_js_page, _files(png_bytes)[:1], seen, axe=False)
    no_js_page.get_by_role("button", name="Submit report").click()
    reference = no_js_page.locator(".govuk-panel--confirmation strong").inner_text().strip()
    report = Report.objects.get(reference=reference)
    assert report.evidence.filter(kind="original").count() == 1
    assert report.anonymous


def test_immediate_danger_stops_at_999_and_error_pages_pass_axe(page):
    page.goto("/report/safety/")
    _continue(page)  # nothing chosen: the error summary
    page.locator(".govuk-error-summary").wait_for()
    assert "Error:" in page.title()
    assert axe_violations(page) == []
    _radio(page, "danger", "yes")
    _continue(page)
    page.get_by_text("999").first.wait_for()
    assert page.locator(".govuk-exit-this-page").count() == 1
    assert axe_violations(page) == []
    assert not Report.objects.exists()


def test_staff_sign_in_page_passes_axe(page):
    page.goto("/accounts/sign-in/")
    assert axe_violations(page) == []
