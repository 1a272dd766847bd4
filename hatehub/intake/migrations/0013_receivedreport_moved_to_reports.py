from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("reports", "0002_receivedreport_moved_from_intake"),
        ("intake", "0012_report_models_moved_to_reports"),
    ]

    # State only: ReceivedReport is reports' now (issue 18), in the same table.
    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.DeleteModel(
                    name="ReceivedReport",
                ),
            ],
        ),
    ]
