import urllib.parse
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from hatehub.jurisdiction.geography import summarise_reference_files
from hatehub.jurisdiction.reference_files import ReferenceFileError, parse_forces
from hatehub.jurisdiction.services import load_forces

FORCES_FILE = "uk_police_forces.csv"


def read_source(source: str, filename: str) -> tuple[str, str]:
    """The file's text from a directory, a path or an http(s)/file URL, and where it came from."""
    scheme = urllib.parse.urlparse(source).scheme
    if scheme in {"http", "https", "file"}:
        with urllib.request.urlopen(source, timeout=60) as response:  # noqa: S310 (scheme checked)
            return response.read().decode("utf-8-sig"), source
    path = Path(source)
    if path.is_dir():
        path = path / filename
    if not path.is_file():
        raise CommandError(f"No reference file at {path}. Set HUB_REFERENCE_DIR or pass --forces.")
    return path.read_text(encoding="utf-8-sig"), str(path)


class Command(BaseCommand):
    help = (
        "Load reference data: the police force list, from the reference directory "
        "(HUB_REFERENCE_DIR) or from a file or URL such as the ONS 'Police Force Areas Names and "
        "Codes' CSV download."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--dir", help="Directory holding uk_police_forces.csv")
        parser.add_argument("--forces", help="A force list file or http(s) URL (overrides --dir)")

    def handle(self, *args, **options) -> None:
        source = options["forces"] or options["dir"] or str(settings.HUB_REFERENCE_DIR)
        text, origin = read_source(source, FORCES_FILE)
        try:
            rows = parse_forces(text)
        except ReferenceFileError as error:
            raise CommandError(f"{origin}: {error}") from error
        created, updated = load_forces(rows, source=origin)
        self.stdout.write(f"Forces: {created} added, {updated} updated from {origin}")
        if Path(source).is_dir():  # the geography files live beside the force list
            self.stdout.write(f"Geography: {summarise_reference_files(source)}")
