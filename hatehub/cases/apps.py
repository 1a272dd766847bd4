from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "hatehub.cases"
    label = "cases"
