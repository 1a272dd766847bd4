"""Victims' Right to Review: record a request against a case's decision, acknowledge it, give
it to an independent reviewer, record the outcome; the list of open requests with their clocks."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.views.decorators.http import require_POST

from hatehub.accounts.access import staff_view
from hatehub.audit.services import Action, record
from hatehub.cases.access import visible_case, visible_through_case
from hatehub.cases.selectors import crime_reports
from hatehub.core.errors import not_found

from . import access, selectors, services
from .eligibility import suggested_kind
from .forms import AcknowledgeForm, AssignForm, DecideForm, RequestForm
from .models import ReviewRequest

review_workers = staff_view(access.works_reviews)
request_recorders = staff_view(access.records_requests)
reviewer_assigners = staff_view(access.assigns_reviewers)


@review_workers
def review_list(request: HttpRequest) -> HttpResponse:
    show_all = request.GET.get("show") == "all"
    reviews = (
        selectors.visible_reviews(request.user)
        .select_related("case", "report", "reviewer")
        .order_by("-recorded_at", "-pk")
        if show_all
        else selectors.open_reviews(request.user)
    )
    rows = list(reviews[:500])
    today = selectors.today()
    for row in rows:
        row.late = selectors.overdue(row, today)
    record(
        Action.VIEW,
        "right_to_review_list",
        summary=f"Right to Review requests viewed: {len(rows)}",
        details={"requests": [row.pk for row in rows], "all": show_all},
    )
    return render(
        request,
        "reviews/list.html",
        {"nav": "reviews", "rows": rows, "show_all": show_all},
    )


def _initial_from_outcome(reports) -> dict:
    """Start from the recorded Home Office outcome when there is one victim and it is a
    decision not to proceed (the officer can change every answer)."""
    if len(reports) != 1 or reports[0].recorded_outcome is None:
        return {}
    outcome = reports[0].recorded_outcome
    kind = suggested_kind(outcome.code)
    if kind is None:
        return {"report": reports[0].reference}
    return {
        "report": reports[0].reference,
        "decision_kind": kind.value,
        "decision_date": outcome.outcome_date,
        "decision_maker": outcome.recorded_by_id,
    }


@request_recorders
def record_request(request: HttpRequest, reference: str) -> HttpResponse:
    case = visible_case(request, reference)
    if case is None:
        return not_found(request)
    # One crime per victim: the request is against the decision on one victim's crime.
    reports = crime_reports(case)
    form = RequestForm(
        request.POST or None,
        reports=reports,
        decision_makers=selectors.decision_makers(),
        initial=_initial_from_outcome(reports),
    )
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        report = next(r for r in reports if r.reference == data["report"])
        try:
            review = services.record_request(
                case,
                report,
                decision_kind=data["decision_kind"],
                decision_date=data["decision_date"],
                suspect_interviewed=data["suspect_interviewed"] == "yes",
                decision_maker=data["decision_maker"],
                decision_maker_name=data["decision_maker_name"],
                received_on=data["received_on"],
                channel=data["channel"],
                grounds=data["grounds"],
                by=request.user,
            )
        except services.ReviewRefused as refusal:
            form.add_error(refusal.field if refusal.field in form.fields else None, str(refusal))
        else:
            messages.success(request, f"Request recorded: {review.get_status_display().lower()}")
            return redirect("reviews:detail", pk=review.pk)
    return render(
        request,
        "reviews/record.html",
        {"nav": "reviews", "case": case, "form": form},
        status=400 if form.errors else 200,
    )


def _visible_review(request: HttpRequest, pk: int) -> ReviewRequest | None:
    reviews = ReviewRequest.objects.select_related(
        "case__allocated_force", "report", "reviewer", "decision_maker", "recorded_by"
    )
    return visible_through_case(
        request, reviews, pk, object_type="right_to_review", name="Right to Review request"
    )


def _may_acknowledge(user, review: ReviewRequest) -> bool:
    return access.records_requests(user) or review.reviewer_id == user.pk


def _render_detail(request, review: ReviewRequest, bound: dict | None = None) -> HttpResponse:
    user = request.user
    forms: dict = {}
    if review.status == ReviewRequest.Status.RECEIVED and _may_acknowledge(user, review):
        forms["ack"] = AcknowledgeForm(prefix="ack")
    if review.is_open and access.assigns_reviewers(user):
        forms["assign"] = AssignForm(
            prefix="assign",
            reviewers=selectors.possible_reviewers(review),
            initial={"reviewer": review.reviewer_id},
        )
    if review.status == ReviewRequest.Status.ACKNOWLEDGED and review.reviewer_id == user.pk:
        forms["decide"] = DecideForm(prefix="decide")
    forms.update(bound or {})
    record(
        Action.VIEW,
        "right_to_review",
        review.pk,
        summary=f"Right to Review request {review.pk} on case {review.case.reference} viewed",
        details={"case": review.case.reference},
    )
    return render(
        request,
        "reviews/detail.html",
        {
            "nav": "reviews",
            "review": review,
            "late": selectors.overdue(review),
            "acknowledge_form": forms.get("ack"),
            "assign_form": forms.get("assign"),
            "decide_form": forms.get("decide"),
            "bound_forms": list((bound or {}).values()),
        },
        status=400 if bound else 200,
    )


@review_workers
def detail(request: HttpRequest, pk: int) -> HttpResponse:
    review = _visible_review(request, pk)
    if review is None:
        return not_found(request)
    return _render_detail(request, review)


def _act(request, pk: int, name: str, form_class, act, form_kwargs) -> HttpResponse:
    review = _visible_review(request, pk)
    if review is None:
        return not_found(request)
    form = form_class(request.POST, prefix=name, **form_kwargs(review))
    if form.is_valid():
        try:
            done = act(review, form.cleaned_data)
        except services.ReviewRefused as refusal:
            form.add_error(refusal.field if refusal.field in form.fields else None, str(refusal))
        else:
            messages.success(request, done)
            return redirect("reviews:detail", pk=review.pk)
    return _render_detail(request, review, {name: form})


def _no_kwargs(review):
    return {}


@review_workers
@require_POST
def acknowledge(request: HttpRequest, pk: int) -> HttpResponse:
    def act(review, data):
        if not _may_acknowledge(request.user, review):
            raise services.ReviewRefused("Only hub staff or the reviewer can acknowledge it")
        services.acknowledge(review, on=data["acknowledged_on"], by=request.user)
        return "Request acknowledged"

    return _act(request, pk, "ack", AcknowledgeForm, act, form_kwargs=_no_kwargs)


@reviewer_assigners
@require_POST
def assign(request: HttpRequest, pk: int) -> HttpResponse:
    def act(review, data):
        services.assign_reviewer(review, data["reviewer"], by=request.user)
        return "Reviewer assigned"

    def kwargs(review):
        # Every case-working user is offered to the field, so the service's independence
        # check (not the list) is what refuses the original decision-maker.
        return {"reviewers": selectors.decision_makers()}

    return _act(request, pk, "assign", AssignForm, act, form_kwargs=kwargs)


@review_workers
@require_POST
def decide(request: HttpRequest, pk: int) -> HttpResponse:
    def act(review, data):
        services.decide(
            review,
            outcome=data["outcome"],
            reasons=data["reasons"],
            on=data["decided_on"],
            by=request.user,
        )
        return "Review decided"

    return _act(request, pk, "decide", DecideForm, act, form_kwargs=_no_kwargs)
