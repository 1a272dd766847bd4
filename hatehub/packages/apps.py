from django.apps import AppConfig


class PackagesConfig(AppConfig):
    name = "hatehub.packages"
    label = "packages"
    verbose_name = "Packages: the evidence package a local force receives"
