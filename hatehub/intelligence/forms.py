"""Forms of the intelligence pages: the report, the review of its sanitised text, dissemination.
The grading codes and their words come from `grading` (rules/grading.yaml)."""

import re

from django import forms
from django.db.models import QuerySet

from hatehub.jurisdiction.models import Force
from hatehub.matching.models import OnlineAccount
from hatehub.suspects.models import Person

from . import grading as grading_rules
from . import selectors, services
from .models import IntelligenceReport

NOT_GRADED = ("", "Not graded yet")
NOT_GIVEN = ("", "No legacy grading")


def _split_references(text: str) -> list[str]:
    return [part for part in re.split(r"[\s,;]+", text or "") if part]


class AccountChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: OnlineAccount) -> str:
        return f"{obj.handle} ({obj.platform})"


class PersonChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj: Person) -> str:
        return f"{obj.full_name} ({obj.reference})"


class ReportForm(forms.Form):
    case_references = forms.CharField(
        label="Cases this intelligence comes from",
        help_text="Case references, separated by commas or spaces",
        max_length=2000,
    )
    title = forms.CharField(
        label="Title",
        help_text="Leaves the hub with the sanitised text: nothing that identifies a source",
        max_length=200,
    )
    draft_text = forms.CharField(
        label="What you know, with its sources",
        help_text="Stays in the hub: never disseminated",
        widget=forms.Textarea(attrs={"rows": 6}),
    )
    sanitised_text = forms.CharField(
        label="Sanitised text",
        help_text="What recipients read: remove every detail that identifies a source",
        widget=forms.Textarea(attrs={"rows": 6}),
        required=False,
    )
    places = forms.CharField(
        label="Places (optional)",
        help_text="One a line: places the intelligence concerns, as POLE locations",
        widget=forms.Textarea(attrs={"rows": 2}),
        required=False,
    )
    nim_level = forms.TypedChoiceField(
        label="National Intelligence Model level",
        coerce=int,
        widget=forms.RadioSelect,
    )
    source_evaluation = forms.ChoiceField(
        label="3x5x2 source evaluation", required=False, widget=forms.RadioSelect
    )
    intelligence_assessment = forms.ChoiceField(
        label="3x5x2 intelligence assessment", required=False, widget=forms.RadioSelect
    )
    handling_code = forms.ChoiceField(
        label="3x5x2 handling code", required=False, widget=forms.RadioSelect
    )
    handling_conditions = forms.CharField(
        label="Handling conditions",
        help_text="Required for handling code C: who may receive it and on what conditions",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )
    legacy_source_evaluation = forms.ChoiceField(
        label="Legacy 5x5x5 source evaluation (optional)", required=False
    )
    legacy_intelligence_evaluation = forms.ChoiceField(
        label="Legacy 5x5x5 intelligence evaluation (optional)", required=False
    )
    legacy_handling_code = forms.ChoiceField(
        label="Legacy 5x5x5 handling code (optional)", required=False
    )
    accounts = AccountChoice(
        label="Online accounts (objects)",
        queryset=OnlineAccount.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Accounts behind the reports of these cases",
    )
    persons = PersonChoice(
        label="Persons",
        queryset=Person.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="People linked to those accounts",
    )
    forces = forms.ModelMultipleChoiceField(
        label="Police force areas (locations)",
        queryset=Force.objects.none(),
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )

    def __init__(self, *args, user, report: IntelligenceReport | None = None, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.fields["nim_level"].choices = grading_rules.nim_choices()
        for name in ("source_evaluation", "intelligence_assessment", "handling_code"):
            self.fields[name].choices = [
                NOT_GRADED,
                *grading_rules.choices(name, grading_rules.CURRENT),
            ]
        for name, legacy in services.LEGACY_FIELDS.items():
            self.fields[legacy].choices = [
                NOT_GIVEN,
                *grading_rules.choices(name, grading_rules.LEGACY),
            ]
        text = self.data.get("case_references") if self.is_bound else None
        if text is None:
            text = self.initial.get("case_references", "")
        cases, _ = selectors.cases_by_references(user, _split_references(text))
        accounts = selectors.accounts_of_cases(cases)
        persons = selectors.persons_behind(accounts)
        forces = Force.objects.filter(pk__in={c.allocated_force_id for c in cases} - {None})
        if report is not None:  # keep what is linked even if its case is no longer named
            accounts = accounts | OnlineAccount.objects.filter(pk__in=report.accounts.all())
            persons = persons | Person.objects.filter(pk__in=report.persons.all())
            forces = forces | Force.objects.filter(pk__in=report.forces.all())
        self.fields["accounts"].queryset = accounts.distinct()
        self.fields["persons"].queryset = persons.distinct()
        self.fields["forces"].queryset = self._forces(forces)

    @staticmethod
    def _forces(suggested: QuerySet[Force]) -> QuerySet[Force]:
        """Every territorial force (a report may concern any), the cases' forces included."""
        return (Force.objects.filter(territorial=True) | suggested).distinct().order_by("name")

    def clean_case_references(self) -> list:
        references = _split_references(self.cleaned_data["case_references"])
        cases, missing = selectors.cases_by_references(self.user, references)
        if missing:
            raise forms.ValidationError(f"No case with reference {', '.join(missing)}")
        if not cases:
            raise forms.ValidationError("Name at least one case")
        return cases

    def clean_places(self) -> list[str]:
        return [line.strip() for line in self.cleaned_data["places"].splitlines() if line.strip()]

    def clean(self):
        cleaned = super().clean()
        if self.errors:
            return cleaned
        for name, message in services.draft_errors(self.draft()).items():
            self.add_error(name if name in self.fields else None, message)
        return cleaned

    def draft(self) -> services.ReportDraft:
        data = self.cleaned_data
        return services.ReportDraft(
            title=data["title"],
            draft_text=data["draft_text"],
            nim_level=data["nim_level"],
            cases=data["case_references"],
            sanitised_text=data.get("sanitised_text", ""),
            places=data.get("places", []),
            source_evaluation=data.get("source_evaluation", ""),
            intelligence_assessment=data.get("intelligence_assessment", ""),
            handling_code=data.get("handling_code", ""),
            handling_conditions=data.get("handling_conditions", ""),
            legacy_source_evaluation=data.get("legacy_source_evaluation", ""),
            legacy_intelligence_evaluation=data.get("legacy_intelligence_evaluation", ""),
            legacy_handling_code=data.get("legacy_handling_code", ""),
            persons=list(data.get("persons") or []),
            accounts=list(data.get("accounts") or []),
            forces=list(data.get("forces") or []),
        )


def initial_for(report: IntelligenceReport) -> dict:
    return {
        "case_references": ", ".join(case.reference for case in report.cases.all()),
        "title": report.title,
        "draft_text": report.draft_text,
        "sanitised_text": report.sanitised_text,
        "places": "\n".join(report.places),
        "nim_level": report.nim_level,
        "source_evaluation": report.source_evaluation,
        "intelligence_assessment": report.intelligence_assessment,
        "handling_code": report.handling_code,
        "handling_conditions": report.handling_conditions,
        "legacy_source_evaluation": report.legacy_source_evaluation,
        "legacy_intelligence_evaluation": report.legacy_intelligence_evaluation,
        "legacy_handling_code": report.legacy_handling_code,
        "accounts": list(report.accounts.all()),
        "persons": list(report.persons.all()),
        "forces": list(report.forces.all()),
    }


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label="Is the sanitised text free of anything that identifies a source?",
        choices=[
            ("approve", "Yes: approve it for dissemination"),
            ("return", "No: return it for changes"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose whether to approve or return the sanitised text"},
    )
    checked = forms.MultipleChoiceField(
        label="Flagged details: tick each one you have checked",
        help_text="Flagged automatically as likely identifying details. Nothing was removed: "
        "return the report if any of them identifies a source.",
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    note = forms.CharField(
        label="Note to the author",
        help_text="Required when you return it: say what must change",
        widget=forms.Textarea(attrs={"rows": 3}),
        required=False,
    )

    def __init__(self, *args, flags, **kwargs):
        super().__init__(*args, **kwargs)
        self.flags = flags
        self.fields["checked"].choices = [
            (flag.key, f"“{flag.text}” in the {flag.field.replace('_', ' ')}: {flag.reason}")
            for flag in flags
        ]
        if not flags:
            del self.fields["checked"]

    def clean(self):
        cleaned = super().clean()
        decision = cleaned.get("decision")
        if decision == "approve" and self.flags:
            ticked = set(cleaned.get("checked") or [])
            if any(flag.key not in ticked for flag in self.flags):
                self.add_error("checked", "Tick every flagged detail once you have checked it")
        if decision == "return" and not (cleaned.get("note") or "").strip():
            self.add_error("note", "Say what must change")
        return cleaned


class RecipientChoice(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"{obj.name} ({obj.force.name})" if obj.force else obj.name


class DisseminateForm(forms.Form):
    recipients = RecipientChoice(
        label="Recipients",
        queryset=selectors.active_recipients(),
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one recipient"},
    )
    conditions_confirmed = forms.BooleanField(
        label="The recipients have been told the handling conditions and will keep to them",
        required=False,
    )
    note = forms.CharField(
        label="Note (optional)", widget=forms.Textarea(attrs={"rows": 2}), required=False
    )

    def __init__(self, *args, report: IntelligenceReport, **kwargs):
        super().__init__(*args, **kwargs)
        self.report = report
        if report.handling_code != "C":
            del self.fields["conditions_confirmed"]

    def clean_conditions_confirmed(self) -> bool:
        if not self.cleaned_data["conditions_confirmed"]:
            raise forms.ValidationError(
                "Confirm the recipients have the handling conditions (handling code C)"
            )
        return True
