from django.urls import path

from . import views

app_name = "advice"

urlpatterns = [
    path("", views.library, name="library"),
    path("articles/new/", views.article_new, name="article_new"),
    path("articles/<int:pk>/", views.article, name="article"),
    path("articles/<int:pk>/edit/", views.article_edit, name="article_edit"),
    path("articles/<int:pk>/versions/<int:number>/", views.article_version, name="article_version"),
    path("requests/", views.requests, name="requests"),
    path("requests/new/", views.request_new, name="request_new"),
    path("requests/<int:pk>/", views.request_detail, name="request"),
    path("requests/<int:pk>/answer/", views.answer, name="answer"),
    path("requests/<int:pk>/publish/", views.publish, name="publish"),
]
