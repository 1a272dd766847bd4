from django.urls import path

from . import views

app_name = "support"

urlpatterns = [
    path("", views.directory, name="directory"),
    path("services/new/", views.service_new, name="service_new"),
    path("services/<int:pk>/edit/", views.service_edit, name="service_edit"),
    path("referrals/", views.referrals, name="referrals"),
    path("referrals/<int:pk>/", views.referral_detail, name="referral"),
    path("cases/<str:reference>/refer/", views.refer, name="refer"),
    path("acknowledge/<str:token>/", views.acknowledge, name="acknowledge"),
]
