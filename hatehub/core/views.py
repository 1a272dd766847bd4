from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render


def health(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def _layout_for(request: HttpRequest) -> str:
    """Signed-in staff keep the hub's header (and its Sign out); the public keep theirs."""
    user = getattr(request, "user", None)
    return "staff/base.html" if user is not None and user.is_authenticated else "public/base.html"


def forbidden(request: HttpRequest, exception=None) -> HttpResponse:
    return render(request, "errors/403.html", {"layout": _layout_for(request)}, status=403)


STAFF_PREFIX = "/hub/"


def not_found(request: HttpRequest, exception=None) -> HttpResponse:
    """Staff pages (under /hub/) answer a missing page, or a case the user may not see, in the
    staff layout with the way back to their work; everything else gets the public page."""
    if request.path.startswith(STAFF_PREFIX):
        return render(request, "errors/404_staff.html", status=404)
    return render(request, "errors/404.html", {"layout": _layout_for(request)}, status=404)


def about_data(request: HttpRequest) -> HttpResponse:
    """Where the reference data comes from, with the attribution its licences require."""
    from hatehub.jurisdiction.geography import ATTRIBUTION

    layout = _layout_for(request)
    return render(request, "about_data.html", {"layout": layout, "attribution": ATTRIBUTION})
