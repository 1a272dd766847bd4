from datetime import timedelta
from typing import cast

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from hatehub.audit.services import Action, record

from . import api_keys
from .models import ApiKey, Organisation


@transaction.atomic
def issue_api_key(*, organisation: Organisation, reason: str) -> str:
    """Create a key and return it in full; it is never retrievable again."""
    full_key, prefix, secret_hash = api_keys.new_key()
    key = ApiKey.objects.create(organisation=organisation, prefix=prefix, secret_hash=secret_hash)
    record(
        Action.CREATE,
        "api_key",
        key.pk,
        summary=f"API key {prefix} issued to {organisation.name}: {reason}",
        details={"organisation_id": organisation.pk},
    )
    return full_key


@transaction.atomic
def rotate_api_key(*, current: ApiKey) -> tuple[str, ApiKey]:
    """Issue a new key; the current one keeps working for the grace period, then expires."""
    grace_ends = timezone.now() + timedelta(hours=settings.API_KEY_ROTATION_GRACE_HOURS)
    current.expires_at = min(filter(None, [current.expires_at, grace_ends]))
    current.save(update_fields=["expires_at"])
    full_key = issue_api_key(
        organisation=current.organisation, reason=f"rotation of {current.prefix}"
    )
    prefix, _secret = cast(tuple[str, str], api_keys.split_key(full_key))  # just issued: valid
    new = ApiKey.objects.get(prefix=prefix)
    return full_key, new


LAST_USED_RESOLUTION = timedelta(minutes=1)


def authenticate_api_key(raw_key: str) -> ApiKey | None:
    parts = api_keys.split_key(raw_key or "")
    if parts is None:
        return None
    prefix, secret = parts
    now = timezone.now()
    key = ApiKey.objects.select_related("organisation").filter(prefix=prefix).first()
    if key is None or not key.organisation.is_active:
        return None
    if key.expires_at is not None and key.expires_at <= now:
        return None
    if not api_keys.secret_matches(secret, key.secret_hash):
        return None
    if key.last_used_at is None or now - key.last_used_at > LAST_USED_RESOLUTION:
        # To the minute: a partner sending hundreds of reports a second would otherwise queue
        # every request behind one row's lock.
        ApiKey.objects.filter(pk=key.pk).update(last_used_at=now)
    return key
