"""Write a subject access bundle (ZIP) for a complainant or a suspect."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from hatehub.audit.services import acting_as
from hatehub.privacy.selectors import find_complainants
from hatehub.privacy.services import PrivacyRefused, export_complainants, export_person
from hatehub.suspects.models import Person


class Command(BaseCommand):
    help = (
        "Export everything held about a person who reported (found by report reference, email, "
        "phone or name) or a suspect (--person), audited as a disclosure."
    )

    def add_arguments(self, parser):
        parser.add_argument("--reference", default="")
        parser.add_argument("--email", default="")
        parser.add_argument("--phone", default="")
        parser.add_argument("--name", default="")
        parser.add_argument("--person", default="", help="A suspect's person reference")
        parser.add_argument("--requester", required=True, help="Who asked for it")
        parser.add_argument("--out", required=True, type=Path)

    def handle(self, *args, **o):
        with acting_as("command:subject_access_export"):
            try:
                if o["person"]:
                    person = Person.objects.filter(reference=o["person"]).first()
                    if person is None:
                        raise CommandError(f"No person {o['person']}")
                    result = export_person(person, by=None, requester=o["requester"])
                else:
                    if not any(o[k] for k in ("reference", "email", "phone", "name")):
                        raise CommandError("Give --reference, --email, --phone or --name")
                    found = find_complainants(
                        reference=o["reference"],
                        email=o["email"],
                        phone=o["phone"],
                        name=o["name"],
                    )
                    if found.truncated:
                        self.stderr.write(f"Search stopped after {found.scanned} records")
                    result = export_complainants(
                        found.complainants, by=None, requester=o["requester"]
                    )
            except PrivacyRefused as refusal:
                raise CommandError(str(refusal)) from refusal
        o["out"].write_bytes(result.data)
        self.stdout.write(f"Wrote {o['out']} ({len(result.data)} bytes, SHA-256 {result.sha256})")
