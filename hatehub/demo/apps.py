from django.apps import AppConfig


class DemoConfig(AppConfig):
    name = "hatehub.demo"
    label = "demo"
