"""Volunteers' pages (their home, sending addresses in bulk, the error report of an upload) and
supervisors' pages (inviting volunteers, quality figures). The set-password page of an
invitation is open: the single-use link is the credential."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_POST

from hatehub.accounts import roles
from hatehub.accounts.access import staff_view
from hatehub.accounts.models import Role, User
from hatehub.audit.services import Action, record
from hatehub.training.selectors import outstanding_for

from . import bulk, selectors, services
from .access import manages_volunteers
from .forms import InviteForm, LinksForm, SetPasswordForm, UploadForm, max_csv_bytes, max_rows
from .models import Batch, Invitation

volunteers_only = staff_view(roles.reports_as_volunteer)
supervisors_only = staff_view(manages_volunteers)
RECENT = 100


def _may_submit_context(request) -> dict:
    return {"outstanding": outstanding_for(request.user), "nav": "volunteer_home"}


@volunteers_only
def home(request: HttpRequest) -> HttpResponse:
    submissions = selectors.with_status(selectors.own_submissions(request.user)[:RECENT])
    batches = list(selectors.own_batches(request.user)[:10])
    record(
        Action.VIEW,
        "volunteer_submission_list",
        request.user.pk,
        summary=f"Volunteer viewed their own submissions ({len(submissions)} shown)",
        details={"reports": [row.report.reference for row in submissions]},
    )
    return render(
        request,
        "volunteers/home.html",
        {
            **_may_submit_context(request),
            "submissions": submissions,
            "batches": batches,
            "total": selectors.own_submissions(request.user).count(),
            "recent": RECENT,
        },
    )


def _refused(request, error: services.SubmissionRefused, template: str, form) -> HttpResponse:
    form.add_error(None, str(error))
    return render(
        request, template, {**_may_submit_context(request), "form": form, "page_has_errors": True}
    )


@volunteers_only
def submit_links(request: HttpRequest) -> HttpResponse:
    form = LinksForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        items = form.cleaned_data["items"]
        try:
            batch = services.submit_batch(
                request.user, items, method=Batch.Method.FORM, rows=len(items)
            )
        except services.SubmissionRefused as error:
            return _refused(request, error, "volunteers/submit_links.html", form)
        return redirect("volunteers:batch", pk=batch.pk)
    return render(
        request,
        "volunteers/submit_links.html",
        {
            **_may_submit_context(request),
            "form": form,
            "page_has_errors": bool(form.errors),
            "max_rows": max_rows(),
        },
    )


@volunteers_only
def upload(request: HttpRequest) -> HttpResponse:
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        parsed = form.parsed
        try:
            batch = services.submit_batch(
                request.user,
                parsed.items,
                method=Batch.Method.CSV,
                rows=parsed.rows,
                errors=parsed.errors,
                filename=form.cleaned_data["file"].name or "",
            )
        except services.SubmissionRefused as error:
            return _refused(request, error, "volunteers/upload.html", form)
        return redirect("volunteers:batch", pk=batch.pk)
    return render(
        request,
        "volunteers/upload.html",
        {
            **_may_submit_context(request),
            "form": form,
            "page_has_errors": bool(form.errors),
            "columns": [(name, bulk.COLUMN_HELP[name]) for name in bulk.COLUMNS],
            "max_rows": max_rows(),
            "max_kb": max_csv_bytes() // 1024,
        },
    )


@volunteers_only
def csv_template(request: HttpRequest) -> HttpResponse:
    response = HttpResponse(bulk.template_csv(), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="volunteer-reports.csv"'
    return response


@volunteers_only
def batch(request: HttpRequest, pk: int) -> HttpResponse:
    found = selectors.own_batch(request.user, pk)
    if found is None:  # another volunteer's batch is answered like a missing one
        raise Http404
    submissions = selectors.with_status(found.submissions.order_by("row"))
    record(
        Action.VIEW,
        "volunteer_batch",
        found.pk,
        summary=f"Volunteer viewed batch {found.pk}: {found.imported} imported, "
        f"{found.rejected} refused",
    )
    return render(
        request,
        "volunteers/batch.html",
        {"nav": "volunteer_home", "batch": found, "submissions": submissions},
    )


# --------------------------------------------------------------------------- supervisors


def _base_url(request) -> str:
    return f"{request.scheme}://{request.get_host()}"


@supervisors_only
def manage(request: HttpRequest) -> HttpResponse:
    volunteers = list(
        User.objects.filter(role=Role.VOLUNTEER)
        .select_related("organisation")
        .order_by("organisation__name", "last_name", "username")
    )
    pending = {
        invitation.volunteer_id: invitation
        for invitation in Invitation.objects.filter(used_at=None, revoked_at=None).order_by(
            "created_at"
        )
    }
    for volunteer in volunteers:
        volunteer.pending_invitation = pending.get(volunteer.pk)
    record(
        Action.VIEW,
        "volunteer_list",
        summary=f"Volunteer list viewed ({len(volunteers)} volunteers)",
        details={"volunteers": [volunteer.pk for volunteer in volunteers]},
    )
    return render(
        request, "volunteers/manage.html", {"nav": "volunteers", "volunteers": volunteers}
    )


@supervisors_only
def invite(request: HttpRequest) -> HttpResponse:
    form = InviteForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        invited = services.invite_volunteer(
            username=form.cleaned_data["username"],
            first_name=form.cleaned_data["first_name"],
            last_name=form.cleaned_data["last_name"],
            email=form.cleaned_data["email"],
            organisation=form.cleaned_data["organisation"],
            by=request.user,
            base_url=_base_url(request),
        )
        return _show_link(request, invited)
    return render(
        request,
        "volunteers/invite.html",
        {"nav": "volunteers", "form": form, "page_has_errors": bool(form.errors)},
    )


def _show_link(request, invited: services.Invited) -> HttpResponse:
    """The link is shown on this one response only (the hub keeps just its hash)."""
    return render(
        request,
        "volunteers/invited.html",
        {
            "nav": "volunteers",
            "invited": invited,
            "link": f"{_base_url(request)}{invited.path()}",
        },
    )


@supervisors_only
@require_POST
def reissue(request: HttpRequest, pk: int) -> HttpResponse:
    volunteer = get_object_or_404(User, pk=pk, role=Role.VOLUNTEER, organisation__isnull=False)
    invited = services.reissue_invitation(volunteer, by=request.user, base_url=_base_url(request))
    return _show_link(request, invited)


@supervisors_only
def quality(request: HttpRequest) -> HttpResponse:
    organisations = selectors.quality()
    record(
        Action.VIEW,
        "volunteer_quality",
        summary="Volunteer quality figures viewed",
        details={"organisations": [organisation.label for organisation in organisations]},
    )
    return render(
        request,
        "volunteers/quality.html",
        {"nav": "volunteer_quality", "organisations": organisations},
    )


# --------------------------------------------------------------------------- the invitation link


@never_cache
def set_password(request: HttpRequest, token: str) -> HttpResponse:
    try:
        invitation = services.valid_invitation(token)
    except services.InvitationInvalid:
        return render(request, "volunteers/link_invalid.html", status=404)
    form = SetPasswordForm(request.POST or None, user=invitation.volunteer)
    if request.method == "POST" and form.is_valid():
        try:
            volunteer = services.accept_invitation(token, password=form.cleaned_data["password2"])
        except services.InvitationInvalid:
            return render(request, "volunteers/link_invalid.html", status=404)
        # Signing in goes through the ordinary sign-in (lock-outs, second factor).
        messages.success(request, f"Your password is set. Sign in as {volunteer.username}.")
        return redirect(f"{reverse('accounts:login')}?next={reverse('volunteers:home')}")
    return render(
        request,
        "volunteers/set_password.html",
        {"form": form, "invitation": invitation, "page_has_errors": bool(form.errors)},
    )
