from datetime import date

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator

from hatehub.accounts.models import User

from .eligibility import DECISION_LABELS
from .models import ReviewRequest

DATE_FORMATS = ["%Y-%m-%d", "%d/%m/%Y", "%d/%m/%y", "%d-%m-%Y"]
EARLIEST, LATEST = date(2000, 1, 1), date(2100, 12, 31)


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


def date_field(label: str, required_message: str) -> forms.DateField:
    return forms.DateField(
        label=label,
        input_formats=DATE_FORMATS,
        widget=DateInput(),
        validators=[
            MinValueValidator(EARLIEST, message=f"{label} must be in or after the year 2000"),
            MaxValueValidator(LATEST, message=f"{label} must be before the year 2101"),
        ],
        error_messages={
            "required": required_message,
            "invalid": f"{label} must be a real date, like 31/01/2025",
        },
    )


def _user_label(user: User) -> str:
    name = user.get_full_name() or user.username
    where = f", {user.force.name}" if getattr(user, "force", None) else ""
    return f"{name} ({user.get_role_display()}{where})"


class RequestForm(forms.Form):
    report = forms.ChoiceField(
        label="Victim's report",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the report of the victim asking for the review",
            "invalid_choice": "Choose a report from this case",
        },
    )
    decision_kind = forms.ChoiceField(
        label="Decision to be reviewed",
        widget=forms.RadioSelect,
        choices=[(k.value, label) for k, label in DECISION_LABELS.items()],
        error_messages={
            "required": "Choose the decision the victim wants reviewed",
            "invalid_choice": "Choose a decision from the list",
        },
    )
    suspect_interviewed = forms.ChoiceField(
        label="Was a suspect interviewed under caution before the decision?",
        widget=forms.RadioSelect,
        choices=[("yes", "Yes"), ("no", "No")],
        error_messages={
            "required": "Say whether a suspect was interviewed under caution",
            "invalid_choice": "Choose yes or no",
        },
    )
    decision_date = date_field("Date of the decision", "Enter the date of the decision")
    decision_maker = forms.ModelChoiceField(
        label="Who made the decision (if they use the hub)",
        required=False,
        queryset=User.objects.none(),
        empty_label="Not a hub user",
        error_messages={"invalid_choice": "Choose a person from the list"},
    )
    decision_maker_name = forms.CharField(
        label="Name and role of who made the decision (if not a hub user)",
        required=False,
        max_length=200,
        error_messages={"max_length": "Name must be 200 characters or fewer"},
    )
    received_on = date_field(
        "Date the request was received", "Enter the date the request was received"
    )
    channel = forms.ChoiceField(
        label="How the request was made",
        widget=forms.RadioSelect,
        choices=ReviewRequest.Channel.choices,
        error_messages={
            "required": "Choose how the request was made",
            "invalid_choice": "Choose how the request was made",
        },
    )
    grounds = forms.CharField(
        label="Grounds: why the victim asks for a review",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": "Enter the victim's grounds for the review",
            "max_length": "Grounds must be 5000 characters or fewer",
        },
    )

    def __init__(self, *args, reports=(), decision_makers=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["report"].choices = [
            (r.reference, f"Report {r.reference} ({r.get_reporter_role_display().lower()})")
            for r in reports
        ]
        if decision_makers is not None:
            self.fields["decision_maker"].queryset = decision_makers
        self.fields["decision_maker"].label_from_instance = _user_label

    def clean(self):
        data = super().clean()
        if not data.get("decision_maker") and not (data.get("decision_maker_name") or "").strip():
            if "decision_maker" not in self.errors:
                self.add_error(
                    "decision_maker_name",
                    "Choose who made the decision, or enter their name and role",
                )
        made, received = data.get("decision_date"), data.get("received_on")
        if made and received and received < made:
            self.add_error(
                "received_on", "The request cannot be received before the decision was made"
            )
        return data


class AcknowledgeForm(forms.Form):
    acknowledged_on = date_field(
        "Date the request was acknowledged", "Enter the date the request was acknowledged"
    )


class AssignForm(forms.Form):
    reviewer = forms.ModelChoiceField(
        label="Reviewer",
        help_text="Someone who did not make the original decision.",
        queryset=User.objects.none(),
        empty_label="Choose a reviewer",
        error_messages={
            "required": "Choose a reviewer",
            "invalid_choice": "Choose a reviewer from the list",
        },
    )

    def __init__(self, *args, reviewers=None, **kwargs):
        super().__init__(*args, **kwargs)
        if reviewers is not None:
            self.fields["reviewer"].queryset = reviewers
        self.fields["reviewer"].label_from_instance = _user_label


class DecideForm(forms.Form):
    outcome = forms.ChoiceField(
        label="Outcome of the review",
        widget=forms.RadioSelect,
        choices=ReviewRequest.Outcome.choices,
        error_messages={
            "required": "Choose the outcome of the review",
            "invalid_choice": "Choose the outcome of the review",
        },
    )
    reasons = forms.CharField(
        label="Reasons",
        help_text="These are what the victim will be told.",
        max_length=5000,
        widget=forms.Textarea(attrs={"rows": 5}),
        error_messages={
            "required": "Enter the reasons for the outcome",
            "max_length": "Reasons must be 5000 characters or fewer",
        },
    )
    decided_on = date_field("Date of the review decision", "Enter the date of the decision")
