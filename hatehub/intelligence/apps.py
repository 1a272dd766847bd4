from django.apps import AppConfig


class IntelligenceConfig(AppConfig):
    name = "hatehub.intelligence"
    label = "intelligence"
    verbose_name = "Intelligence: graded reports and exports to police systems"

    def ready(self):
        # Registers the grading-rules system check: a broken rules file fails start-up.
        from hatehub.intelligence import checks  # noqa: F401
