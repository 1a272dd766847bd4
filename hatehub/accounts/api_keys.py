"""API key format and checking (pure: no Django).

A key is `ohh_<prefix>_<secret>`: the prefix finds the row, the secret (256 bits) is compared by
its SHA-256 in constant time. High-entropy secrets need no slow password hash.
"""

import hashlib
import hmac
import secrets

KEY_PREFIX = "ohh"


def new_key() -> tuple[str, str, str]:
    """Return (full key to show once, prefix to store, hash of the secret to store)."""
    prefix = secrets.token_hex(6)
    secret = secrets.token_urlsafe(32)
    return f"{KEY_PREFIX}_{prefix}_{secret}", prefix, hash_secret(secret)


def hash_secret(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def split_key(key: str) -> tuple[str, str] | None:
    parts = key.strip().split("_", 2)
    if len(parts) != 3 or parts[0] != KEY_PREFIX or not parts[1] or not parts[2]:
        return None
    return parts[1], parts[2]


def secret_matches(secret: str, stored_hash: str) -> bool:
    return hmac.compare_digest(hash_secret(secret), stored_hash)
