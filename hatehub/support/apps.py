from django.apps import AppConfig


class SupportConfig(AppConfig):
    name = "hatehub.support"
    label = "support"
    verbose_name = "Support: the directory of support services and referrals to them"

    def ready(self) -> None:
        from hatehub.outbox.signals import message_failed, message_sent

        from . import services

        message_sent.connect(services.on_message_sent, dispatch_uid="support_referral_sent")
        message_failed.connect(services.on_message_failed, dispatch_uid="support_referral_failed")
