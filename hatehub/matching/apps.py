from django.apps import AppConfig


class MatchingConfig(AppConfig):
    name = "hatehub.matching"
    label = "matching"
    verbose_name = "Matching: duplicate reports and the accounts behind them"
