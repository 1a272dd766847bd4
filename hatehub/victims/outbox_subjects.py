"""What the outbox's messages to victims are about, for the outbox's pages and erasure (the
outbox is below victims, so it asks here rather than reading victims' tables)."""

from hatehub.outbox.selectors import About, case_about

from .models import VictimMessage

KIND = "victim_message"


def describe(keys: set[str]) -> dict[str, About]:
    cases = dict(
        VictimMessage.objects.filter(pk__in=[int(k) for k in keys if k.isdigit()]).values_list(
            "pk", "case__reference"
        )
    )
    return {
        key: case_about("Update to a victim", cases.get(int(key)) if key.isdigit() else None)
        for key in keys
    }


def of_case(case) -> set[tuple[str, str]]:
    ids = VictimMessage.objects.filter(case=case).values_list("pk", flat=True)
    return {(KIND, str(pk)) for pk in ids}
