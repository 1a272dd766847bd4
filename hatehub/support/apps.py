from django.apps import AppConfig


class SupportConfig(AppConfig):
    name = "hatehub.support"
    label = "support"
    verbose_name = "Support: the directory of support services and referrals to them"
