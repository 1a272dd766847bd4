"""The officer's side of an assessment: the questions that decide the outcome (pre-filled from
the reports and what was inferred), and the decision beside the recommendation."""

from django import forms

from hatehub.reports.choices import STRANDS

from .decisions import classification_label, nation_of
from .models import DECISIONS

YES_NO_UNKNOWN = [("yes", "Yes"), ("no", "No"), ("", "Not known")]
STRAND_CHOICES = [(code, label) for code, label in STRANDS if code != "not_sure"]

# (answer name, question) for the yes / no / not known questions, in the order asked.
QUESTIONS = [
    ("threat_of_violence", "Is there a threat of violence?"),
    ("course_of_conduct", "Has it happened on two or more occasions (a course of conduct)?"),
    ("hostility_based_on_characteristic", "Is the hostility based on a characteristic?"),
    ("stirs_up_hatred", "Does it stir up hatred against a group?"),
    ("poster_identity_known", "Is the poster's real identity known?"),
    ("future_event", "Does it relate to a future event (a march, a match)?"),
    ("victim_vulnerable", "Is the victim vulnerable?"),
    ("uk_link", "Is there a link to the UK (victim, poster or audience here)?"),
    ("lawful_expression", "Is it lawful expression of an opinion, however offensive?"),
]
# Issue 15 s2-s4: the facts the new offences and the Victims' Code rights need.
QUESTIONS += [
    (
        "threat_to_property",
        "Is there a threat to destroy or damage property (“burn it down”)?",
    ),
    ("encourages_offence", "Does it encourage or assist others to commit an offence?"),
    ("abusive", "Is it threatening or abusive, not merely insulting?"),
    ("victim_under_18", "Is the victim under 18?"),
    (
        "victim_intimidated",
        "Is the victim intimidated (afraid or distressed about giving evidence)?",
    ),
    ("persistently_targeted", "Is the victim persistently targeted?"),
    ("encourages_suicide", "Does it encourage or assist someone's suicide?"),
    ("shares_recording", "Does the poster distribute, show or play a recording (video or audio)?"),
    (
        "possesses_material",
        "Does someone hold material or recordings to publish or distribute (leaflets, videos)?",
    ),
    ("sends_genital_image", "Was a photo or film of someone's genitals sent (cyberflashing)?"),
    (
        "shares_intimate_image",
        "Was a photo or film of someone in an intimate state shared (or threatened)?",
    ),
]
NATION_CHOICES = [
    ("england_wales", "England and Wales"),
    ("scotland", "Scotland"),
    ("northern_ireland", "Northern Ireland"),
    ("", "Not known"),
]


class AnswersForm(forms.Form):
    nation = forms.ChoiceField(
        label="Whose law applies (where the victim or the poster is)?",
        choices=NATION_CHOICES,
        required=False,
        widget=forms.RadioSelect,
        help_text="Scotland and Northern Ireland have different offences and victims' rights.",
    )
    threat_seriousness = forms.ChoiceField(
        label="How serious is the threat?",
        choices=[
            ("death", "Threat to kill"),
            ("serious_harm", "Threat of serious harm"),
            ("violence", "Threat of other violence"),
            ("none", "No threat"),
            ("", "Not known"),
        ],
        required=False,
        widget=forms.RadioSelect,
    )
    aimed_at = forms.ChoiceField(
        label="Is it aimed at a person or at a group?",
        choices=[("person", "A person"), ("group", "A group"), ("", "Not known")],
        required=False,
        widget=forms.RadioSelect,
    )
    strands = forms.MultipleChoiceField(
        label="Which characteristics are targeted?",
        choices=STRAND_CHOICES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, inferred: dict | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        inferred = inferred or {}
        for name, question in QUESTIONS:
            self.fields[name] = forms.ChoiceField(
                label=question, choices=YES_NO_UNKNOWN, required=False, widget=forms.RadioSelect
            )
        for name, field in self.fields.items():
            if name in inferred:
                item = inferred[name]
                words = "; ".join(f"“{w}”" for w in item.get("words", [])[:3])
                field.help_text = f"Inferred: {_shown(item['value'], field)}" + (
                    f", from {words}" if words else ""
                )

    def confirmed(self) -> dict:
        """The answers the officer gave, in the engine's terms; "Not known" is left out."""
        data = self.cleaned_data
        answers: dict = {}
        for name, _question in QUESTIONS:
            if data.get(name):
                answers[name] = data[name] == "yes"
        for name in ("threat_seriousness", "aimed_at", "nation"):
            if data.get(name):
                answers[name] = data[name]
        if data.get("strands"):
            answers["strands"] = list(data["strands"])
        return answers

    @staticmethod
    def initial_from(answers: dict) -> dict:
        initial: dict = {}
        for name, value in answers.items():
            if isinstance(value, bool):
                initial[name] = "yes" if value else "no"
            elif name in ("threat_seriousness", "aimed_at", "strands", "nation"):
                initial[name] = value
        return initial


def _shown(value, field: forms.Field) -> str:
    """An inferred value in the words of the field's own choices ("Threat of serious harm",
    "Sexual orientation"), never its internal name."""
    if isinstance(value, bool):
        return "yes" if value else "no"
    labels = {str(key): str(label) for key, label in getattr(field, "choices", ()) or ()}
    if isinstance(value, list | tuple):
        return ", ".join(labels.get(str(v), str(v)) for v in value)
    return labels.get(str(value), str(value))


class DecisionForm(forms.Form):
    classification = forms.ChoiceField(
        label="Your decision",
        choices=DECISIONS,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose your decision"},
    )
    strands = forms.MultipleChoiceField(
        label="Characteristics", choices=STRAND_CHOICES, required=False,
        widget=forms.CheckboxSelectMultiple,
    )  # fmt: skip
    offences = forms.MultipleChoiceField(
        label="Offences", required=False, widget=forms.CheckboxSelectMultiple
    )
    priority = forms.TypedChoiceField(
        label="Priority grade",
        choices=[(str(n), f"Grade {n}") for n in range(1, 6)],
        coerce=int,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose a priority grade"},
    )
    rationale = forms.CharField(
        label="Rationale",
        help_text="Required when your decision differs from the recommendation.",
        required=False,
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(
        self,
        *args,
        offence_choices: list[tuple[str, str]],
        recommendation: dict | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.fields["offences"].choices = offence_choices
        self.recommendation = recommendation or {}
        nation = nation_of(self.recommendation)
        self.fields["classification"].choices = [
            (value, classification_label(value, nation)) for value, _label in DECISIONS
        ]

    def clean_classification(self):
        """The law of the case's nation: no NCHI in Scotland or Northern Ireland, no Police
        Scotland or PSNI hate incident in England and Wales (issue 15 s3)."""
        from .services import nation_refuses

        value = self.cleaned_data["classification"]
        refused = nation_refuses(value, self.recommendation)
        if refused:
            raise forms.ValidationError(refused)
        return value


class ReviewForm(forms.Form):
    note = forms.CharField(
        label="Review note",
        max_length=2000,
        widget=forms.Textarea(attrs={"rows": 3}),
        error_messages={"required": "Enter your review note"},
    )
