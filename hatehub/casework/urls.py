from django.urls import path

from . import views

app_name = "cases"
urlpatterns = [
    path("", views.queue, name="queue"),
    path("cases/<str:reference>/", views.case_detail, name="case"),
    path("cases/<str:reference>/allocate/", views.allocate, name="allocate"),
    path("cases/<str:reference>/assign/", views.assign_to_me, name="assign"),
    path("cases/<str:reference>/accept/", views.accept, name="accept"),
    path("cases/<str:reference>/return/", views.return_to_hub, name="return"),
    path("cases/<str:reference>/transfer/", views.request_transfer, name="transfer"),
    path("cases/<str:reference>/outcome/", views.record_outcome, name="outcome"),
    path(
        "cases/<str:reference>/evidence/<int:evidence_id>/",
        views.evidence_download,
        name="evidence",
    ),
    path(
        "cases/<str:reference>/evidence/<int:evidence_id>/thumbnail",
        views.evidence_thumbnail,
        name="evidence_thumbnail",
    ),
]
