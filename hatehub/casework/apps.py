from django.apps import AppConfig


class CaseworkConfig(AppConfig):
    name = "hatehub.casework"
    label = "casework"
    verbose_name = "Casework: the staff pages of cases (queue, case page, captures)"
