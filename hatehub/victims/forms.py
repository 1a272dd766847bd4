"""Forms: the officer's update, an update given by phone, and Track my report's sign-in. (The
reporter's contact preferences are a page of the report journey: `intake.forms`.)"""

from django import forms
from django.core.validators import MaxLengthValidator

from .texts import NFA_REASON_LABELS, NFA_REASONS


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
