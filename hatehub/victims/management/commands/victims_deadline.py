"""``manage.py victims_deadline``: work out a Victims' Code deadline (DOMAIN.md s8) from the
command line, for operators checking a date and for tests. Prints one JSON object:
``{"due": "YYYY-MM-DD", "working_days": N, "rule": "..."}``.
"""

import datetime as dt
import json

from django.core.management.base import BaseCommand, CommandError

from hatehub.victims.calendar import Nation
from hatehub.victims.clocks import LONDON, deadline, known_events


def _parse_at(value: str) -> dt.datetime:
    """ISO 8601 with or without an offset; a naive value is Europe/London wall-clock time."""
    try:
        at = dt.datetime.fromisoformat(value.strip())
    except ValueError:
        raise CommandError(
            f"--at {value!r} is not an ISO 8601 date-time, e.g. 2026-08-28T14:00 or "
            "2026-08-28T14:00:00+01:00."
        ) from None
    if at.tzinfo is None:
        at = at.replace(tzinfo=LONDON)
    return at


def _parse_closure(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        raise CommandError(f"--closure {value!r} is not a date in the form YYYY-MM-DD.") from None


class Command(BaseCommand):
    help = (
        "Print when a Victims' Code duty falls due, as JSON {due, working_days, rule}. "
        "Working days exclude weekends, the nation's bank holidays and any --closure days."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--event", required=True, help=f"One of: {', '.join(known_events())}")
        parser.add_argument(
            "--at",
            required=True,
            help="When the event happened, ISO 8601; without an offset it is Europe/London time",
        )
        parser.add_argument(
            "--nation", required=True, help=f"One of: {', '.join(n.value for n in Nation)}"
        )
        parser.add_argument(
            "--enhanced",
            action="store_true",
            help="The victim has enhanced rights (1 working day instead of 5 for key decisions)",
        )
        parser.add_argument(
            "--closure",
            action="append",
            default=[],
            metavar="YYYY-MM-DD",
            help="An extra closure day that is not a working day (repeatable)",
        )

    def handle(self, *args, **options) -> None:
        event = options["event"]
        if event not in known_events():
            raise CommandError(
                f"Unknown event {event!r}; known events: {', '.join(known_events())}."
            )
        try:
            nation = Nation.parse(options["nation"])
        except ValueError as exc:
            raise CommandError(str(exc)) from None
        at = _parse_at(options["at"])
        closures = [_parse_closure(value) for value in options["closure"]]
        result = deadline(event, at, nation, enhanced=options["enhanced"], extra_closures=closures)
        self.stdout.write(json.dumps(result.as_dict()))
