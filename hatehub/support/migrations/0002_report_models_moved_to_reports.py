import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("support", "0001_initial"),
    ]

    # State only: the model moved from `intake` to `reports` (issue 18) and kept its table, so the
    # database already has this foreign key; only Django's idea of its target changes.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="referral",
                    name="report",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.CASCADE,
                        related_name="support_referrals",
                        to="reports.report",
                    ),
                ),
                migrations.AlterField(
                    model_name="supportservice",
                    name="strands",
                    field=models.ManyToManyField(
                        blank=True,
                        help_text="The characteristics it serves; none means every strand",
                        related_name="support_services",
                        to="reports.strand",
                    ),
                ),
            ],
        ),
    ]
