from django_tasks import task


@task()
def retention_sweep() -> dict:
    """Open reviews for records the retention schedule says are due; clear NCHI subjects' data
    where the Code's test is not met (see `services.sweep`)."""
    from hatehub.audit.services import acting_as

    from .services import sweep

    with acting_as("task:retention_sweep"):
        return sweep().as_dict()


@task()
def clear_expired_sessions() -> None:
    """Delete sessions that have gone idle, as Django's `clearsessions` does: a report form
    half filled in and left holds the person's answers, and an expired session stays in the
    database until it is deleted. Sessions in Redis (HUB_REDIS_URL) expire by themselves."""
    from importlib import import_module

    from django.conf import settings

    import_module(settings.SESSION_ENGINE).SessionStore.clear_expired()
