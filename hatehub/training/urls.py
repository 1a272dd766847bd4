from django.urls import path

from . import views

app_name = "training"

urlpatterns = [
    path("", views.modules, name="modules"),
    path("new/", views.new, name="new"),
    path("completions/", views.completions, name="completions"),
    path("<slug:slug>/", views.module, name="module"),
    path("<slug:slug>/check/", views.check, name="check"),
    path("<slug:slug>/edit/", views.edit, name="edit"),
    path("<slug:slug>/versions/<int:number>/", views.version, name="version"),
]
