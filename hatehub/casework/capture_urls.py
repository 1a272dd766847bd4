from django.urls import path

from . import captures

app_name = "evidence"

urlpatterns = [
    path("cases/<str:reference>/captures/new/", captures.capture, name="capture"),
    path(
        "cases/<str:reference>/captures/files/<int:evidence_id>/",
        captures.capture_file,
        name="capture_file",
    ),
    path(
        "cases/<str:reference>/evidence/<int:evidence_id>/continuity/",
        captures.continuity,
        name="continuity",
    ),
]
