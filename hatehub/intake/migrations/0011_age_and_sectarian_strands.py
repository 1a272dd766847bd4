"""Age (a hate crime aggravation in Scotland) and sectarian (a PSNI category in Northern
Ireland) join the strands a reporter can tick (issue 15 s3). A fresh database gets them from
0002's seed, which reads intake.choices.STRANDS; this adds them to an existing one."""

from django.db import migrations

NEW = {
    "age": "Age",
    "sectarian": "Sectarian (for example, being Catholic or Protestant)",
}


def add(apps, schema_editor):
    Strand = apps.get_model("intake", "Strand")
    for code, label in NEW.items():
        Strand.objects.update_or_create(code=code, defaults={"label": label, "monitored": False})


def remove(apps, schema_editor):
    apps.get_model("intake", "Strand").objects.filter(code__in=NEW).delete()


class Migration(migrations.Migration):
    dependencies = [("intake", "0010_receipts_urgent_first")]
    operations = [migrations.RunPython(add, remove)]
