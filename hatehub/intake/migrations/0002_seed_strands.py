from django.db import migrations

from hatehub.reports.choices import STRANDS

MONITORED = {"race", "religion", "sexual_orientation", "disability", "transgender"}


def seed(apps, schema_editor):
    Strand = apps.get_model("intake", "Strand")
    for code, label in STRANDS:
        Strand.objects.update_or_create(
            code=code, defaults={"label": label, "monitored": code in MONITORED}
        )


class Migration(migrations.Migration):
    dependencies = [("intake", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
