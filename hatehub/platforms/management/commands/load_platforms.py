"""Load the platform directory from its YAML file (the shipped one by default)."""

import json

from django.core.management.base import BaseCommand, CommandError

from hatehub.audit.services import acting_as
from hatehub.platforms import directory, services


class Command(BaseCommand):
    help = (
        "Add the platforms in the directory file that are missing (--update overwrites edits "
        "made in the hub). The shipped file has example.com contacts only."
    )

    def add_arguments(self, parser):
        parser.add_argument("--file", default=str(directory.DIRECTORY_FILE))
        parser.add_argument("--update", action="store_true", help="Overwrite existing entries")
        parser.add_argument("--check", action="store_true", help="Check the file; change nothing")

    def handle(self, *args, file: str, update: bool, check: bool, **options):
        try:
            entries = directory.read_directory(file)
        except (OSError, directory.DirectoryError, TypeError, ValueError) as error:
            raise CommandError(f"{file}: {error}") from error
        if check:
            self.stdout.write(json.dumps({"file": file, "platforms": len(entries), "ok": True}))
            return
        with acting_as("command:load_platforms"):
            counts = services.directory.load_directory(entries, update=update)
        self.stdout.write(json.dumps(counts))
