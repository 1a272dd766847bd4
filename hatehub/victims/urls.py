from django.urls import path

from . import views

app_name = "victims"

urlpatterns = [
    path("", views.dashboard, name="dashboard"),
    path("updates/<int:pk>/", views.update, name="update"),
    path("updates/<int:pk>/given/", views.given, name="given"),
]
