import os
import tempfile
import urllib.parse
import urllib.request
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from hatehub.jurisdiction import geography
from hatehub.jurisdiction.geography import summarise_reference_files
from hatehub.jurisdiction.reference_files import ReferenceFileError, parse_forces
from hatehub.jurisdiction.services import force_areas, load_forces, postcode_districts

FORCES_FILE = "uk_police_forces.csv"


def read_bytes(source: str, filename: str) -> tuple[bytes, str]:
    """The file's bytes from a directory, a path or an http(s)/file URL, and where it came from."""
    scheme = urllib.parse.urlparse(source).scheme
    if scheme in {"http", "https", "file"}:
        with urllib.request.urlopen(source, timeout=120) as response:  # noqa: S310  # nosec B310 (scheme checked)
            return response.read(), source
    path = Path(source)
    if path.is_dir():
        path = path / filename
    if not path.is_file():
        raise CommandError(f"No reference file at {path}.")
    return path.read_bytes(), str(path)


def read_source(source: str, filename: str) -> tuple[str, str]:
    """The file's text from a directory, a path or an http(s)/file URL, and where it came from."""
    scheme = urllib.parse.urlparse(source).scheme
    if scheme in {"http", "https", "file"}:
        with urllib.request.urlopen(source, timeout=60) as response:  # noqa: S310  # nosec B310 (scheme checked)
            return response.read().decode("utf-8-sig"), source
    path = Path(source)
    if path.is_dir():
        path = path / filename
    if not path.is_file():
        raise CommandError(f"No reference file at {path}. Set HUB_REFERENCE_DIR or pass --forces.")
    return path.read_text(encoding="utf-8-sig"), str(path)


class Command(BaseCommand):
    help = (
        "Load reference data: the police force list, the force area boundaries and the postcode "
        "districts, from the reference directory (HUB_REFERENCE_DIR) or from files or URLs such "
        "as the ONS 'Police Force Areas' downloads."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--dir", help="Directory holding uk_police_forces.csv")
        parser.add_argument("--forces", help="A force list file or http(s) URL (overrides --dir)")
        parser.add_argument(
            "--boundaries",
            help="Police force area boundaries: a GeoJSON file or URL (ours, or the ONS Open "
            "Geography download with PFAyyCD/PFAyyNM fields)",
        )
        parser.add_argument(
            "--districts", help="Postcode district centroids: a CSV file or URL (doogal format)"
        )

    def handle(self, *args, **options) -> None:
        source = options["forces"] or options["dir"] or str(settings.HUB_REFERENCE_DIR)
        text, origin = read_source(source, FORCES_FILE)
        try:
            rows = parse_forces(text)
        except ReferenceFileError as error:
            raise CommandError(f"{origin}: {error}") from error
        created, updated = load_forces(rows, source=origin)
        self.stdout.write(f"Forces: {created} added, {updated} updated from {origin}")
        directory = options["dir"] or str(settings.HUB_REFERENCE_DIR)
        boundaries = options["boundaries"] or directory
        districts = options["districts"] or directory
        only_forces = options["forces"] and not options["dir"]
        if options["boundaries"] or options["districts"] or not only_forces:
            self._load_geography(boundaries, districts)

    def _load_geography(self, boundaries: str, districts: str) -> None:
        """Check the force areas and postcode districts by reading them as the hub will, then
        keep a copy in HUB_GEOGRAPHY_DIR, which is what the running hub reads."""
        target = Path(settings.HUB_GEOGRAPHY_DIR)
        target.mkdir(parents=True, exist_ok=True)
        areas_data, areas_origin = read_bytes(boundaries, geography.FORCE_AREAS_FILE)
        districts_data, districts_origin = read_bytes(districts, geography.POSTCODE_DISTRICTS_FILE)
        with tempfile.TemporaryDirectory(dir=target) as staging:
            staged = Path(staging)
            (staged / geography.FORCE_AREAS_FILE).write_bytes(areas_data)
            (staged / geography.POSTCODE_DISTRICTS_FILE).write_bytes(districts_data)
            try:
                areas = geography.ForceAreas.from_geojson(staged / geography.FORCE_AREAS_FILE)
                geography.PostcodeDistricts.from_csv(
                    staged / geography.POSTCODE_DISTRICTS_FILE, areas
                )
            except (geography.GeographyError, ValueError, KeyError) as error:
                raise CommandError(f"Geography files not loaded: {error}") from error
            for name in (geography.FORCE_AREAS_FILE, geography.POSTCODE_DISTRICTS_FILE):
                os.replace(staged / name, target / name)
        force_areas.cache_clear()
        postcode_districts.cache_clear()
        self.stdout.write(f"Geography: {summarise_reference_files(target)}")
        self.stdout.write(f"  force areas from {areas_origin}")
        self.stdout.write(f"  postcode districts from {districts_origin}")
        self.stdout.write(f"  {geography.ATTRIBUTION}")
