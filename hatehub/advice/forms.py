from django import forms

from hatehub.cases.access import visible_case_for

from .selectors import LibraryQuery, offence_choices, strand_choices
from .services import ArticleDraft


class LibrarySearchForm(forms.Form):
    q = forms.CharField(label="Search the library", max_length=200, required=False)
    strand = forms.ChoiceField(
        label="Strand",
        required=False,
        error_messages={"invalid_choice": "Choose a strand from the list"},
    )
    offence = forms.ChoiceField(
        label="Offence",
        required=False,
        error_messages={"invalid_choice": "Choose an offence from the list"},
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["strand"].choices = [("", "Any strand"), *strand_choices()]
        self.fields["offence"].choices = [("", "Any offence"), *offence_choices()]

    def query(self) -> LibraryQuery:
        data = self.cleaned_data if self.is_bound and self.is_valid() else {}
        return LibraryQuery(
            text=data.get("q", ""), strand=data.get("strand", ""), offence=data.get("offence", "")
        )


class ArticleForm(forms.Form):
    title = forms.CharField(
        label="Title", max_length=200, error_messages={"required": "Enter a title"}
    )
    summary = forms.CharField(
        label="Summary (optional)",
        max_length=300,
        required=False,
        help_text="One sentence shown in search results.",
    )
    body = forms.CharField(
        label="Advice",
        help_text="Written in Markdown: ## for a heading, - for a bullet, **bold**. Do not "
        "include anyone's personal details.",
        widget=forms.Textarea(attrs={"rows": 16}),
        error_messages={"required": "Write the advice"},
    )
    strands = forms.MultipleChoiceField(
        label="Strands it is about",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose strands from the list"},
    )
    offences = forms.MultipleChoiceField(
        label="Offences it is about",
        required=False,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"invalid_choice": "Choose offences from the list"},
    )

    def __init__(self, *args, revising: bool = False, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["strands"].choices = strand_choices()
        self.fields["offences"].choices = offence_choices()
        if revising:
            self.fields["change_note"] = forms.CharField(
                label="What changed",
                max_length=300,
                error_messages={"required": "Say what changed in this version"},
            )

    def draft(self) -> ArticleDraft:
        data = self.cleaned_data
        return ArticleDraft(
            title=data["title"],
            summary=data["summary"],
            body=data["body"],
            strands=list(data["strands"]),
            offences=list(data["offences"]),
            change_note=data.get("change_note", ""),
        )


class RequestForm(forms.Form):
    case_reference = forms.CharField(
        label="Case reference (optional)",
        max_length=20,
        required=False,
        help_text="A case your force has, like OHH-2026-000123. Leave blank for a general "
        "question.",
    )
    subject = forms.CharField(
        label="Subject", max_length=200, error_messages={"required": "Enter a subject"}
    )
    question = forms.CharField(
        label="Your question",
        widget=forms.Textarea(attrs={"rows": 8}),
        max_length=10000,
        error_messages={"required": "Enter your question"},
    )

    def __init__(self, *args, user, path: str = "", **kwargs):
        super().__init__(*args, **kwargs)
        self.user, self.path = user, path

    def clean_case_reference(self):
        reference = self.cleaned_data["case_reference"].strip().upper()
        self.case = None
        if reference:
            self.case = visible_case_for(self.user, reference, path=self.path)
            if self.case is None:
                raise forms.ValidationError(
                    "There is no case with that reference for your force: check the reference"
                )
        return reference


class AnswerForm(forms.Form):
    answer = forms.CharField(
        label="Answer",
        widget=forms.Textarea(attrs={"rows": 10}),
        max_length=20000,
        error_messages={"required": "Write the answer"},
    )
