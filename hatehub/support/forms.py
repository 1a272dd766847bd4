from django import forms
from django.db import models

from hatehub.jurisdiction.models import Force
from hatehub.reports.models import Strand

from .areas import AreaError, parse_areas
from .models import Referral, SupportService


class DirectoryFilterForm(forms.Form):
    strand = forms.ModelChoiceField(
        label="Serves people targeted because of",
        required=False,
        queryset=Strand.objects.all(),
        to_field_name="code",
        empty_label="Any characteristic",
        error_messages={"invalid_choice": "Choose a characteristic from the list"},
    )
    force = forms.ModelChoiceField(
        label="Covers the force area",
        required=False,
        queryset=Force.objects.all(),
        to_field_name="police_uk_id",
        empty_label="Any area",
        error_messages={"invalid_choice": "Choose a force from the list"},
    )
    inactive = forms.BooleanField(label="Include services no longer in use", required=False)


def _formfield(field, **kwargs):
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class SupportServiceForm(forms.ModelForm):
    class Meta:
        model = SupportService
        formfield_callback = _formfield
        fields = [
            "name",
            "scope",
            "forces",
            "postcode_areas",
            "strands",
            "referral_method",
            "contact_email",
            "contact_url",
            "contact_phone",
            "notes",
            "source",
            "example_contact",
            "active",
        ]
        labels = {
            "name": "Name of the service",
            "scope": "Where it works",
            "forces": "Force areas it covers",
            "postcode_areas": "Postcode areas or districts it covers",
            "strands": "Who it supports",
            "referral_method": "How referrals are made",
            "contact_email": "Referral email address",
            "contact_url": "Referral web form or website address",
            "contact_phone": "Phone number",
            "notes": "Notes for officers",
            "source": "Source of these details and when last checked",
            "example_contact": "These contact details are examples, not real ones",
            "active": "In use",
        }
        help_texts = {
            "forces": "For a local service. Leave empty for a national one.",
            "postcode_areas": "Separate them with commas, for example L, CH, WA1.",
            "strands": "Leave empty if it supports everyone.",
        }
        widgets = {
            "scope": forms.RadioSelect,
            "referral_method": forms.RadioSelect,
            "forces": forms.CheckboxSelectMultiple,
            "strands": forms.CheckboxSelectMultiple,
            "notes": forms.Textarea(attrs={"rows": 3}),
        }
        error_messages = {
            "name": {
                "required": "Enter the name of the service",
                "max_length": "Name must be 200 characters or fewer",
                "unique": "A service with this name is already in the directory",
            },
            "scope": {
                "required": "Choose whether the service is national or local",
                "invalid_choice": "Choose national or local",
            },
            "referral_method": {
                "required": "Choose how referrals are made",
                "invalid_choice": "Choose how referrals are made",
            },
            "contact_email": {"invalid": "Enter an email address like name@example.org"},
            "contact_url": {"invalid": "Enter a web address starting https://"},
            "forces": {"invalid_choice": "Choose force areas from the list"},
            "strands": {"invalid_choice": "Choose characteristics from the list"},
        }

    def clean_postcode_areas(self) -> str:
        try:
            return ", ".join(parse_areas(self.cleaned_data.get("postcode_areas", "")))
        except AreaError as error:
            raise forms.ValidationError(str(error)) from None

    def clean_contact_url(self) -> str:
        url = self.cleaned_data.get("contact_url", "")
        if url and not url.lower().startswith("https://"):
            raise forms.ValidationError("Enter a web address starting https://")
        return url

    def clean_contact_phone(self) -> str:
        phone = " ".join(self.cleaned_data.get("contact_phone", "").split())
        digits = [c for c in phone if c.isdigit()]
        if phone and (len(digits) < 3 or any(c not in "0123456789 +()-" for c in phone)):
            raise forms.ValidationError("Enter a phone number using digits, like 0300 000 0000")
        return phone

    def clean(self):
        data = super().clean()
        scope, method = data.get("scope"), data.get("referral_method")
        if scope == SupportService.Scope.LOCAL and not (
            data.get("forces") or data.get("postcode_areas")
        ):
            self.add_error("forces", "Choose the force areas or enter the postcode areas it covers")
        if scope == SupportService.Scope.NATIONAL and (
            data.get("forces") or data.get("postcode_areas")
        ):
            self.add_error("forces", "A national service covers everywhere: choose no areas")
        needed = {
            SupportService.Method.EMAIL: ("contact_email", "Enter the referral email address"),
            SupportService.Method.WEB_FORM: ("contact_url", "Enter the web form's address"),
            SupportService.Method.PHONE: ("contact_phone", "Enter the phone number"),
        }.get(method)
        if needed and not data.get(needed[0]) and needed[0] not in self.errors:
            self.add_error(needed[0], needed[1])
        if method == SupportService.Method.SELF_REFERRAL and not any(
            data.get(name) for name in ("contact_email", "contact_url", "contact_phone")
        ):
            self.add_error(
                "contact_url", "Enter at least one way for the victim to contact the service"
            )
        return data


class ReferralForm(forms.Form):
    report = forms.ChoiceField(
        label="Victim",
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the victim to refer",
            "invalid_choice": "Choose a victim who agreed to a referral",
        },
    )
    service = forms.ModelChoiceField(
        label="Support service",
        queryset=SupportService.objects.none(),
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose a support service",
            "invalid_choice": "Choose a service that takes referrals",
        },
    )
    note = forms.CharField(
        label="Note for the service (optional)",
        help_text="Only what the service needs to contact the victim safely. Do not describe "
        "the abuse or name anyone else.",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "Note must be 500 characters or fewer"},
    )

    def __init__(self, *args, victims=(), services=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["report"].choices = [
            (
                entry.report.reference,
                f"{entry.report.complainant.name or 'Name not given'} "
                f"(report {entry.report.reference})",
            )
            for entry in victims
        ]
        self.fields["service"].queryset = (
            services
            if services is not None
            else (
                SupportService.objects.filter(active=True).exclude(
                    referral_method=SupportService.Method.SELF_REFERRAL
                )
            )
        )
        self.fields["service"].label_from_instance = lambda s: (
            f"{s.name} ({s.get_scope_display().split(' (')[0].lower()}, "
            f"{s.get_referral_method_display().split(' (')[0].lower()})"
        )


class ReferralUpdateForm(forms.Form):
    ACTIONS = [
        ("sent", "I have made the referral (sent by hand)"),
        ("acknowledged", "The service has acknowledged it"),
        (Referral.Status.CLOSED, "Close it: support is under way or no longer needed"),
        (Referral.Status.DECLINED, "The service or the victim declined it"),
    ]
    action = forms.ChoiceField(
        label="What has happened?",
        widget=forms.RadioSelect,
        choices=ACTIONS,
        error_messages={
            "required": "Choose what has happened",
            "invalid_choice": "Choose what has happened",
        },
    )
    reason = forms.CharField(
        label="Reason or details",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"max_length": "Reason must be 500 characters or fewer"},
    )

    def clean(self):
        data = super().clean()
        action = data.get("action")
        if (
            action in (Referral.Status.CLOSED, Referral.Status.DECLINED)
            and not (data.get("reason") or "").strip()
        ):
            self.add_error("reason", "Enter the reason for closing or declining the referral")
        return data
