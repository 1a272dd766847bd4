"""The audit log's page, at /hub/audit/ (namespace `audit`, as when it was the audit app's)."""

from django.urls import path

from . import audit_log

app_name = "audit"
urlpatterns = [
    path("", audit_log.log, name="log"),
]
