from django_tasks import task


@task()
def send_confirmation_task(report_id: int) -> str:
    """The written confirmation of a report. Safe to retry: one confirmation per report."""
    from .services import send_confirmation

    message = send_confirmation(report_id)
    return message.status if message is not None else "not_contactable"


@task()
def send_scheduled_message(message_id: int) -> str:
    """A message that waited for a time the complainant allows. Safe to retry."""
    from .services import send_scheduled

    message = send_scheduled(message_id)
    return message.status if message is not None else "not_due"
