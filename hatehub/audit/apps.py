from django.apps import AppConfig


class AuditConfig(AppConfig):
    name = "hatehub.audit"
    label = "audit"
