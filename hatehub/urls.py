from django.contrib import admin
from django.urls import include, path
from django.views.generic import RedirectView

from hatehub.api import api
from hatehub.core.views import about_data, health

urlpatterns = [
    path("", RedirectView.as_view(pattern_name="intake:start", permanent=False)),
    path("report/", include("hatehub.intake.urls")),
    path("api/v1/", api.urls),
    path("hub/", include("hatehub.casework.urls")),
    path("hub/", include("hatehub.matching.urls")),
    path("hub/", include("hatehub.assessment.urls")),
    path("hub/audit/", include("hatehub.accounts.audit_log_urls")),
    path("hub/", include("hatehub.casework.capture_urls")),
    path("hub/", include("hatehub.packages.urls")),
    path("hub/victims/", include("hatehub.victims.urls")),
    path("track/", include("hatehub.victims.public_urls")),
    path("hub/outbox/", include("hatehub.outbox.urls")),
    path("hub/support/", include("hatehub.support.urls")),
    path("hub/reviews/", include("hatehub.reviews.urls")),
    path("hub/platforms/", include("hatehub.platforms.urls")),
    path("hub/suspects/", include("hatehub.suspects.urls")),
    path("hub/intelligence/", include("hatehub.intelligence.urls")),
    path("volunteer/", include("hatehub.volunteers.urls")),
    path("hub/training/", include("hatehub.training.urls")),
    path("hub/advice/", include("hatehub.advice.urls")),
    path("hub/analytics/", include("hatehub.analytics.urls")),
    path("hub/privacy/", include("hatehub.privacy.urls")),
    path("accounts/", include("hatehub.accounts.urls")),
    path("admin/", admin.site.urls),
    path("healthz", health, name="health"),
    path("about/data/", about_data, name="about_data"),
]

handler403 = "hatehub.core.errors.forbidden"
handler404 = "hatehub.core.errors.not_found"
