from django.apps import AppConfig


class SuspectsConfig(AppConfig):
    name = "hatehub.suspects"
    label = "suspects"
    verbose_name = "Suspects: identified people, their accounts, and identification requests"
