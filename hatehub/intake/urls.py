from django.urls import path

from . import views

app_name = "intake"
urlpatterns = [
    path("", views.start, name="start"),
    path("immediate-danger/", views.immediate_danger, name="immediate_danger"),
    path("check-answers/", views.check_answers, name="check_answers"),
    path("confirmation/", views.confirmation, name="confirmation"),
    # The evidence step has its own view (files, and a Remove button per file); it comes before
    # the catch-all so the step's ordinary URL, /report/evidence/, reaches it.
    path("evidence/", views.evidence, name="evidence"),
    path("evidence/remove/", views.remove_evidence, name="remove_evidence"),
    path("<slug:slug>/", views.step, name="step"),
]
