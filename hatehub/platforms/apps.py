from django.apps import AppConfig


class PlatformsConfig(AppConfig):
    name = "hatehub.platforms"
    label = "platforms"
    verbose_name = "Platforms: takedown referrals tracked to removal, and hash sharing"

    def ready(self) -> None:
        from hatehub.outbox.models import OutboxMessage
        from hatehub.outbox.signals import message_failed, message_sent

        from . import services

        message_sent.connect(
            services.sending.on_message_sent, sender=OutboxMessage, dispatch_uid="platforms_sent"
        )
        message_failed.connect(
            services.sending.on_message_failed,
            sender=OutboxMessage,
            dispatch_uid="platforms_failed",
        )
