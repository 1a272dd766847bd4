from django.apps import AppConfig


class EvidenceConfig(AppConfig):
    name = "hatehub.evidence"
    label = "evidence"
