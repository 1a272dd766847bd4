from django.core.management.base import BaseCommand, CommandError

from hatehub.accounts.models import Organisation
from hatehub.accounts.services import issue_api_key


class Command(BaseCommand):
    help = "Issue an API key to a partner organisation (created if new) and print it once."

    def add_arguments(self, parser) -> None:
        parser.add_argument("organisation", help="Organisation name")
        parser.add_argument(
            "--create", action="store_true", help="Create the organisation if missing"
        )

    def handle(self, *args, **options) -> None:
        name = options["organisation"]
        organisation = Organisation.objects.filter(name=name).first()
        if organisation is None:
            if not options["create"]:
                raise CommandError(f"No organisation called {name!r}; pass --create to add it.")
            organisation = Organisation.objects.create(name=name)
        key = issue_api_key(
            organisation=organisation, reason="issued with the issue_api_key command"
        )
        self.stdout.write(f"API key for {organisation.name} (shown once, store it safely):\n{key}")
