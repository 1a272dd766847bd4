"""The support directory, referrals from a case, and the service's acknowledgement link."""

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.cache import never_cache

from hatehub.accounts.access import staff_view
from hatehub.audit.services import Action, record
from hatehub.cases.access import visible_case, visible_through_case
from hatehub.core.errors import not_found

from . import access, selectors, services
from .forms import DirectoryFilterForm, ReferralForm, ReferralUpdateForm, SupportServiceForm
from .models import Referral, SupportService

directory_readers = staff_view(access.reads_directory)
directory_editors = staff_view(access.edits_directory)
referrers = staff_view(access.works_referrals)


@directory_readers
def directory(request: HttpRequest) -> HttpResponse:
    form = DirectoryFilterForm(request.GET)
    form.is_valid()
    data = getattr(form, "cleaned_data", {})
    strand, force = data.get("strand"), data.get("force")
    services_list = selectors.directory(
        strand=strand.code if strand else "",
        force=force,
        include_inactive=bool(data.get("inactive")),
    )
    return render(
        request,
        "support/directory.html",
        {
            "nav": "support",
            "form": form,
            "services": services_list,
            "can_edit": access.edits_directory(request.user),
        },
    )


def _service_form(request: HttpRequest, service: SupportService | None) -> HttpResponse:
    form = SupportServiceForm(request.POST or None, instance=service)
    if request.method == "POST" and form.is_valid():
        saved = services.save_service(form, by=request.user)
        messages.success(request, f"{saved.name} saved in the directory")
        return redirect("support:directory")
    return render(
        request,
        "support/service_form.html",
        {"nav": "support", "form": form, "service": service},
        status=400 if form.errors else 200,
    )


@directory_editors
def service_new(request: HttpRequest) -> HttpResponse:
    return _service_form(request, None)


@directory_editors
def service_edit(request: HttpRequest, pk: int) -> HttpResponse:
    return _service_form(request, get_object_or_404(SupportService, pk=pk))


@referrers
def refer(request: HttpRequest, reference: str) -> HttpResponse:
    case = visible_case(request, reference)
    if case is None:
        return not_found(request)
    entries, others = selectors.victims(case)
    eligible = [entry for entry in entries if entry.refusal is None]
    suggested_ids = {s.pk for entry in eligible for s in entry.suggestions}
    form = ReferralForm(request.POST or None, victims=eligible)
    if request.method == "POST" and form.is_valid():
        entry = next(e for e in eligible if e.report.reference == form.cleaned_data["report"])
        try:
            referral = services.refer(
                case,
                entry.report,
                form.cleaned_data["service"],
                by=request.user,
                note=form.cleaned_data["note"],
            )
        except services.ReferralRefused as refusal:
            form.add_error(None, str(refusal))
        else:
            how = (
                "The email is in the outbox."
                if referral.method == SupportService.Method.EMAIL
                else "Now make the referral by hand and record that you have sent it."
            )
            messages.success(request, f"Referral to {referral.service.name} recorded. {how}")
            return redirect("support:referral", pk=referral.pk)
    record(
        Action.VIEW,
        "case_victims",
        case.reference,
        summary=f"Victims' contact and consent for support referral viewed on {case.reference}",
        details={
            "reports": [entry.report.reference for entry in entries],
            "eligible": [entry.report.reference for entry in eligible],
        },
    )
    return render(
        request,
        "support/refer.html",
        {
            "nav": "queue",
            "case": case,
            "entries": entries,
            "eligible": eligible,
            "others": others,
            "more": len(entries) == selectors.VICTIMS_SHOWN,
            "form": form,
            "suggested_ids": suggested_ids,
        },
        status=400 if form.errors else 200,
    )


def _visible_referral(request: HttpRequest, pk: int) -> Referral | None:
    referrals = Referral.objects.select_related("case", "report__complainant", "service")
    return visible_through_case(
        request, referrals, pk, object_type="support_referral", name="support referral"
    )


@referrers
def referral_detail(request: HttpRequest, pk: int) -> HttpResponse:
    referral = _visible_referral(request, pk)
    if referral is None:
        return not_found(request)
    form = ReferralUpdateForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        action, reason = form.cleaned_data["action"], form.cleaned_data["reason"]
        try:
            if action == "sent":
                services.mark_sent(referral, by=request.user)
            elif action == "acknowledged":
                services.acknowledge(referral, by=request.user)
            else:
                services.finish(referral, status=action, reason=reason, by=request.user)
        except services.ReferralRefused as refusal:
            form.add_error("action", str(refusal))
        else:
            messages.success(request, "Referral updated")
            return redirect("support:referral", pk=referral.pk)
    record(
        Action.VIEW,
        "support_referral",
        referral.pk,
        summary=f"Support referral {referral.pk} on case {referral.case.reference} viewed",
        details={"case": referral.case.reference, "report": referral.report.reference},
    )
    return render(
        request,
        "support/referral.html",
        {
            "nav": "queue",
            "referral": referral,
            "complainant": referral.report.complainant,
            "form": form,
            "overdue": selectors.is_overdue(referral),
        },
        status=400 if form.errors else 200,
    )


@referrers
def referrals(request: HttpRequest) -> HttpResponse:
    rows = list(selectors.tracked_referrals(request.user)[:500])
    today = selectors.today()
    for row in rows:
        row.overdue = selectors.is_overdue(row, today)
    record(
        Action.VIEW,
        "support_referral_list",
        summary=f"Open support referrals viewed: {len(rows)}",
        details={"referrals": [row.pk for row in rows]},
    )
    return render(request, "support/referrals.html", {"nav": "support_referrals", "rows": rows})


@never_cache
def acknowledge(request: HttpRequest, token: str) -> HttpResponse:
    """The link in a referral email: the service confirms it received the referral. Shows no
    personal data (the link may be forwarded); works once."""
    referral = services.referral_for_token(token)
    if referral is None:
        return not_found(request)
    if request.method == "POST":
        services.acknowledge_by_token(token)
        return render(request, "support/acknowledged.html", {"referral": referral})
    return render(request, "support/acknowledge.html", {"referral": referral})
