"""What the outbox's support referrals are about, for the outbox's pages and erasure (the
outbox is below support, so it asks here rather than reading support's tables)."""

from hatehub.outbox.selectors import About, case_about

from .models import Referral

KIND = "support_referral"


def describe(keys: set[str]) -> dict[str, About]:
    cases = dict(
        Referral.objects.filter(pk__in=[int(k) for k in keys if k.isdigit()]).values_list(
            "pk", "case__reference"
        )
    )
    return {
        key: case_about("Support referral", cases.get(int(key)) if key.isdigit() else None)
        for key in keys
    }


def of_case(case) -> set[tuple[str, str]]:
    ids = Referral.objects.filter(case=case).values_list("pk", flat=True)
    return {(KIND, str(pk)) for pk in ids}
