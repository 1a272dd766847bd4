"""Field-level encryption of personal data at rest (complainants' and suspects' details).

Values are encrypted with Fernet (AES-128-CBC + HMAC-SHA256, from `cryptography`) before they
reach the database and decrypted when read, so a copy of the database alone reveals nothing.
The keys live outside the database: `HUB_FIELD_ENCRYPTION_KEYS` (comma-separated Fernet keys)
or a file named by `HUB_FIELD_ENCRYPTION_KEYS_FILE`. The first key encrypts; every key
decrypts (MultiFernet), which is how rotation works:

1. generate a key: `manage.py rotate_field_keys --new-key`;
2. put it FIRST in the key list and restart the hub (old values still decrypt);
3. run `manage.py rotate_field_keys`: every stored value is re-encrypted with the first key;
4. remove the old key from the list.

Encrypted columns cannot be searched or compared in SQL: the hub never filters on them.
"""

import base64
import hashlib
from functools import cache

from cryptography.fernet import Fernet, InvalidToken, MultiFernet
from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.db import models

PREFIX = "fernet:"


def configured_keys() -> list[str]:
    keys = list(settings.HUB_FIELD_ENCRYPTION_KEYS)
    if keys:
        return keys
    if settings.HUB_INSECURE_DEV_SECRET:
        # Demo and tests only: a key derived from the (throwaway) secret key, which is also
        # outside the database.
        digest = hashlib.sha256(b"field-encryption:" + settings.SECRET_KEY.encode()).digest()
        return [base64.urlsafe_b64encode(digest).decode()]
    raise ImproperlyConfigured(
        "Set HUB_FIELD_ENCRYPTION_KEYS (or HUB_FIELD_ENCRYPTION_KEYS_FILE): personal data is "
        "encrypted at rest. Make a key with `manage.py rotate_field_keys --new-key`."
    )


@cache
def _cipher(keys: tuple[str, ...]) -> MultiFernet:
    try:
        return MultiFernet([Fernet(key.encode()) for key in keys])
    except ValueError as error:
        raise ImproperlyConfigured(
            f"A field encryption key is not a Fernet key: {error}"
        ) from error


def cipher() -> MultiFernet:
    return _cipher(tuple(configured_keys()))


def encrypt(value: str) -> str:
    return PREFIX + cipher().encrypt(value.encode()).decode()


def decrypt(stored: str) -> str:
    if not stored.startswith(PREFIX):
        return stored  # written before encryption was switched on; rotate_field_keys fixes it
    try:
        return cipher().decrypt(stored[len(PREFIX) :].encode()).decode()
    except InvalidToken as error:
        raise ImproperlyConfigured(
            "A stored value cannot be decrypted with the configured keys: is a key missing "
            "from HUB_FIELD_ENCRYPTION_KEYS?"
        ) from error


def rotate(stored: str) -> str:
    """The value encrypted with the first key (plain values are encrypted for the first time)."""
    if not stored:
        return stored
    if not stored.startswith(PREFIX):
        return encrypt(stored)
    return PREFIX + cipher().rotate(stored[len(PREFIX) :].encode()).decode()


class EncryptedTextField(models.TextField):
    """A text value stored encrypted. `max_length` is checked on the plain text by forms and
    model validation; the column is unbounded because ciphertext is longer."""

    def __init__(self, *args, form_class=None, **kwargs):
        self.form_class = form_class
        super().__init__(*args, **kwargs)

    def deconstruct(self):
        name, path, args, kwargs = super().deconstruct()
        return name, path, args, kwargs

    def from_db_value(self, value, expression, connection):
        return value if value in (None, "") else decrypt(value)

    def get_prep_value(self, value):
        value = super().get_prep_value(value)
        return value if value in (None, "") else encrypt(str(value))

    def formfield(self, **kwargs):
        if self.form_class is not None:
            kwargs.setdefault("form_class", self.form_class)
        return super().formfield(**kwargs)


def encrypted_fields() -> list[tuple[type[models.Model], list[str]]]:
    from django.apps import apps

    found = []
    for model in apps.get_models():
        names = [f.name for f in model._meta.fields if isinstance(f, EncryptedTextField)]
        if names:
            found.append((model, names))
    return found


def encrypt_existing(table: str, columns: list[str]):
    """A migration operation's function: encrypt values stored before a column was encrypted
    (values already encrypted are re-encrypted with the first key, which is harmless)."""

    def forwards(apps, schema_editor) -> None:
        connection = schema_editor.connection
        quote = connection.ops.quote_name
        names = ", ".join(quote(column) for column in columns)
        assignments = ", ".join(f"{quote(column)} = %s" for column in columns)
        with connection.cursor() as cursor:
            select = f"SELECT id, {names} FROM {quote(table)}"  # noqa: S608  # nosec B608
            cursor.execute(select)  # the names are the migration's own, quoted
            rows = cursor.fetchall()
            for pk, *values in rows:
                update = f"UPDATE {quote(table)} SET {assignments} WHERE id = %s"  # noqa: S608  # nosec B608
                cursor.execute(update, [*(rotate(value or "") for value in values), pk])

    return forwards
