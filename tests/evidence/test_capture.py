"""Capture of online content: a headless browser fetches a page served by a local test server;
the screenshot, HTML, WARC and collection log are stored under their hashes with continuity
entries. Refusals and an unavailable capture are recorded in words the officer sees."""

import hashlib
import io
import json
import threading
from functools import partial
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from PIL import Image
from warcio.archiveiterator import ArchiveIterator

from hatehub.audit.models import AuditEvent
from hatehub.evidence import store
from hatehub.evidence.capture import CaptureRefused, CaptureUnavailable, check_address
from hatehub.evidence.models import Capture, ContinuityEntry, EvidenceFile
from hatehub.evidence.services import CaptureNotAllowed, request_capture
from hatehub.reports.models import ContentItem
from tests.cases.helpers import case_with_evidence

CHROMIUM = Path("/usr/bin/chromium")
needs_chromium = pytest.mark.skipif(not CHROMIUM.exists(), reason="Chromium not installed")

PAGE = """<!DOCTYPE html><html lang="en"><head><title>[SYNTHETIC] post</title>
<link rel="stylesheet" href="/style.css"></head>
<body><h1>[SYNTHETIC] A hateful post by @synthetic_poster</h1>
<p>Posted to a made-up site for a test.</p></body></html>"""


class _Quiet(SimpleHTTPRequestHandler):
    def log_message(self, *args) -> None:
        pass


@pytest.fixture
def site(tmp_path):
    """A local web server with a page, its stylesheet and a redirect."""
    (tmp_path / "post.html").write_text(PAGE)
    (tmp_path / "style.css").write_text("h1 { color: #d4351c; }")
    server = ThreadingHTTPServer(("127.0.0.1", 0), partial(_Quiet, directory=str(tmp_path)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


@pytest.fixture
def item_at(make_report):
    def make(url: str) -> ContentItem:
        case, _ = case_with_evidence(make_report, thumbnail=False)
        report = case.reports.get()
        return ContentItem.objects.create(report=report, url=url)

    return make


def _capture(item, user, django_capture_on_commit_callbacks) -> Capture:
    with django_capture_on_commit_callbacks(execute=True):
        capture = request_capture(item, by=user, reason="[SYNTHETIC] Keep the post before removal")
    capture.refresh_from_db()
    return capture


@needs_chromium
@pytest.mark.django_db
def test_a_page_is_captured_hashed_and_logged(
    site, item_at, users, settings, django_capture_on_commit_callbacks
):
    settings.HUB_CAPTURE_ALLOW_PRIVATE = True
    item = item_at(f"{site}/post.html")
    capture = _capture(item, users["hub_officer"], django_capture_on_commit_callbacks)

    assert capture.status == Capture.Status.CAPTURED, capture.status_detail
    assert capture.http_status == 200 and capture.final_url == item.url
    assert capture.captured_at.utcoffset().total_seconds() == 0
    assert capture.method["browser_version"].split(".")[0].isdigit()
    assert "Chrome" in capture.method["user_agent"]
    files = {f.original_filename.split("-", 2)[2]: f for f in capture.files.all()}
    assert set(files) == {"screenshot.png", "page.html", "exchanges.warc.gz", "collection-log.json"}
    contents = {}
    for name, evidence in files.items():
        assert evidence.kind == EvidenceFile.Kind.CAPTURE and evidence.report == item.report
        with store.open_blob(evidence.sha256) as blob:
            contents[name] = blob.read()
        assert hashlib.sha256(contents[name]).hexdigest() == evidence.sha256
        entry = ContinuityEntry.objects.get(evidence=evidence)
        assert entry.action == "captured" and entry.actor == users["hub_officer"]
        assert entry.why == "[SYNTHETIC] Keep the post before removal" and item.url in entry.what

    with Image.open(io.BytesIO(contents["screenshot.png"])) as image:
        assert image.format == "PNG" and image.width == 1280
    assert b"[SYNTHETIC] A hateful post" in contents["page.html"]
    records = [
        (record.rec_type, record.rec_headers.get_header("WARC-Target-URI"))
        for record in ArchiveIterator(io.BytesIO(contents["exchanges.warc.gz"]))
    ]
    assert ("response", item.url) in records and ("request", item.url) in records
    assert ("response", f"{site}/style.css") in records
    log = json.loads(contents["collection-log.json"])
    assert log["url"] == item.url and log["requested_by"] == "officer"
    assert {f["name"]: f["sha256"] for f in log["files"]} == {
        name: files[name].sha256 for name in ("screenshot.png", "page.html", "exchanges.warc.gz")
    }
    assert log["captured_at_utc"].endswith("+00:00")
    event = item.report.case.events.get(kind="evidence_received", details__capture=capture.pk)
    assert event.actor == users["hub_officer"] and files["screenshot.png"].sha256 in event.summary


@pytest.mark.django_db
def test_a_loopback_address_is_refused_unless_allowed(
    site, item_at, users, django_capture_on_commit_callbacks
):
    capture = _capture(
        item_at(f"{site}/post.html"), users["hub_officer"], django_capture_on_commit_callbacks
    )
    assert capture.status == Capture.Status.REFUSED
    assert "private or local address (127.0.0.1)" in capture.status_detail
    assert not capture.files.exists()


@pytest.mark.django_db
def test_switched_off_capture_says_it_is_unavailable(
    item_at, users, settings, django_capture_on_commit_callbacks
):
    settings.HUB_CAPTURE_ENABLED = False
    capture = _capture(
        item_at("https://example.org/post/1"),
        users["hub_officer"],
        django_capture_on_commit_callbacks,
    )
    assert capture.status == Capture.Status.UNAVAILABLE
    assert capture.shown_status.startswith("capture unavailable: capture is switched off")
    change = AuditEvent.objects.filter(object_type="capture").latest("sequence")
    assert change.actor == users["hub_officer"]


@needs_chromium
@pytest.mark.django_db
def test_a_site_that_does_not_answer_leaves_capture_unavailable_with_the_reason(
    item_at, users, settings, django_capture_on_commit_callbacks
):
    import socket

    settings.HUB_CAPTURE_ALLOW_PRIVATE = True
    with socket.socket() as probe:  # a port nothing listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    capture = _capture(
        item_at(f"http://127.0.0.1:{port}/post"),
        users["hub_officer"],
        django_capture_on_commit_callbacks,
    )
    assert capture.status == Capture.Status.UNAVAILABLE
    assert capture.shown_status.startswith("capture unavailable: ")
    assert "ECONNREFUSED" in capture.status_detail or "REFUSED" in capture.status_detail


@pytest.mark.django_db
def test_only_http_and_https_can_be_captured(item_at, users):
    item = item_at("ftp://example.org/post.txt")
    with pytest.raises(CaptureNotAllowed, match="only http and https"):
        request_capture(item, by=users["hub_officer"], reason="test")
    assert not Capture.objects.exists()


@pytest.mark.parametrize(
    ("addresses", "refused"),
    [
        (["93.184.216.34"], False),
        (["2606:2800:220:1:248:1893:25c8:1946"], False),
        (["10.1.2.3"], True),
        (["192.168.0.10"], True),
        (["169.254.169.254"], True),  # cloud metadata
        (["::1"], True),
        (["::ffff:127.0.0.1"], True),
        (["93.184.216.34", "127.0.0.1"], True),  # any private answer refuses
    ],
)
def test_addresses_that_are_not_public_are_refused(addresses, refused):
    def resolver(host, port):
        return addresses

    if refused:
        with pytest.raises(CaptureRefused):
            check_address("https://example.org/", allow_private=False, resolver=resolver)
    else:
        check_address("https://example.org/", allow_private=False, resolver=resolver)


def test_a_name_that_does_not_resolve_is_unavailable_not_refused():
    def resolver(host, port):
        raise CaptureUnavailable(f"could not find the site {host}")

    with pytest.raises(CaptureUnavailable, match="could not find the site"):
        check_address("https://no-such-site.invalid/", allow_private=False, resolver=resolver)


# Pages -----------------------------------------------------------------------------------------


@pytest.mark.django_db
def test_the_officer_starts_a_capture_and_sees_why_it_is_unavailable(
    client, make_report, users, settings, django_capture_on_commit_callbacks
):
    settings.HUB_CAPTURE_ENABLED = False
    case, _ = case_with_evidence(make_report, thumbnail=False)
    item = case.reports.get().content_items.get()
    client.force_login(users["hub_officer"])
    form = client.get(f"/hub/cases/{case.reference}/captures/new/")
    assert form.status_code == 200 and item.url.encode() in form.content

    missing = client.post(f"/hub/cases/{case.reference}/captures/new/", {"item": item.pk})
    assert (
        missing.status_code == 400 and b"Enter why you are capturing this page" in missing.content
    )
    assert not Capture.objects.exists()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            f"/hub/cases/{case.reference}/captures/new/",
            {"item": item.pk, "reason": "[SYNTHETIC] Before it is deleted"},
        )
    assert response.status_code == 302
    page = client.get(f"/hub/cases/{case.reference}/")
    assert b"capture unavailable: capture is switched off in this deployment" in page.content


@pytest.mark.django_db
def test_another_forces_user_cannot_capture(client, make_report, users, forces):
    case, _ = case_with_evidence(make_report, force=forces["merseyside"], thumbnail=False)
    item = case.reports.get().content_items.get()
    client.force_login(users["other_force_user"])
    response = client.post(
        f"/hub/cases/{case.reference}/captures/new/", {"item": item.pk, "reason": "x"}
    )
    assert response.status_code == 404 and not Capture.objects.exists()
