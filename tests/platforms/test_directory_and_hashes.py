"""The directory (loaded from the shipped file, edited by supervisors, callback keys shown
once) and the hash-sharing export."""

import csv
import hashlib
import io
import json

import pytest
from django.core.management import call_command
from django.test import Client

from hatehub.audit.models import AuditEvent
from hatehub.matching import platform_rules
from hatehub.platforms import services
from hatehub.platforms.models import Platform

from .helpers import decided_case, example_platform

pytestmark = pytest.mark.django_db


def client_for(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def test_load_platforms_adds_every_platform_of_the_url_rules_once(capsys):
    call_command("load_platforms")
    assert json.loads(capsys.readouterr().out)["created"] == len(platform_rules.PLATFORMS)
    x = Platform.objects.get(slug="x")
    assert "twitter.com" in x.domains and x.referral_endpoint.endswith("example.com/v1/referrals")
    x.service_level_hours = 6
    x.save()
    call_command("load_platforms")
    assert json.loads(capsys.readouterr().out) == {"created": 0, "updated": 0, "kept": 18}
    assert Platform.objects.get(slug="x").service_level_hours == 6  # a supervisor's edit kept
    call_command("load_platforms", update=True)
    assert Platform.objects.get(slug="x").service_level_hours == 24


def test_a_supervisor_edits_a_platform_and_an_officer_cannot(users):
    call_command("load_platforms", verbosity=0)
    url = "/hub/platforms/directory/reddit/"
    assert client_for(users["hub_officer"]).get(url).status_code == 403
    supervisor = client_for(users["hub_supervisor"])
    page = supervisor.get(url)
    assert b"reddit.com" in page.content and b'name="extra_domains"' not in page.content
    bad = supervisor.post(
        url,
        {
            "name": "Reddit",
            "channel": "api",
            "referral_endpoint": "http://api.reddit.example.com/",
            "service_level_hours": "0",
        },
    )
    assert b"Enter an https address" in bad.content and b"1 or more" in bad.content
    assert Platform.objects.get(slug="reddit").channel == "email"
    before = Platform.objects.get(slug="reddit")
    supervisor.post(
        url,
        {
            "name": "Reddit",
            "channel": "email",
            "referral_email": "le@reddit.example.com",
            "service_level_hours": "12",
            "active": "on",
            "legal_contact": before.legal_contact,
            "notes": before.notes,
        },
    )
    reddit = Platform.objects.get(slug="reddit")
    assert (reddit.referral_email, reddit.service_level_hours) == ("le@reddit.example.com", 12)
    change = AuditEvent.objects.get(object_type="platform", action=AuditEvent.Action.CHANGE)
    assert change.details["changed"] == ["referral_email", "service_level_hours"]


def test_a_new_platform_has_domains_the_url_rules_do_not_claim(users):
    supervisor = client_for(users["hub_supervisor"])
    data = {
        "new_slug": "example-forum",
        "name": "Example Forum",
        "channel": "web_form",
        "web_form_url": "https://forum.example.org/report",
        "service_level_hours": "48",
        "extra_domains": "forum.example.org\nx.com",
        "active": "on",
    }
    refused = supervisor.post("/hub/platforms/new/", data)
    assert b"x.com belongs to x in the URL rules" in refused.content
    assert not Platform.objects.exists()
    supervisor.post("/hub/platforms/new/", {**data, "extra_domains": "forum.example.org"})
    assert Platform.objects.get(slug="example-forum").domains == ("forum.example.org",)
    taken = supervisor.post(
        "/hub/platforms/new/", {**data, "new_slug": "other", "extra_domains": "a.forum.example.org"}
    )
    assert b"already a domain of example-forum" in taken.content


def test_the_callback_key_is_shown_once_and_never_stored(users, settings):
    platform = example_platform()
    supervisor = client_for(users["hub_supervisor"])
    page = supervisor.post(f"/hub/platforms/directory/{platform.slug}/callback-key/")
    platform.refresh_from_db()
    secret = services.directory.callback_secret(platform)
    assert secret.encode() in page.content
    assert secret not in json.dumps(list(Platform.objects.values()), default=str)
    assert secret not in json.dumps(list(AuditEvent.objects.values("summary", "details")))
    again = supervisor.get(f"/hub/platforms/directory/{platform.slug}/")
    assert secret.encode() not in again.content
    assert (
        client_for(users["hub_officer"])
        .post(f"/hub/platforms/directory/{platform.slug}/callback-key/")
        .status_code
        == 403
    )


def test_hashes_of_removed_illegal_content_are_exported_for_platforms(make_report, users):
    officer = users["hub_officer"]
    platform = example_platform()
    removed_case = decided_case(make_report, officer, urls=["https://video.example/h/1"])
    still_up = decided_case(make_report, officer, urls=["https://video.example/h/2"])
    ids = [c.reports.get().content_items.get().pk for c in (removed_case, still_up)]
    referral = services.drafting.create_referral(
        platform=platform, content_item_ids=ids, by=officer
    )
    services.sending.mark_sent(referral, at=referral.created_at)
    services.status.set_status_by_officer(
        referral.items.get(number=1), status="removed", reason="", by=officer
    )
    assert client_for(officer).get("/hub/platforms/referrals/hashes.csv").status_code == 403
    response = client_for(users["hub_supervisor"]).get("/hub/platforms/referrals/hashes.csv")
    assert response["Content-Type"].startswith("text/csv")
    rows = list(csv.DictReader(io.StringIO(response.content.decode())))
    evidence = removed_case.reports.get().evidence.get(kind="original")
    assert [row["sha256"] for row in rows] == [evidence.sha256]
    row = rows[0]
    assert len(row["pdq_hex"]) == 64 and row["md5"] and row["category"] == "uk_illegal_hate:race"
    assert row["reference"] == f"{referral.reference}/1"
    from hatehub.evidence import store

    with store.open_blob(evidence.sha256) as blob:
        assert hashlib.md5(blob.read()).hexdigest() == row["md5"]  # noqa: S324
    export = AuditEvent.objects.get(object_type="hash_sharing")
    assert export.action == AuditEvent.Action.EXPORT and export.details["files"] == 1


def test_check_now_records_a_liveness_check(
    make_report, users, settings, django_capture_on_commit_callbacks
):
    from .helpers import http_server

    settings.HUB_LIVENESS_ALLOW_LOOPBACK = True
    officer = users["hub_officer"]
    platform = example_platform()
    with http_server({"/p/451": (451, {}, b"withheld")}) as (base, _):
        case = decided_case(make_report, officer, urls=[f"{base}/p/451"])
        referral = services.drafting.create_referral(
            platform=platform,
            content_item_ids=[case.reports.get().content_items.get().pk],
            by=officer,
        )
        client = client_for(officer)
        drafted = client.post(f"/hub/platforms/referrals/{referral.reference}/items/1/check/")
        assert drafted.status_code == 302 and not referral.items.get().checks.exists()
        services.sending.mark_sent(referral, at=referral.created_at)
        with django_capture_on_commit_callbacks(execute=True):
            client.post(f"/hub/platforms/referrals/{referral.reference}/items/1/check/")
    item = referral.items.get()
    assert item.status == "geo_blocked" and item.checks.get().http_status == 451
    page = client.get(f"/hub/platforms/referrals/{referral.reference}/")
    assert b"HTTP 451" in page.content
