from django import forms
from django.db import models

from . import directory
from .models import ItemStatus, Platform
from .services.status import OFFICER_STATUSES

CHANNEL_ADDRESS = {
    Platform.Channel.EMAIL: "referral_email",
    Platform.Channel.API: "referral_endpoint",
    Platform.Channel.WEB_FORM: "web_form_url",
}


def _formfield(field, **kwargs):
    if isinstance(field, models.URLField):
        kwargs["assume_scheme"] = "https"
    return field.formfield(**kwargs)


class PlatformForm(forms.ModelForm):
    extra_domains = forms.CharField(
        label="Domains",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="One a line, like forum.example.org. Only for a platform the URL rules do "
        "not cover: the others take their domains from the rules.",
    )

    class Meta:
        model = Platform
        formfield_callback = _formfield
        fields = [
            "name",
            "channel",
            "referral_email",
            "referral_endpoint",
            "web_form_url",
            "legal_contact",
            "service_level_hours",
            "notes",
            "active",
        ]
        labels = {
            "name": "Name",
            "channel": "How referrals are sent",
            "referral_email": "Referral email address",
            "referral_endpoint": "Referral API endpoint (https)",
            "web_form_url": "Referral web form address",
            "legal_contact": "Legal requests contact",
            "service_level_hours": "Expected time to removal, in hours",
            "notes": "Notes",
            "active": "Referrals can be made to this platform",
        }
        widgets = {
            "channel": forms.RadioSelect,
            "notes": forms.Textarea(attrs={"rows": 4}),
        }

    def __init__(self, *args, slug: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.slug = slug or self.instance.slug
        self.fields["channel"].choices = Platform.Channel.choices
        self.fields["service_level_hours"].min_value = 1
        if self.instance.pk and not self.is_bound:
            self.initial["extra_domains"] = "\n".join(self.instance.extra_domains)
        if directory.rule_domains(self.slug):
            del self.fields["extra_domains"]

    def clean_extra_domains(self) -> list[str]:
        text = self.cleaned_data.get("extra_domains", "")
        domains = list(dict.fromkeys(d.strip().lower() for d in text.splitlines() if d.strip()))
        others = {
            slug: domains
            for slug, domains in Platform.objects.exclude(slug=self.slug).values_list(
                "slug", "extra_domains"
            )
        }
        problems = directory.domain_problems(self.slug, domains, others)
        if problems:
            raise forms.ValidationError(problems)
        return domains

    def clean_referral_endpoint(self) -> str:
        value = self.cleaned_data.get("referral_endpoint", "")
        if value and not value.startswith("https://"):
            raise forms.ValidationError("Enter an https address: referrals are not sent in clear")
        return value

    def clean_service_level_hours(self) -> int:
        value = self.cleaned_data.get("service_level_hours")
        if value is None or value < 1:
            raise forms.ValidationError("Enter a number of hours, 1 or more")
        return value

    def clean(self):
        data = super().clean()
        channel = data.get("channel")
        field = CHANNEL_ADDRESS.get(channel)
        if field and not data.get(field) and field not in self.errors:
            self.add_error(field, "Enter the address for this way of sending referrals")
        if "extra_domains" in self.fields and not self.errors.get("extra_domains"):
            if not data.get("extra_domains") and not directory.rule_domains(self.slug):
                self.add_error("extra_domains", "Enter at least one domain of the platform")
        return data

    def save(self, commit: bool = True) -> Platform:
        platform = super().save(commit=False)
        platform.slug = self.slug
        if "extra_domains" in self.fields:
            platform.extra_domains = self.cleaned_data["extra_domains"]
        return platform


class NewPlatformForm(PlatformForm):
    new_slug = forms.SlugField(
        label="Short name",
        max_length=40,
        help_text="Lower-case letters, digits and hyphens, like example-forum",
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, slug="", **kwargs)
        self.order_fields(["new_slug", *[name for name in self.fields if name != "new_slug"]])

    def clean_new_slug(self) -> str:
        slug = self.cleaned_data["new_slug"].lower()
        if Platform.objects.filter(slug=slug).exists():
            raise forms.ValidationError("A platform with this short name is in the directory")
        if directory.rule_domains(slug):
            raise forms.ValidationError(
                "The URL rules cover this platform: load it with manage.py load_platforms"
            )
        self.slug = slug
        return slug


class ReferralItemsForm(forms.Form):
    items = forms.MultipleChoiceField(
        label="Items to refer",
        widget=forms.CheckboxSelectMultiple,
        help_text="Items on one platform go in one referral",
        error_messages={"required": "Select at least one item to refer"},
    )

    def __init__(self, *args, choices, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["items"].choices = choices


class AddCasesForm(forms.Form):
    cases = forms.CharField(
        label="Add items from other cases",
        required=False,
        help_text="Case references, separated by commas or spaces, like OHH-2026-000123",
    )

    def references(self) -> list[str]:
        text = self.cleaned_data.get("cases", "") if self.is_valid() else ""
        return [ref for ref in text.replace(",", " ").split() if ref][:20]


class ItemStatusForm(forms.Form):
    status = forms.ChoiceField(
        label="What the platform did",
        widget=forms.RadioSelect,
        choices=[(s, ItemStatus(s).label) for s in OFFICER_STATUSES],
        error_messages={"required": "Choose a status"},
    )
    reason = forms.CharField(
        label="Reason or note",
        required=False,
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text="Required for a refusal (the platform's reason) or to move an item back",
    )

    def clean(self):
        data = super().clean()
        if data.get("status") == ItemStatus.REFUSED and not data.get("reason", "").strip():
            self.add_error("reason", "Give the platform's reason for refusing")
        return data


class SubmissionForm(forms.Form):
    confirm = forms.BooleanField(
        label="I have sent this text to the platform (its web form, or the email myself)",
        error_messages={"required": "Confirm that you submitted the referral"},
    )
    note = forms.CharField(
        label="Platform's confirmation or ticket number (optional)",
        required=False,
        max_length=300,
    )


class RetryForm(forms.Form):
    reason = forms.CharField(
        label="Why send it again",
        max_length=300,
        error_messages={"required": "Say why you are sending it again"},
    )
