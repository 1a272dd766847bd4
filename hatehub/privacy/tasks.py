from django_tasks import task


@task()
def retention_sweep() -> dict:
    """Open reviews for records the retention schedule says are due; clear NCHI subjects' data
    where the Code's test is not met (see `services.sweep`)."""
    from hatehub.audit.services import acting_as

    from .services import sweep

    with acting_as("task:retention_sweep"):
        return sweep().as_dict()
