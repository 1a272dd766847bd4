from django.urls import path

from . import views

app_name = "matching"
urlpatterns = [
    path("cases/<str:reference>/merge/", views.merge, name="merge"),
    path("cases/<str:reference>/split/", views.split, name="split"),
    path("cases/<str:reference>/merges/<int:merge_id>/undo/", views.undo_merge, name="undo"),
    path(
        "cases/<str:reference>/possible-matches/<int:match_id>/dismiss/",
        views.dismiss,
        name="dismiss",
    ),
]
