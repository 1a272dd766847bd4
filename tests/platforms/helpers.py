"""Cases with an officer's crime decision, platforms, signed callbacks and local servers."""

import hashlib
import hmac
import json
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from hatehub.assessment.services import assess_case, record_decision
from hatehub.platforms.models import Platform
from tests.cases.helpers import unique_png

OFFENCE = "poa1986_s19"  # Public Order Act 1986 s19: publishing material stirring up hatred


def decided_case(make_report, officer, *, urls, classification="crime", **overrides):
    """A case reporting `urls` with a screenshot, assessed, and the officer's decision."""
    report = make_report(urls=urls, evidence_bytes=[unique_png("referral")], **overrides)
    case = report.case
    assessment = assess_case(case, by=officer, reason="First assessment")
    record_decision(
        assessment,
        classification=classification,
        strands=["race"],
        offences=[OFFENCE] if classification == "crime" else [],
        priority=None,
        rationale="[SYNTHETIC] decision for a test",
        by=officer,
    )
    return case


def example_platform(**overrides) -> Platform:
    values = {
        "slug": "example-video",
        "name": "Example Video",
        "extra_domains": ["video.example", "127.0.0.1"],
        "channel": Platform.Channel.EMAIL,
        "referral_email": "takedown@video.example.com",
        "service_level_hours": 24,
    }
    values.update(overrides)
    return Platform.objects.create(**values)


def signed(secret: str, payload: dict, *, timestamp: int | None = None) -> tuple[bytes, dict]:
    body = json.dumps(payload).encode()
    stamp = str(int(time.time()) if timestamp is None else timestamp)
    mac = hmac.new(secret.encode(), stamp.encode() + b"." + body, hashlib.sha256).hexdigest()
    return body, {"HTTP_X_HUB_TIMESTAMP": stamp, "HTTP_X_HUB_SIGNATURE_256": f"sha256={mac}"}


@contextmanager
def http_server(routes: dict[str, tuple[int, dict, bytes]]):
    """A local HTTP server answering GET path -> (status, headers, body); records requests."""
    seen: list[dict] = []

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):  # noqa: N802 (http.server's spelling)
            seen.append({"path": self.path, "headers": dict(self.headers)})
            status, headers, body = routes.get(self.path, (404, {}, b"not found"))
            self.send_response(status)
            for name, value in headers.items():
                self.send_header(name, value)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}", seen
    finally:
        server.shutdown()
        server.server_close()
