from django.apps import AppConfig


class TrainingConfig(AppConfig):
    name = "hatehub.training"
    label = "training"
    verbose_name = "Training: modules and knowledge checks for volunteers"
