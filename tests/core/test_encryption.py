"""Personal data is encrypted with keys kept outside the database, and keys can be rotated."""

import pytest
from cryptography.fernet import Fernet
from django.core.exceptions import ImproperlyConfigured

from hatehub.core import encryption


def test_a_value_is_stored_encrypted_and_read_back(settings):
    settings.HUB_FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    stored = encryption.encrypt("[SYNTHETIC] Alex Example")
    assert stored.startswith("fernet:") and "Alex" not in stored
    assert encryption.decrypt(stored) == "[SYNTHETIC] Alex Example"
    assert encryption.encrypt("same") != encryption.encrypt("same")  # no equal ciphertexts


def test_rotation_re_encrypts_with_the_new_first_key_and_old_values_still_read(settings):
    old, new = Fernet.generate_key().decode(), Fernet.generate_key().decode()
    settings.HUB_FIELD_ENCRYPTION_KEYS = [old]
    stored = encryption.encrypt("[SYNTHETIC] 07700 900123")

    settings.HUB_FIELD_ENCRYPTION_KEYS = [new, old]  # step 2: the new key first
    assert encryption.decrypt(stored) == "[SYNTHETIC] 07700 900123"
    rotated = encryption.rotate(stored)

    settings.HUB_FIELD_ENCRYPTION_KEYS = [new]  # step 4: the old key removed
    assert encryption.decrypt(rotated) == "[SYNTHETIC] 07700 900123"
    with pytest.raises(ImproperlyConfigured, match="cannot be decrypted"):
        encryption.decrypt(stored)


def test_values_written_before_encryption_are_read_and_encrypted_by_rotation(settings):
    settings.HUB_FIELD_ENCRYPTION_KEYS = [Fernet.generate_key().decode()]
    assert encryption.decrypt("plain old value") == "plain old value"
    assert encryption.decrypt(encryption.rotate("plain old value")) == "plain old value"


def test_production_without_keys_refuses_to_start(settings):
    settings.HUB_FIELD_ENCRYPTION_KEYS = []
    settings.HUB_INSECURE_DEV_SECRET = False
    with pytest.raises(ImproperlyConfigured, match="HUB_FIELD_ENCRYPTION_KEYS"):
        encryption.configured_keys()
    settings.HUB_FIELD_ENCRYPTION_KEYS = ["not-a-key"]
    with pytest.raises(ImproperlyConfigured, match="not a Fernet key"):
        encryption.encrypt("x")


@pytest.mark.django_db
def test_complainants_and_suspects_are_stored_encrypted(make_report, users):
    from django.db import connection
    from django.utils import timezone

    from hatehub.suspects.models import Person

    report = make_report()
    name = report.complainant.name
    Person.objects.create(
        reference="P-TEST", full_name="[SYNTHETIC] Sam Suspect", created_at=timezone.now()
    )
    with connection.cursor() as cursor:
        cursor.execute(
            "SELECT name, email FROM intake_complainant WHERE id = %s", [report.complainant.pk]
        )
        stored_name, stored_email = cursor.fetchone()
        cursor.execute("SELECT full_name FROM suspects_person WHERE reference = 'P-TEST'")
        (stored_person,) = cursor.fetchone()
    assert name and name not in stored_name and stored_name.startswith("fernet:")
    assert "@" not in stored_email
    assert "Sam" not in stored_person
    report.complainant.refresh_from_db()
    assert report.complainant.name == name
    assert Person.objects.get(reference="P-TEST").full_name == "[SYNTHETIC] Sam Suspect"


@pytest.mark.django_db
def test_the_rotation_command_re_encrypts_every_row_with_the_new_key(make_report, settings):
    from django.core.management import call_command

    from hatehub.reports.models import Complainant

    report = make_report()
    name = report.complainant.name
    new = Fernet.generate_key().decode()
    settings.HUB_FIELD_ENCRYPTION_KEYS = [new, *encryption.configured_keys()]
    call_command("rotate_field_keys")
    settings.HUB_FIELD_ENCRYPTION_KEYS = [new]  # the old key is gone
    assert Complainant.objects.get(pk=report.complainant.pk).name == name
