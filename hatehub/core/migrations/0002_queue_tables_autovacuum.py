"""PostgreSQL: keep the planner's statistics of the queue tables fresh during a surge.

The task table grows by tens of thousands of rows a minute in a surge. With PostgreSQL's
defaults (re-analyse after 10% of the table changes) its statistics still describe the table
from before, the worker's claim query gets a plan that sorts every waiting task (a third of a
second per claim at 75,000 waiting) and the workers' database sessions take the CPU the web
servers need. Analysing after every 500 changed rows keeps the claim on its index.
"""

from django.db import migrations

TABLES = ["django_tasks_database_dbtaskresult", "intake_receivedreport"]
SETTINGS = (
    "autovacuum_analyze_threshold = 500, autovacuum_analyze_scale_factor = 0.0, "
    "autovacuum_vacuum_threshold = 1000, autovacuum_vacuum_scale_factor = 0.02"
)
RESET = (
    "autovacuum_analyze_threshold, autovacuum_analyze_scale_factor, "
    "autovacuum_vacuum_threshold, autovacuum_vacuum_scale_factor"
)


def tune(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"ALTER TABLE {table} SET ({SETTINGS})")


def untune(apps, schema_editor):
    if schema_editor.connection.vendor != "postgresql":
        return
    for table in TABLES:
        schema_editor.execute(f"ALTER TABLE {table} RESET ({RESET})")


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0001_initial"),
        ("django_tasks_database", "0021_conditional_partial_index_ordering"),
        ("intake", "0008_received_reports"),
    ]

    operations = [migrations.RunPython(tune, untune)]
