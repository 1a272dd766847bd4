"""Who may open a staff page: one decorator for every hub view.

Anonymous people are sent to sign in (with `next`), signed-in people whose role does not allow
the page get the 403 page. Pages are never cached: they show personal data.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.shortcuts import resolve_url
from django.views.decorators.cache import never_cache

from . import roles


def staff_view(allowed: Callable[[object], bool]):
    """`@staff_view(roles.works_cases)`: sign-in required, then the role question must say yes."""

    def decorator(view):
        @wraps(view)
        def wrapped(request, *args, **kwargs):
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            if not allowed(request.user):
                raise PermissionDenied
            return view(request, *args, **kwargs)

        return never_cache(wrapped)

    return decorator


casework = staff_view(roles.works_cases)
audit_readers = staff_view(roles.reads_audit_log)
allocators = staff_view(roles.allocates_cases)
force_users = staff_view(roles.responds_to_allocations)


def landing_url(user) -> str:
    """Each role lands where its work is: casework in the queue, volunteers on their own page,
    analysts on the figures, partners in the API description (API only)."""
    if roles.works_cases(user):
        return resolve_url("cases:queue")
    if roles.reports_as_volunteer(user):
        return resolve_url("volunteers:home")
    if roles.reads_analytics(user):
        return resolve_url("analytics:dashboard")
    if user is not None and user.is_authenticated:
        return resolve_url("api:openapi-view")
    return resolve_url("accounts:login")
