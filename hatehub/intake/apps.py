from django.apps import AppConfig


class IntakeConfig(AppConfig):
    name = "hatehub.intake"
    label = "intake"
