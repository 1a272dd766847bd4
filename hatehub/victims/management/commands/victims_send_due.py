"""``manage.py victims_send_due``: send complainant messages that were waiting for a time the
complainant allows (the sweep behind the deferred task; run it every few minutes)."""

from django.core.management.base import BaseCommand

from hatehub.victims.services.updates import send_due_messages


class Command(BaseCommand):
    help = "Send Victims' Code messages whose waiting time (the complainant's wishes) has passed."

    def handle(self, *args, **options) -> None:
        sent = send_due_messages()
        self.stdout.write(f"{sent} message(s) handed to the outbox")
