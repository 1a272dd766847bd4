from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0003_content_types_moved_from_intake"),
    ]

    operations = [
        migrations.AddField(
            model_name="report",
            name="signal_pending",
            field=models.BooleanField(default=False),
        ),
        migrations.AddIndex(
            model_name="report",
            index=models.Index(
                condition=models.Q(("signal_pending", True)),
                fields=["id"],
                name="report_signal_pending",
            ),
        ),
    ]
