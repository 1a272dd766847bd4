from django.apps import AppConfig


class ReviewsConfig(AppConfig):
    name = "hatehub.reviews"
    label = "reviews"
    verbose_name = "Reviews: the Victims' Right to Review"
