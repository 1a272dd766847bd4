"""Who may open a staff page: one decorator for every hub view.

Anonymous people are sent to sign in (with `next`), signed-in people whose role does not allow
the page get the 403 page. Pages are never cached: they show personal data.
"""

from collections.abc import Callable
from functools import wraps

from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
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
