"""The outbox tells us when a complainant's message was delivered, or finally failed; cases
and assessment tell us of Victims' Code events (hatehub.cases.signals.victims_code_event)."""

PURPOSE = "victim_update"


def sent(sender, message, **kwargs) -> None:
    if message.purpose == PURPOSE:
        from .services.updates import delivery_succeeded

        delivery_succeeded(message)


def failed(sender, message, **kwargs) -> None:
    if message.purpose == PURPOSE:
        from .services.updates import delivery_failed

        delivery_failed(message)


def victims_code_event(
    sender, *, case, event: str, at=None, details=None, reports=None, by=None, **kwargs
) -> None:
    from .services.events import record_event

    record_event(case, event, at=at, details=details, reports=reports, by=by)
