"""Write a case's evidence package ZIP to a folder and print its path and SHA-256."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hatehub.audit.services import acting_as
from hatehub.cases.models import Case
from hatehub.packages.bundle import sha256
from hatehub.packages.services import PackageError, generate


class Command(BaseCommand):
    help = (
        "Generate the evidence package of a case (a new version only if something changed since "
        "the last one; otherwise the last version again, byte for byte) and write its ZIP."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("reference", help="The case reference")
        parser.add_argument("--out", required=True, help="Folder to write the ZIP into")

    def handle(self, *args, **options) -> None:
        case = Case.objects.filter(reference=options["reference"]).first()
        if case is None:
            raise CommandError(f"No case {options['reference']}")
        out = Path(options["out"])
        out.mkdir(parents=True, exist_ok=True)
        try:
            with acting_as("command:evidence_package"):
                built = generate(case)
        except PackageError as error:
            raise CommandError(str(error)) from error
        path = out / f"{built.version.name}.zip"
        path.write_bytes(built.zip_bytes)
        state = "new version" if built.new else "unchanged since the last version"
        self.stdout.write(f"{path}\n{sha256(built.zip_bytes)}\n")
        self.stderr.write(f"Version {built.version.number} ({state})")
