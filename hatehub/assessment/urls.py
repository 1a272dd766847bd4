from django.urls import path

from . import views

app_name = "assessment"
urlpatterns = [
    path("cases/<str:reference>/assess/", views.start, name="start"),
    path("cases/<str:reference>/assessment/answers/", views.answers, name="answers"),
    path("cases/<str:reference>/assessment/decision/", views.decision, name="decision"),
    path("cases/<str:reference>/assessment/confirm/", views.confirm, name="confirm"),
    path("assessments/disagreements/", views.disagreements, name="disagreements"),
    path("assessments/<int:assessment_id>/review/", views.review, name="review"),
]
