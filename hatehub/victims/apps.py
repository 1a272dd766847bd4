from django.apps import AppConfig


class VictimsConfig(AppConfig):
    name = "hatehub.victims"
    label = "victims"
    verbose_name = "Victims: Victims' Code deadlines, updates and support"

    def ready(self) -> None:
        from hatehub.cases.signals import victims_code_event
        from hatehub.outbox.models import OutboxMessage
        from hatehub.outbox.signals import message_failed, message_sent

        from . import receivers

        message_sent.connect(receivers.sent, sender=OutboxMessage, dispatch_uid="victims.sent")
        message_failed.connect(
            receivers.failed, sender=OutboxMessage, dispatch_uid="victims.failed"
        )
        victims_code_event.connect(
            receivers.victims_code_event, dispatch_uid="victims.victims_code_event"
        )
