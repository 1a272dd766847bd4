import time

from django.core.management.base import BaseCommand

from hatehub.matching.rematch import rematch_all


class Command(BaseCommand):
    help = (
        "Re-match every report with the current matching rules, rebuild the match index and "
        "merge cases now found to be about the same content (audited, undoable)."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--dry-run", action="store_true", help="Report what would change; change nothing"
        )

    def handle(self, *args, dry_run: bool = False, **options):
        started = time.monotonic()

        def progress(done: int) -> None:
            if options["verbosity"] > 1:
                self.stdout.write(f"  {done} reports read")

        result = rematch_all(dry_run=dry_run, progress=progress)
        seconds = time.monotonic() - started
        verb = "would merge" if dry_run else "merged"
        self.stdout.write(
            f"{result.reports} reports re-matched in {seconds:.1f} s: {result.keys} index keys, "
            f"{verb} {result.merges} case(s), {result.possible} possible match(es) recorded."
        )
