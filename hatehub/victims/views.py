"""Staff pages: the dashboard of Victims' Code updates due, and writing an update (the officer
checks and edits the drafted message, then sends it, or records that the complainant was told
another way)."""

from django.contrib import messages as flash
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.views.decorators.http import require_http_methods, require_POST

from hatehub.accounts.access import staff_view
from hatehub.audit.services import Action, record
from hatehub.cases.access import visible_through_case
from hatehub.core.errors import not_found

from . import contact, messages, selectors, services
from .forms import GivenAnotherWayForm, UpdateForm
from .models import VictimUpdateDue
from .texts import NFA_REASONS

updaters = staff_view(selectors.sends_updates)


@updaters
def dashboard(request: HttpRequest) -> HttpResponse:
    groups, counts = selectors.dashboard(request.user)
    record(
        Action.VIEW,
        "victim_update_list",
        summary=f"Victims' Code dashboard viewed: {counts['overdue']} overdue, "
        f"{counts['today']} due today, {counts['upcoming']} upcoming",
        details={
            "updates": [row.update.pk for g in groups for o in g.officers for row in o.rows],
        },
    )
    return render(
        request,
        "victims/dashboard.html",
        {
            "nav": "victims",
            "groups": groups,
            "counts": counts,
            "today": timezone.localdate(),
            "upcoming_days": selectors.UPCOMING_DAYS,
        },
    )


def _update_or_404(request: HttpRequest, pk: int) -> VictimUpdateDue | None:
    updates = VictimUpdateDue.objects.select_related(
        "report__complainant", "report__case__allocated_force", "officer"
    )
    return visible_through_case(
        request,
        updates,
        pk,
        object_type="victim_update_due",
        name="Victims' Code update",
        case_field="report__case",
    )


def _reason(update: VictimUpdateDue, source) -> tuple[str, str]:
    reason = (source.get("nfa_reason") or "").strip()
    if reason not in NFA_REASONS:
        reason = messages.default_nfa_reason(
            update.event,
            services.updates.outcome_code(update),
            str(update.details.get("classification", "")),
        )
    return reason, (source.get("explanation") or "").strip()


def _draft_initial(update: VictimUpdateDue, reason: str, explanation: str, channels: list[str]):
    needs = messages.needs_explanation(update.event, services.updates.outcome_code(update))
    initial = {"channel": channels[0] if channels else "", "nfa_reason": reason}
    initial["explanation"] = explanation
    error = ""
    try:
        drafted = services.updates.draft(update, nfa_reason=reason, explanation=explanation)
    except messages.MessageError as problem:
        drafted, error = None, str(problem)
    if drafted is not None:
        initial.update(subject=drafted.subject, body=drafted.body)
    return initial, needs, error


@updaters
@require_http_methods(["GET", "POST"])
def update(request: HttpRequest, pk: int) -> HttpResponse:
    item = _update_or_404(request, pk)
    if item is None:
        return not_found(request)
    report = item.report
    channels = services.recipients.channels_for(report)
    action = request.POST.get("action", "")
    source = request.POST if request.method == "POST" else request.GET
    reason, explanation = _reason(item, source)
    initial, needs, draft_error = _draft_initial(item, reason, explanation, channels)
    status = 200
    if request.method == "POST" and action == "send":
        form = UpdateForm(request.POST, channels=channels, needs_reason=needs)
        if form.is_valid():
            data = form.cleaned_data
            try:
                sent = services.updates.send_update(
                    item,
                    by=request.user,
                    channel=data["channel"],
                    subject=data["subject"],
                    body=data["body"],
                    nfa_reason=data.get("nfa_reason", ""),
                    explanation=data.get("explanation", ""),
                )
            except (services.UpdateRefused, messages.MessageError) as refused:
                form.add_error(None, str(refused))
            else:
                if sent.send_after:
                    when = timezone.localtime(sent.send_after)
                    flash.success(
                        request,
                        f"Update written. It will be sent at {when:%H:%M on %d/%m/%Y}, a time "
                        "the complainant allows.",
                    )
                else:
                    flash.success(request, f"Update sent by {sent.channel_label.lower()}.")
                return redirect("cases:case", report.case.reference)
        status = 400
    else:
        form = UpdateForm(initial=initial, channels=channels, needs_reason=needs)
    person = report.complainant
    record(
        Action.VIEW,
        "victim_update_due",
        item.pk,
        summary=f"Victims' Code update for report {report.reference} opened",
        details={"case": report.case.reference, "event": item.event},
    )
    return render(
        request,
        "victims/update.html",
        {
            "nav": "victims",
            "item": item,
            "label": selectors.event_label(item.event),
            "report": report,
            "case": report.case,
            "person": person,
            "channels": channels,
            "safety": services.recipients.contact_safety(report),
            "avoid": [contact.WINDOWS[code][0] for code in person.avoid_contact_times or []],
            "form": form,
            "given_form": GivenAnotherWayForm(),
            "draft_error": draft_error,
            "needs_reason": needs,
            "sent": item.messages.all(),
            "page_has_errors": bool(form.errors),
            "open": item.status == VictimUpdateDue.Status.OPEN,
        },
        status=status,
    )


@updaters
@require_POST
def given(request: HttpRequest, pk: int) -> HttpResponse:
    item = _update_or_404(request, pk)
    if item is None:
        return not_found(request)
    form = GivenAnotherWayForm(request.POST)
    if not form.is_valid():
        flash.error(request, form.errors["how"][0])
        return redirect("victims:update", pk=item.pk)
    services.events.mark_update_sent(item, by=request.user, how=form.cleaned_data["how"])
    flash.success(request, "Recorded: the complainant has been told.")
    return redirect("cases:case", item.report.case.reference)
