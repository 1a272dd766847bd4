"""Request and response shapes of the partner API, with the examples its OpenAPI shows.

The answers a partner may give are the public journey's (hatehub.reports.choices); field lengths
match the columns they are stored in, so a valid request never fails at the database.
"""

import re
from datetime import date, datetime
from typing import Annotated, Any, Literal

from django.core.exceptions import ValidationError as DjangoValidationError
from django.core.validators import URLValidator, validate_email
from django.utils import timezone
from ninja import Schema
from pydantic import AfterValidator, BeforeValidator, ConfigDict, Field, field_validator

from hatehub.reports.choices import PLATFORMS, STRANDS, ContactMethod, ReporterRole, YesNoUnsure

STRAND_CODES = tuple(code for code, _ in STRANDS)
PLATFORM_CODES = tuple(code for code, _ in PLATFORMS)
# As the public journey checks them (hatehub.intake.forms): a full UK postcode, spaces optional,
# and a UK phone number (0, +44 or 0044, then 9 or 10 digits; spaces, dashes, dots, brackets).
POSTCODE = re.compile(r"^([A-Z]{1,2}[0-9][A-Z0-9]?)\s*([0-9][A-Z]{2})$")
UK_PHONE = re.compile(r"^(?:0|\+44|0044)[1-9][0-9]{8,9}$")
MAX_ITEMS = 20  # links or account names, as the public journey allows
_is_web_url = URLValidator(schemes=["http", "https"])


def _one_of(codes: tuple[str, ...], what: str):
    """Name the value that was wrong and the ones that are right, not just "invalid"."""

    def check(value: Any) -> Any:
        if isinstance(value, str) and value not in codes:
            raise ValueError(f"'{value[:60]}' is not a {what}: use one of {', '.join(codes)}")
        return value

    return BeforeValidator(check)


def _blank_if_null(value: Any) -> Any:
    return "" if value is None else value


def _web_url(value: str) -> str:
    try:
        _is_web_url(value)
    except DjangoValidationError:
        raise ValueError("must be a full web address starting http:// or https://") from None
    return value


def _text(max_length: int) -> Any:
    """Optional text: null and "" both mean "not given"."""
    return Annotated[str, Field(max_length=max_length), BeforeValidator(_blank_if_null)]


def _codes(values: tuple[str, ...]) -> Any:
    return Literal[values]  # type: ignore[valid-type]


StrandCode = Annotated[_codes(STRAND_CODES), _one_of(STRAND_CODES, "strand")]
PlatformCode = Annotated[_codes(PLATFORM_CODES), _one_of(PLATFORM_CODES, "platform")]
RoleCode = Annotated[
    _codes(tuple(ReporterRole.values)), _one_of(tuple(ReporterRole.values), "reporter role")
]
FutureEventCode = Annotated[
    _codes(tuple(YesNoUnsure.values)), _one_of(tuple(YesNoUnsure.values), "future_event answer")
]
ContactMethodCode = Annotated[
    _codes(tuple(ContactMethod.values)) | None,
    BeforeValidator(lambda value: value or None),
    _one_of(tuple(ContactMethod.values), "contact method"),
]
Url = Annotated[str, Field(max_length=2000), AfterValidator(_web_url)]
Handle = Annotated[str, Field(min_length=1, max_length=200)]
PlatformUserId = Annotated[str, Field(min_length=1, max_length=100, pattern=r"^[A-Za-z0-9_:.-]+$")]


class ContactIn(Schema):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    name: _text(200) = ""
    email: _text(254) = ""
    phone: _text(40) = ""
    contact_method: ContactMethodCode = Field(
        None, description="How the reporter would like to be contacted: email or phone"
    )
    safe_to_leave_message: bool = False
    contact_notes: _text(300) = Field("", description="When and how it is safe to make contact")

    @field_validator("phone")
    @classmethod
    def _phone(cls, value: str) -> str:
        digits = re.sub(r"[\s().-]", "", value.replace("(0)", ""))
        if value and not UK_PHONE.match(digits):
            raise ValueError("must be a UK phone number, like 07700 900 982 or 0161 496 0000")
        return value

    @field_validator("email")
    @classmethod
    def _email(cls, value: str) -> str:
        if value:
            try:
                validate_email(value)
            except DjangoValidationError:
                raise ValueError("must be an email address, like name@example.org") from None
        return value


class EvidenceIn(Schema):
    model_config = ConfigDict(extra="forbid")

    filename: str = Field(min_length=1, max_length=255, examples=["screenshot-1.png"])
    media_type: str | None = Field(
        None,
        max_length=100,
        description="Informational only: the hub decides the type from the file's content",
    )
    content_base64: str = Field(
        min_length=1, description="The file's bytes, base64-encoded (RFC 4648, standard alphabet)"
    )


# A 1x1 pixel PNG, so the example can be sent as it is.
TINY_PNG_BASE64 = (
    "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8DwHwAFBQ"
    "IAX8jx0gAAAABJRU5ErkJggg=="
)
REPORT_EXAMPLE: dict[str, Any] = {
    "reporter_role": "victim",
    "description": "[SYNTHETIC TEST POST] A reply threatening me because of my religion.",
    "occurred_on": "2025-03-14",
    "platform": "x",
    "strands": ["religion"],
    "urls": ["https://x.com/example_handle_42/status/1234567890123456789"],
    "accounts": ["@example_handle_42"],
    "poster_identity_known": False,
    "future_event": "no",
    "victim_postcode": "L1 8JQ",
    "anonymous": False,
    "contact": {
        "name": "Alex Example",
        "email": "alex.example@example.org",
        "contact_method": "email",
        "safe_to_leave_message": False,
        "contact_notes": "Weekday evenings only",
    },
    "support_referral_consent": True,
    "partner_reference": "ERC-2025-00042",
    "evidence": [
        {
            "filename": "screenshot-1.png",
            "media_type": "image/png",
            "content_base64": TINY_PNG_BASE64,
        }
    ],
}


class ReportIn(Schema):
    """A report, with the same questions as the public journey."""

    model_config = ConfigDict(
        extra="forbid", str_strip_whitespace=True, json_schema_extra={"examples": [REPORT_EXAMPLE]}
    )

    reporter_role: RoleCode
    description: str = Field(min_length=1, max_length=5000)
    quoted_text: _text(5000) = Field(
        "", description="What the post said, copied as exactly as possible (helps matching)"
    )
    occurred_on: date | None = Field(None, description="When it happened; not in the future")
    platform: PlatformCode
    platform_other: _text(100) = Field("", description='Required when platform is "other"')
    strands: list[StrandCode] = Field(
        min_length=1,
        max_length=len(STRAND_CODES),
        description=(
            "What the reporter believes was targeted (their perception). `age` is a hate crime "
            "aggravation in Scotland (Hate Crime and Public Order (Scotland) Act 2021 s1); "
            "`sectarian` is recorded by PSNI in Northern Ireland. The assessment applies them "
            "where the case's nation records them"
        ),
    )
    strand_other: _text(200) = Field("", description='Required when strands include "other"')
    urls: list[Url] = Field(
        default_factory=list, max_length=MAX_ITEMS, description="Give links, accounts or both"
    )
    accounts: list[Handle] = Field(default_factory=list, max_length=MAX_ITEMS)
    account_ids: dict[Handle, PlatformUserId] = Field(
        default_factory=dict,
        max_length=MAX_ITEMS,
        description="The platform's own user id for an account named in `accounts`, when "
        'known: {"@example_handle_42": "1234567890"}. An id identifies the account for good; '
        "handles change and are reused.",
    )
    poster_identity_known: bool = False
    poster_identity_details: _text(2000) = Field(
        "", description="Required when poster_identity_known is true"
    )
    future_event: FutureEventCode = Field(
        "no", description="Does the content mention a future event or threat?"
    )
    future_event_details: _text(2000) = Field("", description='Required when future_event is "yes"')
    poster_location: _text(300) = ""
    victim_postcode: _text(10) = Field("", description="A full UK postcode, e.g. L1 8JQ")
    victim_town: _text(100) = ""
    anonymous: bool = Field(False, description="If true, contact must be left out")
    contact: ContactIn = Field(default_factory=ContactIn)
    support_referral_consent: bool = False
    partner_reference: _text(100) = Field("", description="Your own reference for this report")
    evidence: list[EvidenceIn] = Field(default_factory=list)

    @field_validator("occurred_on")
    @classmethod
    def _not_future(cls, value: date | None) -> date | None:
        if value and value > timezone.localdate():
            raise ValueError("must be today or earlier")
        return value

    @field_validator("victim_postcode")
    @classmethod
    def _postcode(cls, value: str) -> str:
        if not value:
            return ""
        match = POSTCODE.match(value.upper())
        if not match:
            raise ValueError("must be a full UK postcode, like L1 8JQ")
        return f"{match[1]} {match[2]}"


class EvidenceOut(Schema):
    filename: str
    sha256: str = Field(description="SHA-256 of the bytes as stored, in hex")
    size_bytes: int
    media_type: str = Field(description="The type found from the file's content")


class ReportOut(Schema):
    reference: str = Field(examples=["7K3M-XQ9P-R2VD"])
    status: str = Field(
        description='"received" until the hub has recorded it (put it on a case), then the '
        "case's status"
    )
    submitted_at: datetime
    partner_reference: str = ""
    evidence: list[EvidenceOut]


class KeyRotated(Schema):
    key: str = Field(description="The new key. Shown once: store it now")
    prefix: str
    previous_prefix: str
    previous_key_expires_at: datetime = Field(
        description="The key used for this request keeps working until then"
    )


def _problem(type_: str, title: str, status: int, detail: str, **extra: Any) -> dict[str, Any]:
    problem = {"type": f"urn:hatehub:problem:{type_}", "title": title, "status": status}
    return problem | {"detail": detail} | extra


# One example per status, as the API answers them (shown in the OpenAPI description).
PROBLEM_EXAMPLES: dict[int, dict[str, Any]] = {
    400: _problem(
        "malformed-body",
        "Malformed request body",
        400,
        "The body is not valid JSON: Expecting ',' delimiter (line 3, column 5)",
    ),
    401: _problem(
        "unauthenticated",
        "Invalid API key",
        401,
        "The API key is not valid: mistyped, revoked or past its expiry after a rotation",
    ),
    404: {"type": "about:blank", "title": "Not found", "status": 404, "detail": "Nothing at ..."},
    409: _problem(
        "idempotency-conflict",
        "Idempotency-Key already used for a different report",
        409,
        "This Idempotency-Key was used for report 7K3M-XQ9P-R2VD with a different body. "
        "Use a new key for a new report.",
        reference="7K3M-XQ9P-R2VD",
    ),
    413: _problem(
        "request-too-large",
        "Request too large",
        413,
        "The request must be smaller than 30 MB, including base64 evidence",
    ),
    422: _problem(
        "validation-failed",
        "The request is not valid",
        422,
        "2 fields to correct: see errors",
        errors=[
            {
                "field": "strands[1]",
                "message": "'racism' is not a strand: use one of race, religion, "
                "sexual_orientation, disability, transgender, age, sectarian, other, not_sure",
            },
            {
                "field": "evidence[0]",
                "message": "screenshot.png must be a PNG, JPEG or WebP image, or a PDF "
                "(it is a EXE file)",
            },
        ],
    ),
}
