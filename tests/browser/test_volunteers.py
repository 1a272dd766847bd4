"""Volunteers, training and advice pages in Chromium: a volunteer uploads a CSV with a bad row
and reads the per-row report; supervisors' and force users' pages pass axe-core (no serious
or critical violations)."""

import pytest
from django.conf import settings
from django.test import Client

from hatehub.advice import services as advice
from hatehub.training import content
from hatehub.training import services as training

from ..volunteers.helpers import csv_bytes, volunteer_in
from .conftest import axe_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def signed_in(page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    page.context.clear_cookies()
    page.context.add_cookies(
        [
            {
                "name": settings.SESSION_COOKIE_NAME,
                "value": client.cookies[settings.SESSION_COOKIE_NAME].value,
                "url": live_server.url,
            }
        ]
    )


def test_volunteer_upload_and_pages_pass_axe(page, live_server, users, organisation, tmp_path):
    training.create_module(
        slug="basics",
        draft=training.ModuleDraft(
            title="Basics",
            summary="[SYNTHETIC]",
            body="## Saving evidence\n\n- Copy the address\n- Note the date",
            questions=content.parse_check("? Pick the right one\n- wrong\n* right"),
            pass_mark=100,
            required_for_volunteers=False,
        ),
        by=users["hub_supervisor"],
    )
    advice.publish_article(
        advice.ArticleDraft("Livestream threats", "[SYNTHETIC]", "Capture the replay."),
        by=users["hub_officer"],
    )
    advice.ask(by=users["force_user"], subject="[SYNTHETIC] question", question="q")
    volunteer = volunteer_in(organisation)
    upload = tmp_path / "found.csv"
    upload.write_bytes(
        csv_bytes(
            [
                {"url": "https://x.com/a/status/8001", "platform": "x", "strand": "race"},
                {"url": "not a url", "platform": "x"},
            ],
            bom=True,
        )
    )
    found = {}
    page.set_default_timeout(60_000)  # the machine running the suite may be busy
    signed_in(page, live_server, volunteer)
    page.goto("/volunteer/upload/")
    found["upload"] = axe_violations(page)
    page.get_by_label("Upload a CSV file").set_input_files(str(upload))
    page.get_by_role("button", name="Upload and send").click()
    page.wait_for_url("**/volunteer/batches/**")
    assert "1 of 2 taken in" in page.content()
    row = page.locator("table").first.locator("tbody tr").first
    assert row.locator("th").inner_text() == "3"
    assert "must start with https://" in row.inner_text()
    found["batch"] = axe_violations(page)
    for path in ("/volunteer/", "/volunteer/send/", "/hub/training/", "/hub/training/basics/",
                 "/hub/training/basics/check/"):  # fmt: skip
        page.goto(path)
        found[path] = axe_violations(page)

    signed_in(page, live_server, users["hub_supervisor"])
    for path in ("/volunteer/manage/", "/volunteer/manage/invite/", "/volunteer/manage/quality/",
                 "/hub/training/new/", "/hub/training/completions/", "/hub/advice/",
                 "/hub/advice/articles/new/", "/hub/advice/requests/"):  # fmt: skip
        page.goto(path)
        found[path] = axe_violations(page)

    signed_in(page, live_server, users["force_user"])
    for path in ("/hub/advice/requests/new/", "/hub/advice/requests/?show=all"):
        page.goto(path)
        found[path] = axe_violations(page)
    assert not {path: v for path, v in found.items() if v}, found
