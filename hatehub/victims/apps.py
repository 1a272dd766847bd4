from django.apps import AppConfig


class VictimsConfig(AppConfig):
    name = "hatehub.victims"
    label = "victims"
    verbose_name = "Victims: Victims' Code deadlines, updates and support"
