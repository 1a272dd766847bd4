"""Manage intelligence recipients and their export keys.

    manage.py intelligence_recipient add "Merseyside FIB" --force merseyside --email fib@...
    manage.py intelligence_recipient issue-key "Merseyside FIB" --reason "new system"
    manage.py intelligence_recipient revoke-key <prefix> --reason "rotated"
    manage.py intelligence_recipient list

A key is printed once; only its hash is kept.
"""

from django.core.management.base import BaseCommand, CommandError

from hatehub.audit.services import acting_as
from hatehub.intelligence import services
from hatehub.intelligence.models import IntelligenceRecipient, RecipientKey
from hatehub.jurisdiction.models import Force


class Command(BaseCommand):
    help = "Add intelligence recipients, issue and revoke their export keys."

    def add_arguments(self, parser):
        sub = parser.add_subparsers(dest="action", required=True)
        add = sub.add_parser("add")
        add.add_argument("name")
        add.add_argument("--force", help="police_uk_id of the recipient's force, if any")
        add.add_argument("--email", default="")
        issue = sub.add_parser("issue-key")
        issue.add_argument("name")
        issue.add_argument("--reason", required=True)
        revoke = sub.add_parser("revoke-key")
        revoke.add_argument("prefix")
        revoke.add_argument("--reason", required=True)
        sub.add_parser("list")

    def handle(self, *args, **options):
        with acting_as("command:intelligence_recipient", user=None):
            getattr(self, "_" + options["action"].replace("-", "_"))(options)

    def _recipient(self, name: str) -> IntelligenceRecipient:
        recipient = IntelligenceRecipient.objects.filter(name__iexact=name.strip()).first()
        if recipient is None:
            raise CommandError(f"No intelligence recipient named {name!r}")
        return recipient

    def _add(self, options) -> None:
        force = None
        if options["force"]:
            force = Force.objects.filter(police_uk_id=options["force"]).first()
            if force is None:
                raise CommandError(f"No force {options['force']!r} (use its police_uk_id)")
        if IntelligenceRecipient.objects.filter(name__iexact=options["name"].strip()).exists():
            raise CommandError(f"A recipient named {options['name']!r} already exists")
        recipient = services.add_recipient(
            name=options["name"], force=force, contact_email=options["email"]
        )
        self.stdout.write(f"Added {recipient.name}")

    def _issue_key(self, options) -> None:
        recipient = self._recipient(options["name"])
        self.stdout.write(services.issue_key(recipient, reason=options["reason"]))
        self.stderr.write("Shown once: give it to the recipient now.")

    def _revoke_key(self, options) -> None:
        if not RecipientKey.objects.filter(prefix=options["prefix"]).exists():
            raise CommandError(f"No key with prefix {options['prefix']!r}")
        key = services.revoke_key(options["prefix"], reason=options["reason"])
        self.stdout.write(f"Revoked {key.prefix} of {key.recipient.name}")

    def _list(self, options) -> None:
        for recipient in IntelligenceRecipient.objects.select_related("force"):
            keys = recipient.keys.filter(revoked_at__isnull=True).values_list("prefix", flat=True)
            force = recipient.force.police_uk_id if recipient.force else "-"
            state = "active" if recipient.is_active else "inactive"
            self.stdout.write(f"{recipient.name}\t{force}\t{state}\tkeys: {', '.join(keys) or '-'}")
