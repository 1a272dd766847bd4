from django.apps import AppConfig


class AdviceConfig(AppConfig):
    name = "hatehub.advice"
    label = "advice"
    verbose_name = "Advice: the best-practice library and advice requests from forces"
