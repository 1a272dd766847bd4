from django.apps import AppConfig


class ReportsConfig(AppConfig):
    name = "hatehub.reports"
    label = "reports"
    verbose_name = "Reports"
