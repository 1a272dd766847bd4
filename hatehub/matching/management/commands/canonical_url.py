"""``manage.py canonical_url URL...``: show the matching key the hub derives from addresses.

For analysts checking why two reports did (or did not) link up, and for engineers checking a
new platform rule, without opening a shell. One JSON object per line so the output can be
piped into ``jq`` or a spreadsheet. Never touches the database.
"""

import json

from django.core.management.base import BaseCommand, CommandError

from hatehub.matching.canonical_urls import canonicalise


class Command(BaseCommand):
    help = (
        "Print the canonical matching key, platform, content id and account for each URL, "
        "one JSON object per line. Exits with status 1 if any URL is invalid."
    )
    # Pure string work: no system checks, so it runs even where the database is unreachable.
    requires_system_checks: list[str] = []

    def add_arguments(self, parser) -> None:
        parser.add_argument("urls", nargs="+", metavar="URL", help="Addresses to canonicalise")

    def handle(self, *args, **options) -> None:
        failures = 0
        for url in options["urls"]:
            try:
                found = canonicalise(url)
            except ValueError as error:
                failures += 1
                record = {"url": url, "error": str(error)}
            else:
                record = {
                    "url": url,
                    "canonical": found.canonical,
                    "platform": found.platform,
                    "content_id": found.content_id,
                    "account": found.account,
                }
            self.stdout.write(json.dumps(record, ensure_ascii=False))
        if failures:
            # Raised only after every line is printed, so one bad URL hides no other result.
            raise CommandError(
                f"{failures} of {len(options['urls'])} URLs could not be canonicalised",
                returncode=1,
            )
