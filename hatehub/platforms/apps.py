from django.apps import AppConfig


class PlatformsConfig(AppConfig):
    name = "hatehub.platforms"
    label = "platforms"
    verbose_name = "Platforms: takedown referrals tracked to removal, and hash sharing"
