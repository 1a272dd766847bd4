from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("advice", "0001_initial"),
        ("reports", "0001_initial"),
    ]

    # State only: the model moved from `intake` to `reports` (issue 18) and kept its table, so the
    # database already has this foreign key; only Django's idea of its target changes.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="article",
                    name="strands",
                    field=models.ManyToManyField(
                        blank=True, related_name="advice_articles", to="reports.strand"
                    ),
                ),
            ],
        ),
    ]
