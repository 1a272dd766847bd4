"""Advice pages: the library (search, articles and their versions, writing them) and advice
requests (a force asks, the hub answers, an answer becomes an article).

Hub staff see every request; a force user only their own force's: another force's request is
answered like a missing one, and the attempt is logged."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from hatehub.accounts.access import staff_view
from hatehub.audit.services import Action, record
from hatehub.core.pagination import paginate
from hatehub.training.content import render_markdown

from . import selectors, services
from .access import asks_for_advice, gives_advice, reads_advice
from .forms import AnswerForm, ArticleForm, LibrarySearchForm, RequestForm
from .models import AdviceRequest, Article

readers = staff_view(reads_advice)
advisers = staff_view(gives_advice)
askers = staff_view(asks_for_advice)
PAGE_SIZE = 25


# --------------------------------------------------------------------------- the library


@readers
def library(request: HttpRequest) -> HttpResponse:
    form = LibrarySearchForm(request.GET or None)
    query = form.query()
    page, page_range = paginate(request, selectors.search(query), PAGE_SIZE)
    labels = selectors.offence_labels()
    for article in page.object_list:
        article.offence_names = [labels.get(o, o) for o in article.offence_ids]
    open_requests = selectors.visible_requests(request.user).filter(answered_at__isnull=True)
    return render(
        request,
        "advice/library.html",
        {
            "nav": "advice",
            "form": form,
            "page": page,
            "page_range": page_range,
            "searched": bool(query.text or query.strand or query.offence),
            "gives_advice": gives_advice(request.user),
            "asks_for_advice": asks_for_advice(request.user),
            "open_count": open_requests.count(),
            "overdue_count": selectors.open_overdue(open_requests).count(),
            "page_has_errors": bool(form.errors),
        },
    )


def _article_page(request, article: Article, version) -> HttpResponse:
    labels = selectors.offence_labels()
    strand_labels = dict(selectors.strand_choices())
    return render(
        request,
        "advice/article.html",
        {
            "nav": "advice",
            "article": article,
            "version": version,
            "body": render_markdown(version.body),
            "strand_names": [strand_labels.get(code, code) for code in version.strands],
            "offences": [labels.get(o, o) for o in version.offences],
            "versions": list(article.versions.order_by("-number")),
            "is_current": version.number == article.version,
            "gives_advice": gives_advice(request.user),
        },
    )


@readers
def article(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Article, pk=pk)
    return _article_page(request, found, found.versions.get(number=found.version))


@readers
def article_version(request: HttpRequest, pk: int, number: int) -> HttpResponse:
    found = get_object_or_404(Article, pk=pk)
    return _article_page(request, found, get_object_or_404(found.versions, number=number))


def _article_form(request, form: ArticleForm, heading: str, **extra) -> HttpResponse:
    """The article form, for a new article, a revision or an answer turned into an article."""
    context = {"nav": "advice", "form": form, "page_has_errors": bool(form.errors)}
    return render(request, "advice/article_form.html", {**context, "heading": heading, **extra})


@advisers
def article_new(request: HttpRequest) -> HttpResponse:
    form = ArticleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        created = services.publish_article(form.draft(), by=request.user)
        messages.success(request, "Article published")
        return redirect("advice:article", pk=created.pk)
    return _article_form(request, form, "Write an article")


@advisers
def article_edit(request: HttpRequest, pk: int) -> HttpResponse:
    found = get_object_or_404(Article, pk=pk)
    initial = {
        "title": found.title,
        "summary": found.summary,
        "body": found.body,
        "strands": list(found.strands.values_list("code", flat=True)),
        "offences": found.offence_ids,
    }
    form = ArticleForm(request.POST or None, initial=initial, revising=True)
    if request.method == "POST" and form.is_valid():
        version = services.revise_article(found, form.draft(), by=request.user)
        messages.success(request, f"Version {version.number} published")
        return redirect("advice:article", pk=found.pk)
    return _article_form(request, form, f"Revise '{found.title}'", article=found)


# --------------------------------------------------------------------------- requests


@readers
def requests(request: HttpRequest) -> HttpResponse:
    show = request.GET.get("show", "open")
    rows = selectors.visible_requests(request.user)
    if show == "open":
        rows = rows.filter(answered_at__isnull=True).order_by("due_on", "asked_at")
    elif show == "overdue":
        rows = selectors.open_overdue(rows).order_by("due_on", "asked_at")
    else:
        show = "all"
    page, page_range = paginate(request, rows, PAGE_SIZE)
    items = selectors.annotate_lateness(page.object_list)
    record(
        Action.VIEW,
        "advice_request_list",
        summary=f"Advice requests viewed ({show}, page {page.number}, {len(items)} shown)",
        details={"requests": [item.pk for item in items]},
    )
    return render(
        request,
        "advice/requests.html",
        {
            "nav": "advice",
            "items": items,
            "page": page,
            "page_range": page_range,
            "show": show,
            "asks_for_advice": asks_for_advice(request.user),
            "service_days": services.service_level_days(),
        },
    )


@askers
def request_new(request: HttpRequest) -> HttpResponse:
    initial = {"case_reference": request.GET.get("case", "")[:20]}
    form = RequestForm(request.POST or None, user=request.user, path=request.path, initial=initial)
    if request.method == "POST" and form.is_valid():
        created = services.ask(
            by=request.user,
            subject=form.cleaned_data["subject"],
            question=form.cleaned_data["question"],
            case=form.case,
        )
        messages.success(
            request, f"Question sent. The hub aims to answer by {created.due_on:%d %B %Y}."
        )
        return redirect("advice:request", pk=created.pk)
    return render(
        request,
        "advice/request_form.html",
        {
            "nav": "advice",
            "form": form,
            "page_has_errors": bool(form.errors),
            "service_days": services.service_level_days(),
        },
    )


def _visible_request(request: HttpRequest, pk: int) -> AdviceRequest:
    found = selectors.visible_requests(request.user).filter(pk=pk).first()
    if found is None:
        if AdviceRequest.objects.filter(pk=pk).exists():
            record(
                Action.DENIED,
                "advice_request",
                pk,
                summary=f"Access to advice request {pk} refused: another force's request",
                details={"path": request.path},
            )
        raise Http404
    return found


def _request_page(request, found: AdviceRequest, form=None, status=200) -> HttpResponse:
    record(
        Action.VIEW,
        "advice_request",
        found.pk,
        summary=f"Advice request {found.pk} viewed",
        details={"case": found.case.reference if found.case else None},
    )
    found.overdue = selectors.is_overdue(found)
    found.late = selectors.answered_late(found)
    answering = gives_advice(request.user) and not found.answered
    return render(
        request,
        "advice/request.html",
        {
            "nav": "advice",
            "item": found,
            "form": form or (AnswerForm() if answering else None),
            "answering": answering,
            "gives_advice": gives_advice(request.user),
            "page_has_errors": bool(form and form.errors),
        },
        status=status,
    )


@readers
def request_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _request_page(request, _visible_request(request, pk))


@advisers
@require_POST
def answer(request: HttpRequest, pk: int) -> HttpResponse:
    found = _visible_request(request, pk)
    form = AnswerForm(request.POST)
    if not form.is_valid():
        return _request_page(request, found, form)
    try:
        services.answer(found, by=request.user, text=form.cleaned_data["answer"])
    except services.AdviceRefused as error:
        messages.error(request, str(error))
    else:
        messages.success(request, "Answer sent")
    return redirect("advice:request", pk=found.pk)


@advisers
def publish(request: HttpRequest, pk: int) -> HttpResponse:
    """Turn an answered request into a library article: the form starts from the question and
    answer; the writer removes anything about the case or people before publishing."""
    found = _visible_request(request, pk)
    if not found.answered:
        messages.error(request, "Answer the request before turning it into an article")
        return redirect("advice:request", pk=found.pk)
    initial = {
        "title": found.subject,
        "body": f"## The question\n\n{found.question}\n\n## The hub's advice\n\n{found.answer}",
    }
    if found.case_id:
        strands = set()
        for report in found.case.reports.prefetch_related("strands"):
            strands |= {strand.code for strand in report.strands.all()}
        initial["strands"] = sorted(strands - {"not_sure"})
    form = ArticleForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        created = services.publish_article(form.draft(), by=request.user, from_request=found)
        messages.success(request, "Article published from the request")
        return redirect("advice:article", pk=created.pk)
    return _article_form(request, form, "Turn the answer into an article", from_request=found)
