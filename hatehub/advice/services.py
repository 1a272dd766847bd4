"""Writing advice: articles (each publication a new version), force requests, answers, and an
answered request turned into an article. Each change is one transaction with its audit entry."""

import datetime as dt
from dataclasses import dataclass, field

from django.conf import settings
from django.db import transaction
from django.utils import timezone

from hatehub.accounts import roles
from hatehub.audit.services import Action, record
from hatehub.cases.selectors import visible_cases
from hatehub.reports.models import Strand
from hatehub.victims.calendar import WorkingCalendar

from .models import AdviceRequest, Article, ArticleOffence, ArticleVersion
from .selectors import offence_labels


class AdviceRefused(ValueError):
    """The change is not allowed; the message says why."""


def service_level_days() -> int:
    return int(getattr(settings, "HUB_ADVICE_SERVICE_LEVEL_DAYS", 2))


def service_level_nation() -> str:
    return getattr(settings, "HUB_ADVICE_NATION", "england-and-wales")


def due_on(asked_at: dt.datetime) -> dt.date:
    """The last day of the service level: N working days after the day asked (the day itself
    never counts; weekends and the nation's bank holidays are skipped)."""
    calendar = WorkingCalendar(service_level_nation())
    return calendar.add_working_days(timezone.localdate(asked_at), service_level_days())


@dataclass(frozen=True)
class ArticleDraft:
    title: str
    summary: str
    body: str
    strands: list[str] = field(default_factory=list)
    offences: list[str] = field(default_factory=list)
    change_note: str = ""


def _apply(article: Article, draft: ArticleDraft, by) -> ArticleVersion:
    unknown = set(draft.offences) - set(offence_labels())
    if unknown:
        raise AdviceRefused(f"Unknown offence(s): {', '.join(sorted(unknown))}")
    article.title, article.summary, article.body = draft.title, draft.summary, draft.body
    article.updated_at, article.updated_by = timezone.now(), by
    article.save()
    article.strands.set(Strand.objects.filter(code__in=draft.strands))
    article.offence_tags.exclude(offence_id__in=draft.offences).delete()
    have = set(article.offence_tags.values_list("offence_id", flat=True))
    ArticleOffence.objects.bulk_create(
        ArticleOffence(article=article, offence_id=offence)
        for offence in sorted(set(draft.offences) - have)
    )
    return ArticleVersion.objects.create(
        article=article,
        number=article.version,
        title=draft.title,
        summary=draft.summary,
        body=draft.body,
        strands=sorted(draft.strands),
        offences=sorted(draft.offences),
        change_note=draft.change_note,
        created_at=article.updated_at,
        created_by=by,
    )


@transaction.atomic
def publish_article(draft: ArticleDraft, *, by, from_request: AdviceRequest | None = None):
    if not roles.sees_every_case(by):
        raise AdviceRefused("Only hub staff write library articles")
    now = timezone.now()
    article = Article(version=1, created_at=now, created_by=by, updated_at=now, updated_by=by)
    article.title = draft.title  # saved by _apply
    _apply(article, draft, by)
    if from_request is not None:
        if not from_request.answered:
            raise AdviceRefused("Only an answered request can become an article")
        from_request.article = article
        from_request.save(update_fields=["article"])
    record(
        Action.CREATE,
        "advice_article",
        article.pk,
        summary=f"Advice article '{article.title}' published"
        + (f" from request {from_request.pk}" if from_request else ""),
        details={"request": from_request.pk if from_request else None},
    )
    return article


@transaction.atomic
def revise_article(article: Article, draft: ArticleDraft, *, by) -> ArticleVersion:
    if not roles.sees_every_case(by):
        raise AdviceRefused("Only hub staff write library articles")
    article = Article.objects.select_for_update().get(pk=article.pk)
    article.version += 1
    version = _apply(article, draft, by)
    record(
        Action.CHANGE,
        "advice_article",
        article.pk,
        summary=f"Advice article '{article.title}' revised to version {version.number}",
        details={"change_note": draft.change_note},
    )
    return version


@transaction.atomic
def ask(*, by, subject: str, question: str, case=None) -> AdviceRequest:
    """A force user's question for their own force; a case must be one their force can see."""
    if not roles.responds_to_allocations(by):
        raise AdviceRefused("Only a local force user asks the hub for advice")
    if case is not None and not visible_cases(by).filter(pk=case.pk).exists():
        raise AdviceRefused("That case is not one of your force's")
    now = timezone.now()
    request = AdviceRequest.objects.create(
        force_id=by.force_id,
        asked_by=by,
        case=case,
        subject=subject,
        question=question,
        asked_at=now,
        due_on=due_on(now),
    )
    record(
        Action.CREATE,
        "advice_request",
        request.pk,
        summary=f"Advice asked by {by.force.name}: {subject}"[:300],
        details={"case": case.reference if case else None, "due_on": request.due_on.isoformat()},
    )
    return request


@transaction.atomic
def answer(request: AdviceRequest, *, by, text: str) -> AdviceRequest:
    if not roles.sees_every_case(by):
        raise AdviceRefused("Only hub staff answer advice requests")
    request = AdviceRequest.objects.select_for_update().get(pk=request.pk)
    if request.answered:
        raise AdviceRefused("This request has already been answered")
    request.answer, request.answered_by, request.answered_at = text, by, timezone.now()
    request.save(update_fields=["answer", "answered_by", "answered_at"])
    late = timezone.localdate(request.answered_at) > request.due_on
    record(
        Action.CHANGE,
        "advice_request",
        request.pk,
        summary=f"Advice request {request.pk} answered" + (" after its due day" if late else ""),
        details={"due_on": request.due_on.isoformat(), "late": late},
    )
    return request
