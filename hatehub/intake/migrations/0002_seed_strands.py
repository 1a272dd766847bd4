from django.db import migrations

from hatehub.reports.choices import STRANDS

MONITORED = {"race", "religion", "sexual_orientation", "disability", "transgender"}


def seed(apps, schema_editor):
    try:
        Strand = apps.get_model("intake", "Strand")
    except LookupError:  # the live registry (the tests re-seed): Strand is reports' (issue 18)
        Strand = apps.get_model("reports", "Strand")
    for code, label in STRANDS:
        Strand.objects.update_or_create(
            code=code, defaults={"label": label, "monitored": code in MONITORED}
        )


class Migration(migrations.Migration):
    dependencies = [("intake", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
