"""Test hours for surges in report counts and store alerts (docs/analytics.md).

manage.py detect_surges                       # the current and previous hour, now
manage.py detect_surges --from 2026-11-01T00:00 --to 2026-11-08T00:00   # every hour between
(The scheduler, `manage.py run_scheduler`, runs the check every quarter hour on the worker.)
"""

import json
from datetime import datetime, timedelta

from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from hatehub.analytics import services


def _moment(text: str) -> datetime:
    try:
        value = datetime.fromisoformat(text)
    except ValueError as error:
        raise CommandError(f"Not a date and time: {text!r} (use 2026-11-01T14:00)") from error
    return timezone.make_aware(value) if timezone.is_naive(value) else value


class Command(BaseCommand):
    help = "Test report counts for surges against their expected level and store alerts."

    def add_arguments(self, parser) -> None:
        parser.add_argument("--from", dest="start", help="First hour to test (local time)")
        parser.add_argument("--to", dest="end", help="Test hours before this (local time)")
        parser.add_argument("--json", action="store_true", help="Print the alerts as JSON")

    def handle(self, *args, **options) -> None:
        windows = None
        if options["start"] or options["end"]:
            if not (options["start"] and options["end"]):
                raise CommandError("Give both --from and --to")
            start, end = _moment(options["start"]), _moment(options["end"])
            if end <= start:
                raise CommandError("--to must be after --from")
            if end - start > timedelta(days=366):
                raise CommandError("Test at most a year of hours at a time")
            windows, hour = [], start
            while hour < end:
                windows.append(hour)
                hour += timedelta(hours=1)
        alerts = services.detect_surges(windows)
        if options["json"]:
            self.stdout.write(
                json.dumps(
                    [
                        {
                            "series": alert.kind,
                            "key": alert.key,
                            "label": alert.label,
                            "window_start": alert.window_start.isoformat(),
                            "count": alert.count,
                            "expected": round(alert.expected, 3),
                            "p_value": alert.p_value,
                            "reports": alert.reports.count(),
                        }
                        for alert in alerts
                    ],
                    indent=2,
                )
            )
            return
        for alert in alerts:
            self.stdout.write(
                f"{timezone.localtime(alert.window_start):%Y-%m-%d %H:%M}  {alert.label}: "
                f"{alert.count} reports, expected {alert.expected:.1f} (p={alert.p_value:.2g})"
            )
        self.stdout.write(f"{len(alerts)} surge alert(s).")
