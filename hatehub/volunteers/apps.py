from django.apps import AppConfig


class VolunteersConfig(AppConfig):
    name = "hatehub.volunteers"
    label = "volunteers"
    verbose_name = "Volunteers: bulk submissions from trained community volunteers"
