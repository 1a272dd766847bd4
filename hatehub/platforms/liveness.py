"""Is a referred item still there? One careful fetch of its address. Pure: no Django.

The fetch is made the way an investigator's tool should make it: a clear User-Agent naming
the hub, no cookies sent or kept, a timeout on connecting and on reading, at most a few
redirects (each one checked again), a cap on how much of the body is read, and never an
address that is not http(s) or that resolves to a private, link-local or otherwise
non-public network (server-side request forgery). Loopback can be allowed for tests only.

The connection goes to the address that was checked, not to a second DNS answer, so a name
that resolves to a public address for the check and a private one for the fetch cannot slip
through.
"""

from __future__ import annotations

import hashlib
import http.client
import ipaddress
import socket
import ssl
from dataclasses import dataclass, field
from urllib.parse import urljoin, urlsplit

REMOVED_STATUSES = frozenset({404, 410})
GEO_BLOCKED_STATUS = 451
REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})


@dataclass(frozen=True)
class FetchPolicy:
    user_agent: str
    timeout: float = 10.0
    max_redirects: int = 3
    max_bytes: int = 5 * 1024 * 1024
    allow_loopback: bool = False


@dataclass
class Fetch:
    url: str
    outcome: str  # removed | geo_blocked | live | inconclusive | refused | error
    final_url: str = ""
    http_status: int | None = None
    body_sha256: str = ""
    body_bytes: int = 0
    redirects: list[dict] = field(default_factory=list)
    error: str = ""


class AddressRefused(ValueError):
    pass


def outcome_of(status: int) -> str:
    if status in REMOVED_STATUSES:
        return "removed"
    if status == GEO_BLOCKED_STATUS:
        return "geo_blocked"
    if 200 <= status < 300:
        return "live"
    return "inconclusive"


def _allowed_ip(ip: ipaddress.IPv4Address | ipaddress.IPv6Address, allow_loopback: bool) -> bool:
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped:
        ip = ip.ipv4_mapped
    if ip.is_loopback:
        return allow_loopback
    return ip.is_global and not ip.is_multicast


def vetted_address(url: str, policy: FetchPolicy) -> tuple[str, str, int, str]:
    """(scheme, host, port, ip to connect to) or AddressRefused."""
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError as error:
        raise AddressRefused(f"not a valid address: {error}") from error
    scheme = parts.scheme.lower()
    if scheme not in ("http", "https"):
        raise AddressRefused(f"only http and https addresses are fetched, not {scheme or 'none'}")
    host = (parts.hostname or "").rstrip(".")
    if not host:
        raise AddressRefused("the address has no host")
    if parts.username or parts.password:
        raise AddressRefused("addresses with a user name or password are not fetched")
    port = port or (443 if scheme == "https" else 80)
    try:
        infos = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except (socket.gaierror, UnicodeError) as error:
        raise AddressRefused(f"{host} does not resolve: {error}") from error
    addresses = [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos]
    refused = [str(ip) for ip in addresses if not _allowed_ip(ip, policy.allow_loopback)]
    if refused or not addresses:
        raise AddressRefused(f"{host} resolves to a non-public address ({', '.join(refused)})")
    return scheme, host, port, str(addresses[0])


class _PinnedHTTPConnection(http.client.HTTPConnection):
    def __init__(self, host, port, ip, timeout):
        super().__init__(host, port, timeout=timeout)
        self._ip = ip

    def connect(self):
        self.sock = socket.create_connection((self._ip, self.port), self.timeout)


class _PinnedHTTPSConnection(http.client.HTTPSConnection):
    def __init__(self, host, port, ip, timeout):
        super().__init__(host, port, timeout=timeout, context=ssl.create_default_context())
        self._ip = ip

    def connect(self):
        sock = socket.create_connection((self._ip, self.port), self.timeout)
        self.sock = self._context.wrap_socket(sock, server_hostname=self.host)


def _request_target(url: str) -> str:
    parts = urlsplit(url)
    return (parts.path or "/") + (f"?{parts.query}" if parts.query else "")


def _one_request(url: str, policy: FetchPolicy) -> tuple[int, dict, bytes, int]:
    scheme, host, port, ip = vetted_address(url, policy)
    kind = _PinnedHTTPSConnection if scheme == "https" else _PinnedHTTPConnection
    connection = kind(host, port, ip, policy.timeout)
    try:
        connection.request(
            "GET",
            _request_target(url),
            headers={
                "User-Agent": policy.user_agent,
                "Accept": "text/html,application/xhtml+xml,*/*;q=0.8",
                "Accept-Encoding": "identity",
                "Connection": "close",
            },
        )
        response = connection.getresponse()
        body = response.read(policy.max_bytes + 1)
        headers = {name.lower(): value for name, value in response.getheaders()}
        return response.status, headers, body[: policy.max_bytes], len(body)
    finally:
        connection.close()


def check(url: str, policy: FetchPolicy) -> Fetch:
    """Fetch `url` and say what its answer means for a referred item."""
    current, redirects = url, []
    try:
        for _ in range(policy.max_redirects + 1):
            status, headers, body, size = _one_request(current, policy)
            location = headers.get("location")
            if status in REDIRECT_STATUSES and location:
                target = urljoin(current, location)
                redirects.append({"status": status, "from": current, "to": target})
                current = target
                continue
            return Fetch(
                url=url,
                outcome=outcome_of(status),
                final_url=current,
                http_status=status,
                body_sha256=hashlib.sha256(body).hexdigest(),
                body_bytes=min(size, policy.max_bytes),
                redirects=redirects,
                error="body longer than the limit: hashed the first part"
                if size > policy.max_bytes
                else "",
            )
        return Fetch(
            url=url,
            outcome="inconclusive",
            final_url=current,
            redirects=redirects,
            error=f"more than {policy.max_redirects} redirects",
        )
    except AddressRefused as refused:
        return Fetch(
            url=url, outcome="refused", final_url=current, redirects=redirects, error=str(refused)
        )
    except (OSError, http.client.HTTPException) as error:
        return Fetch(
            url=url,
            outcome="error",
            final_url=current,
            redirects=redirects,
            error=f"{type(error).__name__}: {error}"[:500],
        )
