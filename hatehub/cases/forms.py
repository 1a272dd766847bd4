from datetime import date

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone

from hatehub.jurisdiction.models import Force
from hatehub.reports.choices import PLATFORMS, STRANDS

from .models import Case, OutcomeCode
from .outcomes import FINAL_CODES, ProposedOutcome
from .selectors import AllocationFilter, QueueFilters

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
    allocation = forms.ChoiceField(
        label="Allocation",
        required=False,
        choices=[("", "Any"), *AllocationFilter.HUB_CHOICES],
        error_messages={"invalid_choice": "Choose an allocation state from the list"},
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
            self.fields["allocation"].choices = [("", "Any"), *AllocationFilter.FORCE_CHOICES]

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
            allocation=data.get("allocation") or "",
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


# A force's answer to an offer, and its outcomes -------------------------------------------------


class OfferAnswerForm(forms.Form):
    """Carries the offer the force user saw, so an answer to an offer the hub has withdrawn
    since is refused (by the service) instead of answering the new one."""

    offer = forms.IntegerField(required=False, widget=forms.HiddenInput)


class AcceptForm(OfferAnswerForm):
    pass


def _reason_field(label: str, required_message: str, help_text: str = "") -> forms.CharField:
    return forms.CharField(
        label=label,
        help_text=help_text,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": required_message,
            "max_length": "Reason must be 500 characters or fewer",
        },
    )


class ReturnForm(OfferAnswerForm):
    reason = _reason_field(
        "Reason for returning the case",
        "Enter the reason for returning the case",
        "The hub will see this and allocate the case again.",
    )


class TransferForm(OfferAnswerForm):
    force = forms.ModelChoiceField(
        label="Force that should have the case",
        queryset=Force.objects.all(),
        to_field_name="police_uk_id",
        empty_label="Choose a force",
        error_messages={
            "required": "Choose the force the case should be transferred to",
            "invalid_choice": "Choose a force from the list",
        },
    )
    reason = _reason_field(
        "Why that force should have it",
        "Enter the reason for asking for a transfer",
        "For example, where the suspect was when they posted. The hub decides.",
    )

    def __init__(self, *args, own_force=None, **kwargs):
        super().__init__(*args, **kwargs)
        if own_force is not None:
            self.fields["force"].queryset = Force.objects.exclude(pk=own_force.pk)


YES_NO = [("yes", "Yes"), ("no", "No")]
REPORTED_BY = {
    "victim": "made by the victim",
    "on_behalf": "made for the victim",
    "witness": "made by a witness",
    "organisation": "made by an organisation",
}


class OutcomeForm(forms.Form):
    """The Home Office outcome of one victim's crime. The recording rules themselves are in
    `cases.outcomes`; the view puts the problems they find on these fields."""

    crime = forms.ChoiceField(
        label="Which victim's crime",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the crime the outcome is for",
            "invalid_choice": "Choose a crime from the list",
        },
    )
    code = forms.TypedChoiceField(
        label="Outcome",
        coerce=int,
        choices=[
            ("", "Choose an outcome"),
            *[(code, f"{code}: {OutcomeCode(code).label}") for code in sorted(FINAL_CODES)],
        ],
        error_messages={
            "required": "Choose the outcome",
            "invalid_choice": "Choose an outcome from the list",
        },
    )
    outcome_date = forms.DateField(
        label="Outcome date",
        input_formats=DATE_FORMATS,
        widget=DateInput(),
        validators=[
            MinValueValidator(EARLIEST, message="Outcome date must be in or after the year 2000")
        ],
        error_messages={
            "required": "Enter the outcome date",
            "invalid": "Outcome date must be a real date, like 31/01/2025",
        },
    )
    suspect_identified = forms.ChoiceField(
        label="Was a suspect identified?",
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages={"required": "Say whether a suspect was identified"},
    )
    suspect_name = forms.CharField(
        label="Suspect's name (optional)",
        help_text="Needed for outcome 21.",
        required=False,
        max_length=200,
        error_messages={"max_length": "Suspect's name must be 200 characters or fewer"},
    )
    rationale = forms.CharField(
        label="Rationale (optional)",
        help_text="Why this outcome. Needed for outcome 21.",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
        error_messages={"max_length": "Rationale must be 2000 characters or fewer"},
    )
    victim_informed = forms.BooleanField(
        label="The victim has been told of this outcome",
        help_text="Needed for outcome 21.",
        required=False,
    )
    confirm = forms.BooleanField(
        label="I confirm this outcome is right for this hate crime",
        help_text="For outcome 21, which forces do not normally use for hate crime, and for "
        "outcome 17, once you have read the time limit shown.",
        required=False,
    )

    def __init__(self, *args, crimes=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["crime"].choices = [
            (
                crime.reference,
                f"Report {crime.reference}, {REPORTED_BY.get(crime.reporter_role, 'reported')} "
                f"on {timezone.localtime(crime.submitted_at):%d/%m/%Y}",
            )
            for crime in crimes
        ]
        if len(crimes) == 1:
            self.fields["crime"].initial = crimes[0].reference

    def proposed(self) -> ProposedOutcome:
        data = self.cleaned_data
        return ProposedOutcome(
            code=data["code"],
            outcome_date=data["outcome_date"],
            suspect_identified=data["suspect_identified"] == "yes",
            suspect_name=data["suspect_name"],
            rationale=data["rationale"],
            victim_informed=data["victim_informed"],
        )
