"""Exports to police intelligence systems, mounted at /api/v1/intelligence/.

Who may call it: an intelligence recipient (`IntelligenceRecipient`: a force intelligence bureau
or a national system the hub disseminates to) with its own key, `ohi_<prefix>_<secret>`. Partner
organisations' reporting keys (`ohh_...`) are refused here: reporting to the hub and receiving
intelligence from it are different trusts, so they never share a credential.

Every export is recorded (`IntelligenceExport`) and audited as a disclosure to the recipient.
Errors are RFC 9457 problem+json, like the rest of the API.
"""

import datetime as dt

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from ninja import Query, Router
from ninja.security import APIKeyHeader, HttpBearer

from hatehub.audit.services import acting_as
from hatehub.core.problems import ApiProblem, field_problem, problems

from . import selectors, services
from .models import IntelligenceExport, RecipientKey

MAX_REPORTS = 500
UNKNOWN_REPORTS = "urn:hatehub:problem:unknown-intelligence-reports"


class RecipientBearer(HttpBearer):
    openapi_description = (
        "Your intelligence recipient key: `Authorization: Bearer ohi_<prefix>_<secret>`"
    )
    openapi_bearerFormat = "ohi_<prefix>_<secret>"  # noqa: N815 (OpenAPI's own spelling)

    def authenticate(self, request: HttpRequest, token: str) -> RecipientKey | None:
        return services.authenticate_key(token)


class RecipientKeyHeader(APIKeyHeader):
    param_name = "X-API-Key"
    openapi_description = "The same recipient key in an `X-API-Key` header"

    def authenticate(self, request: HttpRequest, key: str | None) -> RecipientKey | None:
        return services.authenticate_key(key or "")


router = Router(auth=[RecipientBearer(), RecipientKeyHeader()], tags=["Intelligence"])


def _date(value: str, field: str, errors: list[tuple[str, str]]) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value.strip())
    except ValueError:
        errors.append((field, f"{value[:40]!r} is not a date: use YYYY-MM-DD, e.g. 2026-11-01"))
        return None


def _start_of(day: dt.date) -> dt.datetime:
    return timezone.make_aware(dt.datetime.combine(day, dt.time.min))


def _criteria(date_from: str | None, date_to: str | None, reports: str | None) -> dict:
    """The export's selection from the query, or a 422 problem naming each bad parameter."""
    errors: list[tuple[str, str]] = []
    references = [part for part in (reports or "").replace(" ", ",").split(",") if part.strip()]
    if reports is not None and (date_from or date_to):
        errors.append(("reports", "Ask for a report set or a date range, not both"))
    if reports is not None:
        if not references:
            errors.append(("reports", "Give the references of the reports, separated by commas"))
        elif len(references) > MAX_REPORTS:
            errors.append(("reports", f"Ask for at most {MAX_REPORTS} reports at a time"))
        if errors:
            raise field_problem(errors)
        return {"references": references}
    if not date_from:
        errors.append(("from", "Give the first day (from=YYYY-MM-DD) or a report set (reports)"))
        raise field_problem(errors)
    start = _date(date_from, "from", errors)
    end = _date(date_to, "to", errors) if date_to else timezone.localdate()
    if start and end and start > end:
        errors.append(("to", "The last day must be on or after the first day"))
    if errors:
        raise field_problem(errors)
    return {"date_from": _start_of(start), "date_to": _start_of(end + dt.timedelta(days=1))}


def _export(request: HttpRequest, fmt: str, **query) -> HttpResponse:
    key: RecipientKey = request.auth
    recipient = key.recipient
    criteria = _criteria(**query)
    with acting_as(f"intelligence-recipient:{recipient.name}", user=None):
        try:
            result = services.export(
                recipient,
                fmt=fmt,
                channel=IntelligenceExport.Channel.API,
                key_prefix=key.prefix,
                **criteria,
            )
        except selectors.UnknownReports as unknown:
            raise ApiProblem(
                422,
                "Unknown report set",
                "These references are not intelligence reports disseminated for you to receive",
                type_=UNKNOWN_REPORTS,
                errors=[
                    {"field": "reports", "message": f"{ref}: unknown or not available to you"}
                    for ref in unknown.references
                ],
            ) from unknown
    response = HttpResponse(result.body, content_type=result.content_type)
    response["Content-Disposition"] = f'attachment; filename="{result.filename}"'
    response["X-Export-Id"] = str(result.export.pk)
    response["X-Export-SHA256"] = result.export.sha256
    response["Cache-Control"] = "no-store"
    return response


QUERY_HELP = (
    "Either a date range of dissemination (`from`, and optionally `to`, both YYYY-MM-DD and "
    "inclusive; `to` defaults to today) or a report set (`reports`, comma-separated references). "
    "You receive every disseminated report with handling code P, and those with handling code C "
    "that were disseminated to you, each carrying its conditions."
)


@router.get(
    "/export.json",
    response={200: dict, **problems(401, 422)},
    summary="POLE export (JSON): entities, relationships and intelligence reports",
    description=QUERY_HELP,
    url_name="intelligence_export_json",
)
def export_json(
    request: HttpRequest,
    date_from: str | None = Query(None, alias="from"),
    date_to: str | None = Query(None, alias="to"),
    reports: str | None = Query(None),
) -> HttpResponse:
    return _export(
        request,
        IntelligenceExport.Format.JSON,
        date_from=date_from,
        date_to=date_to,
        reports=reports,
    )


@router.get(
    "/export.csv",
    response={200: str, **problems(401, 422)},
    summary="CSV export: one row per report and linked POLE entity, with its handling code",
    description=QUERY_HELP,
    url_name="intelligence_export_csv",
)
def export_csv(
    request: HttpRequest,
    date_from: str | None = Query(None, alias="from"),
    date_to: str | None = Query(None, alias="to"),
    reports: str | None = Query(None),
) -> HttpResponse:
    return _export(
        request,
        IntelligenceExport.Format.CSV,
        date_from=date_from,
        date_to=date_to,
        reports=reports,
    )
