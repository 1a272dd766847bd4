import time

from django.core.management.base import BaseCommand
from django.utils import timezone

from hatehub.core.scheduling import enqueue_due, periodic_jobs


class Command(BaseCommand):
    help = "Enqueue periodic jobs (each app's schedule.py) when they are due; runs until stopped."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--interval", type=float, default=10.0, help="Seconds between checks")
        parser.add_argument("--once", action="store_true", help="Check once and exit")

    def handle(self, *args, **options) -> None:
        jobs = ", ".join(f"{job.name} every {job.every}" for job in periodic_jobs())
        self.stdout.write(f"Scheduler: {jobs or 'no periodic jobs'}")
        while True:
            for name in enqueue_due(timezone.now()):
                if options["verbosity"] >= 2:  # every minute, for every job: only if asked
                    self.stdout.write(f"Enqueued {name}")
            if options["once"]:
                return
            time.sleep(options["interval"])
