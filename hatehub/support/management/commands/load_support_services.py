"""Load the support-services directory from a YAML or CSV file (create or update by name).

YAML: a mapping with `source` and `services` (a list of mappings). CSV: one service a row with
the same column names; `strands`, `forces` and `postcode_areas` separated by `;` or `,`.
Each row goes through the same validation as the directory's form, and each change is audited.
Without a path, loads the synthetic demo directory shipped in hatehub/support/data/.
"""

import csv
from pathlib import Path

import yaml
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from hatehub.jurisdiction.models import Force
from hatehub.reports.models import Strand
from hatehub.support.forms import SupportServiceForm
from hatehub.support.models import SupportService
from hatehub.support.services import save_service

DEFAULT_FILE = Path(__file__).resolve().parents[2] / "data" / "support_services.yaml"
FIELDS = [
    "name",
    "scope",
    "postcode_areas",
    "referral_method",
    "contact_email",
    "contact_url",
    "contact_phone",
    "notes",
    "source",
]


def _list(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, list | tuple):
        return [str(v).strip() for v in value if str(v).strip()]
    return [part.strip() for part in str(value).replace(";", ",").split(",") if part.strip()]


def _bool(value, default: bool) -> bool:
    if value is None or value == "":
        return default
    if isinstance(value, bool):
        return value
    return str(value).strip().lower() in {"1", "true", "yes", "y"}


def read_rows(path: Path) -> tuple[list[dict], str]:
    text = path.read_text(encoding="utf-8")
    if path.suffix.lower() == ".csv":
        return list(csv.DictReader(text.splitlines())), ""
    try:
        document = yaml.safe_load(text) or {}
    except yaml.YAMLError as error:
        raise CommandError(f"{path}: not valid YAML: {error}") from None
    if not isinstance(document, dict) or not isinstance(document.get("services"), list):
        raise CommandError(f"{path}: expected a mapping with a 'services' list")
    return document["services"], str(document.get("source", ""))


class Command(BaseCommand):
    help = "Load support services (YAML or CSV) into the directory; demo data by default."

    def add_arguments(self, parser):
        parser.add_argument("path", nargs="?", default=str(DEFAULT_FILE))
        parser.add_argument(
            "--real",
            action="store_true",
            help="The file holds real contact details (otherwise they are marked as examples)",
        )

    def handle(self, *args, path, real, **options):
        file = Path(path)
        if not file.is_file():
            raise CommandError(f"No such file: {file}")
        rows, source = read_rows(file)
        strands = {s.code: s.pk for s in Strand.objects.all()}
        forces = {f.police_uk_id: f.pk for f in Force.objects.all()}
        created = updated = 0
        with transaction.atomic():
            for number, row in enumerate(rows, start=1):
                if not isinstance(row, dict):
                    raise CommandError(f"Service {number}: expected a mapping")
                data = {name: str(row.get(name) or "") for name in FIELDS}
                data["source"] = data["source"] or source or f"Loaded from {file.name}"
                data["postcode_areas"] = ", ".join(_list(row.get("postcode_areas")))
                unknown = [c for c in _list(row.get("strands")) if c not in strands]
                missing = [f for f in _list(row.get("forces")) if f not in forces]
                if unknown or missing:
                    raise CommandError(
                        f"Service {number} ({data['name']}): unknown strands {unknown} or "
                        f"forces {missing} (load the forces first: load_reference_data)"
                    )
                data["strands"] = [strands[c] for c in _list(row.get("strands"))]
                data["forces"] = [forces[f] for f in _list(row.get("forces"))]
                if _bool(row.get("example_contact"), not real):
                    data["example_contact"] = "on"
                if _bool(row.get("active"), True):
                    data["active"] = "on"
                instance = SupportService.objects.filter(name=data["name"]).first()
                form = SupportServiceForm(data, instance=instance)
                if not form.is_valid():
                    problems = "; ".join(
                        f"{field}: {' '.join(errors)}" for field, errors in form.errors.items()
                    )
                    raise CommandError(f"Service {number} ({data['name']}): {problems}")
                if instance is not None and not form.has_changed():
                    continue
                save_service(form, by=None)
                created += instance is None
                updated += instance is not None
        self.stdout.write(f"Support services: {created} created, {updated} updated ({file.name})")
