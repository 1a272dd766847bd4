from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "hatehub.core"
    label = "core"
