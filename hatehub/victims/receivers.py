"""The outbox tells us when a complainant's message was delivered, or finally failed."""

PURPOSE = "victim_update"


def sent(sender, message, **kwargs) -> None:
    if message.purpose == PURPOSE:
        from .services import delivery_succeeded

        delivery_succeeded(message)


def failed(sender, message, **kwargs) -> None:
    if message.purpose == PURPOSE:
        from .services import delivery_failed

        delivery_failed(message)
