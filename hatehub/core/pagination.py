"""Pagination for staff lists, shaped for the GOV.UK pagination component
(`templates/includes/pagination.html`)."""

from collections.abc import Sequence

from django.core.paginator import Page, Paginator
from django.db.models import QuerySet
from django.http import HttpRequest


def paginate(request: HttpRequest, items: QuerySet | Sequence, per_page: int) -> tuple[Page, list]:
    """The requested page (a bad or out-of-range number gives the nearest real page) and the
    page numbers to show, with ellipses, for the GOV.UK pagination component."""
    paginator = Paginator(items, per_page)
    page = paginator.get_page(request.GET.get("page"))
    page_range = list(paginator.get_elided_page_range(page.number, on_each_side=2, on_ends=1))
    return page, page_range
