"""Keys of intelligence recipients (pure: no Django).

`ohi_<prefix>_<secret>`: the same construction as partner keys (`accounts.api_keys`: a 256-bit
secret stored as its SHA-256, compared in constant time) with its own marker, so a partner's
reporting key can never be taken for an intelligence recipient's, nor the other way round.
"""

import secrets

from hatehub.accounts.api_keys import hash_secret, secret_matches

KEY_PREFIX = "ohi"

__all__ = ["KEY_PREFIX", "hash_secret", "new_key", "secret_matches", "split_key"]


def new_key() -> tuple[str, str, str]:
    """(full key to show once, prefix to store, hash of the secret to store)."""
    prefix = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    return f"{KEY_PREFIX}_{prefix}_{secret}", prefix, hash_secret(secret)


def split_key(key: str) -> tuple[str, str] | None:
    parts = key.strip().split("_", 2)
    if len(parts) != 3 or parts[0] != KEY_PREFIX or not parts[1] or not parts[2]:
        return None
    return parts[1], parts[2]
