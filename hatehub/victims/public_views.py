"""Track my report: the complainant's own view of their report (public pages).

Opened with the reference and the secret code shown at confirmation, or a single-use link from
a message. Either grants this browser session a short look at that one report; nothing about
other reporters of the same content is shown. Every attempt is logged and counted in the
database; repeated failures lock out the address and the reference for a while.
"""

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from hatehub.audit.middleware import client_ip
from hatehub.audit.services import Action, record
from hatehub.reports.models import Report

from . import conf, selectors, services
from .forms import TrackForm

SESSION_KEY = "victims_track"


def _grant(request: HttpRequest, report: Report) -> None:
    request.session.cycle_key()  # a new session id once it can see a report
    until = timezone.now() + dt.timedelta(minutes=conf.track_session_minutes())
    request.session[SESSION_KEY] = {"report": report.pk, "until": until.isoformat()}


def _granted(request: HttpRequest) -> Report | None:
    grant = request.session.get(SESSION_KEY)
    if not grant:
        return None
    if dt.datetime.fromisoformat(grant["until"]) < timezone.now():
        request.session.pop(SESSION_KEY, None)
        return None
    return (
        Report.objects.select_related("case__allocated_force", "complainant")
        .filter(pk=grant["report"])
        .first()
    )


def _locked_message(until: dt.datetime) -> str:
    minutes = max(1, int((until - timezone.now()).total_seconds() // 60) + 1)
    return (
        "There have been too many attempts to open this report. For your security, try again "
        f"in {minutes} minute{'s' if minutes != 1 else ''}."
    )


@never_cache
@require_http_methods(["GET", "POST"])
def start(request: HttpRequest) -> HttpResponse:
    form = TrackForm(request.POST or None)
    status = 200
    if request.method == "POST":
        status = 400
        if form.is_valid():
            try:
                report = services.tracking.open_with_secret(
                    form.cleaned_data["reference"],
                    form.cleaned_data["secret"],
                    ip=client_ip(request),
                )
            except services.tracking.LockedOut as locked:
                form.add_error(None, _locked_message(locked.until))
                status = 429
            except services.tracking.NotYetRecorded:
                form.add_error(
                    None,
                    "We have your report, and we are still adding it to our records. This can "
                    "take a few minutes when we are busy. Try again later.",
                )
                status = 409
            else:
                if report is not None:
                    _grant(request, report)
                    return redirect("track:report")
                form.add_error(
                    None,
                    "The reference number or code is not right. Check them and try again.",
                )
    return render(
        request,
        "track/start.html",
        {"form": form, "page_has_errors": bool(form.errors)},
        status=status,
    )


@never_cache
@require_GET
def link(request: HttpRequest, token: str) -> HttpResponse:
    try:
        report = services.tracking.open_with_link(token, ip=client_ip(request))
    except services.tracking.LockedOut as locked:
        return render(
            request,
            "track/link_problem.html",
            {"problem": _locked_message(locked.until)},
            status=429,
        )
    if report is None:
        return render(
            request,
            "track/link_problem.html",
            {
                "problem": "This link has already been used or has expired. Links in our "
                "messages work once."
            },
            status=404,
        )
    _grant(request, report)
    return redirect("track:report")


@never_cache
@require_GET
def report(request: HttpRequest) -> HttpResponse:
    found = _granted(request)
    if found is None:
        return redirect("track:start")
    view = selectors.track_view(found)
    record(
        Action.VIEW,
        "report",
        found.reference,
        summary=f"Track my report: report {found.reference} viewed by its reporter",
        details={"updates_shown": [message.pk for message in view.updates]},
    )
    return render(request, "track/report.html", {"view": view})


@require_POST
def leave(request: HttpRequest) -> HttpResponse:
    request.session.pop(SESSION_KEY, None)
    return redirect("track:start")
