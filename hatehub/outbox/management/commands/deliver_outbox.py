from django.core.management.base import BaseCommand

from hatehub.outbox.services import deliver_due


class Command(BaseCommand):
    help = "Deliver outbox messages that are due: retries, lost tasks and crashed workers' claims."

    def handle(self, *args, **options) -> None:
        outcomes = deliver_due()
        summary = ", ".join(f"{n} {status}" for status, n in sorted(outcomes.items()))
        self.stdout.write(f"Outbox: {summary or 'nothing due'}")
