"""The audit log's page, for the people who check how personal data is used (supervisors and
administrators). Reading the log is itself logged. It lives with the roles it checks: `audit`
is below `accounts` (signing in is audited), so the audit app cannot ask who may read it."""

from django import forms
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from hatehub.audit.models import AuditEvent
from hatehub.audit.services import Action, record
from hatehub.core.pagination import paginate

from .access import audit_readers

PAGE_SIZE = 50


class AuditFilterForm(forms.Form):
    object_type = forms.CharField(
        label="Object type", required=False, max_length=50, help_text="For example, case"
    )
    object_id = forms.CharField(
        label="Object ID", required=False, max_length=64, help_text="For example, a case reference"
    )
    actor = forms.CharField(
        label="Who", required=False, max_length=200, help_text="All or part of a user name"
    )
    action = forms.ChoiceField(
        label="Action",
        required=False,
        choices=[("", "Any action"), *Action.choices],
        error_messages={"invalid_choice": "Choose an action from the list"},
    )

    def filters(self) -> dict[str, str]:
        data = getattr(self, "cleaned_data", {})
        return {name: value for name, value in data.items() if value}


def events(filters: dict[str, str]) -> QuerySet[AuditEvent]:
    """Newest first; filters match the indexed columns exactly, the actor by substring."""
    found = AuditEvent.objects.all()
    if filters.get("object_type"):
        found = found.filter(object_type=filters["object_type"])
    if filters.get("object_id"):
        found = found.filter(object_id=filters["object_id"])
    if filters.get("actor"):
        found = found.filter(actor_label__icontains=filters["actor"])
    if filters.get("action"):
        found = found.filter(action=filters["action"])
    return found.order_by("-sequence")


@audit_readers
def log(request: HttpRequest) -> HttpResponse:
    form = AuditFilterForm(request.GET)
    form.is_valid()  # errors are shown; the valid filters still apply
    filters = form.filters()
    page, page_range = paginate(request, events(filters), PAGE_SIZE)
    entries = list(page.object_list)
    record(
        Action.VIEW,
        "audit_log",
        summary=f"Audit log viewed: page {page.number}, {len(entries)} entries",
        details={
            "filters": filters,
            "page": page.number,
            "sequences": [entries[0].sequence, entries[-1].sequence] if entries else [],
        },
    )
    return render(
        request,
        "audit/log.html",
        {
            "nav": "audit",
            "form": form,
            "entries": entries,
            "page": page,
            "page_range": page_range,
            "filtered": bool(filters),
            "page_has_errors": bool(form.errors),
        },
    )
