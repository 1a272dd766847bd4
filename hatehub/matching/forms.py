from django import forms

from hatehub.cases.models import Case

REASON = forms.CharField(
    label="Why?",
    max_length=300,
    error_messages={"required": "Enter why, for the case timeline"},
)


class MergeForm(forms.Form):
    other = forms.CharField(
        label="Reference of the case to merge into this one",
        max_length=20,
        error_messages={"required": "Enter the reference of the case to merge"},
    )
    reason = REASON

    def __init__(self, *args, case: Case, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case

    def clean_other(self) -> Case:
        reference = self.cleaned_data["other"].strip().upper()
        other = Case.objects.filter(reference=reference).first()
        if other is None:
            raise forms.ValidationError(f"There is no case {reference}")
        return other


class SplitForm(forms.Form):
    reports = forms.MultipleChoiceField(
        label="Reports to split out",
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Select the reports to split into another case"},
    )
    reason = REASON

    def __init__(self, *args, case: Case, reports=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.case = case
        reports = case.reports.all() if reports is None else reports
        self.fields["reports"].choices = [(r.reference, r.reference) for r in reports]


class UndoForm(forms.Form):
    reason = REASON
