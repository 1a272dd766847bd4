"""Track my report: ``new_tracking_secret`` (at receipt) and ``store_tracking_secret`` (once
recorded), ``new_tracking_link``, ``open_with_secret`` and ``open_with_link``, with lock-outs per
IP address and per reference kept in the database."""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import secrets

from django.conf import settings
from django.contrib.auth.hashers import check_password
from django.core import signing
from django.db import transaction
from django.urls import reverse
from django.utils import timezone

from hatehub.audit.services import Action, record
from hatehub.core.reference_numbers import ALPHABET, normalise
from hatehub.reports.models import ReceivedReport, Report

from .. import conf
from ..models import (
    TrackingAttempt,
    TrackingCredential,
    TrackingLink,
)


def _token_signer() -> signing.TimestampSigner:
    return signing.TimestampSigner(salt="hatehub.victims.track-link")


def new_tracking_link(report: Report) -> str:
    """A fresh single-use link to Track my report for this report (absolute URL)."""
    raw = secrets.token_urlsafe(24)
    now = timezone.now()
    TrackingLink.objects.create(
        report=report,
        token_hash=hashlib.sha256(raw.encode()).hexdigest(),
        created_at=now,
        expires_at=now + dt.timedelta(days=conf.track_link_days()),
    )
    token = _token_signer().sign(raw)
    return conf.public_url() + reverse("track:link", kwargs={"token": token})


SECRET_LENGTH = 12
_HMAC_PREFIX = "hmac-sha256$"


def _secret_hash(secret: str) -> str:
    """The code is random (about 60 bits) and guessing is locked out, so a keyed hash is
    enough: a copy of the database alone cannot test codes without the server's key, and it
    costs microseconds, not the quarter-second of a password hasher, on every report."""
    key = hashlib.sha256(b"track-my-report:" + settings.SECRET_KEY.encode()).digest()
    return _HMAC_PREFIX + hmac.new(key, secret.encode(), hashlib.sha256).hexdigest()


def _secret_matches(secret: str, stored: str | None) -> bool:
    """Constant time; an unknown reference is checked against a throwaway hash, so a wrong
    reference takes as long to refuse as a wrong code."""
    expected = _secret_hash(secret)
    if stored is None or not stored.startswith(_HMAC_PREFIX):
        if stored:  # issued before codes were keyed-hashed
            return check_password(secret, stored)
        hmac.compare_digest(expected, _secret_hash(secrets.token_hex(8)))
        return False
    return hmac.compare_digest(expected, stored)


def _display_secret(raw: str) -> str:
    return "-".join(raw[i : i + 4] for i in range(0, len(raw), 4))


def normalise_secret(text: str) -> str:
    raw = "".join(ch for ch in (text or "").upper() if ch not in " -")
    raw = raw.replace("I", "1").replace("L", "1").replace("O", "0")
    return _display_secret(raw)


def new_tracking_secret() -> tuple[str, str]:
    """A new secret code for the reporter, to show once, and the hash that is kept of it."""
    secret = _display_secret("".join(secrets.choice(ALPHABET) for _ in range(SECRET_LENGTH)))
    return secret, _secret_hash(secret)


def store_tracking_secret(report: Report, secret_hash: str) -> None:
    TrackingCredential.objects.update_or_create(
        report=report, defaults={"secret_hash": secret_hash, "created_at": timezone.now()}
    )
    record(
        Action.CREATE,
        "tracking_credential",
        report.reference,
        summary=f"Track my report code issued for report {report.reference}",
    )


class NotYetRecorded(Exception):
    """The reference and code are right, but the report is still being recorded (in a surge
    it can take some minutes): nothing to show yet, and not a failed attempt."""


class LockedOut(Exception):
    """Too many failed attempts from this address or for this reference: try again later."""

    def __init__(self, until: dt.datetime):
        super().__init__(until.isoformat())
        self.until = until


def _failures_since(since: dt.datetime, **where) -> list[dt.datetime]:
    return list(
        TrackingAttempt.objects.filter(at__gte=since, result=TrackingAttempt.Result.FAILED, **where)
        .order_by("at")
        .values_list("at", flat=True)
    )


def lockout_until(*, ip: str, reference: str, now: dt.datetime | None = None):
    """When the lock-out on this address or reference ends, or None if there is none.
    Lock-out: more than the allowed failures inside the lock-out window; it lasts until the
    oldest failure that counts leaves the window."""
    now = now or timezone.now()
    window = conf.track_lockout()
    since = now - window
    ends: list[dt.datetime] = []
    checks = [({"ip_address": ip}, conf.track_max_failures_per_ip())] if ip else []
    if reference:
        checks.append(({"reference": reference}, conf.track_max_failures_per_reference()))
    for where, limit in checks:
        failures = _failures_since(since, **where)
        if len(failures) >= limit:
            ends.append(failures[-limit] + window)
    return max(ends) if ends else None


def _attempt(*, ip: str, reference: str, method: str, result: str, report=None) -> None:
    TrackingAttempt.objects.create(
        at=timezone.now(),
        ip_address=ip[:45],
        reference=reference[:20],
        method=method,
        result=result,
        report=report,
    )
    action = Action.VIEW if result == TrackingAttempt.Result.SUCCESS else Action.DENIED
    wordings: dict[str, str] = {
        TrackingAttempt.Result.SUCCESS: "opened",
        TrackingAttempt.Result.FAILED: "refused: wrong details",
        TrackingAttempt.Result.LOCKED: "refused: locked out after repeated failures",
    }
    wording = wordings[result]
    record(
        action,
        "report" if report is not None else "track_attempt",
        report.reference if report is not None else reference[:64],
        summary=f"Track my report {wording} ({method})",
        details={"method": method, "result": result, "reference_typed": reference[:20]},
    )


def open_with_secret(reference_typed: str, secret_typed: str, *, ip: str) -> Report | None:
    """The report if the reference and secret code match; None (logged) if not. Raises
    ``LockedOut`` (logged) while the address or the reference is locked out; the code is not
    even checked then, so guessing during a lock-out learns nothing."""
    reference = normalise(reference_typed or "") or (reference_typed or "").strip().upper()[:20]
    with transaction.atomic():  # the refusal is logged before it is raised
        until = lockout_until(ip=ip, reference=reference)
        if until is not None:
            _attempt(
                ip=ip, reference=reference, method="secret", result=TrackingAttempt.Result.LOCKED
            )
    if until is not None:
        raise LockedOut(until)
    return _check_secret(reference, secret_typed, ip=ip)


@transaction.atomic
def _check_secret(reference: str, secret_typed: str, *, ip: str) -> Report | None:
    credential = (
        TrackingCredential.objects.select_related("report").filter(report__reference=reference)
    ).first()
    secret = normalise_secret(secret_typed)
    if credential is None:
        waiting = ReceivedReport.objects.filter(reference=reference, recorded_at__isnull=True)
        waiting_hash = waiting.values_list("tracking_secret_hash", flat=True).first()
        if waiting_hash and _secret_matches(secret, waiting_hash):
            raise NotYetRecorded(reference)
    ok = _secret_matches(secret, credential.secret_hash if credential else None)
    if credential is None or not ok:
        _attempt(ip=ip, reference=reference, method="secret", result=TrackingAttempt.Result.FAILED)
        return None
    _attempt(
        ip=ip,
        reference=reference,
        method="secret",
        result=TrackingAttempt.Result.SUCCESS,
        report=credential.report,
    )
    return credential.report


def open_with_link(token: str, *, ip: str) -> Report | None:
    """The report a single-use link opens, using the link up; None (logged) for a link that
    is forged, expired or already used. Raises ``LockedOut`` while the address is locked out."""
    with transaction.atomic():
        until = lockout_until(ip=ip, reference="")
        if until is not None:
            _attempt(ip=ip, reference="", method="link", result=TrackingAttempt.Result.LOCKED)
    if until is not None:
        raise LockedOut(until)
    return _use_link(token, ip=ip)


@transaction.atomic
def _use_link(token: str, *, ip: str) -> Report | None:
    max_age = dt.timedelta(days=conf.track_link_days())
    link = None
    try:
        raw = _token_signer().unsign(token, max_age=max_age)
    except signing.BadSignature:
        raw = None
    if raw is not None:
        link = (
            TrackingLink.objects.select_for_update(of=("self",))
            .select_related("report")
            .filter(token_hash=hashlib.sha256(raw.encode()).hexdigest())
            .first()
        )
    now = timezone.now()
    if link is None or link.used_at is not None or link.expires_at < now:
        # Counted against the address only: a victim opening an old link again must not lock
        # their own reference out.
        _attempt(ip=ip, reference="", method="link", result=TrackingAttempt.Result.FAILED)
        return None
    link.used_at = now
    link.save(update_fields=["used_at"])
    _attempt(
        ip=ip,
        reference=link.report.reference,
        method="link",
        result=TrackingAttempt.Result.SUCCESS,
        report=link.report,
    )
    return link.report
