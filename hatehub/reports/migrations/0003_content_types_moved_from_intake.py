"""The content types (and so the permissions) of the models that moved from intake keep their rows.

The models moved by state only (0001, 0002), so a database migrated before the move still has
`intake.report` and its siblings in `django_content_type`. They are renamed to `reports.*`
here, as Django's documentation advises for a model moved between apps; where `reports.*` rows
already exist (a database migrated at the move, whose post-migrate step created them), the stale
`intake.*` rows are removed instead.
"""

from django.db import migrations

MOVED = ("strand", "report", "contentitem", "complainant", "accountmention", "receivedreport")


def content_types_to_reports(apps, schema_editor):
    content_type = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    for model in MOVED:
        stale = content_type.objects.using(db).filter(app_label="intake", model=model)
        if content_type.objects.using(db).filter(app_label="reports", model=model).exists():
            stale.delete()
        else:
            stale.update(app_label="reports")


def content_types_to_intake(apps, schema_editor):
    content_type = apps.get_model("contenttypes", "ContentType")
    db = schema_editor.connection.alias
    for model in MOVED:
        moved = content_type.objects.using(db).filter(app_label="reports", model=model)
        if not content_type.objects.using(db).filter(app_label="intake", model=model).exists():
            moved.update(app_label="intake")


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0002_receivedreport_moved_from_intake"),
        ("contenttypes", "0002_remove_content_type_name"),
    ]

    operations = [migrations.RunPython(content_types_to_reports, content_types_to_intake)]
