from django_tasks import task


@task()
def send_confirmation_task(report_id: int) -> str:
    """The written confirmation of a report. Safe to retry: one confirmation per report."""
    from hatehub.audit.services import deferred
    from hatehub.core.db import retried_on_conflict

    from .services import send_confirmation

    def send():
        with deferred():  # write its audit entries last: see audit.services.deferred
            return send_confirmation(report_id)

    message = retried_on_conflict(send)
    return message.status if message is not None else "not_contactable"


@task()
def send_scheduled_message(message_id: int) -> str:
    """A message that waited for a time the complainant allows. Safe to retry."""
    from .services import send_scheduled

    message = send_scheduled(message_id)
    return message.status if message is not None else "not_due"
