from django.apps import AppConfig


class AssessmentConfig(AppConfig):
    name = "hatehub.assessment"
    label = "assessment"
    verbose_name = "Assessment: crime, hate incident or neither, and how urgent"

    def ready(self):
        # Registers the rule-table system check (checks.py): broken rules fail start-up.
        from hatehub.assessment import checks  # noqa: F401
        from hatehub.cases.services import use_offences

        from .rules import load_rules

        use_offences(lambda: load_rules().offences)  # the time limits of outcome 17
