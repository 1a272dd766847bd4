from django.urls import path

from . import views

app_name = "privacy"

urlpatterns = [
    path("", views.reviews, name="reviews"),
    path("reviews/<int:pk>/", views.review, name="review"),
    path("cases/<str:reference>/erase/", views.erase_case, name="erase_case"),
    path("erasures/", views.erasures, name="erasures"),
    path("subject-access/", views.subject_access, name="subject_access"),
    path("subject-access/export/", views.subject_access_export, name="subject_access_export"),
]
