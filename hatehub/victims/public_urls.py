"""Track my report: public pages, mounted at /track/ (see docs/victims.md)."""

from django.urls import path

from . import public_views

app_name = "track"

urlpatterns = [
    path("", public_views.start, name="start"),
    path("link/<str:token>/", public_views.link, name="link"),
    path("report/", public_views.report, name="report"),
    path("leave/", public_views.leave, name="leave"),
]
