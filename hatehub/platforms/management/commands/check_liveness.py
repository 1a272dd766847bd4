"""Check whether referred items are still up: one liveness task per item."""

import json

from django.core.management.base import BaseCommand, CommandError

from hatehub.audit.services import acting_as
from hatehub.platforms import services
from hatehub.platforms.models import Referral


class Command(BaseCommand):
    help = (
        "Enqueue a liveness check for every referred item not yet taken down or refused "
        "(or those of one referral): 404/410 marks it removed, 451 geo-blocked."
    )

    def add_arguments(self, parser):
        parser.add_argument("--referral", help="Only this referral's items (e.g. TR-2026-000001)")
        parser.add_argument(
            "--limit", type=int, default=1000, help="At most this many items (oldest sent first)"
        )

    def handle(self, *args, referral: str | None, limit: int, **options):
        items = services.liveness.liveness_due_items().order_by("sent_at", "pk")
        if referral:
            if not Referral.objects.filter(reference=referral).exists():
                raise CommandError(f"No referral {referral}")
            items = items.filter(referral__reference=referral)
        ids = list(items.values_list("pk", flat=True)[:limit])
        with acting_as("command:check_liveness"):
            count = services.liveness.enqueue_liveness_checks(items.filter(pk__in=ids))
        self.stdout.write(json.dumps({"enqueued": count}))
