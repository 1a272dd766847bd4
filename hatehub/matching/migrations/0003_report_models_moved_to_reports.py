import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("matching", "0002_campaign_groups_and_account_keys"),
        ("reports", "0001_initial"),
    ]

    # State only: the model moved from `intake` to `reports` (issue 18) and kept its table, so the
    # database already has this foreign key; only Django's idea of its target changes.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="fingerprint",
                    name="report",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="reports.report",
                    ),
                ),
                migrations.AlterField(
                    model_name="matchkey",
                    name="report",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="+",
                        to="reports.report",
                    ),
                ),
            ],
        ),
    ]
