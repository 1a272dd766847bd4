from django.urls import path

from . import views

app_name = "intelligence"

urlpatterns = [
    path("", views.report_list, name="list"),
    path("new/", views.create, name="create"),
    path("<str:reference>/", views.detail, name="detail"),
    path("<str:reference>/edit/", views.edit, name="edit"),
    path("<str:reference>/submit/", views.submit, name="submit"),
    path("<str:reference>/review/", views.review, name="review"),
    path("<str:reference>/disseminate/", views.disseminate, name="disseminate"),
]
