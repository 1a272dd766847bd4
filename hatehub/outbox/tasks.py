from django_tasks import task


@task()
def deliver(message_id: int) -> str:
    """Deliver one outbox message (safe to run twice: a sent message is not sent again)."""
    from .services import deliver_message

    return deliver_message(message_id)


@task()
def deliver_due() -> dict:
    """The sweep: retries that are due, lost tasks and crashed workers' claims."""
    from .services import deliver_due as sweep

    return sweep()
