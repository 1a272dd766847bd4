import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("victims", "0001_initial"),
    ]

    # State only: the model moved from `intake` to `reports` (issue 18) and kept its table, so the
    # database already has this foreign key; only Django's idea of its target changes.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="trackingattempt",
                    name="report",
                    field=models.ForeignKey(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="+",
                        to="reports.report",
                    ),
                ),
                migrations.AlterField(
                    model_name="trackingcredential",
                    name="report",
                    field=models.OneToOneField(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="tracking_credential",
                        to="reports.report",
                    ),
                ),
                migrations.AlterField(
                    model_name="trackinglink",
                    name="report",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="tracking_links",
                        to="reports.report",
                    ),
                ),
                migrations.AlterField(
                    model_name="victimmessage",
                    name="report",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="victim_messages",
                        to="reports.report",
                    ),
                ),
                migrations.AlterField(
                    model_name="victimupdatedue",
                    name="report",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="victim_updates",
                        to="reports.report",
                    ),
                ),
            ],
        ),
    ]
