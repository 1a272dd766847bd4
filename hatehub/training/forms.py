from django import forms
from django.utils.text import slugify

from . import content
from .services import RESERVED_SLUGS, ModuleDraft


class ModuleForm(forms.Form):
    title = forms.CharField(
        label="Title", max_length=200, error_messages={"required": "Enter a title"}
    )
    summary = forms.CharField(
        label="Summary (optional)",
        max_length=300,
        required=False,
        help_text="One sentence shown in the list of modules.",
    )
    body = forms.CharField(
        label="Training material",
        help_text="Written in Markdown: ## for a heading, - for a bullet, **bold**, "
        "[text](https://...) for a link.",
        widget=forms.Textarea(attrs={"rows": 18}),
        error_messages={"required": "Write the training material"},
    )
    check = forms.CharField(
        label="Knowledge check",
        help_text="Start a question with ?, each wrong choice with - and the right one with *.",
        widget=forms.Textarea(attrs={"rows": 12}),
        error_messages={"required": "Write at least one question"},
    )
    pass_mark = forms.IntegerField(
        label="Pass mark (% of answers right)",
        min_value=1,
        max_value=100,
        initial=80,
        error_messages={
            "required": "Enter a pass mark",
            "invalid": "The pass mark must be a whole number",
            "min_value": "The pass mark must be between 1 and 100",
            "max_value": "The pass mark must be between 1 and 100",
        },
    )
    required_for_volunteers = forms.BooleanField(
        label="Volunteers must pass this module before the hub accepts their reports",
        required=False,
    )

    def clean_check(self):
        try:
            self.questions = content.parse_check(self.cleaned_data["check"])
        except content.CheckFormatError as error:
            raise forms.ValidationError(error.problems) from None
        return self.cleaned_data["check"]

    def draft(self, **extra) -> ModuleDraft:
        data = self.cleaned_data
        return ModuleDraft(
            title=data["title"],
            summary=data["summary"],
            body=data["body"],
            questions=self.questions,
            pass_mark=data["pass_mark"],
            required_for_volunteers=data["required_for_volunteers"],
            **extra,
        )


class NewModuleForm(ModuleForm):
    slug = forms.SlugField(
        label="Web address name",
        max_length=80,
        required=False,
        help_text="Lower-case letters, numbers and hyphens. Leave blank to make it from the title.",
        error_messages={"invalid": "Use only lower-case letters, numbers and hyphens"},
    )

    def clean(self):
        data = super().clean()
        if "title" in data and not data.get("slug"):
            data["slug"] = slugify(data["title"])[:80]
            if not data["slug"]:
                self.add_error("slug", "Enter a web address name")
        if data.get("slug") in RESERVED_SLUGS:
            self.add_error("slug", "That name is used by the hub: choose another")
        return data


class ReviseModuleForm(ModuleForm):
    change_note = forms.CharField(
        label="What changed",
        max_length=300,
        error_messages={"required": "Say what changed in this version"},
    )
    retake = forms.BooleanField(
        label="Volunteers who passed an earlier version must pass this version again",
        required=False,
    )


class CheckForm(forms.Form):
    """The knowledge check of one version, a radio group per question."""

    def __init__(self, *args, questions: list[dict], **kwargs):
        super().__init__(*args, **kwargs)
        for index, question in enumerate(questions):
            self.fields[f"q{index}"] = forms.TypedChoiceField(
                label=f"{index + 1}. {question['text']}",
                choices=[(str(i), choice) for i, choice in enumerate(question["choices"])],
                coerce=int,
                widget=forms.RadioSelect,
                error_messages={
                    "required": f"Answer question {index + 1}",
                    "invalid_choice": f"Choose one of the answers to question {index + 1}",
                },
            )

    def answers(self) -> list[int]:
        return [self.cleaned_data[name] for name in self.fields]
