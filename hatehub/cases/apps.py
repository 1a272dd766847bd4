from django.apps import AppConfig


class CasesConfig(AppConfig):
    name = "hatehub.cases"
    label = "cases"

    def ready(self) -> None:
        from hatehub.evidence.signals import page_captured

        from . import receivers

        page_captured.connect(receivers.page_captured, dispatch_uid="cases.page_captured")
