from datetime import date

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator

from hatehub.intake.choices import PLATFORMS, STRANDS
from hatehub.jurisdiction.models import Force

from .models import Case
from .selectors import QueueFilters

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y"]


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


# The hub opened long after this; the bounds keep date arithmetic on the input safe.
EARLIEST, LATEST = date(2000, 1, 1), date(2100, 12, 31)


def _date_field(label: str) -> forms.DateField:
    message = f"{label} must be a real date, like 31/01/2025"
    return forms.DateField(
        label=label,
        required=False,
        input_formats=DATE_FORMATS,
        widget=DateInput(),
        validators=[
            MinValueValidator(EARLIEST, message=f"{label} must be in or after the year 2000"),
            MaxValueValidator(LATEST, message=f"{label} must be before the year 2101"),
        ],
        error_messages={"invalid": message},
    )


class QueueFilterForm(forms.Form):
    """The triage queue's filters: a GET form, so a filtered queue has a link like any page."""

    status = forms.ChoiceField(
        label="Status",
        required=False,
        choices=[("", "Any status"), *Case.Status.choices],
        error_messages={"invalid_choice": "Choose a status from the list"},
    )
    strand = forms.ChoiceField(
        label="Targeted because of",
        required=False,
        choices=[("", "Any"), *STRANDS],
        error_messages={"invalid_choice": "Choose a characteristic from the list"},
    )
    platform = forms.ChoiceField(
        label="Platform",
        required=False,
        choices=[("", "Any platform"), *PLATFORMS],
        error_messages={"invalid_choice": "Choose a platform from the list"},
    )
    force = forms.ModelChoiceField(
        label="Allocated force",
        required=False,
        queryset=Force.objects.all(),
        to_field_name="police_uk_id",
        empty_label="Any force",
        error_messages={"invalid_choice": "Choose a force from the list"},
    )
    opened_from = _date_field("Opened from")
    opened_to = _date_field("Opened to")

    def __init__(self, *args, choose_force: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not choose_force:  # a force user's queue holds only their own force's cases
            del self.fields["force"]

    def clean(self):
        data = super().clean()
        start, end = data.get("opened_from"), data.get("opened_to")
        if start and end and end < start:
            self.add_error("opened_to", "Opened to must be the same as or after opened from")
        return data

    def filters(self) -> QueueFilters:
        """The filters that passed validation (a bad field is shown as an error and ignored)."""
        data = getattr(self, "cleaned_data", {})
        force = data.get("force")
        return QueueFilters(
            status=data.get("status") or "",
            strand=data.get("strand") or "",
            platform=data.get("platform") or "",
            force_id=force.pk if force else None,
            opened_from=data.get("opened_from"),
            opened_to=data.get("opened_to"),
        )


class AllocationForm(forms.Form):
    force = forms.ModelChoiceField(
        label="Force",
        queryset=Force.objects.all(),
        to_field_name="police_uk_id",
        empty_label="Choose a force",
        error_messages={
            "required": "Choose the force to allocate the case to",
            "invalid_choice": "Choose a force from the list",
        },
    )
    reason = forms.CharField(
        label="Reason for allocation",
        help_text="This is recorded on the case timeline and in the audit log.",
        max_length=300,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": "Enter the reason for allocating the case",
            "max_length": "Reason must be 300 characters or fewer",
        },
    )
