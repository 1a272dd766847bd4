"""Track my report: reference and code, or a single-use link; the reporter's own updates only;
guessing is locked out (per address and per reference, in the database) and every attempt is
logged."""

import re

import pytest
from django.test import Client

from hatehub.audit.models import AuditEvent
from hatehub.core.reference_numbers import new_reference
from hatehub.intake.services import submit_public_report
from hatehub.victims import services
from hatehub.victims.models import TrackingAttempt, TrackingCredential
from tests.victims.helpers import clock

pytestmark = pytest.mark.django_db


@pytest.fixture
def reported(make_submission):
    report = submit_public_report(make_submission())
    return report, report.tracking_secret


def _client(ip="192.0.2.10") -> Client:
    return Client(REMOTE_ADDR=ip)


def _try(client, reference, secret):
    return client.post("/track/", {"reference": reference, "secret": secret})


def test_the_code_is_stored_only_as_a_hash(reported):
    report, secret = reported
    assert re.fullmatch(r"[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}", secret)
    stored = TrackingCredential.objects.get(report=report).secret_hash
    assert secret not in stored and secret.replace("-", "") not in stored


def test_reference_and_code_open_the_report_and_show_only_this_reporters_updates(
    reported, make_report, users
):
    report, secret = reported
    mine = services.send_update(
        clock(report, "report_received"),
        by=users["hub_officer"],
        channel="email",
        subject="Update",
        body="[SYNTHETIC] Your update text.",
    )
    other = make_report(urls=[report.content_items.first().url])  # same content, same case
    assert other.case == report.case
    services.send_update(
        clock(other, "report_received"),
        by=users["hub_officer"],
        channel="email",
        subject="Update",
        body="[SYNTHETIC] Someone else's update.",
    )
    client = _client()
    response = _try(client, report.reference.lower().replace("-", " "), secret.lower())
    assert response.status_code == 302 and response["Location"] == "/track/report/"

    page = client.get("/track/report/").content.decode()
    assert report.reference in page and "Your update text." in page
    assert "Someone else" not in page and other.reference not in page
    assert other.complainant.email not in page
    assert mine.pk
    assert AuditEvent.objects.filter(
        action="view", object_type="report", object_id=report.reference
    ).exists()


def test_a_wrong_code_is_refused_and_logged(reported):
    report, _ = reported
    response = _try(_client(), report.reference, "AAAA-BBBB-CCCC")
    assert response.status_code == 400
    assert "not right" in response.content.decode()
    assert TrackingAttempt.objects.get().result == "failed"
    assert AuditEvent.objects.filter(action="denied", object_type="track_attempt").count() == 1
    assert _client().get("/track/report/")["Location"] == "/track/"


def test_guessing_codes_for_one_reference_locks_that_reference_from_everywhere(reported, settings):
    report, secret = reported
    settings.HUB_TRACK_MAX_FAILURES_PER_REFERENCE = 5
    for n in range(5):
        assert _try(_client(f"192.0.2.{n}"), report.reference, "AAAA-BBBB-CCCC").status_code == 400
    # Locked: even the right code from a new address is refused, and said so.
    response = _try(_client("198.51.100.7"), report.reference, secret)
    assert response.status_code == 429 and "too many attempts" in response.content.decode()
    assert TrackingAttempt.objects.filter(result="locked").count() == 1
    assert AuditEvent.objects.filter(action="denied", summary__contains="locked out").exists()


def test_brute_forcing_references_from_one_address_is_locked_out_and_logged(
    reported, make_submission, settings
):
    report, secret = reported
    settings.HUB_TRACK_MAX_FAILURES_PER_IP = 20
    attacker = _client("203.0.113.66")
    guesses = [new_reference() for _ in range(20)]  # well-formed references nobody was given
    for reference in guesses:
        assert _try(attacker, reference, "AAAA-BBBB-CCCC").status_code == 400
    # The 21st try, even a right one, is refused while the address is locked out.
    assert _try(attacker, report.reference, secret).status_code == 429
    assert TrackingAttempt.objects.filter(ip_address="203.0.113.66", result="failed").count() == 20
    assert TrackingAttempt.objects.filter(ip_address="203.0.113.66", result="locked").count() == 1
    denied = AuditEvent.objects.filter(action="denied", ip_address="203.0.113.66")
    assert denied.count() == 21
    # Another address is not affected.
    assert _try(_client("192.0.2.200"), report.reference, secret).status_code == 302


def test_lock_out_ends_after_the_window(reported, settings):
    report, secret = reported
    settings.HUB_TRACK_MAX_FAILURES_PER_REFERENCE = 2
    for _ in range(2):
        _try(_client(), report.reference, "AAAA-BBBB-CCCC")
    assert _try(_client(), report.reference, secret).status_code == 429
    TrackingAttempt.objects.update(at=TrackingAttempt.objects.first().at.replace(year=2020))
    assert _try(_client(), report.reference, secret).status_code == 302


def test_a_link_works_once(reported):
    report, _ = reported
    url = services.new_tracking_link(report)
    path = url.split("127.0.0.1:8000", 1)[-1] if "127.0.0.1:8000" in url else url
    path = "/" + path.split("://", 1)[-1].split("/", 1)[-1] if "://" in path else path
    client = _client()
    assert client.get(path)["Location"] == "/track/report/"
    assert report.reference in client.get("/track/report/").content.decode()

    again = _client().get(path)
    assert again.status_code == 404 and "already been used" in again.content.decode()
    forged = _client().get(path[:-3] + "xyz/")
    assert forged.status_code == 404
    assert TrackingAttempt.objects.filter(method="link", result="failed").count() == 2


def test_leaving_forgets_the_report(reported):
    report, secret = reported
    client = _client()
    _try(client, report.reference, secret)
    assert client.post("/track/leave/")["Location"] == "/track/"
    assert client.get("/track/report/")["Location"] == "/track/"
