"""Staff pages: the platform directory, referrals (drafting, sending, status) with the
time-to-removal figures, and the hash-sharing export."""

from django.contrib import messages
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.views.decorators.http import require_POST

from hatehub.accounts.access import staff_view
from hatehub.audit.services import Action, record
from hatehub.cases.access import visible_case
from hatehub.cases.models import Case
from hatehub.core.errors import not_found

from . import access, directory, selectors, services
from .forms import (
    AddCasesForm,
    ItemStatusForm,
    NewPlatformForm,
    PlatformForm,
    ReferralItemsForm,
    RetryForm,
    SubmissionForm,
)
from .models import ItemStatus, Platform, Referral


def _posted(request: HttpRequest):
    """The form data of a POST (even an empty one, so it is validated), else None."""
    return request.POST if request.method == "POST" else None


directory_readers = staff_view(access.reads_directory)
directory_editors = staff_view(access.edits_directory)
referral_readers = staff_view(access.reads_referrals)
referral_workers = staff_view(access.works_referrals)
hash_exporters = staff_view(access.exports_hashes)


# --- The directory -------------------------------------------------------------------------


@directory_readers
def platform_list(request: HttpRequest) -> HttpResponse:
    platforms = list(Platform.objects.order_by("name"))
    return render(
        request,
        "platforms/directory.html",
        {
            "platforms": platforms,
            "edits": access.edits_directory(request.user),
            "nav": "referrals",
        },
    )


def _platform_page(request, form, platform=None, *, secret: str = "") -> HttpResponse:
    return render(
        request,
        "platforms/platform_form.html",
        {
            "form": form,
            "platform": platform,
            "rule_domains": directory.rule_domains(platform.slug) if platform else (),
            "callback_url": services.directory.callback_url(platform) if platform else "",
            "secret": secret,
            "page_has_errors": bool(form.errors),
            "nav": "referrals",
        },
    )


@directory_editors
def platform_new(request: HttpRequest) -> HttpResponse:
    form = NewPlatformForm(_posted(request))
    if request.method == "POST" and form.is_valid():
        platform = services.directory.save_platform(form.save(), by=request.user, created=True)
        messages.success(request, f"{platform.name} added to the directory")
        return redirect("platforms:directory")
    return _platform_page(request, form)


@directory_editors
def platform_edit(request: HttpRequest, slug: str) -> HttpResponse:
    platform = get_object_or_404(Platform, slug=slug)
    form = PlatformForm(_posted(request), instance=platform)
    if request.method == "POST" and form.is_valid():
        services.directory.save_platform(form.save(), by=request.user)
        messages.success(request, f"{platform.name} saved")
        return redirect("platforms:directory")
    return _platform_page(request, form, platform)


@directory_editors
@require_POST
def platform_secret(request: HttpRequest, slug: str) -> HttpResponse:
    """Issue (or rotate) the platform's callback key and show it, this once."""
    platform = get_object_or_404(Platform, slug=slug)
    secret = services.directory.issue_callback_secret(platform, by=request.user)
    platform.refresh_from_db()
    return _platform_page(request, PlatformForm(instance=platform), platform, secret=secret)


# --- Referrals -----------------------------------------------------------------------------


@referral_readers
def referral_list(request: HttpRequest) -> HttpResponse:
    referrals = list(selectors.referrals_page(request.user)[:200])
    figures = selectors.figures_for(request.user)
    record(
        Action.VIEW,
        "referral_list",
        "",
        summary=f"Takedown referrals listed ({len(referrals)})",
        details={"figures": len(figures)},
    )
    return render(
        request,
        "platforms/referrals.html",
        {
            "referrals": referrals,
            "figures": figures,
            "works": access.works_referrals(request.user),
            "exports": access.exports_hashes(request.user),
            "nav": "referrals",
        },
    )


def _item_label(row) -> str:
    platform = row.platform.name if row.platform else "no platform in the directory"
    return f"{row.content.canonical_url or row.content.url} ({platform}, case {row.case.reference})"


@referral_workers
def referral_new(request: HttpRequest, reference: str) -> HttpResponse:
    """Choose items from this case (and any others added) to refer to their platform."""
    case = visible_case(request, reference)
    if case is None:
        return not_found(request)
    add_form = AddCasesForm(request.GET or None)
    others, unknown = [], []
    for other in add_form.references() if request.GET else []:
        found = Case.objects.filter(reference=other).first()
        if found is None:
            unknown.append(other)
        elif found.pk != case.pk and found not in others:
            others.append(found)
    if unknown:
        add_form.add_error("cases", f"No case with reference {', '.join(unknown)}")
    groups = selectors.referables([case, *others])
    choices = [
        (str(row.content.pk), _item_label(row))
        for group in groups
        if group.decision is not None
        for row in group.items
        if row.can_refer
    ]
    form = ReferralItemsForm(_posted(request), choices=choices)
    if request.method == "POST" and form.is_valid():
        chosen = [
            row
            for g in groups
            for row in g.items
            if str(row.content.pk) in form.cleaned_data["items"]
        ]
        platforms = {row.platform.slug: row.platform for row in chosen}
        if len(platforms) > 1:
            names = ", ".join(sorted(p.name for p in platforms.values()))
            form.add_error("items", f"Select items on one platform: these are on {names}")
        else:
            try:
                referral = services.drafting.create_referral(
                    platform=next(iter(platforms.values())),
                    content_item_ids=[row.content.pk for row in chosen],
                    by=request.user,
                )
            except services.ReferralRefused as refused:
                form.add_error("items", str(refused))
            else:
                messages.success(
                    request, f"Referral {referral.reference} drafted: check and send it"
                )
                return redirect("platforms:referral", referral=referral.reference)
    record(
        Action.VIEW,
        "case",
        case.reference,
        summary=f"Items of case {case.reference} listed to refer to platforms",
        details={"added_cases": [c.reference for c in others]},
    )
    return render(
        request,
        "platforms/referral_new.html",
        {
            "case": case,
            "groups": groups,
            "form": form,
            "add_form": add_form,
            "added": ",".join(c.reference for c in others),
            "page_has_errors": bool(form.errors or add_form.errors),
            "nav": "referrals",
        },
    )


def _referral(request: HttpRequest, reference: str) -> Referral:
    referral = selectors.referral_for(request.user, reference, path=request.path)
    if referral is None:
        raise Http404
    return referral


@referral_readers
def referral_detail(request: HttpRequest, referral: str) -> HttpResponse:
    found = selectors.referral_for(request.user, referral, path=request.path)
    if found is None:
        return not_found(request)
    if found.delivery == Referral.Delivery.QUEUED and found.outbox_key:
        from hatehub.outbox.models import OutboxMessage

        message = OutboxMessage.objects.filter(key=found.outbox_key).first()
        if services.sending.reconcile_delivery(found, message).delivery != Referral.Delivery.QUEUED:
            found = selectors.referral_for(request.user, referral, path=request.path)
    return _referral_page(request, found)


def _referral_page(request, referral: Referral, **forms) -> HttpResponse:
    hub = access.works_referrals(request.user)
    items = list(referral.items.all())
    outbox = None
    if hub and referral.outbox_key:
        from hatehub.outbox.models import OutboxMessage

        outbox = OutboxMessage.objects.filter(key=referral.outbox_key).first()
    record(
        Action.VIEW,
        "referral",
        referral.reference,
        summary=f"Takedown referral {referral.reference} viewed",
        details={"items": [item.number for item in items]},
    )
    rows = [
        {
            "item": item,
            "hours": selectors.item_hours(item),
            "overdue": selectors.item_overdue(item),
        }
        for item in items
    ]
    context = {
        "referral": referral,
        "rows": rows,
        "hub": hub,
        "outbox": outbox,
        "held": hub and services.sending.held_in_outbox(referral),
        "submission_form": forms.get("submission_form") or SubmissionForm(),
        "retry_form": forms.get("retry_form") or RetryForm(),
        "page_has_errors": any(f.errors for f in forms.values()),
        "nav": "referrals",
    }
    status = 200 if not context["page_has_errors"] else 400
    return render(request, "platforms/referral.html", context, status=status)


@referral_workers
@require_POST
def referral_send(request: HttpRequest, referral: str) -> HttpResponse:
    found = _referral(request, referral)
    try:
        services.sending.send_referral(found, by=request.user)
    except services.ReferralRefused as refused:
        messages.error(request, str(refused))
    else:
        messages.success(request, f"Referral {found.reference} is in the outbox to send")
    return redirect("platforms:referral", referral=found.reference)


@referral_workers
@require_POST
def referral_submitted(request: HttpRequest, referral: str) -> HttpResponse:
    found = _referral(request, referral)
    form = SubmissionForm(request.POST)
    if form.is_valid():
        try:
            services.sending.record_submission(
                found, by=request.user, note=form.cleaned_data["note"]
            )
        except services.ReferralRefused as refused:
            form.add_error("confirm", str(refused))
        else:
            messages.success(request, "Submission recorded: the items are now sent")
            return redirect("platforms:referral", referral=found.reference)
    return _referral_page(request, found, submission_form=form)


@referral_workers
@require_POST
def referral_retry(request: HttpRequest, referral: str) -> HttpResponse:
    found = _referral(request, referral)
    form = RetryForm(request.POST)
    if form.is_valid():
        try:
            services.sending.retry_delivery(
                found, by=request.user, reason=form.cleaned_data["reason"]
            )
        except services.ReferralRefused as refused:
            form.add_error("reason", str(refused))
        else:
            messages.success(request, "Queued to send again")
            return redirect("platforms:referral", referral=found.reference)
    return _referral_page(request, found, retry_form=form)


def _item(request: HttpRequest, referral: str, number: int):
    found = _referral(request, referral)
    item = next((i for i in found.items.all() if i.number == number), None)
    if item is None:
        raise Http404
    return found, item


@referral_workers
def item_status(request: HttpRequest, referral: str, number: int) -> HttpResponse:
    found, item = _item(request, referral, number)
    form = ItemStatusForm(_posted(request), initial={"status": item.status})
    if request.method == "POST" and form.is_valid():
        try:
            services.status.set_status_by_officer(
                item,
                status=form.cleaned_data["status"],
                reason=form.cleaned_data["reason"],
                by=request.user,
            )
        except services.ReferralRefused as refused:
            form.add_error("status", str(refused))
        else:
            messages.success(request, f"Item {item.label} updated")
            return redirect("platforms:referral", referral=found.reference)
    return render(
        request,
        "platforms/item_status.html",
        {
            "referral": found,
            "item": item,
            "form": form,
            "page_has_errors": bool(form.errors),
            "nav": "referrals",
        },
    )


@referral_workers
@require_POST
def item_check(request: HttpRequest, referral: str, number: int) -> HttpResponse:
    found, item = _item(request, referral, number)
    if item.status == ItemStatus.DRAFTED:
        messages.error(request, "Send the referral before checking the item")
    else:
        services.liveness.enqueue_liveness_checks(type(item).objects.filter(pk=item.pk))
        messages.success(request, f"Liveness check of {item.label} started")
    return redirect("platforms:referral", referral=found.reference)


# --- Hash sharing --------------------------------------------------------------------------


@hash_exporters
def hash_export(request: HttpRequest) -> HttpResponse:
    csv_text, count = services.hash_sharing.hash_sharing_csv()
    response = HttpResponse(csv_text, content_type="text/csv; charset=utf-8")
    stamp = timezone.now().strftime("%Y%m%d")
    response["Content-Disposition"] = f'attachment; filename="hub-hash-sharing-{stamp}.csv"'
    response["X-Hub-Rows"] = str(count)
    return response
