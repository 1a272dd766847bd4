"""The partner intake API, mounted at /api/v1/ (description: /api/v1/openapi.json, /api/v1/docs).

A partner organisation authenticates with its API key, submits reports with evidence (base64),
reads back the status of its own reports and rotates its key. Everything a partner does is
audited as "partner:<organisation>"; every failure is an RFC 9457 problem+json.
"""

import base64
import binascii
import functools
import io
import json
import logging
from collections.abc import Callable
from pathlib import PurePosixPath
from typing import Any

from django.conf import settings
from django.core.exceptions import RequestDataTooBig
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
from django.urls import URLPattern, re_path, reverse
from django.utils import timezone
from ninja import Header, NinjaAPI, Status
from ninja.errors import AuthenticationError, HttpError, ValidationError
from ninja.security import APIKeyHeader, HttpBearer

from hatehub.accounts.models import ApiKey, Organisation
from hatehub.accounts.services import authenticate_api_key, rotate_api_key
from hatehub.audit.services import Action, acting_as, record
from hatehub.core.problems import (
    PROBLEM_CONTENT_TYPE,
    ApiProblem,
    field_problem,
    problem,
    problems,
)
from hatehub.core.reference_numbers import normalise
from hatehub.evidence.models import EvidenceFile
from hatehub.evidence.services import ReceivedFile, receive
from hatehub.evidence.validation import EvidenceRejected, human_size
from hatehub.intake.api_docs import AccessibleDocs
from hatehub.reports.models import ReceivedReport, Report

from .api_schemas import (
    PROBLEM_EXAMPLES,
    REPORT_EXAMPLE,
    EvidenceIn,
    KeyRotated,
    ReportIn,
    ReportOut,
)
from .services import (
    Contact,
    IdempotencyConflict,
    ReportSubmission,
    receive_partner_report,
)

logger = logging.getLogger(__name__)
IDEMPOTENCY_KEY_MAX = 200

DESCRIPTION = """
Partner organisations (third-party reporting centres, charities, feeds) send reports of online
hate to the hub here. Authenticate with your organisation's API key, either as
`Authorization: Bearer ohh_<prefix>_<secret>` or as `X-API-Key: ohh_<prefix>_<secret>`.

Send an `Idempotency-Key` with every report so that a retry after a timeout cannot create a
second report. Errors are `application/problem+json` (RFC 9457) with an `errors` list that
points at the field to correct, e.g. `strands[1]` or `contact.email`.
"""


# --- Errors: every failure is application/problem+json -------------------------------------

MALFORMED_BODY = "urn:hatehub:problem:malformed-body"
_MESSAGES = {
    "missing": "This field is required",
    "extra_forbidden": "Not a field of this API: check the spelling against /api/v1/docs",
}


def _field(loc: tuple) -> str:
    """("body", "payload", "strands", 1) -> "strands[1]"; ("header", "Idempotency-Key") as is."""
    name = ""
    for part in loc[2:] if loc[0] == "body" else loc[1:]:
        name += f"[{part}]" if isinstance(part, int) else f".{part}" if name else str(part)
    return name


def _on_validation_error(request: HttpRequest, exc: ValidationError) -> HttpResponse:
    if any(error["loc"][0] == "body" and len(error["loc"]) <= 2 for error in exc.errors):
        detail = "Send the report as a JSON object (Content-Type: application/json)"
        return problem(400, "The request body is not a report", detail=detail, type_=MALFORMED_BODY)
    errors = [
        (
            _field(error["loc"]),
            _MESSAGES.get(error["type"], error["msg"].removeprefix("Value error, ")),
        )
        for error in exc.errors
    ]
    return field_problem(errors).response()


def _on_http_error(request: HttpRequest, exc: HttpError) -> HttpResponse:
    cause = exc.__cause__
    if exc.status_code != 400 or cause is None:
        return problem(exc.status_code, str(exc))
    if isinstance(cause, json.JSONDecodeError):
        where = f"line {cause.lineno}, column {cause.colno}"
        detail = f"The body is not valid JSON: {cause.msg} ({where})"
    elif isinstance(cause, UnicodeDecodeError):
        detail = "The body must be JSON encoded as UTF-8"
    else:
        detail = "The body could not be read as JSON"
    return problem(400, "Malformed request body", detail=detail, type_=MALFORMED_BODY)


def _on_unauthenticated(request: HttpRequest, exc: Exception) -> HttpResponse:
    if request.headers.get("Authorization") or request.headers.get("X-API-Key"):
        title, challenge = "Invalid API key", 'Bearer realm="hatehub", error="invalid_token"'
        detail = "The API key is not valid: mistyped, revoked or past its expiry after a rotation"
    else:
        title, challenge = "API key required", 'Bearer realm="hatehub"'
        detail = "Send your API key as 'Authorization: Bearer <key>' or 'X-API-Key: <key>'"
    return problem(
        401,
        title,
        detail=detail,
        type_="urn:hatehub:problem:unauthenticated",
        headers={"WWW-Authenticate": challenge},
    )


def _too_large() -> HttpResponse:
    limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    return problem(
        413,
        "Request too large",
        detail=f"The request must be smaller than {human_size(limit)}, including base64 evidence",
        type_="urn:hatehub:problem:request-too-large",
    )


def _not_found(request: HttpRequest, exc: Exception | None = None) -> HttpResponse:
    return problem(404, "Not found", detail=f"Nothing at {request.path[:200]}: see /api/v1/docs")


def _on_error(request: HttpRequest, exc: Exception) -> HttpResponse:
    logger.exception("Partner API error on %s", request.path)
    detail = "Something went wrong on our side. Retry with the same Idempotency-Key"
    return problem(500, "Internal error", detail=detail)


def _with_problems(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """Around every API URL: refuse an oversized body before reading it, and answer a missing
    resource or wrong method with a problem rather than Django's HTML pages."""

    @functools.wraps(view)
    def wrapped(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        limit = settings.DATA_UPLOAD_MAX_MEMORY_SIZE
        length = request.META.get("CONTENT_LENGTH") or "0"
        if limit is not None and length.isdigit() and int(length) > limit:
            return _too_large()
        try:
            response = view(request, *args, **kwargs)
        except Http404:
            response = _not_found(request)
        if isinstance(response, HttpResponseNotAllowed):
            detail = f"{request.method} is not allowed here; use {response['Allow']}"
            response = problem(
                405, "Method not allowed", detail=detail, headers={"Allow": response["Allow"]}
            )
        response.setdefault("Cache-Control", "no-store")
        return response

    wrapped.csrf_exempt = True  # type: ignore[attr-defined]  # header auth: no cookies, no CSRF
    return wrapped


# The groups of the API description, in the order the docs page shows them.
TAGS = [
    {
        "name": "Reports",
        "description": "Partner organisations submit reports of online hate, with evidence, and "
        "read back the ones they sent.",
    },
    {"name": "API keys", "description": "Your organisation's key: rotate it without downtime."},
    {
        "name": "Platforms",
        "description": "Online platforms tell the hub what they did with a takedown referral.",
    },
    {
        "name": "Intelligence",
        "description": "Police recipients fetch the intelligence disseminated to them, as POLE.",
    },
]


def _tag_used(schema: dict, name: str) -> bool:
    return any(
        name in operation.get("tags", [])
        for operations in schema["paths"].values()
        for operation in operations.values()
    )


class PartnerAPI(NinjaAPI):
    def set_default_exception_handlers(self) -> None:
        self.add_exception_handler(Exception, _on_error)
        self.add_exception_handler(ApiProblem, lambda request, exc: exc.response())
        self.add_exception_handler(ValidationError, _on_validation_error)
        self.add_exception_handler(HttpError, _on_http_error)
        self.add_exception_handler(AuthenticationError, _on_unauthenticated)
        self.add_exception_handler(Http404, _not_found)
        self.add_exception_handler(RequestDataTooBig, lambda request, exc: _too_large())

    @property
    def urls(self) -> tuple[list[URLPattern], str, str]:
        patterns, app_name, namespace = super().urls
        for pattern in patterns:
            pattern.callback = _with_problems(pattern.callback)
        patterns.append(re_path(r"^.*$", _with_problems(_not_found), name="unknown"))
        return patterns, app_name, namespace

    def get_openapi_schema(self, **kwargs: Any) -> dict[str, Any]:
        """Error responses are documented as application/problem+json, as they are served, each
        with an example; the report body gets a complete example a partner can send as it is."""
        schema = super().get_openapi_schema(**kwargs)
        schema["tags"] = [tag for tag in TAGS if _tag_used(schema, tag["name"])]
        for operations in schema["paths"].values():
            for operation in operations.values():
                for status, answer in operation.get("responses", {}).items():
                    content = answer.get("content", {})
                    if int(status) >= 400 and "application/json" in content:
                        media = dict(content["application/json"])
                        if int(status) in PROBLEM_EXAMPLES:
                            media["example"] = PROBLEM_EXAMPLES[int(status)]
                        answer["content"] = {PROBLEM_CONTENT_TYPE: media}
                body = operation.get("requestBody", {}).get("content", {}).get("application/json")
                if body and body["schema"].get("$ref", "").endswith("/ReportIn"):
                    body["example"] = REPORT_EXAMPLE
        return schema


# --- Authentication: the organisation's API key ------------------------------------------


class PartnerBearer(HttpBearer):
    openapi_description = (
        "Your organisation's API key: `Authorization: Bearer ohh_<prefix>_<secret>`"
    )
    openapi_bearerFormat = "ohh_<prefix>_<secret>"  # noqa: N815 (OpenAPI's own spelling)

    def authenticate(self, request: HttpRequest, token: str) -> ApiKey | None:
        return authenticate_api_key(token)


class PartnerKeyHeader(APIKeyHeader):
    param_name = "X-API-Key"
    openapi_description = (
        "The same key in an `X-API-Key` header, for clients that cannot set Bearer"
    )

    def authenticate(self, request: HttpRequest, key: str | None) -> ApiKey | None:
        return authenticate_api_key(key or "")


api = PartnerAPI(
    docs=AccessibleDocs(),
    title="Online Hate Crime Hub partner API",
    version="1",
    description=DESCRIPTION,
    urls_namespace="api",
    auth=[PartnerBearer(), PartnerKeyHeader()],
)


def _acting(organisation: Organisation) -> acting_as:
    """Audit entries inside are the partner's; the request's IP and user agent are kept."""
    return acting_as(f"partner:{organisation.name}", user=None)


def _report_out(report: Report, status: str) -> ReportOut:
    originals = report.evidence.filter(kind=EvidenceFile.Kind.ORIGINAL)
    return ReportOut(
        reference=report.reference,
        status=status,
        submitted_at=report.submitted_at,
        partner_reference=report.partner_reference,
        evidence=[_evidence_out(item) for item in originals],
    )


def _receipt_out(received: ReceivedReport, submission: ReportSubmission | None = None) -> ReportOut:
    """A report as acknowledged; once recorded, as recorded. `submission`, when the caller has
    it (the same for a replay: its fingerprint matched), saves decrypting the stored one."""
    if received.report is not None:
        return _report_out(received.report, "received")
    submission = submission or ReportSubmission.from_json(received.submission)
    return ReportOut(
        reference=received.reference,
        status="received",
        submitted_at=received.received_at,
        partner_reference=received.partner_reference,
        evidence=[_evidence_out(item) for item in submission.evidence],
    )


def _evidence_out(item: EvidenceFile | ReceivedFile) -> dict[str, Any]:
    return {
        "filename": item.original_filename,
        "sha256": item.sha256,
        "size_bytes": item.size_bytes,
        "media_type": item.media_type,
    }


def _idempotency_key(value: str | None) -> str | None:
    if value is None:
        return None
    if not value.strip() or len(value) > IDEMPOTENCY_KEY_MAX:
        raise ApiProblem(
            400,
            "Invalid Idempotency-Key header",
            f"The Idempotency-Key must be 1 to {IDEMPOTENCY_KEY_MAX} characters "
            f"(this one has {len(value)}); a UUID is a good choice.",
            type_="urn:hatehub:problem:invalid-idempotency-key",
        )
    return value


def _rule_errors(payload: ReportIn) -> list[tuple[str, str]]:
    """Rules across fields (the schema checks each field on its own)."""
    errors = []
    if "other" in payload.strands and not payload.strand_other:
        errors.append(("strand_other", 'Say what was targeted when strands include "other"'))
    if payload.platform == "other" and not payload.platform_other:
        errors.append(("platform_other", 'Name the platform when platform is "other"'))
    unnamed = [handle for handle in payload.account_ids if handle not in payload.accounts]
    if unnamed:
        errors.append(("account_ids", f"Name {unnamed[0]} in accounts too, or leave out its id"))
    if not payload.urls and not payload.accounts:
        errors.append(("urls", "Give at least one link to the content, or an account name"))
    if payload.poster_identity_known and not payload.poster_identity_details:
        errors.append(("poster_identity_details", "Say who you think posted it"))
    if payload.future_event == "yes" and not payload.future_event_details:
        errors.append(("future_event_details", "Say what the event is, and when and where"))
    contact = payload.contact
    if payload.anonymous and (contact.name or contact.email or contact.phone):
        errors.append(("contact", "An anonymous report must not include contact details"))
    if payload.anonymous and payload.support_referral_consent:
        errors.append(("support_referral_consent", "An anonymous report cannot be referred"))
    if contact.contact_method == "email" and not contact.email:
        errors.append(("contact.email", "Give an email address, or choose another contact method"))
    if contact.contact_method == "phone" and not contact.phone:
        errors.append(("contact.phone", "Give a phone number, or choose another contact method"))
    if len(payload.evidence) > settings.EVIDENCE_MAX_FILES:
        errors.append(("evidence", f"Send at most {settings.EVIDENCE_MAX_FILES} files per report"))
    return errors


def _receive_evidence(items: list[EvidenceIn]) -> list[ReceivedFile]:
    """Decode, check by content and store each file. A file's bytes may reach the content-addressed
    store before a later file is rejected; no report or evidence row is written in that case."""
    received, errors = [], []
    received_at = timezone.now()
    for index, item in enumerate(items):
        name = PurePosixPath(item.filename.replace("\\", "/")).name or "evidence"
        try:
            data = base64.b64decode("".join(item.content_base64.split()), validate=True)
        except (binascii.Error, ValueError):
            errors.append((f"evidence[{index}].content_base64", f"{name} is not valid base64"))
            continue
        try:
            received.append(
                receive(io.BytesIO(data), name=name, size=len(data), received_at=received_at)
            )
        except EvidenceRejected as rejected:
            errors.append((f"evidence[{index}]", str(rejected)))
    if errors:
        raise field_problem(errors)
    return received


def _submission(payload: ReportIn, evidence: list[ReceivedFile]) -> ReportSubmission:
    values = payload.model_dump(exclude={"contact", "evidence", "partner_reference", "strands"})
    contact = payload.contact.model_dump()
    contact["contact_method"] = contact["contact_method"] or ""
    return ReportSubmission(
        **values,
        strands=list(dict.fromkeys(payload.strands)),
        contact=Contact(**contact),
        evidence=evidence,
    )


SUBMIT_HEADERS = {
    "Location": {"description": "Where to read the report back", "schema": {"type": "string"}},
}


@api.post(
    "/reports",
    response={201: ReportOut, 200: ReportOut, **problems(400, 401, 409, 413, 422)},
    summary="Submit a report",
    tags=["Reports"],
    description="201 once the report is stored, with its reference; the hub then records it "
    "(matches it and puts it on a case), and its status reads `received` until then. 200 with "
    "the first report when the same Idempotency-Key and body are sent again (header "
    "`Idempotent-Replayed: true`).",
    openapi_extra={
        "responses": {
            201: {"headers": SUBMIT_HEADERS},
            200: {
                "description": "A retry: the report first created with this Idempotency-Key",
                "headers": {
                    **SUBMIT_HEADERS,
                    "Idempotent-Replayed": {"schema": {"type": "string", "enum": ["true"]}},
                },
            },
        }
    },
)
def submit_report(
    request: HttpRequest,
    payload: ReportIn,
    response: HttpResponse,
    idempotency_key: str | None = Header(
        None,
        alias="Idempotency-Key",
        description="Up to 200 characters, unique per report (a UUID is ideal). Send the same "
        "value when retrying the same request.",
        example="5f0c6f7e-2b1c-4f4e-9a51-0c8e1f0b6a3d",
    ),
) -> Status[ReportOut]:
    organisation = request.auth.organisation
    key = _idempotency_key(idempotency_key)
    if errors := _rule_errors(payload):
        raise field_problem(errors)
    with _acting(organisation):
        submission = _submission(payload, _receive_evidence(payload.evidence))
        try:
            received, created = receive_partner_report(
                submission,
                organisation=organisation,
                idempotency_key=key,
                partner_reference=payload.partner_reference,
            )
        except IdempotencyConflict as conflict:
            raise ApiProblem(
                409,
                "Idempotency-Key already used for a different report",
                f"This Idempotency-Key was used for report {conflict.existing.reference} with "
                "a different body. Use a new key for a new report.",
                type_="urn:hatehub:problem:idempotency-conflict",
                reference=conflict.existing.reference,
            ) from conflict
    response["Location"] = reverse("api:report_status", args=[received.reference])
    if not created:
        response["Idempotent-Replayed"] = "true"
    return Status(201 if created else 200, _receipt_out(received, submission))


@api.get(
    "/reports/{reference}",
    response={200: ReportOut, **problems(401, 404)},
    summary="Read back a report your organisation submitted",
    tags=["Reports"],
    url_name="report_status",
)
def report_status(request: HttpRequest, reference: str) -> Status[ReportOut]:
    organisation = request.auth.organisation
    normalised = normalise(reference)
    received = (
        ReceivedReport.objects.select_related("report__case").filter(reference=normalised).first()
    )
    with _acting(organisation):
        if received is None or received.organisation_id != organisation.pk:
            if received is not None:
                record(
                    Action.DENIED,
                    "report",
                    received.reference,
                    summary=f"Partner API read of {received.reference} refused: not theirs",
                )
            raise Http404(reference)
        record(
            Action.VIEW,
            "report",
            received.reference,
            summary=f"Status of report {received.reference} read through the partner API",
        )
    if received.report is None:  # acknowledged, not yet recorded
        return Status(200, _receipt_out(received))
    return Status(200, _report_out(received.report, received.report.case.get_status_display()))


@api.post(
    "/keys/rotate",
    response={201: KeyRotated, **problems(401)},
    summary="Replace the API key used for this request",
    tags=["API keys"],
    description="The new key is shown once. The current key keeps working for "
    f"{settings.API_KEY_ROTATION_GRACE_HOURS} hours (the grace period), then stops.",
)
def rotate_key(request: HttpRequest, response: HttpResponse) -> Status[KeyRotated]:
    current: ApiKey = request.auth
    with _acting(current.organisation):
        full_key, new = rotate_api_key(current=current)
        record(
            Action.CHANGE,
            "api_key",
            current.pk,
            summary=f"API key {current.prefix} rotated to {new.prefix} through the partner API; "
            f"it stops working at {current.expires_at:%Y-%m-%d %H:%M} UTC",
            details={"organisation_id": current.organisation_id, "new_prefix": new.prefix},
        )
    response["Cache-Control"] = "no-store"
    return Status(
        201,
        KeyRotated(
            key=full_key,
            prefix=new.prefix,
            previous_prefix=current.prefix,
            previous_key_expires_at=current.expires_at,
        ),
    )
