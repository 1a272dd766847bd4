from django import forms
from django.utils import timezone

from .models import ErasureLog, RetentionReview


class ReviewDecisionForm(forms.Form):
    decision = forms.ChoiceField(
        label="What should happen to this record?",
        choices=RetentionReview.Decision.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether to keep or erase the record"},
    )
    keep_until = forms.DateField(
        label="Keep until",
        help_text="For example, 2031-03-27 (YYYY-MM-DD). Only if you keep it.",
        required=False,
        widget=forms.DateInput(attrs={"class": "govuk-input--width-10"}),
        error_messages={"invalid": "Enter the date as YYYY-MM-DD"},
    )
    keep_reason = forms.CharField(
        label="Why is it kept?",
        help_text="The policing purpose it is still needed for. Do not write names or contact "
        "details.",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
    )
    confirm_erase = forms.BooleanField(
        label="I understand erasure removes the personal data, the reports' text and the "
        "evidence files for good",
        required=False,
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") == RetentionReview.Decision.KEEP:
            until = data.get("keep_until")
            if until is None and "keep_until" not in self.errors:
                self.add_error("keep_until", "Enter the date to keep it until")
            elif until is not None and until <= timezone.localdate():
                self.add_error("keep_until", "The date to keep it until must be in the future")
            if not (data.get("keep_reason") or "").strip():
                self.add_error("keep_reason", "Enter why the record is kept")
        elif data.get("decision") == RetentionReview.Decision.ERASE and not data.get(
            "confirm_erase"
        ):
            self.add_error("confirm_erase", "Confirm that you understand erasure is final")
        return data


class EraseCaseForm(forms.Form):
    BASES = list(ErasureLog.BASES.items())
    basis = forms.ChoiceField(
        label="Why is this case being erased?",
        choices=BASES,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose why the case is erased"},
    )
    confirm_erase = forms.BooleanField(
        label="I understand erasure removes the personal data, the reports' text and the "
        "evidence files for good",
        error_messages={"required": "Confirm that you understand erasure is final"},
    )


class FindSubjectForm(forms.Form):
    KINDS = [("complainant", "Someone who reported"), ("person", "A suspect")]
    kind = forms.ChoiceField(
        label="Who is asking for their information?",
        choices=KINDS,
        widget=forms.RadioSelect,
        initial="complainant",
        error_messages={"required": "Choose who is asking"},
    )
    reference = forms.CharField(label="Report reference", required=False, max_length=20)
    email = forms.CharField(label="Email address", required=False, max_length=254)
    phone = forms.CharField(label="Phone number", required=False, max_length=40)
    name = forms.CharField(label="Full name", required=False, max_length=200)
    submitted_from = forms.DateField(
        label="Reported on or after",
        help_text="Optional, YYYY-MM-DD: narrows the search",
        required=False,
        error_messages={"invalid": "Enter the date as YYYY-MM-DD"},
    )
    submitted_to = forms.DateField(
        label="Reported on or before",
        help_text="Optional, YYYY-MM-DD",
        required=False,
        error_messages={"invalid": "Enter the date as YYYY-MM-DD"},
    )
    person_reference = forms.CharField(
        label="Suspect's person reference", required=False, max_length=20
    )

    def clean(self):
        data = super().clean()
        if data.get("kind") == "complainant" and not any(
            (data.get(k) or "").strip() for k in ("reference", "email", "phone", "name")
        ):
            self.add_error("reference", "Enter a report reference, email, phone or name")
        if data.get("kind") == "person" and not (data.get("person_reference") or "").strip():
            self.add_error("person_reference", "Enter the suspect's person reference")
        return data


class ExportForm(forms.Form):
    complainants = forms.ModelMultipleChoiceField(
        label="Reports to include",
        queryset=None,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    person_reference = forms.CharField(required=False, widget=forms.HiddenInput)
    requester = forms.CharField(
        label="Who asked for it",
        help_text='How the request arrived and from whom, e.g. "the data subject, by email, '
        "request received 2026-11-20\" or a solicitor's firm acting for them",
        max_length=200,
        error_messages={"required": "Enter who asked for the information"},
    )

    def __init__(self, *args, complainants=None, **kwargs):
        super().__init__(*args, **kwargs)
        from hatehub.reports.models import Complainant

        self.fields["complainants"].queryset = (
            complainants if complainants is not None else Complainant.objects.all()
        )
        self.fields["complainants"].label_from_instance = lambda c: (
            f"Report {c.report.reference}, {c.report.submitted_at:%d %B %Y}"
        )

    def clean(self):
        data = super().clean()
        if not data.get("complainants") and not (data.get("person_reference") or "").strip():
            self.add_error("complainants", "Choose at least one report")
        return data


def why_label(value: str) -> str:
    return ErasureLog.Why(value).label
