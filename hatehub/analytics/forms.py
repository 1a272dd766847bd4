from datetime import date, timedelta

from django import forms
from django.utils import timezone

from hatehub.cases.forms import DATE_FORMATS, DateInput
from hatehub.jurisdiction.models import Force
from hatehub.reports.choices import PLATFORMS, STRANDS

from .selectors import Filters

EARLIEST, LATEST = date(2000, 1, 1), date(2100, 12, 31)
LONGEST_RANGE = timedelta(days=3 * 366)


def _date_field(label: str) -> forms.DateField:
    return forms.DateField(
        label=label,
        required=False,
        input_formats=DATE_FORMATS,
        widget=DateInput(),
        error_messages={"invalid": f"{label} must be a real date, like 31/01/2026"},
    )


class DashboardFilterForm(forms.Form):
    """The dashboard's filters: a GET form, so a filtered dashboard (and each chart's CSV) has
    a link like any page."""

    date_from = _date_field("From")
    date_to = _date_field("To")
    interval = forms.ChoiceField(
        label="Count per",
        required=False,
        choices=[("day", "Day"), ("week", "Week")],
        widget=forms.RadioSelect,
        error_messages={"invalid_choice": "Choose day or week"},
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

    def __init__(self, *args, choose_force: bool = True, **kwargs):
        super().__init__(*args, **kwargs)
        if not choose_force:  # a force user's figures are their own force's
            del self.fields["force"]

    def clean_date_from(self):
        return self._in_bounds(self.cleaned_data.get("date_from"), "From")

    def clean_date_to(self):
        return self._in_bounds(self.cleaned_data.get("date_to"), "To")

    @staticmethod
    def _in_bounds(value, label):
        if value is not None and not EARLIEST <= value <= LATEST:
            raise forms.ValidationError(f"{label} must be between 2000 and 2100")
        return value

    def clean(self):
        data = super().clean()
        start, end = data.get("date_from"), data.get("date_to")
        if start and end:
            if end < start:
                self.add_error("date_to", "To must be the same as or after from")
            elif end - start > LONGEST_RANGE:
                self.add_error("date_to", "Choose a range of 3 years or less")
        return data

    def filters(self) -> Filters:
        """The filters that passed validation; a field with an error falls back to its
        default (the error is shown)."""
        data = getattr(self, "cleaned_data", {})
        default = Filters.default(timezone.localdate())
        start = data.get("date_from") or default.start
        end = data.get("date_to") or default.end
        if "date_to" in self.errors or "date_from" in self.errors or end < start:
            start, end = default.start, default.end
        if not data.get("date_from") and data.get("date_to") and "date_to" not in self.errors:
            start = end - (default.end - default.start)
        force = data.get("force")
        return Filters(
            start=start,
            end=end,
            interval=data.get("interval") or "day",
            strand=data.get("strand") or "",
            platform=data.get("platform") or "",
            force_id=force.pk if force else None,
        )


class AcknowledgeForm(forms.Form):
    note = forms.CharField(
        label="Note (optional)",
        required=False,
        max_length=500,
        help_text="What is being done about it, for the rest of the hub",
        error_messages={"max_length": "Note must be 500 characters or fewer"},
    )
