from django import forms

from .models import OutboxMessage


class StatusFilterForm(forms.Form):
    status = forms.ChoiceField(
        label="Status",
        choices=[("", "Any status"), *OutboxMessage.Status.choices],
        required=False,
    )


class RetryForm(forms.Form):
    reason = forms.CharField(
        label="Why send it again?",
        max_length=500,
        error_messages={"required": "Enter why the message should be sent again"},
    )
