"""Erase the personal data of one case (on a request, outside the review page)."""

from django.core.management.base import BaseCommand, CommandError

from hatehub.audit.services import acting_as
from hatehub.cases.models import Case
from hatehub.privacy.forms import EraseCaseForm
from hatehub.privacy.services import PrivacyRefused, erase_case


class Command(BaseCommand):
    help = "Erase the personal data, content and files of a case, keeping a content-free record."

    def add_arguments(self, parser):
        parser.add_argument("reference")
        parser.add_argument(
            "--basis", required=True, choices=[value for value, _ in EraseCaseForm.BASES]
        )
        parser.add_argument("--by", required=True, help="Who decided (recorded in the log)")

    def handle(self, *args, reference, basis, by, **options):
        case = Case.objects.filter(reference=reference).first()
        if case is None:
            raise CommandError(f"No case {reference}")
        with acting_as(f"command:erase_case ({by})"):
            try:
                entry = erase_case(case, why="request", basis=basis)
            except PrivacyRefused as refusal:
                raise CommandError(str(refusal)) from refusal
        removed = ", ".join(f"{k}={v}" for k, v in entry.counts.items() if v)
        self.stdout.write(f"Case {reference} erased (log entry {entry.pk}): {removed}")
