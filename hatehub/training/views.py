"""Training pages: the modules, one module's material, its knowledge check, writing and
revising modules (supervisors), and who has completed the required ones."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from hatehub.accounts.access import staff_view
from hatehub.audit.services import Action, record

from . import content, selectors, services
from .access import takes_training, writes_training
from .forms import CheckForm, NewModuleForm, ReviseModuleForm
from .models import Module, ModuleVersion

learners = staff_view(takes_training)
writers = staff_view(writes_training)


def _module(slug: str) -> Module:
    return get_object_or_404(Module, slug=slug, current_version__gt=0)


@learners
def modules(request: HttpRequest) -> HttpResponse:
    return render(
        request,
        "training/modules.html",
        {
            "nav": "training",
            "modules": selectors.with_progress(request.user),
            "writes": writes_training(request.user),
        },
    )


def _show_version(request, module: Module, version: ModuleVersion) -> HttpResponse:
    attempts = list(module.attempts.filter(user=request.user).select_related("version")[:5])
    return render(
        request,
        "training/module.html",
        {
            "nav": "training",
            "module": module,
            "version": version,
            "body": content.render_markdown(version.body),
            "attempts": attempts,
            "is_current": version.number == module.current_version,
            "writes": writes_training(request.user),
            "versions": list(module.versions.order_by("-number"))
            if writes_training(request.user)
            else [],
        },
    )


@learners
def module(request: HttpRequest, slug: str) -> HttpResponse:
    found = _module(slug)
    return _show_version(request, found, selectors.current_version(found))


@writers
def version(request: HttpRequest, slug: str, number: int) -> HttpResponse:
    found = _module(slug)
    return _show_version(request, found, get_object_or_404(found.versions, number=number))


@learners
def check(request: HttpRequest, slug: str) -> HttpResponse:
    found = _module(slug)
    # The version the person read; a revision published meanwhile does not change their check.
    number = request.POST.get("version") if request.method == "POST" else None
    shown = (
        found.versions.filter(number=number).first() if number and number.isdigit() else None
    ) or selectors.current_version(found)
    form = CheckForm(request.POST or None, questions=shown.questions)
    if request.method == "POST" and form.is_valid():
        attempt = services.record_attempt(found, shown, user=request.user, answers=form.answers())
        return render(
            request,
            "training/result.html",
            {
                "nav": "training",
                "module": found,
                "version": shown,
                "attempt": attempt,
                "outstanding": selectors.outstanding_for(request.user),
            },
        )
    return render(
        request,
        "training/check.html",
        {
            "nav": "training",
            "module": found,
            "version": shown,
            "form": form,
            "page_has_errors": bool(form.errors),
        },
    )


@writers
def new(request: HttpRequest) -> HttpResponse:
    form = NewModuleForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            created = services.create_module(
                slug=form.cleaned_data["slug"], draft=form.draft(), by=request.user
            )
        except services.TrainingRefused as error:
            form.add_error("slug", str(error))
        else:
            messages.success(request, f"Module '{created.title}' published as version 1")
            return redirect("training:module", slug=created.slug)
    return render(
        request,
        "training/edit.html",
        {"nav": "training", "form": form, "page_has_errors": bool(form.errors), "module": None},
    )


@writers
def edit(request: HttpRequest, slug: str) -> HttpResponse:
    found = _module(slug)
    current = selectors.current_version(found)
    initial = {
        "title": current.title,
        "summary": current.summary,
        "body": current.body,
        "check": content.format_check(current.questions),
        "pass_mark": current.pass_mark,
        "required_for_volunteers": found.required_for_volunteers,
    }
    form = ReviseModuleForm(request.POST or None, initial=initial)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        created = services.revise_module(
            found,
            draft=form.draft(change_note=data["change_note"], retake=data["retake"]),
            by=request.user,
        )
        messages.success(request, f"Version {created.number} of '{created.title}' published")
        return redirect("training:module", slug=found.slug)
    return render(
        request,
        "training/edit.html",
        {"nav": "training", "form": form, "page_has_errors": bool(form.errors), "module": found},
    )


@writers
def completions(request: HttpRequest) -> HttpResponse:
    rows, required = selectors.completions()
    record(
        Action.VIEW,
        "training_completions",
        summary=f"Training completions viewed ({len(rows)} volunteers)",
        details={"volunteers": [row["volunteer"].pk for row in rows]},
    )
    return render(
        request,
        "training/completions.html",
        {"nav": "training", "rows": rows, "required": required},
    )
