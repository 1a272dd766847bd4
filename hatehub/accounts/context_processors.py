from django.conf import settings

from hatehub.core.extensions import navigation

from . import roles
from .access import landing_url


def service(request) -> dict:
    user = getattr(request, "user", None)
    return {
        "service_name": settings.HUB_SERVICE_NAME,
        "staff_service_name": settings.HUB_STAFF_SERVICE_NAME,
        "exit_page_url": settings.HUB_EXIT_PAGE_URL,
        "can_read_audit_log": roles.reads_audit_log(user),
        "works_cases": roles.works_cases(user),
        "navigation_items": navigation(user) if user is not None else [],
        "home_url": landing_url(user),
    }
