from datetime import datetime

from django import forms
from django.core.validators import MaxValueValidator, MinValueValidator
from django.utils import timezone

from hatehub.cases.forms import DATE_FORMATS, EARLIEST, LATEST, DateInput
from hatehub.matching.handles import handle_from_text
from hatehub.matching.models import OnlineAccount

from . import routing
from .models import Authorisation, IdentificationRequest, PersonAccountLink, PlatformResponse
from .services.authorisation import AuthorisationDetails
from .services.people import PersonDetails
from .services.requests import RequestDraft
from .services.responses import ReceivedAttachment, ResponseDetails


def _date(label: str, *, required: bool = True, help_text: str = "") -> forms.DateField:
    return forms.DateField(
        label=label,
        required=required,
        help_text=help_text,
        input_formats=DATE_FORMATS,
        widget=DateInput(),
        validators=[
            MinValueValidator(EARLIEST, message=f"{label} must be in or after the year 2000"),
            MaxValueValidator(LATEST, message=f"{label} must be before the year 2101"),
        ],
        error_messages={
            "invalid": f"{label} must be a real date, like 31/01/2025",
            "required": f"Enter the {label.lower()}",
        },
    )


def _text(label: str, *, required: bool = True, help_text: str = "", rows: int = 0, **kw):
    widget = forms.Textarea(attrs={"rows": rows}) if rows else forms.TextInput()
    return forms.CharField(
        label=label,
        required=required,
        help_text=help_text,
        widget=widget,
        error_messages={"required": f"Enter {label[0].lower()}{label[1:]}"},
        **kw,
    )


# People ---------------------------------------------------------------------------------------


class PersonForm(forms.Form):
    full_name = _text("Full name", max_length=200)
    other_names = _text(
        "Other names they use (optional)",
        required=False,
        help_text="One a line: aliases, former names, nicknames",
        rows=3,
    )
    date_of_birth = _date("Date of birth", required=False, help_text="Leave blank if not known")
    location_text = _text(
        "Where they live (optional)",
        required=False,
        max_length=300,
        help_text="A postcode, town or address: the force area is worked out from it",
    )
    notes = _text("Notes (optional)", required=False, rows=4)

    def clean_date_of_birth(self):
        born = self.cleaned_data["date_of_birth"]
        if born and born > timezone.localdate():
            raise forms.ValidationError("Date of birth must be in the past")
        return born

    def details(self) -> PersonDetails:
        data = self.cleaned_data
        return PersonDetails(
            full_name=data["full_name"],
            other_names=data["other_names"].splitlines(),
            date_of_birth=data["date_of_birth"],
            location_text=data["location_text"],
            notes=data["notes"],
        )


class AccountField(forms.ModelChoiceField):
    def label_from_instance(self, obj: OnlineAccount) -> str:
        return f"{obj.platform_name}: {obj.handle}"


class LinkForm(forms.Form):
    platform = _text("Platform", max_length=30, help_text="For example x, facebook, tiktok")
    handle = _text("Account handle or profile link", max_length=300, help_text="For example @name")
    source = forms.ChoiceField(
        label="How do you know this person is behind the account?",
        choices=PersonAccountLink.Source.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose how you know"},
    )
    confidence = forms.ChoiceField(
        label="How sure are you?",
        choices=PersonAccountLink.Confidence.choices,
        widget=forms.RadioSelect,
        help_text="Confirmed or probable identifies them as a suspect in the account's cases",
        error_messages={"required": "Choose how sure you are"},
    )
    note = _text("Note (optional)", required=False, rows=3)

    def clean(self):
        data = super().clean()
        platform, handle = handle_from_text(
            data.get("handle"), (data.get("platform") or "").strip().lower() or None
        )
        if data.get("platform") and data.get("handle") and not (platform and handle):
            self.add_error("handle", "Enter the account's handle or a link to its profile")
        elif platform and handle:
            account = (
                OnlineAccount.objects.filter(platform=platform, handle=handle).first()
                or OnlineAccount.objects.filter(
                    handles__platform=platform, handles__handle=handle
                ).first()
            )
            if account is None:
                self.add_error(
                    "handle", "No account with that handle on that platform is in any report"
                )
            data["account"] = account
        return data


class UnlinkForm(forms.Form):
    reason = _text("Why are you ending this link?", max_length=1000, rows=3)


# Identification requests ----------------------------------------------------------------------


NECESSITY_HINT = (
    "Which offence is being investigated, what this data will show, and why the investigation "
    "needs it"
)
PROPORTIONALITY_HINT = (
    "Why the intrusion is justified by what it will achieve, why the data and period asked for "
    "are no more than needed, and why less intrusive ways will not do"
)
COLLATERAL_HINT = (
    "Whose data other than the suspect's this might return (shared devices, public wifi, "
    "carrier-grade NAT) and how that will be limited"
)


class CaseChoiceField(forms.ModelMultipleChoiceField):
    def label_from_instance(self, obj) -> str:
        return f"Case {obj.reference}"


class RequestForm(forms.Form):
    cases = CaseChoiceField(
        label="Which cases does this request serve?",
        queryset=None,
        widget=forms.CheckboxSelectMultiple,
        error_messages={"required": "Choose at least one case"},
    )
    data_wanted = forms.MultipleChoiceField(
        label="What data is wanted?",
        choices=IdentificationRequest.DataWanted.choices,
        widget=forms.CheckboxSelectMultiple,
        help_text="Subscriber details and the creation IP are entity data; login and connection "
        "records are events data. Ask for no more than is needed.",
        error_messages={"required": "Choose the data wanted"},
    )
    period_start = _date("Start of period")
    period_end = _date("End of period")
    necessity = _text("Necessity", help_text=NECESSITY_HINT, rows=5)
    proportionality = _text("Proportionality", help_text=PROPORTIONALITY_HINT, rows=5)
    collateral_intrusion = _text("Collateral intrusion", help_text=COLLATERAL_HINT, rows=4)
    provider_country = forms.RegexField(
        label="Country of the company that holds the data (optional)",
        regex=r"^[A-Za-z]{2}$",
        required=False,
        max_length=2,
        help_text="Two-letter code, e.g. GB, US. Leave blank if not known.",
        error_messages={"invalid": "Enter a two-letter country code, like US"},
    )
    holder_location = forms.ChoiceField(
        label="Where is the account holder believed to be?",
        choices=IdentificationRequest.HolderLocation.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose where the account holder is believed to be"},
    )
    holder_country = _text("Country, if outside the UK", required=False, max_length=100)
    serious_crime = forms.BooleanField(
        label="The offence is punishable by at least 3 years' imprisonment",
        required=False,
        help_text="The UK-US Data Access Agreement is for serious crime only",
    )

    def __init__(self, *args, account: OnlineAccount, cases, **kwargs):
        super().__init__(*args, **kwargs)
        self.account = account
        self.fields["cases"].queryset = cases

    def clean(self):
        data = super().clean()
        start, end = data.get("period_start"), data.get("period_end")
        if start and end and end < start:
            self.add_error("period_end", "End of period must be on or after the start")
        if end and end > timezone.localdate():
            self.add_error("period_end", "End of period cannot be in the future")
        if data.get("holder_location") == "abroad" and not data.get("holder_country", "").strip():
            self.add_error("holder_country", "Enter the country the account holder is in")
        return data

    def draft(self) -> RequestDraft:
        data = self.cleaned_data
        return RequestDraft(
            cases=list(data["cases"]),
            data_wanted=list(data["data_wanted"]),
            period_start=data["period_start"],
            period_end=data["period_end"],
            necessity=data["necessity"],
            proportionality=data["proportionality"],
            collateral_intrusion=data["collateral_intrusion"],
            provider_country=(data["provider_country"] or "").upper(),
            holder_location=data["holder_location"],
            holder_country=data["holder_country"],
            serious_crime=data["serious_crime"],
        )

    @staticmethod
    def initial_for(account: OnlineAccount) -> dict:
        return {
            "provider_country": routing.provider_table().country_of(account.platform),
            "holder_location": IdentificationRequest.HolderLocation.UNKNOWN,
        }

    @staticmethod
    def initial_from(request: IdentificationRequest) -> dict:
        return {
            "cases": list(request.cases.all()),
            "data_wanted": request.data_wanted,
            "period_start": request.period_start,
            "period_end": request.period_end,
            "necessity": request.necessity,
            "proportionality": request.proportionality,
            "collateral_intrusion": request.collateral_intrusion,
            "provider_country": request.provider_country,
            "holder_location": request.holder_location,
            "holder_country": request.holder_country,
            "serious_crime": request.serious_crime,
        }


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label="Your decision",
        choices=[
            ("approve", "Approve: necessary and proportionate, ready for authorisation"),
            ("return", "Return to the officer with comments"),
            ("reject", "Reject"),
        ],
        widget=forms.RadioSelect,
        error_messages={"required": "Choose approve, return or reject"},
    )
    comments = _text(
        "Comments",
        required=False,
        rows=4,
        help_text="Required when you return or reject the request",
    )

    def clean(self):
        data = super().clean()
        if data.get("decision") in ("return", "reject") and not data.get("comments", "").strip():
            self.add_error("comments", "Enter comments saying why")
        return data


class AuthorisationForm(forms.Form):
    body = forms.ChoiceField(
        label="Who authorised it?",
        choices=Authorisation.Body.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose who authorised it"},
    )
    reference = _text("Authorisation reference", max_length=100)
    authorised_on = _date("Date authorised")
    authorising_officer = _text(
        "Designated senior officer's name and rank",
        required=False,
        max_length=200,
        help_text="Urgent authorisations only",
    )
    urgency_reason = _text(
        "Why it could not wait for OCDA", required=False, rows=3, help_text="Urgent only"
    )

    def clean(self):
        data = super().clean()
        if data.get("authorised_on") and data["authorised_on"] > timezone.localdate():
            self.add_error("authorised_on", "Date authorised cannot be in the future")
        if data.get("body") == Authorisation.Body.DSO_URGENT:
            if not data.get("authorising_officer", "").strip():
                self.add_error("authorising_officer", "Enter the officer's name and rank")
            if not data.get("urgency_reason", "").strip():
                self.add_error("urgency_reason", "Enter why it could not wait")
        return data

    def details(self) -> AuthorisationDetails:
        data = self.cleaned_data
        return AuthorisationDetails(
            body=data["body"],
            reference=data["reference"],
            authorised_on=data["authorised_on"],
            authorising_officer=data["authorising_officer"],
            urgency_reason=data["urgency_reason"],
        )


class SendForm(forms.Form):
    how = _text(
        "How was it sent?",
        max_length=300,
        help_text="For example: the platform's law enforcement portal, or by the route shown",
    )
    platform_reference = _text(
        "The platform's reference (optional)", required=False, max_length=100
    )


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("widget", MultipleFileInput(attrs={"multiple": "multiple"}))
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None):
        if isinstance(data, list | tuple):
            return [super(MultipleFileField, self).clean(item, initial) for item in data]
        return [super().clean(data, initial)] if data else []


class ResponseForm(forms.Form):
    outcome = forms.ChoiceField(
        label="What did the platform answer?",
        choices=PlatformResponse.Outcome.choices,
        widget=forms.RadioSelect,
        error_messages={"required": "Choose what the platform answered"},
    )
    received_on = _date("Date received")
    received_time = forms.TimeField(
        label="Time received",
        help_text="24-hour clock, e.g. 14:30",
        error_messages={
            "required": "Enter the time received",
            "invalid": "Enter the time like 14:30",
        },
    )
    summary = _text(
        "What was disclosed (optional)",
        required=False,
        rows=5,
        help_text="The subscriber details or records, as given",
    )
    refusal_reason = _text("The platform's reason for refusing", required=False, rows=3)
    attachments = MultipleFileField(
        label="Files the platform sent (optional)",
        required=False,
        help_text="Stored unchanged with their SHA-256 hash",
    )

    def clean(self):
        data = super().clean()
        if (
            data.get("outcome") == PlatformResponse.Outcome.REFUSED
            and not data.get("refusal_reason", "").strip()
        ):
            self.add_error("refusal_reason", "Enter the platform's reason for refusing")
        if data.get("received_on") and data.get("received_time"):
            moment = timezone.make_aware(
                datetime.combine(data["received_on"], data["received_time"])
            )
            if moment > timezone.now():
                self.add_error("received_on", "The response cannot have arrived in the future")
            data["received_at"] = moment
        return data

    def details(self) -> ResponseDetails:
        data = self.cleaned_data
        return ResponseDetails(
            outcome=data["outcome"],
            received_at=data["received_at"],
            summary=data["summary"],
            refusal_reason=data["refusal_reason"],
        )

    def uploads(self) -> list[ReceivedAttachment]:
        return [
            ReceivedAttachment(name=upload.name, stream=upload, size=upload.size)
            for upload in self.cleaned_data.get("attachments") or []
        ]
