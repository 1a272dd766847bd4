"""The platform directory, each platform's callback key, and the hub's own addresses that a
referral gives a platform."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from hatehub.audit.services import Action, record

from .. import directory, signing
from ..models import Platform


def hub_name() -> str:
    return getattr(settings, "HUB_STAFF_SERVICE_NAME", "Online Hate Crime Hub")


def reply_address() -> str:
    return getattr(settings, "HUB_REFERRAL_REPLY_TO", "") or getattr(
        settings, "DEFAULT_FROM_EMAIL", "hub@example.police.uk"
    )


def callback_url(platform: Platform) -> str:
    """Absolute: a platform calls it from outside (HUB_PUBLIC_URL, the demo's address if unset)."""
    base = (getattr(settings, "HUB_PUBLIC_URL", "") or "http://127.0.0.1:8000").rstrip("/")
    return f"{base}/api/v1/platforms/{platform.slug}/status"


DIRECTORY_FIELDS = (
    "name",
    "channel",
    "referral_email",
    "referral_endpoint",
    "web_form_url",
    "legal_contact",
    "service_level_hours",
    "notes",
    "extra_domains",
    "active",
)


@transaction.atomic
def save_platform(platform: Platform, *, by=None, created: bool = False) -> Platform:
    """Save a platform a supervisor edited (the form has checked it), auditing what changed."""
    before = {}
    if not created:
        old = Platform.objects.filter(pk=platform.pk).values(*DIRECTORY_FIELDS).first() or {}
        before = {k: v for k, v in old.items() if getattr(platform, k) != v}
    platform.save()
    record(
        Action.CREATE if created else Action.CHANGE,
        "platform",
        platform.slug,
        summary=f"Platform directory: {platform.name} {'added' if created else 'changed'}",
        details={"changed": sorted(before)} if not created else {"channel": platform.channel},
    )
    return platform


@transaction.atomic
def load_directory(entries: Iterable[directory.DirectoryEntry], *, update: bool = False) -> dict:
    """Add the shipped platforms that are missing; with `update`, overwrite the rest too (a
    supervisor's edits are otherwise kept)."""
    counts = {"created": 0, "updated": 0, "kept": 0}
    for entry in entries:
        values = dataclasses.asdict(entry)
        slug = values.pop("slug")
        values["extra_domains"] = list(values["extra_domains"])
        platform = Platform.objects.filter(slug=slug).first()
        if platform is None:
            platform = Platform(slug=slug, **values)
            save_platform(platform, created=True)
            counts["created"] += 1
        elif update:
            for name, value in values.items():
                setattr(platform, name, value)
            save_platform(platform)
            counts["updated"] += 1
        else:
            counts["kept"] += 1
    return counts


@transaction.atomic
def issue_callback_secret(platform: Platform, *, by=None) -> str:
    """A new callback key for the platform, returned once to show to the supervisor; the old
    one stops working. Only the salt is stored (see signing.py)."""
    platform = Platform.objects.select_for_update().get(pk=platform.pk)
    rotated = bool(platform.callback_secret_salt)
    platform.callback_secret_salt = signing.new_salt()
    platform.callback_secret_issued_at = timezone.now()
    platform.save(update_fields=["callback_secret_salt", "callback_secret_issued_at", "updated_at"])
    record(
        Action.CHANGE,
        "platform",
        platform.slug,
        summary=f"Callback key for {platform.name} {'rotated' if rotated else 'issued'}",
        details={"rotated": rotated},
    )
    return callback_secret(platform)


def callback_secret(platform: Platform) -> str:
    return signing.derive_secret(settings.SECRET_KEY, platform.slug, platform.callback_secret_salt)
