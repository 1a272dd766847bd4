from django_tasks import task


@task()
def check_item(item_id: int) -> str | None:
    """Fetch a referred item's address and record what came back (404/410: removed; 451:
    geo-blocked). Safe to run again: each run is one more check on the record."""
    from .models import ReferralItem
    from .services.liveness import check_liveness

    item = ReferralItem.objects.filter(pk=item_id).first()
    if item is None:
        return None
    return check_liveness(item).outcome
