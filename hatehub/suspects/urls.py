from django.urls import path

from . import views

app_name = "suspects"

urlpatterns = [
    path("", views.people, name="people"),
    path("people/new/", views.person_new, name="person_new"),
    path("people/<str:person_ref>/", views.person_detail, name="person"),
    path("people/<str:person_ref>/link/", views.person_link, name="link"),
    path(
        "people/<str:person_ref>/links/<int:link_id>/unlink/",
        views.person_unlink,
        name="unlink",
    ),
    path("accounts/<int:account_id>/", views.account_detail, name="account"),
    path("accounts/<int:account_id>/requests/new/", views.request_new, name="request_new"),
    path("requests/", views.requests_list, name="requests"),
    path("requests/<str:request_ref>/", views.request_detail, name="request"),
    path("requests/<str:request_ref>/edit/", views.request_edit, name="request_edit"),
    path("requests/<str:request_ref>/submit/", views.request_submit, name="request_submit"),
    path("requests/<str:request_ref>/review/", views.request_review, name="request_review"),
    path(
        "requests/<str:request_ref>/authorisation/",
        views.request_authorise,
        name="request_authorise",
    ),
    path("requests/<str:request_ref>/send/", views.request_send, name="request_send"),
    path("requests/<str:request_ref>/response/", views.request_response, name="request_response"),
    path(
        "requests/<str:request_ref>/attachments/<int:attachment_id>/",
        views.attachment_download,
        name="attachment",
    ),
]
