from django import forms


class CaptureForm(forms.Form):
    item = forms.TypedChoiceField(
        label="Which page do you want to capture?",
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={
            "required": "Choose the page to capture",
            "invalid_choice": "Choose a page from the list",
        },
    )
    reason = forms.CharField(
        label="Why are you capturing it?",
        help_text="This goes in the continuity log of every file the capture makes.",
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={
            "required": "Enter why you are capturing this page",
            "max_length": "Reason must be 500 characters or fewer",
        },
    )

    def __init__(self, *args, items=(), **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["item"].choices = [(item.pk, item.url) for item in items]

    def clean_reason(self) -> str:
        reason = self.cleaned_data["reason"].strip()
        if not reason:
            raise forms.ValidationError("Enter why you are capturing this page")
        return reason
