import logging

from django_tasks import task


@task()
def send_confirmation_task(report_id: int) -> str:
    """The written confirmation of a report. Safe to retry: one confirmation per report."""
    from hatehub.audit.services import deferred
    from hatehub.core.db import retried_on_conflict

    from .services.updates import send_confirmation

    def send():
        with deferred():  # write its audit entries last: see audit.services.deferred
            return send_confirmation(report_id)

    message = retried_on_conflict(send)
    return message.status if message is not None else "not_contactable"


@task()
def send_confirmations_task(report_ids: list[int]) -> int:
    """The written confirmations of a batch of reports recorded together in a surge (one task,
    not one each). Each is sent as `send_confirmation_task` sends it, so a retry sends none
    twice; one that fails does not stop the rest, and fails the task once they are done."""
    failed = None
    for report_id in report_ids:
        try:
            send_confirmation_task.call(report_id)
        except Exception as error:  # noqa: BLE001 (the others still go out)
            logging.getLogger(__name__).exception("Confirmation of report %s failed", report_id)
            failed = error
    if failed is not None:
        raise failed
    return len(report_ids)


@task()
def send_scheduled_message(message_id: int) -> str:
    """A message that waited for a time the complainant allows. Safe to retry."""
    from .services.updates import send_scheduled

    message = send_scheduled(message_id)
    return message.status if message is not None else "not_due"
