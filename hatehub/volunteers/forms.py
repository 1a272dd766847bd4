from django import forms
from django.conf import settings
from django.contrib.auth import password_validation
from django.utils import timezone

from hatehub.accounts.models import Organisation, User
from hatehub.reports.choices import PLATFORMS, STRANDS

from . import bulk


def max_rows() -> int:
    return int(getattr(settings, "HUB_VOLUNTEER_MAX_ROWS", 1000))


def max_csv_bytes() -> int:
    return int(getattr(settings, "HUB_VOLUNTEER_CSV_MAX_BYTES", 1024 * 1024))


class DateInput(forms.DateInput):
    input_type = "date"

    def __init__(self):
        super().__init__(format="%Y-%m-%d")


class LinksForm(forms.Form):
    """Several addresses at once, one per line, each optionally followed by notes."""

    urls = forms.CharField(
        label="Web addresses",
        help_text="One address per line, starting https://. After the address you can add a "
        "space and a short note about what you saw.",
        widget=forms.Textarea(attrs={"rows": 10}),
        error_messages={"required": "Enter at least one web address"},
    )
    platform = forms.ChoiceField(
        label="Where were they posted?",
        required=False,
        choices=[("", "Read it from each address"), *PLATFORMS],
        error_messages={"invalid_choice": "Choose a platform from the list"},
    )
    strands = forms.MultipleChoiceField(
        label="Why do they target people?",
        help_text="Select all that apply.",
        required=False,
        choices=STRANDS,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose from the list"},
    )
    occurred_on = forms.DateField(
        label="When were they posted? (optional)",
        required=False,
        input_formats=list(bulk.DATE_FORMATS),
        widget=DateInput(),
        error_messages={"invalid": "The date must be a real date, like 31/01/2026"},
    )

    def clean_occurred_on(self):
        day = self.cleaned_data.get("occurred_on")
        if day and day > timezone.localdate():
            raise forms.ValidationError("The date must be today or in the past")
        if day and day < bulk.EARLIEST_DATE:
            raise forms.ValidationError("The date must be in or after the year 2000")
        return day

    def clean(self):
        data = super().clean()
        if "urls" in data and not self.errors:
            items, errors = bulk.read_lines(
                data["urls"],
                platform=data.get("platform", ""),
                strands=data.get("strands") or [],
                occurred_on=data.get("occurred_on"),
                today=timezone.localdate(),
                max_rows=max_rows(),
            )
            for error in errors:
                where = f"Line {error.row}: " if error.row else ""
                self.add_error("urls", f"{where}{error.reason}")
            data["items"] = items
        return data


class UploadForm(forms.Form):
    file = forms.FileField(
        label="Upload a CSV file",
        help_text="Save your spreadsheet as 'CSV UTF-8'. The first row names the columns.",
        error_messages={"required": "Choose a CSV file to upload", "empty": "The file is empty"},
    )

    def clean_file(self):
        upload = self.cleaned_data["file"]
        limit = max_csv_bytes()
        if upload.size > limit:
            raise forms.ValidationError(f"The file must be smaller than {limit // 1024} KB")
        data = upload.read(limit + 1)
        parsed = bulk.read_csv(
            data, today=timezone.localdate(), max_rows=max_rows(), max_bytes=limit
        )
        if parsed.file_errors:
            raise forms.ValidationError(parsed.file_errors)
        self.parsed = parsed
        return upload


class InviteForm(forms.Form):
    organisation = forms.ModelChoiceField(
        label="Organisation",
        queryset=Organisation.objects.filter(is_active=True),
        empty_label="Choose an organisation",
        error_messages={
            "required": "Choose the volunteer's organisation",
            "invalid_choice": "Choose an organisation from the list",
        },
    )
    first_name = forms.CharField(
        label="First name", max_length=150, error_messages={"required": "Enter a first name"}
    )
    last_name = forms.CharField(
        label="Last name", max_length=150, error_messages={"required": "Enter a last name"}
    )
    email = forms.EmailField(
        label="Email address",
        required=False,
        help_text="We email the set-password link here. Leave it blank to give the link yourself.",
        error_messages={"invalid": "Enter an email address like name@example.org"},
    )
    username = forms.RegexField(
        label="Username",
        regex=r"^[\w.@+-]+\Z",
        max_length=150,
        error_messages={
            "required": "Enter a username",
            "invalid": "Use only letters, numbers and . @ + - _ in the username",
        },
    )

    def clean_username(self):
        username = self.cleaned_data["username"]
        if User.objects.filter(username__iexact=username).exists():
            raise forms.ValidationError("That username is taken: choose another")
        return username


class SetPasswordForm(forms.Form):
    password1 = forms.CharField(
        label="New password",
        strip=False,
        widget=forms.PasswordInput,
        error_messages={"required": "Enter a password"},
    )
    password2 = forms.CharField(
        label="Confirm the password",
        strip=False,
        widget=forms.PasswordInput,
        error_messages={"required": "Enter the password again"},
    )

    def __init__(self, *args, user=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user

    def clean_password2(self):
        first, second = self.cleaned_data.get("password1"), self.cleaned_data.get("password2")
        if first and second and first != second:
            raise forms.ValidationError("The passwords do not match")
        if second:
            password_validation.validate_password(second, self.user)
        return second
