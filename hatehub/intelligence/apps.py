from django.apps import AppConfig


class IntelligenceConfig(AppConfig):
    name = "hatehub.intelligence"
    label = "intelligence"
    verbose_name = "Intelligence: graded reports and exports to police systems"
