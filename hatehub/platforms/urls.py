from django.urls import path

from . import views

app_name = "platforms"

urlpatterns = [
    path("", views.platform_list, name="directory"),
    path("new/", views.platform_new, name="platform_new"),
    path("directory/<slug:slug>/", views.platform_edit, name="platform_edit"),
    path("directory/<slug:slug>/callback-key/", views.platform_secret, name="platform_secret"),
    path("referrals/", views.referral_list, name="referrals"),
    path("referrals/hashes.csv", views.hash_export, name="hash_export"),
    path("referrals/new/<str:reference>/", views.referral_new, name="referral_new"),
    path("referrals/<str:referral>/", views.referral_detail, name="referral"),
    path("referrals/<str:referral>/send/", views.referral_send, name="referral_send"),
    path(
        "referrals/<str:referral>/submitted/", views.referral_submitted, name="referral_submitted"
    ),
    path("referrals/<str:referral>/retry/", views.referral_retry, name="referral_retry"),
    path(
        "referrals/<str:referral>/items/<int:number>/status/",
        views.item_status,
        name="item_status",
    ),
    path("referrals/<str:referral>/items/<int:number>/check/", views.item_check, name="item_check"),
]
