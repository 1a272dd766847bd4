"""Forms: the reporter's contact preferences (part of the report journey's contact details
page), the officer's update, an update given by phone, and Track my report's sign-in."""

from django import forms
from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator

from hatehub.intake.forms import NOT_GIVEN, ContactDetailsForm
from hatehub.intake.services import ContactPreferences

from . import contact
from .texts import NFA_REASON_LABELS, NFA_REASONS

LANGUAGE_CHOICES = [("en", "English"), ("cy", "Cymraeg (Welsh)")]


class ContactDetailsAndPreferencesForm(ContactDetailsForm):
    """The report journey's contact details page, with how the reporter wants updates: the
    language, times to avoid and whether letters are safe. All optional: English, any time,
    no letters unless they say so. The postal address is asked only of someone who says
    letters are safe."""

    reveals = {
        **ContactDetailsForm.reveals,
        "post_allowed": {"on": ["postal_address"]},
    }

    language = forms.ChoiceField(
        label="Which language should we write to you in? (optional)",
        help_text="Ym mha iaith ddylen ni ysgrifennu atoch chi? If you do not choose, we will "
        "write in English.",
        choices=LANGUAGE_CHOICES,
        required=False,
        widget=forms.RadioSelect,
    )
    avoid_contact_times = forms.MultipleChoiceField(
        label="Are there times we should not contact you? (optional)",
        help_text="We will wait until a time you have not ticked.",
        choices=[(code, label) for code, (label, _, _) in contact.WINDOWS.items()],
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    post_allowed = forms.BooleanField(
        label="It is safe to send me letters (optional)",
        help_text="Leave this unticked if someone else might open your post.",
        required=False,
    )
    postal_address = forms.CharField(
        label="Postal address",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "street-address"}),
        validators=[MaxLengthValidator(500, "Postal address must be 500 characters or less")],
    )

    def clean_avoid_contact_times(self) -> list[str]:
        chosen = self.cleaned_data["avoid_contact_times"]
        try:
            contact.check_windows(chosen)
        except contact.WindowError:
            raise ValidationError(
                "Leave at least one time when we can contact you, or choose to report anonymously"
            ) from None
        return chosen

    def clean(self) -> dict:
        data = super().clean()
        if not data.get("post_allowed"):
            self._ignore("postal_address")
        elif not (data.get("postal_address") or "").strip():
            self.add_error("postal_address", "Enter your postal address, or untick letters")
        return data

    def submission_fields(self) -> dict:
        fields = super().submission_fields()
        data = self.cleaned_data
        fields["contact_preferences"] = ContactPreferences(
            language=data["language"] or "en",
            avoid_contact_times=tuple(data["avoid_contact_times"]),
            post_allowed=bool(data["post_allowed"]),
            postal_address=data["postal_address"].strip() if data["post_allowed"] else "",
        )
        return fields

    def summary_rows(self) -> list[tuple[str, str]]:
        data = self.cleaned_data
        avoid = [contact.WINDOWS[code][0] for code in data["avoid_contact_times"]]
        letters = "Yes" if data["post_allowed"] else "No"
        if data["post_allowed"]:
            letters = f"Yes, to: {data['postal_address'].strip()}"
        return [
            *super().summary_rows(),
            ("Language for updates", dict(LANGUAGE_CHOICES)[data["language"] or "en"]),
            ("Times not to contact you", "\n".join(avoid) or NOT_GIVEN),
            ("Letters", letters),
        ]


class UpdateForm(forms.Form):
    """The officer's check and edit of an update before it is sent."""

    channel = forms.ChoiceField(
        label="Send by",
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how to send the update"},
    )
    nfa_reason = forms.ChoiceField(
        label="Why no further action is possible",
        help_text="The message explains this to the complainant in plain words.",
        choices=[("", "Choose a reason"), *[(r, NFA_REASON_LABELS[r]) for r in NFA_REASONS]],
        required=False,
    )
    explanation = forms.CharField(
        label="Your explanation (for another reason)",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[MaxLengthValidator(1000, "Explanation must be 1,000 characters or less")],
    )
    subject = forms.CharField(
        label="Subject (email only)",
        required=False,
        validators=[MaxLengthValidator(200, "Subject must be 200 characters or less")],
    )
    body = forms.CharField(
        label="Message",
        help_text="Check and edit it. [TRACK-LINK] becomes a single-use Track my report link "
        "when it is sent.",
        widget=forms.Textarea(attrs={"rows": 22}),
        error_messages={"required": "Enter the message"},
        validators=[MaxLengthValidator(10000, "Message must be 10,000 characters or less")],
    )

    def __init__(self, *args, channels: list[str], needs_reason: bool, **kwargs):
        super().__init__(*args, **kwargs)
        from .models import CHANNEL_LABELS

        self.fields["channel"].choices = [(c, CHANNEL_LABELS[c]) for c in channels]
        self.needs_reason = needs_reason
        if not needs_reason:
            del self.fields["nfa_reason"], self.fields["explanation"]

    def clean(self) -> dict:
        data = super().clean()
        if self.needs_reason:
            if not data.get("nfa_reason"):
                self.add_error("nfa_reason", "Choose why no further action is possible")
            elif data["nfa_reason"] == "other" and not (data.get("explanation") or "").strip():
                self.add_error("explanation", "Write the explanation for the complainant")
        if data.get("channel") == "email" and not (data.get("subject") or "").strip():
            self.add_error("subject", "Enter the subject of the email")
        return data


class GivenAnotherWayForm(forms.Form):
    how = forms.CharField(
        label="How was the complainant told?",
        help_text="For example: Phoned at 10:20, spoke to them, no voicemail left.",
        error_messages={"required": "Say how the complainant was told"},
        validators=[MaxLengthValidator(200, "This must be 200 characters or less")],
    )


class TrackForm(forms.Form):
    reference = forms.CharField(
        label="Reference number",
        help_text="For example, 7K2M-9XD4-TRF8. It is in your confirmation.",
        error_messages={"required": "Enter your reference number"},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        validators=[MaxLengthValidator(30, "Enter your reference number")],
    )
    secret = forms.CharField(
        label="Your code",
        help_text="The 12-character code shown when you made your report.",
        error_messages={"required": "Enter your code"},
        widget=forms.TextInput(attrs={"autocomplete": "off", "spellcheck": "false"}),
        validators=[MaxLengthValidator(30, "Enter your code")],
    )
