import json

from django.core.management.base import BaseCommand, CommandError

from hatehub.jurisdiction import geography, services


class Command(BaseCommand):
    help = (
        "Which police force area a place is in: --lat/--lon, --postcode (full or district) or "
        "--place (postcode, district, town or 'lat,lon'). Prints one JSON object: pfa_code, "
        "force_name, method (polygon, nearest, district or none), distance_km, alternatives "
        "and a note where relevant. Reads the reference files in HUB_REFERENCE_DIR."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument("--lat", type=float, help="Latitude (WGS84 degrees)")
        parser.add_argument("--lon", type=float, help="Longitude (WGS84 degrees)")
        parser.add_argument("--postcode", help="A full postcode ('LS1 4AP') or district ('LS1')")
        parser.add_argument("--place", help="A postcode, district, town name or 'lat,lon'")

    def handle(self, *args, **options) -> None:
        query = self._query(options)
        try:
            resolution = geography.resolve(
                query, services.force_areas(), services.postcode_districts()
            )
        except geography.GeographyError as error:
            raise CommandError(str(error)) from error
        self.stdout.write(json.dumps(resolution.as_dict(), ensure_ascii=False))

    @staticmethod
    def _query(options) -> str | tuple[float, float]:
        """Exactly one kind of input; --postcode must look like one (a town is not a postcode)."""
        has_coords = options["lat"] is not None or options["lon"] is not None
        given = [has_coords, bool(options["postcode"]), bool(options["place"])]
        if sum(given) != 1:
            raise CommandError("Give exactly one of --lat with --lon, --postcode or --place.")
        if has_coords:
            if options["lat"] is None or options["lon"] is None:
                raise CommandError("--lat and --lon must be given together.")
            return (options["lat"], options["lon"])
        if options["postcode"]:
            compact = geography.compact_postcode(options["postcode"])
            if not (geography.POSTCODE_RE.match(compact) or geography.OUTWARD_RE.match(compact)):
                raise CommandError(
                    f"{options['postcode']!r} is not a valid UK postcode (e.g. 'LS1 4AP') or "
                    "postcode district (e.g. 'LS1')."
                )
            return options["postcode"]
        return options["place"]
