"""Export disseminated intelligence to a recipient as a file: the POLE JSON or the CSV.

    manage.py export_intelligence --recipient "Merseyside FIB" --from 2026-11-01 --to 2026-11-30
    manage.py export_intelligence --recipient "Merseyside FIB" --reports IR-ABC,IR-DEF --format csv

The same rules as the API (`selectors.exportable_reports`), recorded and audited as a disclosure
to the recipient. Prints the file's path and SHA-256.
"""

import datetime as dt
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from hatehub.audit.services import acting_as
from hatehub.intelligence import selectors, services
from hatehub.intelligence.models import IntelligenceExport, IntelligenceRecipient


def _day(value: str, option: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"{option} {value!r} is not a date: use YYYY-MM-DD") from None


def _start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


class Command(BaseCommand):
    help = "Export disseminated intelligence reports to a recipient (POLE JSON or CSV)."

    def add_arguments(self, parser):
        parser.add_argument("--recipient", required=True, help="The recipient's name")
        parser.add_argument("--from", dest="date_from", help="First day (YYYY-MM-DD)")
        parser.add_argument("--to", dest="date_to", help="Last day, inclusive (default today)")
        parser.add_argument("--reports", help="Comma-separated intelligence report references")
        parser.add_argument("--format", choices=["json", "csv"], default="json")
        parser.add_argument("--out", default=".", help="Directory or file to write (default .)")

    def handle(self, *args, **options):
        recipient = IntelligenceRecipient.objects.filter(
            name__iexact=options["recipient"].strip(), is_active=True
        ).first()
        if recipient is None:
            raise CommandError(f"No active intelligence recipient named {options['recipient']!r}")
        criteria: dict = {}
        if options["reports"] is not None:
            if options["date_from"] or options["date_to"]:
                raise CommandError("Give --reports or a date range, not both")
            criteria["references"] = [
                ref for ref in options["reports"].replace(" ", ",").split(",") if ref.strip()
            ]
            if not criteria["references"]:
                raise CommandError("--reports needs at least one reference")
        else:
            if not options["date_from"]:
                raise CommandError("Give --from (and optionally --to), or --reports")
            start = _day(options["date_from"], "--from")
            end = _day(options["date_to"], "--to") if options["date_to"] else timezone.localdate()
            if start > end:
                raise CommandError("--to must be on or after --from")
            criteria["date_from"] = _start_of(start)
            criteria["date_to"] = _start_of(end + dt.timedelta(days=1))
        with acting_as("command:export_intelligence", user=None):
            try:
                result = services.export(
                    recipient,
                    fmt=options["format"],
                    channel=IntelligenceExport.Channel.COMMAND,
                    **criteria,
                )
            except selectors.UnknownReports as unknown:
                raise CommandError(
                    "Unknown or not available to this recipient: " + ", ".join(unknown.references)
                ) from unknown
        out = Path(options["out"])
        path = out / result.filename if out.is_dir() else out
        path.write_bytes(result.body)
        count = len(result.export.report_references)
        self.stdout.write(f"{path}\n{result.export.sha256}")
        self.stderr.write(f"{count} report(s) exported to {recipient.name} ({result.export.pk})")
