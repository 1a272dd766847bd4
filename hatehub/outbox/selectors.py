from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.urls import reverse

from .models import OutboxMessage


def messages(status: str = "") -> QuerySet[OutboxMessage]:
    queryset = OutboxMessage.objects.all()
    if status:
        queryset = queryset.filter(status=status)
    return queryset


def counts_by_status() -> list[tuple[str, int]]:
    """(status label, number of messages) for every status, in the order of the workflow."""
    rows = OutboxMessage.objects.values("status").annotate(n=Count("id"))
    counts = {row["status"]: row["n"] for row in rows}
    return [(label, counts.get(value, 0)) for value, label in OutboxMessage.Status.choices]


PURPOSES = {
    "victim_update": "Update to a victim",
    "support_referral": "Support referral",
    "takedown_referral": "Takedown referral",
    "volunteer_invitation": "Volunteer invitation",
}


@dataclass(frozen=True)
class About:
    """What a message is about, for people: a label and, where there is one, the page."""

    label: str
    url: str = ""


def _case_about(label: str, reference: str | None) -> About:
    if not reference:
        return About(label)
    return About(f"{label}, case {reference}", reverse("cases:case", args=[reference]))


def describe(messages) -> None:
    """Set `purpose_label` and `about` on each message: "Update to a victim, case OHH-…" linking
    to the case, not "victim_message 248". One query per kind of subject on the page."""
    from hatehub.platforms.models import Referral as TakedownReferral
    from hatehub.support.models import Referral as SupportReferral
    from hatehub.victims.models import VictimMessage

    ids: dict[str, set[str]] = {}
    for message in messages:
        ids.setdefault(message.about_type, set()).add(message.about_id)

    def numbers(kind: str) -> list[int]:
        return [int(value) for value in ids.get(kind, ()) if value.isdigit()]

    victim_cases = dict(
        VictimMessage.objects.filter(pk__in=numbers("victim_message")).values_list(
            "pk", "case__reference"
        )
    )
    support_cases = dict(
        SupportReferral.objects.filter(pk__in=numbers("support_referral")).values_list(
            "pk", "case__reference"
        )
    )
    takedowns = set(
        TakedownReferral.objects.filter(reference__in=ids.get("referral", ())).values_list(
            "reference", flat=True
        )
    )
    for message in messages:
        kind, key = message.about_type, message.about_id
        message.purpose_label = PURPOSES.get(message.purpose, message.purpose.replace("_", " "))
        if kind == "victim_message":
            about = _case_about(
                "Update to a victim", victim_cases.get(int(key)) if key.isdigit() else None
            )
        elif kind == "support_referral":
            about = _case_about(
                "Support referral", support_cases.get(int(key)) if key.isdigit() else None
            )
        elif kind == "referral":
            about = (
                About(f"Takedown referral {key}", reverse("platforms:referral", args=[key]))
                if key in takedowns
                else About(f"Takedown referral {key}")
            )
        elif kind == "volunteer":
            about = About("A volunteer's invitation to the hub")
        else:
            about = About(kind.replace("_", " ").capitalize() if kind else "Not recorded")
        message.about = about
