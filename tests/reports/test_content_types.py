"""A database migrated before reports moved out of intake keeps one content type per model."""

import importlib
from types import SimpleNamespace

import pytest
from django.apps import apps
from django.contrib.auth.models import Permission
from django.contrib.contenttypes.models import ContentType
from django.db import connection

moved = importlib.import_module("hatehub.reports.migrations.0003_content_types_moved_from_intake")

pytestmark = pytest.mark.django_db


def test_stale_intake_content_types_are_renamed_or_removed():
    # As before the move: intake's row for a model reports' post-migrate step never created...
    ContentType.objects.filter(app_label="reports", model="strand").delete()
    old_strand = ContentType.objects.create(app_label="intake", model="strand")
    Permission.objects.create(content_type=old_strand, codename="view_strand", name="Can view")
    # ...and a stale intake row beside the reports row that exists.
    ContentType.objects.create(app_label="intake", model="report")

    moved.content_types_to_reports(apps, SimpleNamespace(connection=connection))

    assert not ContentType.objects.filter(app_label="intake", model__in=moved.MOVED).exists()
    strand = ContentType.objects.get(app_label="reports", model="strand")
    assert strand.pk == old_strand.pk  # the permissions granted on it are kept
    assert Permission.objects.filter(content_type=strand, codename="view_strand").exists()
    assert ContentType.objects.get_for_model(apps.get_model("reports", "Report")).app_label == (
        "reports"
    )
