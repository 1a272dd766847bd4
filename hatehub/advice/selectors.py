"""Reading advice: searching the library, offence tags, and which requests a user may see."""

from dataclasses import dataclass
from functools import cache

from django.db import connection
from django.db.models import Q, QuerySet
from django.utils import timezone

from hatehub.accounts import roles
from hatehub.assessment.rules import load_rules
from hatehub.reports.models import Strand

from .models import AdviceRequest, Article


@cache
def offence_choices() -> tuple[tuple[str, str], ...]:
    """Offences of the assessment rules (kind "offence"), as (id, "Act section: name")."""
    return tuple(
        (offence.id, f"{offence.act} {offence.section}: {offence.name}")
        for offence in load_rules().offences
        if offence.kind == "offence"
    )


def offence_labels() -> dict[str, str]:
    return dict(offence_choices())


def strand_choices() -> list[tuple[str, str]]:
    return list(Strand.objects.exclude(code="not_sure").values_list("code", "label"))


@dataclass(frozen=True)
class LibraryQuery:
    text: str = ""
    strand: str = ""
    offence: str = ""


def search(query: LibraryQuery) -> QuerySet[Article]:
    """Full-text search on PostgreSQL (English stemming, ranked: title first); on SQLite every
    word must appear somewhere in the title, summary or text."""
    articles = Article.objects.prefetch_related("strands", "offence_tags")
    if query.strand:
        articles = articles.filter(strands__code=query.strand)
    if query.offence:
        articles = articles.filter(offence_tags__offence_id=query.offence)
    text = query.text.strip()
    if not text:
        return articles.distinct()
    if connection.vendor == "postgresql":
        from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

        vector = SearchVector("title", weight="A", config="english") + SearchVector(
            "summary", "body", weight="B", config="english"
        )
        search_query = SearchQuery(text, search_type="websearch", config="english")
        return (
            articles.annotate(document=vector, rank=SearchRank(vector, search_query))
            .filter(document=search_query)
            .order_by("-rank", "-updated_at")
            .distinct()
        )
    for word in text.split()[:10]:
        articles = articles.filter(
            Q(title__icontains=word) | Q(summary__icontains=word) | Q(body__icontains=word)
        )
    return articles.distinct()


def visible_requests(user) -> QuerySet[AdviceRequest]:
    """Hub staff see every request; a local force user their own force's; anyone else none."""
    requests = AdviceRequest.objects.select_related("force", "case", "asked_by", "answered_by")
    if roles.sees_every_case(user):
        return requests
    if roles.responds_to_allocations(user):
        return requests.filter(force_id=user.force_id)
    return requests.none()


def is_overdue(request: AdviceRequest, today=None) -> bool:
    today = today or timezone.localdate()
    return request.answered_at is None and today > request.due_on


def answered_late(request: AdviceRequest) -> bool:
    return request.answered_at is not None and (
        timezone.localdate(request.answered_at) > request.due_on
    )


def open_overdue(requests: QuerySet[AdviceRequest], today=None) -> QuerySet[AdviceRequest]:
    today = today or timezone.localdate()
    return requests.filter(answered_at__isnull=True, due_on__lt=today)


def annotate_lateness(rows) -> list[AdviceRequest]:
    today = timezone.localdate()
    rows = list(rows)
    for row in rows:
        row.overdue = is_overdue(row, today)
        row.late = answered_late(row)
    return rows
