import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("volunteers", "0001_initial"),
    ]

    # State only: the model moved from `intake` to `reports` (issue 18) and kept its table, so the
    # database already has this foreign key; only Django's idea of its target changes.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="submission",
                    name="report",
                    field=models.OneToOneField(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="volunteer_submission",
                        to="reports.report",
                    ),
                ),
            ],
        ),
    ]
