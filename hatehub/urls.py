from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from hatehub.core.views import about_data, health
from hatehub.intake.api import api

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="intake:start", permanent=False)),
    path("report/", include("hatehub.intake.urls")),
    path("api/v1/", api.urls),
    path("hub/", include("hatehub.cases.urls")),
    path("hub/", include("hatehub.matching.urls")),
    path("hub/", include("hatehub.assessment.urls")),
    path("hub/audit/", include("hatehub.audit.urls")),
    path("accounts/", include("hatehub.accounts.urls")),
    path("admin/", admin.site.urls),
    path("healthz", health, name="health"),
    path("about/data/", about_data, name="about_data"),
]

handler403 = "hatehub.core.views.forbidden"
handler404 = "hatehub.core.views.not_found"
