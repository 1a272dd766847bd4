from django.db.models import Count, QuerySet

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
