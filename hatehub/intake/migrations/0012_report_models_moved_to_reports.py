import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("intake", "0011_age_and_sectarian_strands"),
        ("reports", "0001_initial"),
        # Every foreign key to these models points at `reports` first.
        ("analytics", "0002_report_models_moved_to_reports"),
        ("advice", "0002_report_models_moved_to_reports"),
        ("cases", "0007_report_models_moved_to_reports"),
        ("evidence", "0004_report_models_moved_to_reports"),
        ("matching", "0003_report_models_moved_to_reports"),
        ("platforms", "0002_report_models_moved_to_reports"),
        ("reviews", "0003_report_models_moved_to_reports"),
        ("support", "0002_report_models_moved_to_reports"),
        ("victims", "0002_report_models_moved_to_reports"),
        ("volunteers", "0002_report_models_moved_to_reports"),
    ]

    # State only: Report, Complainant, ContentItem, AccountMention and Strand are `reports`'s now
    # (issue 18), in the same tables; intake keeps its receipts (ReceivedReport).
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.AlterField(
                    model_name="receivedreport",
                    name="report",
                    field=models.OneToOneField(
                        blank=True,
                        null=True,
                        on_delete=django.db.models.deletion.SET_NULL,
                        related_name="receipt",
                        to="reports.report",
                    ),
                ),
                migrations.DeleteModel(name="AccountMention"),
                migrations.DeleteModel(name="ContentItem"),
                migrations.DeleteModel(name="Complainant"),
                migrations.DeleteModel(name="Report"),
                migrations.DeleteModel(name="Strand"),
            ],
        ),
    ]
