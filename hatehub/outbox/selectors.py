from dataclasses import dataclass

from django.db.models import Count, QuerySet
from django.urls import reverse

from hatehub.core.extensions import app_modules

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


def case_about(label: str, reference: str | None) -> About:
    if not reference:
        return About(label)
    return About(f"{label}, case {reference}", reverse("cases:case", args=[reference]))


def describe(messages) -> None:
    """Set `purpose_label` and `about` on each message: "Update to a victim, case OHH-…" linking
    to the case, not "victim_message 248". One query per kind of subject on the page. The apps
    that send messages say what their subjects are (their `outbox_subjects.py`: `KIND` and
    `describe(keys)`): the outbox is below them and does not read their tables."""
    ids: dict[str, set[str]] = {}
    for message in messages:
        ids.setdefault(message.about_type, set()).add(message.about_id)
    described: dict[tuple[str, str], About] = {}
    for module in app_modules("outbox_subjects"):
        if ids.get(module.KIND):
            for key, about in module.describe(ids[module.KIND]).items():
                described[(module.KIND, key)] = about
    for message in messages:
        kind, key = message.about_type, message.about_id
        message.purpose_label = PURPOSES.get(message.purpose, message.purpose.replace("_", " "))
        if (kind, key) in described:
            about = described[(kind, key)]
        elif kind == "volunteer":
            about = About("A volunteer's invitation to the hub")
        else:
            about = About(kind.replace("_", " ").capitalize() if kind else "Not recorded")
        message.about = about
