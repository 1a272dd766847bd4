from django.apps import AppConfig


class JurisdictionConfig(AppConfig):
    name = "hatehub.jurisdiction"
    label = "jurisdiction"
