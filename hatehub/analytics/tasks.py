from datetime import timedelta

from django_tasks import task

# How often the scheduler runs the check (hatehub/analytics/schedule.py): every quarter of an
# hour catches a surge within the hour it starts (each check tests the hour going on and the
# one just ended).
CHECK_EVERY = timedelta(minutes=15)


@task()
def detect_surges() -> int:
    """Test the current and previous hour for surges and store alerts. Safe to run twice: an
    alert is one row per series and hour."""
    from django.utils import timezone

    from .services import detect_surges as run

    return len(run(now=timezone.now()))
