"""Run the retention sweep now (the scheduler runs it daily)."""

from datetime import date

from django.core.management.base import BaseCommand

from hatehub.audit.services import acting_as
from hatehub.privacy.services import sweep


class Command(BaseCommand):
    help = (
        "Open a retention review for every record the schedule says is due, erase under rules "
        "whose action is `erase`, and remove NCHI subjects' data where the Code's test is not met."
    )

    def add_arguments(self, parser):
        parser.add_argument("--today", type=date.fromisoformat, help="YYYY-MM-DD (default: today)")

    def handle(self, *args, **options):
        with acting_as("command:retention_sweep"):
            result = sweep(options["today"])
        self.stdout.write(
            f"{result.reviews_opened} review(s) opened, {result.erased} erased, "
            f"{result.nchi_cleared} NCHI subject(s) cleared, {result.errors} refused"
        )
