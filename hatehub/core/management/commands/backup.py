from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hatehub.core import backups


class Command(BaseCommand):
    help = "Back up the database and the evidence store into a new folder inside DIR."

    def add_arguments(self, parser) -> None:
        parser.add_argument("directory", type=Path)

    def handle(self, *args, **options) -> None:
        try:
            backup = backups.create(options["directory"])
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Backup written to {backup.path} ({backup.files} files, "
            f"{backup.evidence_files} evidence files); check it with "
            f"`manage.py restore {backup.path} --verify-only`"
        )
