"""The public "Report online hate" pages. The steps, their order and their conditions are data in
journey.py; these views only move a person between them."""

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hatehub.accounts.roles import reports_as_volunteer
from hatehub.evidence.services import receive
from hatehub.evidence.validation import EvidenceRejected

from .forms import EvidenceForm, StepForm
from .journey import STEPS, STEPS_BY_SLUG, SUBMITTED_KEY, Journey, Step
from .services import receive_public_report, what_happens_next


def _url(step: Step | None, *, change: bool = False) -> str:
    if step is None:
        return reverse("intake:check_answers")
    url = reverse("intake:step", kwargs={"slug": step.slug})
    return f"{url}?change=1" if change else url


def _resume(journey: Journey) -> HttpResponse:
    """Back to the first question still to answer (or to check answers if there is none)."""
    return redirect(_url(journey.first_incomplete()))


def _changing(request: HttpRequest) -> bool:
    """Came from a "Change" link on check answers, so goes back there when done."""
    return request.GET.get("change") == "1"


def _after_saving(journey: Journey, step: Step, *, change: bool) -> HttpResponse:
    if change:
        # A changed answer can open a question not asked before (choosing to give contact
        # details, say): ask it, then return to check answers.
        return redirect(_url(journey.first_incomplete(), change=True))
    return redirect(_url(journey.next_after(step)))


def _render_step(
    request: HttpRequest, journey: Journey, step: Step, form: StepForm, *, change: bool
) -> HttpResponse:
    previous = journey.previous_before(step)
    if change:
        back_url = reverse("intake:check_answers")
    else:
        back_url = _url(previous) if previous else reverse("intake:start")
    return render(
        request,
        step.template,
        {
            "form": form,
            "step": step,
            "back_url": back_url,
            "action_url": _url(step, change=change),
            "change": change,
            "page_has_errors": bool(form.errors),
        },
    )


@require_GET
def start(request: HttpRequest) -> HttpResponse:
    return render(request, "intake/start.html", {"first_step_url": _url(STEPS[0])})


@require_GET
def immediate_danger(request: HttpRequest) -> HttpResponse:
    # Nothing was kept (the safety answer ended the report), so the way back is the first
    # question again: someone who is safe now can still report.
    first = _url(STEPS[0])
    return render(request, "intake/immediate_danger.html", {"report_url": first, "back_url": first})


@require_http_methods(["GET", "POST"])
def step(request: HttpRequest, slug: str) -> HttpResponse:
    current = STEPS_BY_SLUG.get(slug)
    if current is None:
        raise Http404
    journey = Journey(request.session)
    if not journey.may_visit(current):
        return _resume(journey)
    change = _changing(request)
    if request.method == "POST":
        form = current.form_class(request.POST, journey=journey)
        if form.is_valid():
            if form.stops_journey():
                # Nothing of this report is kept: the person must call 999, not carry on.
                journey.clear()
                return redirect("intake:immediate_danger")
            journey.save(current, form.raw_answers())
            return _after_saving(journey, current, change=change)
    else:
        form = current.form_class(initial=journey.raw(current), journey=journey)
    return _render_step(request, journey, current, form, change=change)


@require_http_methods(["GET", "POST"])
def evidence(request: HttpRequest) -> HttpResponse:
    """Files are checked and stored as they arrive, so a rejected one is reported on the page
    it was chosen on, and a report never waits on a large upload at the end."""
    current = STEPS_BY_SLUG["evidence"]
    journey = Journey(request.session)
    if not journey.may_visit(current):
        return _resume(journey)
    change = _changing(request)
    form = EvidenceForm(journey=journey)
    if request.method == "POST":
        form = EvidenceForm(request.POST, request.FILES, journey=journey)
        if form.is_valid():
            _receive_files(journey, form)
        if not form.errors:
            if request.POST.get("action") == "upload":
                return redirect(_url(current, change=change))
            journey.save(current, form.raw_answers())
            return _after_saving(journey, current, change=change)
    return _render_step(request, journey, current, form, change=change)


def _receive_files(journey: Journey, form: EvidenceForm) -> None:
    for upload in form.cleaned_data["files"]:
        try:
            received = receive(
                upload, name=upload.name, size=upload.size, received_at=timezone.now()
            )
        except EvidenceRejected as rejected:
            form.add_error("files", str(rejected))
        else:
            journey.add_evidence(received)


@require_POST
def remove_evidence(request: HttpRequest) -> HttpResponse:
    current = STEPS_BY_SLUG["evidence"]
    journey = Journey(request.session)
    if not journey.may_visit(current):
        return _resume(journey)
    journey.remove_evidence(request.POST.get("sha256", ""))
    return redirect(_url(current, change=request.POST.get("change") == "1"))


@require_http_methods(["GET", "POST"])
def check_answers(request: HttpRequest) -> HttpResponse:
    journey = Journey(request.session)
    if request.method == "POST" and not journey.started:
        # Already sent (or never begun): a refresh or Back after sending must not send again.
        return redirect("intake:start")
    if journey.first_incomplete() is not None:
        return _resume(journey)
    if request.method == "POST":
        submission = journey.submission()
        volunteer = request.user if reports_as_volunteer(request.user) else None
        received = receive_public_report(submission, volunteer=volunteer)
        journey.clear()
        request.session[SUBMITTED_KEY] = {
            "reference": received.reference,
            "anonymous": submission.anonymous,
            "tracking_secret": received.tracking_secret,  # shown once, then forgotten
            **what_happens_next(submission),
        }
        return redirect("intake:confirmation")
    last = journey.active_steps()[-1]
    return render(
        request,
        "intake/check_answers.html",
        {"sections": journey.summary(), "back_url": _url(last)},
    )


@never_cache  # it shows the Track my report code once
@require_GET
def confirmation(request: HttpRequest) -> HttpResponse:
    submitted = request.session.get(SUBMITTED_KEY)
    if not submitted:
        return redirect("intake:start")
    if submitted.get("tracking_secret"):
        # The Track my report code is shown on this page once: only its hash is kept.
        request.session[SUBMITTED_KEY] = {**submitted, "tracking_secret": ""}
    return render(request, "intake/confirmation.html", {"submitted": submitted})
