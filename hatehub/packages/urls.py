from django.urls import path

from . import views

app_name = "packages"

urlpatterns = [
    path("cases/<str:reference>/packages/", views.generate, name="generate"),
    path(
        "cases/<str:reference>/packages/<int:number>/zip",
        views.download_zip,
        name="download_zip",
    ),
    path(
        "cases/<str:reference>/packages/<int:number>/pdf",
        views.download_pdf,
        name="download_pdf",
    ),
]
