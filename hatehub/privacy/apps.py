from django.apps import AppConfig


class PrivacyConfig(AppConfig):
    name = "hatehub.privacy"
    label = "privacy"
    verbose_name = "Privacy: retention schedules, erasure and subject access"

    def ready(self):
        # Registers the retention-schedule system check: a broken schedule fails start-up.
        from hatehub.privacy import checks  # noqa: F401
