from django.core.management.base import BaseCommand, CommandError

from hatehub.audit.models import AuditEvent
from hatehub.audit.services import verify_chain


class Command(BaseCommand):
    help = (
        "Check the audit log's hash chain; exits non-zero and names each entry that was "
        "changed or removed."
    )

    def handle(self, *args, **options) -> None:
        breaks = verify_chain()
        total = AuditEvent.objects.count()
        if breaks:
            for problem in breaks:
                self.stderr.write(f"Audit entry {problem.sequence}: {problem.problem}")
            raise CommandError(
                f"Audit log FAILED verification: {len(breaks)} problem(s) in {total} entries."
            )
        self.stdout.write(self.style.SUCCESS(f"Audit log intact: {total} entries verified."))
