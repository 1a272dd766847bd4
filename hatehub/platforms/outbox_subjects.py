"""What the outbox's takedown referrals are about, for the outbox's pages and erasure (the
outbox is below platforms, so it asks here rather than reading platforms' tables)."""

from django.urls import reverse

from hatehub.outbox.selectors import About

from .models import Referral, ReferralItem

KIND = "referral"


def describe(keys: set[str]) -> dict[str, About]:
    known = set(Referral.objects.filter(reference__in=keys).values_list("reference", flat=True))
    return {
        key: About(f"Takedown referral {key}", reverse("platforms:referral", args=[key]))
        if key in known
        else About(f"Takedown referral {key}")
        for key in keys
    }


def of_case(case) -> set[tuple[str, str]]:
    return {
        (KIND, ref)
        for ref in ReferralItem.objects.filter(case=case).values_list(
            "referral__reference", flat=True
        )
    }
