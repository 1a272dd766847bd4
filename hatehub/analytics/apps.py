from django.apps import AppConfig


class AnalyticsConfig(AppConfig):
    name = "hatehub.analytics"
    label = "analytics"
    verbose_name = "Analytics: trends, surges and campaigns"
