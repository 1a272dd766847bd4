"""Run the hub on one machine: the web server (Granian) and the task worker side by side."""

import os
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand
from granian import Granian
from granian.constants import Interfaces


class Command(BaseCommand):
    SETTLE_SECONDS = 2.0
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
        parser.add_argument(
            "--show-file",
            help="Print this file (the demo's sign-ins) last: after the worker and scheduler "
            "start, and again once the server is listening",
        )

    def handle(self, *args, **options) -> None:
        helpers = []
        backend = settings.TASKS["default"]["BACKEND"]
        if not options["no_worker"] and backend.startswith("django_tasks_db"):
            for command, name in (("task_worker", "Task worker"), ("run_scheduler", "Scheduler")):
                process = subprocess.Popen(  # noqa: S603 (our own manage.py, fixed arguments)
                    [sys.executable, "manage.py", command],
                    cwd=settings.BASE_DIR,
                    env=os.environ.copy(),
                )
                helpers.append(process)
                self.stdout.write(f"{name} started (pid {process.pid}).")
        url = f"http://{options['host']}:{options['port']}"
        summary = (
            f"\nOnline Hate Crime Hub is running.\n"
            f"  Public report form:  {url}/report/\n"
            f"  Hub sign-in:         {url}/accounts/sign-in/\n"
            f"  Partner API docs:    {url}/api/v1/docs\n"
            f"Press Ctrl+C to stop.\n"
        )
        shown = self._read(options["show_file"])
        if shown:
            summary = f"{summary}{shown}\n"
            # The web server and the helpers log their start after this: say it all again,
            # last, once the server is listening.
            threading.Thread(
                target=self._show_when_listening,
                args=(options["host"], options["port"], summary),
                daemon=True,
            ).start()
        self.stdout.write(summary)
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

    @staticmethod
    def _read(path: str | None) -> str:
        if not path:
            return ""
        try:
            return Path(path).read_text(encoding="utf-8").rstrip()
        except OSError:
            return ""

    def _show_when_listening(self, host: str, port: int, text: str, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            try:
                with socket.create_connection((host, port), timeout=1):
                    break
            except OSError:
                time.sleep(0.2)
        else:
            return
        time.sleep(self.SETTLE_SECONDS)  # the server's and helpers' start-up lines come first
        self.stdout.write(text)
        self.stdout.flush()
