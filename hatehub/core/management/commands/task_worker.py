"""django-tasks-db's `db_worker`, logging at the levels settings.LOGGING sets (a task's failure,
not two lines for every task run): `db_worker` itself turns its loggers up to INFO at the
default verbosity. `serve` starts this one; `--verbosity 2` logs every task as `db_worker` does.
"""

from django_tasks_db.management.commands.db_worker import Command as DbWorker


class Command(DbWorker):
    help = "Run the database task worker, logging failures (every task with --verbosity 2)."

    def configure_logging(self, verbosity: int) -> None:
        if verbosity >= 2:
            super().configure_logging(verbosity)
