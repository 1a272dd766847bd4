import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("cases", "0006_assigned_officer"),
        ("reports", "0001_initial"),
    ]

    # State only: the model moved from `intake` to `reports` (issue 18) and kept its table, so the
    # database already has this foreign key; only Django's idea of its target changes.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="crimeoutcome",
                    name="report",
                    field=models.OneToOneField(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="crime_outcome",
                        to="reports.report",
                    ),
                ),
            ],
        ),
    ]
