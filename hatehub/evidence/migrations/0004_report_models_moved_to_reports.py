import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("evidence", "0003_backfill_continuity"),
        ("reports", "0001_initial"),
    ]

    # State only: the model moved from `intake` to `reports` (issue 18) and kept its table, so the
    # database already has this foreign key; only Django's idea of its target changes.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="capture",
                    name="content_item",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="captures",
                        to="reports.contentitem",
                    ),
                ),
                migrations.AlterField(
                    model_name="evidencefile",
                    name="report",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="evidence",
                        to="reports.report",
                    ),
                ),
            ],
        ),
    ]
