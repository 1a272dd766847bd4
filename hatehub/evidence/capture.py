"""Capturing a web page as evidence with a headless browser (no Django).

Chromium (driven by Playwright) loads the page; every request it makes is intercepted, checked
(http/https only; no private, loopback or link-local address unless allowed), fetched by
Playwright and written to a WARC/1.1 file as a request/response pair before the browser gets
it. Redirects are not followed by the fetch: the browser follows them, so each hop is checked
too. When the page has loaded (and the network has gone quiet, or after a short wait), a
full-page PNG screenshot and the HTML of the page as the browser built it are taken.

What this module returns are bytes and facts; the caller stores and hashes them.
"""

from __future__ import annotations

import io
import ipaddress
import json
import socket
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

if TYPE_CHECKING:
    from playwright.sync_api import ViewportSize

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
VIEWPORT: ViewportSize = {"width": 1280, "height": 800}
QUIET_WAIT_MS = 3000  # after "load": wait this long at most for the network to go quiet
# Hop-by-hop or encoding headers that do not describe the stored body (it is stored decoded).
_DROPPED_RESPONSE_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}


class CaptureRefused(Exception):
    """The address may not be captured (scheme, or a private address). Written for officers."""


class CaptureUnavailable(Exception):
    """Capture could not run: no network, the site did not answer, no browser. For officers."""


@dataclass(frozen=True)
class CapturedFile:
    name: str
    media_type: str
    data: bytes


@dataclass
class CaptureResult:
    url: str
    final_url: str
    http_status: int | None
    started_at: datetime
    captured_at: datetime
    finished_at: datetime
    browser: str
    browser_version: str
    user_agent: str
    files: list[CapturedFile] = field(default_factory=list)
    exchanges: int = 0
    blocked: list[str] = field(default_factory=list)

    @property
    def method(self) -> dict:
        return {
            "tool": "Playwright (Python) driving headless Chromium",
            "browser": self.browser,
            "browser_version": self.browser_version,
            "user_agent": self.user_agent,
            "viewport": f"{VIEWPORT['width']}x{VIEWPORT['height']}",
            "screenshot": "full page, PNG",
            "html": "the document as the browser built it (DOM serialised after load)",
            "archive": (
                "WARC/1.1, gzip per record: every HTTP exchange the page made, fetched through "
                "request interception; bodies as received after content decoding"
            ),
            "exchanges": self.exchanges,
            "requests_blocked": self.blocked,
        }


def _utcnow() -> datetime:
    return datetime.now(UTC)


def check_scheme(url: str) -> tuple[str, int]:
    """(host, port) of an http(s) URL; anything else is refused."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise CaptureRefused(f"{url} is not a valid address") from error
    if parts.scheme.lower() not in {"http", "https"}:
        raise CaptureRefused(
            f"only http and https addresses can be captured, not {parts.scheme or 'this'}"
        )
    if not parts.hostname:
        raise CaptureRefused(f"{url} has no host name")
    return parts.hostname, port or (443 if parts.scheme.lower() == "https" else 80)


def _not_public(address: ipaddress.IPv4Address | ipaddress.IPv6Address) -> bool:
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        address = address.ipv4_mapped
    return (
        address.is_private
        or address.is_loopback
        or address.is_link_local
        or address.is_reserved
        or address.is_multicast
        or address.is_unspecified
        or not address.is_global
    )


Resolver = Callable[[str, int], list[str]]


def resolve(host: str, port: int) -> list[str]:
    try:
        infos = socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP)
    except (socket.gaierror, UnicodeError) as error:
        raise CaptureUnavailable(f"could not find the site {host} ({error})") from error
    return sorted({str(info[4][0]) for info in infos})


def check_address(url: str, *, allow_private: bool, resolver: Resolver = resolve) -> None:
    """Refuse non-http(s) URLs and hosts that resolve to a non-public address (a capture must
    never be a way into the hub's own network)."""
    host, port = check_scheme(url)
    if allow_private:
        return
    for text in resolver(host, port):
        address = ipaddress.ip_address(text.split("%")[0])
        if _not_public(address):
            raise CaptureRefused(
                f"{host} is at a private or local address ({address}); the hub does not "
                "capture those"
            )


def _first_line(error: BaseException) -> str:
    text = str(error).strip().splitlines()[0] if str(error).strip() else type(error).__name__
    for prefix in ("Route.fetch: ", "Page.goto: ", "BrowserType.launch: "):
        text = text.removeprefix(prefix)
    return text[:300]


class _Recorder:
    """Writes each intercepted exchange to the WARC and decides whether it may happen."""

    def __init__(self, url: str, allow_private: bool, resolver: Resolver):
        from warcio.warcwriter import WARCWriter

        self.url = url
        self.allow_private = allow_private
        self.resolver = resolver
        self.buffer = io.BytesIO()
        self.writer = WARCWriter(self.buffer, gzip=True, warc_version="WARC/1.1")
        self.exchanges = 0
        self.blocked: list[str] = []
        self.failures: dict[str, str] = {}
        self.refusals: dict[str, str] = {}
        self._checked: dict[str, str | None] = {}

    def warcinfo(self, info: dict) -> None:
        record = self.writer.create_warcinfo_record("capture.warc.gz", info)
        self.writer.write_record(record)

    def _refusal(self, url: str) -> str | None:
        parts = urlsplit(url)
        key = f"{parts.scheme}://{parts.netloc}"
        if key not in self._checked:
            try:
                check_address(url, allow_private=self.allow_private, resolver=self.resolver)
                self._checked[key] = None
            except (CaptureRefused, CaptureUnavailable) as error:
                self._checked[key] = str(error)
        return self._checked[key]

    def handle(self, route, request) -> None:
        from playwright.sync_api import Error as PlaywrightError

        refusal = self._refusal(request.url)
        if refusal:
            self.blocked.append(f"{request.url}: {refusal}")
            self.refusals[request.url] = refusal
            route.abort("blockedbyclient")
            return
        try:
            response = route.fetch(max_redirects=0)
            body = response.body()
        except PlaywrightError as error:
            self.failures[request.url] = _first_line(error)
            route.abort("failed")
            return
        self._write(request, response, body)
        route.fulfill(response=response, body=body)

    def _write(self, request, response, body: bytes) -> None:
        from warcio.statusandheaders import StatusAndHeaders

        parts = urlsplit(request.url)
        target = parts.path or "/"
        if parts.query:
            target += f"?{parts.query}"
        request_headers = [("Host", parts.netloc)] + [
            (name, value) for name, value in request.headers.items() if name.lower() != "host"
        ]
        request_body = request.post_data_buffer or b""
        request_record = self.writer.create_warc_record(
            request.url,
            "request",
            payload=io.BytesIO(request_body),
            http_headers=StatusAndHeaders(
                f"{request.method} {target} HTTP/1.1", request_headers, protocol="HTTP/1.1"
            ),
        )
        headers = [
            (item["name"], item["value"])
            for item in response.headers_array
            if item["name"].lower() not in _DROPPED_RESPONSE_HEADERS
        ]
        headers.append(("Content-Length", str(len(body))))
        response_record = self.writer.create_warc_record(
            request.url,
            "response",
            payload=io.BytesIO(body),
            http_headers=StatusAndHeaders(
                f"{response.status} {response.status_text or ''}".strip(),
                headers,
                protocol="HTTP/1.1",
            ),
        )
        self.writer.write_request_response_pair(request_record, response_record)
        self.exchanges += 1


def capture_page(
    url: str,
    *,
    chromium: str,
    allow_private: bool = False,
    timeout_seconds: int = 30,
    resolver: Resolver = resolve,
) -> CaptureResult:
    """Load `url` in headless Chromium and return the screenshot, HTML and WARC. Raises
    CaptureRefused (scheme, private address) or CaptureUnavailable (no network, no answer, no
    browser) with a reason an officer can read.

    Runs in a thread of its own: Playwright's sync API refuses a thread that already has an
    event loop (an async worker, or another Playwright session)."""
    check_address(url, allow_private=allow_private, resolver=resolver)
    with ThreadPoolExecutor(max_workers=1, thread_name_prefix="capture") as pool:
        return pool.submit(
            _capture, url, chromium, allow_private, timeout_seconds, resolver
        ).result()


def _capture(
    url: str, chromium: str, allow_private: bool, timeout_seconds: int, resolver: Resolver
) -> CaptureResult:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    recorder = _Recorder(url, allow_private, resolver)
    started_at = _utcnow()
    with sync_playwright() as playwright:
        try:
            browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        except PlaywrightError as error:
            raise CaptureUnavailable(
                f"the capture browser could not start ({_first_line(error)})"
            ) from error
        try:
            context = browser.new_context(
                viewport=VIEWPORT, service_workers="block", accept_downloads=False
            )
            context.set_default_timeout(timeout_seconds * 1000)
            context.route("**/*", recorder.handle)
            page = context.new_page()
            recorder.warcinfo(
                {
                    "software": f"Online Hate Crime Hub capture; Chromium {browser.version}",
                    "format": "WARC File Format 1.1",
                    "isPartOf": url,
                }
            )
            try:
                response = page.goto(url, wait_until="load", timeout=timeout_seconds * 1000)
            except PlaywrightTimeout as error:
                raise CaptureUnavailable(
                    f"the page did not load within {timeout_seconds} seconds"
                ) from error
            except PlaywrightError as error:
                refused = next(iter(recorder.refusals.values()), None)
                if refused:
                    raise CaptureRefused(refused) from error
                failure = recorder.failures.get(url) or next(iter(recorder.failures.values()), None)
                raise CaptureUnavailable(failure or _first_line(error)) from error
            try:
                page.wait_for_load_state("networkidle", timeout=QUIET_WAIT_MS)
            except PlaywrightTimeout:
                pass  # a page that keeps polling: capture what has loaded
            captured_at = _utcnow()
            screenshot = page.screenshot(full_page=True, type="png")
            html = page.content().encode("utf-8")
            user_agent = page.evaluate("() => navigator.userAgent")
            final_url = page.url
            version = browser.version
            context.close()
        finally:
            browser.close()
    return CaptureResult(
        url=url,
        final_url=final_url,
        http_status=response.status if response is not None else None,
        started_at=started_at,
        captured_at=captured_at,
        finished_at=_utcnow(),
        browser="Chromium (headless)",
        browser_version=version,
        user_agent=user_agent,
        files=[
            CapturedFile("screenshot.png", "image/png", screenshot),
            CapturedFile("page.html", "text/html", html),
            CapturedFile("exchanges.warc.gz", "application/warc", recorder.buffer.getvalue()),
        ],
        exchanges=recorder.exchanges,
        blocked=recorder.blocked,
    )


def collection_log(result: CaptureResult, *, hashes: dict[str, str], extra: dict) -> bytes:
    """The capture's collection log (who, when, how, and the SHA-256 of every file), as JSON."""
    document = {
        "url": result.url,
        "final_url": result.final_url,
        "http_status": result.http_status,
        "started_at_utc": result.started_at.isoformat(),
        "captured_at_utc": result.captured_at.isoformat(),
        "finished_at_utc": result.finished_at.isoformat(),
        "method": result.method,
        "files": [
            {"name": item.name, "media_type": item.media_type, "sha256": hashes[item.name]}
            for item in result.files
        ],
        **extra,
    }
    return (json.dumps(document, indent=2, sort_keys=True, ensure_ascii=False) + "\n").encode()
