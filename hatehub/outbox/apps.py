from django.apps import AppConfig


class OutboxConfig(AppConfig):
    name = "hatehub.outbox"
    label = "outbox"
    verbose_name = "Outbox: every message the hub sends, delivered once, with retries"
