from django.apps import AppConfig


class CoreConfig(AppConfig):
    name = "hatehub.core"
    label = "core"

    def ready(self) -> None:
        from hatehub.core import checks  # noqa: F401  (registers the deployment checks)
