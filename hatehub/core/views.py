from django.db import connection
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render

from .errors import layout_for


def health(request: HttpRequest) -> JsonResponse:
    with connection.cursor() as cursor:
        cursor.execute("SELECT 1")
    return JsonResponse({"status": "ok"})


def about_data(request: HttpRequest) -> HttpResponse:
    """Where the reference data comes from, with the attribution its licences require."""
    from hatehub.jurisdiction.geography import ATTRIBUTION

    layout = layout_for(request)
    return render(request, "about_data.html", {"layout": layout, "attribution": ATTRIBUTION})
