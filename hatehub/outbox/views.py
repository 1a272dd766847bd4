from django.contrib import messages as flash
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.views.decorators.http import require_POST

from hatehub.accounts import roles
from hatehub.accounts.access import staff_view
from hatehub.audit.models import AuditEvent
from hatehub.audit.services import record
from hatehub.core.pagination import paginate

from . import selectors, services
from .forms import RetryForm, StatusFilterForm
from .models import OutboxMessage

hub_staff = staff_view(roles.sees_every_case)


@hub_staff
def outbox(request: HttpRequest) -> HttpResponse:
    form = StatusFilterForm(request.GET or None)
    status = form.cleaned_data["status"] if form.is_valid() else ""
    page, page_range = paginate(request, selectors.messages(status), 50)
    selectors.describe(page.object_list)
    record(
        AuditEvent.Action.VIEW,
        "outbox",
        summary="Outbox listed",
        details={"status": status, "messages": [message.pk for message in page]},
    )
    return render(
        request,
        "outbox/outbox.html",
        {
            "nav": "outbox",
            "form": form,
            "page": page,
            "page_range": page_range,
            "counts": selectors.counts_by_status(),
        },
    )


def _render_message(request, message: OutboxMessage, form: RetryForm, status: int = 200):
    selectors.describe([message])
    record(
        AuditEvent.Action.VIEW,
        "outbox_message",
        message.pk,
        summary=f"Outbox message to {message.get_channel_display().lower()} recipient viewed",
    )
    return render(
        request,
        "outbox/message.html",
        {"nav": "outbox", "message": message, "form": form},
        status=status,
    )


@hub_staff
def message_detail(request: HttpRequest, message_id: int) -> HttpResponse:
    message = get_object_or_404(OutboxMessage, pk=message_id)
    return _render_message(request, message, RetryForm())


@require_POST
@hub_staff
def retry(request: HttpRequest, message_id: int) -> HttpResponse:
    message = get_object_or_404(OutboxMessage, pk=message_id)
    form = RetryForm(request.POST)
    if not form.is_valid():
        return _render_message(request, message, form, status=400)
    try:
        services.retry_now(message, reason=form.cleaned_data["reason"])
    except services.OutboxError as error:
        form.add_error(None, str(error))
        return _render_message(request, message, form, status=400)
    flash.success(request, "The message is queued to be sent again.")
    return redirect("outbox:message", message_id=message.pk)
