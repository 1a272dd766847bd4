"""Run the hub on one machine: the web server (Granian) and the task worker side by side."""

import os
import subprocess
import sys

from django.conf import settings
from django.core.management.base import BaseCommand
from granian import Granian
from granian.constants import Interfaces


class Command(BaseCommand):
    help = (
        "Serve the hub with Granian (a production WSGI server); start the database task worker "
        "and the scheduler beside it."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--host", default="127.0.0.1")
        parser.add_argument("--port", type=int, default=8000)
        parser.add_argument("--workers", type=int, default=1, help="Web server processes")
        parser.add_argument(
            "--threads", type=int, default=2, help="Request threads per worker process"
        )
        parser.add_argument("--no-worker", action="store_true", help="Do not start a task worker")

    def handle(self, *args, **options) -> None:
        helpers = []
        backend = settings.TASKS["default"]["BACKEND"]
        if not options["no_worker"] and backend.startswith("django_tasks_db"):
            for command, name in (("db_worker", "Task worker"), ("run_scheduler", "Scheduler")):
                process = subprocess.Popen(  # noqa: S603 (our own manage.py, fixed arguments)
                    [sys.executable, "manage.py", command],
                    cwd=settings.BASE_DIR,
                    env=os.environ.copy(),
                )
                helpers.append(process)
                self.stdout.write(f"{name} started (pid {process.pid}).")
        url = f"http://{options['host']}:{options['port']}"
        self.stdout.write(
            f"\nOnline Hate Crime Hub is running.\n"
            f"  Public report form:  {url}/report/\n"
            f"  Hub sign-in:         {url}/accounts/sign-in/\n"
            f"  Partner API docs:    {url}/api/v1/docs\n"
            f"Press Ctrl+C to stop.\n",
        )
        self.stdout.flush()
        try:
            Granian(
                "hatehub.wsgi:application",
                address=options["host"],
                port=options["port"],
                interface=Interfaces.WSGI,
                workers=options["workers"],
                blocking_threads=options["threads"],
                working_dir=settings.BASE_DIR,
                respawn_failed_workers=True,
            ).serve()
        finally:
            for process in helpers:
                process.terminate()
            for process in helpers:
                process.wait(timeout=10)
