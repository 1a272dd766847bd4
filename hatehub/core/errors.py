"""The hub's error pages: 403 and 404 in the layout of whoever asked (staff or public). Any
app's view answers a missing page or a case the user may not see with `not_found`."""

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render


def layout_for(request: HttpRequest) -> str:
    """Signed-in staff keep the hub's header (and its Sign out); the public keep theirs."""
    user = getattr(request, "user", None)
    return "staff/base.html" if user is not None and user.is_authenticated else "public/base.html"


def forbidden(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "errors/403.html", {"layout": layout_for(request)}, status=403)


STAFF_PREFIX = "/hub/"


def not_found(request: HttpRequest, exception=None) -> HttpResponse:
    """Staff pages (under /hub/) answer a missing page, or a case the user may not see, in the
    staff layout with the way back to their work; everything else gets the public page."""
    if request.path.startswith(STAFF_PREFIX):
        return render(request, "errors/404_staff.html", status=404)
    return render(request, "errors/404.html", {"layout": layout_for(request)}, status=404)
