import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0001_initial"),
        ("reviews", "0002_decision_kind_victim_withdrew"),
    ]

    # State only: the model moved from `intake` to `reports` (issue 18) and kept its table, so the
    # database already has this foreign key; only Django's idea of its target changes.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="reviewrequest",
                    name="report",
                    field=models.ForeignKey(
                        on_delete=django.db.models.deletion.PROTECT,
                        related_name="review_requests",
                        to="reports.report",
                    ),
                ),
            ],
        ),
    ]
