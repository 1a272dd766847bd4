from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hatehub.core import backups


class Command(BaseCommand):
    help = "Check a backup folder against its manifest and restore it (replacing the database)."

    def add_arguments(self, parser) -> None:
        parser.add_argument("backup", type=Path)
        parser.add_argument("--verify-only", action="store_true", help="Only check the hashes")
        parser.add_argument(
            "--database-name", help="PostgreSQL: restore into this database instead"
        )
        parser.add_argument("--yes", action="store_true", help="Do not ask before replacing")

    def handle(self, *args, **options) -> None:
        try:
            if options["verify_only"]:
                manifest = backups.verify(options["backup"])
                self.stdout.write(f"Backup verified: {len(manifest['files'])} files match")
                return
            if not options["yes"]:
                raise CommandError("Restoring replaces the database: add --yes to go ahead")
            manifest = backups.restore(options["backup"], database_name=options["database_name"])
        except backups.BackupError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(
            f"Restored the {manifest['engine']} backup of {manifest['created_at']} "
            f"({len(manifest['files'])} files verified)"
        )
