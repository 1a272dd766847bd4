"""Authenticating a platform's status callback. Pure: no Django.

Each platform has its own secret. The hub does not store it: it is derived from the server's
secret key, the platform's slug and a random salt kept in the directory, so a copy of the
database alone cannot forge a callback, and rotating the salt revokes the old secret.

A callback carries `X-Hub-Timestamp` (Unix seconds) and `X-Hub-Signature-256:
sha256=<hex>`, the HMAC-SHA256 of `<timestamp>.<body>` under the platform's secret. Signing
the timestamp with the body stops an old request being replayed with a fresh timestamp; the
window bounds how old a request may be, and the event id in the body (kept once accepted)
refuses a replay inside the window.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import secrets

SCHEME = "sha256="
DEFAULT_WINDOW_SECONDS = 300


class SignatureProblem(ValueError):
    """Why a callback is not authentic, in words safe to send back."""


def new_salt() -> str:
    return secrets.token_hex(16)


def derive_secret(server_key: str, slug: str, salt: str) -> str:
    if not salt:
        raise SignatureProblem("This platform has no callback key")
    digest = hmac.new(
        server_key.encode(), f"platform-callback|{slug}|{salt}".encode(), hashlib.sha256
    ).digest()
    return "whsec_" + base64.urlsafe_b64encode(digest).decode().rstrip("=")


def signature(secret: str, timestamp: str | int, body: bytes) -> str:
    mac = hmac.new(secret.encode(), f"{timestamp}.".encode() + body, hashlib.sha256)
    return SCHEME + mac.hexdigest()


def verify(
    secret: str,
    *,
    timestamp: str | None,
    signature_header: str | None,
    body: bytes,
    now: float,
    window: int = DEFAULT_WINDOW_SECONDS,
) -> None:
    """Raises SignatureProblem unless the request is signed with `secret` and recent."""
    if not timestamp or not signature_header:
        raise SignatureProblem("Send X-Hub-Timestamp and X-Hub-Signature-256")
    if not timestamp.isdigit() or len(timestamp) > 12:
        raise SignatureProblem("X-Hub-Timestamp must be Unix time in seconds")
    expected = signature(secret, timestamp, body)
    if not hmac.compare_digest(expected.encode(), signature_header.strip().encode()):
        raise SignatureProblem("The signature does not match the body")
    if abs(now - int(timestamp)) > window:
        raise SignatureProblem(f"The timestamp is more than {window} seconds from the hub's clock")
