"""One form per page of the public report journey, with GOV.UK-style error messages.

Each form knows three things: how to check its page, which ReportSubmission fields its answer
fills in, and how its answer reads on "Check your answers".
"""

import calendar
import re
from datetime import date

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import EmailValidator, MaxLengthValidator, URLValidator
from django.forms.utils import ErrorDict
from django.utils import timezone

from hatehub.evidence.validation import human_size
from hatehub.reports.choices import (
    PLATFORM_LABELS,
    PLATFORMS,
    STRAND_LABELS,
    STRANDS,
    ContactMethod,
    ReporterRole,
    YesNoUnsure,
)
from hatehub.victims import contact

from .services import Contact, ContactPreferences

YES, NO = "yes", "no"
YES_NO = [(YES, "Yes"), (NO, "No")]
MAX_LINES = 20
NOT_GIVEN = "Not given"


def _choice_errors(message: str) -> dict[str, str]:
    return {"required": message, "invalid_choice": message}


def _at_most(limit: int, what: str) -> MaxLengthValidator:
    # A validator, not max_length: max_length would add a maxlength attribute, which cuts text
    # off silently instead of telling the person (GOV.UK advises against it).
    return MaxLengthValidator(limit, f"{what} must be {limit:,} characters or less")


def _lines(text: str) -> list[str]:
    """Non-blank lines, trimmed, each once, in the order given."""
    return list(dict.fromkeys(line.strip() for line in text.splitlines() if line.strip()))


class StepForm(forms.Form):
    """A page of the journey. `journey` gives access to earlier answers, for the few checks and
    wordings that depend on them."""

    heading: str = ""  # a page heading of its own, for pages with more than one question
    hint: str = ""
    field_classes: dict[str, str] = {}
    # Fields shown only under the answer they belong to (GOV.UK conditional reveal): for a
    # field, its value ("on" for a single checkbox) and the fields that answer reveals.
    reveals: dict[str, dict[str, list[str]]] = {}

    def __init__(self, *args, journey=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.journey = journey

    def page_title(self) -> str:
        return self.heading or str(next(iter(self.fields.values())).label)

    def full_clean(self) -> None:
        super().full_clean()
        if self._errors:
            # Errors found in clean() come last; GOV.UK lists them in the order of the page.
            order = {name: index for index, name in enumerate(self.fields)}
            ranked = sorted(self._errors.items(), key=lambda item: order.get(item[0], -1))
            self._errors = ErrorDict(ranked, renderer=self.renderer)

    def layout(self) -> list[dict]:
        """Fields as the template renders them: the first is the page's h1 unless the page has
        a heading of its own; a revealed field is rendered under the answer that reveals it."""
        grouped = (forms.RadioSelect, forms.CheckboxSelectMultiple)
        revealed = {
            name
            for by_value in self.reveals.values()
            for names in by_value.values()
            for name in names
        }
        return [
            {
                "field": self[name],
                "heading": not self.heading and index == 0,
                "classes": self.field_classes.get(name, ""),
                # Under a page heading, a question's legend is bold so the questions stand out.
                "label_size": "s" if self.heading and isinstance(field.widget, grouped) else "",
                "reveals": {
                    value: [self[shown] for shown in names]
                    for value, names in self.reveals.get(name, {}).items()
                },
            }
            for index, (name, field) in enumerate(self.fields.items())
            if name not in revealed
        ]

    def _ignore(self, name: str) -> None:
        """A revealed field whose answer was not chosen: whatever was typed in it (seen only
        without JavaScript) is neither checked nor kept."""
        self.cleaned_data[name] = ""
        self._errors.pop(name, None)

    def raw_answers(self) -> dict:
        """What was posted for this page, in a form the session can hold and the form re-read."""
        return {name: self[name].data for name in self.fields}

    def stops_journey(self) -> bool:
        return False

    def submission_fields(self) -> dict:
        return {}

    def summary_rows(self) -> list[tuple[str, str]]:
        return []

    def _earlier(self, slug: str, field: str):
        return self.journey.value(slug, field) if self.journey is not None else None


class SafetyForm(StepForm):
    danger = forms.ChoiceField(
        label="Is anyone in immediate danger?",
        help_text="For example, someone is being hurt or threatened now, or could be very soon.",
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages=_choice_errors("Select yes if anyone is in immediate danger"),
    )

    def stops_journey(self) -> bool:
        return self.cleaned_data["danger"] == YES


class WhoForm(StepForm):
    role = forms.ChoiceField(
        label="Which of these best describes you?",
        choices=ReporterRole.choices,
        widget=forms.RadioSelect,
        error_messages=_choice_errors("Select which of these best describes you"),
    )

    def submission_fields(self) -> dict:
        return {"reporter_role": self.cleaned_data["role"]}

    def summary_rows(self) -> list[tuple[str, str]]:
        return [("Who is reporting", ReporterRole(self.cleaned_data["role"]).label)]


class WhatHappenedForm(StepForm):
    description = forms.CharField(
        label="What happened?",
        help_text="Tell us what was posted or sent, who it was aimed at and how it affected "
        "them. Do not worry about getting every detail right.",
        widget=forms.Textarea(attrs={"rows": 10}),
        validators=[_at_most(5000, "What happened")],
        error_messages={"required": "Enter what happened"},
    )

    quoted_text = forms.CharField(
        label="What did the post or message say? (optional)",
        help_text="If you can, copy and paste its words exactly. This helps us find other "
        "reports of the same post.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        validators=[_at_most(5000, "What the post said")],
    )

    def submission_fields(self) -> dict:
        return {
            "description": self.cleaned_data["description"],
            "quoted_text": self.cleaned_data["quoted_text"],
        }

    def summary_rows(self) -> list[tuple[str, str]]:
        rows = [("What happened", self.cleaned_data["description"])]
        if self.cleaned_data["quoted_text"]:
            rows.append(("What the post said", self.cleaned_data["quoted_text"]))
        return rows


_MONTH_NAMES = {
    name.lower(): number
    for names in (calendar.month_name, calendar.month_abbr)
    for number, name in enumerate(names)
    if name
}


class WhenForm(StepForm):
    """A GOV.UK date input (day, month, year) or "I'm not sure"."""

    PARTS = ("day", "month", "year")
    TITLE = "When did it happen?"
    day = forms.CharField(label="Day", required=False)
    month = forms.CharField(label="Month", required=False)
    year = forms.CharField(label="Year", required=False)
    not_sure = forms.BooleanField(label="I'm not sure when it happened", required=False)

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.error_parts: set[str] = set()

    def page_title(self) -> str:
        return self.TITLE

    def date_error(self) -> str:
        return next((error for part in self.PARTS for error in self.errors.get(part, [])), "")

    def clean(self) -> dict:
        data = super().clean()
        parts = {part: (data.get(part) or "").strip() for part in self.PARTS}
        given = [part for part in self.PARTS if parts[part]]
        if data.get("not_sure"):
            if given:
                self._fail(
                    self.PARTS, "Enter the date it happened or select “I'm not sure”, not both"
                )
            data["occurred_on"] = None
            return data
        if not given:
            self._fail(self.PARTS, "Enter the date it happened, or select “I'm not sure”")
            return data
        missing = [part for part in self.PARTS if not parts[part]]
        if missing:
            self._fail(missing, f"Date it happened must include a {' and '.join(missing)}")
            return data
        data["occurred_on"] = self._date(parts)
        return data

    def _date(self, parts: dict[str, str]) -> date | None:
        day, month, year = parts["day"], parts["month"].lower(), parts["year"]
        month_number = _MONTH_NAMES.get(month) or (int(month) if month.isdigit() else 0)
        if not day.isdigit() or not 1 <= int(day) <= 31:
            self._fail(["day"], "Date it happened must be a real date")
            return None
        if not 1 <= month_number <= 12:
            self._fail(["month"], "Date it happened must be a real date")
            return None
        if not (year.isdigit() and len(year) == 4):
            self._fail(["year"], "Year must include 4 numbers")
            return None
        try:
            occurred_on = date(int(year), month_number, int(day))
        except ValueError:
            self._fail(self.PARTS, "Date it happened must be a real date")
            return None
        if occurred_on > timezone.localdate():
            self._fail(self.PARTS, "Date it happened must be today or in the past")
            return None
        return occurred_on

    def _fail(self, parts, message: str) -> None:
        # One message for the whole date, shown once; the error summary links to the first
        # part that is wrong, and only the wrong parts are highlighted.
        self.error_parts.update(parts)
        self.add_error(parts[0], message)

    def submission_fields(self) -> dict:
        return {"occurred_on": self.cleaned_data["occurred_on"]}

    def summary_rows(self) -> list[tuple[str, str]]:
        occurred_on = self.cleaned_data["occurred_on"]
        shown = f"{occurred_on.day} {occurred_on:%B %Y}" if occurred_on else "Not sure"
        return [("When it happened", shown)]


class PlatformForm(StepForm):
    platform = forms.ChoiceField(
        label="Where was it posted?",
        help_text="If it was in more than one place, choose where you saw it first.",
        choices=PLATFORMS,
        widget=forms.RadioSelect,
        error_messages=_choice_errors("Select where it was posted"),
    )
    platform_other = forms.CharField(
        label="If somewhere else, where was it posted?",
        required=False,
        validators=[_at_most(100, "Where it was posted")],
    )

    def clean(self) -> dict:
        data = super().clean()
        if data.get("platform") == "other" and not data.get("platform_other"):
            self.add_error("platform_other", "Enter where it was posted")
        return data

    def _other(self) -> str:
        return (
            self.cleaned_data["platform_other"] if self.cleaned_data["platform"] == "other" else ""
        )

    def submission_fields(self) -> dict:
        return {"platform": self.cleaned_data["platform"], "platform_other": self._other()}

    def summary_rows(self) -> list[tuple[str, str]]:
        other = self._other()
        shown = (
            f"Somewhere else: {other}" if other else PLATFORM_LABELS[self.cleaned_data["platform"]]
        )
        return [("Where it was posted", shown)]


class LinksForm(StepForm):
    EXAMPLE = "https://x.com/name/status/123"
    urls = forms.CharField(
        label="What are the links to the content?",
        help_text="Copy each link from the address bar or the Share button and put each one on "
        "a new line. If you do not have a link, leave this blank and give the account name on "
        "the next page.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
    )
    _valid = URLValidator(schemes=["http", "https"])

    def clean_urls(self) -> list[str]:
        lines = _lines(self.cleaned_data["urls"])
        if len(lines) > MAX_LINES:
            raise ValidationError(f"Enter {MAX_LINES} links or fewer")
        urls = []
        for number, line in enumerate(lines, start=1):
            # Forgiving about the one thing people most often leave off: the https:// part.
            url = line if "://" in line else f"https://{line}"
            which = f"link {number}" if len(lines) > 1 else "a link"
            if len(url) > 2000:
                raise ValidationError(f"Enter {which} that is 2,000 characters or less")
            try:
                self._valid(url)
            except ValidationError:
                raise ValidationError(
                    f"Enter {which} in the correct format, like {self.EXAMPLE}"
                ) from None
            urls.append(url)
        return urls

    def submission_fields(self) -> dict:
        return {"urls": self.cleaned_data["urls"]}

    def summary_rows(self) -> list[tuple[str, str]]:
        return [("Links to the content", "\n".join(self.cleaned_data["urls"]) or NOT_GIVEN)]


class AccountsForm(StepForm):
    NEEDED = (
        "Enter the name of the account that posted it. You need to give a link or an account "
        "name: if you do not know the account name, go back and give a link to the content"
    )
    accounts = forms.CharField(
        label="What is the name of the account that posted it?",
        help_text="For example, @username or the name on their profile. If more than one "
        "account was involved, put each one on a new line.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 4}),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self._earlier("links", "urls"):
            self.fields[
                "accounts"
            ].help_text += " You can leave this blank because you gave a link."

    def clean_accounts(self) -> list[str]:
        accounts = _lines(self.cleaned_data["accounts"])
        if len(accounts) > MAX_LINES:
            raise ValidationError(f"Enter {MAX_LINES} account names or fewer")
        if any(len(account) > 200 for account in accounts):
            raise ValidationError("Each account name must be 200 characters or less")
        if not accounts and not self._earlier("links", "urls"):
            raise ValidationError(self.NEEDED)
        return accounts

    def submission_fields(self) -> dict:
        return {"accounts": self.cleaned_data["accounts"]}

    def summary_rows(self) -> list[tuple[str, str]]:
        return [("Account names", "\n".join(self.cleaned_data["accounts"]) or NOT_GIVEN)]


class PosterIdentityForm(StepForm):
    known = forms.ChoiceField(
        label="Do you know who posted it?",
        help_text="For example, you know their real name, or where they live or work.",
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages=_choice_errors("Select yes if you know who posted it"),
    )
    details = forms.CharField(
        label="If yes, who do you think it is?",
        help_text="Their name and anything else you know about them.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[_at_most(2000, "Who you think it is")],
    )

    def clean(self) -> dict:
        data = super().clean()
        if data.get("known") == YES and not data.get("details"):
            self.add_error("details", "Enter who you think posted it")
        return data

    def submission_fields(self) -> dict:
        known = self.cleaned_data["known"] == YES
        return {
            "poster_identity_known": known,
            "poster_identity_details": self.cleaned_data["details"] if known else "",
        }

    def summary_rows(self) -> list[tuple[str, str]]:
        known = self.cleaned_data["known"] == YES
        return [
            (
                "Do you know who posted it?",
                f"Yes: {self.cleaned_data['details']}" if known else "No",
            )
        ]


class FutureEventForm(StepForm):
    future_event = forms.ChoiceField(
        label="Is it about an event that has not happened yet?",
        help_text="For example, a march, a protest or a football match.",
        choices=YesNoUnsure.choices,
        widget=forms.RadioSelect,
        error_messages=_choice_errors(
            "Select yes if it is about an event that has not happened yet"
        ),
    )
    details = forms.CharField(
        label="If yes, what is the event, and when and where is it?",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[_at_most(2000, "The event")],
    )

    def clean(self) -> dict:
        data = super().clean()
        if data.get("future_event") == YesNoUnsure.YES and not data.get("details"):
            self.add_error("details", "Enter what the event is, and when and where it is")
        return data

    def submission_fields(self) -> dict:
        event = self.cleaned_data["future_event"]
        details = self.cleaned_data["details"] if event == YesNoUnsure.YES else ""
        return {"future_event": event, "future_event_details": details}

    def summary_rows(self) -> list[tuple[str, str]]:
        event = self.cleaned_data["future_event"]
        shown = YesNoUnsure(event).label
        if event == YesNoUnsure.YES:
            shown = f"Yes: {self.cleaned_data['details']}"
        return [("About a future event?", shown)]


class StrandsForm(StepForm):
    strands = forms.MultipleChoiceField(
        label="What do you think was being targeted?",
        help_text="Hate targets people because of who they are. Select all that apply.",
        choices=STRANDS,
        widget=forms.CheckboxSelectMultiple,
        error_messages=_choice_errors(
            "Select what you think was targeted, or select “I'm not sure”"
        ),
    )
    strand_other = forms.CharField(
        label="If something else, what was targeted?",
        required=False,
        validators=[_at_most(200, "What else was targeted")],
    )

    def clean(self) -> dict:
        data = super().clean()
        strands = data.get("strands") or []
        if "not_sure" in strands and len(strands) > 1:
            self.add_error("strands", "Select what was targeted or “I'm not sure”, not both")
        if "other" in strands and not data.get("strand_other"):
            self.add_error("strand_other", "Enter what else you think was targeted")
        return data

    def _other(self) -> str:
        return self.cleaned_data["strand_other"] if "other" in self.cleaned_data["strands"] else ""

    def submission_fields(self) -> dict:
        return {"strands": self.cleaned_data["strands"], "strand_other": self._other()}

    def summary_rows(self) -> list[tuple[str, str]]:
        shown = [
            f"{STRAND_LABELS[code]}: {self._other()}" if code == "other" else STRAND_LABELS[code]
            for code in self.cleaned_data["strands"]
        ]
        return [("What was targeted", "\n".join(shown))]


# The shape of a UK postcode (outward code, then inward code), spaces optional as typed.
POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})$")


class VictimLocationForm(StepForm):
    field_classes = {"postcode": "govuk-input--width-10"}
    hint = "This helps us pass the report to the right local police force. You can leave it blank."
    postcode = forms.CharField(label="Postcode (optional)", required=False)
    town = forms.CharField(
        label="Town or city (optional)",
        required=False,
        validators=[_at_most(100, "Town or city")],
    )

    # The question and its answer's name on "Check your answers", in the reporter's terms: an
    # organisation reports for itself, so it is asked where it is, not where "the victim" lives.
    WORDING = {
        ReporterRole.VICTIM: ("Where do you live?", "Where you live"),
        ReporterRole.ORGANISATION: ("Where is your organisation?", "Where your organisation is"),
        ReporterRole.ON_BEHALF: (
            "Where does the person you are reporting for live?",
            "Where the person you are reporting for lives",
        ),
        ReporterRole.WITNESS: (
            "Where does the person it was aimed at live?",
            "Where the person it was aimed at lives",
        ),
    }

    def _wording(self) -> tuple[str, str]:
        return self.WORDING.get(
            self._earlier("who", "role"), ("Where does the victim live?", "Where the victim lives")
        )

    @property
    def heading(self) -> str:
        return self._wording()[0]

    def clean_postcode(self) -> str:
        typed = self.cleaned_data["postcode"].upper().strip()
        if not typed:
            return ""
        match = POSTCODE.match(typed)
        if not match:
            raise ValidationError("Enter a full UK postcode, like L1 8JQ")
        return f"{match[1]} {match[2]}"

    def submission_fields(self) -> dict:
        return {
            "victim_postcode": self.cleaned_data["postcode"],
            "victim_town": self.cleaned_data["town"],
        }

    def summary_rows(self) -> list[tuple[str, str]]:
        given = [self.cleaned_data["town"], self.cleaned_data["postcode"]]
        return [(self._wording()[1], "\n".join(part for part in given if part) or NOT_GIVEN)]


class PosterLocationForm(StepForm):
    poster_location = forms.CharField(
        label="Do you know where the person who posted it is?",
        help_text="For example, the town or country they live in, or a place they mention in "
        "their posts. Leave this blank if you do not know.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[_at_most(300, "Where the poster is")],
    )

    def submission_fields(self) -> dict:
        return {"poster_location": self.cleaned_data["poster_location"]}

    def summary_rows(self) -> list[tuple[str, str]]:
        return [("Where the poster is", self.cleaned_data["poster_location"] or NOT_GIVEN)]


class MultipleFileInput(forms.FileInput):
    allow_multiple_selected = True


class MultipleFilesField(forms.Field):
    """The chosen files as a list, unchecked: hatehub.evidence checks each by its content and
    words every rejection itself, so Django's own file checks would only repeat it less well."""

    widget = MultipleFileInput

    def to_python(self, data) -> list:
        if not data:
            return []
        return list(data) if isinstance(data, list | tuple) else [data]


# A hint to the file picker only: what is accepted is decided by hatehub.evidence, by content.
ACCEPT = "image/png,image/jpeg,image/webp,application/pdf,.png,.jpg,.jpeg,.webp,.pdf"


class EvidenceForm(StepForm):
    heading = "Upload screenshots or documents"
    files = MultipleFilesField(
        label="Choose files",
        required=False,
        widget=MultipleFileInput(
            attrs={
                "multiple": "multiple",
                "accept": ACCEPT,
            }
        ),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["files"].help_text = (
            f"Screenshots (PNG, JPEG or WebP) or PDFs. Each file must be smaller than "
            f"{human_size(settings.EVIDENCE_MAX_FILE_BYTES)}. You can upload up to "
            f"{settings.EVIDENCE_MAX_FILES} files."
        )

    def uploaded(self) -> list:
        return self.journey.evidence() if self.journey is not None else []

    def clean_files(self) -> list:
        chosen = self.cleaned_data["files"]
        if not chosen and self.data.get("action") == "upload":
            raise ValidationError("Select a screenshot or document to upload")
        already = len(self.uploaded())
        limit = settings.EVIDENCE_MAX_FILES
        if chosen and already + len(chosen) > limit:
            room = limit - already
            if room <= 0:
                raise ValidationError(
                    f"You can upload up to {limit} files. Remove a file to add another"
                )
            raise ValidationError(
                f"You can upload up to {limit} files. You have uploaded {already}, so choose "
                f"{room} or fewer"
            )
        return chosen

    def raw_answers(self) -> dict:
        return {}  # the files themselves are kept by the journey, not as form data

    def summary_rows(self) -> list[tuple[str, str]]:
        names = [
            f"{item.original_filename} ({human_size(item.size_bytes)})" for item in self.uploaded()
        ]
        return [("Screenshots and documents", "\n".join(names) or "None uploaded")]


class ContactChoiceForm(StepForm):
    DETAILS, ANONYMOUS = "details", "anonymous"
    choice = forms.ChoiceField(
        label="Do you want to give contact details or report anonymously?",
        help_text="If you give contact details, the police can tell you what happens and ask "
        "you about the report. If you report anonymously, they cannot contact you.",
        choices=[(DETAILS, "Give my contact details"), (ANONYMOUS, "Report anonymously")],
        widget=forms.RadioSelect,
        error_messages=_choice_errors(
            "Select if you want to give contact details or report anonymously"
        ),
    )

    def submission_fields(self) -> dict:
        return {"anonymous": self.cleaned_data["choice"] == self.ANONYMOUS}

    def summary_rows(self) -> list[tuple[str, str]]:
        return [
            (
                "Contact details or anonymous",
                dict(self.fields["choice"].choices)[self.cleaned_data["choice"]],
            )
        ]


# UK numbers: 0 or +44 (or 0044) then 9 or 10 digits; spaces, dashes, dots and brackets allowed.
UK_PHONE = re.compile(r"^(?:0|\+44|0044)[1-9][0-9]{8,9}$")


class TelInput(forms.TextInput):
    input_type = "tel"


class ContactDetailsForm(StepForm):
    heading = "Your contact details"
    hint = "We will only use these to contact you about this report."
    field_classes = {"phone": "govuk-input--width-20"}
    # One way to reach the person: the address or number for the way they choose, no other.
    field_order = ["name", "contact_method", "email", "phone"]
    reveals = {
        "contact_method": {
            ContactMethod.EMAIL.value: ["email"],
            ContactMethod.PHONE.value: ["phone"],
        }
    }
    name = forms.CharField(
        label="Your name (optional)",
        required=False,
        widget=forms.TextInput(attrs={"autocomplete": "name", "spellcheck": "false"}),
        validators=[_at_most(200, "Your name")],
    )
    email = forms.CharField(
        label="Email address",
        required=False,
        widget=forms.EmailInput(attrs={"autocomplete": "email", "spellcheck": "false"}),
        validators=[
            _at_most(254, "Email address"),
            EmailValidator("Enter an email address in the correct format, like name@example.com"),
        ],
    )
    phone = forms.CharField(
        label="Phone number",
        help_text="For example, 07700 900 982 or 0161 496 0000",
        required=False,
        widget=TelInput(attrs={"autocomplete": "tel"}),
    )
    contact_method = forms.ChoiceField(
        label="How should we contact you?",
        choices=ContactMethod.choices,
        widget=forms.RadioSelect,
        error_messages=_choice_errors("Select how you would like us to contact you"),
    )
    safe_to_leave_message = forms.ChoiceField(
        label="Is it safe for us to leave a message?",
        help_text="For example, a voicemail or an email that someone else might see.",
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages=_choice_errors("Select yes if it is safe for us to leave a message"),
    )
    contact_notes = forms.CharField(
        label="When and how is it safe to contact you? (optional)",
        help_text="For example, only after 6pm, or do not say that you are the police.",
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        validators=[_at_most(300, "When and how it is safe to contact you")],
    )

    def clean_phone(self) -> str:
        phone = self.cleaned_data["phone"]
        # "+44 (0)161 ..." is a common way to write it: the (0) is dropped, not dialled.
        digits = re.sub(r"[\s().-]", "", phone.replace("(0)", ""))
        if phone and not UK_PHONE.match(digits):
            raise ValidationError("Enter a UK phone number, like 07700 900 982 or 0161 496 0000")
        return phone

    def clean(self) -> dict:
        data = super().clean()
        method = data.get("contact_method")
        if method != ContactMethod.EMAIL:
            self._ignore("email")
        if method != ContactMethod.PHONE:
            self._ignore("phone")
        if method == ContactMethod.EMAIL and not data.get("email") and "email" not in self.errors:
            self.add_error(
                "email", "Enter your email address, or choose phone as the way to contact you"
            )
        if method == ContactMethod.PHONE and not data.get("phone") and "phone" not in self.errors:
            self.add_error(
                "phone", "Enter your phone number, or choose email as the way to contact you"
            )
        return data

    def submission_fields(self) -> dict:
        data = self.cleaned_data
        contact = Contact(
            name=data["name"],
            email=data["email"],
            phone=data["phone"],
            contact_method=data["contact_method"],
            safe_to_leave_message=data["safe_to_leave_message"] == YES,
            contact_notes=data["contact_notes"],
        )
        return {"contact": contact}

    def summary_rows(self) -> list[tuple[str, str]]:
        data = self.cleaned_data
        method = ContactMethod(data["contact_method"])
        detail = data["email"] if method == ContactMethod.EMAIL else data["phone"]
        return [
            ("Name", data["name"] or NOT_GIVEN),
            ("How to contact you", f"{method.label}: {detail}"),
            ("Safe to leave a message?", "Yes" if data["safe_to_leave_message"] == YES else "No"),
            ("When and how it is safe to contact you", data["contact_notes"] or NOT_GIVEN),
        ]


class SupportForm(StepForm):
    consent = forms.ChoiceField(
        label="Would you like us to pass your details to a support service?",
        help_text="A support service, such as Victim Support, gives free and confidential help "
        "whether or not you want the police to take action. They would contact you.",
        choices=YES_NO,
        widget=forms.RadioSelect,
        error_messages=_choice_errors(
            "Select yes if you would like us to pass your details to a support service"
        ),
    )

    def submission_fields(self) -> dict:
        return {"support_referral_consent": self.cleaned_data["consent"] == YES}

    def summary_rows(self) -> list[tuple[str, str]]:
        return [
            (
                "Pass details to a support service?",
                "Yes" if self.cleaned_data["consent"] == YES else "No",
            )
        ]


# The Victims' Code preferences asked on the contact details page (hatehub.victims.contact).
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
