from django.urls import path

from . import views

app_name = "volunteers"

urlpatterns = [
    path("", views.home, name="home"),
    path("send/", views.submit_links, name="submit"),
    path("upload/", views.upload, name="upload"),
    path("upload/template.csv", views.csv_template, name="csv_template"),
    path("batches/<int:pk>/", views.batch, name="batch"),
    path("manage/", views.manage, name="manage"),
    path("manage/invite/", views.invite, name="invite"),
    path("manage/volunteers/<int:pk>/new-link/", views.reissue, name="reissue"),
    path("manage/quality/", views.quality, name="quality"),
    path("set-password/<str:token>/", views.set_password, name="set_password"),
]
