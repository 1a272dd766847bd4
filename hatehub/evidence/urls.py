from django.urls import path

from . import views

app_name = "evidence"

urlpatterns = [
    path("cases/<str:reference>/captures/new/", views.capture, name="capture"),
    path(
        "cases/<str:reference>/captures/files/<int:evidence_id>/",
        views.capture_file,
        name="capture_file",
    ),
    path(
        "cases/<str:reference>/evidence/<int:evidence_id>/continuity/",
        views.continuity,
        name="continuity",
    ),
]
